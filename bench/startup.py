"""Cold start of the app to an interactive main window, against a bare PySide6 window.

Both are started the same way in the same run: a fresh ``python`` subprocess, the clock
starting just before the process is spawned, stopping when the window is shown and the
event loop has run once. The app side does what the app does for a signed-in person (the
demo technician; sign-in itself needs a person and a server and is not timed): Qt, theme
and language, the session (its permission snapshot as the device keeps it, JSON), the
MainWindow over a local store of about 100,000 rows, shown. The store opens, the home's
lists load and the journey modules import on the task runner after the first paint; the
second figure is until the home's lists are filled. The store is built once before the
runs (not timed); each figure is the median of RUNS runs, after one warm-up run of each
side (OS file cache, and the bytecode cache an installed app has).

Also measured the same way: the app's real first window, its login window (``ker-field``
up to the login, the store opening behind it).

Prints one figure a line, each with its ratio to the bare window (lower is better;
target for the main window shown: at most 2x).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

RUNS = 5
ROWS = 100_000
IDENTITY = "bench_identity.json"
NOWHERE = "http://127.0.0.1:9"  # the discard port: the bench does not sync


def build_store(folder: Path) -> int:
    from sqlalchemy import func, insert, select

    from ker_field.domain import demo
    from ker_field.domain.models import Asset
    from ker_field.domain.scopes import site_scope
    from ker_field.tools import demo_scene

    store = demo_scene.build(folder)
    site = demo.SITE_IDS["STGO"]
    rows = [
        {
            "id": uuid.uuid4(),
            "scope": site_scope(site),
            "version": 1,
            "tenant_id": demo.TENANT_ID,
            "site_id": site,
            "name": f"Equipo de carga {n:06d}",
            "category": ("electrical", "mechanical", "hydraulic", "pneumatic")[n % 4],
            "qr_code": f"KER-BULK-{n:06d}",
            "location": f"Nave {n % 40}",
        }
        for n in range(ROWS)
    ]
    with store.transaction() as session:
        for start in range(0, len(rows), 10_000):
            session.execute(insert(Asset), rows[start : start + 10_000])
    with store.sessions() as session:
        total = int(session.scalar(select(func.count()).select_from(Asset)) or 0)
    # What sign-in would have returned for the demo technician (the probe's session).
    snapshot = demo_scene.session_for(store, "tecnico").snapshot
    identity = {"snapshot": snapshot.model_dump(mode="json"), "site_id": str(site)}
    (folder / IDENTITY).write_text(json.dumps(identity), encoding="utf-8")
    store.close()
    return total


def probe_bare(started: float) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("KER Field"))
    window.resize(1024, 600)
    window.show()

    def shown() -> None:
        print(f"shown {time.time() - started:.4f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


def probe_login(started: float, data_dir: str) -> None:
    """The app's real first window: what ``ker-field`` does up to its login window (the
    store opening behind it, as the app does while the person types)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ker_field.settings import Settings
    from ker_field.ui.controller import AppController
    from ker_field.ui.i18n import install_language
    from ker_field.ui.session import StoreOpening
    from ker_field.ui.theme import apply_theme

    app = QApplication([sys.argv[0]])
    settings = Settings.load(Path(data_dir))
    install_language(settings.language)
    apply_theme(app)
    opening = StoreOpening(Path(data_dir))
    controller = AppController(opening, settings, Path(data_dir))
    controller.login.resize(1024, 600)
    controller.start()

    def shown() -> None:
        print(f"shown {time.time() - started:.4f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    controller.shutdown()
    opening.close()


def probe_app(started: float, data_dir: str) -> None:
    """What the app does to show a signed-in person's main window from a cold process (the
    sign-in itself, which needs a person and a server, is not timed: the session is the
    demo technician's, as sign-in would return it). The store opens on the task runner
    after the first paint; the home's lists follow."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ker_field.settings import Settings
    from ker_field.ui.i18n import install_language
    from ker_field.ui.main_window import MainWindow
    from ker_field.ui.session import StoreOpening, UserSession
    from ker_field.ui.tasks import TaskRunner
    from ker_field.ui.theme import apply_theme

    app = QApplication([sys.argv[0]])
    apply_theme(app)
    install_language("es")
    opening = StoreOpening(Path(data_dir))
    tasks = TaskRunner()
    identity = json.loads((Path(data_dir) / IDENTITY).read_text(encoding="utf-8"))
    snapshot = identity["snapshot"]  # as the device keeps it; checked on first use

    def make_api() -> Any:
        from sync.client.api import ServerApi

        return ServerApi(NOWHERE, opening.result().device_id)

    session = UserSession(
        opening, None, snapshot, True, uuid.UUID(identity["site_id"]), make_api=make_api
    )
    settings = Settings.load(Path(data_dir))
    window = MainWindow(session, settings, Path(data_dir), tasks, defer_journeys=True)
    window.resize(1024, 600)
    window.show()
    window.start(sync=False)

    def shown() -> None:
        print(f"shown {time.time() - started:.4f}", flush=True)

    deadline = time.time() + 120

    def loaded() -> None:
        if time.time() > deadline:
            print("timeout 0", flush=True)
            app.quit()
        elif window.loaded and window.pages["assets"].page.model.rowCount() > 0:
            print(f"loaded {time.time() - started:.4f}", flush=True)
            app.quit()
        else:
            QTimer.singleShot(5, loaded)

    QTimer.singleShot(0, shown)
    QTimer.singleShot(0, loaded)
    app.exec()
    window.shutdown()
    tasks.shutdown()
    session.close()
    opening.close()


def _run(kind: str, data_dir: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # Both sides run with bytecode caching on, as an installed app does (pip and PyInstaller
    # ship .pyc files), the cache outside the source tree: the warm-up runs fill it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(data_dir.parent / "pycache")
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--probe", kind, str(started), str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=300,
    ).stdout
    return {name: float(value) for name, value in (line.split() for line in out.splitlines())}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--probe":
        kind, started, data_dir = sys.argv[2], float(sys.argv[3]), sys.argv[4]
        if kind == "bare":
            probe_bare(started)
        elif kind == "login":
            probe_login(started, data_dir)
        else:
            probe_app(started, data_dir)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "device"
        assets = build_store(data_dir)
        _run("bare", data_dir)  # warm the OS file cache and the bytecode cache for both
        _run("app", data_dir)
        _run("login", data_dir)
        bare, login, shown, loaded = [], [], [], []
        for _ in range(RUNS):
            bare.append(_run("bare", data_dir)["shown"])
            login.append(_run("login", data_dir)["shown"])
            app = _run("app", data_dir)
            shown.append(app["shown"])
            loaded.append(app["loaded"])
    base = statistics.median(bare)
    print(f"store: {assets} assets (plus the demo data)")
    print(f"bare PySide6 window shown: {base * 1000:.0f} ms (ratio 1.00, the baseline)")
    for name, values in (
        ("app main window shown", shown),
        ("app home lists loaded", loaded),
        ("app login window shown (the app's first window)", login),
    ):
        median = statistics.median(values)
        print(f"{name}: {median * 1000:.0f} ms, ratio {median / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
