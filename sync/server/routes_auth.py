"""Sign-in, token refresh, sign-out, device revocation, and who am I."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from ker_field.domain.enums import UserRole
from ker_field.domain.models import Tenant, User
from sync.protocol.snapshot import PermissionSnapshot, sign_snapshot
from sync.server.deps import DB, Caller, Principal, State, load_principal
from sync.server.errors import (
    DEVICE_REVOKED,
    DISABLED,
    FORBIDDEN,
    INVALID_CREDENTIALS,
    ApiError,
)
from sync.server.keys import ensure_tenant_key
from sync.server.security import (
    ACCESS_TTL,
    AccessClaims,
    check_password,
    device_revoked,
    issue_access,
    issue_refresh,
    revoke_device,
    revoke_refresh,
    rotate_refresh,
)
from sync.server.tables import RefreshToken

router = APIRouter(tags=["auth"])

SNAPSHOT_TTL = timedelta(days=7)  # how long a device may unlock offline without the server

DeviceId = Annotated[str, Field(min_length=1, max_length=64)]


class LoginRequest(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]
    device_id: DeviceId


class RefreshRequest(BaseModel):
    refresh_token: Annotated[str, Field(min_length=1, max_length=256)]
    device_id: DeviceId


class LogoutRequest(BaseModel):
    refresh_token: Annotated[str, Field(min_length=1, max_length=256)]


class Me(BaseModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    username: str
    full_name: str
    role: UserRole
    site_ids: list[uuid.UUID]


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int
    user: Me
    # Lets the device unlock offline and know the person's role and sites until it expires.
    permission_snapshot: PermissionSnapshot
    snapshot_signature: str


def me_of(who: Principal) -> Me:
    return Me(
        id=who.user_id,
        tenant_id=who.tenant_id,
        username=who.username,
        full_name=who.full_name,
        role=who.role,
        site_ids=sorted(who.site_ids, key=str),
    )


def _tokens(session: DB, server: State, who: Principal, refresh: str) -> TokenResponse:
    now = server.now()
    claims = AccessClaims(who.user_id, who.tenant_id, who.device_id)
    snapshot = PermissionSnapshot(
        user_id=who.user_id,
        tenant_id=who.tenant_id,
        username=who.username,
        full_name=who.full_name,
        role=who.role,
        site_ids=sorted(who.site_ids, key=str),
        issued_at=now,
        expires_at=now + SNAPSHOT_TTL,
    )
    tenant = session.get(Tenant, who.tenant_id)
    assert tenant is not None
    return TokenResponse(
        access_token=issue_access(server.key(session), claims, now),
        refresh_token=refresh,
        expires_in=int(ACCESS_TTL.total_seconds()),
        user=me_of(who),
        permission_snapshot=snapshot,
        snapshot_signature=sign_snapshot(snapshot, ensure_tenant_key(session, tenant).private_key),
    )


@router.post("/auth/token", response_model=TokenResponse)
def login(body: LoginRequest, session: DB, server: State) -> TokenResponse:
    now = server.now()
    user = session.scalar(select(User).where(User.username == body.username))
    ok = check_password(session, user.id if user else uuid.uuid4(), body.password, now)
    if not ok or user is None:
        session.commit()  # keep the failure count
        raise ApiError(401, INVALID_CREDENTIALS)
    if not user.active or user.deleted:
        session.commit()
        raise ApiError(401, DISABLED)
    if device_revoked(session, body.device_id):
        raise ApiError(401, DEVICE_REVOKED)
    who = load_principal(session, user, body.device_id)
    refresh = issue_refresh(session, user.id, body.device_id, now)
    response = _tokens(session, server, who, refresh)
    session.commit()
    return response


@router.post("/auth/refresh", response_model=TokenResponse)
def refresh(body: RefreshRequest, session: DB, server: State) -> TokenResponse:
    user_id, new_refresh = rotate_refresh(session, body.refresh_token, body.device_id, server.now())
    user = session.get(User, user_id)
    if user is None or not user.active or user.deleted:
        session.rollback()
        raise ApiError(401, DISABLED)
    response = _tokens(session, server, load_principal(session, user, body.device_id), new_refresh)
    session.commit()
    return response


@router.post("/auth/logout", status_code=204)
def logout(body: LogoutRequest, session: DB, server: State) -> Response:
    revoke_refresh(session, body.refresh_token, server.now())
    session.commit()
    return Response(status_code=204)


@router.post("/auth/devices/{device_id}/revoke", status_code=204)
def revoke(
    device_id: Annotated[str, Path(min_length=1, max_length=64)],
    who: Caller,
    session: DB,
    server: State,
) -> Response:
    """An admin revokes any device of the tenant; a person may revoke their own device."""
    if who.role is not UserRole.ADMIN and device_id != who.device_id:
        raise ApiError(403, FORBIDDEN)
    tenants = set(
        session.scalars(
            select(User.tenant_id)
            .join(RefreshToken, RefreshToken.user_id == User.id)
            .where(RefreshToken.device_id == device_id)
        )
    )
    if tenants - {who.tenant_id}:
        raise ApiError(403, FORBIDDEN)  # another tenant's device
    revoke_device(session, who.tenant_id, device_id, who.user_id, server.now())
    session.commit()
    return Response(status_code=204)


@router.get("/users/me", response_model=Me, tags=["users"])
def users_me(who: Caller) -> Me:
    return me_of(who)
