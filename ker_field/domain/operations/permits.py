"""Work permit operations: request on the tenant's risk matrix, validated transitions."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from ker_field.domain.enums import PermitStatus
from ker_field.domain.models import RiskMatrix, ServiceTicket, WorkPermit
from ker_field.domain.operations import NotFound, OpContext, get_or_raise, require
from ker_field.domain.operations.loto import permit_facts
from ker_field.domain.rules import permits as rules
from ker_field.domain.rules.common import check_role
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


def transition(
    oc: OpContext, *, id: uuid.UUID, target: PermitStatus, reason: str | None = None
) -> WorkPermit:
    require(check_role(oc.actor, "permit.transition"))
    permit = get_or_raise(oc.session, WorkPermit, id)
    require(rules.check_transition(permit_facts(permit), target, oc.actor, oc.now))
    permit.status = target
    if target is S.APPROVED:
        permit.approved_by_id, permit.approved_at = oc.actor.user_id, oc.now
    elif target is S.REJECTED:
        permit.rejection_reason = reason.strip() if reason else None
    elif target is S.ACTIVE and permit.activated_at is None:
        permit.activated_at = oc.now
    elif target is S.CLOSED:
        permit.closed_at = oc.now
    oc.session.flush()
    return permit
