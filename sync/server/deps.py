"""Request dependencies: the database session and the authenticated principal."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from ker_field.domain.enums import UserRole
from ker_field.domain.models import Local, SiteAssignment, User
from ker_field.domain.models.base import utcnow
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import site_scope, tenant_scope, user_scope
from sync.server.errors import DEVICE_REVOKED, DISABLED, TOKEN_INVALID, ApiError
from sync.server.security import decode_access, device_revoked, token_key


@dataclass
class ServerState:
    engine: Engine
    sessions: sessionmaker[Session]
    blob_dir: Path
    max_blob_bytes: int = 25 * 1024 * 1024
    clock: object = field(default=utcnow)
    _token_key: str | None = None

    def now(self) -> datetime:
        return self.clock()  # type: ignore[operator,no-any-return]

    def key(self, session: Session) -> str:
        if self._token_key is None:
            self._token_key = token_key(session)
        return self._token_key


def state(request: Request) -> ServerState:
    return request.app.state.ker  # type: ignore[no-any-return]


def db(request: Request) -> Iterator[Session]:
    with state(request).sessions() as session:
        yield session


DB = Annotated[Session, Depends(db)]
State = Annotated[ServerState, Depends(state)]


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID
    tenant_id: uuid.UUID
    username: str
    full_name: str
    role: UserRole
    device_id: str
    site_ids: frozenset[uuid.UUID]

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.role)

    @property
    def scopes(self) -> frozenset[str]:
        """The sync scopes this person may pull and write."""
        return frozenset(
            {tenant_scope(self.tenant_id), user_scope(self.user_id)}
            | {site_scope(site) for site in self.site_ids}
        )


def site_ids_of(session: Session, user: User) -> frozenset[uuid.UUID]:
    if user.role is UserRole.ADMIN:
        query = select(Local.id).where(Local.tenant_id == user.tenant_id, Local.deleted.is_(False))
    else:
        query = select(SiteAssignment.site_id).where(
            SiteAssignment.user_id == user.id, SiteAssignment.deleted.is_(False)
        )
    return frozenset(session.scalars(query))


def load_principal(session: Session, user: User, device_id: str) -> Principal:
    return Principal(
        user.id,
        user.tenant_id,
        user.username,
        user.full_name,
        user.role,
        device_id,
        site_ids_of(session, user),
    )


def principal(
    session: DB,
    server: State,
    authorization: Annotated[str | None, Header()] = None,
) -> Principal:
    """The caller, re-checked on every request: a disabled user or a revoked device stops
    working at once, whatever tokens it still holds."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, TOKEN_INVALID, headers={"WWW-Authenticate": "Bearer"})
    claims = decode_access(
        server.key(session), authorization.split(" ", 1)[1].strip(), server.now()
    )
    user = session.get(User, claims.user_id)
    if user is None or user.deleted or user.tenant_id != claims.tenant_id:
        raise ApiError(401, TOKEN_INVALID)
    if not user.active:
        raise ApiError(401, DISABLED)
    if device_revoked(session, claims.device_id):
        raise ApiError(401, DEVICE_REVOKED)
    who = load_principal(session, user, claims.device_id)
    session.commit()  # end the read: the route may open transactions of its own
    return who


Caller = Annotated[Principal, Depends(principal)]
