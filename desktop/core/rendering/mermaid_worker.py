"""The Mermaid render process: one JSON request a line on stdin, one JSON answer a line out.

It runs apart from the app because mmdr (native code) can take minutes on hostile input (a
1,500-edge star graph: several minutes); a process can be killed at the deadline, a thread
cannot. Request: {"source": str, "theme": str}. Answer: {"svg", "width", "height"} or
{"error": str}. Started by `MermaidProcess` (mermaid.py); ends when its stdin closes.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from desktop.core.rendering.mermaid_svg import UnsafeSvgError, clean_svg

BACKEND = "mermaid-rs-renderer"  # plain SVG attributes QtSvg draws (merman's CSS it cannot)
MAX_SVG_CHARS = 8_000_000
MAX_ERROR_CHARS = 400


def render_one(source: str, theme: str) -> dict[str, Any]:
    """Render one diagram to a sanitised SVG, or say why not."""
    try:
        from mmdr import _mmdr
    except ImportError as error:  # a broken installation: say so instead of failing
        return {"error": f"the Mermaid renderer is not available ({error})"}
    try:
        svg = _mmdr.render(source, BACKEND, theme=theme or None)
    except Exception as error:
        return {"error": str(error)[:MAX_ERROR_CHARS] or type(error).__name__}
    if len(svg) > MAX_SVG_CHARS:
        return {"error": "the diagram is too large to show"}
    try:
        clean = clean_svg(svg)
    except UnsafeSvgError as error:
        return {"error": str(error)[:MAX_ERROR_CHARS]}
    return {"svg": clean.svg, "width": clean.width, "height": clean.height}


def serve(requests: TextIO, answers: TextIO) -> None:
    for line in requests:
        try:
            request = json.loads(line)
            answer = render_one(str(request["source"]), str(request.get("theme", "")))
        except (ValueError, KeyError, TypeError) as error:
            answer = {"error": f"bad request: {error}"}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


def main() -> int:
    serve(sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
