"""Lock-out tag-out (OSHA 29 CFR 1910.147): order of steps, locks, removal, group, shift change."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from ker_field.domain.decision import Decision, reason
from ker_field.domain.enums import LotoEvent, LotoStatus
from ker_field.domain.rules.common import ROLE_FORBIDDEN, Actor
from ker_field.domain.rules.loto import (
    ALREADY_DONE,
    ALREADY_GROUP,
    ALREADY_HOLDER,
    ENERGY_NOT_RELEASED,
    EXCEPTION_ABSENCE,
    EXCEPTION_CONTACT,
    EXCEPTION_INFORM,
    EXCEPTION_NOT_NEEDED,
    INSPECTION_OVERDUE,
    INSPECTOR_NOT_INDEPENDENT,
    LOCK_NOT_ACTIVE,
    LOCKOUT_ENDED,
    MEMBER_ALREADY_ON,
    MEMBERS_STILL_LOCKED,
    NOT_GROUP,
    NOT_HOLDER,
    NOT_NOTIFIED,
    NOT_SHUT_DOWN,
    NOT_VERIFIED,
    NOTHING_TO_TRANSFER,
    ONLY_APPLIER,
    PHOTO_REQUIRED,
    POINT_ALREADY_LOCKED,
    POINTS_UNLOCKED,
    PROCEDURE_EMPTY,
    REMOVAL_CHECKS,
    SERIAL_IN_USE,
    SERIAL_REQUIRED,
    UNKNOWN_POINT,
    LockoutState,
    LotoEntry,
    apply_entry,
    check_procedure_inspection,
    check_step,
    check_work_may_start,
    fold_lockout,
)
from ker_field.domain.rules.training import CERTIFICATE_EXPIRING, CERTIFICATE_MISSING
from tests.domain.rules.conftest import (
    NOW,
    PHOTO,
    POINT_1,
    POINT_2,
    POINTS,
    SUPERVISOR,
    TECH_A,
    TECH_B,
    TECH_D,
    accept,
    lock_off,
    lock_off_exception,
    lock_on,
    locked_out,
    loto,
)
from tests.domain.rules.conftest import UNKNOWN_POINT as UNKNOWN_POINT_ID

E = LotoEvent

MISSING_TRAINING = Decision.refuse(
    reason(CERTIFICATE_MISSING, module="LOTO eléctrico", category="electrical")
)


def shut_down(actor: Actor = TECH_A) -> LockoutState:
    """A lockout on POINTS that is notified and shut down, no locks yet."""
    state = LockoutState(points=POINTS)
    state = accept(state, loto(E.NOTIFIED, actor), actor)
    return accept(state, loto(E.SHUT_DOWN, actor), actor)


def grouped(
    members: tuple[Actor, ...] = (TECH_B,),
) -> tuple[LockoutState, dict[uuid.UUID, LotoEntry], dict[Actor, LotoEntry]]:
    """A verified lockout by TECH_A with a group lockbox and a personal lock per member."""
    state, locks = locked_out()
    state = accept(state, loto(E.GROUP_OPENED, TECH_A, lock_serial="BOX-1"), TECH_A)
    member_locks = {}
    for n, member in enumerate(members):
        entry = loto(E.MEMBER_LOCK_ON, member, lock_serial=f"P-{n}")
        state = accept(state, entry, member)
        member_locks[member] = entry
    return state, locks, member_locks


# --- The happy path -----------------------------------------------------------------


def test_full_lockout_in_order() -> None:
    state = LockoutState(points=POINTS)
    assert check_work_may_start(state).code == POINTS_UNLOCKED

    state = accept(state, loto(E.NOTIFIED, TECH_A), TECH_A)
    assert state.notified
    state = accept(state, loto(E.SHUT_DOWN, TECH_A), TECH_A)
    assert state.shut_down

    lock_1 = lock_on(TECH_A, POINT_1, "L-001")
    state = accept(state, lock_1, TECH_A)
    assert state.holder == TECH_A.user_id
    assert state.unlocked_points() == [POINT_2]
    assert not state.fully_locked
    not_yet = check_work_may_start(state)
    assert not_yet.code == POINTS_UNLOCKED
    assert not_yet.messages("es") == ["Faltan candados en 1 de 2 puntos de aislamiento."]
    assert not_yet.messages("en") == ["1 of 2 isolation points still have no lock."]

    lock_2 = lock_on(TECH_A, POINT_2, "L-002")
    state = accept(state, lock_2, TECH_A)
    assert state.fully_locked
    assert check_work_may_start(state).code == ENERGY_NOT_RELEASED

    state = accept(state, loto(E.ENERGY_RELEASED, TECH_A), TECH_A)
    assert state.energy_released
    assert check_work_may_start(state).code == NOT_VERIFIED
    assert not state.work_may_start

    state = accept(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A)
    assert state.work_may_start
    assert check_work_may_start(state).code == "ok"

    # Each lock records who applied it and its photo.
    lock = state.lock(lock_1.id)
    assert lock is not None
    assert (lock.applied_by, lock.held_by, lock.serial, lock.photo_sha256, lock.kind) == (
        TECH_A.user_id,
        TECH_A.user_id,
        "L-001",
        PHOTO,
        "point",
    )

    # Removing the first lock: isolation no longer holds, the lockout goes on.
    state = accept(state, lock_off(TECH_A, lock_1), TECH_A)
    assert state.lock(lock_1.id).status is LotoStatus.REMOVED  # type: ignore[union-attr]
    assert not state.work_may_start
    assert not state.verified
    assert not state.ended

    # Removing the last lock ends the lockout.
    state = accept(state, lock_off(TECH_A, lock_2), TECH_A)
    assert state.ended
    assert state.active_locks("point") == []


def test_fold_lockout_replays_accepted_entries() -> None:
    entries = [
        loto(E.NOTIFIED, TECH_A),
        loto(E.SHUT_DOWN, TECH_A),
        lock_on(TECH_A, POINT_1, "L-001"),
        lock_on(TECH_A, POINT_2, "L-002"),
        loto(E.ENERGY_RELEASED, TECH_A),
        loto(E.ISOLATION_VERIFIED, TECH_A),
    ]
    state = LockoutState(points=POINTS)
    for entry in entries:
        state = accept(state, entry, TECH_A)
    folded = fold_lockout(POINTS, entries)
    assert folded == state
    assert folded.work_may_start
    assert folded.lock(entries[2].id) == state.lock(entries[2].id)


# --- Steps out of order -------------------------------------------------------------


def test_a_procedure_without_energy_sources_cannot_be_used() -> None:
    decision = check_step(LockoutState(points=()), loto(E.NOTIFIED, TECH_A), TECH_A)
    assert not decision.allowed
    assert decision.codes == (PROCEDURE_EMPTY,)


def test_shut_down_before_notifying_is_refused() -> None:
    state = LockoutState(points=POINTS)
    decision = check_step(state, loto(E.SHUT_DOWN, TECH_A), TECH_A)
    assert decision.codes == (NOT_NOTIFIED,)
    assert decision.messages("en") == ["First notify the affected people."]


def test_notify_and_shut_down_are_recorded_once() -> None:
    state = LockoutState(points=POINTS)
    state = accept(state, loto(E.NOTIFIED, TECH_A), TECH_A)
    assert check_step(state, loto(E.NOTIFIED, TECH_A), TECH_A).codes == (ALREADY_DONE,)
    state = accept(state, loto(E.SHUT_DOWN, TECH_A), TECH_A)
    assert check_step(state, loto(E.SHUT_DOWN, TECH_A), TECH_A).codes == (ALREADY_DONE,)


@pytest.mark.parametrize("notified", [False, True])
def test_locking_before_shut_down_is_refused(notified: bool) -> None:
    state = LockoutState(points=POINTS, notified=notified)
    decision = check_step(state, lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    assert decision.codes == (NOT_SHUT_DOWN,)


def test_releasing_energy_before_every_point_is_locked_is_refused() -> None:
    state = shut_down()
    decision = check_step(state, loto(E.ENERGY_RELEASED, TECH_A), TECH_A)
    assert decision.codes == (POINTS_UNLOCKED,)
    assert decision.messages("es") == ["Faltan candados en 2 de 2 puntos de aislamiento."]
    state = accept(state, lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    assert check_step(state, loto(E.ENERGY_RELEASED, TECH_A), TECH_A).codes == (POINTS_UNLOCKED,)


def test_energy_is_released_once() -> None:
    state, _ = locked_out(verified=False)
    assert check_step(state, loto(E.ENERGY_RELEASED, TECH_A), TECH_A).codes == (ALREADY_DONE,)


def test_verifying_before_locks_or_release_is_refused() -> None:
    state = shut_down()
    assert check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A).codes == (POINTS_UNLOCKED,)
    state = accept(state, lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    state = accept(state, lock_on(TECH_A, POINT_2, "L-002"), TECH_A)
    decision = check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A)
    assert decision.codes == (ENERGY_NOT_RELEASED,)
    assert decision.messages("en") == ["Release or restrain stored energy before verifying."]


def test_verification_is_recorded_once() -> None:
    state, _ = locked_out()
    assert check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A).codes == (ALREADY_DONE,)


def test_only_the_holder_verifies() -> None:
    state, _ = locked_out(verified=False)
    for other in (TECH_B, SUPERVISOR):
        decision = check_step(state, loto(E.ISOLATION_VERIFIED, other), other)
        assert decision.codes == (NOT_HOLDER,)
    assert check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A).allowed


def test_verification_needs_a_photo_of_every_lock() -> None:
    # Locks folded from records without a photo (e.g. imported history) block verification.
    entries = [
        loto(E.NOTIFIED, TECH_A),
        loto(E.SHUT_DOWN, TECH_A),
        lock_on(TECH_A, POINT_1, "L-001"),
        lock_on(TECH_A, POINT_2, "L-002", photo_sha256=None),
        loto(E.ENERGY_RELEASED, TECH_A),
    ]
    state = fold_lockout(POINTS, entries)
    decision = check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A)
    assert decision.codes == (PHOTO_REQUIRED,)


# --- Applying a lock ----------------------------------------------------------------


@pytest.mark.parametrize("point", [UNKNOWN_POINT_ID, None])
def test_a_point_outside_the_procedure_is_refused(point: uuid.UUID | None) -> None:
    decision = check_step(shut_down(), lock_on(TECH_A, point, "L-001"), TECH_A)
    assert decision.codes == (UNKNOWN_POINT,)


def test_a_point_already_locked_is_refused() -> None:
    state = accept(shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    for actor in (TECH_A, TECH_B):
        decision = check_step(state, lock_on(actor, POINT_1, "L-009"), actor)
        assert decision.codes == (POINT_ALREADY_LOCKED,)


@pytest.mark.parametrize("serial", [None, "", "   "])
def test_a_lock_needs_a_serial(serial: str | None) -> None:
    decision = check_step(shut_down(), lock_on(TECH_A, POINT_1, serial), TECH_A)
    assert decision.codes == (SERIAL_REQUIRED,)
    assert decision.messages("en") == ["Scan or type the lock's serial number."]


def test_a_serial_already_on_in_this_lockout_is_refused() -> None:
    state = accept(shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    decision = check_step(state, lock_on(TECH_A, POINT_2, "L-001"), TECH_A)
    assert decision.codes == (SERIAL_IN_USE,)
    assert decision.messages("es") == ["El candado L-001 ya está puesto en este bloqueo."]
    assert decision.messages("en") == ["Lock L-001 is already on in this lockout."]


@pytest.mark.parametrize("serial", ["L-001 ", " L-001", "L-001\n"])
def test_a_serial_in_use_is_refused_whatever_the_surrounding_whitespace(serial: str) -> None:
    # The scanner or keyboard may add whitespace; it is the same physical lock.
    state = accept(shut_down(), lock_on(TECH_A, POINT_1, serial), TECH_A)
    decision = check_step(state, lock_on(TECH_A, POINT_2, "L-001"), TECH_A)
    assert decision.codes == (SERIAL_IN_USE,)


def test_a_serial_may_be_reused_once_its_lock_is_off() -> None:
    state, locks = locked_out()
    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    assert check_step(state, lock_on(TECH_A, POINT_1, "L-001"), TECH_A).allowed


def test_a_lock_needs_a_photo() -> None:
    decision = check_step(shut_down(), lock_on(TECH_A, POINT_1, "L-001", photo_sha256=None), TECH_A)
    assert decision.codes == (PHOTO_REQUIRED,)
    assert decision.messages("en") == ["Take a photo of the lock as evidence."]


def test_a_lock_without_serial_nor_photo_gets_both_reasons() -> None:
    decision = check_step(shut_down(), lock_on(TECH_A, POINT_1, "", photo_sha256=""), TECH_A)
    assert decision.codes == (SERIAL_REQUIRED, PHOTO_REQUIRED)


def test_another_worker_may_lock_another_point_and_holds_that_lock() -> None:
    state = accept(shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    entry = lock_on(TECH_B, POINT_2, "L-002")
    state = accept(state, entry, TECH_B)
    assert state.holder == TECH_A.user_id  # the first locker is in charge
    assert state.lock(entry.id).held_by == TECH_B.user_id  # type: ignore[union-attr]


# --- Prerequisites (training, permit, procedure inspection) -------------------------


def test_a_refused_prerequisite_blocks_applying_a_lock() -> None:
    decision = check_step(
        shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A, prerequisites=MISSING_TRAINING
    )
    assert not decision.allowed
    assert decision.codes == (CERTIFICATE_MISSING,)
    assert decision.messages("es") == [
        "Falta el certificado vigente de «LOTO eléctrico», exigido para equipos de categoría electrical."
    ]


def test_prerequisite_warnings_reach_the_user_without_blocking() -> None:
    warning = reason(CERTIFICATE_EXPIRING, module="LOTO eléctrico", expires_on="2026-12-10")
    decision = check_step(
        shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A, prerequisites=Decision.ok(warning)
    )
    assert decision.allowed
    assert decision.warnings == (warning,)


def test_a_refused_prerequisite_blocks_verification_joining_and_taking_over() -> None:
    state, _ = locked_out(verified=False)
    verify = check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A, MISSING_TRAINING)
    assert verify.codes == (CERTIFICATE_MISSING,)

    state, _, _ = grouped(members=())
    join = check_step(
        state, loto(E.MEMBER_LOCK_ON, TECH_B, lock_serial="P-9"), TECH_B, MISSING_TRAINING
    )
    assert join.codes == (CERTIFICATE_MISSING,)

    take_over = check_step(state, loto(E.TRANSFER_ACCEPTED, TECH_D), TECH_D, MISSING_TRAINING)
    assert take_over.codes == (CERTIFICATE_MISSING,)


def test_a_refused_prerequisite_never_keeps_a_worker_from_removing_their_lock() -> None:
    state, locks = locked_out()
    decision = check_step(state, lock_off(TECH_A, locks[POINT_1]), TECH_A, MISSING_TRAINING)
    assert decision.allowed


# --- Removing a lock ----------------------------------------------------------------


@pytest.mark.parametrize("other", [TECH_B, SUPERVISOR])
def test_only_the_applier_removes_a_lock(other: Actor) -> None:
    state, locks = locked_out()
    decision = check_step(state, lock_off(other, locks[POINT_1]), other)
    assert not decision.allowed
    assert decision.codes == (ONLY_APPLIER,)
    assert decision.messages("en") == [
        "Only the person who applied the lock can remove it "
        "(or a supervisor through the exception procedure)."
    ]


@pytest.mark.parametrize(
    "missing",
    [
        {"area_clear": False},
        {"area_clear": None},
        {"people_notified": False},
        {"people_notified": None},
        {"area_clear": None, "people_notified": None},
    ],
)
def test_removal_needs_both_confirmations(missing: dict[str, object]) -> None:
    state, locks = locked_out()
    decision = check_step(state, lock_off(TECH_A, locks[POINT_1], **missing), TECH_A)
    assert decision.codes == (REMOVAL_CHECKS,)


def test_removal_needs_a_photo() -> None:
    state, locks = locked_out()
    decision = check_step(state, lock_off(TECH_A, locks[POINT_1], photo_sha256=None), TECH_A)
    assert decision.codes == (PHOTO_REQUIRED,)


def test_removing_a_lock_that_is_not_on_is_refused() -> None:
    state, locks = locked_out()
    unknown = loto(E.LOCK_REMOVED, TECH_A, lock_ref_id=uuid.uuid4())
    assert check_step(state, unknown, TECH_A).codes == (LOCK_NOT_ACTIVE,)
    no_ref = loto(E.LOCK_REMOVED, TECH_A)
    assert check_step(state, no_ref, TECH_A).codes == (LOCK_NOT_ACTIVE,)

    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    again = check_step(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    assert again.codes == (LOCK_NOT_ACTIVE,)
    assert again.messages("en") == ["That lock is not on."]


# --- Supervisor exception, 1910.147(e)(3) -------------------------------------------


def test_a_supervisor_removes_an_absent_workers_lock_through_the_exception() -> None:
    state, locks = locked_out()
    entry = lock_off_exception(SUPERVISOR, locks[POINT_1])
    decision = check_step(state, entry, SUPERVISOR)
    assert decision.allowed
    state = apply_entry(state, entry)
    assert state.lock(locks[POINT_1].id).status is LotoStatus.REMOVED  # type: ignore[union-attr]
    assert not state.work_may_start


@pytest.mark.parametrize(
    ("missing", "code"),
    [
        ({"applier_absent_verified": False}, EXCEPTION_ABSENCE),
        ({"applier_absent_verified": None}, EXCEPTION_ABSENCE),
        ({"contact_attempt": None}, EXCEPTION_CONTACT),
        ({"contact_attempt": "   "}, EXCEPTION_CONTACT),
        ({"applier_informed": False}, EXCEPTION_INFORM),
        ({"applier_informed": None}, EXCEPTION_INFORM),
    ],
)
def test_the_exception_needs_each_of_its_three_facts(missing: dict[str, object], code: str) -> None:
    state, locks = locked_out()
    decision = check_step(
        state, lock_off_exception(SUPERVISOR, locks[POINT_1], **missing), SUPERVISOR
    )
    assert not decision.allowed
    assert decision.codes == (code,)


def test_the_exception_reports_every_missing_fact() -> None:
    state, locks = locked_out()
    entry = lock_off_exception(
        SUPERVISOR,
        locks[POINT_1],
        applier_absent_verified=None,
        contact_attempt=None,
        applier_informed=None,
    )
    decision = check_step(state, entry, SUPERVISOR)
    assert decision.codes == (EXCEPTION_ABSENCE, EXCEPTION_CONTACT, EXCEPTION_INFORM)
    assert decision.messages("en") == [
        "Record that the person who applied the lock was verified to be off the site.",
        "Record how contacting the person who applied the lock was attempted.",
        "Record that the person who applied the lock will be informed before resuming work.",
    ]


def test_the_exception_also_needs_the_removal_confirmations() -> None:
    state, locks = locked_out()
    entry = lock_off_exception(SUPERVISOR, locks[POINT_1], area_clear=False, photo_sha256=None)
    decision = check_step(state, entry, SUPERVISOR)
    assert decision.codes == (REMOVAL_CHECKS, PHOTO_REQUIRED)


def test_a_technician_cannot_use_the_exception() -> None:
    state, locks = locked_out()
    decision = check_step(state, lock_off_exception(TECH_B, locks[POINT_1]), TECH_B)
    assert decision.codes == (ROLE_FORBIDDEN,)
    assert decision.messages("es") == ["Su rol (técnico) no permite esta acción."]


@pytest.mark.parametrize("holder", [TECH_A, SUPERVISOR])
def test_the_holder_cannot_use_the_exception(holder: Actor) -> None:
    state, locks = locked_out(holder)
    decision = check_step(state, lock_off_exception(holder, locks[POINT_1]), holder)
    assert decision.codes == (EXCEPTION_NOT_NEEDED,)
    assert decision.messages("en") == [
        "You applied this lock: remove it through the normal procedure."
    ]


def test_the_exception_cannot_remove_a_lock_that_is_not_on() -> None:
    state, locks = locked_out()
    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    decision = check_step(state, lock_off_exception(SUPERVISOR, locks[POINT_1]), SUPERVISOR)
    assert decision.codes == (LOCK_NOT_ACTIVE,)


# --- Group lockout ------------------------------------------------------------------


def test_group_lockout_members_join_and_leave() -> None:
    state, locks, members = grouped(members=(TECH_B, TECH_D))
    assert state.group_primary == TECH_A.user_id
    assert state.lockbox_serial == "BOX-1"
    assert len(state.active_locks("member")) == 2

    # The point locks cannot come off while a personal lock is on the lockbox.
    decision = check_step(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    assert decision.codes == (MEMBERS_STILL_LOCKED,)
    assert decision.messages("es") == [
        "Aún hay 2 candados personales en la caja grupal: no se puede retirar el bloqueo."
    ]
    assert decision.messages("en") == [
        "2 personal locks are still on the group lockbox: the lockout cannot come off."
    ]
    exception = check_step(state, lock_off_exception(SUPERVISOR, locks[POINT_1]), SUPERVISOR)
    assert exception.codes == (MEMBERS_STILL_LOCKED,)

    state = accept(state, loto(E.MEMBER_LOCK_OFF, TECH_B, lock_ref_id=members[TECH_B].id), TECH_B)
    assert check_step(state, lock_off(TECH_A, locks[POINT_1]), TECH_A).messages("en") == [
        "1 personal locks are still on the group lockbox: the lockout cannot come off."
    ]
    state = accept(state, loto(E.MEMBER_LOCK_OFF, TECH_D, lock_ref_id=members[TECH_D].id), TECH_D)
    assert state.active_locks("member") == []

    # Now the primary takes the lockout off.
    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    state = accept(state, lock_off(TECH_A, locks[POINT_2]), TECH_A)
    assert state.ended


def test_member_locks_do_not_count_as_point_locks() -> None:
    state, _, members = grouped()
    lock = state.lock(members[TECH_B].id)
    assert lock is not None
    assert lock.kind == "member"
    assert lock.energy_source_id is None
    assert state.fully_locked


@pytest.mark.parametrize("other", [TECH_A, TECH_D, SUPERVISOR])
def test_a_member_lock_comes_off_only_by_its_member(other: Actor) -> None:
    state, _, members = grouped()
    decision = check_step(
        state, loto(E.MEMBER_LOCK_OFF, other, lock_ref_id=members[TECH_B].id), other
    )
    assert decision.codes == (ONLY_APPLIER,)


def test_member_lock_off_needs_a_member_lock_that_is_on() -> None:
    state, locks, members = grouped()
    point_lock = loto(E.MEMBER_LOCK_OFF, TECH_A, lock_ref_id=locks[POINT_1].id)
    assert check_step(state, point_lock, TECH_A).codes == (LOCK_NOT_ACTIVE,)
    state = accept(state, loto(E.MEMBER_LOCK_OFF, TECH_B, lock_ref_id=members[TECH_B].id), TECH_B)
    again = loto(E.MEMBER_LOCK_OFF, TECH_B, lock_ref_id=members[TECH_B].id)
    assert check_step(state, again, TECH_B).codes == (LOCK_NOT_ACTIVE,)


def test_a_member_lock_cannot_be_taken_off_as_a_point_lock() -> None:
    state, _, members = grouped()
    decision = check_step(state, lock_off(TECH_B, members[TECH_B]), TECH_B)
    assert decision.codes == (LOCK_NOT_ACTIVE,)


def test_a_member_adds_one_personal_lock() -> None:
    state, _, _ = grouped()
    decision = check_step(state, loto(E.MEMBER_LOCK_ON, TECH_B, lock_serial="P-7"), TECH_B)
    assert decision.codes == (MEMBER_ALREADY_ON,)
    assert decision.messages("en") == ["Your personal lock is already on the group lockbox."]


def test_a_member_may_rejoin_after_leaving() -> None:
    state, _, members = grouped()
    state = accept(state, loto(E.MEMBER_LOCK_OFF, TECH_B, lock_ref_id=members[TECH_B].id), TECH_B)
    assert check_step(state, loto(E.MEMBER_LOCK_ON, TECH_B, lock_serial="P-0"), TECH_B).allowed


def test_a_personal_lock_needs_its_own_serial() -> None:
    state, _, _ = grouped(members=())
    missing = check_step(state, loto(E.MEMBER_LOCK_ON, TECH_B), TECH_B)
    assert missing.codes == (SERIAL_REQUIRED,)
    in_use = check_step(state, loto(E.MEMBER_LOCK_ON, TECH_B, lock_serial="L-001"), TECH_B)
    assert in_use.codes == (SERIAL_IN_USE,)


def test_no_member_lock_without_a_group_lockbox() -> None:
    state, _ = locked_out()
    decision = check_step(state, loto(E.MEMBER_LOCK_ON, TECH_B, lock_serial="P-1"), TECH_B)
    assert decision.codes == (NOT_GROUP,)
    assert decision.messages("en") == ["This lockout has no group lockbox."]


def test_opening_the_group_lockbox() -> None:
    # Before every point is locked.
    state = accept(shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A)
    early = check_step(state, loto(E.GROUP_OPENED, TECH_A, lock_serial="BOX-1"), TECH_A)
    assert early.codes == (POINTS_UNLOCKED,)

    state, _ = locked_out()
    # Only the holder (the primary authorized employee) opens it.
    other = check_step(state, loto(E.GROUP_OPENED, TECH_B, lock_serial="BOX-1"), TECH_B)
    assert other.codes == (NOT_HOLDER,)
    # The lockbox needs a serial.
    no_serial = check_step(state, loto(E.GROUP_OPENED, TECH_A, lock_serial=" "), TECH_A)
    assert no_serial.codes == (SERIAL_REQUIRED,)

    state = accept(state, loto(E.GROUP_OPENED, TECH_A, lock_serial="BOX-1"), TECH_A)
    twice = check_step(state, loto(E.GROUP_OPENED, TECH_A, lock_serial="BOX-2"), TECH_A)
    assert twice.codes == (ALREADY_GROUP,)
    assert twice.messages("en") == ["This lockout already has a group lockbox."]


# --- Shift change -------------------------------------------------------------------


def test_shift_transfer() -> None:
    state, locks = locked_out()
    assert state.work_may_start

    state = accept(state, loto(E.TRANSFER_ACCEPTED, TECH_D), TECH_D)
    assert state.holder == TECH_D.user_id
    # Verification resets: the incoming person must re-verify before work.
    assert not state.verified
    assert not state.work_may_start
    assert check_work_may_start(state).code == NOT_VERIFIED
    for lock in state.active_locks("point"):
        assert lock.held_by == TECH_D.user_id
        assert lock.applied_by == TECH_A.user_id  # the evidence of who applied it stays

    # The outgoing person can no longer verify nor remove.
    assert check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A).codes == (NOT_HOLDER,)
    assert check_step(state, lock_off(TECH_A, locks[POINT_1]), TECH_A).codes == (ONLY_APPLIER,)

    state = accept(state, loto(E.ISOLATION_VERIFIED, TECH_D), TECH_D)
    assert state.work_may_start

    # The incoming person removes the locks, without the exception.
    assert check_step(state, lock_off_exception(TECH_D, locks[POINT_1]), TECH_D).codes == (
        EXCEPTION_NOT_NEEDED,
    )
    state = accept(state, lock_off(TECH_D, locks[POINT_1]), TECH_D)
    state = accept(state, lock_off(TECH_D, locks[POINT_2]), TECH_D)
    assert state.ended


def test_shift_transfer_of_a_group_moves_the_primary() -> None:
    state, _, members = grouped()
    state = accept(state, loto(E.TRANSFER_ACCEPTED, TECH_D), TECH_D)
    assert state.group_primary == TECH_D.user_id
    # Personal locks stay with their members.
    assert state.lock(members[TECH_B].id).held_by == TECH_B.user_id  # type: ignore[union-attr]


def test_shift_transfer_without_group_keeps_no_group() -> None:
    state, _ = locked_out()
    state = accept(state, loto(E.TRANSFER_ACCEPTED, TECH_D), TECH_D)
    assert state.group_primary is None


def test_nothing_to_transfer_before_any_lock() -> None:
    decision = check_step(shut_down(), loto(E.TRANSFER_ACCEPTED, TECH_D), TECH_D)
    assert decision.codes == (NOTHING_TO_TRANSFER,)
    assert decision.messages("en") == ["There are no locks on to transfer."]


def test_the_holder_cannot_take_over_from_themselves() -> None:
    state, _ = locked_out()
    decision = check_step(state, loto(E.TRANSFER_ACCEPTED, TECH_A), TECH_A)
    assert decision.codes == (ALREADY_HOLDER,)
    assert decision.messages("en") == ["You are already in charge of this lockout."]


# --- An ended lockout ---------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        loto(E.NOTIFIED, TECH_A),
        loto(E.SHUT_DOWN, TECH_A),
        lock_on(TECH_A, POINT_1, "L-003"),
        loto(E.ENERGY_RELEASED, TECH_A),
        loto(E.ISOLATION_VERIFIED, TECH_A),
        loto(E.GROUP_OPENED, TECH_A, lock_serial="BOX-1"),
        loto(E.MEMBER_LOCK_ON, TECH_B, lock_serial="P-1"),
        loto(E.TRANSFER_ACCEPTED, TECH_D),
    ],
    ids=lambda entry: entry.event.value,
)
def test_an_ended_lockout_accepts_no_more_steps(entry: LotoEntry) -> None:
    state, locks = locked_out()
    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    state = accept(state, lock_off(TECH_A, locks[POINT_2]), TECH_A)
    assert state.ended
    actor = {TECH_A.user_id: TECH_A, TECH_B.user_id: TECH_B, TECH_D.user_id: TECH_D}[entry.user_id]
    decision = check_step(state, entry, actor)
    assert decision.codes == (LOCKOUT_ENDED,)
    assert decision.messages("en") == [
        "This lockout has ended: all its locks were removed. Start a new lockout."
    ]


def test_removing_the_only_lock_before_the_others_are_on_ends_the_lockout() -> None:
    lock = lock_on(TECH_A, POINT_1, "L-001")
    state = accept(shut_down(), lock, TECH_A)
    state = accept(state, lock_off(TECH_A, lock), TECH_A)
    assert state.ended
    assert check_step(state, lock_on(TECH_A, POINT_2, "L-002"), TECH_A).codes == (LOCKOUT_ENDED,)


def test_relocking_a_point_after_a_removal_does_not_restore_work() -> None:
    state, locks = locked_out()
    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    assert check_work_may_start(state).code == POINTS_UNLOCKED
    state = accept(state, lock_on(TECH_A, POINT_1, "L-005"), TECH_A)
    # Isolation was broken: the old verification no longer counts.
    assert not state.verified
    assert not state.work_may_start


# --- Periodic inspection of the procedure -------------------------------------------

INSPECTOR = uuid.UUID(int=0x15)


@pytest.mark.parametrize("days_ago", [0, 200, 365])
def test_a_procedure_inspected_within_12_months_by_someone_else_passes(days_ago: int) -> None:
    for blocks in (False, True):
        decision = check_procedure_inspection(
            NOW - timedelta(days=days_ago), INSPECTOR, TECH_A.user_id, NOW, overdue_blocks=blocks
        )
        assert decision.allowed
        assert decision.warnings == ()


def test_an_overdue_procedure_warns_by_default() -> None:
    last = NOW - timedelta(days=366)
    decision = check_procedure_inspection(
        last, INSPECTOR, TECH_A.user_id, NOW, overdue_blocks=False
    )
    assert decision.allowed
    assert [w.code for w in decision.warnings] == [INSPECTION_OVERDUE]
    assert decision.warnings[0].message_es == (
        "El procedimiento no tiene inspección periódica en los últimos 12 meses (última: 2025-11-29)."
    )
    assert decision.warnings[0].message_en == (
        "The procedure has had no periodic inspection in the last 12 months (last: 2025-11-29)."
    )


def test_an_overdue_procedure_blocks_when_the_tenant_says_so() -> None:
    last = NOW - timedelta(days=366)
    decision = check_procedure_inspection(last, INSPECTOR, TECH_A.user_id, NOW, overdue_blocks=True)
    assert not decision.allowed
    assert decision.codes == (INSPECTION_OVERDUE,)


@pytest.mark.parametrize("blocks", [False, True])
def test_a_never_inspected_procedure_is_overdue(blocks: bool) -> None:
    decision = check_procedure_inspection(None, None, TECH_A.user_id, NOW, overdue_blocks=blocks)
    assert decision.allowed is not blocks
    reasons = decision.refusals or decision.warnings
    assert [r.code for r in reasons] == [INSPECTION_OVERDUE]
    assert reasons[0].message_en.endswith("(last: —).")


def test_an_inspection_by_the_user_of_the_procedure_warns_or_blocks() -> None:
    last = NOW - timedelta(days=30)
    warn = check_procedure_inspection(
        last, TECH_A.user_id, TECH_A.user_id, NOW, overdue_blocks=False
    )
    assert warn.allowed
    assert [w.code for w in warn.warnings] == [INSPECTOR_NOT_INDEPENDENT]
    block = check_procedure_inspection(
        last, TECH_A.user_id, TECH_A.user_id, NOW, overdue_blocks=True
    )
    assert block.codes == (INSPECTOR_NOT_INDEPENDENT,)
    # Someone else using the same procedure is fine.
    assert check_procedure_inspection(last, TECH_A.user_id, TECH_B.user_id, NOW, True).allowed


def test_the_inspection_decision_feeds_the_lock_prerequisites() -> None:
    overdue = check_procedure_inspection(None, None, TECH_A.user_id, NOW, overdue_blocks=True)
    decision = check_step(shut_down(), lock_on(TECH_A, POINT_1, "L-001"), TECH_A, overdue)
    assert decision.codes == (INSPECTION_OVERDUE,)


def test_relocking_a_point_repeats_the_stored_energy_release() -> None:
    """1910.147(f)(1): after a lock comes off, locking again repeats the whole sequence."""
    state, locks = locked_out()
    state = accept(state, lock_off(TECH_A, locks[POINT_1]), TECH_A)
    assert not state.energy_released
    state = accept(state, lock_on(TECH_A, POINT_1, "L-NEW"), TECH_A)
    refused = check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A)
    assert refused.code == "loto.energy_not_released"
    state = accept(state, loto(E.ENERGY_RELEASED, TECH_A), TECH_A)
    assert check_step(state, loto(E.ISOLATION_VERIFIED, TECH_A), TECH_A).allowed


def test_inspection_counts_calendar_months() -> None:
    inspected = NOW.replace(year=2025, month=11, day=30)
    assert check_procedure_inspection(
        inspected, SUPERVISOR.user_id, TECH_A.user_id, NOW, True
    ).allowed
    later = NOW.replace(day=30, hour=12, minute=1)
    refused = check_procedure_inspection(
        inspected.replace(minute=0), SUPERVISOR.user_id, TECH_A.user_id, later, True
    )
    assert refused.code == "loto.procedure_inspection_overdue"
