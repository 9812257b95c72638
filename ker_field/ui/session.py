"""Signing a person in (online first, offline unlock when the server cannot be reached) and
what a signed-in person's session holds. No Qt here: the login window runs
:func:`sign_in` through the task runner.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ker_field.domain.enums import UserRole
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import site_scope, tenant_scope, user_scope

# The store, the ORM, the sync client and the wire models are imported where first used:
# the first window paints without them (see bench/startup.py).
if TYPE_CHECKING:
    from ker_field.services.context import ServiceContext
    from ker_field.store.local import LocalStore
    from sync.client.api import ServerApi, Tokens
    from sync.client.engine import SyncEngine
    from sync.protocol.snapshot import PermissionSnapshot


class StoreOpening:
    """The device's store, opened by whoever needs it first (a background task, normally),
    once; other callers wait for it. The login and main windows paint before it is open."""

    def __init__(self, data_dir: Path | None = None, store: LocalStore | None = None) -> None:
        self.data_dir = data_dir if store is None else store.data_dir
        self._store = store
        self._lock = threading.Lock()

    @classmethod
    def of(cls, source: LocalStore | StoreOpening) -> StoreOpening:
        return source if isinstance(source, StoreOpening) else cls(store=source)

    @property
    def ready(self) -> bool:
        return self._store is not None

    def result(self) -> LocalStore:
        """The open store (opening it now, on the calling thread, if nobody did yet)."""
        store = self._store
        if store is not None:
            return store
        with self._lock:
            if self._store is None:
                from ker_field.store.local import LocalStore

                self._store = LocalStore.open(self.data_dir)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()


class Failure(StrEnum):
    """Why a sign-in did not happen; the login window words each one."""

    WRONG_CREDENTIALS = "wrong_credentials"  # the server said no
    REFUSED = "refused"  # the server refused for another reason (inactive account...)
    OFFLINE_WRONG_PASSWORD = "offline_wrong_password"
    OFFLINE_UNKNOWN = "offline_unknown"  # never signed in here, and no server
    OFFLINE_EXPIRED = "offline_expired"
    OFFLINE_INVALID = "offline_invalid"


def _unlock_failure(code: object) -> Failure:
    from sync.client import account

    failures: dict[object, Failure] = {
        account.WRONG_PASSWORD: Failure.OFFLINE_WRONG_PASSWORD,
        account.UNKNOWN_ON_DEVICE: Failure.OFFLINE_UNKNOWN,
        account.SNAPSHOT_EXPIRED: Failure.OFFLINE_EXPIRED,
        account.SNAPSHOT_INVALID: Failure.OFFLINE_INVALID,
    }
    return failures.get(code, Failure.OFFLINE_INVALID)


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


class UserSession:
    """One signed-in person on this device. ``store`` may still be opening (see
    :class:`StoreOpening`) and ``api`` may be made on first use: reading either waits."""

    def __init__(
        self,
        store: LocalStore | StoreOpening,
        api: ServerApi | None,
        snapshot: PermissionSnapshot | Mapping[str, Any],
        signed_in_online: bool,
        site_id: uuid.UUID,
        clock: Clock = _utcnow,
        *,
        make_api: Callable[[], ServerApi] | None = None,
    ) -> None:
        """``api`` or, to make it on first use, ``make_api``. ``snapshot``: the permission
        snapshot, or its JSON form as the device keeps it (checked into a
        :class:`PermissionSnapshot` on first use of :attr:`snapshot`; who, role and sites
        are read from it directly, so the first window paints without pydantic)."""
        if api is None and make_api is None:
            raise ValueError("a session needs api or make_api")
        self.opening = StoreOpening.of(store)
        self._api, self._make_api = api, make_api
        self._snapshot: PermissionSnapshot | None = None
        if isinstance(snapshot, Mapping):
            self._raw: Mapping[str, Any] = snapshot
        else:
            self._snapshot, self._raw = snapshot, {}
        self.signed_in_online = signed_in_online
        self.site_id, self.clock = site_id, clock
        self._lock = threading.Lock()

    @property
    def store(self) -> LocalStore:
        return self.opening.result()

    @property
    def store_ready(self) -> bool:
        return self.opening.ready

    @property
    def api(self) -> ServerApi:
        with self._lock:
            if self._api is None:
                assert self._make_api is not None
                self._api = self._make_api()
            return self._api

    @property
    def snapshot(self) -> PermissionSnapshot:
        if self._snapshot is None:
            from sync.protocol.snapshot import PermissionSnapshot

            self._snapshot = PermissionSnapshot.model_validate(self._raw)
        return self._snapshot

    @property
    def user_id(self) -> uuid.UUID:
        return self._snapshot.user_id if self._snapshot else uuid.UUID(self._raw["user_id"])

    @property
    def tenant_id(self) -> uuid.UUID:
        return self._snapshot.tenant_id if self._snapshot else uuid.UUID(self._raw["tenant_id"])

    @property
    def role(self) -> UserRole:
        return self._snapshot.role if self._snapshot else UserRole(self._raw["role"])

    @property
    def username(self) -> str:
        return self._snapshot.username if self._snapshot else str(self._raw["username"])

    @property
    def full_name(self) -> str:
        return self._snapshot.full_name if self._snapshot else str(self._raw["full_name"])

    @property
    def site_ids(self) -> list[uuid.UUID]:
        if self._snapshot is not None:
            return list(self._snapshot.site_ids)
        return [uuid.UUID(site) for site in self._raw["site_ids"]]

    def scopes(self) -> list[str]:
        return [
            tenant_scope(self.tenant_id),
            *(site_scope(site) for site in self.site_ids),
            user_scope(self.user_id),
        ]

    def context(self) -> ServiceContext:
        from ker_field.services.context import ServiceContext

        return ServiceContext(
            self.store,
            Actor(self.user_id, self.role),
            self.tenant_id,
            self.site_id,
            self.clock,
        )

    def sync_engine(self) -> SyncEngine:
        from sync.client.engine import SyncEngine

        return SyncEngine(self.store, self.api, self.user_id, self.clock)

    def needs_first_sync(self) -> bool:
        """Some scope of this person was never pulled on this device."""
        from sqlalchemy import select

        from ker_field.store.tables import SyncState

        with self.store.sessions() as db:
            known = set(db.scalars(select(SyncState.scope).where(SyncState.cursor > 0)))
        return not set(self.scopes()) <= known

    def site_names(self) -> dict[uuid.UUID, str]:
        """The person's sites by name (the code until the first sync brought the names)."""
        from sqlalchemy import select

        from ker_field.domain.models import Local

        with self.store.sessions() as db:
            rows = {
                site.id: f"{site.code} · {site.name}"
                for site in db.scalars(select(Local).where(Local.id.in_(self.site_ids)))
            }
        return {site: rows.get(site, str(site)[:8]) for site in self.site_ids}

    def close(self) -> None:
        with self._lock:
            api = self._api
        if api is not None:
            api.close()


def _api(store: LocalStore, server_url: str, lang: str, username: str) -> ServerApi:
    from sync.client import account
    from sync.client.api import ServerApi

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
    from sync.client import account
    from sync.client.api import Refused, ServerUnavailable, SignInRequired
    from sync.protocol.snapshot import PermissionSnapshot

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
    from sync.client import account
    from sync.client.api import Tokens

    try:
        unlocked = account.unlock_offline(store, username, password, clock())
    except account.UnlockRefused as refused:
        api.close()
        raise SignInFailed(_unlock_failure(refused.code)) from None
    if unlocked.refresh_token:
        # No access token yet: the first call gets a 401 and refreshes when the server is back.
        api.tokens = Tokens("", unlocked.refresh_token)
    snapshot = unlocked.snapshot
    return UserSession(store, api, snapshot, False, _first_site(snapshot), clock)


def check_password(store: LocalStore, username: str, password: str, clock: Clock = _utcnow) -> bool:
    """Unlock after inactivity: the same verifier as offline sign-in, no network."""
    from sync.client import account

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
