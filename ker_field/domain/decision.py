"""Rule outcomes: a decision with stable reason codes and Spanish / English messages.

Every rule in :mod:`ker_field.domain.rules` returns a :class:`Decision`. The same rule
runs on the device (to guide and block the user offline) and on the server (as the
authority on every pushed write), so the reason code is the contract between them.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from ker_field.domain.labels import Lang, label

# code -> {"es": template, "en": template}; templates use str.format {fields}.
MESSAGES: dict[str, dict[Lang, str]] = {}


def template_fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def define(code: str, *, es: str, en: str) -> str:
    """Declare a reason code with its Spanish and English message; returns the code."""
    if code in MESSAGES:
        raise ValueError(f"reason code defined twice: {code}")
    if template_fields(es) != template_fields(en):
        raise ValueError(f"{code}: Spanish and English messages name different fields")
    MESSAGES[code] = {"es": es, "en": en}
    return code


@dataclass(frozen=True)
class Reason:
    """Why a rule refused (or warns): a stable code plus the values its message names."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: Lang = "es") -> str:
        values = {
            key: label(value, lang) if isinstance(value, Enum) else value
            for key, value in self.params.items()
        }
        return MESSAGES[self.code][lang].format(**values)

    @property
    def message_es(self) -> str:
        return self.message("es")

    @property
    def message_en(self) -> str:
        return self.message("en")

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, str(v)) for k, v in self.params.items()))))


def reason(code: str, **params: object) -> Reason:
    if code not in MESSAGES:
        raise KeyError(f"unknown reason code: {code}")
    return Reason(code, params)


@dataclass(frozen=True)
class Decision:
    """Allowed when nothing refuses. Warnings never block."""

    refusals: tuple[Reason, ...] = ()
    warnings: tuple[Reason, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.refusals)

    @property
    def code(self) -> str:
        """The first refusal's code, or ``"ok"``."""
        return self.refusals[0].code if self.refusals else "ok"

    def messages(self, lang: Lang = "es") -> list[str]:
        return [r.message(lang) for r in self.refusals]

    def __bool__(self) -> bool:
        return self.allowed

    def __and__(self, other: Decision) -> Decision:
        return Decision(self.refusals + other.refusals, self.warnings + other.warnings)

    @staticmethod
    def ok(*warnings: Reason) -> Decision:
        return Decision((), tuple(warnings))

    @staticmethod
    def refuse(*reasons: Reason) -> Decision:
        return Decision(tuple(reasons), ())

    @staticmethod
    def combine(decisions: Iterable[Decision]) -> Decision:
        result = Decision()
        for d in decisions:
            result = result & d
        return result


def check(condition: bool, code: str, **params: object) -> Decision:
    """Allowed if ``condition`` holds, else refused with ``code``."""
    return Decision() if condition else Decision.refuse(reason(code, **params))


class RuleViolation(Exception):
    """Raised by services when a rule refuses; carries the decision for the UI."""

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        super().__init__("; ".join(f"{r.code}: {r.message_en}" for r in decision.refusals))
