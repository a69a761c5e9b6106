"""View → Theme restyles the open conversation at once (issue 11, symptom 1)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui import theme
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider

REPLY = (
    "# A heading\n\n"
    "Some body text that should be read easily in both schemes.\n\n"
    "| Name | Value |\n|------|-------|\n| alpha | one |\n| beta | two |\n"
)


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_contrast(widget: QWidget) -> float:
    """Contrast of a widget's text against its background, read from its rendering.

    The background is the commonest colour. Among the other pixels (the glyphs, their
    anti-aliased edges, table rules) the 90th percentile of contrast is taken: the solid
    centre of the strokes, which a stray pixel cannot fake for a page of invisible text.
    """
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[int] = Counter(
        image.pixel(x, y) for y in range(image.height()) for x in range(image.width())
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    ratios = sorted(
        contrast(QColor.fromRgb(rgb), background)
        for rgb in counts.elements() if QColor.fromRgb(rgb) != background
    )
    assert ratios, "no text painted"
    return ratios[int(len(ratios) * 0.9)]


def _theme_action(chat: ChatWindow, value: str) -> QAction:
    actions = [a for a in chat.window.theme_group.actions() if a.data() == value]
    assert len(actions) == 1
    return actions[0]


def test_theme_switch_restyles_the_open_conversation(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.default_text = REPLY
    chat.type_and_send("Show me a table")
    chat.wait(chat.idle)
    view = chat.window.chat.chat_view
    view.flush()
    user, reply = (view.area.bound_widget(message.id) for message in chat.path())
    assert user is not None and reply is not None
    try:
        for scheme in ("dark", "light"):
            _theme_action(chat, scheme).trigger()  # no reload of the conversation
            assert chat.window.settings.get("ui.theme") == scheme
            assert theme.current_colors() is (theme.DARK if scheme == "dark" else theme.LIGHT)
            # The user's bubble and the reply's heading, text and table can be read.
            assert text_contrast(user.bubble) >= 4.5, scheme
            assert text_contrast(reply.body) >= 4.5, scheme
    finally:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply_theme(app, "light")  # as the other tests expect
