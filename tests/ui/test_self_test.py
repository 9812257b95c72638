"""``ker-field --self-test``: the check CI runs on the PyInstaller bundle, here run from the
source checkout, both as the command a person types and in-process with a part missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ker_field.tools import self_test


def test_self_test_command_passes_on_a_complete_installation(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "ker_field.app", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in (
        "resources",
        "training viewers",
        "qr zxing-cpp",
        "qr pyzbar",
        "local store",
        "main window tecnico",
        "main window supervisor",
        "main window guardia",
    ):
        assert any(line.startswith(f"ok {name} ") for line in lines), done.stdout
    assert "zxing read KER-STGO-001" in done.stdout
    assert "pyzbar read KER-STGO-001" in done.stdout
    assert lines[-1] == "self-test passed"
    assert list(tmp_path.iterdir()) == []  # its temporary store is gone


def test_self_test_names_what_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bundle without its QR image (a broken build) fails, and says which file."""
    monkeypatch.setattr(self_test, "QR_IMAGE", tmp_path / "selftest" / "asset-qr.png")
    printed: list[str] = []
    assert self_test.run(printed.append) == 1
    failed = [line for line in printed if line.startswith("FAILED")]
    assert any(line.startswith("FAILED resources") and "asset-qr.png" in line for line in failed), (
        printed
    )
    assert any(line.startswith("FAILED qr zxing-cpp") for line in failed), printed
    assert any(line.startswith("FAILED qr pyzbar") for line in failed), printed
    assert printed[-1] == "self-test FAILED: 3 check(s)"
    # the rest of the installation was still checked, and passed
    assert any(line.startswith("ok main window guardia") for line in printed), printed
