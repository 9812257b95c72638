"""The gate journeys: the guard's gate (scan, verdict, NDA, walk-ins, anomalies), the roll
call, and the shift handover (guards, technicians and supervisors)."""

from __future__ import annotations

import base64
import secrets
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ker_field.domain.enums import UserRole
from ker_field.ui.journeys import Journey, JourneyHost, Shot


def _gate(host: JourneyHost) -> QWidget:
    from ker_field.ui.gate.gate import GatePage

    return GatePage(host)


def _rollcall(host: JourneyHost) -> QWidget:
    from ker_field.ui.gate.rollcall import RollCallPage

    return RollCallPage(host)


def _handover(host: JourneyHost) -> QWidget:
    from ker_field.ui.gate.handover import HandoverPage

    return HandoverPage(host)


def demo_tokens(host: JourneyHost) -> dict[str, str]:
    """Screenshots only: give the demo tenant a key on this device and sign the demo invites
    with it (the real key lives on the server), plus one forged code."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ker_field.domain import demo
    from ker_field.domain.invite_token import InvitePayload, assemble_token, signing_input
    from ker_field.domain.models import Tenant, VisitorInvite

    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    tokens: dict[str, str] = {}
    store = host.session.store
    with store.transaction() as db:
        tenant = db.get(Tenant, demo.TENANT_ID)
        assert tenant is not None
        tenant.invite_public_key = base64.b64encode(public).decode()
        for key in ("1", "2", "3"):
            invite = db.get(VisitorInvite, demo.demo_id("invite", key))
            if invite is None:
                continue
            signed = signing_input(
                InvitePayload(
                    invite.id,
                    invite.site_id,
                    invite.valid_from,
                    invite.valid_to,
                    secrets.token_urlsafe(9),
                )
            )
            tokens[key] = assemble_token(signed, private.sign(signed))
    other = Ed25519PrivateKey.generate()
    signed = tokens["3"].rsplit(".", 1)[0].encode()
    tokens["forged"] = assemble_token(signed, other.sign(signed))
    return tokens


def _gate_shots(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    from ker_field.ui.gate.gate import GatePage

    assert isinstance(page, GatePage)
    shot("gate-ready")
    tokens = demo_tokens(host)
    page.scan(tokens["3"])
    shot("gate-admitted")
    page.scan(tokens["3"])
    shot("gate-refused-already-inside")
    page.scan(tokens["forged"])
    shot("gate-refused-forged")
    page.scan(tokens["1"])
    shot("gate-nda-required")
    dialog = page.open_nda()
    if dialog is not None:
        dialog.resize(min(900, page.width()), min(760, page.window().height() - 40))
        dialog.pad.draw([(40, 120), (80, 60), (120, 130), (170, 50), (220, 120), (300, 90)])
        shot("gate-nda-signature", dialog)
        dialog.reject()
    walk_in = page.open_walk_in()
    walk_in.name.setText("Pedro Soto")
    walk_in.rut.setText("12.345.678-9")
    walk_in.company.setText("Fletes Rápidos SpA")
    shot("gate-walk-in", walk_in)
    walk_in.reject()
    page.open_expected()
    _settle(host)
    if page.dialog is not None:
        shot("gate-expected", page.dialog)
        page.dialog.reject()
    _demo_anomaly(host)
    host.refresh()
    page.open_anomalies()
    _settle(host)
    if page.dialog is not None:
        shot("gate-anomalies", page.dialog)
        page.dialog.reject()


def _settle(host: JourneyHost) -> None:
    for _ in range(3):
        host.tasks.wait()
        QCoreApplication.processEvents()


def _demo_anomaly(host: JourneyHost) -> None:
    """Screenshots only: what the server would send after two gates admitted one invite."""
    import uuid

    from sqlalchemy import select

    from ker_field.domain.models import AccessLog, GateAnomaly
    from ker_field.domain.rules.visitors import DOUBLE_ADMISSION
    from ker_field.domain.scopes import site_scope

    ctx = host.session.context()
    with ctx.store.transaction() as db:
        log = db.scalars(
            select(AccessLog)
            .where(AccessLog.invite_id.is_not(None))
            .order_by(AccessLog.device_time)
        ).first()
        if log is None:
            return
        db.add(
            GateAnomaly(
                id=uuid.uuid4(),
                tenant_id=log.tenant_id,
                scope=site_scope(log.site_id),
                site_id=log.site_id,
                kind=DOUBLE_ADMISSION,
                invite_id=log.invite_id,
                access_log_id=log.id,
                first_access_log_id=log.id,
                person_name=log.person_name,
                gates="Portería 1 / Portería Norte",
                detected_at=ctx.now(),
            )
        )


def _rollcall_shots(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    from ker_field.ui.gate.rollcall import RollCallPage

    assert isinstance(page, RollCallPage)
    shot("rollcall-list")
    if page.model.rowCount():
        page.table.selectRow(0)
        page.toggle_safe()
    shot("rollcall-marked-safe")


def _handover_shots(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    from ker_field.domain import demo
    from ker_field.domain.models import User
    from ker_field.domain.rules.common import Actor
    from ker_field.services import handover as shifts
    from ker_field.services.context import ServiceContext
    from ker_field.ui.gate.handover import HandoverPage

    assert isinstance(page, HandoverPage)
    ctx = host.session.context()
    if ctx.actor.role is UserRole.TECHNICIAN:  # a note from the previous shift to receive
        with ctx.store.sessions() as db:
            user: Any = db.get(User, demo.USER_IDS["tecnico2"])
            actor = Actor(user.id, user.role)
        other = ServiceContext(
            ctx.store,
            actor,
            ctx.tenant_id,
            ctx.site_id,
            lambda: ctx.now() - timedelta(hours=1),
        )
        shifts.add_handover_note(
            other,
            "Bomba 3 queda bloqueada: falta cambiar el sello. Tablero TG-2 revisado.",
            ["Sello de bomba 3 por llegar", "Revisar fuga en sala de compresores"],
        )
        host.refresh()
        shot("handover-incoming")
        page.notes.setPlainText("Sello de bomba 3 cambiado; el bloqueo sigue hasta la prueba.")
        shot("handover-outgoing")
    elif ctx.actor.role is UserRole.GUARD:
        page.notes.setPlainText(
            "Sin novedades en portería. Camión de Transportes Norte aún dentro."
        )
        page.flag_text.setText("Portón 2 no cierra solo")
        page.add_flag()
        shot("handover-guard")


JOURNEYS = [
    Journey(
        key="gate",
        title=lambda: QCoreApplication.translate("Journeys", "Portería"),
        create=_gate,
        roles=frozenset({UserRole.GUARD, UserRole.SUPERVISOR, UserRole.ADMIN}),
        screenshots=_gate_shots,
    ),
    Journey(
        key="rollcall",
        title=lambda: QCoreApplication.translate("Journeys", "Pasar lista"),
        create=_rollcall,
        roles=frozenset({UserRole.GUARD, UserRole.SUPERVISOR, UserRole.ADMIN}),
        screenshots=_rollcall_shots,
    ),
    Journey(
        key="handover",
        title=lambda: QCoreApplication.translate("Journeys", "Entrega de turno"),
        create=_handover,
        roles=frozenset(set(UserRole)),
        screenshots=_handover_shots,
    ),
]

__all__ = ["JOURNEYS", "demo_tokens"]
