"""Shift handover: notes with the live state attached; the incoming person acknowledges."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ker_field.domain.enums import PermitStatus, UserRole
from ker_field.domain.models import ShiftHandover, User, WorkPermit
from ker_field.domain.operations import get_or_raise
from ker_field.domain.operations import handover as ops
from ker_field.services.context import ServiceContext
from ker_field.services.loto import active_locks
from ker_field.services.visitors import people_on_site
from sync.protocol import HandoverAcknowledgeArgs, HandoverAddArgs, MutationName

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
    from_name: str = ""
    acknowledged_by: str | None = None


def _view(row: ShiftHandover, names: dict[uuid.UUID, str] | None = None) -> HandoverView:
    names = names or {}
    return HandoverView(
        row.id,
        row.from_user_id,
        row.to_user_id,
        row.notes,
        list(row.flagged_items),
        dict(row.snapshot),
        row.created_at,
        row.acknowledged_at,
        names.get(row.from_user_id, ""),
        names.get(row.acknowledged_by_id) if row.acknowledged_by_id else None,
    )


def team_of(role: UserRole) -> frozenset[UserRole]:
    """Guards hand over to guards; technicians and supervisors to the field team."""
    if role is UserRole.GUARD:
        return frozenset({UserRole.GUARD})
    return frozenset({UserRole.TECHNICIAN, UserRole.SUPERVISOR, UserRole.ADMIN})


def team_handovers(ctx: ServiceContext, limit: int = 20) -> list[HandoverView]:
    """The latest handovers of the acting person's team at this site, newest first."""
    with ctx.store.sessions() as session:
        rows = list(
            session.scalars(
                select(ShiftHandover)
                .join(User, User.id == ShiftHandover.from_user_id)
                .where(
                    ShiftHandover.site_id == ctx.site_id,
                    ShiftHandover.deleted.is_(False),
                    User.role.in_(team_of(ctx.actor.role)),
                )
                .order_by(ShiftHandover.created_at.desc(), ShiftHandover.id)
                .limit(limit)
            )
        )
        people = {r.from_user_id for r in rows} | {
            r.acknowledged_by_id for r in rows if r.acknowledged_by_id
        }
        names = {
            u.id: u.full_name for u in session.scalars(select(User).where(User.id.in_(people)))
        }
        return [_view(row, names) for row in rows]


def to_acknowledge(ctx: ServiceContext) -> list[HandoverView]:
    """Handovers of my team I (the incoming person) have not acknowledged: not my own,
    addressed to me or to anyone."""
    return [
        view
        for view in team_handovers(ctx)
        if view.acknowledged_at is None
        and view.from_user_id != ctx.actor.user_id
        and view.to_user_id in (None, ctx.actor.user_id)
    ]


def open_flags(ctx: ServiceContext) -> list[str]:
    """Flagged items carry forward: those of the team's latest handover stay open until the
    next outgoing person clears them (leaves them out of the next handover)."""
    latest = team_handovers(ctx, limit=1)
    return list(latest[0].flagged_items) if latest else []


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
    args = HandoverAddArgs(
        id=uuid.uuid4(),
        notes=notes,
        flagged_items=list(flagged_items or []),
        to_user_id=to_user_id,
        snapshot=live_snapshot(ctx),
    )
    with ctx.store.transaction() as session:
        row = ops.add(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.HANDOVER_ADD, args)
        return _view(row)


def acknowledge_handover(ctx: ServiceContext, handover_id: uuid.UUID) -> HandoverView:
    args = HandoverAcknowledgeArgs(id=handover_id)
    with ctx.store.transaction() as session:
        base_version = get_or_raise(session, ShiftHandover, handover_id).version
        row = ops.acknowledge(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.HANDOVER_ACKNOWLEDGE, args, base_version=base_version)
        return _view(row)
