"""Decision, Reason and the reason-code registry (the contract between device and server)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import pytest

from ker_field.domain import rules
from ker_field.domain.decision import (
    MESSAGES,
    Decision,
    Reason,
    RuleViolation,
    check,
    define,
    reason,
    template_fields,
)
from ker_field.domain.enums import PermitStatus, RiskLevel, UserRole
from ker_field.domain.rules.common import ROLE_FORBIDDEN
from ker_field.domain.rules.permits import ILLEGAL_TRANSITION, SELF_APPROVAL
from ker_field.domain.rules.risk import MATRIX_INVALID
from ker_field.domain.rules.training import CERTIFICATE_EXPIRING, SCORE_BELOW_PASS

# Importing every rules module registers all their reason codes in MESSAGES.
RULE_MODULES = [
    importlib.import_module(f"{rules.__name__}.{info.name}")
    for info in pkgutil.iter_modules(rules.__path__)
]
THROWAWAY = "test.throwaway_code_for_define"


@pytest.fixture
def throwaway_code() -> Iterator[str]:
    """A code name no rule uses; removed from MESSAGES whatever the test does."""
    assert THROWAWAY not in MESSAGES
    yield THROWAWAY
    MESSAGES.pop(THROWAWAY, None)


# --- The registry -----------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_spanish_and_english_naming_the_same_fields(code: str) -> None:
    templates = MESSAGES[code]
    assert set(templates) == {"es", "en"}
    assert templates["es"].strip()
    assert templates["en"].strip()
    assert template_fields(templates["es"]) == template_fields(templates["en"])
    # Both render once every named field has a value (no stray braces or format specs).
    values = dict.fromkeys(template_fields(templates["es"]), "X")
    assert "{" not in templates["es"].format(**values)
    assert "{" not in templates["en"].format(**values)


def test_define_registers_and_returns_the_code(throwaway_code: str) -> None:
    code = define(throwaway_code, es="Hola {name}.", en="Hello {name}.")
    assert code == throwaway_code
    assert reason(code, name="Ana").message("es") == "Hola Ana."
    assert reason(code, name="Ana").message("en") == "Hello Ana."


def test_define_refuses_a_duplicate_code(throwaway_code: str) -> None:
    define(throwaway_code, es="Uno.", en="One.")
    with pytest.raises(ValueError, match="defined twice"):
        define(throwaway_code, es="Dos.", en="Two.")
    # The first definition stands.
    assert MESSAGES[throwaway_code] == {"es": "Uno.", "en": "One."}


def test_define_refuses_redefining_a_rule_code() -> None:
    before = dict(MESSAGES[SELF_APPROVAL])
    with pytest.raises(ValueError, match="defined twice"):
        define(SELF_APPROVAL, es="Otro.", en="Other.")
    assert MESSAGES[SELF_APPROVAL] == before


def test_define_refuses_mismatched_fields(throwaway_code: str) -> None:
    with pytest.raises(ValueError, match="different fields"):
        define(throwaway_code, es="Vence el {valid_to}.", en="Expires on {expires}.")
    assert throwaway_code not in MESSAGES


def test_define_refuses_a_field_missing_in_one_language(throwaway_code: str) -> None:
    with pytest.raises(ValueError, match="different fields"):
        define(throwaway_code, es="Candado {serial}.", en="Lock.")
    assert throwaway_code not in MESSAGES


def test_reason_refuses_an_unknown_code() -> None:
    with pytest.raises(KeyError, match="unknown reason code"):
        reason("no.such_code")


def test_template_fields() -> None:
    assert template_fields("{a} de {b}, {{literal}}") == frozenset({"a", "b"})
    assert template_fields("sin campos") == frozenset()


# --- The codes are a contract ---------------------------------------------------------

# Every reason code the rules define, written out: the device, the server and stored
# records rely on these strings, so renaming or dropping one must be deliberate.
RULE_CODES = {
    "audit.already_completed",
    "audit.finding_needs_note",
    "audit.finding_needs_severity",
    "audit.not_auditor",
    "audit.nothing_applicable",
    "audit.severity_only_on_fail",
    "audit.template_inactive",
    "audit.too_many_photos",
    "audit.unanswered",
    "audit.unknown_item",
    "auth.role_forbidden",
    "esg.baseline_invalid",
    "esg.negative_quantity",
    "esg.period_invalid",
    "esg.reading_outlier",
    "esg.unit_mismatch",
    "loto.already_done",
    "loto.already_group",
    "loto.already_holder",
    "loto.chain_break",
    "loto.chain_entry_altered",
    "loto.chain_entry_mismatch",
    "loto.chain_link_missing",
    "loto.chain_tampered",
    "loto.energy_not_released",
    "loto.exception_absence_unverified",
    "loto.exception_contact_missing",
    "loto.exception_not_informed",
    "loto.exception_not_needed",
    "loto.inspector_not_independent",
    "loto.isolation_not_verified",
    "loto.lock_not_active",
    "loto.lockout_ended",
    "loto.member_already_on",
    "loto.members_still_locked",
    "loto.no_procedure",
    "loto.not_group",
    "loto.not_holder",
    "loto.not_notified",
    "loto.not_shut_down",
    "loto.nothing_to_transfer",
    "loto.only_applier_removes",
    "loto.photo_required",
    "loto.point_already_locked",
    "loto.points_unlocked",
    "loto.procedure_empty",
    "loto.procedure_inspection_overdue",
    "loto.removal_checks_missing",
    "loto.serial_in_use",
    "loto.serial_required",
    "loto.unknown_point",
    "permit.cosign_only_approval",
    "permit.cosign_same_person",
    "permit.cosigner_not_at_site",
    "permit.cosigner_unknown",
    "permit.expired",
    "permit.handback_required",
    "permit.illegal_transition",
    "permit.not_active",
    "permit.not_approved",
    "permit.not_requester",
    "permit.not_yet_valid",
    "permit.required",
    "permit.self_approval",
    "permit.window_invalid",
    "risk.matrix_invalid",
    "risk.matrix_not_monotonic",
    "risk.rating_out_of_range",
    "rut.invalid",
    "training.already_passed",
    "training.attempts_exhausted",
    "training.certificate_expired",
    "training.certificate_expiring",
    "training.certificate_missing",
    "training.cooldown",
    "training.score_below_pass",
    "training.score_invalid",
    "visitor.already_inside",
    "visitor.anomaly_resolved",
    "visitor.cancelled",
    "visitor.expired",
    "visitor.host_required",
    "visitor.id_photo_required",
    "visitor.name_required",
    "visitor.nda_required",
    "visitor.not_inside",
    "visitor.other_site",
    "visitor.resolution_required",
    "visitor.too_early",
}


def test_reason_codes_are_stable() -> None:
    defined = {
        value
        for module in RULE_MODULES
        for value in vars(module).values()
        if isinstance(value, str) and value in MESSAGES
    }
    assert defined == RULE_CODES


# --- Messages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "es", "en"),
    [
        (RiskLevel.HIGH, "alto", "high"),
        (RiskLevel.EXTREME, "extremo", "extreme"),
    ],
)
def test_enum_values_render_with_their_label(level: RiskLevel, es: str, en: str) -> None:
    r = reason(SELF_APPROVAL, level=level)
    assert r.message_es == (
        f"Un permiso de riesgo {es} debe aprobarlo un supervisor distinto de quien lo solicitó."
    )
    assert r.message_en == (
        f"A {en} risk permit must be approved by a supervisor other than its requester."
    )


def test_message_defaults_to_spanish() -> None:
    r = reason(ROLE_FORBIDDEN, role=UserRole.GUARD)
    assert r.message() == "Su rol (guardia) no permite esta acción."
    assert r.message("en") == "Your role (guard) does not allow this action."


def test_plain_values_render_as_given() -> None:
    r = reason(SCORE_BELOW_PASS, score=79, min_score=80)
    assert r.message_es == "Puntaje 79%: se necesita 80% para aprobar."
    assert r.message_en == "Score 79%: 80% is needed to pass."


def test_decision_messages_in_order_and_language() -> None:
    d = Decision.refuse(
        reason(ILLEGAL_TRANSITION, current=PermitStatus.CLOSED, target=PermitStatus.ACTIVE),
        reason(MATRIX_INVALID),
    )
    assert d.messages("es") == [
        "Un permiso en estado cerrado no puede pasar a activo.",
        "La matriz de riesgo debe tener 5x5 celdas con niveles bajo, medio, alto o extremo.",
    ]
    assert d.messages("en")[0] == "A permit in state closed cannot move to active."


# --- Decision -----------------------------------------------------------------------


def test_empty_decision_is_allowed() -> None:
    d = Decision()
    assert d.allowed
    assert bool(d)
    assert d.code == "ok"
    assert d.codes == ()
    assert d.messages() == []


def test_refused_decision() -> None:
    d = Decision.refuse(reason(MATRIX_INVALID))
    assert not d.allowed
    assert not bool(d)
    assert d.code == MATRIX_INVALID
    assert d.codes == (MATRIX_INVALID,)


def test_warnings_do_not_block() -> None:
    warning = reason(CERTIFICATE_EXPIRING, module="LOTO", expires_on="2026-12-15")
    d = Decision.ok(warning)
    assert d.allowed
    assert d.code == "ok"
    assert d.codes == ()
    assert d.warnings == (warning,)
    assert d.messages() == []  # messages are the refusals the user must resolve


def test_and_keeps_every_refusal_and_warning_in_order() -> None:
    w1 = reason(CERTIFICATE_EXPIRING, module="A", expires_on="2026-12-01")
    w2 = reason(CERTIFICATE_EXPIRING, module="B", expires_on="2026-12-02")
    r1 = reason(MATRIX_INVALID)
    r2 = reason(ROLE_FORBIDDEN, role=UserRole.TECHNICIAN)
    d = Decision.ok(w1) & Decision.refuse(r1) & Decision((r2,), (w2,))
    assert not d.allowed
    assert d.codes == (MATRIX_INVALID, ROLE_FORBIDDEN)
    assert d.code == MATRIX_INVALID
    assert d.warnings == (w1, w2)


def test_and_of_allowed_decisions_is_allowed() -> None:
    warning = reason(CERTIFICATE_EXPIRING, module="A", expires_on="2026-12-01")
    d = Decision() & Decision.ok(warning)
    assert d.allowed
    assert d.warnings == (warning,)


def test_one_refusal_refuses_the_combination() -> None:
    assert not (Decision() & Decision.refuse(reason(MATRIX_INVALID))).allowed
    assert not (Decision.refuse(reason(MATRIX_INVALID)) & Decision()).allowed


def test_combine() -> None:
    assert Decision.combine([]).allowed
    d = Decision.combine(
        [
            Decision(),
            Decision.refuse(reason(MATRIX_INVALID)),
            check(False, SCORE_BELOW_PASS, score=1, min_score=2),
        ]
    )
    assert d.codes == (MATRIX_INVALID, SCORE_BELOW_PASS)


def test_check() -> None:
    assert check(True, MATRIX_INVALID).allowed
    refused = check(False, SCORE_BELOW_PASS, score=50, min_score=80)
    assert refused.code == SCORE_BELOW_PASS
    assert refused.refusals[0].params == {"score": 50, "min_score": 80}


def test_a_refusal_with_an_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        check(False, "no.such_code")


def test_equal_reasons_hash_equal() -> None:
    a = Reason(SCORE_BELOW_PASS, {"score": 79, "min_score": 80})
    b = reason(SCORE_BELOW_PASS, min_score=80, score=79)
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, reason(SCORE_BELOW_PASS, score=78, min_score=80)}) == 2


def test_rule_violation_carries_the_decision() -> None:
    d = Decision.refuse(reason(ROLE_FORBIDDEN, role=UserRole.GUARD), reason(MATRIX_INVALID))
    exc = RuleViolation(d)
    assert exc.decision is d
    assert str(exc).startswith("auth.role_forbidden: Your role (guard) does not allow this action.")
    assert "; risk.matrix_invalid: " in str(exc)
