"""Signing a person in (online first, offline unlock when the server cannot be reached) and
what a signed-in person's session holds. No Qt here: the login window runs
:func:`sign_in` through the task runner.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import select

from ker_field.domain.enums import UserRole
from ker_field.domain.models import Local
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import site_scope, tenant_scope, user_scope
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from ker_field.store.tables import SyncState
from sync.client import account
from sync.client.api import Refused, ServerApi, ServerUnavailable, SignInRequired, Tokens
from sync.client.engine import SyncEngine
from sync.protocol.snapshot import PermissionSnapshot


class Failure(StrEnum):
    """Why a sign-in did not happen; the login window words each one."""

    WRONG_CREDENTIALS = "wrong_credentials"  # the server said no
    REFUSED = "refused"  # the server refused for another reason (inactive account...)
    OFFLINE_WRONG_PASSWORD = "offline_wrong_password"
    OFFLINE_UNKNOWN = "offline_unknown"  # never signed in here, and no server
    OFFLINE_EXPIRED = "offline_expired"
    OFFLINE_INVALID = "offline_invalid"


_UNLOCK_FAILURES = {
    account.WRONG_PASSWORD: Failure.OFFLINE_WRONG_PASSWORD,
    account.UNKNOWN_ON_DEVICE: Failure.OFFLINE_UNKNOWN,
    account.SNAPSHOT_EXPIRED: Failure.OFFLINE_EXPIRED,
    account.SNAPSHOT_INVALID: Failure.OFFLINE_INVALID,
}


class SignInFailed(Exception):
    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(failure.value)
        self.failure, self.detail = failure, detail

    @property
    def server_unreachable(self) -> bool:
        return self.failure.value.startswith("offline_")


Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class UserSession:
    """One signed-in person on this device."""

    store: LocalStore
    api: ServerApi
    snapshot: PermissionSnapshot
    signed_in_online: bool
    site_id: uuid.UUID
    clock: Clock = field(default=_utcnow)

    @property
    def user_id(self) -> uuid.UUID:
        return self.snapshot.user_id

    @property
    def role(self) -> UserRole:
        return self.snapshot.role

    @property
    def username(self) -> str:
        return self.snapshot.username

    @property
    def full_name(self) -> str:
        return self.snapshot.full_name

    def scopes(self) -> list[str]:
        return [
            tenant_scope(self.snapshot.tenant_id),
            *(site_scope(site) for site in self.snapshot.site_ids),
            user_scope(self.snapshot.user_id),
        ]

    def context(self) -> ServiceContext:
        return ServiceContext(
            self.store,
            Actor(self.user_id, self.role),
            self.snapshot.tenant_id,
            self.site_id,
            self.clock,
        )

    def sync_engine(self) -> SyncEngine:
        return SyncEngine(self.store, self.api, self.user_id, self.clock)

    def needs_first_sync(self) -> bool:
        """Some scope of this person was never pulled on this device."""
        with self.store.sessions() as db:
            known = set(db.scalars(select(SyncState.scope).where(SyncState.cursor > 0)))
        return not set(self.scopes()) <= known

    def site_names(self) -> dict[uuid.UUID, str]:
        """The person's sites by name (the code until the first sync brought the names)."""
        with self.store.sessions() as db:
            rows = {
                site.id: f"{site.code} · {site.name}"
                for site in db.scalars(select(Local).where(Local.id.in_(self.snapshot.site_ids)))
            }
        return {site: rows.get(site, str(site)[:8]) for site in self.snapshot.site_ids}

    def close(self) -> None:
        self.api.close()


def _api(store: LocalStore, server_url: str, lang: str, username: str) -> ServerApi:
    def keep(tokens: Tokens) -> None:
        account.keep_refresh_token(store, username, tokens.refresh)

    return ServerApi(server_url, store.device_id, on_tokens=keep, lang=lang)


def sign_in(
    store: LocalStore,
    server_url: str,
    username: str,
    password: str,
    lang: str = "es",
    clock: Clock = _utcnow,
) -> UserSession:
    """Online sign-in (remembered for offline unlock); offline unlock when the server
    cannot be reached. Raises :class:`SignInFailed`."""
    username = username.strip()
    api = _api(store, server_url, lang, username)
    try:
        answer = api.login(username, password)
    except ServerUnavailable:
        return _unlock_offline(store, api, username, password, clock)
    except SignInRequired as exc:
        api.close()
        raise SignInFailed(Failure.WRONG_CREDENTIALS, str(exc)) from None
    except Refused as exc:
        api.close()
        raise SignInFailed(Failure.REFUSED, str(exc.body.get("message", ""))) from None
    except BaseException:
        api.close()
        raise
    account.remember_sign_in(store, password, answer)
    snapshot = PermissionSnapshot.model_validate(answer["permission_snapshot"])
    return UserSession(store, api, snapshot, True, _first_site(snapshot), clock)


def _unlock_offline(
    store: LocalStore, api: ServerApi, username: str, password: str, clock: Clock
) -> UserSession:
    try:
        unlocked = account.unlock_offline(store, username, password, clock())
    except account.UnlockRefused as refused:
        api.close()
        raise SignInFailed(_UNLOCK_FAILURES.get(refused.code, Failure.OFFLINE_INVALID)) from None
    if unlocked.refresh_token:
        # No access token yet: the first call gets a 401 and refreshes when the server is back.
        api.tokens = Tokens("", unlocked.refresh_token)
    snapshot = unlocked.snapshot
    return UserSession(store, api, snapshot, False, _first_site(snapshot), clock)


def check_password(store: LocalStore, username: str, password: str, clock: Clock = _utcnow) -> bool:
    """Unlock after inactivity: the same verifier as offline sign-in, no network."""
    try:
        account.unlock_offline(store, username, password, clock())
    except account.UnlockRefused as refused:
        # An expired snapshot still proves the password; the lock only needs that.
        return refused.code in (account.SNAPSHOT_EXPIRED, account.SNAPSHOT_INVALID)
    return True


def _first_site(snapshot: PermissionSnapshot) -> uuid.UUID:
    if not snapshot.site_ids:
        return uuid.UUID(int=0)
    return snapshot.site_ids[0]
