"""Training operations and facts: the certificate gate, opening a module, handing in a quiz."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import QuizAttempt, TrainingModule, TrainingQuiz, UserTrainingProgress
from ker_field.domain.operations import OpContext, get_or_raise, require
from ker_field.domain.rules import training as rules
from ker_field.domain.scopes import user_scope


def module_facts(module: TrainingModule) -> rules.ModuleFacts:
    return rules.ModuleFacts(
        id=module.id,
        title=module.title,
        min_score_to_pass=module.min_score_to_pass,
        max_attempts=module.max_attempts,
        cooldown_hours=module.cooldown_hours,
        validity_months=module.validity_months,
    )


def progress_facts(progress: UserTrainingProgress) -> rules.ProgressFacts:
    return rules.ProgressFacts(
        status=progress.status,
        attempts_count=progress.attempts_count,
        last_attempt_at=progress.last_attempt_at,
        passed_at=progress.passed_at,
        certificate_expires_at=progress.certificate_expires_at,
    )


def find_progress(
    session: Session, user_id: uuid.UUID, module_id: uuid.UUID
) -> UserTrainingProgress | None:
    return session.scalar(
        select(UserTrainingProgress).where(
            UserTrainingProgress.user_id == user_id,
            UserTrainingProgress.module_id == module_id,
            UserTrainingProgress.deleted.is_(False),
        )
    )


def certificates_for_category(
    session: Session, tenant_id: uuid.UUID, category: str, user_id: uuid.UUID, now: datetime
) -> Decision:
    """Does ``user_id`` hold a valid certificate of every module required for ``category``?"""
    modules = list(
        session.scalars(
            select(TrainingModule).where(
                TrainingModule.tenant_id == tenant_id,
                TrainingModule.required_for_asset_category == category,
                TrainingModule.deleted.is_(False),
            )
        )
    )
    progress = {}
    for module in modules:
        row = find_progress(session, user_id, module.id)
        if row is not None:
            progress[module.id] = progress_facts(row)
    return rules.check_certificates_for_category(
        category, [module_facts(m) for m in modules], progress, now
    )


PROGRESS_NAMESPACE = uuid.UUID("0b7d8a52-58f4-4f0e-9d3c-6f3a3f2c9e41")


def progress_id(user_id: uuid.UUID, module_id: uuid.UUID) -> uuid.UUID:
    """One progress row per person and module, with the same id wherever it is made (a
    device offline and the server), so the pulled row lands on the local one."""
    return uuid.uuid5(PROGRESS_NAMESPACE, f"{user_id}/{module_id}")


def ensure_progress(oc: OpContext, module: TrainingModule) -> UserTrainingProgress:
    user_id = oc.actor.user_id
    row = find_progress(oc.session, user_id, module.id)
    if row is None:
        row = UserTrainingProgress(
            id=progress_id(user_id, module.id),
            tenant_id=module.tenant_id,
            scope=user_scope(user_id),
            user_id=user_id,
            module_id=module.id,
            status=TrainingStatus.ASSIGNED,
            attempts_count=0,
            assigned_at=oc.now,
        )
        oc.session.add(row)
    return row


def start_module(oc: OpContext, *, module_id: uuid.UUID) -> tuple[UserTrainingProgress, bool]:
    """Opening an assigned module marks it in progress; returns (progress, changed).
    An expired certificate re-assigns its module: opening it starts the retraining with a
    fresh round of attempts (the expired certificate stays on record at the server)."""
    module = get_or_raise(oc.session, TrainingModule, module_id)
    row = ensure_progress(oc, module)
    status = rules.effective_status(progress_facts(row), oc.now)
    if status is TrainingStatus.EXPIRED:
        row.attempts_count = 0
    elif status is not TrainingStatus.ASSIGNED:
        return row, False
    row.status = TrainingStatus.IN_PROGRESS
    row.started_at = oc.now
    return row, True


def submit_attempt(
    oc: OpContext,
    *,
    id: uuid.UUID,
    quiz_id: uuid.UUID,
    answers: dict[str, Any],
    started_at: datetime,
) -> tuple[QuizAttempt, UserTrainingProgress, TrainingModule]:
    """Hand in an attempt if the module allows another one now (grading is the server's)."""
    quiz = get_or_raise(oc.session, TrainingQuiz, quiz_id)
    module = get_or_raise(oc.session, TrainingModule, quiz.module_id)
    row = find_progress(oc.session, oc.actor.user_id, module.id)
    require(
        rules.check_attempt_allowed(
            module_facts(module), progress_facts(row) if row else None, oc.now
        )
    )
    row = ensure_progress(oc, module)
    attempt = QuizAttempt(
        id=id,
        tenant_id=module.tenant_id,
        scope=user_scope(oc.actor.user_id),
        user_id=oc.actor.user_id,
        quiz_id=quiz.id,
        module_id=module.id,
        answers=answers,
        started_at=started_at,
        submitted_at=oc.now,
    )
    oc.session.add(attempt)
    return attempt, row, module
