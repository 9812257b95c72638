"""Shift handover operations: a note with the live state attached, its acknowledgement."""

from __future__ import annotations

import uuid
from typing import Any

from ker_field.domain.decision import check, define
from ker_field.domain.models import Local, ShiftHandover
from ker_field.domain.operations import OpContext, get_or_raise, require
from ker_field.domain.scopes import site_scope

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


def add(
    oc: OpContext,
    *,
    id: uuid.UUID,
    notes: str,
    flagged_items: list[str],
    to_user_id: uuid.UUID | None,
    snapshot: dict[str, Any],
) -> ShiftHandover:
    require(check(bool(notes.strip()), NOTES_REQUIRED))
    if oc.site_id is None:
        raise ValueError("a handover belongs to a site")
    site = get_or_raise(oc.session, Local, oc.site_id)
    row = ShiftHandover(
        id=id,
        tenant_id=site.tenant_id,
        scope=site_scope(site.id),
        site_id=site.id,
        from_user_id=oc.actor.user_id,
        to_user_id=to_user_id,
        notes=notes.strip(),
        flagged_items=list(flagged_items),
        snapshot=snapshot,
        created_at=oc.now,
    )
    oc.session.add(row)
    oc.session.flush()
    return row


def acknowledge(oc: OpContext, *, id: uuid.UUID) -> ShiftHandover:
    row = get_or_raise(oc.session, ShiftHandover, id)
    require(
        check(row.acknowledged_at is None, ALREADY_ACKNOWLEDGED)
        & check(row.from_user_id != oc.actor.user_id, OWN_HANDOVER)
    )
    row.acknowledged_at, row.acknowledged_by_id = oc.now, oc.actor.user_id
    oc.session.flush()
    return row
