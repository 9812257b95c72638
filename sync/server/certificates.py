"""Training certificates: the list (personal rows, scoped like training progress), a PDF
with a verification QR code, and the public page that QR code opens (no sign-in)."""

from __future__ import annotations

import html
import io
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from fpdf import FPDF
from pydantic import BaseModel, Field
from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from ker_field.domain.decision import MESSAGES, define
from ker_field.domain.labels import Lang
from ker_field.domain.models import TrainingModule, User, UserTrainingProgress
from ker_field.domain.pdf_text import pdf_text
from sync.server.deps import DB, Caller, Principal, State
from sync.server.errors import NOT_FOUND, ApiError
from sync.server.rest_core import (
    ERRORS,
    PageQuery,
    page_body,
    page_model,
    paginate,
    people_at,
    person_visible,
)
from sync.server.tables import CertificateRecord

router = APIRouter(tags=["training"])

LANGS: tuple[Lang, ...] = ("es", "en")

CERT_VALID = define(
    "certificate.valid",
    es="Certificado {number} VIGENTE: {person} aprobó «{module}» el {issued_on}; es válido hasta el {expires_on}.",
    en="Certificate {number} is VALID: {person} passed '{module}' on {issued_on}; it is valid until {expires_on}.",
)
CERT_EXPIRED = define(
    "certificate.expired",
    es="Certificado {number} VENCIDO: {person} aprobó «{module}» el {issued_on}, pero venció el {expires_on}.",
    en="Certificate {number} has EXPIRED: {person} passed '{module}' on {issued_on}, but it expired on {expires_on}.",
)
CERT_UNKNOWN = define(
    "certificate.unknown",
    es="Certificado desconocido: ningún certificado tiene este código de verificación.",
    en="Unknown certificate: no certificate has this verification code.",
)
PDF_TITLE = define(
    "certificate.pdf_title",
    es="Certificado de capacitación",
    en="Training certificate",
)
PDF_BODY = define(
    "certificate.pdf_body",
    es="Se certifica que {person} aprobó el módulo «{module}».",
    en="This certifies that {person} passed the module '{module}'.",
)
PDF_FACTS = define(
    "certificate.pdf_facts",
    es="N.º {number} · emitido el {issued_on} · vence el {expires_on}",
    en="No. {number} · issued on {issued_on} · expires on {expires_on}",
)
PDF_VERIFY = define(
    "certificate.pdf_verify",
    es="Verifique este certificado con el código QR o en {url}",
    en="Verify this certificate with the QR code or at {url}",
)
PAGE_TITLE = define(
    "certificate.page_title",
    es="Verificación de certificado",
    en="Certificate verification",
)


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"


class CertificateOut(BaseModel):
    """A training certificate the server issued when a quiz attempt passed."""

    number: str
    verification_code: str
    verification_path: str = Field(description="The public verification page, e.g. /verify/…")
    status: CertificateStatus
    user_id: uuid.UUID
    person: str
    module_id: uuid.UUID
    module_title: str
    progress_id: uuid.UUID
    score: int | None
    issued_at: datetime
    expires_at: datetime


CertificatePage = page_model("CertificatePage", CertificateOut)


class CertificateQuery(PageQuery):
    status: CertificateStatus | None = Field(None, description="Valid or expired as of now.")
    site_id: uuid.UUID | None = Field(None, description="Only certificates of this site's people.")
    user_id: uuid.UUID | None = None
    module_id: uuid.UUID | None = None


def _statement() -> Select[CertificateRecord, str, str, int | None]:
    return (
        select(CertificateRecord, User.full_name, TrainingModule.title, UserTrainingProgress.score)
        .join(User, User.id == CertificateRecord.user_id)
        .join(TrainingModule, TrainingModule.id == CertificateRecord.module_id)
        .outerjoin(UserTrainingProgress, UserTrainingProgress.id == CertificateRecord.progress_id)
    )


def _reach(who: Principal) -> Select[CertificateRecord, str, str, int | None]:
    return _statement().where(
        CertificateRecord.tenant_id == who.tenant_id,
        person_visible(who, CertificateRecord.user_id),
    )


def _out(row: Row[CertificateRecord, str, str, int | None], now: datetime) -> CertificateOut:
    record, person, module_title, score = row
    return CertificateOut(
        number=record.number,
        verification_code=record.verification_code,
        verification_path=f"/verify/{record.verification_code}",
        status=CertificateStatus.VALID if now < record.expires_at else CertificateStatus.EXPIRED,
        user_id=record.user_id,
        person=person,
        module_id=record.module_id,
        module_title=module_title,
        progress_id=record.progress_id,
        score=score,
        issued_at=record.issued_at,
        expires_at=record.expires_at,
    )


def _find(session: Session, who: Principal, number: str, now: datetime) -> CertificateOut:
    row = session.execute(_reach(who).where(CertificateRecord.number == number)).first()
    if row is None:
        raise ApiError(404, NOT_FOUND, what="certificate")
    return _out(row, now)


