"""Training: certificates gate LOTO per asset category; attempts, cool-down, pass mark, expiry."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from ker_field.domain.decision import Decision, Reason, check, define, reason
from ker_field.domain.enums import TrainingStatus

EXPIRY_WARNING_DAYS = 30

CERTIFICATE_MISSING = define(
    "training.certificate_missing",
    es="Falta el certificado vigente de «{module}», exigido para equipos de categoría {category}.",
    en="A valid certificate of '{module}' is required for {category} equipment.",
)
CERTIFICATE_EXPIRED = define(
    "training.certificate_expired",
    es="El certificado de «{module}» venció el {expired_on}: debe volver a capacitarse.",
    en="The certificate of '{module}' expired on {expired_on}: retraining is required.",
)
CERTIFICATE_EXPIRING = define(
    "training.certificate_expiring",
    es="El certificado de «{module}» vence el {expires_on}.",
    en="The certificate of '{module}' expires on {expires_on}.",
)
ATTEMPTS_EXHAUSTED = define(
    "training.attempts_exhausted",
    es="Ya usó los {max_attempts} intentos de este cuestionario; pida a su supervisor que lo reasigne.",
    en="You have used all {max_attempts} attempts of this quiz; ask your supervisor to reassign it.",
)
COOLDOWN = define(
    "training.cooldown",
    es="Podrá intentar de nuevo desde el {next_at}.",
    en="You can try again from {next_at}.",
)
ALREADY_PASSED = define(
    "training.already_passed",
    es="Ya aprobó este módulo y su certificado está vigente.",
    en="You already passed this module and your certificate is valid.",
)
SCORE_BELOW_PASS = define(
    "training.score_below_pass",
    es="Puntaje {score}%: se necesita {min_score}% para aprobar.",
    en="Score {score}%: {min_score}% is needed to pass.",
)
SCORE_INVALID = define(
    "training.score_invalid",
    es="El puntaje debe estar entre 0 y 100 (recibido {score}).",
    en="The score must be between 0 and 100 (got {score}).",
)


@dataclass(frozen=True)
class ModuleFacts:
    id: uuid.UUID
    title: str
    min_score_to_pass: int
    max_attempts: int
    cooldown_hours: int
    validity_months: int


@dataclass(frozen=True)
class ProgressFacts:
    status: TrainingStatus
    attempts_count: int
    last_attempt_at: datetime | None
    passed_at: datetime | None
    certificate_expires_at: datetime | None


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def certificate_expiry(passed_at: datetime, validity_months: int) -> datetime:
    return add_months(passed_at, validity_months)


def effective_status(progress: ProgressFacts | None, now: datetime) -> TrainingStatus:
    """PASSED turns EXPIRED when the certificate's expiry has passed."""
    if progress is None:
        return TrainingStatus.ASSIGNED
    if (
        progress.status is TrainingStatus.PASSED
        and progress.certificate_expires_at is not None
        and progress.certificate_expires_at <= now
    ):
        return TrainingStatus.EXPIRED
    return progress.status


def _day(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d}"


def check_certificates_for_category(
    category: str,
    required_modules: Iterable[ModuleFacts],
    progress_by_module: Mapping[uuid.UUID, ProgressFacts],
    now: datetime,
) -> Decision:
    """Every module required for ``category`` needs a PASSED, unexpired certificate."""
    refusals: list[Reason] = []
    warnings: list[Reason] = []
    for module in required_modules:
        progress = progress_by_module.get(module.id)
        status = effective_status(progress, now)
        if status is TrainingStatus.EXPIRED:
            assert progress is not None
            assert progress.certificate_expires_at is not None
            refusals.append(
                reason(
                    CERTIFICATE_EXPIRED,
                    module=module.title,
                    expired_on=_day(progress.certificate_expires_at),
                )
            )
        elif status is not TrainingStatus.PASSED:
            refusals.append(reason(CERTIFICATE_MISSING, module=module.title, category=category))
        else:
            assert progress is not None
            expires = progress.certificate_expires_at
            if expires is not None and expires - now <= timedelta(days=EXPIRY_WARNING_DAYS):
                warnings.append(
                    reason(CERTIFICATE_EXPIRING, module=module.title, expires_on=_day(expires))
                )
    return Decision(tuple(refusals), tuple(warnings))


def check_attempt_allowed(
    module: ModuleFacts, progress: ProgressFacts | None, now: datetime
) -> Decision:
    """May the worker start (or submit) another attempt of the module's quiz now?"""
    if progress is None:
        return Decision()
    status = effective_status(progress, now)
    if status is TrainingStatus.PASSED:
        return check(False, ALREADY_PASSED)
    if status is TrainingStatus.EXPIRED:
        return Decision()  # retraining: a fresh round of attempts
    if progress.attempts_count >= module.max_attempts:
        return check(False, ATTEMPTS_EXHAUSTED, max_attempts=module.max_attempts)
    if progress.last_attempt_at is not None and module.cooldown_hours > 0:
        next_at = progress.last_attempt_at + timedelta(hours=module.cooldown_hours)
        if status is TrainingStatus.FAILED and now < next_at:
            return check(False, COOLDOWN, next_at=f"{next_at:%Y-%m-%d %H:%M} UTC")
    return Decision()


def check_pass(score: int, min_score_to_pass: int) -> Decision:
    if not 0 <= score <= 100:
        return check(False, SCORE_INVALID, score=score)
    return check(
        score >= min_score_to_pass, SCORE_BELOW_PASS, score=score, min_score=min_score_to_pass
    )


def score_percent(correct: int, total: int) -> int:
    """Whole percent, rounded down (a pass mark of 80 needs a true 80%)."""
    if total <= 0:
        raise ValueError("a quiz needs at least one question")
    if not 0 <= correct <= total:
        raise ValueError("correct answers out of range")
    return correct * 100 // total


@dataclass(frozen=True)
class GradeOutcome:
    """What grading an attempt does to a worker's progress (the server applies it)."""

    status: TrainingStatus
    attempts_count: int
    score: int
    passed_at: datetime | None
    certificate_expires_at: datetime | None


def grade_attempt(
    module: ModuleFacts, progress: ProgressFacts | None, score: int, now: datetime
) -> tuple[Decision, GradeOutcome | None]:
    """Apply one graded attempt: refused if not allowed; else the new progress."""
    allowed = check_attempt_allowed(module, progress, now)
    if not 0 <= score <= 100:
        allowed = allowed & check(False, SCORE_INVALID, score=score)
    if not allowed.allowed:
        return allowed, None
    retraining = progress is not None and effective_status(progress, now) is TrainingStatus.EXPIRED
    attempts = 1 if progress is None or retraining else progress.attempts_count + 1
    passed = check_pass(score, module.min_score_to_pass).allowed
    return Decision(), GradeOutcome(
        status=TrainingStatus.PASSED if passed else TrainingStatus.FAILED,
        attempts_count=attempts,
        score=score,
        passed_at=now if passed else None,
        certificate_expires_at=certificate_expiry(now, module.validity_months) if passed else None,
    )


def _normal_answer(value: object) -> object:
    if isinstance(value, list | tuple | set):
        return sorted(str(v) for v in value)
    return value


def grade_answers(key: Mapping[str, object], answers: Mapping[str, object]) -> tuple[int, int]:
    """(correct, total) against the answer key; a multiple-choice answer must match exactly."""
    correct = sum(
        1
        for question, expected in key.items()
        if question in answers and _normal_answer(answers[question]) == _normal_answer(expected)
    )
    return correct, len(key)
