"""Gate use cases: invites, NDA, no double entry, walk-ins with RUT, the roll call."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import AccessDirection, AccessType, VisitorStatus
from ker_field.domain.models import VisitorInvite
from ker_field.services import visitors
from ker_field.services.visitors import WalkIn

INVITE_JUAN = demo.demo_id("invite", "1")  # visitor at STGO, which requires an NDA


def sign(ctx, photo, invite_id=INVITE_JUAN, rut="16666666-K"):
    return visitors.sign_nda(
        ctx,
        signer_name="Juan Pérez",
        signer_rut=rut,
        document_version="NDA-2026-01",
        document_sha256="0" * 64,
        signature_sha256=photo(),
        invite_id=invite_id,
    )


def test_nda_is_required_before_entry_then_no_double_check_in(ctx_for, photo, demo_store):
    guard = ctx_for("guardia")
    with pytest.raises(RuleViolation) as no_nda:
        visitors.check_in_visitor(guard, "Portería 1", invite_id=INVITE_JUAN)
    assert no_nda.value.decision.code == "visitor.nda_required"

    sign(guard, photo)
    receipt = visitors.check_in_visitor(guard, "Portería 1", invite_id=INVITE_JUAN)
    assert receipt.direction is AccessDirection.IN
    with pytest.raises(RuleViolation) as twice:
        visitors.check_in_visitor(guard, "Portería 2", invite_id=INVITE_JUAN)
    assert twice.value.decision.code == "visitor.already_inside"
    assert "Juan Pérez" in twice.value.decision.messages("es")[0]

    on_site = visitors.people_on_site(guard)
    assert [(p.person_name, p.rut_masked) for p in on_site] == [("Juan Pérez", "•••••666-K")]

    visitors.check_out_visitor(guard, receipt.visit_id, "Portería 1")
    assert visitors.people_on_site(guard) == []
    with demo_store.sessions() as session:
        assert session.get(VisitorInvite, INVITE_JUAN).status is VisitorStatus.CHECKED_OUT
    with pytest.raises(RuleViolation) as out_again:
        visitors.check_out_visitor(guard, receipt.visit_id, "Portería 1")
    assert out_again.value.decision.code == "visitor.not_inside"
    # Re-entry inside the invite's window is allowed once checked out.
    visitors.check_in_visitor(guard, "Portería 1", invite_id=INVITE_JUAN)


def test_invite_outside_its_window_or_site_is_refused(ctx_for, photo, clock):
    guard = ctx_for("guardia")
    sign(guard, photo)
    clock.now = clock.now.replace(hour=6)
    with pytest.raises(RuleViolation) as early:
        visitors.check_in_visitor(guard, "Portería 1", invite_id=INVITE_JUAN)
    assert early.value.decision.code == "visitor.too_early"
    clock.now = clock.now.replace(hour=21)
    with pytest.raises(RuleViolation) as late:
        visitors.check_in_visitor(guard, "Portería 1", invite_id=INVITE_JUAN)
    assert late.value.decision.code == "visitor.expired"
    clock.now = clock.now.replace(hour=12)
    anto_guard = ctx_for("supervisor", site="ANTO")
    with pytest.raises(RuleViolation) as elsewhere:
        visitors.check_in_visitor(anto_guard, "Acceso Norte", invite_id=INVITE_JUAN)
    assert elsewhere.value.decision.code == "visitor.other_site"


def test_walk_in_needs_a_valid_rut_and_a_host(ctx_for):
    guard = ctx_for("guardia")
    with pytest.raises(RuleViolation) as bad:
        visitors.check_in_visitor(
            guard,
            "Portería 1",
            walk_in=WalkIn("Rosa Vega", "12.345.678-9", "Despachos SA", AccessType.DELIVERY),
        )
    assert bad.value.decision.code == "rut.invalid"
    with pytest.raises(RuleViolation) as hostless:
        visitors.check_in_visitor(
            guard,
            "Portería 1",
            walk_in=WalkIn("Rosa Vega", "12.345.678-5", None, AccessType.VISITOR),
        )
    assert hostless.value.decision.codes == ("visitor.host_required",)

    receipt = visitors.check_in_visitor(
        guard,
        "Portería 1",
        walk_in=WalkIn("Rosa Vega", "12.345.678-5", "Despachos SA", AccessType.DELIVERY),
    )
    assert receipt.access_type is AccessType.DELIVERY
    # The same person (same RUT, any spelling) cannot be let in twice.
    with pytest.raises(RuleViolation) as twice:
        visitors.check_in_visitor(
            guard,
            "Portería 2",
            walk_in=WalkIn("Rosa Vega", "123456785", "Despachos SA", AccessType.DELIVERY),
        )
    assert twice.value.decision.code == "visitor.already_inside"


def test_walk_in_contractor_at_an_nda_site_signs_first(ctx_for, photo, clock):
    guard = ctx_for("guardia")
    walk_in = WalkIn("Tomás Araya", "11.111.111-1", "Montajes SpA", AccessType.CONTRACTOR)
    with pytest.raises(RuleViolation) as refused:
        visitors.check_in_visitor(guard, "Portería 1", walk_in=walk_in)
    assert refused.value.decision.code == "visitor.nda_required"
    sign(guard, photo, invite_id=None, rut="11111111-1")
    visitors.check_in_visitor(guard, "Portería 1", walk_in=walk_in)
    # NDAs expire: a year later the same contractor signs again.
    visitors.check_out_visitor(guard, visitors.people_on_site(guard)[0].visit_id, "Portería 1")
    clock.advance(days=366)
    with pytest.raises(RuleViolation):
        visitors.check_in_visitor(guard, "Portería 1", walk_in=walk_in)


def test_nda_signer_rut_is_validated(ctx_for, photo):
    with pytest.raises(RuleViolation) as refused:
        sign(ctx_for("guardia"), photo, rut="16666666-1")
    assert refused.value.decision.code == "rut.invalid"


def test_roll_call_orders_people_by_arrival(ctx_for, photo, clock):
    guard = ctx_for("guardia")
    visitors.check_in_visitor(
        guard,
        "Portería 1",
        walk_in=WalkIn("Rosa Vega", "12.345.678-5", "Despachos SA", AccessType.DELIVERY),
    )
    clock.advance(minutes=5)
    visitors.check_in_visitor(guard, "Portería 1", invite_id=demo.demo_id("invite", "3"))
    names = [p.person_name for p in visitors.people_on_site(guard)]
    assert names == ["Rosa Vega", "Transportes Norte"]
    assert visitors.people_on_site(ctx_for("supervisor", site="ANTO")) == []
    _ = timedelta


def test_only_gate_roles_check_people_in(ctx_for):
    with pytest.raises(RuleViolation) as refused:
        visitors.check_in_visitor(
            ctx_for("tecnico"),
            "Portería 1",
            walk_in=WalkIn("Rosa Vega", "12.345.678-5", "Despachos SA", AccessType.DELIVERY),
        )
    assert refused.value.decision.code == "auth.role_forbidden"
    assert "técnico" in refused.value.decision.messages("es")[0]
