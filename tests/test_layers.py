"""The layers of DESIGN.md hold: only the UI imports Qt, the app never imports the server."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_ALLOWED = ("ker_field/ui/", "ker_field/tools/", "ker_field/app.py")
NO_OPENCV = ("ker_field/domain/", "ker_field/store/", "ker_field/services/", "sync/")


def _python_files() -> list[Path]:
    return sorted(p for pkg in ("ker_field", "sync") for p in (ROOT / pkg).rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_only_the_ui_imports_pyside6():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files()
        if "PySide6" in _imported_roots(p) and not str(p.relative_to(ROOT)).startswith(QT_ALLOWED)
    ]
    assert offenders == []


def test_opencv_stays_in_capture_and_above():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files()
        if "cv2" in _imported_roots(p) and str(p.relative_to(ROOT)).startswith(NO_OPENCV)
    ]
    assert offenders == []


def _imported_after(modules: list[str]) -> list[str]:
    """Top-level packages of Qt and OpenCV that importing ``modules`` pulled in."""
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'cv2'))\n"
        "print(','.join(sorted({m.split('.')[0] for m in bad})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def _modules(prefixes: tuple[str, ...]) -> list[str]:
    return sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in _python_files()
        if str(p.relative_to(ROOT)).startswith(prefixes)
        and "migrations" not in p.parts
        and p.name != "__main__.py"
    )


def test_importing_the_core_pulls_in_no_qt_and_no_opencv_even_indirectly():
    modules = _modules(NO_OPENCV)
    assert len(modules) > 30
    assert _imported_after(modules) == []


def test_importing_capture_pulls_in_opencv_but_no_qt():
    modules = _modules(("ker_field/capture/",))
    assert modules
    assert _imported_after(modules) == ["cv2"]


def test_import_linter_contracts_are_kept():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the dev extra"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
