"""The left column of the Studio: which kind, which provider, that kind's form, Create.

The provider picker lists only providers whose profile offers the kind's task API
(`TaskApis`, set in the provider form); with none it says where to turn one on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.providers import ProviderProfile
from desktop.core.tasks import TaskApis, TaskFamily
from desktop.ui.studio.form_base import FormError, KindForm, TaskRequest
from desktop.ui.studio.form_mj_upload import MjUploadForm
from desktop.ui.studio.forms_media import FluxForm, LumaForm, SunoForm
from desktop.ui.studio.forms_mj import (
    MjBlendForm,
    MjDescribeForm,
    MjImagineForm,
    MjShortenForm,
    MjSwapForm,
)

ProviderList = Callable[[], Iterable[ProviderProfile]]


class StudioForm(QWidget):
    """Emits `submit_requested(provider, TaskRequest)` when the form is valid, and
    `upload_requested(provider, data URLs)` for Midjourney's upload (no task: the answer
    comes back through `upload_finished` / `upload_failed`)."""

    submit_requested = Signal(str, object)
    upload_requested = Signal(str, object)

    def __init__(self, providers: ProviderList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studioForm")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(280)
        self._providers = providers
        self.uploads = MjUploadForm()  # Midjourney's upload: no task, its own button
        self.forms: list[KindForm] = [MjImagineForm(), MjBlendForm(), MjDescribeForm(),
                                      MjShortenForm(), MjSwapForm(), self.uploads,
                                      SunoForm(), LumaForm(), FluxForm()]
        self.uploads.upload_clicked.connect(self.submit)
        self.uploads.addresses_chosen.connect(self.use_addresses)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 14)
        outer.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        outer.addWidget(self.heading)
        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        top.setVerticalSpacing(6)
        self.kind = QComboBox()
        self.kind.setObjectName("studioKind")
        for form in self.forms:
            self.kind.addItem(form.title(), str(form.kind))
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        top.addRow(self.kind_label, self.kind)
        self.provider = QComboBox()
        self.provider.setObjectName("studioProvider")
        self.provider_label = QLabel()
        self.provider_label.setBuddy(self.provider)
        top.addRow(self.provider_label, self.provider)
        outer.addLayout(top)
        self.no_provider = QLabel()
        self.no_provider.setObjectName("hint")
        self.no_provider.setWordWrap(True)
        outer.addWidget(self.no_provider)
        self.stack = QStackedWidget()
        for form in self.forms:
            self.stack.addWidget(form)
            form.problem.connect(self.show_error)
        scroll = QScrollArea()
        scroll.setObjectName("studioFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.stack)
        outer.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.create_button = QPushButton()
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self.submit)
        row.addWidget(self.create_button)
        outer.addLayout(row)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.retranslate_ui()
        self._kind_changed()

    def retranslate_ui(self) -> None:
        self.kind_label.setText(self.tr("Kind"))
        self.provider_label.setText(self.tr("Provider"))
        self.create_button.setText(self.tr("Create"))
        self.create_button.setToolTip(self.tr("Send the task (Ctrl+Enter)"))
        for index, form in enumerate(self.forms):
            self.kind.setItemText(index, form.title())
        self._update_hint()
        self._update_heading()

    def _update_heading(self) -> None:
        uploading = self.current is self.uploads
        self.heading.setText(self.tr("UPLOAD IMAGES") if uploading else self.tr("NEW TASK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def current(self) -> KindForm:
        return self.forms[max(0, self.kind.currentIndex())]

    def show_kind(self, family: TaskFamily) -> None:
        """Choose the first form of `family` (the sidebar's kind list)."""
        for index, form in enumerate(self.forms):
            if form.family is family:
                self.kind.setCurrentIndex(index)
                return

    def use_prompt(self, prompt: str) -> None:
        """Fill the Imagine form with `prompt` (a Shorten or Describe answer) and show it."""
        for index, form in enumerate(self.forms):
            if isinstance(form, MjImagineForm):
                self.kind.setCurrentIndex(index)
                form.prompt.setPlainText(prompt)
                form.prompt.setFocus()
                return

    def use_addresses(self, urls: list[str]) -> None:
        """Start the Imagine prompt with uploaded images' addresses and show the form."""
        for index, form in enumerate(self.forms):
            if isinstance(form, MjImagineForm):
                self.kind.setCurrentIndex(index)
                rest = form.prompt.toPlainText().strip()
                form.prompt.setPlainText(" ".join([*urls, rest]) if rest else " ".join(urls) + " ")
                form.prompt.moveCursor(QTextCursor.MoveOperation.End)
                form.prompt.setFocus()
                return

    def upload_finished(self, urls: object) -> None:
        if not self.uploads.finish(urls):
            self._upload_problem()

    def upload_failed(self, text: str) -> None:
        self.uploads.fail(text)
        self._upload_problem()

    def _upload_problem(self) -> None:
        if self.current is self.uploads:
            self.show_error(self.uploads.failure)

    def refresh_providers(self) -> None:
        """List the providers that offer the current kind's API (keeping the choice)."""
        family = self.current.family
        chosen = self.provider.currentData()
        self.provider.clear()
        for profile in self._providers():
            if TaskApis.of(profile).offers(family):
                self.provider.addItem(profile.name, profile.name)
        index = self.provider.findData(chosen)
        if index >= 0:
            self.provider.setCurrentIndex(index)
        self._update_hint()

    def _kind_changed(self) -> None:
        # The stack takes the height of the form shown, not of the tallest one.
        for form in self.forms:
            policy = (QSizePolicy.Policy.Preferred if form is self.current
                      else QSizePolicy.Policy.Ignored)
            form.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(self.current)
        self.stack.adjustSize()
        uploading = self.current is self.uploads
        self.show_error(self.uploads.failure if uploading else "")
        self.create_button.setVisible(not uploading)  # the form has its own Upload button
        self._update_heading()
        self.refresh_providers()
        self._provider_changed()

    def _provider_changed(self) -> None:
        """Flux: the model the provider's settings name (found by probing or typed)."""
        form = self.current
        if not isinstance(form, FluxForm):
            return
        name = self.provider.currentData()
        for profile in self._providers():
            if profile.name == name and TaskApis.of(profile).flux_model:
                form.model.setCurrentText(TaskApis.of(profile).flux_model)

    def _update_hint(self) -> None:
        empty = self.provider.count() == 0
        self.no_provider.setText(self.tr(
            "No provider offers %1 yet. Turn it on in Settings → Providers → "
            "Connection options → Task APIs.").replace("%1", self.current.title().split(" — ")[0]))
        self.no_provider.setVisible(empty)
        self.provider.setEnabled(not empty)
        self.create_button.setEnabled(not empty)
        self.uploads.set_ready(not empty)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        provider = self.provider.currentData()
        if not provider:
            self._update_hint()
            return
        if self.current is self.uploads:
            self._upload(str(provider))
            return
        try:
            request: TaskRequest = self.current.request()
        except FormError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.submit_requested.emit(str(provider), request)

    def _upload(self, provider: str) -> None:
        if self.uploads.busy:
            return
        try:
            images = self.uploads.chosen_images()
        except FormError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.uploads.start(len(images))
        self.upload_requested.emit(provider, images)
