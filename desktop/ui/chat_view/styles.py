"""Stylesheets of the chat view: the cards (Qt style sheet) and the rendered Markdown (CSS)."""

from __future__ import annotations

from desktop.ui.theme import document_stylesheet


def _is_dark(colors: dict[str, str]) -> bool:
    background = colors["bg"].lstrip("#")
    red, green, blue = (int(background[i : i + 2], 16) for i in (0, 2, 4))
    return (red * 299 + green * 587 + blue * 114) / 1000 < 128


def code_style(colors: dict[str, str]) -> str:
    """The Pygments style that reads well on this palette's code background."""
    return "github-dark" if _is_dark(colors) else "default"


def bubble_colour(colors: dict[str, str]) -> str:
    return "#2b3350" if _is_dark(colors) else "#eef1ff"


def chat_document_stylesheet(colors: dict[str, str], *, muted: bool = False) -> str:
    """CSS for message bodies (QTextDocument's subset); `muted` for the Thinking text."""
    css = document_stylesheet(colors)
    css += (
        "p { margin-top: 0px; margin-bottom: 10px; line-height: 140%; }"
        "ul, ol { margin-top: 0px; margin-bottom: 10px; }"
        "li { margin-bottom: 3px; }"
        "h1, h2, h3, h4 { margin-top: 12px; margin-bottom: 8px; font-weight: 600; }"
        "pre { white-space: pre-wrap; margin: 0px; }"
        "table { margin-top: 4px; margin-bottom: 12px; }"
        "table.code { margin-top: 4px; margin-bottom: 12px; }"
        "td.code-copy { font-size: 8pt; padding: 4px 10px 0 10px; }"
        "td.code-copy a { text-decoration: none; }"
        f"blockquote {{ margin-left: 12px; color: {colors['muted']}; }}"
        "a.cite { text-decoration: none; font-size: 8pt; }"
    )
    if muted:
        css += f"body, p, li {{ color: {colors['muted']}; }}"
    return css


