"""Gate rules: invite for this site and time, NDA, no double check-in, guard's manual entry."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timedelta

import pytest

from ker_field.domain.decision import Decision
from ker_field.domain.enums import AccessDirection, AccessType, VisitorStatus
from ker_field.domain.rules.rut import RUT_INVALID
from ker_field.domain.rules.visitors import (
    ALREADY_INSIDE,
    CANCELLED,
    EXPIRED,
    HOST_REQUIRED,
    ID_PHOTO_REQUIRED,
    NAME_REQUIRED,
    NDA_REQUIRED,
    NOT_INSIDE,
    OTHER_SITE,
    TOO_EARLY,
    TRANSITIONS,
    InviteFacts,
    check_check_in,
    check_check_out,
    check_invite,
    check_manual_entry,
    check_nda,
    check_visit_transition,
    is_inside,
)
from tests.domain.rules.conftest import NOW, PHOTO

V = VisitorStatus
IN, OUT = AccessDirection.IN, AccessDirection.OUT
SITE = uuid.UUID(int=0x51)
OTHER = uuid.UUID(int=0x52)
HOST = uuid.UUID(int=0x53)
VALID_FROM = NOW - timedelta(hours=1)  # 2026-11-30 11:00 UTC
VALID_TO = NOW + timedelta(hours=7)  # 2026-11-30 19:00 UTC


def invite(
    status: VisitorStatus = V.INVITED,
    site_id: uuid.UUID = SITE,
    valid_from: datetime = VALID_FROM,
    valid_to: datetime = VALID_TO,
) -> InviteFacts:
    return InviteFacts(site_id=site_id, status=status, valid_from=valid_from, valid_to=valid_to)


# --- The invite ---------------------------------------------------------------------


@pytest.mark.parametrize("status", [V.INVITED, V.CHECKED_OUT])
def test_a_valid_invite_for_this_site_lets_the_visitor_in(status: VisitorStatus) -> None:
    decision = check_invite(invite(status=status), SITE, NOW)
    assert decision.allowed
    assert decision.code == "ok"


def test_a_cancelled_invite_is_refused() -> None:
    decision = check_invite(invite(status=V.CANCELLED), SITE, NOW)
    assert decision.codes == (CANCELLED,)
    assert decision.messages("en") == ["The invitation was cancelled."]


def test_cancellation_is_reported_before_anything_else() -> None:
    late = NOW + timedelta(days=5)
    assert check_invite(invite(status=V.CANCELLED, site_id=OTHER), SITE, late).codes == (CANCELLED,)


def test_an_invite_for_another_site_is_refused() -> None:
    decision = check_invite(invite(site_id=OTHER), SITE, NOW)
    assert decision.codes == (OTHER_SITE,)
    assert decision.messages("es") == ["La invitación es para otra instalación."]


def test_too_early() -> None:
    decision = check_invite(invite(), SITE, VALID_FROM - timedelta(minutes=1))
    assert not decision.allowed
    assert decision.codes == (TOO_EARLY,)
    assert decision.messages("es") == [
        "Demasiado temprano: la invitación rige desde el 2026-11-30 11:00 UTC."
    ]
    assert decision.messages("en") == [
        "Too early: the invitation is valid from 2026-11-30 11:00 UTC."
    ]


def test_expired() -> None:
    decision = check_invite(invite(), SITE, VALID_TO + timedelta(minutes=1))
    assert not decision.allowed
    assert decision.codes == (EXPIRED,)
    assert decision.messages("es") == ["La invitación venció el 2026-11-30 19:00 UTC."]
    assert decision.messages("en") == ["The invitation expired on 2026-11-30 19:00 UTC."]


def test_invite_window_edges() -> None:
    assert check_invite(invite(), SITE, VALID_FROM).allowed
    assert check_invite(invite(), SITE, VALID_TO).codes == (EXPIRED,)


# --- NDA ----------------------------------------------------------------------------


def test_no_nda_needed_where_the_site_does_not_require_one() -> None:
    assert check_nda(False, [], NOW).allowed


def test_nda_required_and_missing() -> None:
    decision = check_nda(True, [], NOW)
    assert decision.codes == (NDA_REQUIRED,)
    assert decision.messages("en") == [
        "This site requires a signed, valid non-disclosure agreement before entry."
    ]


def test_a_valid_nda_lets_the_visitor_in() -> None:
    assert check_nda(True, [NOW + timedelta(days=200)], NOW).allowed


@pytest.mark.parametrize("until", [NOW, NOW - timedelta(days=1)])
def test_an_expired_nda_is_refused(until: datetime) -> None:
    assert check_nda(True, [until], NOW).codes == (NDA_REQUIRED,)


def test_any_valid_nda_among_several_suffices() -> None:
    assert check_nda(True, [NOW - timedelta(days=400), NOW + timedelta(days=1)], NOW).allowed
    # A generator works too (the service may stream rows).
    assert check_nda(True, (d for d in [NOW + timedelta(days=1)]), NOW).allowed


# --- Inside or not ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("log", "inside"),
    [
        ([], False),
        ([IN], True),
        ([IN, OUT], False),
        ([IN, OUT, IN], True),
        ([OUT], False),
        ([IN, OUT, IN, OUT], False),
    ],
)
def test_is_inside_folds_the_gate_log(log: list[AccessDirection], inside: bool) -> None:
    assert is_inside(log) is inside


def test_check_in_refused_while_inside() -> None:
    decision = check_check_in("Ana Pérez", inside=True)
    assert decision.codes == (ALREADY_INSIDE,)
    assert decision.messages("es") == [
        "Ana Pérez ya está dentro de la instalación: registre su salida antes de otra entrada."
    ]
    assert decision.messages("en") == [
        "Ana Pérez is already inside the site: check them out before another entry."
    ]
    assert check_check_in("Ana Pérez", inside=False).allowed


def test_check_out_refused_when_not_inside() -> None:
    decision = check_check_out("Ana Pérez", inside=False)
    assert decision.codes == (NOT_INSIDE,)
    assert decision.messages("es") == ["Ana Pérez no figura dentro de la instalación."]
    assert decision.messages("en") == ["Ana Pérez is not recorded as inside the site."]
    assert check_check_out("Ana Pérez", inside=True).allowed


def test_gate_log_round_trip() -> None:
    log: list[AccessDirection] = []
    assert check_check_in("Ana", is_inside(log)).allowed
    log.append(IN)
    assert check_check_in("Ana", is_inside(log)).code == ALREADY_INSIDE
    assert check_check_out("Ana", is_inside(log)).allowed
    log.append(OUT)
    assert check_check_out("Ana", is_inside(log)).code == NOT_INSIDE
    assert check_check_in("Ana", is_inside(log)).allowed  # may come back in


# --- Visit lifecycle ----------------------------------------------------------------

LEGAL = {
    (V.INVITED, V.CHECKED_IN),
    (V.INVITED, V.CANCELLED),
    (V.CHECKED_IN, V.CHECKED_OUT),
    (V.CHECKED_OUT, V.CHECKED_IN),
}


def test_visit_transition_table() -> None:
    table = {(current, target) for current, targets in TRANSITIONS.items() for target in targets}
    assert table == LEGAL
    assert set(TRANSITIONS) == set(V)


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL))
def test_legal_visit_transitions(current: VisitorStatus, target: VisitorStatus) -> None:
    assert check_visit_transition(current, target, "Ana").allowed


@pytest.mark.parametrize(("current", "target"), sorted(set(itertools.product(V, V)) - LEGAL))
def test_illegal_visit_transitions_are_refused(
    current: VisitorStatus, target: VisitorStatus
) -> None:
    decision = check_visit_transition(current, target, "Ana")
    assert not decision.allowed
    assert len(decision.codes) == 1


def test_visit_transition_reasons() -> None:
    assert check_visit_transition(V.CHECKED_IN, V.CHECKED_IN, "Ana").codes == (ALREADY_INSIDE,)
    assert check_visit_transition(V.CANCELLED, V.CHECKED_IN, "Ana").codes == (CANCELLED,)
    assert check_visit_transition(V.INVITED, V.CHECKED_OUT, "Ana").codes == (NOT_INSIDE,)
    assert check_visit_transition(V.CHECKED_OUT, V.CHECKED_OUT, "Ana").codes == (NOT_INSIDE,)
    assert check_visit_transition(V.CANCELLED, V.CHECKED_OUT, "Ana").codes == (CANCELLED,)


# --- Guard's manual entry -----------------------------------------------------------


def manual(**overrides: object) -> Decision:
    values: dict[str, object] = {
        "name": "Juan Soto",
        "rut": "12.345.678-5",
        "access_type": AccessType.VISITOR,
        "host_user_id": HOST,
        "site_requires_id_photo": False,
        "id_photo_sha256": None,
    } | overrides
    return check_manual_entry(**values)  # type: ignore[arg-type]


def test_a_complete_manual_entry_is_allowed() -> None:
    decision = manual()
    assert decision.allowed
    assert decision.code == "ok"


@pytest.mark.parametrize("rut", ["12.345.678-4", "123", "", "12.345.678-k"])
def test_a_manual_entry_with_a_bad_rut_is_refused(rut: str) -> None:
    decision = manual(rut=rut)
    assert not decision.allowed
    assert decision.codes == (RUT_INVALID,)


def test_bad_rut_message_quotes_the_input() -> None:
    decision = manual(rut="12.345.678-4")
    assert decision.messages("es") == [
        "El RUT 12.345.678-4 no es válido: revise el número y el dígito verificador."
    ]
    assert decision.messages("en") == [
        "RUT 12.345.678-4 is not valid: check the number and the check digit."
    ]


@pytest.mark.parametrize("name", ["", "   "])
def test_a_manual_entry_needs_a_name(name: str) -> None:
    decision = manual(name=name)
    assert decision.codes == (NAME_REQUIRED,)
    assert decision.messages("en") == ["Enter the person's name."]


def test_a_visitor_needs_a_host() -> None:
    decision = manual(host_user_id=None)
    assert decision.codes == (HOST_REQUIRED,)
    assert decision.messages("es") == ["Indique a quién visita."]


@pytest.mark.parametrize(
    "access_type", [AccessType.CONTRACTOR, AccessType.DELIVERY, AccessType.EMPLOYEE]
)
def test_other_access_types_need_no_host(access_type: AccessType) -> None:
    assert manual(access_type=access_type, host_user_id=None).allowed


def test_an_id_photo_where_the_site_requires_one() -> None:
    missing = manual(site_requires_id_photo=True)
    assert missing.codes == (ID_PHOTO_REQUIRED,)
    assert missing.messages("en") == ["This site requires a photo of the identity document."]
    assert manual(site_requires_id_photo=True, id_photo_sha256="").codes == (ID_PHOTO_REQUIRED,)
    assert manual(site_requires_id_photo=True, id_photo_sha256=PHOTO).allowed


def test_a_manual_entry_reports_every_problem() -> None:
    decision = manual(name=" ", rut="1-1", host_user_id=None, site_requires_id_photo=True)
    assert decision.codes == (NAME_REQUIRED, RUT_INVALID, HOST_REQUIRED, ID_PHOTO_REQUIRED)
