"""Training use cases: open a module, submit a quiz attempt offline, the certificate gate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import (
    QuizAttempt,
    TrainingModule,
    TrainingQuiz,
    UserTrainingProgress,
)
from ker_field.domain.rules import training as rules
from ker_field.domain.scopes import user_scope
from ker_field.services.context import ServiceContext, get_or_raise, require, wire
from sync.protocol import MutationName


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


def _progress(
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
        row = _progress(session, user_id, module.id)
        if row is not None:
            progress[module.id] = progress_facts(row)
    return rules.check_certificates_for_category(
        category, [module_facts(m) for m in modules], progress, now
    )


@dataclass(frozen=True)
class ProgressView:
    module_id: uuid.UUID
    status: TrainingStatus
    attempts_count: int
    score: int | None
    certificate_number: str | None
    certificate_expires_at: datetime | None


def _progress_view(module_id: uuid.UUID, row: UserTrainingProgress, now: datetime) -> ProgressView:
    return ProgressView(
        module_id=module_id,
        status=rules.effective_status(progress_facts(row), now),
        attempts_count=row.attempts_count,
        score=row.score,
        certificate_number=row.certificate_number,
        certificate_expires_at=row.certificate_expires_at,
    )


def start_module(ctx: ServiceContext, module_id: uuid.UUID) -> ProgressView:
    """Opening an assigned (or failed, or expired) module marks it in progress."""
    now = ctx.now()
    user_id = ctx.actor.user_id
    with ctx.store.transaction() as session:
        module = get_or_raise(session, TrainingModule, module_id)
        row = _progress(session, user_id, module_id)
        if row is None:
            row = UserTrainingProgress(
                tenant_id=module.tenant_id,
                scope=user_scope(user_id),
                user_id=user_id,
                module_id=module_id,
                status=TrainingStatus.ASSIGNED,
                attempts_count=0,
                assigned_at=now,
            )
            session.add(row)
        if rules.effective_status(progress_facts(row), now) is TrainingStatus.ASSIGNED:
            row.status = TrainingStatus.IN_PROGRESS
            row.started_at = now
            ctx.enqueue(
                session,
                MutationName.TRAINING_START_MODULE,
                {"progress_id": wire(row.id), "module_id": wire(module_id)},
                base_version=row.version,
            )
        session.flush()
        return _progress_view(module_id, row, now)


@dataclass(frozen=True)
class AttemptReceipt:
    attempt_id: uuid.UUID
    module_id: uuid.UUID
    attempts_used: int
    max_attempts: int
    pending_grading: bool


def submit_quiz_attempt(
    ctx: ServiceContext,
    quiz_id: uuid.UUID,
    answers: dict[str, Any],
    started_at: datetime,
) -> AttemptReceipt:
    """Hand in a quiz answered offline. The server grades it; the result arrives by sync."""
    now = ctx.now()
    user_id = ctx.actor.user_id
    with ctx.store.transaction() as session:
        quiz = get_or_raise(session, TrainingQuiz, quiz_id)
        module = get_or_raise(session, TrainingModule, quiz.module_id)
        row = _progress(session, user_id, module.id)
        require(
            rules.check_attempt_allowed(
                module_facts(module), progress_facts(row) if row else None, now
            )
        )
        if row is None:
            row = UserTrainingProgress(
                tenant_id=module.tenant_id,
                scope=user_scope(user_id),
                user_id=user_id,
                module_id=module.id,
                status=TrainingStatus.IN_PROGRESS,
                attempts_count=0,
                assigned_at=now,
                started_at=started_at,
            )
            session.add(row)
        elif rules.effective_status(progress_facts(row), now) is TrainingStatus.EXPIRED:
            row.attempts_count = 0  # retraining starts a fresh round of attempts
        # Counted locally so the worker cannot exceed the attempts while offline;
        # the server's grading answer replaces these values on the next pull.
        row.attempts_count += 1
        row.last_attempt_at = now
        row.status = TrainingStatus.IN_PROGRESS
        attempt = QuizAttempt(
            tenant_id=module.tenant_id,
            scope=user_scope(user_id),
            user_id=user_id,
            quiz_id=quiz.id,
            module_id=module.id,
            answers=answers,
            started_at=started_at,
            submitted_at=now,
        )
        session.add(attempt)
        session.flush()
        ctx.enqueue(
            session,
            MutationName.TRAINING_SUBMIT_ATTEMPT,
            {
                "id": wire(attempt.id),
                "quiz_id": wire(quiz.id),
                "module_id": wire(module.id),
                "answers": answers,
                "started_at": wire(started_at),
            },
        )
        return AttemptReceipt(
            attempt_id=attempt.id,
            module_id=module.id,
            attempts_used=row.attempts_count,
            max_attempts=module.max_attempts,
            pending_grading=True,
        )
