"""Chilean RUT: validation (python-stdnum), canonical form and masking for personal-data screens."""

from __future__ import annotations

from stdnum.cl import rut as stdnum_rut
from stdnum.exceptions import ValidationError

from ker_field.domain.decision import Decision, check, define

RUT_INVALID = define(
    "rut.invalid",
    es="El RUT {rut} no es válido: revise el número y el dígito verificador.",
    en="RUT {rut} is not valid: check the number and the check digit.",
)


def check_rut(value: str) -> Decision:
    return check(bool(stdnum_rut.is_valid(value)), RUT_INVALID, rut=value)


def normalize_rut(value: str) -> str:
    """Canonical form stored in the database: digits, hyphen, check digit (``12345678-5``)."""
    try:
        compact = str(stdnum_rut.validate(value))
    except ValidationError as exc:
        raise ValueError(f"invalid RUT: {value!r}") from exc
    return f"{compact[:-1]}-{compact[-1]}"


def format_rut(value: str) -> str:
    """Display form: ``12.345.678-5``."""
    return str(stdnum_rut.format(value))


def mask_rut(value: str) -> str:
    """Form shown outside the guard's screens: only the last three digits and the check digit."""
    compact = str(stdnum_rut.compact(value))
    body, dv = compact[:-1], compact[-1]
    return f"{'•' * max(len(body) - 3, 0)}{body[-3:]}-{dv}"