Number = Annotated[str, Path(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")]
CODE_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@router.get(
    "/training/certificates",
    response_model=CertificatePage,
    responses=ERRORS,
    summary="List training certificates",
)
def list_certificates(
    who: Caller, session: DB, server: State, query: Annotated[CertificateQuery, Query()]
) -> dict[str, Any]:
    now = server.now()
    statement = _reach(who)
    if query.updated_after is not None:
        statement = statement.where(CertificateRecord.issued_at > query.updated_after)
    if query.status is CertificateStatus.VALID:
        statement = statement.where(CertificateRecord.expires_at > now)
    elif query.status is CertificateStatus.EXPIRED:
        statement = statement.where(CertificateRecord.expires_at <= now)
    if query.site_id is not None:
        statement = statement.where(CertificateRecord.user_id.in_(people_at([query.site_id])))
    if query.user_id is not None:
        statement = statement.where(CertificateRecord.user_id == query.user_id)
    if query.module_id is not None:
        statement = statement.where(CertificateRecord.module_id == query.module_id)
    order = (CertificateRecord.issued_at, CertificateRecord.number)
    rows, total = paginate(session, statement, order, query)
    return page_body([_out(row, now) for row in rows], total, query)


@router.get(
    "/training/certificates/{number}",
    response_model=CertificateOut,
    responses=ERRORS,
    summary="One training certificate",
)
def get_certificate(number: Number, who: Caller, session: DB, server: State) -> CertificateOut:
    return _find(session, who, number, server.now())


def _say(code: str, lang: Lang, **values: object) -> str:
    return MESSAGES[code][lang].format(**values)


def _facts(cert: CertificateOut) -> dict[str, object]:
    return {
        "number": cert.number,
        "person": cert.person,
        "module": cert.module_title,
        "issued_on": f"{cert.issued_at:%Y-%m-%d}",
        "expires_on": f"{cert.expires_at:%Y-%m-%d}",
    }


def certificate_pdf(cert: CertificateOut, verify_url: str) -> bytes:
    """One A4 landscape page, Spanish first and English below, with the verification QR."""
    facts = _facts(cert)
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_creation_date(cert.issued_at)
    pdf.set_title(pdf_text(f"{_say(PDF_TITLE, 'es')} {cert.number}"))
    pdf.set_author("KER Field")
    pdf.add_page()
    pdf.set_margins(20, 20, 20)
    lines = [
        ("B", 26, _say(PDF_TITLE, "es"), 14),
        ("I", 14, _say(PDF_TITLE, "en"), 18),
        ("", 16, _say(PDF_BODY, "es", **facts), 9),
        ("I", 12, _say(PDF_BODY, "en", **facts), 12),
        ("", 12, _say(PDF_FACTS, "es", **facts), 7),
        ("I", 10, _say(PDF_FACTS, "en", **facts), 12),
    ]
    pdf.set_y(28)
    for style, size, text, height in lines:
        pdf.set_font("helvetica", style, size)
        pdf.multi_cell(0, height, pdf_text(text), align="C", new_x="LMARGIN", new_y="NEXT")
    qr = io.BytesIO()
    segno.make_qr(verify_url, error="m").save(qr, kind="png", scale=8, border=2)
    qr.seek(0)
    side = 45.0
    pdf.image(qr, x=(pdf.w - side) / 2, y=pdf.get_y() + 2, w=side, h=side)
    pdf.set_y(pdf.get_y() + side + 6)
    pdf.set_font("helvetica", "", 9)
    for lang in LANGS:
        text = _say(PDF_VERIFY, lang, url=verify_url)
        pdf.multi_cell(0, 5, pdf_text(text), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@router.get(
    "/training/certificates/{number}/pdf",
    response_class=Response,
    responses={**ERRORS, 200: {"content": {"application/pdf": {}}}},
    summary="A training certificate as PDF, with its verification QR code",
)
def certificate_pdf_file(
    number: Number, who: Caller, session: DB, server: State, request: Request
) -> Response:
    cert = _find(session, who, number, server.now())
    url = str(request.url_for("verify_certificate", code=cert.verification_code))
    return Response(
        certificate_pdf(cert, url),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{cert.number}.pdf"'},
    )


def _page(state: str, messages: dict[Lang, str]) -> str:
    title = f"KER Field · {MESSAGES[PAGE_TITLE]['es']} / {MESSAGES[PAGE_TITLE]['en']}"
    return f"""<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; }}
.valid {{ border-left: .5rem solid #1b7f3b; }} .expired {{ border-left: .5rem solid #b26a00; }}
.unknown {{ border-left: .5rem solid #a61b1b; }} main {{ padding: .5rem 1.5rem; }}
p.en {{ color: #555; }}
</style>
</head>
<body>
<main class="{state}" data-status="{state}">
<h1>{html.escape(MESSAGES[PAGE_TITLE]["es"])}</h1>
<p class="es">{html.escape(messages["es"])}</p>
<p class="en" lang="en">{html.escape(messages["en"])}</p>
</main>
</body>
</html>
"""


@router.get(
    "/verify/{code}",
    response_class=HTMLResponse,
    name="verify_certificate",
    responses={404: {"description": "Unknown certificate (an HTML page)."}},
    summary="Public verification page of a certificate (no sign-in)",
)
def verify_certificate(
    code: Annotated[str, Path(min_length=1, max_length=64)], session: DB, server: State
) -> HTMLResponse:
    row = None
    if set(code) <= CODE_ALPHABET:  # codes are URL-safe tokens; anything else is unknown
        row = session.execute(
            _statement().where(CertificateRecord.verification_code == code)
        ).first()
    headers = {"Cache-Control": "no-store"}
    if row is None:
        messages = {lang: _say(CERT_UNKNOWN, lang) for lang in LANGS}
        return HTMLResponse(_page("unknown", messages), status_code=404, headers=headers)
    cert = _out(row, server.now())
    code_of = CERT_VALID if cert.status is CertificateStatus.VALID else CERT_EXPIRED
    messages = {lang: _say(code_of, lang, **_facts(cert)) for lang in LANGS}
    return HTMLResponse(_page(cert.status.value, messages), headers=headers)
