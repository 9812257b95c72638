"""`ker-field --summary`: the headless report of the local store, in Spanish and English."""

from __future__ import annotations

import subprocess
import sys

from ker_field.app import main
from ker_field.store import migrate


def test_demo_summary_loads_data_once_and_shows_what_the_technician_may_do(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "--demo", "--summary"]) == 0
    first = capsys.readouterr().out
    assert "Datos de demostración cargados." in first
    assert "    50  equipos" in first
    assert f"Versión del esquema: {migrate.head_revision()}" in first
    # The demo technician's hydraulic certificate expired: the press cannot be locked out.
    assert "KER-STGO-003  Prensa hidráulica 03 (hidráulico)" in first
    assert "venció" in first and "debe volver a capacitarse" in first
    assert first.count("✔ puede bloquear") == 3

    assert main(["--data-dir", str(tmp_path), "--demo", "--summary", "--lang", "en"]) == 0
    second = capsys.readouterr().out
    assert "    50  assets" in second  # seeding again adds nothing
    assert "KER-STGO-003  Prensa hidráulica 03 (hydraulic)" in second  # the English label
    assert "retraining is required" in second


def test_console_script_runs_as_a_module(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ker_field",
            "--data-dir",
            str(tmp_path),
            "--summary",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Changes waiting to sync: 0" in result.stdout
    assert (tmp_path / "ker_field.sqlite3").is_file()


def test_summary_does_not_import_qt(tmp_path):
    code = (
        "import sys; from ker_field.app import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, '--summary']); "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("False")


def test_window_path_starts_without_the_orm_or_the_network_client():
    """Importing the app and the main window (what runs before the first paint) loads
    neither SQLAlchemy, pydantic, httpx nor Alembic: they load behind the window."""
    code = (
        "import sys; import ker_field.app, ker_field.ui.main_window, ker_field.ui.controller; "
        "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'httpx', 'alembic') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
