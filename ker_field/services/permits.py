"""Work permit use cases: request on the risk matrix, approve, reject, activate, suspend, close."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ker_field.domain.decision import Decision
from ker_field.domain.enums import PermitStatus, RiskLevel
from ker_field.domain.models import WorkPermit
from ker_field.domain.operations import get_or_raise
from ker_field.domain.operations import permits as ops
from ker_field.domain.operations.loto import permit_facts
from ker_field.domain.rules import permits as rules
from ker_field.services.context import ServiceContext
from sync.protocol import MutationName, PermitRequestArgs, PermitTransitionArgs

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
        allows_work=rules.check_permit_allows_work(permit_facts(permit), now),
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
    args = PermitRequestArgs(
        id=uuid.uuid4(),
        ticket_id=ticket_id,
        risk_assessment=risk_assessment,
        likelihood=likelihood,
        severity=severity,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        permit = ops.request(oc, **args.operation_kwargs())
        ctx.enqueue(session, MutationName.PERMIT_REQUEST, args)
        return _view(permit, oc.now)


def _transition(
    ctx: ServiceContext, permit_id: uuid.UUID, target: PermitStatus, reason: str | None = None
) -> PermitView:
    args = PermitTransitionArgs(id=permit_id, target=target, reason=reason)
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        base_version = get_or_raise(session, WorkPermit, permit_id).version
        permit = ops.transition(oc, **args.operation_kwargs())
        ctx.enqueue(session, MutationName.PERMIT_TRANSITION, args, base_version=base_version)
        return _view(permit, oc.now)


def approve_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.APPROVED)


def reject_permit(ctx: ServiceContext, permit_id: uuid.UUID, reason: str) -> PermitView:
    return _transition(ctx, permit_id, S.REJECTED, reason)


def activate_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.ACTIVE)


def suspend_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.SUSPENDED)


def close_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, permit_id, S.CLOSED)


def permit_view(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    with ctx.store.sessions() as session:
        return _view(get_or_raise(session, WorkPermit, permit_id), ctx.now())
