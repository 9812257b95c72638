"""Shift handover: notes with the live state attached; the incoming person acknowledges."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ker_field.domain.decision import check, define
from ker_field.domain.enums import PermitStatus
from ker_field.domain.models import Local, ShiftHandover, WorkPermit
from ker_field.domain.scopes import site_scope
from ker_field.services.context import ServiceContext, get_or_raise, require, wire
from ker_field.services.loto import active_locks
from ker_field.services.visitors import people_on_site
from sync.protocol import MutationName

NOTES_REQUIRED = define(
    "handover.notes_required",
    es="Escriba una nota de entrega de turno.",
    en="Write a handover note.",
)
ALREADY_ACKNOWLEDGED = define(
    "handover.already_acknowledged",
    es="Esta entrega de turno ya fue recibida.",
    en="This handover was already acknowledged.",
)
OWN_HANDOVER = define(
    "handover.own_handover",
    es="No puede recibir su propia entrega de turno.",
    en="You cannot acknowledge your own handover.",
)

OPEN_PERMITS = (
    PermitStatus.REQUESTED,
    PermitStatus.APPROVED,
    PermitStatus.ACTIVE,
    PermitStatus.SUSPENDED,
)


@dataclass(frozen=True)
class HandoverView:
    id: uuid.UUID
    from_user_id: uuid.UUID
    to_user_id: uuid.UUID | None
    notes: str
    flagged_items: list[Any]
    snapshot: dict[str, Any]
    created_at: datetime
    acknowledged_at: datetime | None


def _view(row: ShiftHandover) -> HandoverView:
    return HandoverView(
        row.id,
        row.from_user_id,
        row.to_user_id,
        row.notes,
        list(row.flagged_items),
        dict(row.snapshot),
        row.created_at,
        row.acknowledged_at,
    )


def live_snapshot(ctx: ServiceContext) -> dict[str, Any]:
    """People on site, active locks and open permits at the context's site, as plain JSON."""
    people = [
        {"visit_id": str(p.visit_id), "name": p.person_name, "type": p.access_type.value}
        for p in people_on_site(ctx)
    ]
    locks = [
        {
            "lock_id": str(lk.lock_id),
            "asset": lk.asset_name,
            "serial": lk.serial,
            "held_by": str(lk.held_by),
            "point": lk.isolation_point,
        }
        for lk in active_locks(ctx)
    ]
    with ctx.store.sessions() as session:
        permits = [
            {"permit_id": str(p.id), "ticket_id": str(p.ticket_id), "status": p.status.value}
            for p in session.scalars(
                select(WorkPermit).where(
                    WorkPermit.site_id == ctx.site_id,
                    WorkPermit.status.in_(OPEN_PERMITS),
                    WorkPermit.deleted.is_(False),
                )
            )
        ]
    return {"people_on_site": people, "active_locks": locks, "open_permits": permits}


def add_handover_note(
    ctx: ServiceContext,
    notes: str,
    flagged_items: list[str] | None = None,
    to_user_id: uuid.UUID | None = None,
) -> HandoverView:
    require(check(bool(notes.strip()), NOTES_REQUIRED))
    now = ctx.now()
    snapshot = live_snapshot(ctx)
    with ctx.store.transaction() as session:
        site = get_or_raise(session, Local, ctx.site_id)
        row = ShiftHandover(
            id=uuid.uuid4(),
            tenant_id=site.tenant_id,
            scope=site_scope(site.id),
            site_id=site.id,
            from_user_id=ctx.actor.user_id,
            to_user_id=to_user_id,
            notes=notes.strip(),
            flagged_items=list(flagged_items or []),
            snapshot=snapshot,
            created_at=now,
        )
        session.add(row)
        ctx.enqueue(
            session,
            MutationName.HANDOVER_ADD,
            {
                "id": wire(row.id),
                "to_user_id": wire(to_user_id),
                "notes": row.notes,
                "flagged_items": row.flagged_items,
                "snapshot": snapshot,
            },
        )
        session.flush()
        return _view(row)


def acknowledge_handover(ctx: ServiceContext, handover_id: uuid.UUID) -> HandoverView:
    now = ctx.now()
    with ctx.store.transaction() as session:
        row = get_or_raise(session, ShiftHandover, handover_id)
        require(
            check(row.acknowledged_at is None, ALREADY_ACKNOWLEDGED)
            & check(row.from_user_id != ctx.actor.user_id, OWN_HANDOVER)
        )
        row.acknowledged_at, row.acknowledged_by_id = now, ctx.actor.user_id
        ctx.enqueue(
            session,
            MutationName.HANDOVER_ACKNOWLEDGE,
            {"id": wire(row.id)},
            base_version=row.version,
        )
        session.flush()
        return _view(row)
