"""Facts shared by several rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ker_field.domain.decision import Decision, check, define
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


T, S, G, A = UserRole.TECHNICIAN, UserRole.SUPERVISOR, UserRole.GUARD, UserRole.ADMIN

# Who may do what, on the device (to guide) and on the server (as the authority).
ACTION_ROLES: dict[str, frozenset[UserRole]] = {
    "loto": frozenset({T, S, A}),
    "permit.request": frozenset({T, S, A}),
    "permit.transition": frozenset({T, S, A}),  # approving is a supervisor's: see rules.permits
    "gate": frozenset({G, S, A}),
    "training": frozenset({T, S, G, A}),
    "handover": frozenset({T, S, G, A}),
    "esg": frozenset({T, S, A}),
    "audit": frozenset({S, A}),
}


def check_role(actor: Actor, action: str) -> Decision:
    return check(actor.role in ACTION_ROLES[action], ROLE_FORBIDDEN, role=actor.role)
