"""Visitor invite tokens: what a gate reads from a visitor's QR code and checks offline.

A token is ``KER1.<payload>.<signature>``: the payload is compact JSON (invite id, site id,
validity window in epoch seconds, a nonce) in unpadded base64url, and the signature is the
tenant's Ed25519 signature of the ASCII text ``KER1.<payload>``. The server signs with the
tenant's private key (``sync.server.invites``); a gate verifies with the tenant's public key
(``Tenant.invite_public_key``, received through sync) and then asks
:func:`ker_field.domain.rules.visitors.check_invite` whether the invite admits the visitor at
this site now. This module only answers "did the tenant issue exactly this token?".
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ker_field.domain.decision import define

PREFIX = "KER1"

TOKEN_MALFORMED = define(
    "invite.token_malformed",
    es="El código QR no es una invitación de KER Field.",
    en="The QR code is not a KER Field invitation.",
)
TOKEN_FORGED = define(
    "invite.token_forged",
    es="La firma de la invitación no es válida: el código fue alterado o es de otra empresa.",
    en="The invitation's signature is not valid: the code was altered or belongs to another company.",
)
KEY_INVALID = define(
    "invite.public_key_invalid",
    es="Este equipo no tiene una clave válida para verificar invitaciones: sincronice.",
    en="This device has no valid key to verify invitations: sync first.",
)


@dataclass(frozen=True)
class InvitePayload:
    invite_id: uuid.UUID
    site_id: uuid.UUID
    valid_from: datetime
    valid_to: datetime
    nonce: str


_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    if not text or not set(text) <= _B64URL:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def signing_input(payload: InvitePayload) -> bytes:
    """The exact bytes the tenant signs: ``KER1.<base64url(payload JSON)>``."""
    body = {
        "i": str(payload.invite_id),
        "s": str(payload.site_id),
        "f": int(payload.valid_from.timestamp()),
        "t": int(payload.valid_to.timestamp()),
        "n": payload.nonce,
    }
    data = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    return f"{PREFIX}.{_b64encode(data)}".encode("ascii")


def assemble_token(signed: bytes, signature: bytes) -> str:
    return f"{signed.decode('ascii')}.{_b64encode(signature)}"


def _parse_payload(encoded: str) -> InvitePayload:
    body = json.loads(_b64decode(encoded))
    if not isinstance(body, dict):
        raise ValueError("payload is not an object")
    stamps = body["f"], body["t"]
    if not all(isinstance(s, int) and not isinstance(s, bool) for s in stamps):
        raise ValueError("window is not in epoch seconds")
    if not isinstance(body["n"], str):
        raise ValueError("nonce is not text")
    return InvitePayload(
        invite_id=uuid.UUID(str(body["i"])),
        site_id=uuid.UUID(str(body["s"])),
        valid_from=datetime.fromtimestamp(body["f"], UTC),
        valid_to=datetime.fromtimestamp(body["t"], UTC),
        nonce=body["n"],
    )


def verify_invite_token(token: str, public_key_b64: str) -> InvitePayload | str:
    """The payload of a token the tenant signed, or the reason code why it is refused
    (``invite.token_malformed``, ``invite.token_forged``, ``invite.public_key_invalid``).
    Pure and offline: the gate's copy of the tenant's public key is all it needs."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
    except (ValueError, binascii.Error):
        return KEY_INVALID
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX or not set(parts[1]) <= _B64URL:
        return TOKEN_MALFORMED
    try:
        signature = _b64decode(parts[2])
    except ValueError:
        return TOKEN_MALFORMED
    try:
        key.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
    except InvalidSignature:
        return TOKEN_FORGED
    try:
        return _parse_payload(parts[1])
    except (ValueError, KeyError, TypeError, OverflowError, OSError):
        return TOKEN_MALFORMED
