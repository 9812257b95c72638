"""`ker-field`: the one place that wires settings, the local store and the services.

Until the desktop UI lands (issue 5), the app opens (creating or upgrading) the local store,
optionally loads the demo data, and prints what the store holds and what the demo
technician may do: a real run of the store, the migrations, the services and the rules.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select

from ker_field import __version__
from ker_field.domain import demo
from ker_field.domain.decision import Decision
from ker_field.domain.labels import Lang
from ker_field.domain.models import (
    AccessLog,
    Asset,
    Base,
    Local,
    LotoLog,
    LotoProcedure,
    ServiceTicket,
    TrainingModule,
    User,
    VisitorInvite,
    WorkPermit,
)
from ker_field.domain.rules.common import Actor
from ker_field.services.context import ServiceContext
from ker_field.services.loto import loto_prerequisites
from ker_field.store import migrate
from ker_field.store.local import LocalStore

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
    "ui_pending": {
        "es": "La interfaz de escritorio llega con el issue 5; esto es lo que hay hoy.",
        "en": "The desktop UI comes with issue 5; this is what exists today.",
    },
}

_COUNTED: list[tuple[type[Base], dict[Lang, str]]] = [
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
    print(_t("title", lang, version=__version__))
    print(f"  {_t('folder', lang)}: {store.data_dir}")
    print(f"  {_t('device', lang)}: {store.device_id}")
    print(f"  {_t('schema', lang)}: {migrate.current_revision(store.engine)}")
    print(f"  {_t('holds', lang)}:")
    with store.sessions() as session:
        for entity, label in _COUNTED:
            count = session.scalar(select(func.count()).select_from(entity)) or 0
            print(f"    {count:6d}  {label[lang]}")
    print(f"  {_t('pending', lang)}: {store.pending_count()}")
    print(f"  {_t('issues', lang)}: {store.open_issue_count()}")


def show_demo_prerequisites(store: LocalStore, lang: Lang) -> None:
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
        print(f"    {asset.qr_code}  {asset.name} ({asset.category})")
        _print_decision(loto_prerequisites(ctx, asset.id), lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ker-field", description="KER Field")
    parser.add_argument("--data-dir", help="data folder (default: the user data folder)")
    parser.add_argument("--demo", action="store_true", help="load the demo data")
    parser.add_argument("--lang", choices=["es", "en"], default="es")
    args = parser.parse_args(argv)
    lang: Lang = args.lang
    store = LocalStore.open(args.data_dir)
    try:
        if args.demo:
            with store.transaction() as session:
                demo.seed_demo(session, datetime.now(UTC))
            print(_t("seeded", lang))
        summarize(store, lang)
        if args.demo:
            show_demo_prerequisites(store, lang)
        print(_t("ui_pending", lang))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
