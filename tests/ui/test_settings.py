"""Settings declared once, typed, persisted in the data folder, tolerant of bad files."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from ker_field.settings import DECLARED, SETTINGS_FILENAME, Settings


def test_every_setting_is_declared_with_a_description():
    assert {f.name for f in fields(Settings)} == set(DECLARED)
    assert all(spec.description for spec in DECLARED.values())


def test_round_trip_through_the_data_folder(tmp_path: Path):
    saved = Settings().with_(
        server_url="https://ker.example.cl", language="en", inactivity_lock_minutes=10
    )
    saved.save(tmp_path)
    assert Settings.load(tmp_path) == saved


def test_a_bad_file_falls_back_to_defaults_per_value(tmp_path: Path):
    (tmp_path / SETTINGS_FILENAME).write_text(
        json.dumps({"language": "fr", "camera_device": "0", "inactivity_lock_minutes": 3, "x": 1}),
        encoding="utf-8",
    )
    loaded = Settings.load(tmp_path)
    assert loaded.language == "es" and loaded.camera_device == 0
    assert loaded.inactivity_lock_minutes == 3
    (tmp_path / SETTINGS_FILENAME).write_text("{not json", encoding="utf-8")
    assert Settings.load(tmp_path) == Settings()


def test_invalid_values_are_refused():
    with pytest.raises(ValueError, match="inactivity_lock_minutes"):
        Settings().with_(inactivity_lock_minutes=0)
    with pytest.raises(ValueError, match="language"):
        Settings().with_(language="de")
