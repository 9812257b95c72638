"""Gate rules: invite valid for this site and time, NDA where required, no double check-in."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ker_field.domain.decision import Decision, check, define
from ker_field.domain.enums import AccessDirection, AccessType, VisitorStatus
from ker_field.domain.rules.rut import check_rut

V = VisitorStatus

# Visit lifecycle. A visitor who left may come in again inside the invite's window.
TRANSITIONS: dict[VisitorStatus, frozenset[VisitorStatus]] = {
    V.INVITED: frozenset({V.CHECKED_IN, V.CANCELLED}),
    V.CHECKED_IN: frozenset({V.CHECKED_OUT}),
    V.CHECKED_OUT: frozenset({V.CHECKED_IN}),
    V.CANCELLED: frozenset(),
}

OTHER_SITE = define(
    "visitor.other_site",
    es="La invitación es para otra instalación.",
    en="The invitation is for another site.",
)
TOO_EARLY = define(
    "visitor.too_early",
    es="Demasiado temprano: la invitación rige desde el {valid_from}.",
    en="Too early: the invitation is valid from {valid_from}.",
)
EXPIRED = define(
    "visitor.expired",
    es="La invitación venció el {valid_to}.",
    en="The invitation expired on {valid_to}.",
)
CANCELLED = define(
    "visitor.cancelled",
    es="La invitación fue cancelada.",
    en="The invitation was cancelled.",
)
ALREADY_INSIDE = define(
    "visitor.already_inside",
    es="{name} ya está dentro de la instalación: registre su salida antes de otra entrada.",
    en="{name} is already inside the site: check them out before another entry.",
)
NOT_INSIDE = define(
    "visitor.not_inside",
    es="{name} no figura dentro de la instalación.",
    en="{name} is not recorded as inside the site.",
)
NDA_REQUIRED = define(
    "visitor.nda_required",
    es="Esta instalación exige un acuerdo de confidencialidad firmado y vigente antes del ingreso.",
    en="This site requires a signed, valid non-disclosure agreement before entry.",
)
NAME_REQUIRED = define(
    "visitor.name_required",
    es="Ingrese el nombre de la persona.",
    en="Enter the person's name.",
)
HOST_REQUIRED = define(
    "visitor.host_required",
    es="Indique a quién visita.",
    en="Enter who they are visiting.",
)
ID_PHOTO_REQUIRED = define(
    "visitor.id_photo_required",
    es="Esta instalación exige una foto del documento de identidad.",
    en="This site requires a photo of the identity document.",
)


@dataclass(frozen=True)
class InviteFacts:
    site_id: uuid.UUID
    status: VisitorStatus
    valid_from: datetime
    valid_to: datetime


def _at(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def check_invite(invite: InviteFacts, gate_site_id: uuid.UUID, now: datetime) -> Decision:
    """Is this invite good for entry at this gate now? (Signature checks happen before this.)"""
    if invite.status is V.CANCELLED:
        return check(False, CANCELLED)
    if invite.site_id != gate_site_id:
        return check(False, OTHER_SITE)
    if now < invite.valid_from:
        return check(False, TOO_EARLY, valid_from=_at(invite.valid_from))
    return check(now < invite.valid_to, EXPIRED, valid_to=_at(invite.valid_to))


NDA_ACCESS_TYPES = frozenset({AccessType.VISITOR, AccessType.CONTRACTOR})


def needs_nda(site_requires_nda: bool, access_type: AccessType) -> bool:
    """Visitors and contractors sign where the site asks; deliveries and employees do not."""
    return site_requires_nda and access_type in NDA_ACCESS_TYPES


def check_nda(
    site_requires_nda: bool, nda_valid_until: Iterable[datetime], now: datetime
) -> Decision:
    if not site_requires_nda:
        return Decision()
    return check(any(until > now for until in nda_valid_until), NDA_REQUIRED)


def is_inside(directions: Iterable[AccessDirection]) -> bool:
    """Fold a visit's gate log (in time order): inside after an IN not yet followed by an OUT."""
    inside = False
    for direction in directions:
        inside = direction is AccessDirection.IN
    return inside


def check_check_in(name: str, inside: bool) -> Decision:
    return check(not inside, ALREADY_INSIDE, name=name)


def check_check_out(name: str, inside: bool) -> Decision:
    return check(inside, NOT_INSIDE, name=name)


def check_visit_transition(current: VisitorStatus, target: VisitorStatus, name: str) -> Decision:
    if target in TRANSITIONS[current]:
        return Decision()
    if target is V.CHECKED_IN and current is V.CHECKED_IN:
        return check(False, ALREADY_INSIDE, name=name)
    if current is V.CANCELLED:
        return check(False, CANCELLED)
    return check(False, NOT_INSIDE, name=name)


ANOMALY_RESOLVED = define(
    "visitor.anomaly_resolved",
    es="Esta anomalía de portería ya fue revisada.",
    en="This gate anomaly was already reviewed.",
)
RESOLUTION_REQUIRED = define(
    "visitor.resolution_required",
    es="Escriba qué se comprobó antes de cerrar la anomalía.",
    en="Write what was checked before closing the anomaly.",
)

DOUBLE_ADMISSION = "double_admission"
ANONYMIZED_NAME = "(anon)"


def overlaps(other_out: datetime | None, entry_at: datetime) -> bool:
    """Was another visit of the same invite still open when this entry happened? (An entry
    at ``entry_at`` with no exit yet overlaps any visit not closed before it.)"""
    return other_out is None or other_out > entry_at


def check_resolve_anomaly(resolved: bool, resolution: str) -> Decision:
    return check(not resolved, ANOMALY_RESOLVED) & check(
        bool(resolution.strip()), RESOLUTION_REQUIRED
    )


def retention_cutoff(now: datetime, retention_days: int) -> datetime:
    """Visitor personal data of visits that ended before this moment is anonymized."""
    return now - timedelta(days=max(retention_days, 1))


def check_manual_entry(
    name: str,
    rut: str,
    access_type: AccessType,
    host_user_id: uuid.UUID | None,
    site_requires_id_photo: bool,
    id_photo_sha256: str | None,
) -> Decision:
    """A guard's manual entry of a walk-in: name, a valid RUT, a host for visitors, the ID photo."""
    return (
        check(bool(name.strip()), NAME_REQUIRED)
        & check_rut(rut)
        & check(access_type is not AccessType.VISITOR or host_user_id is not None, HOST_REQUIRED)
        & check(not site_requires_id_photo or bool(id_photo_sha256), ID_PHOTO_REQUIRED)
    )
