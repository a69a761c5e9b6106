"""The form that edits one provider profile in the Providers dialog.

It reads a `ProviderProfile` into widgets and builds one back (`profile()`), raising
`ProviderError` with a message for the first bad field. The key itself is typed in a password
field and never shown back: the form only says whether one is stored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.api.styles import ApiStyle
from desktop.core.providers import KeySource, ProviderError, ProviderProfile
from desktop.ui.parameter_panel import error_color
from desktop.ui.provider_costs import ProviderCostFields
from desktop.ui.provider_form_parts import (
    format_headers,
    parse_headers,
    section_toggle,
    stacked,
)
from desktop.ui.studio.provider_fields import TaskApiFields

STYLE_LABELS = {
    ApiStyle.OPENAI_CHAT: "OpenAI Chat Completions",
    ApiStyle.OPENAI_RESPONSES: "OpenAI Responses",
    ApiStyle.ANTHROPIC_MESSAGES: "Anthropic Messages",
    ApiStyle.OPENAI_COMPLETIONS: "Legacy completions",
}
PROXY_SYSTEM, PROXY_DIRECT, PROXY_CUSTOM = "system", "direct", "custom"


class ProviderForm(QWidget):
    """Edits one profile; `edited` fires on any change the user makes."""

    edited = Signal()
    test_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerForm")
        self._profile: ProviderProfile | None = None
        self._loading = False
        self.key_stored = False
        self._key_state: bool | None = False
        self.labels: dict[str, QLabel] = {}  # row labels by field, for retranslation
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.template_note = QLabel()
        self.template_note.setObjectName("hint")
        self.template_note.setWordWrap(True)
        layout.addWidget(self.template_note)
        layout.addLayout(self._main_fields())
        test_row = QHBoxLayout()
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_requested)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.test_result)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_color()};")
        self.error.hide()
        layout.addWidget(self.error)
        self.advanced = self._advanced_fields()
        self.advanced_toggle = section_toggle(self.advanced)
        layout.addWidget(self.advanced_toggle)
        layout.addWidget(self.advanced)
        self.costs = ProviderCostFields()  # prices and the low-balance warning
        self.costs_toggle = section_toggle(self.costs)  # a section of its own (issue 18)
        layout.addWidget(self.costs_toggle)
        layout.addWidget(self.costs)
        layout.addStretch(1)
        self._connect_edits()
        self.retranslate_ui()
        self.setEnabled(False)

    def _row(self, form: QFormLayout, field: str, widget: QWidget, buddy: QWidget | None) -> None:
        label = QLabel()
        if buddy is not None:
            label.setBuddy(buddy)
        self.labels[field] = label
        form.addRow(label, widget)

    def _main_fields(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.name = QLineEdit()
        self._row(form, "name", self.name, self.name)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://api.example.com/v1")
        self.url_hint = QLabel()
        self.url_hint.setObjectName("hint")
        self.url_hint.setWordWrap(True)
        self.url_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row(form, "base_url", stacked(self.base_url, self.url_hint), self.base_url)
        self.api_style = QComboBox()
        for style, label in STYLE_LABELS.items():
            self.api_style.addItem(label, str(style))
        self._row(form, "api_style", self.api_style, self.api_style)
        self.key_source = QComboBox()
        for source in (KeySource.KEYRING, KeySource.ENV, KeySource.NONE):
            self.key_source.addItem("", str(source))
        self._row(form, "key_source", self.key_source, self.key_source)
        key_row = QHBoxLayout()
        self.key = QLineEdit()
        self.key.setObjectName("apiKey")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        key_row.addWidget(self.key, 1)
        self.show_key = QToolButton()
        self.show_key.setCheckable(True)
        self.show_key.toggled.connect(
            lambda on: self.key.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        key_row.addWidget(self.show_key)
        self.key_status = QLabel()
        self.key_status.setObjectName("hint")
        self.key_status.setWordWrap(True)
        self.key_box = stacked(key_row, self.key_status)
        self._row(form, "key", self.key_box, self.key)
        self.key_label = self.labels["key"]
        self.key_env = QLineEdit()
        self.key_env.setPlaceholderText("OPENAI_API_KEY")
        self._row(form, "key_env", self.key_env, self.key_env)
        self.key_env_label = self.labels["key_env"]
        return form

    def _advanced_fields(self) -> QWidget:
        box = QWidget()
        adv = QFormLayout(box)
        adv.setContentsMargins(12, 0, 0, 0)
        adv.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.include_usage = QCheckBox()
        adv.addRow("", self.include_usage)
        self.native_pdfs = QCheckBox()
        adv.addRow("", self.native_pdfs)
        self.extra_headers = QPlainTextEdit()
        self.extra_headers.setPlaceholderText(
            "HTTP-Referer: https://example.com\nX-Title: Switchboard"
        )
        self.extra_headers.setTabChangesFocus(True)
        self.extra_headers.setFixedHeight(56)
        self._row(adv, "extra_headers", self.extra_headers, None)
        proxy_row = QWidget()
        proxy_layout = QHBoxLayout(proxy_row)
        proxy_layout.setContentsMargins(0, 0, 0, 0)
        self.proxy_mode = QComboBox()
        for mode in (PROXY_SYSTEM, PROXY_DIRECT, PROXY_CUSTOM):
            self.proxy_mode.addItem("", mode)
        proxy_layout.addWidget(self.proxy_mode)
        self.proxy_url = QLineEdit()
        self.proxy_url.setPlaceholderText("http://127.0.0.1:7890")
        proxy_layout.addWidget(self.proxy_url, 1)
        self._row(adv, "proxy", proxy_row, None)
        self.verify_tls = QCheckBox()
        adv.addRow("", self.verify_tls)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        self.ca_bundle = QLineEdit()
        ca_layout.addWidget(self.ca_bundle, 1)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse_ca)
        ca_layout.addWidget(self.browse_button)
        self._row(adv, "ca_bundle", ca_row, None)
        self.connect_timeout = QDoubleSpinBox()
        self.connect_timeout.setRange(1, 120)
        self.connect_timeout.setSuffix(" s")
        self._row(adv, "connect_timeout", self.connect_timeout, None)
        self.read_timeout = QDoubleSpinBox()
        self.read_timeout.setRange(5, 3600)
        self.read_timeout.setSuffix(" s")
        self._row(adv, "read_timeout", self.read_timeout, None)
        self.max_retries = QSpinBox()
        self.max_retries.setRange(0, 10)
        self._row(adv, "max_retries", self.max_retries, None)
        self.task_apis = TaskApiFields()  # Studio (issue 17)
        self._row(adv, "task_apis", self.task_apis, None)
        self.size_separator = QComboBox()  # OpenAPI-style gateways want 1024*1024
        for text in ("1024x1024", "1024*1024"):
            self.size_separator.addItem(text, text[4])  # the separator is the data
        self._row(adv, "size_separator", self.size_separator, None)
        for spin in (self.connect_timeout, self.read_timeout, self.max_retries):
            spin.setMaximumWidth(140)
        return box

    def _connect_edits(self) -> None:
        for widget in (
            self.name,
            self.base_url,
            self.key,
            self.key_env,
            self.proxy_url,
            self.ca_bundle,
        ):
            widget.textChanged.connect(self._on_edited)
        self.extra_headers.textChanged.connect(self._on_edited)
        for combo in (self.api_style, self.key_source, self.proxy_mode, self.size_separator):
            combo.currentIndexChanged.connect(self._on_edited)
        for box in (self.include_usage, self.native_pdfs, self.verify_tls):
            box.toggled.connect(self._on_edited)
        for spin in (self.connect_timeout, self.read_timeout):
            spin.valueChanged.connect(self._on_edited)
        self.max_retries.valueChanged.connect(self._on_edited)
        self.task_apis.edited.connect(self._on_edited)
        self.costs.edited.connect(self._on_edited)

    def retranslate_ui(self) -> None:
        self._retranslate_labels()
        self.name.setAccessibleName(self.tr("Provider name"))
        self.base_url.setAccessibleName(self.tr("Base URL"))
        self.api_style.setAccessibleName(self.tr("API style"))
        self.key_source.setAccessibleName(self.tr("Where the key comes from"))
        for index, text in enumerate(
            (
                self.tr("System keyring"),
                self.tr("Environment variable"),
                self.tr("No key (local server)"),
            )
        ):
            self.key_source.setItemText(index, text)
        self.key.setAccessibleName(self.tr("API key"))
        self.show_key.setText(self.tr("Show"))
        self.show_key.setAccessibleName(self.tr("Show the key while typing"))
        self.key_env.setAccessibleName(self.tr("Environment variable name"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.advanced_toggle.setText(self.tr("Connection options"))
        self.advanced_toggle.setAccessibleName(self.tr("Show connection options"))
        self.costs_toggle.setText(self.tr("Prices and balance"))
        self.costs_toggle.setAccessibleName(self.tr("Show prices and balance"))
        self.include_usage.setText(self.tr("Ask for token usage in streams (stream_options)"))
        self.include_usage.setToolTip(
            self.tr("Some relays reject stream_options; turn this off for them.")
        )
        self.native_pdfs.setText(self.tr("Send PDFs natively"))
        self.native_pdfs.setToolTip(self.tr(
            "Attached PDFs go to the model as files (OpenAI file part, Anthropic document, "
            "Responses input_file) instead of their extracted text. Only for gateways and "
            "models that read PDFs."))
        self.extra_headers.setAccessibleName(self.tr("Extra headers"))
        self.proxy_mode.setAccessibleName(self.tr("Proxy"))
        for index, text in enumerate(
            (self.tr("System / environment"), self.tr("No proxy"), self.tr("This proxy:"))
        ):
            self.proxy_mode.setItemText(index, text)
        self.proxy_url.setAccessibleName(self.tr("Proxy URL"))
        self.verify_tls.setText(self.tr("Verify TLS certificates"))
        self.ca_bundle.setAccessibleName(self.tr("Custom CA bundle"))
        self.ca_bundle.setPlaceholderText(self.tr("System trust store"))
        self.browse_button.setText(self.tr("Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose a CA bundle file"))
        self.connect_timeout.setAccessibleName(self.tr("Connect timeout"))
        self.read_timeout.setAccessibleName(self.tr("Read timeout"))
        self.max_retries.setAccessibleName(self.tr("Retries"))
        self.size_separator.setAccessibleName(self.tr("How image sizes are written"))
        self.set_key_stored(self._key_state)
        self._update_visibility()

    def _retranslate_labels(self) -> None:
        for field, text in (
            ("name", self.tr("&Name")),
            ("base_url", self.tr("Base &URL")),
            ("api_style", self.tr("API &style")),
            ("key_source", self.tr("&Key from")),
            ("key", self.tr("API &key")),
            ("key_env", self.tr("&Variable")),
            ("extra_headers", self.tr("Extra headers")),
            ("proxy", self.tr("Proxy")),
            ("ca_bundle", self.tr("CA bundle")),
            ("connect_timeout", self.tr("Connect timeout")),
            ("read_timeout", self.tr("Read timeout")),
            ("max_retries", self.tr("Retries")),
            ("task_apis", self.tr("Task APIs")),
            ("size_separator", self.tr("Image sizes")),
        ):
            self.labels[field].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading and building -------------------------------------------------------------

    def load(
        self, profile: ProviderProfile, *, key_stored: bool | None = None, note: str = ""
    ) -> None:
        """Show `profile`; `key_stored` None means "not known yet" (keyring being asked)."""
        self._loading = True
        try:
            self._profile = profile
            self.setEnabled(True)
            self.template_note.setText(note)
            self.template_note.setVisible(bool(note))
            self.name.setText(profile.name)
            self.base_url.setText(profile.base_url)
            self.api_style.setCurrentIndex(self.api_style.findData(str(profile.api_style)))
            self.key_source.setCurrentIndex(self.key_source.findData(str(profile.key_source)))
            self.key.clear()
            self.key_env.setText(profile.key_env or "")
            self.include_usage.setChecked(profile.include_usage)
            self.native_pdfs.setChecked(profile.send_pdfs_natively)
            self.extra_headers.setPlainText(format_headers(profile.extra_headers))
            mode = (
                PROXY_SYSTEM
                if profile.proxy is None
                else PROXY_DIRECT
                if profile.proxy == "direct"
                else PROXY_CUSTOM
            )
            self.proxy_mode.setCurrentIndex(self.proxy_mode.findData(mode))
            self.proxy_url.setText(profile.proxy if mode == PROXY_CUSTOM and profile.proxy else "")
            self.verify_tls.setChecked(profile.verify_tls)
            self.ca_bundle.setText(profile.ca_bundle or "")
            self.connect_timeout.setValue(profile.connect_timeout)
            self.read_timeout.setValue(profile.read_timeout)
            self.max_retries.setValue(profile.max_retries)
            self.task_apis.load(profile)
            self.size_separator.setCurrentIndex(int(profile.image_size_separator == "*"))
            self.costs.load(profile)
            self.test_result.clear()
            self.show_error(None)
            self.set_key_stored(key_stored)
        finally:
            self._loading = False
        self._update_visibility()

    def clear_form(self) -> None:
        self._profile = None
        self._loading = True
        for widget in (self.name, self.base_url, self.key, self.key_env):
            widget.clear()
        self.test_result.clear()
        self.template_note.clear()
        self._loading = False
        self.setEnabled(False)

    def set_key_stored(self, stored: bool | None) -> None:
        """Say whether a key is stored (None: the keyring is being asked)."""
        self._key_state = stored
        self.key_stored = bool(stored)
        if stored is None:
            self.key_status.setText(self.tr("Checking the system keyring…"))
            self.key.setPlaceholderText(self.tr("Paste the API key"))
        elif stored:
            self.key_status.setText(
                self.tr("A key is stored in the system keyring. Paste a new one to replace it.")
            )
            self.key.setPlaceholderText("••••••••••••  " + self.tr("(stored)"))
        else:
            self.key_status.setText(
                self.tr("Stored only in the system keyring, never in Switchboard's files.")
            )
            self.key.setPlaceholderText(self.tr("Paste the API key"))

    def typed_key(self) -> str:
        """The key typed in the field (empty when unchanged)."""
        return self.key.text().strip()

    def profile(self) -> ProviderProfile:
        """The profile the form describes (same id as the loaded one); ProviderError if invalid."""
        if self._profile is None:
            raise ProviderError("No provider is being edited.")
        source = KeySource(self.key_source.currentData())
        mode = self.proxy_mode.currentData()
        proxy: str | None = None if mode == PROXY_SYSTEM else "direct"
        if mode == PROXY_CUSTOM:
            proxy = self.proxy_url.text().strip()
            if not proxy:
                raise ProviderError("Enter the proxy's URL, or choose another proxy setting.")
            if "://" not in proxy:
                raise ProviderError("The proxy URL needs a scheme, e.g. http://127.0.0.1:7890.")
        changes: dict[str, Any] = {
            "name": self.name.text().strip(),
            "base_url": self.base_url.text(),
            "api_style": ApiStyle(self.api_style.currentData()),
            "key_source": source,
            "key_env": self.key_env.text().strip() or None,
            "include_usage": self.include_usage.isChecked(),
            "send_pdfs_natively": self.native_pdfs.isChecked(),
            "extra_headers": parse_headers(self.extra_headers.toPlainText()),
            "proxy": proxy,
            "verify_tls": self.verify_tls.isChecked(),
            "ca_bundle": self.ca_bundle.text().strip() or None,
            "connect_timeout": self.connect_timeout.value(),
            "read_timeout": self.read_timeout.value(),
            "max_retries": self.max_retries.value(),
            "image_size_separator": self.size_separator.currentData(),
            **self.costs.changes(),
        }
        if (
            source is KeySource.ENV
            and changes["key_env"]
            and not str(changes["key_env"]).isidentifier()
        ):
            raise ProviderError("The environment variable name may hold letters, digits and _.")
        try:
            return self.task_apis.apply(replace(self._profile, **changes))
        except ProviderError:
            raise
        except (TypeError, ValueError) as exc:
            raise ProviderError(str(exc)) from exc

    # -- reactions ---------------------------------------------------------------------------

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def show_test_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        color = "#2f8f5b" if ok else error_color()
        self.test_result.setStyleSheet(f"color: {color};")

    def _on_edited(self) -> None:
        self._update_visibility()
        if not self._loading:
            self.edited.emit()

    def _update_visibility(self) -> None:
        source = self.key_source.currentData()
        keyring = source == str(KeySource.KEYRING)
        env = source == str(KeySource.ENV)
        for widget in (self.key_label, self.key_box):
            widget.setVisible(keyring)
        self.key_env_label.setVisible(env)
        self.key_env.setVisible(env)
        self.proxy_url.setEnabled(self.proxy_mode.currentData() == PROXY_CUSTOM)
        try:
            preview = ProviderProfile(
                "preview",
                self.base_url.text(),
                ApiStyle(self.api_style.currentData()),
                key_source=KeySource.NONE,
            )
        except (ProviderError, ValueError):
            self.url_hint.setText(self.tr("Enter the gateway's base URL, usually ending in /v1."))
        else:
            self.url_hint.setText(self.tr("Chat requests go to %1").replace("%1", preview.chat_url))

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CA bundle"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_bundle.setText(path)
