"""The catalogues are complete and shipped: every string of ``leaddesk/`` is in Spanish, every English
plural has its forms, and the ``.qm`` files the program loads are built from the ``.ts`` in the repository."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from leaddesk.i18n import choose_language, shown_language
from tests.support.i18n import in_language

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "i18n"


def update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def untranslated(ts: Path) -> list[str]:
    """Messages with no translation, or one still marked unfinished, as "Context: source"."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [translation.text or ""] if message.get("numerus") != "yes" else []
            forms += [form.text or "" for form in translation.iter("numerusform")]
            if translation.get("type") == "unfinished" or not any(form.strip() for form in forms):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    return missing


@pytest.mark.parametrize(("catalogue", "plurals_only"), [("leaddesk_es.ts", False), ("leaddesk_en.ts", True)])
def test_lupdate_over_the_program_finds_nothing_missing_or_unfinished(
    tmp_path: Path, catalogue: str, plurals_only: bool
) -> None:
    script = update_script()
    copy = tmp_path / catalogue
    shutil.copy(CATALOGUES / catalogue, copy)
    script.lupdate(copy, plurals_only=plurals_only)
    messages = len(list(ET.parse(copy).getroot().iter("message")))
    assert messages > 0
    assert untranslated(copy) == [], (
        f"{catalogue}: translate these (scripts/ts_tool.py unfinished, then fill), "
        "then run scripts/update_translations.py"
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_shipped_qm_is_built_from_the_catalogue(tmp_path: Path, language: str) -> None:
    built = tmp_path / f"leaddesk_{language}.qm"
    update_script().lrelease(CATALOGUES / f"leaddesk_{language}.ts", built)
    shipped = CATALOGUES / f"leaddesk_{language}.qm"
    assert shipped.read_bytes() == built.read_bytes(), "run scripts/update_translations.py and commit the .qm"


def test_spanish_loads_the_programs_words_qts_own_and_the_locale(qapp: QCoreApplication) -> None:
    with in_language("es") as locale:
        assert QCoreApplication.translate("Words", "Sold") == "Vendido"
        assert QCoreApplication.translate("Words", "%n days ago", None, 3) == "hace 3 días"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # qtbase_es.qm
        assert QLocale().name() == locale.name() == "es_MX"
        assert shown_language() == "es"  # what the demo names its stages in
        assert QLocale().toString(250000) == "250,000"  # Mexico's separators
    assert QCoreApplication.translate("Words", "Sold") == "Sold"


def test_english_plurals_come_from_the_english_catalogue(qapp: QCoreApplication) -> None:
    with in_language("en"):
        assert QCoreApplication.translate("Words", "%n days ago", None, 1) == "1 day ago"
        assert QCoreApplication.translate("Words", "%n days ago", None, 2) == "2 days ago"


def test_the_language_follows_the_system_unless_chosen() -> None:
    mexico = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    france = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert choose_language("system", mexico) == "es"
    assert choose_language("system", france) == "en"
    assert choose_language("en", mexico) == "en"
    assert choose_language("es", france) == "es"
