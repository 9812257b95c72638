"""Audits on the device: templates from the demo, answers saved as they go (with photos),
completion with score and corrective tickets, the PDF report, the outbox."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity, TicketStatus
from ker_field.domain.models import ServiceTicket
from ker_field.services import audits
from ker_field.store.tables import BlobQueueEntry, OutboxEntry
from tests.helpers.frames import jpeg_photo


def template_id(code: str):
    return demo.demo_id("audit_template", code)


def test_the_three_iso_checklists_are_there(ctx_for):
    templates = audits.list_templates(ctx_for("supervisor"))
    assert [(t.standard, t.item_count, t.weighted) for t in templates] == [
        ("ISO 14001", 12, False),
        ("ISO 45001", 12, True),
        ("ISO 9001", 12, False),
    ]


def test_a_technician_cannot_audit(ctx_for):
    with pytest.raises(RuleViolation) as refused:
        audits.start_audit(ctx_for("tecnico"), template_id("ISO9001"))
    assert refused.value.decision.code == "auth.role_forbidden"


def test_answer_complete_score_tickets_and_outbox(ctx_for, demo_store):
    boss = ctx_for("supervisor")
    view = audits.start_audit(boss, template_id("ISO9001"))
    assert view.status is AuditStatus.IN_PROGRESS
    assert len(view.items) == 12
    keys = [item.key for item in view.items]
    photo = audits.store_photo(boss, jpeg_photo(7))
    # 9 pass, 2 fail (one with a corrective ticket), 1 not applicable: 9 / 11 = 81.82 %.
    for key in keys[:9]:
        audits.answer_item(boss, view.id, key, AuditResult.PASS)
    audits.answer_item(
        boss,
        view.id,
        keys[9],
        AuditResult.FAIL,
        "Producto no conforme sin rotular en bodega 2",
        [photo],
        FindingSeverity.MAJOR,
        open_ticket=True,
    )
    audits.answer_item(
        boss,
        view.id,
        keys[10],
        AuditResult.FAIL,
        "Encuesta 2026 pendiente",
        severity=FindingSeverity.OBSERVATION,
    )
    with pytest.raises(RuleViolation) as early:
        audits.complete_audit(boss, view.id)
    assert early.value.decision.code == "audit.unanswered"
    # Saved as it goes: reading it back from the store shows the answers so far.
    again = audits.load_audit(boss, view.id)
    assert again.score.answered == 11
    assert again.items[9].photos == (photo,)

    audits.answer_item(boss, view.id, keys[11], AuditResult.NOT_APPLICABLE)
    done = audits.complete_audit(boss, view.id)
    assert done.completed
    assert done.score.score == 81.82
    assert [t.number[:8] for t in done.tickets] == ["NC-STGO-"]
    with demo_store.sessions() as session:
        ticket = session.scalars(
            select(ServiceTicket).where(ServiceTicket.id == done.tickets[0].id)
        ).one()
        assert ticket.status is TicketStatus.OPEN
        assert "8.7" in ticket.title
        assert "Producto no conforme sin rotular" in (ticket.description or "")
        names = [e.name for e in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
        assert names == ["audit.start"] + ["audit.answer"] * 12 + ["audit.complete"]
        assert session.get(BlobQueueEntry, photo) is not None

    with pytest.raises(RuleViolation) as closed:
        audits.answer_item(boss, view.id, keys[0], AuditResult.FAIL)
    assert closed.value.decision.code == "audit.already_completed"

    pdf = audits.audit_report_pdf(boss, view.id, "es")
    assert pdf.startswith(b"%PDF")
    assert b"/Subtype /Image" in pdf  # the finding's photo is in the report


def test_a_broken_photo_is_refused_with_a_message(ctx_for):
    with pytest.raises(RuleViolation) as broken:
        audits.store_photo(ctx_for("supervisor"), b"not a picture")
    assert broken.value.decision.messages("es") == [
        "La foto no es una imagen JPEG o PNG válida: tómela de nuevo."
    ]


def test_only_the_auditor_answers(ctx_for):
    view = audits.start_audit(ctx_for("supervisor"), template_id("ISO45001"))
    with pytest.raises(RuleViolation) as other:
        audits.answer_item(ctx_for("admin"), view.id, view.items[0].key, AuditResult.PASS)
    assert other.value.decision.code == "audit.not_auditor"
