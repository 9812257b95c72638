"""Work permits: validated transitions of the permit state machine and the work-start gate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ker_field.domain.decision import Decision, check, define, reason
from ker_field.domain.enums import EquipmentHandback, PermitStatus, RiskLevel
from ker_field.domain.rules.common import ROLE_FORBIDDEN, Actor
from ker_field.domain.rules.risk import permit_required

S = PermitStatus

# Legal moves. Anything else is refused with permit.illegal_transition.
TRANSITIONS: dict[PermitStatus, frozenset[PermitStatus]] = {
    S.DRAFT: frozenset({S.REQUESTED, S.CLOSED}),
    S.REQUESTED: frozenset({S.APPROVED, S.REJECTED}),
    S.APPROVED: frozenset({S.ACTIVE, S.CLOSED}),
    S.REJECTED: frozenset(),
    S.ACTIVE: frozenset({S.SUSPENDED, S.CLOSED}),
    S.SUSPENDED: frozenset({S.ACTIVE, S.CLOSED}),
    S.CLOSED: frozenset(),
}

ILLEGAL_TRANSITION = define(
    "permit.illegal_transition",
    es="Un permiso en estado {current} no puede pasar a {target}.",
    en="A permit in state {current} cannot move to {target}.",
)
WINDOW_INVALID = define(
    "permit.window_invalid",
    es="La vigencia del permiso debe terminar después de comenzar.",
    en="The permit's validity must end after it starts.",
)
EXPIRED = define(
    "permit.expired",
    es="El permiso venció el {valid_to}.",
    en="The permit expired on {valid_to}.",
)
NOT_YET_VALID = define(
    "permit.not_yet_valid",
    es="El permiso rige desde el {valid_from}.",
    en="The permit is valid from {valid_from}.",
)
SELF_APPROVAL = define(
    "permit.self_approval",
    es="Un permiso de riesgo {level} debe aprobarlo un supervisor distinto de quien lo solicitó.",
    en="A {level} risk permit must be approved by a supervisor other than its requester.",
)
NOT_REQUESTER = define(
    "permit.not_requester",
    es="Solo quien redactó el permiso puede solicitarlo.",
    en="Only the person who drafted the permit can request it.",
)
REQUIRED = define(
    "permit.required",
    es="El trabajo tiene riesgo {level}: necesita un permiso aprobado y activo.",
    en="The work has {level} risk: it needs an approved, active permit.",
)
NOT_ACTIVE = define(
    "permit.not_active",
    es="El permiso está en estado {status}; el trabajo requiere un permiso activo.",
    en="The permit is {status}; the work needs an active permit.",
)
NOT_APPROVED = define(
    "permit.not_approved",
    es="El permiso no tiene aprobación registrada.",
    en="The permit has no recorded approval.",
)
HANDBACK_REQUIRED = define(
    "permit.handback_required",
    es="Para cerrar un permiso cuyo trabajo comenzó, indique en qué estado se entrega el equipo.",
    en="To close a permit whose work started, state how the equipment is handed back.",
)
COSIGN_ONLY_APPROVAL = define(
    "permit.cosign_only_approval",
    es="En el equipo de otra persona solo se puede firmar la aprobación de un permiso.",
    en="Only a permit's approval can be signed on another person's device.",
)
COSIGN_SAME_PERSON = define(
    "permit.cosign_same_person",
    es="Quien firma es quien tiene la sesión abierta: apruebe directamente.",
    en="The signer is the person signed in: approve directly.",
)
COSIGNER_UNKNOWN = define(
    "permit.cosigner_unknown",
    es="Quien firma no es una persona activa de esta empresa.",
    en="The signer is not an active person of this company.",
)
COSIGNER_NOT_AT_SITE = define(
    "permit.cosigner_not_at_site",
    es="{name} no está asignado(a) a la instalación del permiso.",
    en="{name} is not assigned to the permit's site.",
)


@dataclass(frozen=True)
class PermitFacts:
    status: PermitStatus
    risk_level: RiskLevel
    requested_by: uuid.UUID
    approved_by: uuid.UUID | None
    valid_from: datetime
    valid_to: datetime


def needs_independent_approval(level: RiskLevel) -> bool:
    return level in (RiskLevel.HIGH, RiskLevel.EXTREME)


def check_window(permit: PermitFacts, now: datetime) -> Decision:
    if permit.valid_to <= permit.valid_from:
        return check(False, WINDOW_INVALID)
    if now >= permit.valid_to:
        return check(False, EXPIRED, valid_to=f"{permit.valid_to:%Y-%m-%d %H:%M} UTC")
    return Decision()


def check_transition(
    permit: PermitFacts, target: PermitStatus, actor: Actor, now: datetime
) -> Decision:
    """May ``actor`` move ``permit`` to ``target`` at ``now``?"""
    if target not in TRANSITIONS[permit.status]:
        return check(False, ILLEGAL_TRANSITION, current=permit.status, target=target)
    role = check(actor.is_supervisor, ROLE_FORBIDDEN, role=actor.role)
    if target is S.REQUESTED:
        return check(actor.user_id == permit.requested_by, NOT_REQUESTER) & check_window(
            permit, now
        )
    if target is S.APPROVED:
        independent = check(
            not needs_independent_approval(permit.risk_level)
            or actor.user_id != permit.requested_by,
            SELF_APPROVAL,
            level=permit.risk_level,
        )
        return role & independent & check_window(permit, now)
    if target is S.REJECTED:
        return role
    if target is S.ACTIVE:
        not_early = check(
            now >= permit.valid_from,
            NOT_YET_VALID,
            valid_from=f"{permit.valid_from:%Y-%m-%d %H:%M} UTC",
        )
        approved = check(permit.approved_by is not None, NOT_APPROVED)
        # The requester starts the work on an approved permit; resuming a suspended one, or
        # starting someone else's, is a supervisor's call.
        own_start = permit.status is S.APPROVED and actor.user_id == permit.requested_by
        resumer = Decision() if own_start else role
        return approved & not_early & check_window(permit, now) & resumer
    if target is S.SUSPENDED:
        return Decision() if actor.user_id == permit.requested_by else role
    # CLOSED: the requester or a supervisor.
    return Decision() if actor.user_id == permit.requested_by else role


def check_close(permit: PermitFacts, handback: EquipmentHandback | None) -> Decision:
    """Closing a permit whose work started records the equipment's hand-back state."""
    started = permit.status in (S.ACTIVE, S.SUSPENDED)
    return check(not started or handback is not None, HANDBACK_REQUIRED)


