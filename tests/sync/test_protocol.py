"""The wire schema refuses what a server must never accept."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from sync.protocol import Mutation, MutationResult, MutationStatus, PushRequest


def mutation(**overrides):
    fields = {
        "mutation_id": uuid.uuid4(),
        "device_id": "dev-1",
        "device_seq": 1,
        "name": "loto.record_step",
        "args": {"event": "notified"},
        "device_time": datetime(2026, 11, 30, 12, tzinfo=UTC),
    }
    return Mutation(**{**fields, **overrides})


def test_mutation_round_trips_as_json():
    original = mutation()
    assert Mutation.model_validate_json(original.model_dump_json()) == original


@pytest.mark.parametrize(
    "bad",
    [
        {"device_time": datetime(2026, 11, 30, 12)},  # no time zone
        {"device_seq": 0},
        {"name": ""},
        {"surprise": 1},
    ],
)
def test_malformed_mutations_are_refused(bad):
    with pytest.raises(ValidationError):
        mutation(**bad)


def test_push_batches_are_bounded():
    with pytest.raises(ValidationError):
        PushRequest(mutations=[mutation(device_seq=n + 1) for n in range(501)])


def test_result_status_values_are_the_documented_ones():
    assert {s.value for s in MutationStatus} == {"applied", "duplicate", "rejected", "retry"}
    result = MutationResult(
        mutation_id=uuid.uuid4(), status="rejected", code="loto.only_applier_removes"
    )
    assert result.status is MutationStatus.REJECTED
