"""Quality-audit use cases: pick a checklist, answer its items offline (each answer saved as
it is given, with notes and photos), complete the audit with its score and corrective
tickets, and print the report (PDF).

Every write runs the shared domain operation and queues the same intent in the outbox, in
one transaction; the server replays it through the same operation (and recomputes the
score on completion).
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from sqlalchemy import select

from ker_field.domain.decision import RuleViolation, check, define
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity
from ker_field.domain.labels import Lang, label
from ker_field.domain.models import AuditTemplate, Local, QualityAudit, ServiceTicket, User
from ker_field.domain.operations import audits as ops
from ker_field.domain.pdf_text import pdf_text
from ker_field.domain.rules import audits as rules
from ker_field.services.context import ServiceContext, get_or_raise
from ker_field.store.local import enqueue_blob
from sync.protocol import AuditAnswerArgs, AuditCompleteArgs, AuditStartArgs, MutationName

PHOTO_UNREADABLE = define(
    "audit.photo_unreadable",
    es="La foto no es una imagen JPEG o PNG válida: tómela de nuevo.",
    en="The photo is not a valid JPEG or PNG image: take it again.",
)


@dataclass(frozen=True)
class TemplateView:
    id: uuid.UUID
    standard: str
    code: str
    title: str
    weighted: bool
    item_count: int


@dataclass(frozen=True)
class AuditItemView:
    key: str
    clause: str
    section: str
    text: str
    weight: float
    result: AuditResult | None
    note: str
    photos: tuple[str, ...]
    severity: FindingSeverity | None
    open_ticket: bool


@dataclass(frozen=True)
class TicketRef:
    id: uuid.UUID
    number: str
    title: str


@dataclass(frozen=True)
class AuditView:
    id: uuid.UUID
    site_name: str
    standard: str
    title: str
    status: AuditStatus
    auditor_name: str
    performed_at: datetime
    completed_at: datetime | None
    weighted: bool
    score: rules.AuditScore
    items: tuple[AuditItemView, ...]
    tickets: tuple[TicketRef, ...]
    pending_sync: bool  # version 0: the server has not acknowledged it yet

    @property
    def completed(self) -> bool:
        return self.status is AuditStatus.COMPLETED


@dataclass(frozen=True)
class AuditRow:
    id: uuid.UUID
    standard: str
    title: str
    status: AuditStatus
    performed_at: datetime
    score: float | None
    answered: int
    total: int
    findings: int


def list_templates(ctx: ServiceContext) -> list[TemplateView]:
    with ctx.store.sessions() as session:
        rows = session.scalars(
            select(AuditTemplate)
            .where(
                AuditTemplate.tenant_id == ctx.tenant_id,
                AuditTemplate.active.is_(True),
                AuditTemplate.deleted.is_(False),
            )
            .order_by(AuditTemplate.standard)
        )
        return [
            TemplateView(t.id, t.standard, t.code, t.title, t.weighted, len(t.items)) for t in rows
        ]


def list_audits(ctx: ServiceContext, limit: int = 200) -> list[AuditRow]:
    """This site's audits, the ones in progress first, then the newest."""
    with ctx.store.sessions() as session:
        audits = session.scalars(
            select(QualityAudit)
            .where(QualityAudit.site_id == ctx.site_id, QualityAudit.deleted.is_(False))
            .order_by(QualityAudit.performed_at.desc())
            .limit(limit)
        )
        rows = []
        for audit in audits:
            answers = [rules.item_answer(item) for item in audit.items]
            rows.append(
                AuditRow(
                    audit.id,
                    audit.standard,
                    audit.title,
                    audit.status,
                    audit.performed_at,
                    audit.score,
                    sum(1 for a in answers if a.result is not None),
                    len(answers),
                    sum(1 for a in answers if a.is_finding),
                )
            )
    return sorted(rows, key=lambda r: r.status is not AuditStatus.IN_PROGRESS)


