"""Finding LaTeX math in Markdown: a markdown-it plugin (so code spans and fences never match).

Forms: inline `$…$` and `\\(…\\)`; display `$$…$$`, `\\[…\\]` and `\\begin{env}…\\end{env}`
for the environments models emit (`MATH_ENVIRONMENTS`). Display math on lines of its own is
a block (`math_block` token); inside a line it is an inline token with `display` set.

The rules, chosen against false positives (currency, shell) — peers' trackers are full of
`$50 to $100` rendered as math (remark-math's `singleDollarTextMath`, used by LobeChat and
Cherry Studio, pairs any two `$`; several apps turned single `$` off entirely). We keep `$…$`
with pandoc's `tex_math_dollars` rules, also used by markdown-it-texmath and markdig:

1. An opening `$` must have a non-space character right after it; a closing `$` a
   non-space character right before it, and must not be followed by a digit
   (`$5 and $10`, `costs $3.50 or $4`, `$5-$10`, `$20,000` stay text).
2. An opening `$` must not follow a letter or digit (markdig: `US$5`, `16$ or $15`).
3. A closing `$` must not be followed by an upper-case letter or `_` (ours: shell and
   spreadsheet text such as `$HOME/$USER`, `$PATH:$HOME`, `=$A$1`; `$n$th` still works).
4. `$` runs of three or more are text; `\\$` is a literal dollar; a formula never contains a
   backtick (a code span wins) and never crosses a blank line.
5. `$$…$$`, `\\(…\\)`, `\\[…\\]` and environments have no spacing rules (they are
   unambiguous), but must close; display math spans no blank line (pandoc's rule).

Streaming: a delimiter that has not closed yet is text, so a reply shows math only once it
closes; `open_display_line` tells the incremental renderer where an unclosed display block
starts, so that it does not finish the blocks after it too early.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

MATH_ENVIRONMENTS = (
    "aligned", "align", "alignat", "alignedat", "cases", "dcases", "rcases", "matrix",
    "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "equation",
    "gather", "gathered", "multline", "split", "array", "subequations", "eqnarray",
)
MAX_MATH_CHARS = 8000  # longer "formulas" are text (hostile or broken input)
MAX_MATH_LINES = 200

_ENV_NAMES = "|".join(sorted(MATH_ENVIRONMENTS, key=len, reverse=True))
_BEGIN = re.compile(rf"\\begin\{{({_ENV_NAMES})(\*?)\}}")
# A line that may open display math, after container markers (quotes, list bullets).
_OPENER_LINE = re.compile(rf"^[ \t>*+\-\d.)]*(\$\$|\\\[|\\begin\{{(?:{_ENV_NAMES})\*?\}})")


@dataclass(frozen=True, slots=True)
class MathSpan:
    """One formula: its LaTeX, whether it is display math, its text with delimiters, and
    whether it stands as a block of its own (on its own lines); `heading` is the level
    (1–6) of the heading it is in, 0 outside headings (its size follows the heading's)."""

    latex: str
    display: bool
    source: str
    block: bool = False
    heading: int = 0


def _closing(opener: str) -> str:
    if opener == "$$":
        return "$$"
    if opener == "\\[":
        return "\\]"
    if opener == "\\(":
        return "\\)"
    match = _BEGIN.match(opener)
    assert match is not None
    return f"\\end{{{match.group(1)}{match.group(2)}}}"


def _find_close(text: str, start: int, opener: str, end: int | None = None) -> int:
    """Where the closing delimiter of `opener` starts in `text[:end]` (from `start`), or -1.

    Environments nest (`\\begin{aligned}` inside `\\begin{equation}` is common); the search
    stops at a blank line.
    """
    close = _closing(opener)
    depth = 1
    position = start
    limit = min(len(text) if end is None else end, start + MAX_MATH_CHARS)
    blank = text.find("\n\n", start, limit)
    if blank != -1:
        limit = blank
    nested = opener if opener.startswith("\\begin") else None
    while position < limit:
        found = text.find(close, position, limit)
        if found == -1:
            return -1
        if nested is not None:
            depth += text.count(nested, position, found)
            depth -= 1
            if depth > 0:
                position = found + len(close)
                continue
        elif close == "$$" and found > 0 and text[found - 1] == "\\" and not _escaped_pair(
            text, found - 1
        ):
            position = found + 1
            continue
        return found
    return -1


def _escaped_pair(text: str, index: int) -> bool:
    """Whether the backslash at `index` is itself escaped (an even run ends before it)."""
    run = 0
    while index - run - 1 >= 0 and text[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def _opener_at(text: str, position: int, end: int) -> str | None:
    """The display or bracket opener starting at `position` (before `end`), if any."""
    if text.startswith("$$", position, end):
        return "$$"
    if text.startswith("\\[", position, end):
        return "\\["
    if text.startswith("\\(", position, end):
        return "\\("
    match = _BEGIN.match(text, position, end)
    return match.group(0) if match else None


# --- inline rule ----------------------------------------------------------------------------
def _single_dollar_close(src: str, start: int, end: int) -> tuple[int, int]:
    """(index of the `$` that closes a `$` opened just before `start`, or -1 (rules 1–4);
    where the scan stopped)."""
    position = start
    while position < end:
        char = src[position]
        if char == "\\":
            position += 2  # an escaped character (\$ included) never closes
            continue
        if char == "`":
            return -1, position
        if char == "\n" and src.startswith("\n", position + 1):
            return -1, position
        if char == "$":
            before = src[position - 1]
            after = src[position + 1] if position + 1 < end else ""
            if after == "$":
                return -1, position  # `$…$$` is no formula
            if before.isspace():
                position += 1
                continue
            if after.isdigit() or after.isupper() or after == "_":
                position += 1
                continue
            return position, position
        position += 1
    return -1, end


def _dollar_close_memo(state: StateInline, start: int, end: int) -> int:
    """`_single_dollar_close` for an opener at `start`, remembering the last scan.

    A closer does not depend on its opener, so every opener before the point a scan reached
    gets the same answer: many openers in one paragraph (hostile text) cost one scan.
    """
    memo: tuple[str, int, int, int, int] | None = state.env.get("_math_dollar")
    if memo is not None and memo[0] is state.src and memo[1] == end and (
        memo[2] <= start < memo[3]
    ):
        return memo[4]
    found, reached = _single_dollar_close(state.src, start + 1, end)
    state.env["_math_dollar"] = (state.src, end, start, reached, found)
    return found


def _next_at(state: StateInline, needle: str, start: int, end: int) -> int:
    """`state.src.find(needle, start, end)`, remembered: a paragraph with thousands of
    unclosed openers (hostile text) searches each stretch once."""
    memos: dict[str, tuple[str, int, int, int]] = state.env.setdefault("_math_next", {})
    memo = memos.get(needle)
    if memo is not None and memo[0] is state.src and memo[1] == end and (
        memo[2] <= start and (start <= memo[3] or memo[3] == -1)
    ):
        return memo[3]
    found = state.src.find(needle, start, end)
    memos[needle] = (state.src, end, start, found)
    return found


def _inline_close(state: StateInline, start: int, opener: str, end: int) -> int:
    """Where an inline display or bracket formula opened at `start` closes, or -1."""
    if opener.startswith("\\begin"):
        return _find_close(state.src, start + len(opener), opener, end)
    close = _closing(opener)
    position = start + len(opener)
    while True:
        found = _next_at(state, close, position, end)
        if found == -1 or found - start > MAX_MATH_CHARS:
            return -1
        blank = _next_at(state, "\n\n", position, end)
        if blank != -1 and blank < found:
            return -1
        if close == "$$" and state.src[found - 1] == "\\" and not _escaped_pair(
            state.src, found - 1
        ):
            position = found + 1
            continue
        return found


def _inline_math(state: StateInline, silent: bool) -> bool:
    src, start, end = state.src, state.pos, state.posMax
    char = src[start]
    if char == "\\":
        opener = _opener_at(src, start, end)
        if opener is None or opener == "$$":
            return False
        display = opener != "\\("
        found = _inline_close(state, start, opener, end)
        if found == -1:
            return False
        close = _closing(opener)
        stop = found + len(close)
        latex = src[start:stop] if opener.startswith("\\begin") else src[start + 2 : found]
    elif char == "$":
        run = 0
        while start + run < end and src[start + run] == "$":
            run += 1
        if run >= 3 or run == 2:
            found = _inline_close(state, start, "$$", end) if run == 2 else -1
            if found == -1 or not src[start + 2 : found].strip():
                if not silent:
                    state.pending += "$" * run
                state.pos += run
                return True
            display, stop, latex = True, found + 2, src[start + 2 : found]
        else:
            after = src[start + 1] if start + 1 < end else ""
            before = src[start - 1] if start > 0 else " "
            if not after or after.isspace() or (before.isascii() and before.isalnum()):
                return False
            found = _dollar_close_memo(state, start, end)
            if found == -1:
                return False
            display, stop, latex = False, found + 1, src[start + 1 : found]
    else:
        return False
    if len(latex) > MAX_MATH_CHARS:
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = latex.strip()
        token.markup = src[start:stop]
        token.meta = {"display": display}
    state.pos = stop
    return True


# --- block rule -----------------------------------------------------------------------------
def _close_in_line(line: str, start: int, opener: str, close: str, depth: int) -> tuple[int, int]:
    """(where `close` ends the formula in `line`, or -1; the nesting depth after the line)."""
    if opener.startswith("\\begin"):
        for match in re.finditer(re.escape(opener) + "|" + re.escape(close), line[start:]):
            depth += 1 if match.group(0) == opener else -1
            if depth == 0:
                return start + match.start(), 0
        return -1, depth
    position = line.find(close, start)
    while position != -1 and close == "$$" and position > 0 and line[position - 1] == "\\" \
            and not _escaped_pair(line, position - 1):
        position = line.find(close, position + 1)
    return position, depth


def _line_text(state: StateBlock, line: int) -> str:
    """A line as the block parser sees it (container markers and indentation removed)."""
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # an indented code block
    begin = state.bMarks[start_line] + state.tShift[start_line]
    first_end = state.eMarks[start_line]
    opener = _opener_at(state.src, begin, first_end)
    if opener is None or opener == "\\(":
        return False
    close = _closing(opener)
    nested = opener.startswith("\\begin")
    # What earlier scans learnt, so that hostile text of many openers stays linear: openers
    # before a line a scan ran into without a closer cannot close (`failed`), and lines a
    # scan passed hold no closer (`clear`: later openers skip them).
    failed: dict[str, tuple[str, int]] = state.env.setdefault("_math_block_failed", {})
    clear: dict[str, tuple[str, int, int]] = state.env.setdefault("_math_block_clear", {})
    known = failed.get(close)
    if known is not None and known[0] is state.src and start_line < known[1]:
        return False
    first = _line_text(state, start_line)
    line, depth, chars = start_line, 1, len(first)
    found, depth = _close_in_line(first, len(opener), opener, close, depth)
    closers = close in first
    while found == -1:
        line += 1
        passed = clear.get(close)
        if passed is not None and passed[0] is state.src and passed[1] < line < passed[2]:
            skipped = (state.bMarks[line], state.bMarks[passed[2]])
            chars += skipped[1] - skipped[0]
            if nested:  # they may open more environments of the kind
                depth += state.src.count(opener, *skipped)
            line = passed[2]  # the lines between hold no closer and no blank line
        if line - start_line > MAX_MATH_LINES or chars > MAX_MATH_CHARS:
            if not (nested and closers):
                clear[close] = (state.src, start_line, line)
            return False
        if line >= end_line or state.bMarks[line] + state.tShift[line] >= state.eMarks[line] or (
            state.sCount[line] < state.blkIndent
        ):
            if not (nested and closers):  # (nested: a later opener needs fewer closers)
                failed[close] = (state.src, line)  # the end, a blank line, the container's end
            return False
        text = _line_text(state, line)
        chars += len(text) + 1
        closers = closers or close in text
        found, depth = _close_in_line(text, 0, opener, close, depth)
    last = _line_text(state, line)
    if chars > MAX_MATH_CHARS or last[found + len(close) :].strip():
        return False  # too long, or text follows the closing delimiter: inline math
    if silent:
        return True
    lines = [_line_text(state, number) for number in range(start_line, line + 1)]
    lines[-1] = lines[-1][: found + len(close)]
    source = "\n".join(lines)
    inner = source if nested else source[len(opener) : len(source) - len(close)]
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = inner.strip()
    token.markup = source
    token.meta = {"display": True}
    token.map = [start_line, line + 1]
    state.line = line + 1
    return True


# --- plugin and queries -----------------------------------------------------------------------
MathRender = Callable[[MathSpan], str]


def span_of(token: Token) -> MathSpan:
    """The formula a `math_inline` or `math_block` token holds."""
    display = bool(token.meta.get("display"))
    return MathSpan(token.content, display, token.markup, token.type == "math_block")


def math_plugin(md: MarkdownIt, render: MathRender) -> None:
    """Parse math in `md` and render each formula with `render` (HTML)."""
    md.inline.ruler.before("escape", "math_inline", _inline_math)
    md.block.ruler.before(
        "fence", "math_block", _math_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )

    def inline_rule(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        span = span_of(tokens[idx])
        level = env.get(_HEADING_KEY, 0) if isinstance(env, dict) else 0
        return render(replace(span, heading=level) if level else span)

    def heading_open(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        if isinstance(env, dict):
            env[_HEADING_KEY] = heading_level(tokens[idx].tag)
        return renderer.renderToken(tokens, idx, options, env)

    def heading_close(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        if isinstance(env, dict):
            env.pop(_HEADING_KEY, None)
        return renderer.renderToken(tokens, idx, options, env)

    def block_rule(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        return render(span_of(tokens[idx]))

    md.add_render_rule("math_inline", inline_rule)
    md.add_render_rule("math_block", block_rule)
    md.add_render_rule("heading_open", heading_open)  # formulas in headings know the level
    md.add_render_rule("heading_close", heading_close)


_HEADING_KEY = "math_heading"


def heading_level(tag: str) -> int:
    """1–6 for a heading tag (`h2`), else 0."""
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 0


def _plain(span: MathSpan) -> str:
    return ""


_FINDER: MarkdownIt | None = None


def find_math(text: str) -> list[MathSpan]:
    """Every formula in Markdown `text`, in order (none inside code)."""
    global _FINDER
    if _FINDER is None:
        _FINDER = MarkdownIt("commonmark")
        _FINDER.enable(["table", "strikethrough"])
        math_plugin(_FINDER, _plain)
    spans: list[MathSpan] = []
    for token in _FINDER.parse(text):
        if token.type == "math_block":
            spans.append(span_of(token))
        for child in token.children or []:
            if child.type == "math_inline":
                spans.append(span_of(child))
    return spans


def open_display_line(text: str) -> int | None:
    """The line of the first display opener in `text` that has not closed (None if none).

    Until it closes (or a blank line shows it never will), the blocks from that line on may
    still turn into one formula, so a streamed rendering must keep them unfinished.
    """
    if "$$" not in text and "\\[" not in text and "\\begin{" not in text:
        return None
    offset = 0
    skip_to = 0  # the end of the last formula that closed
    for number, line in enumerate(text.split("\n")):
        match = _OPENER_LINE.match(line)
        if match is not None and offset >= skip_to:
            opener = match.group(1)
            start = offset + match.end()
            found = _find_close(text, start, opener)
            if found != -1:
                skip_to = found + len(_closing(opener))
            elif (text.find("\n\n", start) == -1 and len(text) - start <= 2 * MAX_MATH_CHARS
                  and text.count("\n", start) <= MAX_MATH_LINES):
                return number  # (past those limits it can no more become a formula)
        offset += len(line) + 1
    return None
