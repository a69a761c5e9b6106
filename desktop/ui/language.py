"""The interface language: swaps the application's translator at run time.

`install_language` removes the translator it installed before, loads
`resources/translations/switchboard_<lang>.qm` for the `ui.language` setting and installs it.
Qt then sends every widget a LanguageChange event, and each one sets its texts again in
`retranslate_ui()`, so a new language shows at once, without a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.ui.resources import resource_path

log = logging.getLogger(__name__)

TRANSLATOR_NAME = "switchboardTranslator"  # the objectName of the translator installed here


def translation_for(language: str) -> str | None:
    """The shipped translation for a `ui.language` value ('system', 'en', 'zh_CN'), if any."""
    name = QLocale.system().name() if language == "system" else language
    if name.startswith("en"):
        return None
    candidates = [name, name.split("_")[0]]
    if name.startswith("zh"):
        candidates.append("zh_CN")
    for candidate in candidates:
        if resource_path("translations", f"switchboard_{candidate}.qm").exists():
            return candidate
    return None


def install_language(app: QCoreApplication, language: str) -> str | None:
    """Show the interface in `language` from now on; returns the translation loaded.

    None means English (the source texts). Dates and numbers follow the same language
    (`QLocale.setDefault`), or the system's locale when no translation is used.
    """
    translation = translation_for(language)
    translators: list[QTranslator] = []
    if translation is not None:
        own = _load(app, resource_path("translations", f"switchboard_{translation}.qm"))
        if own is None:
            log.warning("translation %s could not be loaded", translation)
            translation = None
        else:
            translators.append(own)
            # Qt's own texts (dialog buttons, the text fields' context menus) come with Qt.
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_own = _load(app, Path(qt_dir) / f"qtbase_{translation}.qm")
            if qt_own is not None:
                translators.append(qt_own)
    if translation is None:
        # English: the source texts, but plurals ("%n model(s)") need the English forms.
        english = _load(app, resource_path("translations", "switchboard_en.qm"))
        if english is not None:
            translators.append(english)
    # The locale first: widgets read it while they retranslate on the events below.
    QLocale.setDefault(QLocale(translation) if translation else QLocale.system())
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        if old not in translators:
            app.removeTranslator(old)
            old.setParent(None)  # no longer found as installed, even before it is deleted
            old.deleteLater()
    for translator in translators:
        app.installTranslator(translator)
    if translation is not None:
        log.info("translation %s loaded", translation)
    return translation


def _load(app: QCoreApplication, path: Path) -> QTranslator | None:
    """A translator for the .qm at `path`, named so a later switch finds and removes it."""
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if path.exists() and translator.load(str(path)):
        return translator
    translator.setParent(None)
    translator.deleteLater()
    return None
