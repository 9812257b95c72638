"""Training: certificates that gate LOTO, quiz attempts, cool-down, pass mark, grading, expiry."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from ker_field.domain.decision import Decision
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.rules.training import (
    ALREADY_PASSED,
    ATTEMPTS_EXHAUSTED,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_EXPIRING,
    CERTIFICATE_MISSING,
    COOLDOWN,
    SCORE_BELOW_PASS,
    SCORE_INVALID,
    ModuleFacts,
    ProgressFacts,
    add_months,
    certificate_expiry,
    check_attempt_allowed,
    check_certificates_for_category,
    check_pass,
    effective_status,
    grade_answers,
    grade_attempt,
    score_percent,
)
from tests.domain.rules.conftest import NOW

T = TrainingStatus

LOTO_MODULE = ModuleFacts(
    id=uuid.UUID(int=0x31),
    title="LOTO eléctrico",
    min_score_to_pass=80,
    max_attempts=3,
    cooldown_hours=24,
    validity_months=12,
)
ARC_MODULE = ModuleFacts(
    id=uuid.UUID(int=0x32),
    title="Arco eléctrico",
    min_score_to_pass=80,
    max_attempts=3,
    cooldown_hours=24,
    validity_months=12,
)


def passed(expires_at: datetime | None, passed_at: datetime | None = None) -> ProgressFacts:
    return ProgressFacts(
        status=T.PASSED,
        attempts_count=1,
        last_attempt_at=passed_at or NOW - timedelta(days=100),
        passed_at=passed_at or NOW - timedelta(days=100),
        certificate_expires_at=expires_at,
    )


def failed(attempts: int, last_attempt_at: datetime) -> ProgressFacts:
    return ProgressFacts(
        status=T.FAILED,
        attempts_count=attempts,
        last_attempt_at=last_attempt_at,
        passed_at=None,
        certificate_expires_at=None,
    )


def certificates(
    progress: ProgressFacts | None, modules: tuple[ModuleFacts, ...] = (LOTO_MODULE,)
) -> Decision:
    by_module = {} if progress is None else {LOTO_MODULE.id: progress}
    return check_certificates_for_category("electrical", modules, by_module, NOW)


# --- Certificates for an asset category ---------------------------------------------


def test_a_valid_certificate_allows_loto() -> None:
    decision = certificates(passed(NOW + timedelta(days=200)))
    assert decision.allowed
    assert decision.code == "ok"
    assert decision.warnings == ()


def test_a_certificate_without_expiry_never_expires() -> None:
    decision = certificates(passed(None))
    assert decision.allowed
    assert decision.warnings == ()


def test_no_certificate_is_refused() -> None:
    decision = certificates(None)
    assert not decision.allowed
    assert decision.codes == (CERTIFICATE_MISSING,)
    assert decision.messages("es") == [
        "Falta el certificado vigente de «LOTO eléctrico», exigido para equipos de categoría electrical."
    ]
    assert decision.messages("en") == [
        "A valid certificate of 'LOTO eléctrico' is required for electrical equipment."
    ]


@pytest.mark.parametrize("status", [T.ASSIGNED, T.IN_PROGRESS, T.FAILED])
def test_training_not_passed_is_refused(status: TrainingStatus) -> None:
    progress = ProgressFacts(status, 1, NOW - timedelta(days=1), None, None)
    assert certificates(progress).codes == (CERTIFICATE_MISSING,)


@pytest.mark.parametrize("expired_ago", [timedelta(0), timedelta(seconds=1), timedelta(days=40)])
def test_an_expired_certificate_is_refused(expired_ago: timedelta) -> None:
    expires_at = NOW - expired_ago
    decision = certificates(passed(expires_at))
    assert not decision.allowed
    assert decision.codes == (CERTIFICATE_EXPIRED,)
    assert decision.messages("en") == [
        f"The certificate of 'LOTO eléctrico' expired on {expires_at:%Y-%m-%d}: "
        "retraining is required."
    ]


def test_a_certificate_stored_as_expired_is_refused() -> None:
    progress = ProgressFacts(
        T.EXPIRED,
        1,
        NOW - timedelta(days=400),
        NOW - timedelta(days=400),
        datetime(2026, 11, 1, tzinfo=UTC),
    )
    decision = certificates(progress)
    assert decision.codes == (CERTIFICATE_EXPIRED,)
    assert decision.messages("es") == [
        "El certificado de «LOTO eléctrico» venció el 2026-11-01: debe volver a capacitarse."
    ]


@pytest.mark.parametrize("left", [timedelta(seconds=1), timedelta(days=10), timedelta(days=30)])
def test_a_certificate_expiring_within_30_days_warns(left: timedelta) -> None:
    decision = certificates(passed(NOW + left))
    assert decision.allowed
    assert [w.code for w in decision.warnings] == [CERTIFICATE_EXPIRING]
    assert decision.warnings[0].message_en == (
        f"The certificate of 'LOTO eléctrico' expires on {NOW + left:%Y-%m-%d}."
    )


def test_a_certificate_with_more_than_30_days_left_does_not_warn() -> None:
    decision = certificates(passed(NOW + timedelta(days=30, seconds=1)))
    assert decision.allowed
    assert decision.warnings == ()


def test_every_required_module_is_checked() -> None:
    decision = certificates(passed(NOW + timedelta(days=10)), modules=(LOTO_MODULE, ARC_MODULE))
    assert not decision.allowed
    assert decision.codes == (CERTIFICATE_MISSING,)
    assert "Arco eléctrico" in decision.messages("es")[0]
    # The warning about the other module is kept.
    assert [w.code for w in decision.warnings] == [CERTIFICATE_EXPIRING]


def test_a_category_without_required_training_is_open() -> None:
    assert certificates(None, modules=()).allowed


def test_effective_status() -> None:
    assert effective_status(None, NOW) is T.ASSIGNED
    assert effective_status(passed(NOW + timedelta(seconds=1)), NOW) is T.PASSED
    assert effective_status(passed(NOW), NOW) is T.EXPIRED
    assert effective_status(passed(None), NOW) is T.PASSED
    assert effective_status(failed(1, NOW), NOW) is T.FAILED


# --- May the worker attempt the quiz? -----------------------------------------------


def test_a_first_attempt_is_allowed() -> None:
    assert check_attempt_allowed(LOTO_MODULE, None, NOW).allowed
    assigned = ProgressFacts(T.ASSIGNED, 0, None, None, None)
    assert check_attempt_allowed(LOTO_MODULE, assigned, NOW).allowed


def test_attempts_exhausted() -> None:
    decision = check_attempt_allowed(LOTO_MODULE, failed(3, NOW - timedelta(days=5)), NOW)
    assert not decision.allowed
    assert decision.codes == (ATTEMPTS_EXHAUSTED,)
    assert decision.messages("es") == [
        "Ya usó los 3 intentos de este cuestionario; pida a su supervisor que lo reasigne."
    ]
    assert decision.messages("en") == [
        "You have used all 3 attempts of this quiz; ask your supervisor to reassign it."
    ]


def test_the_last_attempt_is_allowed() -> None:
    assert check_attempt_allowed(LOTO_MODULE, failed(2, NOW - timedelta(days=5)), NOW).allowed


def test_cooldown_after_a_fail() -> None:
    decision = check_attempt_allowed(LOTO_MODULE, failed(1, NOW - timedelta(hours=2)), NOW)
    assert not decision.allowed
    assert decision.codes == (COOLDOWN,)
    assert decision.messages("es") == ["Podrá intentar de nuevo desde el 2026-12-01 10:00 UTC."]
    assert decision.messages("en") == ["You can try again from 2026-12-01 10:00 UTC."]


def test_the_cooldown_ends_after_the_configured_hours() -> None:
    progress = failed(1, NOW - timedelta(hours=24))
    assert check_attempt_allowed(LOTO_MODULE, progress, NOW).allowed
    just_before = NOW - timedelta(seconds=1)
    assert check_attempt_allowed(LOTO_MODULE, progress, just_before).codes == (COOLDOWN,)


def test_no_cooldown_when_the_module_has_none() -> None:
    module = ModuleFacts(LOTO_MODULE.id, "Quiz", 80, 3, cooldown_hours=0, validity_months=12)
    assert check_attempt_allowed(module, failed(1, NOW), NOW).allowed


def test_no_cooldown_while_an_attempt_is_in_progress() -> None:
    progress = ProgressFacts(T.IN_PROGRESS, 1, NOW - timedelta(minutes=5), None, None)
    assert check_attempt_allowed(LOTO_MODULE, progress, NOW).allowed


def test_a_valid_certificate_needs_no_more_attempts() -> None:
    decision = check_attempt_allowed(LOTO_MODULE, passed(NOW + timedelta(days=100)), NOW)
    assert decision.codes == (ALREADY_PASSED,)
    assert decision.messages("en") == [
        "You already passed this module and your certificate is valid."
    ]


def test_an_expired_certificate_allows_retraining() -> None:
    progress = ProgressFacts(
        T.PASSED,
        attempts_count=3,  # would be exhausted if the count carried over
        last_attempt_at=NOW - timedelta(hours=1),
        passed_at=NOW - timedelta(days=365),
        certificate_expires_at=NOW - timedelta(hours=1),
    )
    assert check_attempt_allowed(LOTO_MODULE, progress, NOW).allowed
    decision, outcome = grade_attempt(LOTO_MODULE, progress, 50, NOW)
    assert decision.allowed
    assert outcome is not None
    assert outcome.attempts_count == 1  # a fresh round of attempts
    assert outcome.status is T.FAILED


# --- Pass mark and score ------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "allowed"), [(79, False), (80, True), (81, True), (100, True), (0, False)]
)
def test_check_pass_boundaries(score: int, allowed: bool) -> None:
    decision = check_pass(score, 80)
    assert decision.allowed is allowed
    assert decision.code == ("ok" if allowed else SCORE_BELOW_PASS)


def test_below_pass_message() -> None:
    decision = check_pass(79, 80)
    assert decision.messages("es") == ["Puntaje 79%: se necesita 80% para aprobar."]
    assert decision.messages("en") == ["Score 79%: 80% is needed to pass."]


@pytest.mark.parametrize("score", [-1, 101, 1000])
def test_a_score_outside_0_to_100_is_invalid(score: int) -> None:
    decision = check_pass(score, 80)
    assert decision.codes == (SCORE_INVALID,)
    assert decision.messages("en") == [f"The score must be between 0 and 100 (got {score})."]


@pytest.mark.parametrize(
    ("correct", "total", "percent"),
    [
        (4, 5, 80),
        (7, 9, 77),  # 77.7 rounds down
        (399, 500, 79),  # 79.8 rounds down: not a pass at 80
        (2, 3, 66),
        (0, 3, 0),
        (3, 3, 100),
    ],
)
def test_score_percent_rounds_down(correct: int, total: int, percent: int) -> None:
    assert score_percent(correct, total) == percent


def test_a_true_80_percent_is_needed() -> None:
    assert not check_pass(score_percent(399, 500), 80).allowed
    assert check_pass(score_percent(400, 500), 80).allowed


@pytest.mark.parametrize(("correct", "total"), [(0, 0), (1, 0), (-1, 5), (6, 5)])
def test_score_percent_refuses_impossible_counts(correct: int, total: int) -> None:
    with pytest.raises(ValueError, match=r"question|out of range"):
        score_percent(correct, total)


# --- Grading ------------------------------------------------------------------------


def test_a_first_passing_attempt_issues_a_certificate() -> None:
    decision, outcome = grade_attempt(LOTO_MODULE, None, 85, NOW)
    assert decision.allowed
    assert outcome is not None
    assert outcome.status is T.PASSED
    assert outcome.attempts_count == 1
    assert outcome.score == 85
    assert outcome.passed_at == NOW
    assert outcome.certificate_expires_at == datetime(2027, 11, 30, 12, tzinfo=UTC)


def test_a_failing_attempt_counts_and_issues_nothing() -> None:
    decision, outcome = grade_attempt(LOTO_MODULE, failed(1, NOW - timedelta(days=2)), 79, NOW)
    assert decision.allowed
    assert outcome is not None
    assert outcome.status is T.FAILED
    assert outcome.attempts_count == 2
    assert outcome.score == 79
    assert outcome.passed_at is None
    assert outcome.certificate_expires_at is None


def test_the_certificate_expiry_is_clamped_to_the_end_of_a_short_month() -> None:
    module = ModuleFacts(LOTO_MODULE.id, "Quiz", 80, 3, 24, validity_months=1)
    when = datetime(2026, 1, 31, 9, 30, tzinfo=UTC)
    _, outcome = grade_attempt(module, None, 90, when)
    assert outcome is not None
    assert outcome.certificate_expires_at == datetime(2026, 2, 28, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime(2026, 1, 31, tzinfo=UTC), 1, datetime(2026, 2, 28, tzinfo=UTC)),
        (datetime(2028, 1, 31, tzinfo=UTC), 1, datetime(2028, 2, 29, tzinfo=UTC)),  # leap year
        (datetime(2026, 12, 15, tzinfo=UTC), 1, datetime(2027, 1, 15, tzinfo=UTC)),
        (datetime(2026, 11, 30, 12, tzinfo=UTC), 12, datetime(2027, 11, 30, 12, tzinfo=UTC)),
        (datetime(2028, 2, 29, tzinfo=UTC), 12, datetime(2029, 2, 28, tzinfo=UTC)),
        (datetime(2026, 3, 31, tzinfo=UTC), 25, datetime(2028, 4, 30, tzinfo=UTC)),
        (datetime(2026, 5, 10, tzinfo=UTC), 0, datetime(2026, 5, 10, tzinfo=UTC)),
    ],
)
def test_add_months(start: datetime, months: int, expected: datetime) -> None:
    assert add_months(start, months) == expected
    assert certificate_expiry(start, months) == expected


def test_grading_is_refused_during_the_cooldown() -> None:
    decision, outcome = grade_attempt(LOTO_MODULE, failed(1, NOW - timedelta(hours=1)), 100, NOW)
    assert decision.codes == (COOLDOWN,)
    assert outcome is None


def test_grading_is_refused_when_attempts_are_exhausted() -> None:
    decision, outcome = grade_attempt(LOTO_MODULE, failed(3, NOW - timedelta(days=3)), 100, NOW)
    assert decision.codes == (ATTEMPTS_EXHAUSTED,)
    assert outcome is None


def test_grading_is_refused_with_a_valid_certificate() -> None:
    decision, outcome = grade_attempt(LOTO_MODULE, passed(NOW + timedelta(days=90)), 100, NOW)
    assert decision.codes == (ALREADY_PASSED,)
    assert outcome is None


@pytest.mark.parametrize("score", [-5, 101])
def test_grading_refuses_an_invalid_score(score: int) -> None:
    decision, outcome = grade_attempt(LOTO_MODULE, None, score, NOW)
    assert decision.codes == (SCORE_INVALID,)
    assert outcome is None


def test_grading_a_retraining_pass_issues_a_new_certificate() -> None:
    old = passed(NOW - timedelta(days=1), passed_at=NOW - timedelta(days=366))
    decision, outcome = grade_attempt(LOTO_MODULE, old, 95, NOW)
    assert decision.allowed
    assert outcome is not None
    assert outcome.status is T.PASSED
    assert outcome.attempts_count == 1
    assert outcome.certificate_expires_at == datetime(2027, 11, 30, 12, tzinfo=UTC)


# --- Grading answers against the key -------------------------------------------------

KEY = {"q1": "b", "q2": ["a", "c"], "q3": True}


def test_all_answers_right() -> None:
    assert grade_answers(KEY, {"q1": "b", "q2": ["a", "c"], "q3": True}) == (3, 3)


def test_a_multiple_choice_answer_is_order_insensitive_but_must_be_complete() -> None:
    assert grade_answers(KEY, {"q1": "b", "q2": ("c", "a"), "q3": True}) == (3, 3)
    assert grade_answers(KEY, {"q1": "b", "q2": ["a"], "q3": True}) == (2, 3)
    assert grade_answers(KEY, {"q1": "b", "q2": ["a", "b", "c"], "q3": True}) == (2, 3)


def test_missing_and_extra_answers() -> None:
    assert grade_answers(KEY, {"q1": "b"}) == (1, 3)
    assert grade_answers(KEY, {}) == (0, 3)
    assert grade_answers(KEY, {"q1": "b", "q9": "x"}) == (
        1,
        3,
    )  # unknown questions count for nothing


def test_a_wrong_single_answer() -> None:
    assert grade_answers(KEY, {"q1": "c", "q2": ["a", "c"], "q3": False}) == (1, 3)


def test_grading_answers_feeds_the_pass_mark() -> None:
    key = {f"q{i}": "a" for i in range(5)}
    four_right = {**key, "q4": "b"}
    assert check_pass(score_percent(*grade_answers(key, four_right)), 80).allowed
    three_right = {**four_right, "q3": "b"}
    assert check_pass(score_percent(*grade_answers(key, three_right)), 80).code == SCORE_BELOW_PASS
