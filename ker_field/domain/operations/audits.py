"""Audit operations: start an audit from a template, answer its items as the auditor goes,
complete it (score computed here, on the device and again on the server), and open a
corrective ServiceTicket for each finding the auditor flagged."""

from __future__ import annotations

import uuid
from typing import Any

from ker_field.domain.decision import Decision
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity, TicketStatus
from ker_field.domain.labels import label
from ker_field.domain.models import AuditTemplate, Local, QualityAudit, ServiceTicket
from ker_field.domain.operations import OpContext, get_or_raise, require
from ker_field.domain.rules import audits as rules
from ker_field.domain.rules.common import check_role
from ker_field.domain.scopes import site_scope

TICKET_NAMESPACE = uuid.UUID("0b6c2f7e-3f0e-4f43-9c55-7d1f1b7a9a01")


def corrective_ticket_id(audit_id: uuid.UUID, key: str) -> uuid.UUID:
    """The corrective ticket of a finding: the same id on the device and on the server."""
    return uuid.uuid5(TICKET_NAMESPACE, f"{audit_id}/{key}")


def start_audit(
    oc: OpContext, *, id: uuid.UUID, template_id: uuid.UUID
) -> tuple[QualityAudit, Decision]:
    require(check_role(oc.actor, "audit"))
    if oc.site_id is None:
        raise ValueError("an audit belongs to a site")
    site = get_or_raise(oc.session, Local, oc.site_id)
    template = get_or_raise(oc.session, AuditTemplate, template_id)
    if template.tenant_id != site.tenant_id:
        raise ValueError("template of another tenant")
    decision = require(rules.check_template_active(template.active))
    items: list[dict[str, Any]] = [
        {
            "key": str(item["key"]),
            "clause": str(item.get("clause", "")),
            "section": str(item.get("section", "")),
            "text": str(item["text"]),
            "weight": float(item.get("weight", 1) or 1),
            "result": None,
            "note": "",
            "photos": [],
            "severity": None,
            "open_ticket": False,
        }
        for item in template.items
    ]
    audit = QualityAudit(
        id=id,
        tenant_id=site.tenant_id,
        scope=site_scope(site.id),
        site_id=site.id,
        standard=template.standard,
        title=template.title,
        auditor_id=oc.actor.user_id,
        status=AuditStatus.IN_PROGRESS,
        items=items,
        score=None,
        performed_at=oc.now,
        template_id=template.id,
    )
    oc.session.add(audit)
    oc.session.flush()
    return audit, decision


def _editable(oc: OpContext, audit_id: uuid.UUID) -> QualityAudit:
    require(check_role(oc.actor, "audit"))
    audit = get_or_raise(oc.session, QualityAudit, audit_id)
    require(rules.check_editable(audit.status, audit.auditor_id == oc.actor.user_id))
    return audit


def _weighted(oc: OpContext, audit: QualityAudit) -> bool:
    if audit.template_id is None:
        return False
    template = oc.session.get(AuditTemplate, audit.template_id)
    return bool(template is not None and template.weighted)


def answer_item(
    oc: OpContext,
    *,
    id: uuid.UUID,
    key: str,
    result: AuditResult | None,
    note: str = "",
    photos: list[str] | None = None,
    severity: FindingSeverity | None = None,
    open_ticket: bool = False,
) -> tuple[QualityAudit, rules.AuditScore]:
    """Record (or change) the answer of one item; returns the audit and its running score."""
    audit = _editable(oc, id)
    photos = list(photos or [])
    require(
        rules.check_answer(
            (str(item["key"]) for item in audit.items), key, result, severity, open_ticket, photos
        )
    )
    items: list[dict[str, Any]] = []
    for item in audit.items:
        if item["key"] == key:
            item = {
                **item,
                "result": result.value if result is not None else None,
                "note": note.strip(),
                "photos": photos,
                "severity": severity.value if severity is not None else None,
                "open_ticket": open_ticket,
            }
        items.append(dict(item))
    audit.items = items  # a new list: the JSON column sees the change
    score = rules.audit_score([rules.item_answer(i) for i in items], _weighted(oc, audit))
    audit.score = score.score
    oc.session.flush()
    return audit, score


def complete_audit(
    oc: OpContext, *, id: uuid.UUID
) -> tuple[QualityAudit, rules.AuditScore, list[ServiceTicket]]:
    """Close the audit with its score; open the corrective tickets of flagged findings."""
    audit = _editable(oc, id)
    answers = [rules.item_answer(item) for item in audit.items]
    require(rules.check_completion(answers))
    score = rules.audit_score(answers, _weighted(oc, audit))
    audit.score = score.score
    audit.status = AuditStatus.COMPLETED
    audit.completed_at = oc.now
    site = get_or_raise(oc.session, Local, audit.site_id)
    tickets: list[ServiceTicket] = []
    for number, (item, answer) in enumerate(zip(audit.items, answers, strict=True), start=1):
        if not (answer.is_finding and answer.open_ticket):
            continue
        ticket_id = corrective_ticket_id(audit.id, answer.key)
        if oc.session.get(ServiceTicket, ticket_id) is not None:
            continue
        severity = answer.severity or FindingSeverity.MINOR
        ticket = ServiceTicket(
            id=ticket_id,
            tenant_id=audit.tenant_id,
            scope=audit.scope,
            site_id=audit.site_id,
            number=f"NC-{site.code}-{audit.id.hex[:6].upper()}-{number:02d}"[:32],
            title=f"Acción correctiva {item.get('clause') or answer.key}: {item['text']}"[:255],
            description=(
                f"{audit.standard} · {audit.title}\n"
                f"{label(severity, 'es').capitalize()}: {answer.note}"
            ),
            status=TicketStatus.OPEN,
            created_by_id=audit.auditor_id,
        )
        oc.session.add(ticket)
        tickets.append(ticket)
    oc.session.flush()
    return audit, score, tickets
