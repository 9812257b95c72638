"""Work permits: the state machine, independent approval, validity window, the work-start gate."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from ker_field.domain.enums import PermitStatus, RiskLevel
from ker_field.domain.rules.common import ROLE_FORBIDDEN, Actor
from ker_field.domain.rules.permits import (
    EXPIRED,
    ILLEGAL_TRANSITION,
    NOT_ACTIVE,
    NOT_APPROVED,
    NOT_REQUESTER,
    NOT_YET_VALID,
    REQUIRED,
    SELF_APPROVAL,
    TRANSITIONS,
    WINDOW_INVALID,
    PermitFacts,
    check_permit_allows_work,
    check_transition,
    check_work_start,
    needs_independent_approval,
)
from tests.domain.rules.conftest import (
    ADMIN,
    GUARD,
    NOW,
    OTHER_SUPERVISOR,
    SUPERVISOR,
    TECH_A,
    TECH_B,
)

S = PermitStatus
VALID_FROM = NOW - timedelta(hours=2)  # 2026-11-30 10:00 UTC
VALID_TO = NOW + timedelta(hours=6)  # 2026-11-30 18:00 UTC


def permit(
    status: PermitStatus = S.REQUESTED,
    level: RiskLevel = RiskLevel.HIGH,
    requested_by: Actor = TECH_A,
    approved_by: Actor | None = None,
    valid_from: datetime = VALID_FROM,
    valid_to: datetime = VALID_TO,
) -> PermitFacts:
    return PermitFacts(
        status=status,
        risk_level=level,
        requested_by=requested_by.user_id,
        approved_by=approved_by.user_id if approved_by else None,
        valid_from=valid_from,
        valid_to=valid_to,
    )


# --- The state machine --------------------------------------------------------------

# Written out by hand so a change to TRANSITIONS shows up here.
LEGAL = {
    (S.DRAFT, S.REQUESTED),
    (S.DRAFT, S.CLOSED),
    (S.REQUESTED, S.APPROVED),
    (S.REQUESTED, S.REJECTED),
    (S.APPROVED, S.ACTIVE),
    (S.APPROVED, S.CLOSED),
    (S.ACTIVE, S.SUSPENDED),
    (S.ACTIVE, S.CLOSED),
    (S.SUSPENDED, S.ACTIVE),
    (S.SUSPENDED, S.CLOSED),
}
ILLEGAL = sorted(set(itertools.product(S, S)) - LEGAL)

# Who legitimately performs each legal move (the requester is the technician TECH_A).
PERFORMER = {
    S.REQUESTED: TECH_A,
    S.APPROVED: SUPERVISOR,
    S.REJECTED: SUPERVISOR,
    S.ACTIVE: SUPERVISOR,
    S.SUSPENDED: TECH_A,
    S.CLOSED: TECH_A,
}


def test_transition_table() -> None:
    table = {(current, target) for current, targets in TRANSITIONS.items() for target in targets}
    assert table == LEGAL
    assert set(TRANSITIONS) == set(S)


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL))
def test_every_legal_transition_is_allowed(current: PermitStatus, target: PermitStatus) -> None:
    approved_by = None if current in (S.DRAFT, S.REQUESTED) else SUPERVISOR
    facts = permit(status=current, approved_by=approved_by)
    decision = check_transition(facts, target, PERFORMER[target], NOW)
    assert decision.allowed, decision.codes
    assert decision.code == "ok"


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_every_illegal_transition_is_refused(current: PermitStatus, target: PermitStatus) -> None:
    facts = permit(status=current, approved_by=SUPERVISOR)
    for actor in (TECH_A, SUPERVISOR, ADMIN):
        decision = check_transition(facts, target, actor, NOW)
        assert not decision.allowed
        assert decision.codes == (ILLEGAL_TRANSITION,)


def test_illegal_transition_message_names_both_states() -> None:
    decision = check_transition(permit(status=S.REJECTED), S.APPROVED, SUPERVISOR, NOW)
    assert decision.messages("es") == ["Un permiso en estado rechazado no puede pasar a aprobado."]
    assert decision.messages("en") == ["A permit in state rejected cannot move to approved."]


@pytest.mark.parametrize("terminal", [S.REJECTED, S.CLOSED])
def test_rejected_and_closed_are_terminal(terminal: PermitStatus) -> None:
    assert TRANSITIONS[terminal] == frozenset()
    for target in S:
        decision = check_transition(permit(status=terminal), target, ADMIN, NOW)
        assert decision.code == ILLEGAL_TRANSITION


# --- Request ------------------------------------------------------------------------


def test_only_the_drafter_requests() -> None:
    draft = permit(status=S.DRAFT)
    assert check_transition(draft, S.REQUESTED, TECH_A, NOW).allowed
    for other in (TECH_B, SUPERVISOR):
        decision = check_transition(draft, S.REQUESTED, other, NOW)
        assert not decision.allowed
        assert decision.codes == (NOT_REQUESTER,)


def test_an_expired_draft_cannot_be_requested() -> None:
    draft = permit(status=S.DRAFT, valid_from=NOW - timedelta(days=2), valid_to=NOW)
    decision = check_transition(draft, S.REQUESTED, TECH_A, NOW)
    assert decision.codes == (EXPIRED,)
    assert decision.messages("es") == ["El permiso venció el 2026-11-30 12:00 UTC."]
    assert decision.messages("en") == ["The permit expired on 2026-11-30 12:00 UTC."]


def test_a_draft_for_later_can_be_requested_now() -> None:
    draft = permit(
        status=S.DRAFT, valid_from=NOW + timedelta(days=1), valid_to=NOW + timedelta(days=2)
    )
    assert check_transition(draft, S.REQUESTED, TECH_A, NOW).allowed


@pytest.mark.parametrize("valid_to", [VALID_FROM, VALID_FROM - timedelta(minutes=1)])
def test_a_window_that_does_not_end_after_it_starts_is_refused(valid_to: datetime) -> None:
    draft = permit(status=S.DRAFT, valid_to=valid_to)
    decision = check_transition(draft, S.REQUESTED, TECH_A, NOW)
    assert decision.codes == (WINDOW_INVALID,)
    assert decision.messages("en") == ["The permit's validity must end after it starts."]


# --- Approval -----------------------------------------------------------------------


@pytest.mark.parametrize("level", [RiskLevel.HIGH, RiskLevel.EXTREME])
def test_high_and_extreme_permits_cannot_be_approved_by_their_requester(level: RiskLevel) -> None:
    facts = permit(level=level, requested_by=SUPERVISOR)
    decision = check_transition(facts, S.APPROVED, SUPERVISOR, NOW)
    assert not decision.allowed
    assert decision.codes == (SELF_APPROVAL,)
    # Another supervisor may.
    assert check_transition(facts, S.APPROVED, OTHER_SUPERVISOR, NOW).allowed


def test_self_approval_messages_name_the_level() -> None:
    high = check_transition(permit(requested_by=SUPERVISOR), S.APPROVED, SUPERVISOR, NOW)
    assert high.messages("es") == [
        "Un permiso de riesgo alto debe aprobarlo un supervisor distinto de quien lo solicitó."
    ]
    assert high.messages("en") == [
        "A high risk permit must be approved by a supervisor other than its requester."
    ]
    extreme = permit(level=RiskLevel.EXTREME, requested_by=SUPERVISOR)
    message = check_transition(extreme, S.APPROVED, SUPERVISOR, NOW).messages("es")[0]
    assert "riesgo extremo" in message


@pytest.mark.parametrize("level", [RiskLevel.LOW, RiskLevel.MEDIUM])
def test_a_supervisor_may_approve_their_own_low_or_medium_permit(level: RiskLevel) -> None:
    facts = permit(level=level, requested_by=SUPERVISOR)
    decision = check_transition(facts, S.APPROVED, SUPERVISOR, NOW)
    assert decision.allowed
    assert decision.code == "ok"


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (RiskLevel.LOW, False),
        (RiskLevel.MEDIUM, False),
        (RiskLevel.HIGH, True),
        (RiskLevel.EXTREME, True),
    ],
)
def test_needs_independent_approval(level: RiskLevel, expected: bool) -> None:
    assert needs_independent_approval(level) is expected


@pytest.mark.parametrize("level", list(RiskLevel))
@pytest.mark.parametrize("approver", [TECH_B, GUARD])
def test_technicians_and_guards_cannot_approve(level: RiskLevel, approver: Actor) -> None:
    decision = check_transition(permit(level=level), S.APPROVED, approver, NOW)
    assert not decision.allowed
    assert decision.codes == (ROLE_FORBIDDEN,)


def test_role_message_names_the_role() -> None:
    decision = check_transition(permit(), S.APPROVED, GUARD, NOW)
    assert decision.messages("es") == ["Su rol (guardia) no permite esta acción."]
    decision = check_transition(permit(), S.APPROVED, TECH_B, NOW)
    assert decision.messages("en") == ["Your role (technician) does not allow this action."]


def test_a_technician_approving_their_own_high_permit_gets_both_reasons() -> None:
    decision = check_transition(permit(requested_by=TECH_A), S.APPROVED, TECH_A, NOW)
    assert set(decision.codes) == {ROLE_FORBIDDEN, SELF_APPROVAL}


def test_an_admin_may_approve() -> None:
    assert check_transition(permit(level=RiskLevel.EXTREME), S.APPROVED, ADMIN, NOW).allowed


def test_an_expired_permit_cannot_be_approved() -> None:
    facts = permit(valid_from=NOW - timedelta(days=1), valid_to=NOW - timedelta(minutes=1))
    decision = check_transition(facts, S.APPROVED, SUPERVISOR, NOW)
    assert decision.codes == (EXPIRED,)


def test_a_permit_for_later_may_be_approved_ahead() -> None:
    facts = permit(valid_from=NOW + timedelta(hours=1), valid_to=NOW + timedelta(hours=9))
    assert check_transition(facts, S.APPROVED, SUPERVISOR, NOW).allowed


def test_approval_with_an_invalid_window_is_refused() -> None:
    facts = permit(valid_to=VALID_FROM)
    assert check_transition(facts, S.APPROVED, SUPERVISOR, NOW).codes == (WINDOW_INVALID,)


# --- Rejection ----------------------------------------------------------------------


def test_only_a_supervisor_rejects() -> None:
    assert check_transition(permit(), S.REJECTED, SUPERVISOR, NOW).allowed
    for actor in (TECH_A, TECH_B, GUARD):
        assert check_transition(permit(), S.REJECTED, actor, NOW).codes == (ROLE_FORBIDDEN,)


# --- Activation and resuming --------------------------------------------------------


def approved(**kwargs: object) -> PermitFacts:
    return replace(permit(status=S.APPROVED, approved_by=SUPERVISOR), **kwargs)  # type: ignore[arg-type]


def test_the_requester_activates_an_approved_permit_inside_its_window() -> None:
    assert check_transition(approved(), S.ACTIVE, TECH_A, NOW).allowed


def test_activation_before_the_window_is_refused() -> None:
    facts = approved(valid_from=NOW + timedelta(minutes=30), valid_to=NOW + timedelta(hours=8))
    decision = check_transition(facts, S.ACTIVE, TECH_A, NOW)
    assert decision.codes == (NOT_YET_VALID,)
    assert decision.messages("es") == ["El permiso rige desde el 2026-11-30 12:30 UTC."]
    assert decision.messages("en") == ["The permit is valid from 2026-11-30 12:30 UTC."]


def test_activation_at_the_window_edges() -> None:
    assert check_transition(approved(valid_from=NOW), S.ACTIVE, TECH_A, NOW).allowed
    assert check_transition(approved(valid_to=NOW), S.ACTIVE, TECH_A, NOW).codes == (EXPIRED,)


def test_activation_after_the_window_is_refused() -> None:
    later = VALID_TO + timedelta(minutes=1)
    assert check_transition(approved(), S.ACTIVE, TECH_A, later).codes == (EXPIRED,)


def test_activation_without_a_recorded_approval_is_refused() -> None:
    decision = check_transition(approved(approved_by=None), S.ACTIVE, TECH_A, NOW)
    assert decision.codes == (NOT_APPROVED,)
    assert decision.messages("en") == ["The permit has no recorded approval."]


def test_only_a_supervisor_resumes_a_suspended_permit() -> None:
    suspended = approved(status=S.SUSPENDED)
    assert check_transition(suspended, S.ACTIVE, SUPERVISOR, NOW).allowed
    for actor in (TECH_A, TECH_B, GUARD):
        assert check_transition(suspended, S.ACTIVE, actor, NOW).codes == (ROLE_FORBIDDEN,)


def test_an_expired_suspended_permit_cannot_resume() -> None:
    suspended = approved(status=S.SUSPENDED)
    decision = check_transition(suspended, S.ACTIVE, SUPERVISOR, VALID_TO)
    assert decision.codes == (EXPIRED,)


# --- Suspension and closing ---------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target"),
    [(S.ACTIVE, S.SUSPENDED), (S.ACTIVE, S.CLOSED), (S.DRAFT, S.CLOSED), (S.APPROVED, S.CLOSED)],
)
def test_the_requester_or_a_supervisor_suspends_and_closes(
    current: PermitStatus, target: PermitStatus
) -> None:
    facts = approved(status=current)
    assert check_transition(facts, target, TECH_A, NOW).allowed
    assert check_transition(facts, target, SUPERVISOR, NOW).allowed
    for actor in (TECH_B, GUARD):
        decision = check_transition(facts, target, actor, NOW)
        assert not decision.allowed
        assert decision.codes == (ROLE_FORBIDDEN,)


def test_an_active_permit_may_be_closed_after_it_expired() -> None:
    facts = approved(status=S.ACTIVE)
    assert check_transition(facts, S.CLOSED, TECH_A, VALID_TO + timedelta(days=1)).allowed


# --- check_permit_allows_work -------------------------------------------------------


def test_an_active_approved_permit_inside_its_window_allows_work() -> None:
    decision = check_permit_allows_work(approved(status=S.ACTIVE), NOW)
    assert decision.allowed
    assert decision.code == "ok"


@pytest.mark.parametrize("status", [s for s in S if s is not S.ACTIVE])
def test_only_an_active_permit_allows_work(status: PermitStatus) -> None:
    decision = check_permit_allows_work(approved(status=status), NOW)
    assert not decision.allowed
    assert decision.codes == (NOT_ACTIVE,)


def test_not_active_message_names_the_status() -> None:
    decision = check_permit_allows_work(approved(status=S.SUSPENDED), NOW)
    assert decision.messages("es") == [
        "El permiso está en estado suspendido; el trabajo requiere un permiso activo."
    ]
    assert decision.messages("en") == ["The permit is suspended; the work needs an active permit."]


def test_an_active_permit_without_approval_does_not_allow_work() -> None:
    decision = check_permit_allows_work(approved(status=S.ACTIVE, approved_by=None), NOW)
    assert decision.codes == (NOT_APPROVED,)


def test_an_expired_active_permit_does_not_allow_work() -> None:
    decision = check_permit_allows_work(approved(status=S.ACTIVE), VALID_TO)
    assert decision.codes == (EXPIRED,)
    assert decision.messages("en") == ["The permit expired on 2026-11-30 18:00 UTC."]


def test_an_active_permit_before_its_window_does_not_allow_work() -> None:
    decision = check_permit_allows_work(
        approved(status=S.ACTIVE), VALID_FROM - timedelta(seconds=1)
    )
    assert decision.codes == (NOT_YET_VALID,)


def test_an_active_permit_with_an_invalid_window_does_not_allow_work() -> None:
    facts = approved(status=S.ACTIVE, valid_to=VALID_FROM - timedelta(hours=1))
    assert check_permit_allows_work(facts, NOW).codes == (WINDOW_INVALID,)


# --- check_work_start ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("ticket_risk", "required_from"),
    [
        (None, RiskLevel.LOW),
        (RiskLevel.LOW, RiskLevel.HIGH),
        (RiskLevel.MEDIUM, RiskLevel.HIGH),
        (RiskLevel.HIGH, RiskLevel.EXTREME),
    ],
)
def test_work_below_the_threshold_starts_without_a_permit(
    ticket_risk: RiskLevel | None, required_from: RiskLevel
) -> None:
    decision = check_work_start(ticket_risk, required_from, None, NOW)
    assert decision.allowed
    assert decision.code == "ok"


@pytest.mark.parametrize(
    ("ticket_risk", "required_from"),
    [
        (RiskLevel.HIGH, RiskLevel.HIGH),
        (RiskLevel.EXTREME, RiskLevel.HIGH),
        (RiskLevel.LOW, RiskLevel.LOW),
        (RiskLevel.MEDIUM, RiskLevel.MEDIUM),
    ],
)
def test_work_at_or_above_the_threshold_needs_a_permit(
    ticket_risk: RiskLevel, required_from: RiskLevel
) -> None:
    decision = check_work_start(ticket_risk, required_from, None, NOW)
    assert not decision.allowed
    assert decision.codes == (REQUIRED,)
    # With an active approved permit it starts.
    allowed = check_work_start(ticket_risk, required_from, approved(status=S.ACTIVE), NOW)
    assert allowed.allowed


def test_permit_required_message_names_the_level() -> None:
    decision = check_work_start(RiskLevel.EXTREME, RiskLevel.HIGH, None, NOW)
    assert decision.messages("es") == [
        "El trabajo tiene riesgo extremo: necesita un permiso aprobado y activo."
    ]
    assert decision.messages("en") == [
        "The work has extreme risk: it needs an approved, active permit."
    ]


def test_work_above_the_threshold_with_a_permit_not_yet_active_cannot_start() -> None:
    decision = check_work_start(RiskLevel.HIGH, RiskLevel.HIGH, approved(), NOW)
    assert decision.codes == (NOT_ACTIVE,)


def test_work_above_the_threshold_with_an_expired_permit_cannot_start() -> None:
    decision = check_work_start(RiskLevel.HIGH, RiskLevel.HIGH, approved(status=S.ACTIVE), VALID_TO)
    assert decision.codes == (EXPIRED,)


def test_a_permit_is_not_checked_when_none_is_required() -> None:
    # A low-risk ticket with a stale permit attached still starts.
    decision = check_work_start(RiskLevel.LOW, RiskLevel.HIGH, approved(status=S.CLOSED), NOW)
    assert decision.allowed


def test_only_the_requester_or_a_supervisor_starts_an_approved_permit() -> None:
    approved = permit(S.APPROVED, requested_by=TECH_A, approved_by=SUPERVISOR)
    assert check_transition(approved, S.ACTIVE, TECH_A, NOW).allowed
    assert check_transition(approved, S.ACTIVE, SUPERVISOR, NOW).allowed
    refused = check_transition(approved, S.ACTIVE, TECH_B, NOW)
    assert refused.code == "auth.role_forbidden"
