"""Training (LMS): TrainingModule, TrainingQuiz, UserTrainingProgress, QuizAttempt."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ker_field.domain.enums import ContentType, TrainingStatus
from ker_field.domain.models.base import Base, TenantOwned, enum_type
from ker_field.domain.models.core import User


class TrainingModule(TenantOwned, Base):
    __tablename__ = "training_module"

    title: Mapped[str]
    description: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[ContentType] = mapped_column(enum_type(ContentType))
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    content_size: Mapped[int | None]
    # A PASSED, unexpired certificate of this module unlocks LOTO on assets of this category.
    required_for_asset_category: Mapped[str | None] = mapped_column(String(64), index=True)
    min_score_to_pass: Mapped[int] = mapped_column(default=80)  # percent
    max_attempts: Mapped[int] = mapped_column(default=3)
    cooldown_hours: Mapped[int] = mapped_column(default=24)
    validity_months: Mapped[int] = mapped_column(default=12)
    practice_only: Mapped[bool] = mapped_column(default=False)

    quizzes: Mapped[list[TrainingQuiz]] = relationship(back_populates="module")
    progress: Mapped[list[UserTrainingProgress]] = relationship(back_populates="module")


class TrainingQuiz(TenantOwned, Base):
    """Questions as JSON. Answer keys stay on the server unless the module is practice-only."""

    __tablename__ = "training_quiz"

    module_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_module.id"), index=True)
    title: Mapped[str]
    questions: Mapped[list[Any]]

    module: Mapped[TrainingModule] = relationship(back_populates="quizzes")


class UserTrainingProgress(TenantOwned, Base):
    __tablename__ = "user_training_progress"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    module_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_module.id"), index=True)
    status: Mapped[TrainingStatus] = mapped_column(
        enum_type(TrainingStatus), default=TrainingStatus.ASSIGNED
    )
    assigned_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    attempts_count: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime | None]
    score: Mapped[int | None]
    passed_at: Mapped[datetime | None]
    certificate_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    certificate_expires_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()
    module: Mapped[TrainingModule] = relationship(back_populates="progress")

    __table_args__ = (UniqueConstraint("user_id", "module_id"),)


class QuizAttempt(TenantOwned, Base):
    """Append-only: answers given on the device; score and result filled by the server."""

    __tablename__ = "quiz_attempt"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    quiz_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_quiz.id"), index=True)
    module_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_module.id"))
    answers: Mapped[dict[str, Any]]
    started_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    score: Mapped[int | None]
    passed: Mapped[bool | None]
