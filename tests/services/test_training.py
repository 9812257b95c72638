"""Training use cases offline: open a module, hand in attempts, attempts and cool-down limits."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import QuizAttempt, UserTrainingProgress
from ker_field.services import training
from ker_field.store.tables import OutboxEntry
from sync.protocol import MutationName

INDUCTION = demo.demo_id("module", "induction")
INDUCTION_QUIZ = demo.demo_id("quiz", "induction")
HYDRAULIC_QUIZ = demo.demo_id("quiz", "hydraulic")
ELECTRICAL_QUIZ = demo.demo_id("quiz", "electrical")


def _progress(store, user, module):
    with store.sessions() as session:
        return session.scalar(
            select(UserTrainingProgress).where(
                UserTrainingProgress.user_id == user, UserTrainingProgress.module_id == module
            )
        )


def test_opening_a_module_marks_it_in_progress_once(ctx_for, demo_store):
    worker = ctx_for("tecnico2")
    view = training.start_module(worker, INDUCTION)
    assert view.status is TrainingStatus.IN_PROGRESS
    training.start_module(worker, INDUCTION)
    with demo_store.sessions() as session:
        names = [e.name for e in session.scalars(select(OutboxEntry))]
    assert names == [MutationName.TRAINING_START_MODULE]


def test_attempts_are_saved_and_queued_and_limited_offline(ctx_for, demo_store, clock):
    worker = ctx_for("tecnico2")
    answers = {"q1": False, "q2": 0}
    receipt = training.submit_quiz_attempt(worker, INDUCTION_QUIZ, answers, clock.now)
    assert receipt.pending_grading and receipt.attempts_used == 1
    with demo_store.sessions() as session:
        attempt = session.get(QuizAttempt, receipt.attempt_id)
        assert attempt.answers == answers and attempt.score is None
        queued = session.scalars(select(OutboxEntry)).one()
    assert queued.name == MutationName.TRAINING_SUBMIT_ATTEMPT
    assert queued.args["answers"] == answers
    training.submit_quiz_attempt(worker, INDUCTION_QUIZ, answers, clock.now)
    training.submit_quiz_attempt(worker, INDUCTION_QUIZ, answers, clock.now)
    with pytest.raises(RuleViolation) as exhausted:
        training.submit_quiz_attempt(worker, INDUCTION_QUIZ, answers, clock.now)
    assert exhausted.value.decision.code == "training.attempts_exhausted"
    assert _progress(demo_store, worker.actor.user_id, INDUCTION).attempts_count == 3


def test_failed_attempt_waits_for_the_cooldown(ctx_for, demo_store, clock):
    worker = ctx_for("tecnico2")
    training.submit_quiz_attempt(worker, INDUCTION_QUIZ, {"q1": True}, clock.now)
    with demo_store.transaction() as session:  # the server graded it as failed (arrived by sync)
        row = session.scalar(
            select(UserTrainingProgress).where(UserTrainingProgress.module_id == INDUCTION)
        )
        row.status, row.score = TrainingStatus.FAILED, 50
    clock.advance(hours=2)
    with pytest.raises(RuleViolation) as waiting:
        training.submit_quiz_attempt(worker, INDUCTION_QUIZ, {"q1": False}, clock.now)
    assert waiting.value.decision.code == "training.cooldown"
    clock.advance(hours=23)
    assert (
        training.submit_quiz_attempt(worker, INDUCTION_QUIZ, {"q1": False}, clock.now).attempts_used
        == 2
    )


def test_passed_module_is_not_retaken_but_an_expired_one_is(ctx_for, demo_store, clock):
    tech = ctx_for("tecnico")
    with pytest.raises(RuleViolation) as passed:
        training.submit_quiz_attempt(tech, ELECTRICAL_QUIZ, {"q1": False}, clock.now)
    assert passed.value.decision.code == "training.already_passed"
    receipt = training.submit_quiz_attempt(tech, HYDRAULIC_QUIZ, {"q1": False}, clock.now)
    assert receipt.attempts_used == 1  # retraining starts a fresh round
