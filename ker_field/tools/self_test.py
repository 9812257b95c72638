"""``ker-field --self-test``: checks that this installation (a source checkout or the
PyInstaller bundle) has every part the app needs, offscreen, in a temporary folder.

Each check prints ``ok <name>`` or ``FAILED <name>: <what is missing>``; the exit status
is 0 when all passed, 1 otherwise. The checks: the translations and theme resources, a
local store (SQLite + the Alembic migrations) opened in a temporary folder with the demo
data, the bundled QR image decoded with each decoder backend (zxing-cpp and pyzbar, which
needs the zbar library), and the main window rendered for a demo technician.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from ker_field.ui.i18n import RESOURCES

QR_IMAGE = RESOURCES / "selftest" / "asset-qr.png"
QR_TEXT = "KER-STGO-001"
T = TypeVar("T")


def _resources() -> str:
    missing = [
        str(path)
        for path in (
            RESOURCES / "translations" / "ker_field_es_CL.qm",
            RESOURCES / "translations" / "ker_field_en.qm",
            RESOURCES / "theme" / "ker_field.qss",
            QR_IMAGE,
        )
        if not path.is_file()
    ]
    if missing:
        raise RuntimeError("missing resources: " + ", ".join(missing))
    return str(RESOURCES)


def _decode(backend: str) -> str:
    import cv2

    from ker_field.capture.qr import make_decoder

    frame = cv2.imread(str(QR_IMAGE))
    if frame is None:
        raise RuntimeError(f"OpenCV cannot read {QR_IMAGE}")
    decoder = make_decoder(backend)
    if decoder.name != backend:
        raise RuntimeError(f"the {backend} backend is not available, {decoder.name} was used")
    reads = decoder.decode(frame)
    texts = [read.text for read in reads]
    if texts != [QR_TEXT] or reads[0].backend != backend:
        raise RuntimeError(f"{backend} read {texts!r}, expected [{QR_TEXT!r}]")
    return f"{backend} read {QR_TEXT}"


def _viewers() -> str:
    """The PDF and video viewers training opens on demand (imported by name there)."""
    import importlib

    for name in ("QtPdf", "QtPdfWidgets", "QtMultimedia", "QtMultimediaWidgets"):
        importlib.import_module(f"PySide6.{name}")
    return "QtPdf, QtMultimedia"


def run(out: Callable[[str], Any] = print) -> int:
    """Run every check; 0 when all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ker_field.settings import Settings
    from ker_field.tools import demo_scene
    from ker_field.ui.i18n import install_language
    from ker_field.ui.main_window import MainWindow
    from ker_field.ui.tasks import TaskRunner
    from ker_field.ui.theme import apply_theme

    failures = 0

    def check(name: str, fn: Callable[[], T]) -> T | None:
        nonlocal failures
        started = time.perf_counter()
        try:
            result = fn()
        except BaseException as exc:  # every failure is reported, none stops the others
            failures += 1
            out(f"FAILED {name}: {type(exc).__name__}: {exc}")
            if os.environ.get("KER_SELF_TEST_TRACE"):
                traceback.print_exc()
            return None
        shown = result if isinstance(result, str) else type(result).__name__
        out(f"ok {name} ({(time.perf_counter() - started) * 1000:.0f} ms): {shown}")
        return result

    check("resources", _resources)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)

    def theme() -> str:
        apply_theme(app)
        return "applied"

    def translations() -> str:
        install_language("es")
        return "es_CL"

    check("theme", theme)
    check("translations", translations)
    check("training viewers", _viewers)
    check("qr zxing-cpp", lambda: _decode("zxing"))
    check("qr pyzbar", lambda: _decode("pyzbar"))

    with tempfile.TemporaryDirectory(prefix="ker-field-self-test-") as tmp:
        store = check("local store", lambda: demo_scene.build(Path(tmp)))
        if store is not None:
            out(f"   local store at {store.data_dir}")
            tasks = TaskRunner()

            def window(username: str) -> str:
                assert store is not None
                session = demo_scene.session_for(store, username, online=False)
                main = MainWindow(session, Settings(), Path(tmp), tasks)
                try:
                    main.resize(1024, 600)
                    main.show()
                    main.refresh()
                    deadline = time.monotonic() + 20
                    while not main.loaded and time.monotonic() < deadline:
                        app.processEvents()
                        time.sleep(0.01)
                    if not main.loaded:
                        raise RuntimeError("the home did not load within 20 s")
                    pixmap = main.grab()
                    if pixmap.isNull() or pixmap.width() < 1000:
                        raise RuntimeError("the main window did not render")
                    for n in range(main.tabs.count()):  # every page of the home paints
                        main.tabs.setCurrentIndex(n)
                        app.processEvents()
                        if main.tabs.currentWidget().grab().isNull():
                            raise RuntimeError(f"page {main.page_keys()[n]} did not render")
                    return f"{pixmap.width()}x{pixmap.height()}, tabs {main.page_keys()}"
                finally:
                    main.shutdown()
                    main.close()
                    main.deleteLater()
                    session.close()

            for username in ("tecnico", "supervisor", "guardia"):
                check(f"main window {username}", partial(window, username))
            tasks.shutdown()
            store.close()
    out("self-test passed" if failures == 0 else f"self-test FAILED: {failures} check(s)")
    return 0 if failures == 0 else 1
