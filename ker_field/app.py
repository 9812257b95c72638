"""`ker-field`: the one place that wires settings, the local store, the sync client and the
windows together.

- ``ker-field`` opens the app against the configured server (settings.json in the data
  folder);
- ``ker-field --demo`` also starts the embedded demo server (``python -m sync.server
  --seed-demo`` on 127.0.0.1, SQLite in ``DATA_DIR/server``), points the app at it, lists
  the demo people on the login screen, and stops the server on exit;
- ``ker-field --summary`` prints what the local store holds, without a window (with
  ``--demo``: after loading the demo data into the local store).
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ker_field import __version__
from ker_field.domain.labels import Lang, category_label
from ker_field.store.paths import resolve_data_dir

# The ORM, the services and the store are imported where used: the window's path starts
# with Qt alone (bench/startup.py).
if TYPE_CHECKING:
    from ker_field.domain.decision import Decision
    from ker_field.domain.models import Base
    from ker_field.store.local import LocalStore
    from ker_field.tools.demo_server import DemoServer

_TEXT: dict[str, dict[Lang, str]] = {
    "title": {"es": "KER Field {version}: almacén local", "en": "KER Field {version}: local store"},
    "folder": {"es": "Carpeta de datos", "en": "Data folder"},
    "device": {"es": "Dispositivo", "en": "Device"},
    "schema": {"es": "Versión del esquema", "en": "Schema revision"},
    "holds": {"es": "Contenido", "en": "Contents"},
    "pending": {"es": "Cambios pendientes de sincronizar", "en": "Changes waiting to sync"},
    "issues": {"es": "Problemas de sincronización por revisar", "en": "Sync issues to review"},
    "seeded": {"es": "Datos de demostración cargados.", "en": "Demo data loaded."},
    "prereq": {
        "es": "Requisitos de bloqueo de {user} en {site}:",
        "en": "Lockout prerequisites of {user} at {site}:",
    },
    "ok": {"es": "puede bloquear", "en": "may lock out"},
}


def _counted() -> list[tuple[type[Base], dict[Lang, str]]]:
    from ker_field.domain.models import (
        AccessLog,
        Asset,
        Local,
        LotoLog,
        LotoProcedure,
        ServiceTicket,
        TrainingModule,
        User,
        VisitorInvite,
        WorkPermit,
    )

    return [
        (Local, {"es": "instalaciones", "en": "sites"}),
        (User, {"es": "usuarios", "en": "users"}),
        (Asset, {"es": "equipos", "en": "assets"}),
        (LotoProcedure, {"es": "procedimientos LOTO", "en": "LOTO procedures"}),
        (ServiceTicket, {"es": "órdenes de trabajo", "en": "work orders"}),
        (WorkPermit, {"es": "permisos de trabajo", "en": "work permits"}),
        (LotoLog, {"es": "registros LOTO", "en": "LOTO log entries"}),
        (TrainingModule, {"es": "módulos de capacitación", "en": "training modules"}),
        (VisitorInvite, {"es": "invitaciones de visita", "en": "visitor invites"}),
        (AccessLog, {"es": "registros de portería", "en": "gate log entries"}),
    ]


def _t(key: str, lang: Lang, **values: object) -> str:
    return _TEXT[key][lang].format(**values)


def _print_decision(decision: Decision, lang: Lang) -> None:
    for refusal in decision.refusals:
        print(f"      ✘ {refusal.message(lang)}")
    for warning in decision.warnings:
        print(f"      ⚠ {warning.message(lang)}")
    if decision.allowed:
        print(f"      ✔ {_t('ok', lang)}")


def summarize(store: LocalStore, lang: Lang) -> None:
    from sqlalchemy import func, select

    from ker_field.store import migrate

    print(_t("title", lang, version=__version__))
    print(f"  {_t('folder', lang)}: {store.data_dir}")
    print(f"  {_t('device', lang)}: {store.device_id}")
    print(f"  {_t('schema', lang)}: {migrate.current_revision(store.engine)}")
    print(f"  {_t('holds', lang)}:")
    with store.sessions() as session:
        for entity, label in _counted():
            count = session.scalar(select(func.count()).select_from(entity)) or 0
            print(f"    {count:6d}  {label[lang]}")
    print(f"  {_t('pending', lang)}: {store.pending_count()}")
    print(f"  {_t('issues', lang)}: {store.open_issue_count()}")


def show_demo_prerequisites(store: LocalStore, lang: Lang) -> None:
    from sqlalchemy import select

    from ker_field.domain import demo
    from ker_field.domain.models import Asset, Local, User
    from ker_field.domain.rules.common import Actor
    from ker_field.services.context import ServiceContext
    from ker_field.services.loto import loto_prerequisites

    with store.sessions() as session:
        user = session.get(User, demo.USER_IDS["tecnico"])
        site = session.get(Local, demo.SITE_IDS["STGO"])
        assets = list(
            session.scalars(
                select(Asset).where(Asset.site_id == demo.SITE_IDS["STGO"]).order_by(Asset.qr_code)
            )
        )[:4]
    if user is None or site is None:
        return
    ctx = ServiceContext(store, Actor(user.id, user.role), site.tenant_id, site.id)
    print(_t("prereq", lang, user=user.full_name, site=site.name))
    for asset in assets:
        print(f"    {asset.qr_code}  {asset.name} ({category_label(asset.category, lang)})")
        _print_decision(loto_prerequisites(ctx, asset.id), lang)


def run_summary(data_dir: str | None, demo_data: bool, lang: Lang) -> int:
    from ker_field.domain import demo
    from ker_field.store.local import LocalStore

    store = LocalStore.open(data_dir)
    try:
        if demo_data:
            with store.transaction() as session:
                demo.seed_demo(session, datetime.now(UTC))
            print(_t("seeded", lang))
        summarize(store, lang)
        if demo_data:
            show_demo_prerequisites(store, lang)
    finally:
        store.close()
    return 0


def _demo_server_ready(server: DemoServer, timeout: float = 60.0) -> None:
    server.wait_ready(timeout)
    print(f"KER Field: demo server on {server.url}", flush=True)


def run_gui(
    data_dir: Path,
    demo_mode: bool,
    lang: Lang | None,
    server: str | None,
    camera: str | None = None,
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ker_field.capture.photo import set_production
    from ker_field.settings import Settings
    from ker_field.tools.demo_server import DemoServer
    from ker_field.ui.controller import AppController
    from ker_field.ui.i18n import install_language
    from ker_field.ui.session import StoreOpening
    from ker_field.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("KER Field")
    settings = Settings.load(data_dir)
    if lang is not None:
        settings = settings.with_(language=lang)
    if server is not None:
        settings = settings.with_(server_url=server)
    if camera is not None:
        settings = settings.with_(camera_source=camera)
    set_production(not demo_mode)  # evidence photos only from a live camera outside the demo
    install_language(settings.language)
    apply_theme(app)
    demo_server: DemoServer | None = None
    if demo_mode:  # the login window shows while the server starts (it waits to sign in)
        print(f"KER Field: starting the demo server in {data_dir / 'server'} ...", flush=True)
        demo_server = DemoServer.launch(data_dir / "server")
        settings = settings.with_(server_url=demo_server.url)
    store = StoreOpening(data_dir)  # opens on the task runner while the login window shows
    controller = AppController(store, settings, data_dir, demo=demo_mode)
    # Ctrl+C / SIGTERM close the app cleanly (and so stop the demo server): Python runs signal
    # handlers only when it gets control, hence the idle timer.
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(300)
    try:
        controller.login.resize(1024, 600)
        controller.start()
        if demo_server is not None:
            controller.login.wait_for_server(partial(_demo_server_ready, demo_server))
        return int(app.exec())
    finally:
        wake.stop()
        controller.shutdown()
        store.close()
        if demo_server is not None:
            demo_server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ker-field", description="KER Field")
    parser.add_argument("--data-dir", help="data folder (default: the user data folder)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo server and show the demo people (with --summary: "
        "load the demo data into the local store)",
    )
    parser.add_argument("--lang", choices=["es", "en"], default=None)
    parser.add_argument("--server", help="server URL (default: the one in the settings)")
    parser.add_argument(
        "--camera",
        metavar="SOURCE",
        help="camera source for this run: camera:N, or file:PATH (a video, a folder of images "
        "or one image); default: the one in the settings",
    )
    parser.add_argument(
        "--summary", action="store_true", help="print what the local store holds; no window"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check offscreen that this installation has every part the app needs; exit 0 if so",
    )
    args = parser.parse_args(argv)
    if args.self_test:
        from ker_field.tools.self_test import run as run_self_test

        return run_self_test()
    if args.summary:
        return run_summary(args.data_dir, args.demo, args.lang or "es")
    return run_gui(
        resolve_data_dir(args.data_dir), args.demo, args.lang, args.server, camera=args.camera
    )


if __name__ == "__main__":
    sys.exit(main())