@dataclass(frozen=True)
class CosignerFacts:
    """The person who signs an approval on another person's device, as this database knows
    them (the device's copy offline, the server's own records on push)."""

    actor: Actor
    name: str
    active: bool  # an active account of the permit's tenant
    assigned_to_site: bool  # assigned to the permit's site (an admin is, to every site)


def check_cosign(
    target: PermitStatus, session_actor: Actor, cosigner: CosignerFacts | None
) -> Decision:
    """May ``cosigner`` sign ``target`` on ``session_actor``'s device? The transition's own
    rule (a supervisor, not the requester of a HIGH or EXTREME permit) is checked next with
    the cosigner as the actor."""
    if target is not S.APPROVED:
        return check(False, COSIGN_ONLY_APPROVAL)
    if cosigner is None or not cosigner.active:
        return check(False, COSIGNER_UNKNOWN)
    if cosigner.actor.user_id == session_actor.user_id:
        return check(False, COSIGN_SAME_PERSON)
    return check(cosigner.assigned_to_site, COSIGNER_NOT_AT_SITE, name=cosigner.name)


def check_permit_allows_work(permit: PermitFacts, now: datetime) -> Decision:
    """An approved permit that is ACTIVE and inside its validity window."""
    if permit.status is not S.ACTIVE:
        return check(False, NOT_ACTIVE, status=permit.status)
    return (
        check(permit.approved_by is not None, NOT_APPROVED)
        & check_window(permit, now)
        & check(
            now >= permit.valid_from,
            NOT_YET_VALID,
            valid_from=f"{permit.valid_from:%Y-%m-%d %H:%M} UTC",
        )
    )


def check_work_start(
    ticket_risk: RiskLevel | None,
    required_from: RiskLevel,
    permit: PermitFacts | None,
    now: datetime,
) -> Decision:
    """Work on a ticket whose risk needs a permit cannot start without an active approved one."""
    if not permit_required(ticket_risk, required_from):
        return Decision()
    assert ticket_risk is not None
    if permit is None:
        return Decision.refuse(reason(REQUIRED, level=ticket_risk))
    return check_permit_allows_work(permit, now)
