"""People on this device: remember a sign-in, unlock offline with the same password.

The device keeps an argon2 verifier of the password (never the password itself) and the
server-signed permission snapshot; offline unlock needs both the right password and a
snapshot that verifies with the tenant's public key and has not expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ker_field.domain.decision import define
from ker_field.domain.models import Tenant
from ker_field.store.local import LocalStore
from ker_field.store.tables import DeviceAccount
from sync.protocol.snapshot import PermissionSnapshot, snapshot_valid

UNKNOWN_ON_DEVICE = define(
    "unlock.unknown_on_device",
    es="Esta persona nunca inició sesión en este equipo: conéctese a la red para el primer ingreso.",
    en="This person never signed in on this device: connect to the network for the first sign-in.",
)
WRONG_PASSWORD = define(
    "unlock.wrong_password",
    es="Contraseña incorrecta.",
    en="Wrong password.",
)
SNAPSHOT_EXPIRED = define(
    "unlock.snapshot_expired",
    es="Hace demasiado que este equipo no se conecta: conéctese a la red para volver a ingresar.",
    en="This device has been offline too long: connect to the network to sign in again.",
)

SNAPSHOT_INVALID = define(
    "unlock.snapshot_invalid",
    es="Los permisos guardados en este equipo no son válidos: conéctese a la red para ingresar.",
    en="The permissions kept on this device are not valid: connect to the network to sign in.",
)

_hasher = PasswordHasher()


class UnlockRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class UnlockedAccount:
    snapshot: PermissionSnapshot
    refresh_token: str | None


def remember_sign_in(store: LocalStore, password: str, login_answer: dict[str, Any]) -> None:
    """Keep what offline unlock needs, after a successful online sign-in."""
    snapshot = PermissionSnapshot.model_validate(login_answer["permission_snapshot"])
    with store.transaction() as session:
        account = session.get(DeviceAccount, snapshot.username)
        if account is None:
            account = DeviceAccount(username=snapshot.username)
            session.add(account)
        account.user_id = snapshot.user_id
        account.verifier = _hasher.hash(password)
        account.snapshot = snapshot.model_dump(mode="json")
        account.snapshot_signature = login_answer["snapshot_signature"]
        account.refresh_token = login_answer.get("refresh_token")
        account.last_online_at = snapshot.issued_at


def keep_refresh_token(store: LocalStore, username: str, refresh_token: str) -> None:
    with store.transaction() as session:
        account = session.get(DeviceAccount, username)
        if account is not None:
            account.refresh_token = refresh_token


def unlock_offline(
    store: LocalStore, username: str, password: str, now: datetime
) -> UnlockedAccount:
    with store.sessions() as session:
        account = session.get(DeviceAccount, username)
        if account is None:
            raise UnlockRefused(UNKNOWN_ON_DEVICE)
        try:
            _hasher.verify(account.verifier, password)
        except (VerificationError, InvalidHashError):
            raise UnlockRefused(WRONG_PASSWORD) from None
        snapshot = PermissionSnapshot.model_validate(account.snapshot)
        tenant = session.get(Tenant, snapshot.tenant_id)
        public_key = tenant.invite_public_key if tenant is not None else None
        if now >= snapshot.expires_at:
            raise UnlockRefused(SNAPSHOT_EXPIRED)
        if not public_key or not snapshot_valid(
            snapshot, account.snapshot_signature, public_key, now
        ):
            raise UnlockRefused(SNAPSHOT_INVALID)
        return UnlockedAccount(snapshot, account.refresh_token)
