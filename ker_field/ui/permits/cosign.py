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
from dataclasses import dataclass
from datetime import datetime

from ker_field.domain.decision import reason
from ker_field.domain.labels import Lang
from ker_field.services import permits
from ker_field.services.context import ServiceContext
from ker_field.services.permits import PermitView
from sync.client import account


class CosignRefused(Exception):
    """The signer could not be verified on this device: ``code`` is a reason code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def message(self, lang: Lang = "es") -> str:
        return reason(self.code).message(lang)


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
    ctx: ServiceContext, permit_id: uuid.UUID, username: str, password: str
) -> PermitView:
    """Verify the signer on this device, then approve as them (the domain rules judge the
    signer: a supervisor of the site, not the requester of a HIGH or EXTREME permit)."""
    cosigner = verify_cosigner(ctx, username, password, ctx.now())
    return permits.approve_permit(ctx, permit_id, cosigned_by=cosigner.user_id)
