"""Work permit use cases: draft and request on the risk matrix, approve (in one's own session
or co-signed on another person's tablet), reject, activate, suspend, close with the
equipment's hand-back state; the site's permits, the tenant's matrix, and whether a ticket's
work may start under its permit (the LOTO prerequisites panel shows that)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision
from ker_field.domain.enums import (
    ApprovalMethod,
    EquipmentHandback,
    PermitHazard,
    PermitStatus,
    RiskLevel,
    TicketStatus,
)
from ker_field.domain.models import Asset, RiskMatrix, ServiceTicket, Tenant, User, WorkPermit
from ker_field.domain.operations import NotFound, get_or_raise
from ker_field.domain.operations import permits as ops
from ker_field.domain.operations.loto import permit_facts
from ker_field.domain.rules import permits as rules
from ker_field.domain.rules.risk import permit_required
from ker_field.services.context import ServiceContext
from sync.protocol import MutationName, PermitRequestArgs, PermitTransitionArgs

S = PermitStatus
_HAZARDS = frozenset(h.value for h in PermitHazard)


class WindowState(StrEnum):
    """Where now falls in a permit's validity window."""

    NOT_YET_VALID = "not_yet_valid"
    VALID = "valid"
    EXPIRED = "expired"


@dataclass(frozen=True)
class PermitView:
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_number: str
    ticket_title: str
    asset_name: str | None
    status: PermitStatus
    risk_level: RiskLevel
    likelihood: int
    severity: int
    risk_assessment: str
    hazards: tuple[PermitHazard, ...]
    controls: str
    requested_by: uuid.UUID
    requested_by_name: str
    approved_by: uuid.UUID | None
    approved_by_name: str | None
    approved_at: datetime | None
    approval_method: ApprovalMethod | None
    approval_device_id: str | None
    approval_session_user_name: str | None
    valid_from: datetime
    valid_to: datetime
    window: WindowState
    rejection_reason: str | None
    handback_state: EquipmentHandback | None
    handback_note: str | None
    allows_work: Decision

    @property
    def needs_independent_approval(self) -> bool:
        return rules.needs_independent_approval(self.risk_level)


@dataclass(frozen=True)
class MatrixView:
    """The tenant's risk matrix: ``cells[likelihood-1][severity-1]`` is a RiskLevel."""

    id: uuid.UUID
    name: str
    cells: tuple[tuple[RiskLevel, ...], ...]

    def level(self, likelihood: int, severity: int) -> RiskLevel:
        return self.cells[likelihood - 1][severity - 1]


@dataclass(frozen=True)
class TicketOption:
    """A ticket a permit can be drafted for."""

    id: uuid.UUID
    number: str
    title: str
    asset_name: str | None
    likelihood: int | None
    severity: int | None
    assigned_to_me: bool


@dataclass(frozen=True)
class TicketPermitStatus:
    """Whether work on a ticket needs a permit, and whether its permit lets work start: the
    permit line of the LOTO prerequisites panel."""

    ticket_id: uuid.UUID
    ticket_risk: RiskLevel | None
    required_from: RiskLevel
    required: bool
    permit: PermitView | None
    allows_work: Decision  # the domain's check_work_start, with its reasons


def _window(permit: WorkPermit, now: datetime) -> WindowState:
    if now < permit.valid_from:
        return WindowState.NOT_YET_VALID
    if now >= permit.valid_to:
        return WindowState.EXPIRED
    return WindowState.VALID


def _name(session: Session, user_id: uuid.UUID | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return user.full_name if user is not None else str(user_id)[:8]


def _view(session: Session, permit: WorkPermit, now: datetime) -> PermitView:
    ticket = session.get(ServiceTicket, permit.ticket_id)
    asset = session.get(Asset, ticket.asset_id) if ticket and ticket.asset_id else None
    return PermitView(
        id=permit.id,
        ticket_id=permit.ticket_id,
        ticket_number=ticket.number if ticket else "",
        ticket_title=ticket.title if ticket else "",
        asset_name=asset.name if asset else None,
        status=permit.status,
        risk_level=permit.calculated_risk_level,
        likelihood=permit.likelihood,
        severity=permit.severity,
        risk_assessment=permit.risk_assessment,
        hazards=tuple(PermitHazard(h) for h in permit.hazards or () if h in _HAZARDS),
        controls=permit.controls or "",
        requested_by=permit.requested_by_id,
        requested_by_name=_name(session, permit.requested_by_id) or "",
        approved_by=permit.approved_by_id,
        approved_by_name=_name(session, permit.approved_by_id),
        approved_at=permit.approved_at,
        approval_method=permit.approval_method,
        approval_device_id=permit.approval_device_id,
        approval_session_user_name=_name(session, permit.approval_session_user_id),
        valid_from=permit.valid_from,
        valid_to=permit.valid_to,
        window=_window(permit, now),
        rejection_reason=permit.rejection_reason,
        handback_state=permit.handback_state,
        handback_note=permit.handback_note,
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
    hazards: Sequence[PermitHazard] = (),
    controls: str = "",
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
        hazards=list(hazards),
        controls=controls,
    )
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        permit = ops.request(oc, **args.operation_kwargs())
        ctx.enqueue(session, MutationName.PERMIT_REQUEST, args)
        return _view(session, permit, oc.now)


def _transition(ctx: ServiceContext, args: PermitTransitionArgs) -> PermitView:
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        base_version = get_or_raise(session, WorkPermit, args.id).version
        permit = ops.transition(oc, **args.operation_kwargs())
        ctx.enqueue(session, MutationName.PERMIT_TRANSITION, args, base_version=base_version)
        return _view(session, permit, oc.now)


def approve_permit(
    ctx: ServiceContext, permit_id: uuid.UUID, cosigned_by: uuid.UUID | None = None
) -> PermitView:
    """Approve in the actor's own session, or, with ``cosigned_by``, as that supervisor who
    signed with their password on this device (the caller has checked the password against
    the device's verifier: see ker_field.ui.permits.cosign)."""
    return _transition(
        ctx, PermitTransitionArgs(id=permit_id, target=S.APPROVED, cosigned_by=cosigned_by)
    )


def reject_permit(ctx: ServiceContext, permit_id: uuid.UUID, reason: str) -> PermitView:
    return _transition(ctx, PermitTransitionArgs(id=permit_id, target=S.REJECTED, reason=reason))


def activate_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, PermitTransitionArgs(id=permit_id, target=S.ACTIVE))


