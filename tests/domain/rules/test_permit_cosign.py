"""Permits: the hand-back state on closing, and an approval co-signed on another person's
device (who may sign, then the approval rule with the co-signer as the actor)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ker_field.domain.enums import EquipmentHandback, PermitStatus, RiskLevel
from ker_field.domain.rules.common import Actor
from ker_field.domain.rules.permits import (
    COSIGN_ONLY_APPROVAL,
    COSIGN_SAME_PERSON,
    COSIGNER_NOT_AT_SITE,
    COSIGNER_UNKNOWN,
    HANDBACK_REQUIRED,
    SELF_APPROVAL,
    CosignerFacts,
    PermitFacts,
    check_close,
    check_cosign,
    check_transition,
)
from tests.domain.rules.conftest import NOW, OTHER_SUPERVISOR, SUPERVISOR, TECH_A

S = PermitStatus


def facts(status: PermitStatus, requested_by: Actor = TECH_A) -> PermitFacts:
    return PermitFacts(
        status=status,
        risk_level=RiskLevel.HIGH,
        requested_by=requested_by.user_id,
        approved_by=SUPERVISOR.user_id if status is not S.REQUESTED else None,
        valid_from=NOW - timedelta(hours=1),
        valid_to=NOW + timedelta(hours=6),
    )


def signer(actor: Actor, active: bool = True, at_site: bool = True) -> CosignerFacts:
    return CosignerFacts(actor, "Jorge Muñoz", active, at_site)


@pytest.mark.parametrize("status", [S.ACTIVE, S.SUSPENDED])
def test_closing_started_work_needs_the_handback_state(status: PermitStatus) -> None:
    assert check_close(facts(status), None).codes == (HANDBACK_REQUIRED,)
    for state in EquipmentHandback:
        assert check_close(facts(status), state).allowed


@pytest.mark.parametrize("status", [S.DRAFT, S.APPROVED])
def test_closing_before_work_started_needs_no_handback(status: PermitStatus) -> None:
    assert check_close(facts(status), None).allowed


def test_another_supervisor_cosigns_on_a_technicians_device() -> None:
    assert check_cosign(S.APPROVED, TECH_A, signer(OTHER_SUPERVISOR)).allowed


@pytest.mark.parametrize("target", [S.ACTIVE, S.REJECTED, S.CLOSED, S.SUSPENDED])
def test_only_an_approval_is_cosigned(target: PermitStatus) -> None:
    assert check_cosign(target, TECH_A, signer(OTHER_SUPERVISOR)).codes == (COSIGN_ONLY_APPROVAL,)


def test_unknown_or_inactive_cosigner_is_refused() -> None:
    assert check_cosign(S.APPROVED, TECH_A, None).codes == (COSIGNER_UNKNOWN,)
    inactive = signer(OTHER_SUPERVISOR, active=False)
    assert check_cosign(S.APPROVED, TECH_A, inactive).codes == (COSIGNER_UNKNOWN,)


def test_the_signed_in_person_cannot_cosign_for_themselves() -> None:
    assert check_cosign(S.APPROVED, SUPERVISOR, signer(SUPERVISOR)).codes == (COSIGN_SAME_PERSON,)


def test_a_cosigner_from_another_site_is_refused_by_name() -> None:
    decision = check_cosign(S.APPROVED, TECH_A, signer(OTHER_SUPERVISOR, at_site=False))
    assert decision.codes == (COSIGNER_NOT_AT_SITE,)
    assert decision.refusals[0].message("es") == (
        "Jorge Muñoz no está asignado(a) a la instalación del permiso."
    )


def test_the_requester_cosigning_their_own_high_permit_is_still_self_approval() -> None:
    # The co-sign check passes (another person than the session's), then the approval rule
    # judges the co-signer: the requester of a HIGH permit may not approve it.
    own = facts(S.REQUESTED, requested_by=SUPERVISOR)
    assert check_cosign(S.APPROVED, TECH_A, signer(SUPERVISOR)).allowed
    assert check_transition(own, S.APPROVED, SUPERVISOR, NOW).codes == (SELF_APPROVAL,)
