"""LaTeX → SVG with ziamath (pure Python, STIX Two Math), cached; MathML with latex2mathml.

The SVG is SVG 1.1 (`ziamath.config.svg2 = False`): QtSvg draws no SVG 2 `<use>` forms.
Formulas are rendered once per (LaTeX, display, size) in a neutral colour and recoloured by
text replacement, so a theme change costs no re-typesetting. Errors — a parse failure, an
unknown command, an input too large — raise `MathError` with a short message for the user.
"""

from __future__ import annotations

import re
import threading
import warnings
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

SENTINEL_COLOUR = "#010203"  # rendered in this colour, replaced by the wanted one
MAX_LATEX_CHARS = 4000
MAX_SIDE_PX = 4000.0
_ZIAMATH_LOCK = threading.Lock()  # ziamath keeps module-level state (fonts, numbering)

_RENAMED = {
    "align": "aligned", "align*": "aligned", "split": "aligned", "eqnarray": "aligned",
    "eqnarray*": "aligned", "gather": "gathered", "gather*": "gathered",
    "multline": "gathered", "multline*": "gathered", "dcases": "cases", "rcases": "cases",
    "alignat": "aligned", "alignat*": "aligned", "alignedat": "aligned",
}
_DROPPED_ENVS = ("equation", "equation*", "subequations")
_ENV = re.compile(r"\\(begin|end)\{([A-Za-z]+\*?)\}(\{\d+\})?")
_NUMBERING = re.compile(r"\\(?:tag\*?|label)\{[^{}]*\}|\\(?:nonumber|notag)\b")
_UNKNOWN = re.compile(r"<(?:mi|mo|mtext)[^>]*>(\\[A-Za-z]+)<")


@cache
def _ziamath() -> tuple[ModuleType, ModuleType]:
    """ziamath's typesetting and LaTeX modules, configured; imported on first use (~150 ms:
    the chat view typesets in a child process, the window never imports it)."""
    with warnings.catch_warnings():  # ziamath 0.13 finds its font with a deprecated call
        warnings.simplefilter("ignore", DeprecationWarning)
        from ziamath import tex, zmath
        from ziamath.config import config

    config.svg2 = False  # QtSvg draws SVG 1.1 only
    config.precision = 2
    return zmath, tex


class MathError(ValueError):
    """A formula that cannot be typeset (the message says why)."""


@dataclass(frozen=True, slots=True)
class MathSvg:
    """A typeset formula: SVG text in `SENTINEL_COLOUR`, its size and depth below the baseline."""

    svg: str
    width: float
    height: float
    depth: float

    def coloured(self, colour: str) -> str:
        """The SVG drawn in `colour` (any CSS colour, e.g. `#1d1d1f` or `currentColor`)."""
        return self.svg.replace(SENTINEL_COLOUR, colour)

    @property
    def size(self) -> int:
        """Bytes held (what the cache budgets)."""
        return len(self.svg) + 100


def prepare_latex(latex: str) -> str:
    """LaTeX in the subset ziamath typesets: numbering dropped, equation-level environments
    turned into their inline forms (align → aligned, gather → gathered, equation → its body)."""

    def environment(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2)
        if name in _DROPPED_ENVS:
            return ""
        renamed = _RENAMED.get(name)
        if renamed is None:
            return match.group(0)
        return f"\\{kind}{{{renamed}}}"

    return _ENV.sub(environment, _NUMBERING.sub("", latex)).strip()


def latex_to_mathml(latex: str, *, display: bool) -> str:
    """MathML for `latex` (Copy as MathML); raises MathError."""
    if len(latex) > MAX_LATEX_CHARS:
        raise MathError("The formula is too long.")
    from latex2mathml.converter import convert  # ~170 ms to import: on first use

    try:
        return str(convert(prepare_latex(latex), display="block" if display else "inline"))
    except Exception as error:
        raise MathError(_message(error)) from None


def _message(error: BaseException) -> str:
    text = str(error).strip()
    name = type(error).__name__
    if isinstance(error, RecursionError):
        return "The formula is nested too deeply."
    return f"{name}: {text}"[:300] if text else f"The formula cannot be read ({name})."


def render_svg(latex: str, *, display: bool, size: float) -> MathSvg:
    """Typeset `latex` at `size` pixels (display or text style); raises MathError."""
    if not latex.strip():
        raise MathError("The formula is empty.")
    if len(latex) > MAX_LATEX_CHARS:
        raise MathError("The formula is too long.")
    prepared = prepare_latex(latex)
    zmath, tex = _ziamath()
    with _ZIAMATH_LOCK:
        try:
            mathml = tex.tex2mml(prepared, inline=not display)
            unknown = _UNKNOWN.search(mathml)
            if unknown is not None:
                raise MathError(f"Unknown command {unknown.group(1)}")
            root = ET.fromstring(mathml)
            root.attrib["mathcolor"] = SENTINEL_COLOUR
            element = zmath.Math(root, size=size).svgxml()
        except MathError:
            raise
        except Exception as error:
            raise MathError(_message(error)) from None
    width = float(element.attrib["width"])
    height = float(element.attrib["height"])
    top = float(element.attrib["viewBox"].split()[1])
    if width > MAX_SIDE_PX or height > MAX_SIDE_PX:
        raise MathError("The formula is too large to show.")
    svg = ET.tostring(element, encoding="unicode")
    return MathSvg(svg, width, height, depth=height + top)


Typesetter = Callable[[str, bool, float], MathSvg]  # (latex, display, size) -> typeset


class MathSvgCache:
    """Typeset formulas by (LaTeX, display, size), least recently used dropped (thread-safe).

    Failures are cached too, so a broken formula is not re-parsed on every flush.
    """

    def __init__(self, max_bytes: int = 16 << 20) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, bool, float], MathSvg | MathError] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def lookup(self, latex: str, *, display: bool, size: float) -> MathSvg | MathError | None:
        """The cached result, or None (no typesetting)."""
        key = (latex, display, size)
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return item

    def get(
        self, latex: str, *, display: bool, size: float, typeset: Typesetter | None = None
    ) -> MathSvg:
        """The typeset formula, from the cache or typeset now (by `typeset`, in this thread
        by default); raises MathError."""
        item = self.lookup(latex, display=display, size=size)
        if item is None:
            self.misses += 1
            try:
                if typeset is None:
                    item = render_svg(latex, display=display, size=size)
                else:
                    item = typeset(latex, display, size)
            except MathError as error:
                item = error
            self._put((latex, display, size), item)
        if isinstance(item, MathError):
            raise item
        return item

    def _put(self, key: tuple[str, bool, float], item: MathSvg | MathError) -> None:
        cost = item.size if isinstance(item, MathSvg) else 200
        with self._lock:
            if key in self._items:
                return
            self._items[key] = item
            self._bytes += cost + len(key[0])
            while self._bytes > self.max_bytes and len(self._items) > 1:
                old_key, old = self._items.popitem(last=False)
                self._bytes -= (old.size if isinstance(old, MathSvg) else 200) + len(old_key[0])

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)


SHARED_SVG_CACHE = MathSvgCache()