def chat_view_stylesheet(colors: dict[str, str]) -> str:
    """Qt style sheet for the view and its cards."""
    c = colors
    bubble = bubble_colour(colors)
    danger_bg = "#3a2326" if _is_dark(colors) else "#fdecec"
    danger_border = "#6b3036" if _is_dark(colors) else "#f4c7c7"
    warn_bg = "#3a3323" if _is_dark(colors) else "#fdf6e3"
    warn_border = "#6b5a30" if _is_dark(colors) else "#f1e0b0"
    highlight = "#3a3f20" if _is_dark(colors) else "#fff7d6"
    danger = "#f28b8b" if _is_dark(colors) else "#b42318"
    ok = "#7ad39a" if _is_dark(colors) else "#1a7f37"
    ok_bg = "#1f3a2a" if _is_dark(colors) else "#e6f4ea"
    return f"""
QWidget#chatView, QAbstractScrollArea#messageArea, QWidget#messageViewport {{
    background: {c['bg']}; border: none;
}}
QFrame#messageCard {{ background: transparent; border: none; border-radius: 10px; }}
QFrame#messageCard[highlighted="true"] {{ background: {highlight}; }}
QFrame#bubble {{ background: transparent; border: none; }}
QFrame#bubble[user="true"] {{ background: {bubble}; border-radius: 14px; }}
QLabel#roleLabel {{ font-weight: 600; color: {c['text']}; }}
QLabel#modelLabel, QLabel#branchLabel {{ color: {c['muted']}; font-size: 9pt; }}
QLabel#footer, QLabel#attachments {{ color: {c['muted']}; font-size: 8.5pt; }}
QToolButton#messageAction, QToolButton#branchButton, QToolButton#sectionToggle {{
    background: transparent; border: 1px solid transparent; border-radius: 6px;
    color: {c['muted']}; padding: 2px 8px; font-size: 9pt;
}}
QToolButton#messageAction[iconOnly="true"] {{ padding: 2px 4px; }}
QToolButton#messageAction:hover, QToolButton#branchButton:hover,
QToolButton#sectionToggle:hover {{ background: {c['hover']}; color: {c['text']}; }}
QToolButton#messageAction:focus, QToolButton#branchButton:focus,
QToolButton#sectionToggle:focus, QToolButton#errorAction:focus {{
    border: 1px solid {c['accent']};
}}
QToolButton#branchButton:disabled {{ color: {c['border']}; }}
QFrame#thinking {{ border: none; border-left: 2px solid {c['border']}; background: transparent; }}
QFrame#toolCall {{
    background: {c['sidebar']}; border: 1px solid {c['border']}; border-radius: 8px;
}}
QLabel#toolArguments {{
    font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; font-size: 9pt;
    color: {c['text']};
}}
QFrame#toolCard {{
    background: {c['surface']}; border: 1px solid {c['border']}; border-radius: 10px;
}}
QFrame#toolCard[status="pending"] {{ border: 1px solid {c['accent']}; }}
QFrame#toolCard[status="failed"] {{ border: 1px solid {danger_border}; }}
QToolButton#toolToggle {{
    background: transparent; border: 1px solid transparent; border-radius: 6px;
    color: {c['text']}; font-weight: 600; padding: 2px 4px; text-align: left;
}}
QToolButton#toolToggle:hover {{ background: {c['hover']}; }}
QLabel#toolStatus {{
    border-radius: 9px; padding: 1px 9px; font-size: 8.5pt; font-weight: 600;
    color: {c['muted']}; background: {c['sidebar']}; border: 1px solid {c['border']};
}}
QLabel#toolStatus[status="pending"] {{ color: {c['accent']}; border-color: {c['accent']}; }}
QLabel#toolStatus[status="approved"] {{ color: {c['accent']}; }}
QLabel#toolStatus[status="done"] {{ color: {ok}; background: {ok_bg}; border-color: {ok_bg}; }}
QLabel#toolStatus[status="failed"] {{
    color: {danger}; background: {danger_bg}; border-color: {danger_border};
}}
QLabel#toolStatus[status="denied"], QLabel#toolStatus[status="cancelled"] {{
    color: {c['muted']};
}}
QLabel#toolDuration, QLabel#toolCaption {{ color: {c['muted']}; font-size: 8.5pt; }}
QLabel#toolCaption {{ font-weight: 600; padding-top: 2px; }}
QLabel#toolArgumentsText, QLabel#toolResultText {{
    font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; font-size: 9pt;
    color: {c['text']}; background: {c['sidebar']}; border: 1px solid {c['border']};
    border-radius: 6px; padding: 6px 8px;
}}
QToolButton#toolApprove, QToolButton#toolDeny, QToolButton#toolAlways {{
    border-radius: 6px; padding: 4px 14px; font-weight: 600;
    background: {c['surface']}; color: {c['text']}; border: 1px solid {c['border']};
}}
QToolButton#toolApprove {{
    background: {c['accent']}; color: #ffffff; border-color: {c['accent']};
}}
QToolButton#toolDeny:hover, QToolButton#toolAlways:hover {{ background: {c['hover']}; }}
QToolButton#toolApprove:focus, QToolButton#toolDeny:focus, QToolButton#toolAlways:focus,
QToolButton#toolToggle:focus, QToolButton#toolLink:focus {{ border: 1px solid {c['text']}; }}
QToolButton#toolLink {{
    background: transparent; border: 1px solid transparent; color: {c['accent']};
    padding: 0px 2px; font-size: 9pt;
}}
QFrame#errorBox {{
    background: {danger_bg}; border: 1px solid {danger_border}; border-radius: 8px;
}}
QFrame#errorBox[interrupted="true"] {{ background: {warn_bg}; border: 1px solid {warn_border}; }}
QFrame#errorBox[stopped="true"] {{ background: {c['sidebar']}; border: 1px solid {c['border']}; }}
QLabel#errorText {{ color: {c['text']}; background: transparent; border: none; }}
QToolButton#errorAction {{
    background: {c['surface']}; border: 1px solid {c['border']}; border-radius: 6px;
    padding: 3px 12px; color: {c['text']};
}}
QToolButton#errorAction:hover {{ background: {c['hover']}; }}
QFrame#refusalBox {{
    background: {c['sidebar']}; border: 1px solid {c['border']};
    border-left: 3px solid {c['muted']}; border-radius: 8px;
}}
QLabel#refusalIcon {{ color: {c['muted']}; font-size: 13pt; background: transparent; }}
QLabel#refusalTitle {{ color: {c['muted']}; font-weight: 600; font-size: 9pt; }}
QLabel#refusalText {{ color: {c['text']}; background: transparent; border: none; }}
QLabel#sourcesTitle {{ color: {c['muted']}; font-weight: 600; font-size: 9pt; padding: 2px 0; }}
QToolButton#sourceLink {{
    background: transparent; border: 1px solid transparent; border-radius: 6px;
    color: {c['accent']}; padding: 1px 3px; text-align: left; font-size: 9pt;
}}
QToolButton#sourceLink:hover {{ background: {c['hover']}; }}
QToolButton#sourceLink:focus {{ border: 1px solid {c['accent']}; }}
QToolButton#jumpToLatest {{
    background: {c['surface']}; color: {c['text']}; border: 1px solid {c['border']};
    border-radius: 15px; padding: 6px 16px; font-weight: 600;
}}
QToolButton#jumpToLatest:hover {{ background: {c['hover']}; }}
"""