def _view(ctx: ServiceContext, audit_id: uuid.UUID) -> AuditView:
    with ctx.store.sessions() as session:
        audit = get_or_raise(session, QualityAudit, audit_id)
        site = session.get(Local, audit.site_id)
        auditor = session.get(User, audit.auditor_id)
        template = (
            session.get(AuditTemplate, audit.template_id) if audit.template_id is not None else None
        )
        weighted = bool(template is not None and template.weighted)
        answers = [rules.item_answer(item) for item in audit.items]
        items = tuple(
            AuditItemView(
                key=answer.key,
                clause=str(item.get("clause", "")),
                section=str(item.get("section", "")),
                text=str(item["text"]),
                weight=answer.weight,
                result=answer.result,
                note=answer.note,
                photos=answer.photos,
                severity=answer.severity,
                open_ticket=answer.open_ticket,
            )
            for item, answer in zip(audit.items, answers, strict=True)
        )
        ticket_ids = [
            ops.corrective_ticket_id(audit.id, a.key)
            for a in answers
            if a.is_finding and a.open_ticket
        ]
        tickets = tuple(
            TicketRef(t.id, t.number, t.title)
            for t in session.scalars(select(ServiceTicket).where(ServiceTicket.id.in_(ticket_ids)))
        )
        return AuditView(
            id=audit.id,
            site_name=site.name if site is not None else "",
            standard=audit.standard,
            title=audit.title,
            status=audit.status,
            auditor_name=auditor.full_name if auditor is not None else "",
            performed_at=audit.performed_at,
            completed_at=audit.completed_at,
            weighted=weighted,
            score=rules.audit_score(answers, weighted),
            items=items,
            tickets=tickets,
            pending_sync=audit.version == 0,
        )


def load_audit(ctx: ServiceContext, audit_id: uuid.UUID) -> AuditView:
    return _view(ctx, audit_id)


def start_audit(ctx: ServiceContext, template_id: uuid.UUID) -> AuditView:
    args = AuditStartArgs(id=uuid.uuid4(), template_id=template_id)
    with ctx.store.transaction() as session:
        ops.start_audit(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.AUDIT_START, args)
    return _view(ctx, args.id)


def _image_type(data: bytes) -> str | None:
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    return None


def store_photo(ctx: ServiceContext, data: bytes) -> str:
    """Keep a photo (JPEG or PNG bytes from the camera) in the blob store; its SHA-256.
    A broken photo is refused with a message; nothing is written."""
    if not data or _image_type(data) is None:
        raise RuleViolation(check(False, PHOTO_UNREADABLE))
    return ctx.store.blobs.put(data)


def answer_item(
    ctx: ServiceContext,
    audit_id: uuid.UUID,
    key: str,
    result: AuditResult | None,
    note: str = "",
    photos: Sequence[str] = (),
    severity: FindingSeverity | None = None,
    open_ticket: bool = False,
) -> AuditView:
    """Save one item's answer now (the auditor may leave and come back)."""
    args = AuditAnswerArgs(
        id=audit_id,
        key=key,
        result=result,
        note=note,
        photos=list(photos),
        severity=severity if result is AuditResult.FAIL else None,
        open_ticket=open_ticket if result is AuditResult.FAIL else False,
    )
    for sha in args.photos:
        if not ctx.store.blobs.exists(sha):
            ctx.store.blobs.read(sha)  # raises BlobMissing naming the photo
    with ctx.store.transaction() as session:
        ops.answer_item(ctx.op(session), **args.operation_kwargs())
        for sha in args.photos:
            data = ctx.store.blobs.read(sha)
            enqueue_blob(session, ctx.store.blobs, sha, _image_type(data) or "image/jpeg")
        ctx.enqueue(session, MutationName.AUDIT_ANSWER, args)
    return _view(ctx, audit_id)


def complete_audit(ctx: ServiceContext, audit_id: uuid.UUID) -> AuditView:
    args = AuditCompleteArgs(id=audit_id)
    with ctx.store.transaction() as session:
        ops.complete_audit(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.AUDIT_COMPLETE, args)
    return _view(ctx, audit_id)


# -- the report ---------------------------------------------------------------------------

_WORDS: dict[str, tuple[str, str]] = {
    "report": ("Informe de auditoría", "Audit report"),
    "site": ("Instalación", "Site"),
    "auditor": ("Auditor(a)", "Auditor"),
    "date": ("Fecha", "Date"),
    "status": ("Estado", "Status"),
    "score": ("Puntaje", "Score"),
    "weighted": ("ponderado por criticidad", "weighted by criticality"),
    "summary": (
        "Cumple {p} · No cumple {f} · No aplica {n} · Sin responder {u}",
        "Pass {p} · Fail {f} · N/A {n} · Unanswered {u}",
    ),
    "item": ("Ítem", "Item"),
    "result": ("Resultado", "Result"),
    "note": ("Nota", "Note"),
    "findings": ("Hallazgos", "Findings"),
    "no_findings": ("Sin hallazgos.", "No findings."),
    "ticket": ("Orden correctiva", "Corrective ticket"),
    "photos": ("Fotos", "Photos"),
    "unanswered": ("sin responder", "unanswered"),
}


