"""An approval co-signed on this tablet: another supervisor types their username and
password here, in someone else's session. No Qt (runs on the task runner).

The password is checked against the device's offline verifier (the argon2 hash kept for
every person who signed in online on this device, with their server-signed permission
snapshot, which must still be valid); the approval is then recorded in the session
person's outbox with the co-signer as approver (``cosigned_by``), and the server re-checks
who the co-signer is (sync.server.push: a supervisor of the site, not the requester, who
signed in online on this very device).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ker_field.domain.decision import define, reason
from ker_field.domain.labels import Lang
from ker_field.services import permits
from ker_field.services.context import ServiceContext
from ker_field.services.permits import PermitView
from sync.client import account

TOO_MANY_ATTEMPTS = define(
    "permit.cosign_too_many_attempts",
    es="Demasiadas contraseñas incorrectas en este equipo: espere {minutes} minutos.",
    en="Too many wrong passwords on this device: wait {minutes} minutes.",
)


class CosignRefused(Exception):
    """The signer could not be verified on this device: ``code`` is a reason code."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: Lang = "es") -> str:
        return reason(self.code, **self.params).message(lang)


@dataclass
class AttemptGuard:
    """Slows password guessing on a tablet left with someone: after ``limit`` wrong
    passwords within ``window``, co-signing waits until ``window`` has passed since the
    last one."""

    limit: int = 5
    window: timedelta = timedelta(minutes=5)
    failures: list[datetime] = field(default_factory=list)

    def check(self, now: datetime) -> None:
        self.failures = [t for t in self.failures if now - t < self.window]
        if len(self.failures) >= self.limit:
            wait = self.window - (now - self.failures[-1])
            minutes = max(1, -(-int(wait.total_seconds()) // 60))
            raise CosignRefused(TOO_MANY_ATTEMPTS, minutes=minutes)

    def failed(self, now: datetime) -> None:
        self.failures.append(now)


@dataclass(frozen=True)
class Cosigner:
    user_id: uuid.UUID
    username: str
    full_name: str


def verify_cosigner(ctx: ServiceContext, username: str, password: str, now: datetime) -> Cosigner:
    """The person whose password this is, by this device's verifier; raises CosignRefused
    (unknown on this device, wrong password, permissions expired or invalid)."""
    try:
        unlocked = account.unlock_offline(ctx.store, username.strip(), password, now)
    except account.UnlockRefused as refused:
        raise CosignRefused(refused.code) from None
    snapshot = unlocked.snapshot
    return Cosigner(snapshot.user_id, snapshot.username, snapshot.full_name)


def cosign_approval(
    ctx: ServiceContext,
    permit_id: uuid.UUID,
    username: str,
    password: str,
    guard: AttemptGuard | None = None,
) -> PermitView:
    """Verify the signer on this device, then approve as them (the domain rules judge the
    signer: a supervisor of the site, not the requester of a HIGH or EXTREME permit)."""
    now = ctx.now()
    if guard is not None:
        guard.check(now)
    try:
        cosigner = verify_cosigner(ctx, username, password, now)
    except CosignRefused as refused:
        if guard is not None and refused.code == account.WRONG_PASSWORD:
            guard.failed(now)
        raise
    return permits.approve_permit(ctx, permit_id, cosigned_by=cosigner.user_id)
