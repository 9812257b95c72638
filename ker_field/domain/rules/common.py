"""Facts shared by several rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ker_field.domain.decision import define
from ker_field.domain.enums import UserRole

ROLE_FORBIDDEN = define(
    "auth.role_forbidden",
    es="Su rol ({role}) no permite esta acción.",
    en="Your role ({role}) does not allow this action.",
)


@dataclass(frozen=True)
class Actor:
    """Who performs an action."""

    user_id: uuid.UUID
    role: UserRole

    @property
    def is_supervisor(self) -> bool:
        return self.role in (UserRole.SUPERVISOR, UserRole.ADMIN)
