"""Training use cases: open a module, hand in a quiz attempt offline (graded by the server)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import UserTrainingProgress
from ker_field.domain.operations import training as ops
from ker_field.domain.rules import training as rules
from ker_field.services.context import ServiceContext
from sync.protocol import MutationName, StartModuleArgs, SubmitAttemptArgs


@dataclass(frozen=True)
class ProgressView:
    module_id: uuid.UUID
    status: TrainingStatus
    attempts_count: int
    score: int | None
    certificate_number: str | None
    certificate_expires_at: datetime | None


def _progress_view(row: UserTrainingProgress, now: datetime) -> ProgressView:
    return ProgressView(
        module_id=row.module_id,
        status=rules.effective_status(ops.progress_facts(row), now),
        attempts_count=row.attempts_count,
        score=row.score,
        certificate_number=row.certificate_number,
        certificate_expires_at=row.certificate_expires_at,
    )


def start_module(ctx: ServiceContext, module_id: uuid.UUID) -> ProgressView:
    """Opening an assigned module marks it in progress (once)."""
    args = StartModuleArgs(module_id=module_id)
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        row, changed = ops.start_module(oc, **args.operation_kwargs())
        if changed:
            ctx.enqueue(session, MutationName.TRAINING_START_MODULE, args)
        session.flush()
        return _progress_view(row, oc.now)


@dataclass(frozen=True)
class AttemptReceipt:
    attempt_id: uuid.UUID
    module_id: uuid.UUID
    attempts_used: int
    max_attempts: int
    pending_grading: bool


def submit_quiz_attempt(
    ctx: ServiceContext, quiz_id: uuid.UUID, answers: dict[str, Any], started_at: datetime
) -> AttemptReceipt:
    """Hand in a quiz answered offline. The server grades it; the result arrives by sync."""
    args = SubmitAttemptArgs(
        id=uuid.uuid4(), quiz_id=quiz_id, answers=answers, started_at=started_at
    )
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        attempt, progress, module = ops.submit_attempt(oc, **args.operation_kwargs())
        if rules.effective_status(ops.progress_facts(progress), oc.now) is TrainingStatus.EXPIRED:
            progress.attempts_count = 0  # retraining starts a fresh round of attempts
        # Counted on the device so a worker cannot exceed the attempts while offline; the
        # server's grading replaces these values on the next pull.
        progress.attempts_count += 1
        progress.last_attempt_at = oc.now
        progress.status = TrainingStatus.IN_PROGRESS
        ctx.enqueue(session, MutationName.TRAINING_SUBMIT_ATTEMPT, args)
        return AttemptReceipt(
            attempt_id=attempt.id,
            module_id=module.id,
            attempts_used=progress.attempts_count,
            max_attempts=module.max_attempts,
            pending_grading=True,
        )
