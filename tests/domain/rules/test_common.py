"""Facts shared by several rules: the actor and which roles may do which action."""

from __future__ import annotations

import pytest

from ker_field.domain.enums import UserRole
from ker_field.domain.rules.common import ACTION_ROLES, ROLE_FORBIDDEN, Actor, check_role
from tests.domain.rules.conftest import ADMIN, GUARD, SUPERVISOR, TECH_A

R = UserRole

# Written out by hand: who may do what.
EXPECTED = {
    "loto": {R.TECHNICIAN, R.SUPERVISOR, R.ADMIN},
    "permit.request": {R.TECHNICIAN, R.SUPERVISOR, R.ADMIN},
    "permit.transition": {R.TECHNICIAN, R.SUPERVISOR, R.ADMIN},
    "gate": {R.GUARD, R.SUPERVISOR, R.ADMIN},
    "training": {R.TECHNICIAN, R.SUPERVISOR, R.GUARD, R.ADMIN},
    "handover": {R.TECHNICIAN, R.SUPERVISOR, R.GUARD, R.ADMIN},
    "esg": {R.TECHNICIAN, R.SUPERVISOR, R.ADMIN},
    "audit": {R.SUPERVISOR, R.ADMIN},
}


def test_action_roles_table() -> None:
    assert {action: set(roles) for action, roles in ACTION_ROLES.items()} == EXPECTED


@pytest.mark.parametrize(
    ("action", "role"),
    [(action, role) for action in sorted(EXPECTED) for role in R],
)
def test_check_role(action: str, role: UserRole) -> None:
    decision = check_role(Actor(TECH_A.user_id, role), action)
    assert decision.allowed is (role in EXPECTED[action])
    if not decision.allowed:
        assert decision.codes == (ROLE_FORBIDDEN,)


def test_a_guard_cannot_do_lockouts_and_a_technician_cannot_run_the_gate() -> None:
    guard = check_role(GUARD, "loto")
    assert guard.messages("es") == ["Su rol (guardia) no permite esta acción."]
    assert guard.messages("en") == ["Your role (guard) does not allow this action."]
    assert check_role(TECH_A, "gate").messages("es") == ["Su rol (técnico) no permite esta acción."]


def test_an_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        check_role(ADMIN, "no.such_action")


@pytest.mark.parametrize(
    ("actor", "is_supervisor"),
    [(TECH_A, False), (GUARD, False), (SUPERVISOR, True), (ADMIN, True)],
)
def test_is_supervisor(actor: Actor, is_supervisor: bool) -> None:
    assert actor.is_supervisor is is_supervisor
