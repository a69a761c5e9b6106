"""The centre of the window: conversation header, chat view, notices and the composer."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.attachments.dialogs import choose_attachment_files
from desktop.ui.attachments.drop_zone import DropZone
from desktop.ui.attachments.intake import source_for_path
from desktop.ui.attachments.tray import AttachmentTray
from desktop.ui.chat_view import ChatView
from desktop.ui.compare.columns import CompareColumns
from desktop.ui.composer import Composer
from desktop.ui.composer_fit import ComposerRowFit
from desktop.ui.dictation.button import DictationButton
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.image_mode import ImageMode
from desktop.ui.knowledge.kb_choice_button import KbChoiceButton
from desktop.ui.model_picker import ModelPicker
from desktop.ui.resources import icon
from desktop.ui.tools.tool_choice_button import ToolChoiceButton


class ChatPane(QWidget):
    """Header (title, model picker, panel toggles), the chat view, a notice line, the composer."""

    send_requested = Signal(str)
    stop_requested = Signal()
    notice_action_requested = Signal()  # the notice's action button (e.g. "Send without tools")
    toggle_sidebar = Signal()
    toggle_parameters = Signal()
    compare_requested = Signal()  # the composer's Compare: this message to several models
    compare_mode_requested = Signal()  # compare mode for the conversation (choose targets)
    single_mode_requested = Signal()  # compare mode off

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.streaming = False
        self.compare_models: list[str] | None = None  # compare mode's models (None: off)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        layout.addWidget(self._build_header())
        self.chat_view = ChatView()
        layout.addWidget(self.chat_view, 1)
        self.compare_view = CompareColumns()  # a compared exchange's columns (compare/)
        self.compare_view.hide()
        layout.addWidget(self.compare_view, 3)
        bottom = QVBoxLayout()
        bottom.setContentsMargins(16, 6, 16, 14)
        bottom.setSpacing(6)
        bottom.addWidget(self._build_notice())
        bottom.addWidget(self._build_edit_banner())
        self.attachments = AttachmentTray()
        self.attachments.refused.connect(self.show_notice)
        bottom.addWidget(self.attachments)
        self._build_composer(bottom)
        layout.addLayout(bottom)
        self.choose_files = choose_attachment_files  # tests pick files without a dialog
        self.drop_zone = DropZone(self)
        self.drop_zone.watch(self)
        self.drop_zone.watch(self.composer.viewport())
        self.drop_zone.dropped.connect(self.attachments.add_sources)
        self.drop_zone.active_changed.connect(self._show_drop_target)
        self.retranslate_ui()

    def _build_header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("headerBar")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(8, 6, 8, 6)
        self.sidebar_button = self._flat_button("sidebar")
        self.sidebar_button.clicked.connect(self.toggle_sidebar)
        header_layout.addWidget(self.sidebar_button)
        self.title = ElidedLabel(self.tr("New conversation"))  # cut with "…", whole on hover
        self.title.setObjectName("conversationTitle")
        self.title.setMinimumWidth(40)  # a long title is cut, never squeezes the side panels
        header_layout.addWidget(self.title, 1)
        self.balance_warning = QToolButton()  # a low balance (desktop/ui/balance_watch.py)
        self.balance_warning.setObjectName("balanceWarning")
        self.balance_warning.hide()
        header_layout.addWidget(self.balance_warning)
        self.model_picker = ModelPicker()  # configured by ProviderWiring once history is open
        header_layout.addWidget(self.model_picker)
        self.parameters_button = self._flat_button("sliders")
        self.parameters_button.clicked.connect(self.toggle_parameters)
        header_layout.addWidget(self.parameters_button)

        return header

    def _build_notice(self) -> QFrame:
        self.notice = QFrame()
        self.notice.setObjectName("noticeBar")
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(10, 6, 6, 6)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeText")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notice_layout.addWidget(self.notice_label, 1)
        self.notice_action = QPushButton()
        self.notice_action.setObjectName("noticeAction")
        self.notice_action.clicked.connect(self._on_notice_action)
        self.notice_action.hide()
        notice_layout.addWidget(self.notice_action, 0, Qt.AlignmentFlag.AlignTop)
        self.close_notice_button = self._flat_button("close")
        self.close_notice_button.clicked.connect(self.clear_notice)
        notice_layout.addWidget(self.close_notice_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()

        return self.notice

    def _build_edit_banner(self) -> QFrame:
        self.edit_banner = QFrame()
        self.edit_banner.setObjectName("editBanner")
        banner_layout = QHBoxLayout(self.edit_banner)
        banner_layout.setContentsMargins(10, 4, 6, 4)
        self.edit_banner_text = QLabel()
        banner_layout.addWidget(self.edit_banner_text, 1)
        self.cancel_edit_button = QPushButton()
        banner_layout.addWidget(self.cancel_edit_button)
        self.edit_banner.hide()

        return self.edit_banner

    def _build_composer(self, bottom: QVBoxLayout) -> None:
        composer_frame = self.composer_frame = QFrame()
        composer_frame.setObjectName("composerFrame")
        frame_layout = QHBoxLayout(composer_frame)
        frame_layout.setContentsMargins(8, 6, 8, 6)
        self.attach_button = self._flat_button("attach")
        self.attach_button.clicked.connect(self.choose_images)
        frame_layout.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.composer = Composer()
        self.composer.submitted.connect(self._submit)
        self.composer.images_pasted.connect(self.attachments.add_sources)
        frame_layout.addWidget(self.composer, 1)
        self.image_mode = ImageMode(self.composer, self)
        frame_layout.addWidget(self.image_mode.button, 0, Qt.AlignmentFlag.AlignBottom)
        self.tool_choice = ToolChoiceButton(self)
        frame_layout.addWidget(self.tool_choice, 0, Qt.AlignmentFlag.AlignBottom)
        self.dictation_button = DictationButton(self)  # run by DictationController
        frame_layout.addWidget(self.dictation_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.kb_choice = KbChoiceButton(self)  # the knowledge bases this conversation searches
        frame_layout.addWidget(self.kb_choice, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self.image_mode.options)
        self._build_compare_button(frame_layout)
        self.send_button = QPushButton(icon("send"), "")
        self.send_button.setObjectName("primary")
        self.send_button.clicked.connect(self._on_send_button)
        frame_layout.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.row_fit = ComposerRowFit(composer_frame, self.composer)  # icons when narrow
        bottom.addWidget(composer_frame)
        self.estimate = QLabel()  # the pre-send estimate (desktop/ui/send_estimate.py)
        self.estimate.setObjectName("hint")
        self.estimate.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.estimate.hide()
        bottom.addWidget(self.estimate)

    def _build_compare_button(self, frame_layout: QHBoxLayout) -> None:
        self.compare_button = self._flat_button("compare")
        self.compare_button.setObjectName("compareButton")  # checked: compare mode (app.qss)
        self.compare_button.setCheckable(True)
        self.compare_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.compare_button.clicked.connect(self._on_compare_button)
        menu = QMenu(self.compare_button)
        self.compare_once_action = menu.addAction("")
        self.compare_once_action.triggered.connect(self.compare_requested)
        self.compare_mode_action = menu.addAction("")
        self.compare_mode_action.triggered.connect(self.compare_mode_requested)
        self.single_mode_action = menu.addAction("")
        self.single_mode_action.triggered.connect(self.single_mode_requested)
        self.single_mode_action.setEnabled(False)
        self.compare_button.setMenu(menu)
        frame_layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignBottom)

    def _on_compare_button(self) -> None:
        self.compare_button.setChecked(self.single_mode_action.isEnabled())  # shows the mode
        self.compare_requested.emit()

    def set_compare_mode(self, models: list[str] | None) -> None:
        """Show whether the conversation is in compare mode (with these models) or not."""
        self.compare_models = models
        self.compare_button.setChecked(models is not None)
        self.single_mode_action.setEnabled(models is not None)
        self.compare_view.set_mode(models is not None)
        self._compare_tips()

    def _compare_tips(self) -> None:
        models = self.compare_models
        tip = (self.tr("Compare: send this message to several models") if models is None
               else self.tr("Compare mode: {0}").format(", ".join(models)))
        self.compare_button.setToolTip(tip)
        self.compare_button.setText("" if models is None
                                    else self.tr("{0} models").format(len(models)))  # 2 to 4
        self.compare_button.setAccessibleName(self.tr("Compare"))
        if not shiboken6.isValid(self.compare_once_action):
            return  # a window being deleted (after a restore) still hears a language change
        self.compare_once_action.setText(self.tr("Compare this message…"))
        self.compare_mode_action.setText(self.tr("Compare mode for this conversation…"))
        self.single_mode_action.setText(self.tr("Back to one model"))

    def retranslate_ui(self) -> None:
        """Every text of the pane (the title is the conversation's, set by its controller)."""
        for button, tip in ((self.sidebar_button, self.tr("Show or hide the sidebar")),
                            (self.parameters_button, self.tr("Show or hide parameters")),
                            (self.close_notice_button, self.tr("Dismiss")),
                            (self.attach_button, self.tr("Attach images"))):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self.edit_banner_text.setText(self.tr("Editing a message: sending makes a new branch."))
        self.cancel_edit_button.setText(self.tr("Cancel"))
        self.cancel_edit_button.setAccessibleName(self.tr("Cancel editing"))
        self._compare_tips()
        self._show_send_or_stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _flat_button(self, icon_name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName("flat")
        button.setIcon(icon(icon_name))
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc anywhere in the chat (not taken by a child) stops the reply."""
        if event.key() == Qt.Key.Key_Escape and self.streaming:
            self.stop_requested.emit()
            return
        super().keyPressEvent(event)

    # ----------------------------------------------------------------- state shown

    def set_streaming(self, streaming: bool) -> None:
        """Send becomes Stop while the open conversation streams."""
        self.streaming = streaming
        self._show_send_or_stop()
        self.send_button.style().unpolish(self.send_button)
        self.send_button.style().polish(self.send_button)

    def _show_send_or_stop(self) -> None:
        if self.streaming:
            self.send_button.setIcon(icon("stop"))
            self.send_button.setText(self.tr("Stop"))
            self.send_button.setAccessibleName(self.tr("Stop"))
            self.send_button.setToolTip(self.tr("Stop the reply (Esc)"))
            self.send_button.setObjectName("stop")
        else:
            self.send_button.setIcon(icon("send"))
            self.send_button.setText(self.tr("Send"))
            self.send_button.setAccessibleName(self.tr("Send"))
            self.send_button.setToolTip(self.tr("Send (Enter)"))
            self.send_button.setObjectName("primary")

    def show_notice(self, text: str, action: str = "") -> None:
        """An error or hint above the composer (e.g. why a message could not be sent), with
        an action button when `action` names one (`notice_action_requested`)."""
        self.notice_label.setText(text)
        self.notice_action.setText(action)
        self.notice_action.setVisible(bool(action))
        self.notice.show()

    def clear_notice(self) -> None:
        self.notice.hide()
        self.notice_label.clear()
        self.notice_action.hide()

    def _on_notice_action(self) -> None:
        self.clear_notice()
        self.notice_action_requested.emit()

    def choose_images(self) -> None:
        """The attach button: pick images or documents (several at once) to attach."""
        paths = self.choose_files(self)
        if paths:
            self.attachments.add_sources([source_for_path(path) for path in paths])

    def _show_drop_target(self, active: bool) -> None:
        self.composer_frame.setProperty("dropTarget", active)
        self.composer_frame.style().unpolish(self.composer_frame)
        self.composer_frame.style().polish(self.composer_frame)
        self.attachments.set_drop_active(active)

    def set_editing(self, editing: bool) -> None:
        self.edit_banner.setVisible(editing)

    # ----------------------------------------------------------------- model picker

    def set_targets(self, targets: list[tuple[str, str]], current: tuple[str, str] | None) -> None:
        """Show `current` in the picker (it lists every provider's models itself)."""
        del targets
        if current is not None and current[0] and current[1]:
            self.model_picker.set_selection(*current)

    def selected_target(self) -> tuple[str, str] | None:
        return self.model_picker.current_selection()

    # ----------------------------------------------------------------- sending

    def _on_send_button(self) -> None:
        if self.streaming:
            self.stop_requested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        if self.streaming:
            return  # Enter while streaming keeps the text; the button says Stop
        text = self.composer.toPlainText().strip()
        if self.attachments.is_busy():
            self.show_notice(self.tr("The images are still being prepared; send again in a "
                                     "moment."))
            return
        if text or not self.attachments.is_empty():
            self.send_requested.emit(text)

