"""The LOTO evidence chain: canonical hashing, the server's judgement of a device's claims,
and verification of a stored chain."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from ker_field.domain.enums import LotoEvent
from ker_field.domain.rules import loto_chain as chain

T0 = datetime(2026, 12, 2, 15, 0, 0, 123456, tzinfo=UTC)


def facts(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": uuid.UUID(int=1),
        "tenant_id": uuid.UUID(int=2),
        "site_id": uuid.UUID(int=3),
        "lockout_id": uuid.UUID(int=4),
        "asset_id": uuid.UUID(int=5),
        "procedure_id": uuid.UUID(int=6),
        "event": LotoEvent.LOCK_APPLIED,
        "user_id": uuid.UUID(int=7),
        "energy_source_id": uuid.UUID(int=8),
        "lock_serial": "L-001",
        "photo_sha256": "ab" * 32,
        "device_id": "dev-1",
        "device_time": T0,
    }
    base.update(changes)
    return base


def test_the_hash_is_canonical_across_time_zones_and_key_order():
    chile = timezone(timedelta(hours=-3))
    same = facts(device_time=T0.astimezone(chile))
    reordered = dict(reversed(list(facts().items())))
    assert chain.entry_hash(facts(), None) == chain.entry_hash(same, None)
    assert chain.entry_hash(facts(), None) == chain.entry_hash(reordered, None)
    assert b'"device_time":"2026-12-02T15:00:00.123456Z"' in chain.canonical_bytes(facts(), None)


@pytest.mark.parametrize(
    "change",
    [
        {"lock_serial": "L-002"},
        {"photo_sha256": "cd" * 32},
        {"user_id": uuid.UUID(int=9)},
        {"device_time": T0 + timedelta(microseconds=1)},
        {"event": LotoEvent.LOCK_REMOVED},
    ],
)
def test_any_changed_fact_or_previous_link_changes_the_hash(change):
    assert chain.entry_hash(facts(**change), None) != chain.entry_hash(facts(), None)
    assert chain.entry_hash(facts(), "00" * 32) != chain.entry_hash(facts(), None)


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="naive"):
        chain.entry_hash(facts(device_time=T0.replace(tzinfo=None)), None)


def head(entry_hash: str, intact: bool = True, claimed: str | None = None) -> chain.ChainHead:
    return chain.ChainHead(entry_hash, entry_hash if intact else "ff" * 32, claimed)


def test_judge_claim():
    h = chain.entry_hash(facts(), "11" * 32)
    # The device chained to the server's head and hashed the same facts: nothing to flag.
    assert chain.judge_claim(head("11" * 32), h, "11" * 32, h, h, True) is None
    # ...or to the device's own hash of that head (the server kept it as claimed_hash).
    assert chain.judge_claim(head("22" * 32, claimed="11" * 32), "x", "11" * 32, h, h, True) is None
    # Another previous entry than the server's head: a break.
    assert chain.judge_claim(head("22" * 32), "x", "11" * 32, h, h, True) == chain.CHAIN_BREAK
    # The device claims it was the first entry, but the server has a chain.
    assert chain.judge_claim(head("22" * 32), "x", None, h, h, True) == chain.CHAIN_BREAK
    # The facts are not what the device hashed.
    assert (
        chain.judge_claim(head("11" * 32), h, "11" * 32, "33" * 32, h, True)
        == chain.CHAIN_ENTRY_MISMATCH
    )
    # The server's own previous entry was edited after it was written.
    assert chain.judge_claim(head("11" * 32, intact=False), h, None, None, None, False) == (
        chain.CHAIN_TAMPERED
    )
    # No claims (the device itself, or an older app): only the head is judged.
    assert chain.judge_claim(head("11" * 32), h, None, None, None, False) is None
    assert chain.judge_claim(None, h, None, h, chain.entry_hash(facts(), None), True) is None


def test_verify_chain_finds_an_altered_entry_and_a_missing_link():
    first = chain.ChainLink(uuid.UUID(int=1), facts(), None, chain.entry_hash(facts(), None))
    second_facts = facts(id=uuid.UUID(int=10), event=LotoEvent.ENERGY_RELEASED)
    second = chain.ChainLink(
        uuid.UUID(int=10),
        second_facts,
        first.entry_hash,
        chain.entry_hash(second_facts, first.entry_hash),
    )
    known = frozenset({first.entry_hash, second.entry_hash})  # type: ignore[arg-type]
    assert chain.verify_chain([first, second], known) == []
    altered = chain.ChainLink(first.id, facts(lock_serial="L-999"), None, first.entry_hash)
    assert chain.verify_chain([altered, second], known) == [
        chain.ChainProblem(first.id, chain.CHAIN_ENTRY_ALTERED)
    ]
    assert chain.verify_chain([second], frozenset({second.entry_hash})) == [  # type: ignore[arg-type]
        chain.ChainProblem(second.id, chain.CHAIN_LINK_MISSING)
    ]
    flagged = chain.ChainLink(
        second.id, second.facts, second.prev_hash, second.entry_hash, chain.CHAIN_BREAK
    )
    assert chain.verify_chain([first, flagged], known) == [
        chain.ChainProblem(second.id, chain.CHAIN_BREAK)
    ]
