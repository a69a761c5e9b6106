"""The form for a new knowledge base: its name, embedding model, chunk size and overlap.

The providers are the configured ones; a provider's models are the ones its list (or the
user) gave, embedding models first; a model not listed can be typed. The chunk size and
overlap start at the core's defaults (about a page of prose, with a sentence or two shared
between neighbours so an answer cut by a boundary is still found whole).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.knowledge.models import (
    DEFAULT_CHUNK_TOKENS,
    DEFAULT_OVERLAP_TOKENS,
    MAX_CHUNK_TOKENS,
    MAX_NAME_CHARS,
    MIN_CHUNK_TOKENS,
)

EMBEDDING_HINTS = ("embed", "bge", "e5-", "gte-", "text-embedding", "nomic", "m3e", "jina")


def embedding_first(models: Sequence[str]) -> list[str]:
    """A provider's models with the ones that look like embedding models first."""
    def looks_like(model: str) -> bool:
        return any(hint in model.lower() for hint in EMBEDDING_HINTS)
    return sorted(models, key=lambda m: (not looks_like(m), m.lower()))


@dataclass(frozen=True)
class NewKnowledgeBase:
    name: str
    provider: str
    model: str
    chunk_size: int
    overlap: int


class CreateForm(QDialog):
    """Name, provider, model, chunk size and overlap; OK only once they make sense."""

    def __init__(self, providers: Sequence[str], models_of: Callable[[str], list[str]],
                 taken: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbCreateForm")
        self._models_of = models_of
        self._taken = {name.casefold() for name in taken}
        self.result_base: NewKnowledgeBase | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("kbCreateIntro")
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.setObjectName("kbName")
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.provider = QComboBox()
        self.provider.setObjectName("kbProvider")
        self.provider.addItems(list(providers))
        self.model = QComboBox()
        self.model.setObjectName("kbModel")
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.chunk_size = QSpinBox()
        self.chunk_size.setObjectName("kbChunkSize")
        self.chunk_size.setRange(MIN_CHUNK_TOKENS, MAX_CHUNK_TOKENS)
        self.chunk_size.setSingleStep(50)
        self.chunk_size.setValue(DEFAULT_CHUNK_TOKENS)
        self.overlap = QSpinBox()
        self.overlap.setObjectName("kbOverlap")
        self.overlap.setRange(0, MAX_CHUNK_TOKENS // 2)
        self.overlap.setSingleStep(10)
        self.overlap.setValue(DEFAULT_OVERLAP_TOKENS)
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.name, self.provider, self.model,
                                              self.chunk_size, self.overlap), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("kbCreateProblem")
        self.problem.setStyleSheet("color: #d0453a;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.provider.currentTextChanged.connect(self._fill_models)
        for signal in (self.name.textChanged, self.model.currentTextChanged,
                       self.chunk_size.valueChanged, self.overlap.valueChanged):
            signal.connect(lambda *_: self._check())
        self._fill_models(self.provider.currentText())
        self.retranslate_ui()
        self.setMinimumWidth(460)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New knowledge base"))
        self.intro.setText(self.tr(
            "Files are split into chunks and embedded with the model you choose; each "
            "message then finds the chunks closest to it."))
        texts = (self.tr("&Name:"), self.tr("&Provider:"), self.tr("Embedding &model:"),
                 self.tr("&Chunk size:"), self.tr("&Overlap:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Product manuals"))
        tokens = self.tr(" tokens")
        self.chunk_size.setSuffix(tokens)
        self.overlap.setSuffix(tokens)
        self.chunk_size.setToolTip(self.tr(
            "About a page of prose: long enough to hold an answer, short enough to be precise"))
        self.overlap.setToolTip(self.tr(
            "Text shared by neighbouring chunks, so a sentence cut by a boundary is found whole"))
        self._check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill_models(self, provider: str) -> None:
        typed = self.model.currentText()
        self.model.clear()
        self.model.addItems(embedding_first(self._models_of(provider)) if provider else [])
        if typed and self.model.findText(typed) < 0 and self.model.count() == 0:
            self.model.setEditText(typed)
        self._check()

    def problem_text(self) -> str:
        """Why the form cannot be accepted yet ('' when it can)."""
        name = self.name.text().strip()
        if not name:
            return self.tr("Give the knowledge base a name.")
        if name.casefold() in self._taken:
            return self.tr("A knowledge base named {0} exists already.").format(name)
        if not self.provider.currentText():
            return self.tr("Add a provider first (Settings → Providers).")
        if not self.model.currentText().strip():
            return self.tr("Choose the embedding model.")
        if self.overlap.value() >= self.chunk_size.value():
            return self.tr("The overlap must be smaller than the chunk size.")
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        touched = bool(self.name.text())
        self.problem.setText(problem if touched else "")
        self.problem.setVisible(bool(problem) and touched)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
        ok.setText(self.tr("Create"))

    def _accept(self) -> None:
        if self.problem_text():
            return
        self.result_base = NewKnowledgeBase(
            self.name.text().strip(), self.provider.currentText(),
            self.model.currentText().strip(), self.chunk_size.value(), self.overlap.value())
        self.accept()


class ModelForm(QDialog):
    """Change a knowledge base's embedding model (which rebuilds its index)."""

    def __init__(self, providers: Sequence[str], models_of: Callable[[str], list[str]],
                 current: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbModelForm")
        self._models_of = models_of
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        form = QFormLayout()
        self.provider = QComboBox()
        self.provider.setObjectName("kbProvider")
        self.provider.addItems(list(providers))
        self.model = QComboBox()
        self.model.setObjectName("kbModel")
        self.model.setEditable(True)
        self.provider_label, self.model_label = QLabel(), QLabel()
        form.addRow(self.provider_label, self.provider)
        form.addRow(self.model_label, self.model)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.provider.currentTextChanged.connect(self._fill_models)
        if self.provider.findText(current[0]) >= 0:
            self.provider.setCurrentText(current[0])
        self._fill_models(self.provider.currentText())
        self.model.setCurrentText(current[1])
        self.setWindowTitle(self.tr("Change the embedding model"))
        self.note.setText(self.tr(
            "Vectors of different models cannot be compared: every file is embedded again "
            "with the new model."))
        self.provider_label.setText(self.tr("&Provider:"))
        self.model_label.setText(self.tr("Embedding &model:"))
        self.setMinimumWidth(420)
        self.model.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_models(self, provider: str) -> None:
        self.model.clear()
        self.model.addItems(embedding_first(self._models_of(provider)) if provider else [])

    def choice(self) -> tuple[str, str]:
        return self.provider.currentText(), self.model.currentText().strip()
