"""Every user-visible string is translated, with the same {fields}, and the committed
.ts / .qm files are current (`make translations` regenerates them)."""

from __future__ import annotations

from pathlib import Path

from ker_field.tools import translations


def test_translations_are_complete_consistent_and_current():
    assert translations.problems() == []


def test_english_covers_every_string_of_the_source_language():
    spanish = {(m.context, m.source) for m in translations.read_ts(translations.TS_FILES["es_CL"])}
    english = translations.read_ts(translations.TS_FILES["en"])
    assert spanish == {(m.context, m.source) for m in english}
    assert len(spanish) > 100
    assert all(m.translation != m.source for m in english if len(m.source) > 15)


def test_the_check_catches_a_missing_translation_and_different_fields(tmp_path: Path):
    ts = tmp_path / "bad.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es_CL">
  <context><name>MainWindow</name>
    <message><source>Pendientes: {count}</source><translation>Pending: {total}</translation></message>
    <message><source>Salir</source><translation type="unfinished"/></message>
    <message><source>Sincronizar</source><translation>Sync</translation></message>
  </context>
</TS>
""",
        encoding="utf-8",
    )
    found = translations.content_problems([ts])
    assert len(found) == 2
    assert "'Pendientes: {count}': fields ['total'] differ" in found[0]
    assert "'Salir': no translation" in found[1]
