"""Work permit operations: request on the tenant's risk matrix, validated transitions."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.enums import (
    ApprovalMethod,
    EquipmentHandback,
    PermitHazard,
    PermitStatus,
    UserRole,
)
from ker_field.domain.models import RiskMatrix, ServiceTicket, SiteAssignment, User, WorkPermit
from ker_field.domain.operations import NotFound, OpContext, get_or_raise, require
from ker_field.domain.operations.loto import permit_facts
from ker_field.domain.rules import permits as rules
from ker_field.domain.rules.common import Actor, check_role
from ker_field.domain.rules.risk import risk_level
from ker_field.domain.scopes import site_scope

S = PermitStatus


def request(
    oc: OpContext,
    *,
    id: uuid.UUID,
    ticket_id: uuid.UUID,
    risk_assessment: str,
    likelihood: int,
    severity: int,
    valid_from: datetime,
    valid_to: datetime,
    hazards: list[PermitHazard] | None = None,
    controls: str = "",
) -> WorkPermit:
    """Draft and request a permit for a ticket; the level comes from the tenant's matrix.
    The ticket takes the assessed risk: it decides whether work needs this permit."""
    require(check_role(oc.actor, "permit.request"))
    session = oc.session
    ticket = get_or_raise(session, ServiceTicket, ticket_id)
    matrix = session.scalar(
        select(RiskMatrix)
        .where(RiskMatrix.tenant_id == ticket.tenant_id, RiskMatrix.deleted.is_(False))
        .order_by(RiskMatrix.is_default.desc())
    )
    if matrix is None:
        raise NotFound("RiskMatrix", ticket.tenant_id)
    level = risk_level(matrix.cells, likelihood, severity)
    permit = WorkPermit(
        id=id,
        tenant_id=ticket.tenant_id,
        scope=site_scope(ticket.site_id),
        ticket_id=ticket.id,
        site_id=ticket.site_id,
        risk_matrix_id=matrix.id,
        risk_assessment=risk_assessment,
        hazards=[PermitHazard(h).value for h in hazards or []],
        controls=controls.strip(),
        likelihood=likelihood,
        severity=severity,
        calculated_risk_level=level,
        status=S.DRAFT,
        requested_by_id=oc.actor.user_id,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    require(rules.check_transition(permit_facts(permit), S.REQUESTED, oc.actor, oc.now))
    permit.status = S.REQUESTED
    permit.requested_at = oc.now
    session.add(permit)
    ticket.likelihood, ticket.severity, ticket.risk_level = likelihood, severity, level
    session.flush()
    return permit


def cosigner_facts(
    session: Session, permit: WorkPermit, user_id: uuid.UUID
) -> rules.CosignerFacts | None:
    """The co-signer as this database knows them (None when unknown here)."""
    user = session.get(User, user_id)
    if user is None or user.deleted:
        return None
    assigned = user.role is UserRole.ADMIN or (
        session.scalar(
            select(SiteAssignment.id).where(
                SiteAssignment.user_id == user.id,
                SiteAssignment.site_id == permit.site_id,
                SiteAssignment.deleted.is_(False),
            )
        )
        is not None
    )
    return rules.CosignerFacts(
        actor=Actor(user.id, user.role),
        name=user.full_name,
        active=user.active and user.tenant_id == permit.tenant_id,
        assigned_to_site=assigned,
    )


def transition(
    oc: OpContext,
    *,
    id: uuid.UUID,
    target: PermitStatus,
    reason: str | None = None,
    handback_state: EquipmentHandback | None = None,
    handback_note: str | None = None,
    cosigned_by: uuid.UUID | None = None,
) -> WorkPermit:
    """Move a permit. ``cosigned_by``: the approval is signed by that supervisor with their
    password on this device, in another person's session (the session's person is
    ``oc.actor``); the approval rule then judges the co-signer."""
    require(check_role(oc.actor, "permit.transition"))
    permit = get_or_raise(oc.session, WorkPermit, id)
    actor = oc.actor
    if cosigned_by is not None:
        cosigner = cosigner_facts(oc.session, permit, cosigned_by)
        require(rules.check_cosign(target, oc.actor, cosigner))
        assert cosigner is not None
        actor = cosigner.actor
    facts = permit_facts(permit)
    decision = rules.check_transition(facts, target, actor, oc.now)
    if target is S.CLOSED:
        decision = decision & rules.check_close(facts, handback_state)
    require(decision)
    permit.status = target
    if target is S.APPROVED:
        permit.approved_by_id, permit.approved_at = actor.user_id, oc.now
        permit.approval_method = (
            ApprovalMethod.DEVICE_COSIGN if cosigned_by is not None else ApprovalMethod.OWN_SESSION
        )
        permit.approval_device_id = oc.device_id
        permit.approval_session_user_id = oc.actor.user_id
    elif target is S.REJECTED:
        permit.rejection_reason = reason.strip() if reason else None
    elif target is S.ACTIVE and permit.activated_at is None:
        permit.activated_at = oc.now
    elif target is S.CLOSED:
        permit.closed_at = oc.now
        if facts.status in (S.ACTIVE, S.SUSPENDED):
            permit.handback_state = handback_state
            permit.handback_note = handback_note.strip() if handback_note else None
    oc.session.flush()
    return permit
