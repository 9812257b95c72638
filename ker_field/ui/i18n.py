"""Languages: Spanish (Chile) is the source language of every ``tr()`` string; English
comes from ``resources/translations/ker_field_en.qm``. Switching language installs the
translator and Qt sends every widget a LanguageChange event (widgets re-word themselves
in ``retranslate()``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ker_field.domain.labels import Lang

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "translations"
QM_FILES: dict[Lang, str] = {"es": "ker_field_es_CL.qm", "en": "ker_field_en.qm"}
LOCALES: dict[Lang, str] = {"es": "es_CL", "en": "en_US"}

_state: dict[str, object] = {"lang": "es", "translator": None}


def current_language() -> Lang:
    lang = _state["lang"]
    return "en" if lang == "en" else "es"


def locale() -> QLocale:
    return QLocale(LOCALES[current_language()])


def install_language(lang: Lang) -> None:
    """Load ``lang``'s translations into the running application (idempotent)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QCoreApplication")
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _state["translator"] = None
    translator = QTranslator(app)
    path = TRANSLATIONS / QM_FILES[lang]
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translations not found: {path}")
    app.installTranslator(translator)
    _state["translator"] = translator
    _state["lang"] = lang
    QLocale.setDefault(QLocale(LOCALES[lang]))


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
