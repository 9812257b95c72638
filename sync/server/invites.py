"""Visitor invites: created by a gate role of the site, each with a token signed by the
tenant's Ed25519 key, shown as a QR code the gate verifies offline
(:func:`ker_field.domain.invite_token.verify_invite_token`)."""

from __future__ import annotations

import io
import secrets
import uuid
from collections.abc import Callable
from typing import Annotated, Any

import segno
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy.orm import Session

from ker_field.domain.decision import check, define
from ker_field.domain.enums import AccessType, VisitorStatus
from ker_field.domain.invite_token import InvitePayload, assemble_token, signing_input
from ker_field.domain.models import Tenant, User, VisitorInvite
from ker_field.domain.operations import NotFound, OpContext, get_or_raise, require
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
