"""Tamper-evident LOTO evidence: a hash chain per asset.

Every LotoLog entry carries ``prev_hash`` (the hash of the previous entry for the same
asset) and ``entry_hash``: SHA-256 over a canonical JSON serialization of the entry's facts
(who, which device, asset, procedure, isolation point, lock serial, the photo's SHA-256,
the removal confirmations, the device time...) and ``prev_hash``. The photo itself is
content-addressed by its SHA-256, so the chain binds the image too. Changing any recorded
fact, dropping an entry or inserting one afterwards breaks a link that
:func:`verify_chain` finds.

The device and the server compute the same hash in the same shared operation
(:func:`ker_field.domain.operations.loto.record_step`); the device sends its ``prev_hash``
and ``entry_hash`` with the mutation and the server compares them with its own chain
(:func:`judge_claim`).
"""

from __future__ import annotations

import enum
import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ker_field.domain.decision import define

CHAIN_VERSION = "ker.loto.v1"

# The entry's facts that the hash covers, in no particular order (keys are sorted).
HASHED_FIELDS = (
    "id",
    "tenant_id",
    "site_id",
    "lockout_id",
    "asset_id",
    "procedure_id",
    "ticket_id",
    "event",
    "user_id",
    "energy_source_id",
    "lock_serial",
    "lock_ref_id",
    "photo_sha256",
    "area_clear",
    "people_notified",
    "applier_absent_verified",
    "contact_attempt",
    "applier_informed",
    "device_id",
    "device_time",
)

CHAIN_BREAK = define(
    "loto.chain_break",
    es=(
        "El dispositivo registró este paso a continuación de otro registro del equipo que el "
        "que tiene el servidor (pasos en paralelo desde otro dispositivo, un paso rechazado o "
        "un historial alterado)."
    ),
    en=(
        "The device recorded this step after a different entry for this equipment than the "
        "server holds (steps in parallel from another device, a refused step, or an altered "
        "history)."
    ),
)
CHAIN_ENTRY_MISMATCH = define(
    "loto.chain_entry_mismatch",
    es=(
        "Los datos de este paso no coinciden con el hash que calculó el dispositivo "
        "(modificados después de registrarse, o la hora del dispositivo fue corregida)."
    ),
    en=(
        "This step's data do not match the hash the device computed (changed after it was "
        "recorded, or the device's time was corrected)."
    ),
)
CHAIN_TAMPERED = define(
    "loto.chain_tampered",
    es="El registro anterior de este equipo fue modificado después de escribirse.",
    en="The previous entry for this equipment was changed after it was written.",
)
CHAIN_ENTRY_ALTERED = define(
    "loto.chain_entry_altered",
    es="Este registro fue modificado después de escribirse: su hash ya no coincide.",
    en="This entry was changed after it was written: its hash no longer matches.",
)
CHAIN_LINK_MISSING = define(
    "loto.chain_link_missing",
    es="Falta en la cadena el registro anterior de este paso.",
    en="The entry before this step is missing from the chain.",
)
CHAIN_FLAGS = (
    CHAIN_BREAK,
    CHAIN_ENTRY_MISMATCH,
    CHAIN_TAMPERED,
    CHAIN_ENTRY_ALTERED,
    CHAIN_LINK_MISSING,
)


def _canonical(value: object) -> object:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in a LOTO entry")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    raise TypeError(f"cannot hash a {type(value).__name__} in a LOTO entry")


def canonical_bytes(facts: Mapping[str, object], prev_hash: str | None) -> bytes:
    """The entry as canonical JSON: sorted keys, no spaces, UTF-8, UUIDs as lowercase text,
    times in UTC with microseconds, enums by value."""
    doc = {name: _canonical(facts.get(name)) for name in HASHED_FIELDS}
    doc["prev_hash"] = prev_hash
    doc["v"] = CHAIN_VERSION
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(facts: Mapping[str, object], prev_hash: str | None) -> str:
    return hashlib.sha256(canonical_bytes(facts, prev_hash)).hexdigest()


@dataclass(frozen=True)
class ChainHead:
    """The server's (or device's) last entry for an asset, as the next entry sees it."""

    entry_hash: str | None  # as stored
    recomputed: str | None  # recomputed from the stored facts
    claimed_hash: str | None = None  # the device's own hash of that entry, when it differed

    @property
    def intact(self) -> bool:
        return self.entry_hash == self.recomputed


def judge_claim(
    head: ChainHead | None,
    computed: str,
    claimed_prev: str | None,
    claimed_entry: str | None,
    recomputed_with_claim: str | None,
    claimed: bool,
) -> str | None:
    """The chain flag (a reason code) for a new entry, or None when all agrees.

    ``computed`` is the entry's hash on this side's chain; ``claimed_prev`` /
    ``claimed_entry`` what the recording device said (``claimed`` False when it said
    nothing: the device itself, or an old app); ``recomputed_with_claim`` the hash of the
    entry's facts as stored here with the device's ``claimed_prev``.
    """
    if head is not None and not head.intact:
        return CHAIN_TAMPERED
    if not claimed:
        return None
    expected = {head.entry_hash, head.claimed_hash} - {None} if head is not None else set()
    if (claimed_prev is None and expected) or (
        claimed_prev is not None and claimed_prev not in expected
    ):
        return CHAIN_BREAK
    if claimed_entry != recomputed_with_claim and claimed_entry != computed:
        return CHAIN_ENTRY_MISMATCH
    return None


@dataclass(frozen=True)
class ChainProblem:
    entry_id: uuid.UUID
    code: str


@dataclass(frozen=True)
class ChainLink:
    """What :func:`verify_chain` needs of one stored entry."""

    id: uuid.UUID
    facts: Mapping[str, object]
    prev_hash: str | None
    entry_hash: str | None
    chain_flag: str | None = None


def verify_chain(links: Sequence[ChainLink], known_hashes: frozenset[str]) -> list[ChainProblem]:
    """Check entries (of one or more lockouts of an asset) against their stored hashes.

    Each entry's hash must recompute from its facts, and its ``prev_hash`` must be the hash
    of an entry on record (``known_hashes``: every stored entry hash of the asset). Flags the
    server kept are reported as they are. Entries written before the chain existed (no
    hash) are not judged.
    """
    problems: list[ChainProblem] = []
    for link in links:
        if link.entry_hash is None:
            continue
        if entry_hash(link.facts, link.prev_hash) != link.entry_hash:
            problems.append(ChainProblem(link.id, CHAIN_ENTRY_ALTERED))
        elif link.prev_hash is not None and link.prev_hash not in known_hashes:
            problems.append(ChainProblem(link.id, CHAIN_LINK_MISSING))
        elif link.chain_flag:
            problems.append(ChainProblem(link.id, link.chain_flag))
    return problems
