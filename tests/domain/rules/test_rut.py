"""Chilean RUT: validation, canonical form, display form and masking."""

from __future__ import annotations

import pytest

from ker_field.domain.rules.rut import RUT_INVALID, check_rut, format_rut, mask_rut, normalize_rut

VALID = [
    "12.345.678-5",
    "12345678-5",
    "123456785",
    " 12.345.678-5 ",
    "8.765.432-K",
    "8765432k",
    "7.654.321-6",
]
INVALID = [
    "12.345.678-4",
    "12.345.678-k",
    "8.765.432-1",
    "1-9",
    "",
    "abc",
    "12.345.678",
    "12.345.67A-5",
]


@pytest.mark.parametrize("value", VALID)
def test_valid_ruts(value: str) -> None:
    decision = check_rut(value)
    assert decision.allowed
    assert decision.code == "ok"


@pytest.mark.parametrize("value", INVALID)
def test_invalid_ruts(value: str) -> None:
    decision = check_rut(value)
    assert not decision.allowed
    assert decision.codes == (RUT_INVALID,)


def test_invalid_rut_message() -> None:
    decision = check_rut("12.345.678-4")
    assert decision.messages("es") == [
        "El RUT 12.345.678-4 no es válido: revise el número y el dígito verificador."
    ]
    assert decision.messages("en") == [
        "RUT 12.345.678-4 is not valid: check the number and the check digit."
    ]


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("12.345.678-5", "12345678-5"),
        ("123456785", "12345678-5"),
        ("12345678-5", "12345678-5"),
        ("8.765.432-k", "8765432-K"),
        ("7654321-6", "7654321-6"),
    ],
)
def test_normalize_rut(value: str, canonical: str) -> None:
    assert normalize_rut(value) == canonical


@pytest.mark.parametrize("value", INVALID)
def test_normalize_rut_refuses_an_invalid_rut(value: str) -> None:
    with pytest.raises(ValueError, match="invalid RUT"):
        normalize_rut(value)


@pytest.mark.parametrize(
    ("value", "display"),
    [
        ("12345678-5", "12.345.678-5"),
        ("123456785", "12.345.678-5"),
        ("8765432k", "8.765.432-K"),
        ("7654321-6", "7.654.321-6"),
    ],
)
def test_format_rut(value: str, display: str) -> None:
    assert format_rut(value) == display


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("12.345.678-5", "•••••678-5"),
        ("12345678-5", "•••••678-5"),
        ("7.654.321-6", "••••321-6"),
        ("8765432k", "••••432-K"),
    ],
)
def test_mask_rut_shows_only_the_last_three_digits_and_the_check_digit(
    value: str, masked: str
) -> None:
    assert mask_rut(value) == masked
    assert "12345" not in mask_rut(value)


def test_forms_agree() -> None:
    value = "76.086.428-5"
    assert check_rut(value).allowed
    assert normalize_rut(format_rut(value)) == normalize_rut(value) == "76086428-5"
    assert mask_rut(normalize_rut(value)) == mask_rut(value)
