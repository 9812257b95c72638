"""Visitor invites: created by a gate role of the site, each with a token signed by the
tenant's Ed25519 key, shown as a QR code the gate verifies offline
(:func:`ker_field.domain.invite_token.verify_invite_token`)."""

from __future__ import annotations

import io
import secrets
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import segno
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import APIRouter, Request, Response
from fpdf import FPDF
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.decision import MESSAGES, check, define
from ker_field.domain.enums import AccessType, UserRole, VisitorStatus
from ker_field.domain.invite_token import InvitePayload, assemble_token, signing_input
from ker_field.domain.labels import Lang
from ker_field.domain.models import Local, Tenant, User, VisitorInvite
from ker_field.domain.operations import NotFound, OpContext, get_or_raise, require
from ker_field.domain.operations.visitors import anonymize_expired
from ker_field.domain.pdf_text import pdf_text
from ker_field.domain.rules import visitors as visitor_rules
from ker_field.domain.rules.common import check_role
from ker_field.domain.rules.rut import check_rut, normalize_rut
from ker_field.domain.scopes import site_scope
from sync.server.deps import DB, Caller, State
from sync.server.errors import FORBIDDEN, ApiError
from sync.server.keys import ensure_tenant_key
from sync.server.rest_core import (
    ERRORS,
    VISITOR_DATA_ROLES,
    WRITE_ERRORS,
    Instant,
    Short,
)
from sync.server.rest_resources import SITES, VISITOR_INVITES

router = APIRouter(tags=["visitors"])

WINDOW_INVALID = define(
    "invite.window_invalid",
    es="La invitación debe terminar después de comenzar, y no puede haber vencido ya.",
    en="The invitation must end after it starts, and must not have ended already.",
)
NO_TOKEN = define(
    "invite.token_missing",
    es="Esta invitación no tiene un código QR firmado: cree una invitación nueva.",
    en="This invitation has no signed QR code: create a new invitation.",
)


class InviteRequest(BaseModel):
    """Invite a visitor, contractor or delivery to a site for a time window."""

    model_config = ConfigDict(extra="forbid")

    site_id: uuid.UUID
    visitor_name: Short
    visitor_rut: Annotated[str, StringConstraints(min_length=1, max_length=16)] | None = None
    visitor_company: Short | None = None
    access_type: AccessType = AccessType.VISITOR
    host_user_id: uuid.UUID | None = Field(None, description="Who the visitor comes to see.")
    expected_arrival: Instant | None = None
    valid_from: Instant
    valid_to: Instant


def sign_invite(private_key: bytes, payload: InvitePayload) -> str:
    """``KER1.<payload>.<signature>`` signed with the tenant's raw Ed25519 private key."""
    signed = signing_input(payload)
    return assemble_token(signed, Ed25519PrivateKey.from_private_bytes(private_key).sign(signed))


def issue_token(session: Session, invite: VisitorInvite) -> str:
    tenant = get_or_raise(session, Tenant, invite.tenant_id)
    key = ensure_tenant_key(session, tenant)
    payload = InvitePayload(
        invite_id=invite.id,
        site_id=invite.site_id,
        valid_from=invite.valid_from,
        valid_to=invite.valid_to,
        nonce=secrets.token_urlsafe(9),
    )
    return sign_invite(key.private_key, payload)


