"""Permit use cases: request on the matrix, independent approval, activation, the LOTO gate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import EquipmentHandback, PermitStatus, RiskLevel
from ker_field.domain.models import ServiceTicket
from ker_field.services import loto, permits
from ker_field.store.tables import OutboxEntry
from sync.protocol import MutationName
from tests.conftest import asset_id

HIGH_TICKET = demo.demo_id("ticket", "STGO", "1")
LOW_TICKET = demo.demo_id("ticket", "STGO", "2")


def request(ctx, clock, ticket=HIGH_TICKET, likelihood=4, severity=4, hours=8):
    return permits.request_permit(
        ctx,
        ticket,
        "Cambio de interruptor con tablero energizado aguas arriba",
        likelihood,
        severity,
        clock.now,
        clock.now + timedelta(hours=hours),
    )


def test_risk_level_comes_from_the_tenant_matrix(ctx_for, clock, demo_store):
    permit = request(ctx_for("tecnico"), clock, likelihood=5, severity=5)
    assert permit.risk_level is RiskLevel.EXTREME
    assert permit.status is PermitStatus.REQUESTED
    with demo_store.sessions() as session:
        ticket = session.get(ServiceTicket, HIGH_TICKET)
        assert ticket.risk_level is RiskLevel.EXTREME


def test_rating_off_the_matrix_is_refused(ctx_for, clock):
    with pytest.raises(RuleViolation) as refused:
        request(ctx_for("tecnico"), clock, likelihood=6, severity=2)
    assert refused.value.decision.code == "risk.rating_out_of_range"


def test_high_risk_permit_needs_another_supervisor(ctx_for, clock):
    boss = ctx_for("supervisor")
    permit = request(boss, clock)
    with pytest.raises(RuleViolation) as self_approval:
        permits.approve_permit(boss, permit.id)
    assert self_approval.value.decision.code == "permit.self_approval"
    with pytest.raises(RuleViolation) as guard:
        permits.approve_permit(ctx_for("guardia"), permit.id)
    assert guard.value.decision.code == "auth.role_forbidden"
    approved = permits.approve_permit(ctx_for("supervisor2"), permit.id)
    assert approved.status is PermitStatus.APPROVED
    assert approved.approved_by == demo.USER_IDS["supervisor2"]


def test_low_risk_permit_may_be_approved_by_its_requesting_supervisor(ctx_for, clock):
    boss = ctx_for("supervisor")
    permit = request(boss, clock, ticket=LOW_TICKET, likelihood=1, severity=2)
    assert permits.approve_permit(boss, permit.id).status is PermitStatus.APPROVED


def test_active_permit_unlocks_lockout_on_a_high_risk_ticket(ctx_for, clock, demo_store):
    tech = ctx_for("tecnico")
    panel = asset_id("STGO", 1)
    assert loto.loto_prerequisites(tech, panel, HIGH_TICKET).codes == ("permit.required",)
    permit = request(tech, clock)
    assert loto.loto_prerequisites(tech, panel, HIGH_TICKET).codes == ("permit.not_active",)
    permits.approve_permit(ctx_for("supervisor"), permit.id)
    view = permits.activate_permit(tech, permit.id)
    assert view.allows_work.allowed
    assert loto.loto_prerequisites(tech, panel, HIGH_TICKET).allowed

    clock.advance(hours=9)  # past the permit's window
    assert loto.loto_prerequisites(tech, panel, HIGH_TICKET).codes == ("permit.expired",)

    with demo_store.sessions() as session:
        names = [e.name for e in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    assert names == [
        MutationName.PERMIT_REQUEST,
        MutationName.PERMIT_TRANSITION,
        MutationName.PERMIT_TRANSITION,
    ]


def test_rejected_permit_is_final(ctx_for, clock):
    permit = request(ctx_for("tecnico"), clock)
    rejected = permits.reject_permit(ctx_for("supervisor"), permit.id, "Falta análisis de arco")
    assert rejected.status is PermitStatus.REJECTED
    assert rejected.rejection_reason == "Falta análisis de arco"
    with pytest.raises(RuleViolation) as refused:
        permits.approve_permit(ctx_for("supervisor"), permit.id)
    assert refused.value.decision.code == "permit.illegal_transition"
    assert "rechazado" in refused.value.decision.messages("es")[0]


def test_suspend_resume_close(ctx_for, clock):
    tech, boss = ctx_for("tecnico"), ctx_for("supervisor")
    permit = request(tech, clock)
    permits.approve_permit(boss, permit.id)
    permits.activate_permit(tech, permit.id)
    suspended = permits.suspend_permit(tech, permit.id)
    assert not suspended.allows_work.allowed
    with pytest.raises(RuleViolation) as resume:
        permits.activate_permit(tech, permit.id)  # resuming is a supervisor's call
    assert resume.value.decision.code == "auth.role_forbidden"
    assert permits.activate_permit(boss, permit.id).allows_work.allowed
    with pytest.raises(RuleViolation) as bare_close:
        permits.close_permit(tech, permit.id)  # work started: say how the equipment is left
    assert bare_close.value.decision.code == "permit.handback_required"
    closed = permits.close_permit(
        tech, permit.id, EquipmentHandback.RETURNED_TO_SERVICE, "Probado en vacío"
    )
    assert closed.status is PermitStatus.CLOSED
    assert closed.handback_state is EquipmentHandback.RETURNED_TO_SERVICE
    assert closed.handback_note == "Probado en vacío"


def test_permit_status_for_ticket_follows_the_permit(ctx_for, clock):
    tech, boss = ctx_for("tecnico"), ctx_for("supervisor2")
    none = permits.permit_status_for_ticket(tech, HIGH_TICKET)
    assert none.required and none.ticket_risk is RiskLevel.HIGH and none.permit is None
    assert none.allows_work.codes == ("permit.required",)
    permit = request(tech, clock)
    requested = permits.permit_status_for_ticket(tech, HIGH_TICKET)
    assert requested.permit is not None and requested.permit.id == permit.id
    assert requested.allows_work.codes == ("permit.not_active",)
    permits.approve_permit(boss, permit.id)
    permits.activate_permit(tech, permit.id)
    active = permits.permit_status_for_ticket(tech, HIGH_TICKET)
    assert active.allows_work.allowed and active.permit is not None
    assert active.permit.approved_by_name == "Jorge Muñoz"
    clock.advance(hours=9)  # past the window
    expired = permits.permit_status_for_ticket(tech, HIGH_TICKET)
    assert expired.allows_work.codes == ("permit.expired",)
    assert expired.permit is not None and expired.permit.window is permits.WindowState.EXPIRED
    below = permits.permit_status_for_ticket(tech, LOW_TICKET)
    assert not below.required and below.allows_work.allowed


def test_a_permit_for_later_shows_not_yet_valid_and_cannot_start(ctx_for, clock):
    tech = ctx_for("tecnico")
    permit = permits.request_permit(
        tech,
        HIGH_TICKET,
        "Mañana",
        4,
        4,
        clock.now + timedelta(hours=2),
        clock.now + timedelta(hours=6),
    )
    assert permit.window is permits.WindowState.NOT_YET_VALID
    permits.approve_permit(ctx_for("supervisor"), permit.id)
    with pytest.raises(RuleViolation) as early:
        permits.activate_permit(tech, permit.id)
    assert early.value.decision.code == "permit.not_yet_valid"
    clock.advance(hours=2)
    assert permits.activate_permit(tech, permit.id).window is permits.WindowState.VALID


def test_site_lists_and_tickets_for_a_new_permit(ctx_for, clock):
    tech = ctx_for("tecnico")
    free = {t.id for t in permits.tickets_for_permit(tech)}
    assert HIGH_TICKET in free
    permit = request(tech, clock)
    assert HIGH_TICKET not in {t.id for t in permits.tickets_for_permit(tech)}
    assert [p.id for p in permits.site_permits(tech)] == [permit.id]
    matrix = permits.risk_matrix(tech)
    assert matrix.level(4, 4) is RiskLevel.HIGH and matrix.level(1, 1) is RiskLevel.LOW
