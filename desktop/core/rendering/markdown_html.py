"""Markdown → HTML for the chat view, with fenced code highlighted by Pygments.

The output sticks to the HTML subset QTextDocument renders (inline styles, tables, pre). It
never names a resource to load (images are placeholders), and long unbroken runs get break
opportunities (long_runs.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name, guess_lexer
from pygments.util import ClassNotFound

from desktop.core.rendering.citation_marks import install_citation_rules
from desktop.core.rendering.fences import mark_closed_fences
from desktop.core.rendering.long_runs import break_long_runs_html
from desktop.core.rendering.math_html import chat_math_html
from desktop.core.rendering.math_spans import math_plugin

COPY_CODE_HREF = "switchboard:copy-code"
# A Markdown image in model output is never loaded: it is shown as a link with this prefix
# (then the percent-encoded address) that asks the user before opening anything.
IMAGE_HREF_PREFIX = "switchboard:image?"
# A fence hook gets (fence token, the code block's HTML, whether this render is final) and
# returns the HTML to show instead (e.g. a diagram; fences.is_closed says if the block closed).
FenceHook = Callable[[Token, str, bool], str]


def image_href(address: str) -> str:
    """The placeholder link of an image address (see `image_address`)."""
    return IMAGE_HREF_PREFIX + quote(address, safe="")


def image_address(href: str) -> str | None:
    """The address behind a placeholder link; None for any other link."""
    if not href.startswith(IMAGE_HREF_PREFIX):
        return None
    return unquote(href[len(IMAGE_HREF_PREFIX) :])


def image_placeholder(token: Token, *, link: bool) -> str:
    """HTML that names an image (alt text and address) without loading it.

    Model output must never make the app read a local file or fetch a remote one, so
    `![x](/etc/passwd)` and `![x](https://…)` both become text; with `link`, a link the
    chat view handles by asking the user.
    """
    address = str(token.attrGet("src") or "")
    alt = "".join(child.content for child in token.children or []) or token.content
    label = f"[image: {alt}] {address}" if alt else f"[image] {address}"
    text = html.escape(label)
    if not link:
        return f'<span class="image-ref">{text}</span>'
    return f'<a href="{html.escape(image_href(address))}">{text}</a>'


def _image_rule(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
    return image_placeholder(tokens[idx], link=True)


@lru_cache(maxsize=2)
def _formatter(style: str) -> HtmlFormatter:
    return HtmlFormatter(noclasses=True, nowrap=True, style=style)


@lru_cache(maxsize=128)
def _lexer(language: str) -> Lexer | None:
    # A lookup imports and compiles the lexer (ms), and an unknown name scans every plugin
    # entry point (tens of ms): too slow to repeat for each streamed flush.
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


def highlight_code(code: str, language: str, *, style: str = "default") -> str:
    """Code as highlighted HTML spans (no wrapper); plain escaped text for unknown languages."""
    try:
        lexer = _lexer(language.lower()) if language else guess_lexer(code)
    except ClassNotFound:
        lexer = None
    if lexer is None:
        return html.escape(code)
    return str(highlight(code, lexer, _formatter(style)))


def _table_open(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
    # QTextDocument ignores CSS borders on <table>; the attributes are what it honours.
    return '<table border="1" cellspacing="0" cellpadding="6">\n'


class MarkdownRenderer:
    """Renders CommonMark + tables + strikethrough to HTML; raw HTML in the input is escaped."""

    def __init__(self, *, code_style: str = "default", copy_label: str = "") -> None:
        self.code_style = code_style
        # With a label, each code block gets a link (href COPY_CODE_HREF) the chat view handles.
        self.copy_label = copy_label
        # Longer code blocks are left plain while set (a streamed, still-growing tail).
        self.highlight_limit: int | None = None
        self._md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        self._md.enable(["table", "strikethrough"])
        self._md.add_render_rule("table_open", _table_open)
        self._md.add_render_rule("image", _image_rule)
        install_citation_rules(self._md)  # `cite:n` links drawn as superscript numbers
        math_plugin(self._md, chat_math_html)  # formulas as images the chat view renders
        self._md.core.ruler.push("closed_fences", mark_closed_fences)
        # Per language (lower case): what a fenced block of that language renders as.
        self.fence_hooks: dict[str, FenceHook] = {}
        render_fence = self._render_fence

        # markdown-it binds render rules to its renderer, so pass a plain closure.
        def fence_rule(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
            return render_fence(tokens[idx])

        self._md.add_render_rule("fence", fence_rule)
        self._md.add_render_rule("code_block", fence_rule)

    def _render_fence(self, token: Token) -> str:
        info = (token.info or "").strip().split(maxsplit=1)
        language = info[0] if info else ""
        code = token.content
        plain = not language or (
            self.highlight_limit is not None and len(code) > self.highlight_limit
        )
        body = html.escape(code) if plain else highlight_code(code, language, style=self.code_style)
        label = html.escape(language) if language else "text"
        hook = self.fence_hooks.get(language.lower()) if token.type == "fence" else None
        if hook is not None:
            return hook(token, self._code_html(label, body), self.highlight_limit is None)
        return self._code_html(label, body)

    def _code_html(self, label: str, body: str) -> str:
        if self.copy_label:
            return (
                f'<table class="code" width="100%" cellspacing="0" cellpadding="8">'
                f'<tr><td class="code-label">{label}</td><td class="code-copy" align="right">'
                f'<a href="{COPY_CODE_HREF}">{html.escape(self.copy_label)}</a></td></tr>'
                f'<tr><td class="code-body" colspan="2"><pre>{body}</pre></td></tr></table>\n'
            )
        return (
            f'<table class="code" width="100%" cellspacing="0" cellpadding="8">'
            f'<tr><td class="code-label">{label}</td></tr>'
            f'<tr><td class="code-body"><pre>{body}</pre></td></tr></table>\n'
        )

    def render(self, text: str) -> str:
        return break_long_runs_html(str(self._md.render(text)))

    def parse(self, text: str, env: EnvType | None = None) -> list[Token]:
        """Block and inline tokens of `text` (for incremental rendering)."""
        return self._md.parse(text, env if env is not None else {})

    def render_tokens(self, tokens: list[Token], env: EnvType | None = None) -> str:
        """HTML of a token list from `parse` (a slice of whole top-level blocks)."""
        html_text = str(self._md.renderer.render(tokens, self._md.options, env or {}))
        return break_long_runs_html(html_text)
