"""Work permit use cases: request on the risk matrix, approve, reject, activate, suspend, close."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ker_field.domain.decision import Decision
from ker_field.domain.enums import PermitStatus, RiskLevel
from ker_field.domain.models import RiskMatrix, ServiceTicket, WorkPermit
from ker_field.domain.rules import permits as rules
from ker_field.domain.rules.risk import risk_level
from ker_field.domain.scopes import site_scope
from ker_field.services.context import NotFound, ServiceContext, get_or_raise, require, wire
from sync.protocol import MutationName

S = PermitStatus


@dataclass(frozen=True)
class PermitView:
    id: uuid.UUID
    ticket_id: uuid.UUID
    status: PermitStatus
    risk_level: RiskLevel
    likelihood: int
    severity: int
    requested_by: uuid.UUID
    approved_by: uuid.UUID | None
    valid_from: datetime
    valid_to: datetime
    rejection_reason: str | None
    allows_work: Decision


def facts(permit: WorkPermit) -> rules.PermitFacts:
    return rules.PermitFacts(
        status=permit.status,
        risk_level=permit.calculated_risk_level,
        requested_by=permit.requested_by_id,
        approved_by=permit.approved_by_id,
        valid_from=permit.valid_from,
        valid_to=permit.valid_to,
    )


def _view(permit: WorkPermit, now: datetime) -> PermitView:
    return PermitView(
        id=permit.id,
        ticket_id=permit.ticket_id,
        status=permit.status,
        risk_level=permit.calculated_risk_level,
        likelihood=permit.likelihood,
        severity=permit.severity,
        requested_by=permit.requested_by_id,
        approved_by=permit.approved_by_id,
        valid_from=permit.valid_from,
        valid_to=permit.valid_to,
        rejection_reason=permit.rejection_reason,
        allows_work=rules.check_permit_allows_work(facts(permit), now),
    )


def request_permit(
    ctx: ServiceContext,
    ticket_id: uuid.UUID,
    risk_assessment: str,
    likelihood: int,
    severity: int,
    valid_from: datetime,
    valid_to: datetime,
) -> PermitView:
    """Draft and request a permit for a ticket; the level comes from the tenant's matrix."""
    now = ctx.now()
    with ctx.store.transaction() as session:
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
            id=uuid.uuid4(),
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
            requested_by_id=ctx.actor.user_id,
            valid_from=valid_from,
            valid_to=valid_to,
        )
        require(rules.check_transition(facts(permit), S.REQUESTED, ctx.actor, now))
        permit.status = S.REQUESTED
        permit.requested_at = now
        session.add(permit)
        # The ticket carries the assessed risk: it decides whether work needs this permit.
        ticket.likelihood, ticket.severity, ticket.risk_level = likelihood, severity, level
        ctx.enqueue(
            session,
            MutationName.PERMIT_REQUEST,
            {
                "id": wire(permit.id),
                "ticket_id": wire(ticket.id),
                "risk_matrix_id": wire(matrix.id),
                "risk_assessment": risk_assessment,
                "likelihood": likelihood,
                "severity": severity,
                "valid_from": wire(valid_from),
                "valid_to": wire(valid_to),
            },
        )
        session.flush()
        return _view(permit, now)


def _transition(
    ctx: ServiceContext,
    permit_id: uuid.UUID,
    target: PermitStatus,
    rejection_reason: str | None = None,
) -> PermitView:
    now = ctx.now()
    with ctx.store.transaction() as session:
        permit = get_or_raise(session, WorkPermit, permit_id)
        require(rules.check_transition(facts(permit), target, ctx.actor, now))
        base_version = permit.version
        permit.status = target
        if target is S.APPROVED:
            permit.approved_by_id, permit.approved_at = ctx.actor.user_id, now
        elif target is S.REJECTED:
            permit.rejection_reason = rejection_reason
        elif target is S.ACTIVE and permit.activated_at is None:
            permit.activated_at = now
        elif target is S.CLOSED:
            permit.closed_at = now
        ctx.enqueue(
            session,
            MutationName.PERMIT_TRANSITION,
            {"id": wire(permit.id), "target": target.value, "reason": rejection_reason},
            base_version=base_version,
        )
        session.flush()
        return _view(permit, now)


def approve_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.APPROVED)


def reject_permit(ctx: ServiceContext, permit_id: uuid.UUID, reason: str) -> PermitView:
    return _transition(ctx, permit_id, S.REJECTED, rejection_reason=reason.strip())


def activate_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.ACTIVE)


def suspend_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.SUSPENDED)


def close_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.CLOSED)


def permit_view(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    with ctx.store.sessions() as session:
        return _view(get_or_raise(session, WorkPermit, permit_id), ctx.now())