def create_invite(oc: OpContext, tenant_id: uuid.UUID, body: InviteRequest) -> VisitorInvite:
    require(check_role(oc.actor, "gate"))
    require(check(bool(body.visitor_name.strip()), visitor_rules.NAME_REQUIRED))
    require(check(oc.now < body.valid_to and body.valid_from < body.valid_to, WINDOW_INVALID))
    rut = None
    if body.visitor_rut:
        require(check_rut(body.visitor_rut))
        rut = normalize_rut(body.visitor_rut)
    if body.host_user_id is not None:
        host = get_or_raise(oc.session, User, body.host_user_id)
        if host.tenant_id != tenant_id:
            raise NotFound("User", body.host_user_id)
    invite = VisitorInvite(
        id=uuid.uuid4(),
        tenant_id=tenant_id,
        scope=site_scope(body.site_id),
        site_id=body.site_id,
        visitor_name=body.visitor_name.strip(),
        visitor_rut=rut,
        visitor_company=body.visitor_company,
        access_type=body.access_type,
        host_user_id=body.host_user_id,
        expected_arrival=body.expected_arrival,
        valid_from=body.valid_from,
        valid_to=body.valid_to,
        status=VisitorStatus.INVITED,
    )
    invite.qr_token = issue_token(oc.session, invite)
    oc.session.add(invite)
    return invite


@router.post(
    "/visitors/invites",
    status_code=201,
    response_model=VISITOR_INVITES.out_model,
    responses=WRITE_ERRORS,
    summary="Invite a visitor (guard, supervisor or admin of the site)",
)
def post_invite(
    body: InviteRequest, who: Caller, session: DB, server: State, request: Request
) -> Any:
    site = SITES.find(session, who, body.site_id)
    return VISITOR_INVITES.write(
        session, who, server, request, site.id, lambda oc: create_invite(oc, who.tenant_id, body)
    )


def _token_of(session: Session, who: Caller, ident: uuid.UUID) -> str:
    invite = VISITOR_INVITES.find(session, who, ident)
    if who.role not in VISITOR_DATA_ROLES:
        raise ApiError(403, FORBIDDEN)
    if not invite.qr_token:
        raise ApiError(409, NO_TOKEN)
    return str(invite.qr_token)


QR_ERRORS = {**ERRORS, 403: WRITE_ERRORS[403], 409: WRITE_ERRORS[409]}


def _qr_route(kind: str, media_type: str) -> Callable[..., Response]:
    def qr(id: uuid.UUID, who: Caller, session: DB) -> Response:
        buffer = io.BytesIO()
        code = segno.make_qr(_token_of(session, who, id), error="m")
        code.save(buffer, kind=kind, scale=6, border=4)
        return Response(buffer.getvalue(), media_type=media_type)

    return qr


for _kind, _media_type in (("png", "image/png"), ("svg", "image/svg+xml")):
    router.add_api_route(
        f"/visitors/invites/{{id}}/qr.{_kind}",
        _qr_route(_kind, _media_type),
        methods=["GET"],
        response_class=Response,
        responses={**QR_ERRORS, 200: {"content": {_media_type: {}}}},
        name=f"invite_qr_{_kind}",
        summary=f"The invite's QR code ({_kind.upper()}), for the visitor to show at the gate",
    )


INVITATION_TITLE = define(
    "invite.pdf_title",
    es="Invitación a {site}",
    en="Invitation to {site}",
)
INVITATION_BODY = define(
    "invite.pdf_body",
    es="{name} ({company}) está invitado(a) del {valid_from} al {valid_to}; le recibe {host}.",
    en="{name} ({company}) is invited from {valid_from} to {valid_to}; {host} will receive them.",
)
INVITATION_HINT = define(
    "invite.pdf_hint",
    es="Muestre este código QR en la portería, impreso o en su teléfono, junto a su cédula.",
    en="Show this QR code at the gate, printed or on your phone, with your identity card.",
)


