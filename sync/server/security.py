"""Passwords (argon2), short-lived access tokens (JWT, HS256) and rotating refresh tokens.

All state lives in the database, never in a worker's memory, so any worker can answer any
request: the signing key, failed-login counters and locks, refresh tokens, revoked devices.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.server.errors import (
    DEVICE_REVOKED,
    LOCKED,
    THROTTLED,
    TOKEN_INVALID,
    TOKEN_REUSED,
    ApiError,
)
from sync.server.tables import Credential, RefreshToken, RevokedDevice, ServerSecret

ACCESS_TTL = timedelta(minutes=15)
REFRESH_TTL = timedelta(days=30)
THROTTLE_AFTER = 3  # failures before each new attempt must wait
THROTTLE_CAP = timedelta(seconds=60)
LOCK_AFTER = 10  # failures that lock the account
LOCK_FOR = timedelta(minutes=15)

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_key(session: Session) -> str:
    """The signing key shared by every worker (made once, kept in the database)."""
    key = session.scalar(select(ServerSecret.token_key).where(ServerSecret.id == 1))
    if key is not None:
        return key
    try:
        with session.begin_nested():
            session.add(ServerSecret(id=1, token_key=secrets.token_urlsafe(48)))
    except IntegrityError:
        pass  # another worker made it first
    key = session.scalar(select(ServerSecret.token_key).where(ServerSecret.id == 1))
    assert key is not None
    return key


def check_password(session: Session, user_id: uuid.UUID, password: str, now: datetime) -> bool:
    """Verify with throttling: after 3 failures each try waits longer; after 10, a lock."""
    cred = session.get(Credential, user_id, with_for_update=True)
    if cred is None:
        _verify(_DUMMY_HASH, password)  # same cost whether or not the user exists
        return False
    if cred.locked_until is not None and cred.locked_until > now:
        raise ApiError(423, LOCKED, until=f"{cred.locked_until:%H:%M}")
    if cred.failed_count >= THROTTLE_AFTER and cred.last_failed_at is not None:
        wait = min(timedelta(seconds=2 ** (cred.failed_count - THROTTLE_AFTER)), THROTTLE_CAP)
        remaining = cred.last_failed_at + wait - now
        if remaining > timedelta(0):
            seconds = max(1, int(remaining.total_seconds() + 0.999))
            raise ApiError(429, THROTTLED, headers={"Retry-After": str(seconds)}, seconds=seconds)
    if _verify(cred.password_hash, password):
        cred.failed_count, cred.last_failed_at, cred.locked_until = 0, None, None
        return True
    cred.failed_count += 1
    cred.last_failed_at = now
    if cred.failed_count >= LOCK_AFTER:
        cred.locked_until = now + LOCK_FOR
        cred.failed_count = 0
    return False


_DUMMY_HASH = hash_password("not-a-real-password")


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    tenant_id: uuid.UUID
    device_id: str


def issue_access(key: str, claims: AccessClaims, now: datetime) -> str:
    payload = {
        "sub": str(claims.user_id),
        "tid": str(claims.tenant_id),
        "dev": claims.device_id,
        "typ": "access",
        "iat": int(now.timestamp()),
        "exp": int((now + ACCESS_TTL).timestamp()),
    }
    return jwt.encode(payload, key, algorithm="HS256")


def decode_access(key: str, token: str, now: datetime) -> AccessClaims:
    """Verify the signature, then the expiry against the server's clock."""
    try:
        payload = jwt.decode(
            token,
            key,
            algorithms=["HS256"],
            options={"require": ["exp", "sub"], "verify_exp": False, "verify_iat": False},
        )
        if payload.get("typ") != "access":
            raise jwt.InvalidTokenError("not an access token")
        if int(payload["exp"]) <= now.timestamp():
            raise jwt.ExpiredSignatureError("expired")
        return AccessClaims(uuid.UUID(payload["sub"]), uuid.UUID(payload["tid"]), payload["dev"])
    except (jwt.InvalidTokenError, KeyError, ValueError):
        raise ApiError(401, TOKEN_INVALID, headers={"WWW-Authenticate": "Bearer"}) from None


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def device_revoked(session: Session, device_id: str) -> bool:
    return session.get(RevokedDevice, device_id) is not None


def issue_refresh(
    session: Session,
    user_id: uuid.UUID,
    device_id: str,
    now: datetime,
    family_id: uuid.UUID | None = None,
) -> str:
    raw = secrets.token_urlsafe(32)
    session.add(
        RefreshToken(
            id=uuid.uuid4(),
            family_id=family_id or uuid.uuid4(),
            user_id=user_id,
            device_id=device_id,
            token_hash=_digest(raw),
            expires_at=now + REFRESH_TTL,
        )
    )
    return raw


def _revoke_family(session: Session, family_id: uuid.UUID, now: datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def rotate_refresh(
    session: Session, raw: str, device_id: str, now: datetime
) -> tuple[uuid.UUID, str]:
    """Trade a refresh token for a new one of the same family. A token used twice means it
    leaked: the whole family is revoked."""
    token = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == _digest(raw)).with_for_update()
    )
    if token is None or token.device_id != device_id:
        raise ApiError(401, TOKEN_INVALID)
    if token.used_at is not None:
        _revoke_family(session, token.family_id, now)
        session.commit()
        raise ApiError(401, TOKEN_REUSED)
    if token.revoked_at is not None or token.expires_at <= now:
        raise ApiError(401, TOKEN_INVALID)
    if device_revoked(session, device_id):
        raise ApiError(401, DEVICE_REVOKED)
    token.used_at = now
    return token.user_id, issue_refresh(session, token.user_id, device_id, now, token.family_id)


def revoke_refresh(session: Session, raw: str, now: datetime) -> None:
    token = session.scalar(select(RefreshToken).where(RefreshToken.token_hash == _digest(raw)))
    if token is not None:
        _revoke_family(session, token.family_id, now)


def revoke_device(
    session: Session, tenant_id: uuid.UUID, device_id: str, by: uuid.UUID, now: datetime
) -> None:
    if session.get(RevokedDevice, device_id) is None:
        session.add(RevokedDevice(device_id=device_id, tenant_id=tenant_id, revoked_by=by))
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.device_id == device_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
