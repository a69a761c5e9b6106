"""Make a Mermaid SVG safe to show and to embed, and drawable by QtSvg (SVG Tiny 1.2).

The SVG comes from a model's text passed through a renderer, so it is treated as untrusted:
only drawing elements and presentation attributes are kept (no scripts, no event attributes,
no references outside the document, no foreign HTML). QtSvg also lacks a few things the
renderer uses (`hsl()` colours, multi-line `<tspan x dy>` text, `dominant-baseline`); they are
rewritten into what it draws.
"""

from __future__ import annotations

import colorsys
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Drawing elements kept; anything else (script, foreignObject, image, a, style, animate…) goes.
_ELEMENTS = frozenset({
    "svg", "g", "defs", "marker", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "title", "desc", "linearGradient", "radialGradient", "stop",
    "clipPath", "pattern", "symbol", "use",
})
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE)
_HSL = re.compile(
    r"hsla?\(\s*([-\d.]+)(?:deg)?\s*[, ]\s*([-\d.]+)%\s*[, ]\s*([-\d.]+)%"
    r"\s*(?:[,/]\s*[-\d.]+%?\s*)?\)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\s*(-?[\d.]+(?:e-?\d+)?)")
_UNSAFE_VALUE = re.compile(r"javascript:|expression\s*\(|@import|behavior\s*:", re.IGNORECASE)


class UnsafeSvgError(ValueError):
    """The renderer's output is not a well-formed SVG document."""


@dataclass(frozen=True, slots=True)
class CleanSvg:
    """A sanitised SVG and its natural size in CSS pixels."""

    svg: str
    width: float
    height: float


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _hsl_to_hex(match: re.Match[str]) -> str:
    hue, sat, light = (float(match.group(i)) for i in (1, 2, 3))
    red, green, blue = colorsys.hls_to_rgb((hue % 360) / 360, light / 100, sat / 100)
    channels = (max(0, min(255, round(c * 255))) for c in (red, green, blue))
    return "#{:02x}{:02x}{:02x}".format(*channels)


def _safe_url(match: re.Match[str]) -> str:
    target = match.group(2).strip()
    return f"url({target})" if target.startswith("#") else "none"


def _clean_value(value: str) -> str | None:
    if _UNSAFE_VALUE.search(value):
        return None
    value = _HSL.sub(_hsl_to_hex, value)
    return _URL.sub(_safe_url, value)


def _clean_attributes(element: ET.Element) -> None:
    for name in list(element.attrib):
        local = _local(name).lower()
        value = element.attrib[name]
        if local.startswith("on") or local in ("src", "formaction"):
            del element.attrib[name]
        elif local == "href":
            # Only a fragment of this document (markers, gradients): nothing is fetched.
            if not value.strip().startswith("#"):
                del element.attrib[name]
        else:
            cleaned = _clean_value(value)
            if cleaned is None:
                del element.attrib[name]
            else:
                element.attrib[name] = cleaned


def _prune(element: ET.Element) -> None:
    for child in list(element):
        if _local(child.tag) not in _ELEMENTS or not child.tag.startswith("{" + SVG_NS):
            element.remove(child)
            continue
        _clean_attributes(child)
        _prune(child)


def _number(value: str | None, default: float = 0.0) -> float:
    match = _NUMBER.match(value or "")
    try:
        return float(match.group(1)) if match else default
    except ValueError:
        return default


def _split_lines(parent: ET.Element) -> None:
    """QtSvg ignores a tspan's x and dy: give each positioned line a <text> of its own."""
    for index, text in reversed(list(enumerate(parent))):
        if _local(text.tag) != "text":
            _split_lines(text)
            continue
        size = _number(text.get("font-size"), 14.0)
        baseline = text.attrib.pop("dominant-baseline", "")
        shift = 0.35 * size if baseline in ("middle", "central") else 0.0
        spans = [child for child in text if _local(child.tag) == "tspan"]
        positioned = spans and all(span.get("x") is not None for span in spans)
        if not positioned:
            if shift:
                text.set("y", f"{_number(text.get('y')) + shift:.2f}")
            continue
        y = _number(text.get("y")) + shift
        lines = []
        for span in spans:
            y += _number(span.get("dy"))
            line = ET.Element(text.tag, dict(text.attrib))
            line.set("x", span.get("x") or text.get("x") or "0")
            line.set("y", f"{y:.2f}")
            for name in ("font-weight", "font-style", "fill", "font-size", "text-decoration"):
                if span.get(name) is not None:
                    line.set(name, span.get(name) or "")
            line.text = "".join(span.itertext())
            lines.append(line)
        parent.remove(text)
        for offset, line in enumerate(lines):
            parent.insert(index + offset, line)


def _drop_background(root: ET.Element, box: list[str]) -> None:
    """Remove the renderer's page-filling first rect: whoever shows the SVG picks the card."""
    first = next(iter(root), None)
    if first is None or _local(first.tag) != "rect" or len(box) != 4:
        return
    same = all(abs(_number(first.get(name)) - _number(value)) < 0.5
               for name, value in zip(("x", "y", "width", "height"), box, strict=True))
    if same:
        root.remove(first)


def clean_svg(svg: str) -> CleanSvg:
    """The sanitised, QtSvg-ready form of `svg`; UnsafeSvgError if it does not parse as SVG."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise UnsafeSvgError(f"the renderer's SVG does not parse: {error}") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise UnsafeSvgError("the renderer's output is not an SVG document")
    _clean_attributes(root)
    _prune(root)
    _split_lines(root)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    _drop_background(root, box)
    box_size = (_number(box[2]), _number(box[3])) if len(box) == 4 else (0.0, 0.0)
    width = _number(root.get("width"), box_size[0]) if "%" not in (root.get("width") or "") \
        else box_size[0]
    height = _number(root.get("height"), box_size[1]) if "%" not in (root.get("height") or "") \
        else box_size[1]
    if width <= 0 or height <= 0:
        width, height = box_size
    if width <= 0 or height <= 0:
        raise UnsafeSvgError("the renderer's SVG has no size")
    root.set("width", f"{width:g}")
    root.set("height", f"{height:g}")
    root.attrib.pop("style", None)
    return CleanSvg(ET.tostring(root, encoding="unicode"), width, height)


_ID = re.compile(r'\bid="([^"]+)"')
_FRAGMENT = re.compile(r'(url\(#|href="#)([^)"]+)')


def prefix_ids(svg: str, prefix: str) -> str:
    """Give every id (and the references to it) a prefix: several diagrams inlined in one
    page would otherwise share marker ids, and the first one's markers would serve all."""
    svg = _ID.sub(lambda match: f'id="{prefix}{match.group(1)}"', svg)
    return _FRAGMENT.sub(lambda match: f"{match.group(1)}{prefix}{match.group(2)}", svg)