def invitation_pdf(invite: VisitorInvite, site_name: str, host_name: str, token: str) -> bytes:
    """One A4 page, Spanish first and English below, with the signed QR code."""
    facts = {
        "site": site_name,
        "name": invite.visitor_name,
        "company": invite.visitor_company or "-",
        "valid_from": f"{invite.valid_from:%Y-%m-%d %H:%M} UTC",
        "valid_to": f"{invite.valid_to:%Y-%m-%d %H:%M} UTC",
        "host": host_name or "-",
    }
    pdf = FPDF(format="A4")
    pdf.set_title(pdf_text(MESSAGES[INVITATION_TITLE]["es"].format(**facts)))
    pdf.set_author("KER Field")
    pdf.add_page()
    pdf.set_margins(20, 20, 20)
    pdf.set_y(24)
    plain: tuple[tuple[Lang, str], ...] = (("es", ""), ("en", "I"))
    langs: tuple[tuple[Lang, str], ...] = (("es", "B"), ("en", "BI"))
    for lang, style in langs:
        pdf.set_font("helvetica", style, 20 if lang == "es" else 14)
        title = MESSAGES[INVITATION_TITLE][lang].format(**facts)
        pdf.multi_cell(0, 10, pdf_text(title), align="C", new_x="LMARGIN", new_y="NEXT")
    for lang, style in plain:
        pdf.set_font("helvetica", style, 12)
        body = MESSAGES[INVITATION_BODY][lang].format(**facts)
        pdf.multi_cell(0, 7, pdf_text(body), align="C", new_x="LMARGIN", new_y="NEXT")
    qr = io.BytesIO()
    segno.make_qr(token, error="m").save(qr, kind="png", scale=8, border=4)
    qr.seek(0)
    side = 90.0
    pdf.image(qr, x=(pdf.w - side) / 2, y=pdf.get_y() + 6, w=side, h=side)
    pdf.set_y(pdf.get_y() + side + 12)
    for lang, style in plain:
        pdf.set_font("helvetica", style, 11)
        hint = MESSAGES[INVITATION_HINT][lang]
        pdf.multi_cell(0, 6, pdf_text(hint), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@router.get(
    "/visitors/invites/{id}/invitation.pdf",
    response_class=Response,
    responses={**QR_ERRORS, 200: {"content": {"application/pdf": {}}}},
    summary="A printable invitation (PDF) with the signed QR code",
)
def invite_pdf(id: uuid.UUID, who: Caller, session: DB) -> Response:
    token = _token_of(session, who, id)
    invite = VISITOR_INVITES.find(session, who, id)
    site = session.get(Local, invite.site_id)
    host = session.get(User, invite.host_user_id) if invite.host_user_id else None
    body = invitation_pdf(invite, site.name if site else "", host.full_name if host else "", token)
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="invitation-{invite.id}.pdf"'},
    )


class RetentionOut(BaseModel):
    access_logs: int
    invites: int
    ndas: int


def anonymize_tenant(session: Session, tenant_id: uuid.UUID, now: datetime) -> RetentionOut:
    """The same domain operation the devices run, over every site of the tenant."""
    totals = RetentionOut(access_logs=0, invites=0, ndas=0)
    for site in session.scalars(
        select(Local).where(Local.tenant_id == tenant_id, Local.deleted.is_(False))
    ):
        done = anonymize_expired(session, site, now)
        totals = RetentionOut(
            access_logs=totals.access_logs + done.access_logs,
            invites=totals.invites + done.invites,
            ndas=totals.ndas + done.ndas,
        )
    return totals


def anonymize_all_tenants(session: Session, now: datetime) -> RetentionOut:
    """Every tenant's retention at once: the server runs it when it starts (and an operator's
    daily job with ``ker-field-server --retention``)."""
    totals = RetentionOut(access_logs=0, invites=0, ndas=0)
    for tenant_id in session.scalars(select(Tenant.id)):
        done = anonymize_tenant(session, tenant_id, now)
        totals = RetentionOut(
            access_logs=totals.access_logs + done.access_logs,
            invites=totals.invites + done.invites,
            ndas=totals.ndas + done.ndas,
        )
    return totals


@router.post(
    "/visitors/retention/run",
    response_model=RetentionOut,
    responses=WRITE_ERRORS,
    summary="Anonymize visitor personal data past each site's retention period (admin; "
    "run daily by the operator's scheduler)",
)
def run_retention(who: Caller, session: DB, server: State) -> RetentionOut:
    if who.role is not UserRole.ADMIN:
        raise ApiError(403, FORBIDDEN)
    with session.begin():
        return anonymize_tenant(session, who.tenant_id, server.now())
