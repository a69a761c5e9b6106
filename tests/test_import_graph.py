"""The shape of `desktop/`: its import graph is acyclic, the tiers import only downwards, and
no module is over 500 lines.

Every `import` statement counts, wherever it stands: at the top, inside a function, under
`if TYPE_CHECKING:` or in a `try:`. A loop held apart by a function-local or type-checking-only
import is still a loop. The tiers, lowest first:

- `desktop.core`: no Qt; imports nothing from the tiers above it (and its storage,
  `desktop.core.store`, nothing from the network package `desktop.core.api`);
- `desktop.media`: QtGui work without widgets (image preparation), for the window and the CLI;
- `desktop.commands`: the headless CLI; never the window;
- `desktop.ui`: widgets; only the composition root builds the main window.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"
MAX_LINES = 500
MAIN_WINDOW = "desktop.ui.main_window"
COMPOSITION_ROOT = "desktop.ui.window_assembly"


@dataclass
class Module:
    name: str
    path: Path
    lines: int
    # Every name an import asks for: ours resolved to a module of `desktop`, others as written.
    imports: set[str] = field(default_factory=set)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(tree: ast.AST, name: str, is_package: bool) -> Iterator[str]:
    """Each dotted name an import statement anywhere in `tree` asks for: `import a.b` gives
    `a.b`, `from a import b` gives `a.b` (a module or a name in `a`; `resolve` tells)."""
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield from (f"{base}.{alias.name}" if alias.name != "*" else base
                        for alias in node.names)


def resolve(target: str, modules: Iterable[str]) -> str:
    """Ours: the module `target` names, or the module that defines the name `target` is.
    Others (PySide6, the standard library): `target` unchanged."""
    if target.split(".")[0] != "desktop" or target in modules:
        return target
    return target.rpartition(".")[0]


def load_modules() -> dict[str, Module]:
    paths = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
    modules = {}
    for name, path in paths.items():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(path))
        names = imported_names(tree, name, path.name == "__init__.py")
        imports = {resolve(target, paths) for target in names} - {name}
        modules[name] = Module(name, path, len(text.splitlines()), imports)
    return modules


MODULES = load_modules()


def graph() -> dict[str, set[str]]:
    return {
        name: {target for target in module.imports if target in MODULES}
        for name, module in MODULES.items()
    }


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's components with more than one module (a module never imports itself here)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a deep graph cannot hit the recursion limit.
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def shortest_cycle_through(node: str, edges: dict[str, set[str]], allowed: set[str]) -> list[str]:
    """The shortest import loop from `node` back to itself within `allowed` (breadth first)."""
    came_from: dict[str, str] = {}
    queue = deque([node])
    while queue:
        current = queue.popleft()
        for target in sorted(edges[current] & allowed):
            if target == node:
                path = [current]
                while path[-1] != node:
                    path.append(came_from[path[-1]])
                return [*reversed(path), node]
            if target not in came_from:
                came_from[target] = current
                queue.append(target)
    raise AssertionError(f"{node} is in a component but on no cycle")


def import_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One shortest loop through each module that is on a loop, without repeats, shortest
    first. Every module of every loop appears in at least one of them."""
    cycles: dict[tuple[str, ...], list[str]] = {}
    for component in strongly_connected(edges):
        for node in sorted(component):
            cycle = shortest_cycle_through(node, edges, component)
            ring = cycle[:-1]
            start = ring.index(min(ring))
            key = tuple(ring[start:] + ring[:start])
            cycles.setdefault(key, [*key, key[0]])
    return sorted(cycles.values(), key=lambda cycle: (len(cycle), cycle))


def in_part(name: str, part: str) -> bool:
    return name == part or name.startswith(part + ".")


def offending_imports(part: str, forbidden: Iterable[str]) -> list[str]:
    forbidden = tuple(forbidden)
    return sorted(
        f"{module.name} imports {target}"
        for module in MODULES.values()
        if in_part(module.name, part)
        for target in module.imports
        if any(in_part(target, banned) for banned in forbidden)
    )


# -- the rules ---------------------------------------------------------------------------------


def test_the_graph_sees_every_kind_of_import() -> None:
    """Function-local, TYPE_CHECKING-only and relative imports are edges too."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import sibling\n"
        "if TYPE_CHECKING:\n"
        "    from desktop.ui.main_window import MainWindow\n"
        "def later() -> None:\n"
        "    import desktop.core.settings\n"
    )
    names = set(imported_names(ast.parse(source), "desktop.ui.example", is_package=False))
    assert {"desktop.ui.main_window.MainWindow", "desktop.core.settings",
            "desktop.ui.sibling"} <= names
    assert resolve("desktop.ui.main_window.MainWindow", MODULES) == MAIN_WINDOW
    assert resolve("desktop.core.store.Store", MODULES) == "desktop.core.store"
    assert resolve("desktop.core.store.models", MODULES) == "desktop.core.store.models"
    assert resolve("PySide6.QtWidgets.QWidget", MODULES) == "PySide6.QtWidgets.QWidget"


def test_cycles_are_found_shortest_first() -> None:
    edges = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"b"}, "e": {"a"}}
    assert import_cycles(edges) == [["a", "b", "a"], ["b", "c", "d", "b"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_import_graph_is_acyclic() -> None:
    cycles = import_cycles(graph())
    listed = "\n".join(" -> ".join(cycle) for cycle in cycles)
    if cycles:
        pytest.fail(f"{len(cycles)} import cycles (shortest first):\n{listed}", pytrace=False)


def test_core_imports_no_higher_tier() -> None:
    offenders = offending_imports("desktop.core", ("desktop.ui", "desktop.media",
                                                   "desktop.commands", "PySide6"))
    if offenders:
        pytest.fail("\n".join(offenders), pytrace=False)


def test_storage_does_not_import_the_network_package() -> None:
    """Values both keep (usage, tool calls) live in `desktop.core.reply_parts`."""
    offenders = offending_imports("desktop.core.store", ("desktop.core.api",))
    if offenders:
        pytest.fail("\n".join(offenders), pytrace=False)


def test_media_imports_neither_ui_nor_widgets() -> None:
    offenders = offending_imports("desktop.media", ("desktop.ui", "desktop.commands",
                                                    "PySide6.QtWidgets"))
    if offenders:
        pytest.fail("\n".join(offenders), pytrace=False)


def test_commands_never_import_the_window() -> None:
    offenders = offending_imports("desktop.commands", ("desktop.ui", "PySide6.QtWidgets"))
    if offenders:
        pytest.fail("\n".join(offenders), pytrace=False)


def test_only_the_composition_root_imports_the_main_window() -> None:
    # The GUI session builds windows (one at a time; a restore swaps in a new one) and hands
    # each to the composition root: it is the app's side of the root.
    allowed = {MAIN_WINDOW, COMPOSITION_ROOT, "desktop.ui.gui_session"}
    offenders = sorted(
        name for name, module in MODULES.items()
        if in_part(name, "desktop.ui") and name not in allowed and MAIN_WINDOW in module.imports
    )
    if offenders:
        pytest.fail("modules that import the main window:\n" + "\n".join(offenders),
                    pytrace=False)


def test_no_module_is_over_500_lines() -> None:
    long = sorted((module.lines, name) for name, module in MODULES.items()
                  if module.lines > MAX_LINES)
    listed = "\n".join(f"{name}: {lines} lines" for lines, name in reversed(long))
    if long:
        pytest.fail(f"modules over {MAX_LINES} lines:\n{listed}", pytrace=False)
