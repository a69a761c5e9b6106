"""`switchboard ask --tools SERVER[,SERVER…] [--approve ask|all|none]`: a turn with tools.

The tools come from the MCP servers configured with `switchboard mcp add` (the hub of
`desktop.core.tools.hub`). Nothing runs without an approval path: `ask` (the default) shows
each call's tool and pretty-printed arguments on the terminal and asks; with no terminal it
refuses to start unless `--approve all` (run every call) or `--approve none` (deny every
call) is given. Progress goes to stderr, the replies to stdout as usual.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop.commands.exit_codes import EXIT_CONFIG, exit_code_for
from desktop.core.api.errors import ToolsUnsupportedError
from desktop.core.chat_service import ChatService, ChatSettings, ExchangeListener
from desktop.core.paths import DataDir
from desktop.core.reply_parts import ToolCall
from desktop.core.safe_text import SafeOutput, is_terminal, terminal_safe
from desktop.core.settings import Settings
from desktop.core.store.models import ContentPart
from desktop.core.tools.arguments import pretty_arguments
from desktop.core.tools.contract import ToolExecutor, ToolSpec
from desktop.core.tools.events import ToolCallFinished, ToolCallStarted, ToolLoopEvent
from desktop.core.tools.loop import LoopResult, ToolLoop

APPROVE_MODES = ("ask", "all", "none")
NO_TERMINAL = (
    "tools need your approval, and there is no terminal to ask on. Pass --approve all to run "
    "every call the model asks for, or --approve none to deny them all."
)
MAX_SHOWN_ARGUMENTS = 4000  # characters of a call's arguments shown in the prompt


def open_hub(data_dir_root: Path) -> ToolExecutor:
    """The MCP hub of the data directory (imported here: the hub loads the MCP SDK)."""
    from desktop.core.tools.hub import McpHub  # type: ignore[import-not-found, unused-ignore]

    hub: ToolExecutor = McpHub.open(data_dir_root)
    return hub


# The seam tests use to run `ask --tools` with in-process tools instead of MCP servers.
executor_factory: Callable[[Path], ToolExecutor] = open_hub


def parse_servers(value: str) -> list[str]:
    servers = [name.strip() for name in value.split(",") if name.strip()]
    if not servers:
        raise argparse.ArgumentTypeError("--tools needs at least one server name")
    return servers


class TerminalApproval:
    """Asks on the terminal before each call: y(es), n(o), or a(lways) for this tool."""

    def __init__(self, prompt_to: TextIO, answers_from: TextIO) -> None:
        self.out = SafeOutput(prompt_to)
        self.answers = answers_from
        self.always: set[str] = set()

    def always_allowed(self, spec: ToolSpec) -> bool:
        return spec.wire_name in self.always

    async def __call__(self, call: ToolCall, spec: ToolSpec) -> bool:
        arguments = pretty_arguments(call.arguments)
        if len(arguments) > MAX_SHOWN_ARGUMENTS:
            arguments = arguments[:MAX_SHOWN_ARGUMENTS] + f"\n… ({len(arguments):,} characters)"
        self.out.print(f"\nThe model wants to run {terminal_safe(spec.server)}/"
                       f"{terminal_safe(spec.name)} with:")
        self.out.print(terminal_safe(arguments))
        while True:
            self.out.write("Run it? [y]es, [n]o, [a]lways for this tool: ")
            self.out.flush()
            line = await asyncio.to_thread(self.answers.readline)
            answer = line.strip().lower()
            if not line or answer in ("n", "no"):  # end of input denies
                if not line:
                    self.out.print("")
                return False
            if answer in ("y", "yes"):
                return True
            if answer in ("a", "always"):
                self.always.add(spec.wire_name)
                return True


def can_ask() -> bool:
    """A person can answer: stdin and stderr are both a terminal."""
    return is_terminal(sys.stdin) and is_terminal(sys.stderr)


class ProgressPrinter:
    """Tool progress on stderr: which call runs, and how it ended."""

    def __init__(self, err: SafeOutput) -> None:
        self.err = err

    def __call__(self, event: ToolLoopEvent) -> None:
        if isinstance(event, ToolCallStarted):
            self.err.print(f"[tool] running {terminal_safe(event.call.name)}…")
        elif isinstance(event, ToolCallFinished) and event.message.tool is not None:
            tool = event.message.tool
            took = f" in {tool.duration_ms:.0f} ms" if tool.duration_ms is not None else ""
            self.err.print(f"[tool] {terminal_safe(tool.name)}: {tool.status.value}{took}")


async def run_tool_turn(
    args: argparse.Namespace,
    service: ChatService,
    conversation_id: int,
    content: list[ContentPart],
    settings: ChatSettings,
    listener: ExchangeListener,
    data_dir: DataDir,
) -> LoopResult | int:
    """One turn with tools; an exit code when it could not start (already reported).

    The caller has checked `refusal(args)` before writing anything.
    """
    err = SafeOutput(sys.stderr)
    mode = args.approve
    executor = executor_factory(data_dir.root)
    try:
        specs = await executor.list_tools(args.tools)
        if not specs:
            err.print(f"switchboard: no enabled tools on {', '.join(args.tools)} (see "
                      "`switchboard mcp list`)")
            return EXIT_CONFIG
        terminal = TerminalApproval(sys.stderr, sys.stdin)

        async def deny(_call: ToolCall, _spec: ToolSpec) -> bool:
            return False

        loop = ToolLoop(
            service, executor, specs,
            approve=terminal if mode == "ask" else deny,
            always_allow=(lambda _spec: True) if mode == "all" else terminal.always_allowed,
            max_steps=int(Settings(data_dir.settings_file).get("tools.max_steps")),
            on_event=ProgressPrinter(err),
            listener=listener,
        )
        try:
            result = await loop.send(conversation_id, content, settings)
        except ToolsUnsupportedError as error:
            err.print(f"switchboard: {error}")
            err.print("switchboard: run the same command without --tools to send it "
                      "without tools.")
            return exit_code_for(error)
        if result.note:
            err.print(f"switchboard: {result.note}")
        return result
    finally:
        await executor.close()


def refusal(args: argparse.Namespace) -> str | None:
    """Why `ask --tools` cannot run with these arguments here (None: it can)."""
    if args.no_save:
        return "--tools keeps the calls and results in the history; leave out --no-save."
    if args.approve == "ask" and not can_ask():
        return NO_TERMINAL
    return None
