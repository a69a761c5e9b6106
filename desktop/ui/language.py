"""The interface language: swaps the application's translator at run time.

`install_language` removes the translator it installed before, loads
`resources/translations/switchboard_<lang>.qm` for the `ui.language` setting and installs it.
Qt then sends every widget a LanguageChange event, and each one sets its texts again in
`retranslate_ui()`, so a new language shows at once, without a restart.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

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
    translator: QTranslator | None = None
    if translation is not None:
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        path = resource_path("translations", f"switchboard_{translation}.qm")
        if not translator.load(str(path)):
            log.warning("translation %s could not be loaded from %s", translation, path)
            translator.setParent(None)
            translator.deleteLater()
            translator, translation = None, None
    # The locale first: widgets read it while they retranslate on the events below.
    QLocale.setDefault(QLocale(translation) if translation else QLocale.system())
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        if old is not translator:
            app.removeTranslator(old)
            old.setParent(None)  # no longer found as installed, even before it is deleted
            old.deleteLater()
    if translator is not None:
        app.installTranslator(translator)
        log.info("translation %s loaded", translation)
    return translation