def suspend_permit(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    return _transition(ctx, PermitTransitionArgs(id=permit_id, target=S.SUSPENDED))


def close_permit(
    ctx: ServiceContext,
    permit_id: uuid.UUID,
    handback_state: EquipmentHandback | None = None,
    handback_note: str | None = None,
) -> PermitView:
    """Close; once work started, with the equipment's hand-back state."""
    return _transition(
        ctx,
        PermitTransitionArgs(
            id=permit_id,
            target=S.CLOSED,
            handback_state=handback_state,
            handback_note=handback_note or None,
        ),
    )


def permit_view(ctx: ServiceContext, permit_id: uuid.UUID) -> PermitView:
    with ctx.store.sessions() as session:
        return _view(session, get_or_raise(session, WorkPermit, permit_id), ctx.now())


def site_permits(ctx: ServiceContext, include_closed: bool = True) -> list[PermitView]:
    """The permits of the context's site: open ones first (by start), then closed and
    rejected ones."""
    query = select(WorkPermit).where(
        WorkPermit.site_id == ctx.site_id, WorkPermit.deleted.is_(False)
    )
    if not include_closed:
        query = query.where(WorkPermit.status.not_in([S.CLOSED, S.REJECTED]))
    now = ctx.now()
    with ctx.store.sessions() as session:
        views = [_view(session, p, now) for p in session.scalars(query)]
    done = (S.CLOSED, S.REJECTED)
    return sorted(views, key=lambda v: (v.status in done, v.valid_from, v.ticket_number))


def tickets_for_permit(ctx: ServiceContext) -> list[TicketOption]:
    """Open tickets of the site without a permit yet: the actor's own first."""
    taken = select(WorkPermit.ticket_id).where(WorkPermit.deleted.is_(False))
    query = (
        select(ServiceTicket, Asset.name)
        .outerjoin(Asset, Asset.id == ServiceTicket.asset_id)
        .where(
            ServiceTicket.site_id == ctx.site_id,
            ServiceTicket.deleted.is_(False),
            ServiceTicket.status.in_([TicketStatus.OPEN, TicketStatus.IN_PROGRESS]),
            ServiceTicket.id.not_in(taken),
        )
    )
    me = ctx.actor.user_id
    with ctx.store.sessions() as session:
        options = [
            TicketOption(
                t.id, t.number, t.title, asset, t.likelihood, t.severity, t.assigned_to_id == me
            )
            for t, asset in session.execute(query)
        ]
    return sorted(options, key=lambda o: (not o.assigned_to_me, o.number))


def risk_matrix(ctx: ServiceContext) -> MatrixView:
    """The tenant's default risk matrix (the one a new permit is rated on)."""
    with ctx.store.sessions() as session:
        matrix = session.scalar(
            select(RiskMatrix)
            .where(RiskMatrix.tenant_id == ctx.tenant_id, RiskMatrix.deleted.is_(False))
            .order_by(RiskMatrix.is_default.desc())
        )
        if matrix is None:
            raise NotFound("RiskMatrix", ctx.tenant_id)
        cells = tuple(tuple(RiskLevel(c) for c in row) for row in matrix.cells)
        return MatrixView(matrix.id, matrix.name, cells)


def permit_status_for_ticket(ctx: ServiceContext, ticket_id: uuid.UUID) -> TicketPermitStatus:
    """Does work on this ticket need a permit, and does its permit let work start now?
    The same rule (check_work_start) gates every LOTO step on the ticket."""
    now = ctx.now()
    with ctx.store.sessions() as session:
        ticket = get_or_raise(session, ServiceTicket, ticket_id)
        tenant = get_or_raise(session, Tenant, ticket.tenant_id)
        permit = session.scalar(
            select(WorkPermit).where(
                WorkPermit.ticket_id == ticket_id, WorkPermit.deleted.is_(False)
            )
        )
        view = _view(session, permit, now) if permit is not None else None
        decision = rules.check_work_start(
            ticket.risk_level,
            tenant.permit_required_from,
            permit_facts(permit) if permit is not None else None,
            now,
        )
        return TicketPermitStatus(
            ticket_id=ticket.id,
            ticket_risk=ticket.risk_level,
            required_from=tenant.permit_required_from,
            required=permit_required(ticket.risk_level, tenant.permit_required_from),
            permit=view,
            allows_work=decision,
        )
