"""Properties: no sequence of calls drives a permit, a lockout or a visit into an illegal state.

Each test draws a random sequence of attempts, records only those the rule allows (as the
device and the server do) and checks the invariants after every step.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ker_field.domain.decision import Decision, reason
from ker_field.domain.enums import (
    AccessDirection,
    LotoEvent,
    LotoStatus,
    PermitStatus,
    RiskLevel,
    VisitorStatus,
)
from ker_field.domain.rules.common import Actor
from ker_field.domain.rules.loto import (
    LOCKOUT_ENDED,
    Lock,
    LockoutState,
    LotoEntry,
    apply_entry,
    check_step,
    fold_lockout,
)
from ker_field.domain.rules.permits import (
    ILLEGAL_TRANSITION,
    TRANSITIONS,
    PermitFacts,
    check_permit_allows_work,
    check_transition,
    needs_independent_approval,
)
from ker_field.domain.rules.training import CERTIFICATE_MISSING
from ker_field.domain.rules.visitors import (
    check_check_in,
    check_check_out,
    check_visit_transition,
    is_inside,
)
from tests.domain.rules.conftest import (
    NOW,
    OTHER_SUPERVISOR,
    PHOTO,
    POINTS,
    SUPERVISOR,
    TECH_A,
    TECH_B,
    UNKNOWN_POINT,
)

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)

S = PermitStatus
E = LotoEvent
V = VisitorStatus

# --- Permits ------------------------------------------------------------------------

REQUESTER = SUPERVISOR  # a supervisor, so only the independence rule stops self-approval
PERMIT_ACTORS = (REQUESTER, OTHER_SUPERVISOR, TECH_A)
APPROVERS = {SUPERVISOR.user_id, OTHER_SUPERVISOR.user_id}
TERMINAL = (S.REJECTED, S.CLOSED)


@PROPERTY_SETTINGS
@given(
    data=st.data(),
    level=st.sampled_from(list(RiskLevel)),
    starts_in=st.integers(-300, 300),  # minutes from NOW
    lasts=st.integers(-60, 1200),  # minutes; zero or negative is an invalid window
)
def test_no_sequence_of_transitions_breaks_a_permit(
    data: st.DataObject, level: RiskLevel, starts_in: int, lasts: int
) -> None:
    valid_from = NOW + timedelta(minutes=starts_in)
    facts = PermitFacts(
        status=S.DRAFT,
        risk_level=level,
        requested_by=REQUESTER.user_id,
        approved_by=None,
        valid_from=valid_from,
        valid_to=valid_from + timedelta(minutes=lasts),
    )
    now = NOW
    for _ in range(data.draw(st.integers(0, 25), label="steps")):
        # Mostly a legal move that keeps the permit open (to reach deep states), else any.
        onward = [t for t in sorted(TRANSITIONS[facts.status]) if t not in TERMINAL]
        target = data.draw(st.sampled_from([*onward * 8, *S]), label="target")
        actor = data.draw(st.sampled_from(PERMIT_ACTORS), label="actor")
        now += timedelta(minutes=data.draw(st.integers(0, 60), label="minutes later"))

        decision = check_transition(facts, target, actor, now)
        if facts.status in TERMINAL:
            assert decision.codes == (ILLEGAL_TRANSITION,), "a terminal permit moved"
        if not decision.allowed:
            continue

        before = facts
        assert target in TRANSITIONS[before.status]
        facts = replace(facts, status=target)
        if target is S.APPROVED:
            facts = replace(facts, approved_by=actor.user_id)

        if target is S.ACTIVE:
            assert facts.approved_by is not None
            assert facts.valid_from <= now < facts.valid_to
            assert check_permit_allows_work(facts, now).allowed
        if facts.status in (S.APPROVED, S.ACTIVE, S.SUSPENDED):
            assert facts.approved_by is not None
        if facts.approved_by is not None:
            assert facts.approved_by in APPROVERS
            if needs_independent_approval(level):
                assert facts.approved_by != facts.requested_by, "self-approved high-risk permit"


# --- Lockouts -----------------------------------------------------------------------

USERS = (TECH_A, TECH_B, SUPERVISOR)
BY_ID = {actor.user_id: actor for actor in USERS}
GATED = (E.LOCK_APPLIED, E.ISOLATION_VERIFIED, E.MEMBER_LOCK_ON, E.TRANSFER_ACCEPTED)
REMOVALS = (E.LOCK_REMOVED, E.LOCK_REMOVED_EXCEPTION, E.MEMBER_LOCK_OFF)
MISSING_TRAINING = Decision.refuse(
    reason(CERTIFICATE_MISSING, module="LOTO", category="electrical")
)
PREREQUISITES = st.sampled_from([None] * 7 + [MISSING_TRAINING])


@dataclass(frozen=True)
class Removal:
    entry: LotoEntry
    actor: Actor
    lock: Lock  # the lock as it was just before it came off
    member_locks_on: int


def next_events(state: LockoutState) -> list[LotoEvent]:
    """The steps that move a lockout on from ``state`` (to reach deep states often)."""
    if not state.notified:
        return [E.NOTIFIED]
    if not state.shut_down:
        return [E.SHUT_DOWN]
    if state.unlocked_points():
        return [E.LOCK_APPLIED, E.LOCK_APPLIED, E.LOCK_REMOVED, E.LOCK_REMOVED_EXCEPTION]
    if not state.energy_released:
        return [E.ENERGY_RELEASED]
    if state.group_primary is None:
        group = [E.GROUP_OPENED, E.GROUP_OPENED]
    else:
        group = [E.MEMBER_LOCK_ON, E.MEMBER_LOCK_ON, E.MEMBER_LOCK_OFF]
    return [
        *group,
        E.ISOLATION_VERIFIED,
        E.TRANSFER_ACCEPTED,
        E.LOCK_REMOVED,
        E.LOCK_REMOVED,
        E.LOCK_REMOVED_EXCEPTION,
        E.LOCK_REMOVED_EXCEPTION,
    ]


# Strategies are built once: Hypothesis draws are the cost of this test.
PLAUSIBLE = st.sampled_from([True, True, True, False])
MOSTLY = st.sampled_from([True, True, True, False])
MAYBE = st.sampled_from([True, False, None])
INDEX = st.integers(0, 63)  # picks from a list that depends on the state
PLAUSIBLE_FIELDS = st.tuples(
    INDEX,  # event, among next_events(state)
    INDEX,  # actor, among the users and (weighted) the right person for the step
    INDEX,  # point, among the unlocked ones
    INDEX,  # lock ref, among the active locks
    MOSTLY,  # area clear
    MOSTLY,  # people notified
    MOSTLY,  # applier absent verified
    MOSTLY,  # contact attempt recorded
    MOSTLY,  # applier informed
)
ANY_FIELDS = st.tuples(
    st.sampled_from(list(E)),
    st.sampled_from(USERS),
    st.sampled_from([*POINTS, UNKNOWN_POINT, None]),
    st.sampled_from(["L-1", "L-2", " L-1", "", None]),
    INDEX,  # lock ref, among every lock ever applied and one unknown id
    st.sampled_from([PHOTO, None]),
    MAYBE,
    MAYBE,
    MAYBE,
    st.sampled_from(["called twice", " ", None]),
    MAYBE,
)
DEAD_REF = uuid.UUID(int=0xDEAD)


def pick(options: list[uuid.UUID], index: int) -> uuid.UUID:
    return options[index % len(options)] if options else DEAD_REF


def right_person(state: LockoutState, event: LotoEvent, ref: uuid.UUID) -> Actor:
    """Who would normally record ``event`` (so that plausible steps often succeed)."""
    if event is E.LOCK_REMOVED_EXCEPTION:
        return SUPERVISOR
    lock = state.lock(ref)
    if event in (E.LOCK_REMOVED, E.MEMBER_LOCK_OFF) and lock is not None:
        return BY_ID[lock.held_by]
    if event in (E.ISOLATION_VERIFIED, E.GROUP_OPENED) and state.holder is not None:
        return BY_ID[state.holder]
    return TECH_A


def draw_entry(data: st.DataObject, state: LockoutState, n: int) -> tuple[LotoEntry, Actor]:
    """Mostly a plausible next step with well-formed fields, else anything at all.

    Plausible steps are still recorded by a random person half the time."""
    entry_id = uuid.UUID(int=0x10000 + n)
    if data.draw(PLAUSIBLE, label="plausible"):
        event_i, actor_i, point_i, ref_i, clear, notified, absent, contacted, informed = data.draw(
            PLAUSIBLE_FIELDS, label="fields"
        )
        events = next_events(state)
        event = events[event_i % len(events)]
        ref = pick([lk.id for lk in state.locks if lk.status is LotoStatus.ACTIVE], ref_i)
        right = right_person(state, event, ref)
        candidates = [*USERS, right, right, right]
        actor = candidates[actor_i % len(candidates)]
        entry = LotoEntry(
            id=entry_id,
            event=event,
            user_id=actor.user_id,
            energy_source_id=pick(state.unlocked_points() or list(POINTS), point_i),
            lock_serial=f"L-{n}",
            lock_ref_id=ref,
            photo_sha256=PHOTO,
            area_clear=clear,
            people_notified=notified,
            applier_absent_verified=absent,
            contact_attempt="called twice" if contacted else " ",
            applier_informed=informed,
        )
    else:
        event, actor, point, serial, ref_i, photo, clear, notified, absent, contact, informed = (
            data.draw(ANY_FIELDS, label="fields")
        )
        entry = LotoEntry(
            id=entry_id,
            event=event,
            user_id=actor.user_id,
            energy_source_id=point,
            lock_serial=serial,
            lock_ref_id=pick([lk.id for lk in state.locks] + [DEAD_REF], ref_i),
            photo_sha256=photo,
            area_clear=clear,
            people_notified=notified,
            applier_absent_verified=absent,
            contact_attempt=contact,
            applier_informed=informed,
        )
    return entry, actor


def assert_lockout_invariants(
    state: LockoutState, removals: dict[uuid.UUID, Removal], verified_by_holder: bool
) -> None:
    # At most one active point lock per isolation point, and only on the procedure's points.
    locked = [lk.energy_source_id for lk in state.active_locks("point")]
    assert len(locked) == len(set(locked)), "two locks on one isolation point"
    assert set(locked) <= set(POINTS)

    # Every removed lock came off through its holder, or a supervisor's complete exception.
    removed = {lk.id for lk in state.locks if lk.status is LotoStatus.REMOVED}
    assert removed == set(removals)
    for removal in removals.values():
        entry, actor, lock = removal.entry, removal.actor, removal.lock
        if entry.event is E.LOCK_REMOVED_EXCEPTION:
            assert lock.kind == "point"
            assert actor.is_supervisor
            assert actor.user_id != lock.held_by
            assert entry.applier_absent_verified
            assert (entry.contact_attempt or "").strip()
            assert entry.applier_informed
        else:
            assert actor.user_id == lock.held_by, "a lock removed by someone who does not hold it"
            assert lock.kind == ("member" if entry.event is E.MEMBER_LOCK_OFF else "point")
        if lock.kind == "point":
            assert entry.area_clear and entry.people_notified and entry.photo_sha256
            assert removal.member_locks_on == 0, "a point lock came off under a member lock"

    # Work may start only on a fully locked, released and verified lockout.
    if state.work_may_start:
        assert set(locked) == set(POINTS)
        assert state.energy_released
        assert state.verified
        assert verified_by_holder, "work allowed without a verification by the current holder"
    if state.ended:
        assert locked == []


@PROPERTY_SETTINGS
@given(data=st.data())
def test_no_sequence_of_steps_breaks_a_lockout(data: st.DataObject) -> None:
    state = LockoutState(points=POINTS)
    accepted: list[LotoEntry] = []
    removals: dict[uuid.UUID, Removal] = {}
    # Shadow fact: isolation verified by the current holder since the last lock came off
    # or the last shift transfer.
    verified_by_holder = False

    for n in range(data.draw(st.integers(0, 40), label="steps")):
        entry, actor = draw_entry(data, state, n)
        prerequisites = data.draw(PREREQUISITES, label="prerequisites")
        decision = check_step(state, entry, actor, prerequisites)

        if state.ended:
            assert decision.codes == (LOCKOUT_ENDED,), "an ended lockout accepted a step"
        if prerequisites is not None and entry.event in GATED:
            assert not decision.allowed, "a refused prerequisite let a worker under a lock"
        if not decision.allowed:
            continue

        if entry.event in REMOVALS:
            target = state.lock(entry.lock_ref_id)
            assert target is not None and target.status is LotoStatus.ACTIVE
            removals[target.id] = Removal(entry, actor, target, len(state.active_locks("member")))
            if target.kind == "point":
                verified_by_holder = False
        if entry.event is E.TRANSFER_ACCEPTED:
            verified_by_holder = False
        if entry.event is E.ISOLATION_VERIFIED:
            assert actor.user_id == state.holder
            verified_by_holder = True

        state = apply_entry(state, entry)
        accepted.append(entry)
        assert_lockout_invariants(state, removals, verified_by_holder)

    # The device and the server rebuild the same state from the accepted entries.
    assert fold_lockout(POINTS, accepted) == state


# --- Visits -------------------------------------------------------------------------

NAME = "Ana Pérez"
IN, OUT = AccessDirection.IN, AccessDirection.OUT


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from([IN, OUT]), max_size=40))
def test_the_gate_log_never_has_two_check_ins_without_a_check_out(
    attempts: list[AccessDirection],
) -> None:
    log: list[AccessDirection] = []
    for direction in attempts:
        inside = is_inside(log)
        rule = check_check_in if direction is IN else check_check_out
        if rule(NAME, inside).allowed:
            log.append(direction)
    # Accepted records alternate IN, OUT, IN, ... starting with an entry.
    assert log == [IN if i % 2 == 0 else OUT for i in range(len(log))]


@PROPERTY_SETTINGS
@given(
    st.lists(st.sampled_from([V.CHECKED_IN, V.CHECKED_OUT, V.CANCELLED, V.INVITED]), max_size=40)
)
def test_the_visit_status_and_the_gate_log_agree(targets: list[VisitorStatus]) -> None:
    status = V.INVITED
    log: list[AccessDirection] = []
    for target in targets:
        decision = check_visit_transition(status, target, NAME)
        if status is not V.CANCELLED and target in (V.CHECKED_IN, V.CHECKED_OUT):
            # Whether someone may go in or out does not depend on which record is asked.
            gate = check_check_in if target is V.CHECKED_IN else check_check_out
            assert gate(NAME, is_inside(log)).allowed is decision.allowed
        if not decision.allowed:
            continue
        if target is V.CHECKED_IN:
            assert status is not V.CHECKED_IN, "checked in twice without a check-out"
            log.append(IN)
        elif target is V.CHECKED_OUT:
            log.append(OUT)
        else:
            assert target is V.CANCELLED and not log, "a visit cancelled after its first entry"
        status = target
        assert (status is V.CHECKED_IN) is is_inside(log)
        assert log == [IN if i % 2 == 0 else OUT for i in range(len(log))]
