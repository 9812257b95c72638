"""Quality audits: answering checklist items, findings, the score, completing an audit.

The score is the share of the applicable items that pass: ``passed / (passed + failed)``,
each item counting its weight when the template is weighted (1 otherwise); items marked
"not applicable" count neither way. The same functions run on the device (to guide the
auditor offline) and on the server (which recomputes the score of a pushed completion).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ker_field.domain.decision import Decision, check, define
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity

MAX_PHOTOS_PER_ITEM = 5

UNKNOWN_ITEM = define(
    "audit.unknown_item",
    es="El ítem «{key}» no es parte de esta auditoría.",
    en="Item '{key}' is not part of this audit.",
)
ALREADY_COMPLETED = define(
    "audit.already_completed",
    es="La auditoría ya está terminada: no se puede modificar.",
    en="The audit is already completed: it cannot be changed.",
)
NOT_AUDITOR = define(
    "audit.not_auditor",
    es="Solo quien realiza la auditoría puede responderla o terminarla.",
    en="Only the auditor can answer or complete the audit.",
)
SEVERITY_ONLY_ON_FAIL = define(
    "audit.severity_only_on_fail",
    es="Solo un ítem que no cumple lleva severidad o acción correctiva.",
    en="Only a failed item carries a severity or a corrective action.",
)
FINDING_NEEDS_SEVERITY = define(
    "audit.finding_needs_severity",
    es="El hallazgo «{key}» necesita una severidad.",
    en="Finding '{key}' needs a severity.",
)
FINDING_NEEDS_NOTE = define(
    "audit.finding_needs_note",
    es="Describa el hallazgo «{key}» en la nota: qué se observó.",
    en="Describe finding '{key}' in the note: what was observed.",
)
TOO_MANY_PHOTOS = define(
    "audit.too_many_photos",
    es="Un ítem admite hasta {limit} fotos.",
    en="An item takes at most {limit} photos.",
)
UNANSWERED = define(
    "audit.unanswered",
    es="Faltan {count} ítems por responder antes de terminar.",
    en="{count} items are still unanswered: answer them before completing.",
)
NOTHING_APPLICABLE = define(
    "audit.nothing_applicable",
    es="Ningún ítem aplica: una auditoría necesita al menos un ítem evaluado.",
    en="No item applies: an audit needs at least one assessed item.",
)
TEMPLATE_INACTIVE = define(
    "audit.template_inactive",
    es="La pauta de auditoría no está vigente.",
    en="The audit checklist is not in use.",
)


@dataclass(frozen=True)
class ItemAnswer:
    """One checklist item as the auditor left it."""

    key: str
    weight: float
    result: AuditResult | None
    note: str
    photos: tuple[str, ...]
    severity: FindingSeverity | None
    open_ticket: bool

    @property
    def is_finding(self) -> bool:
        return self.result is AuditResult.FAIL


def item_answer(item: Mapping[str, Any]) -> ItemAnswer:
    """An audit's stored item (JSON) as typed facts."""
    result = item.get("result")
    severity = item.get("severity")
    return ItemAnswer(
        key=str(item["key"]),
        weight=float(item.get("weight", 1) or 1),
        result=AuditResult(result) if result else None,
        note=str(item.get("note") or ""),
        photos=tuple(item.get("photos") or ()),
        severity=FindingSeverity(severity) if severity else None,
        open_ticket=bool(item.get("open_ticket")),
    )


def check_editable(status: AuditStatus, auditor_is_actor: bool) -> Decision:
    if status is AuditStatus.COMPLETED:
        return check(False, ALREADY_COMPLETED)
    return check(auditor_is_actor, NOT_AUDITOR)


def check_answer(
    keys: Iterable[str],
    key: str,
    result: AuditResult | None,
    severity: FindingSeverity | None,
    open_ticket: bool,
    photos: Sequence[str],
) -> Decision:
    """An answer names an item of the audit; severity and a ticket belong to failed items."""
    decision = check(key in set(keys), UNKNOWN_ITEM, key=key)
    decision &= check(
        result is AuditResult.FAIL or (severity is None and not open_ticket),
        SEVERITY_ONLY_ON_FAIL,
    )
    return decision & check(
        len(photos) <= MAX_PHOTOS_PER_ITEM, TOO_MANY_PHOTOS, limit=MAX_PHOTOS_PER_ITEM
    )


@dataclass(frozen=True)
class AuditScore:
    passed: int
    failed: int
    not_applicable: int
    unanswered: int
    score: float | None  # percent, 2 decimals; None while nothing applicable is answered

    @property
    def answered(self) -> int:
        return self.passed + self.failed + self.not_applicable


def _pct(part: Decimal, whole: Decimal) -> float:
    return float((part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def audit_score(items: Sequence[ItemAnswer], weighted: bool) -> AuditScore:
    """Passed weight over applicable (passed + failed) weight, in percent."""
    passed_w = applicable_w = Decimal(0)
    counts = dict.fromkeys(AuditResult, 0)
    unanswered = 0
    for item in items:
        if item.result is None:
            unanswered += 1
            continue
        counts[item.result] += 1
        weight = Decimal(str(item.weight)) if weighted else Decimal(1)
        if item.result is AuditResult.PASS:
            passed_w += weight
            applicable_w += weight
        elif item.result is AuditResult.FAIL:
            applicable_w += weight
    return AuditScore(
        passed=counts[AuditResult.PASS],
        failed=counts[AuditResult.FAIL],
        not_applicable=counts[AuditResult.NOT_APPLICABLE],
        unanswered=unanswered,
        score=_pct(passed_w, applicable_w) if applicable_w > 0 else None,
    )


def check_completion(items: Sequence[ItemAnswer]) -> Decision:
    """Every item answered, at least one applicable, every finding described and graded."""
    unanswered = sum(1 for item in items if item.result is None)
    decision = check(unanswered == 0, UNANSWERED, count=unanswered)
    answered = [item for item in items if item.result is not None]
    if answered:
        decision &= check(
            any(item.result is not AuditResult.NOT_APPLICABLE for item in answered),
            NOTHING_APPLICABLE,
        )
    for item in items:
        if item.is_finding:
            decision &= check(item.severity is not None, FINDING_NEEDS_SEVERITY, key=item.key)
            decision &= check(bool(item.note.strip()), FINDING_NEEDS_NOTE, key=item.key)
    return decision


def check_template_active(active: bool) -> Decision:
    return check(active, TEMPLATE_INACTIVE)