def _word(key: str, lang: Lang) -> str:
    es, en = _WORDS[key]
    return es if lang == "es" else en


def audit_report_pdf(ctx: ServiceContext, audit_id: uuid.UUID, lang: Lang = "es") -> bytes:
    """The audit as a printable A4 report: header, score, every item, findings with their
    severity, note, photos and corrective ticket."""
    view = _view(ctx, audit_id)
    pdf = FPDF(format="A4")
    pdf.set_title(pdf_text(f"{view.standard} - {view.title}"))
    pdf.set_creation_date(view.completed_at or view.performed_at)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(
        0, 8, pdf_text(f"{_word('report', lang)}: {view.title}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Helvetica", "", 10)
    when = (view.completed_at or view.performed_at).strftime("%d-%m-%Y %H:%M UTC")
    score = "-" if view.score.score is None else f"{view.score.score:.2f} %"
    if view.weighted:
        score += f" ({_word('weighted', lang)})"
    for key, value in (
        ("site", view.site_name),
        ("auditor", view.auditor_name),
        ("date", when),
        ("status", label(view.status, lang)),
        ("score", score),
    ):
        pdf.cell(0, 6, pdf_text(f"{_word(key, lang)}: {value}"), new_x="LMARGIN", new_y="NEXT")
    s = view.score
    pdf.cell(
        0,
        6,
        pdf_text(
            _word("summary", lang).format(
                p=s.passed, f=s.failed, n=s.not_applicable, u=s.unanswered
            )
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        col_widths=(14, 96, 28, 52),
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        line_height=5,
        text_align="LEFT",
    ) as table:
        table.row([pdf_text(_word(k, lang)) for k in ("item", "item", "result", "note")])
        for item in view.items:
            result = (
                label(item.result, lang) if item.result is not None else _word("unanswered", lang)
            )
            table.row(
                [pdf_text(item.clause), pdf_text(item.text), pdf_text(result), pdf_text(item.note)]
            )
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, pdf_text(_word("findings", lang)), new_x="LMARGIN", new_y="NEXT")
    findings = [item for item in view.items if item.result is AuditResult.FAIL]
    tickets = {t.id: t for t in view.tickets}
    if not findings:
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(0, 6, pdf_text(_word("no_findings", lang)), new_x="LMARGIN", new_y="NEXT")
    for item in findings:
        pdf.set_font("Helvetica", "B", 10)
        severity = label(item.severity, lang) if item.severity is not None else "-"
        pdf.multi_cell(
            0, 5, pdf_text(f"{item.clause} {item.text} [{severity}]"), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_font("Helvetica", "", 10)
        if item.note:
            pdf.multi_cell(
                0, 5, pdf_text(f"{_word('note', lang)}: {item.note}"), new_x="LMARGIN", new_y="NEXT"
            )
        ticket = tickets.get(ops.corrective_ticket_id(view.id, item.key))
        if ticket is not None:
            pdf.cell(
                0,
                5,
                pdf_text(f"{_word('ticket', lang)}: {ticket.number}"),
                new_x="LMARGIN",
                new_y="NEXT",
            )
        _photos(pdf, ctx, item.photos)
        pdf.ln(2)
    return bytes(pdf.output())


def _photos(pdf: FPDF, ctx: ServiceContext, photos: Sequence[str]) -> None:
    """Thumbnails of an item's photos in a row (a missing or broken one is skipped)."""
    x = pdf.l_margin
    shown = 0
    width = 40.0
    if photos and pdf.will_page_break(32):
        pdf.add_page()
    y = pdf.get_y() + 1
    for sha in photos:
        try:
            data = ctx.store.blobs.read(sha)
            pdf.image(io.BytesIO(data), x=x, y=y, w=width, h=30, keep_aspect_ratio=True)
        except Exception:  # a photo still uploading or broken is not fatal
            continue
        x += width + 3
        shown += 1
    if shown:
        pdf.set_y(y + 31)


def write_report(ctx: ServiceContext, audit_id: uuid.UUID, folder: Path, lang: Lang = "es") -> Path:
    """The report as a PDF file in ``folder`` (written atomically); its path."""
    data = audit_report_pdf(ctx, audit_id, lang)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"auditoria-{audit_id.hex[:8]}.pdf"
    tmp = path.with_suffix(".pdf.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
