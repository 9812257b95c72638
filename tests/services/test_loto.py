"""LOTO use cases against a real SQLite store with demo data and real JPEG photos."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import LotoEvent, LotoStatus
from ker_field.domain.models import LotoLog
from ker_field.services import loto
from ker_field.store.blobs import BlobMissing
from ker_field.store.tables import BlobQueueEntry, OutboxEntry
from sync.protocol import MutationName
from tests.conftest import asset_id, energy_ids

CONVEYOR = asset_id("STGO", 2)  # mechanical: motor isolator + belt tensioner
PANEL = asset_id("STGO", 1)  # electrical: one breaker
PRESS = asset_id("STGO", 3)  # hydraulic: the technician's certificate has expired


def lock_out(ctx, asset, points, photo):
    view = loto.notify_affected(ctx, asset)
    loto.shut_down(ctx, view.lockout_id)
    for i, point in enumerate(points):
        view = loto.apply_lock(ctx, view.lockout_id, point, f"L-{i:03d}", photo())
    loto.release_stored_energy(ctx, view.lockout_id)
    return loto.verify_isolation(ctx, view.lockout_id)


def outbox(store):
    with store.sessions() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_full_lockout_lets_work_start_and_queues_every_step(ctx_for, photo, demo_store):
    tech = ctx_for("tecnico")
    points = energy_ids("STGO", 2, 2)
    view = lock_out(tech, CONVEYOR, points, photo)

    assert view.work_may_start.allowed
    assert view.verified and view.energy_released and view.holder == tech.actor.user_id
    assert [p.lock.serial for p in view.points if p.lock] == ["L-000", "L-001"]
    entries = outbox(demo_store)
    assert [e.name for e in entries] == [MutationName.LOTO_RECORD_STEP] * 6
    assert [e.args["event"] for e in entries] == [
        "notified",
        "shut_down",
        "lock_applied",
        "lock_applied",
        "energy_released",
        "isolation_verified",
    ]
    assert all(e.user_id == tech.actor.user_id for e in entries)
    with demo_store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(BlobQueueEntry)) == 2


def test_work_cannot_start_until_every_point_is_locked_and_verified(ctx_for, photo):
    tech = ctx_for("tecnico")
    view = loto.notify_affected(tech, CONVEYOR)
    loto.shut_down(tech, view.lockout_id)
    view = loto.apply_lock(tech, view.lockout_id, energy_ids("STGO", 2, 1)[0], "L-1", photo())
    assert not view.work_may_start.allowed
    assert view.work_may_start.code == "loto.points_unlocked"
    with pytest.raises(RuleViolation) as refused:
        loto.verify_isolation(tech, view.lockout_id)
    assert refused.value.decision.code == "loto.points_unlocked"
    assert "1 de 2" in refused.value.decision.messages("es")[0]


def test_lock_without_photo_or_before_shutdown_is_refused_and_writes_nothing(
    ctx_for, photo, demo_store
):
    tech = ctx_for("tecnico")
    view = loto.notify_affected(tech, PANEL)
    point = energy_ids("STGO", 1, 1)[0]
    with pytest.raises(RuleViolation) as early:
        loto.apply_lock(tech, view.lockout_id, point, "L-1", photo())
    assert early.value.decision.code == "loto.not_shut_down"
    loto.shut_down(tech, view.lockout_id)
    with pytest.raises(RuleViolation) as no_photo:
        loto.apply_lock(tech, view.lockout_id, point, "L-1", None)
    assert no_photo.value.decision.codes == ("loto.photo_required",)
    assert len(outbox(demo_store)) == 2  # notify + shut down only


def test_photo_must_be_on_the_device(ctx_for):
    tech = ctx_for("tecnico")
    view = loto.notify_affected(tech, PANEL)
    loto.shut_down(tech, view.lockout_id)
    with pytest.raises(BlobMissing):
        loto.apply_lock(tech, view.lockout_id, energy_ids("STGO", 1, 1)[0], "L-1", "ab" * 32)


def test_expired_certificate_blocks_the_lock_offline(ctx_for, photo, demo_store):
    tech = ctx_for("tecnico")
    decision = loto.loto_prerequisites(tech, PRESS)
    assert decision.codes == ("training.certificate_expired",)
    view = loto.notify_affected(tech, PRESS)
    loto.shut_down(tech, view.lockout_id)
    with pytest.raises(RuleViolation) as refused:
        loto.apply_lock(tech, view.lockout_id, energy_ids("STGO", 3, 1)[0], "L-1", photo())
    assert refused.value.decision.code == "training.certificate_expired"
    with demo_store.sessions() as session:
        applied = session.scalar(
            select(func.count()).select_from(LotoLog).where(LotoLog.event == LotoEvent.LOCK_APPLIED)
        )
    assert applied == 0


def test_high_risk_ticket_needs_an_active_permit_before_locking(ctx_for):
    tech = ctx_for("tecnico")
    ticket = demo.demo_id("ticket", "STGO", "1")  # rated 4x4: high
    decision = loto.loto_prerequisites(tech, PANEL, ticket)
    assert decision.codes == ("permit.required",)
    assert "alto" in decision.messages("es")[0]


def test_overdue_procedure_warns_by_default(ctx_for):
    tech = ctx_for("tecnico")
    overdue = asset_id("STGO", 6)  # procedure 6 (mechanical) is overdue in the demo
    decision = loto.loto_prerequisites(tech, overdue)
    assert decision.allowed
    assert [w.code for w in decision.warnings] == ["loto.procedure_inspection_overdue"]


def test_only_the_applier_removes_and_supervisor_exception_needs_its_facts(ctx_for, photo):
    tech, other, boss = ctx_for("tecnico"), ctx_for("tecnico2"), ctx_for("supervisor")
    view = lock_out(tech, PANEL, energy_ids("STGO", 1, 1), photo)
    lock_id = view.points[0].lock.id

    with pytest.raises(RuleViolation) as not_mine:
        loto.remove_lock(other, view.lockout_id, lock_id, photo(), True, True)
    assert not_mine.value.decision.code == "loto.only_applier_removes"

    with pytest.raises(RuleViolation) as missing:
        loto.remove_lock_by_exception(
            boss,
            view.lockout_id,
            lock_id,
            photo(),
            True,
            True,
            applier_absent_verified=True,
            contact_attempt="  ",
            applier_informed=False,
        )
    assert missing.value.decision.codes == (
        "loto.exception_contact_missing",
        "loto.exception_not_informed",
    )

    view = loto.remove_lock_by_exception(
        boss,
        view.lockout_id,
        lock_id,
        photo(),
        True,
        True,
        applier_absent_verified=True,
        contact_attempt="Llamado al +56 9 5555 5555 sin respuesta",
        applier_informed=True,
    )
    assert view.ended and not view.work_may_start.allowed
    assert loto.active_locks(tech) == []


def test_group_lockout_keeps_the_lock_on_while_a_member_is_inside(
    ctx_for, photo, grant_certificate
):
    primary, member = ctx_for("tecnico"), ctx_for("tecnico2")
    grant_certificate("tecnico2", "mechanical")
    points = energy_ids("STGO", 2, 2)
    view = lock_out(primary, CONVEYOR, points, photo)
    loto.open_group_lockbox(primary, view.lockout_id, "CAJA-7")
    view = loto.join_group(member, view.lockout_id, "P-MEMBER")
    member_lock = view.member_locks[0]

    with pytest.raises(RuleViolation) as refused:
        loto.remove_lock(primary, view.lockout_id, view.points[0].lock.id, photo(), True, True)
    assert refused.value.decision.code == "loto.members_still_locked"

    with pytest.raises(RuleViolation) as not_his:
        loto.leave_group(primary, view.lockout_id, member_lock.id)
    assert not_his.value.decision.code == "loto.only_applier_removes"

    loto.leave_group(member, view.lockout_id, member_lock.id)
    for point in view.points:
        view = loto.remove_lock(primary, view.lockout_id, point.lock.id, photo(), True, True)
    assert view.ended


def test_shift_transfer_hands_the_locks_over_and_requires_reverification(ctx_for, photo):
    outgoing, incoming = ctx_for("tecnico"), ctx_for("tecnico2")
    view = lock_out(outgoing, PANEL, energy_ids("STGO", 1, 1), photo)
    # tecnico2 has no electrical certificate in the demo: the transfer is refused.
    with pytest.raises(RuleViolation) as untrained:
        loto.accept_transfer(incoming, view.lockout_id)
    assert untrained.value.decision.code == "training.certificate_missing"

    boss = ctx_for("supervisor2")  # supervisor2 inspected the demo procedures
    decision = loto.loto_prerequisites(boss, PANEL)
    assert "loto.inspector_not_independent" in [w.code for w in decision.warnings]
    with pytest.raises(RuleViolation):
        loto.accept_transfer(boss, view.lockout_id)  # no electrical certificate either


def test_transfer_to_a_trained_technician(ctx_for, photo, grant_certificate):
    outgoing, incoming = ctx_for("tecnico"), ctx_for("tecnico2")
    grant_certificate("tecnico2", "electrical")
    view = lock_out(outgoing, PANEL, energy_ids("STGO", 1, 1), photo)
    view = loto.accept_transfer(incoming, view.lockout_id)
    assert view.holder == incoming.actor.user_id
    assert (
        not view.work_may_start.allowed
        and view.work_may_start.code == "loto.isolation_not_verified"
    )
    lock_id = view.points[0].lock.id
    with pytest.raises(RuleViolation):
        loto.remove_lock(outgoing, view.lockout_id, lock_id, photo(), True, True)
    view = loto.verify_isolation(incoming, view.lockout_id)
    assert view.work_may_start.allowed
    assert [lk.held_by for lk in loto.active_locks(incoming)] == [incoming.actor.user_id]


def test_site_and_personal_active_lock_lists(ctx_for, photo):
    tech = ctx_for("tecnico")
    lock_out(tech, PANEL, energy_ids("STGO", 1, 1), photo)
    lock_out(tech, CONVEYOR, energy_ids("STGO", 2, 2), photo)
    mine = loto.active_locks(tech, held_by=tech.actor.user_id)
    assert [lk.asset_name for lk in mine] == [
        "Tablero eléctrico 01",
        "Correa transportadora 02",
        "Correa transportadora 02",
    ]
    assert all(lk.isolation_point for lk in mine)
    assert loto.active_locks(ctx_for("tecnico2"), held_by=demo.USER_IDS["tecnico2"]) == []
    assert len(loto.active_locks(ctx_for("supervisor"))) == 3
    assert loto.active_locks(ctx_for("supervisor", site="ANTO")) == []


def test_a_failure_writing_the_outbox_leaves_neither_row(ctx_for, photo, demo_store):
    """The LotoLog row and its outbox mutation commit together or not at all."""
    tech = ctx_for("tecnico")
    view = loto.notify_affected(tech, PANEL)
    loto.shut_down(tech, view.lockout_id)
    before = len(outbox(demo_store))
    with demo_store.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        )
    with pytest.raises(Exception, match="disk full"):
        loto.apply_lock(tech, view.lockout_id, energy_ids("STGO", 1, 1)[0], "L-1", photo())
    with demo_store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER fail_outbox"))
    state = loto.lockout_view(tech, view.lockout_id)
    assert state.points[0].lock is None
    assert len(outbox(demo_store)) == before
    with demo_store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(BlobQueueEntry)) == 0
    # And the same step succeeds once the fault is gone.
    state = loto.apply_lock(tech, view.lockout_id, energy_ids("STGO", 1, 1)[0], "L-1", photo())
    assert state.points[0].lock.status is LotoStatus.ACTIVE


def test_a_guard_cannot_start_a_lockout(ctx_for):
    with pytest.raises(RuleViolation) as refused:
        loto.notify_affected(ctx_for("guardia"), PANEL)
    assert refused.value.decision.code == "auth.role_forbidden"
