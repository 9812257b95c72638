"""Push and pull over real HTTP: device-made mutations are re-checked and applied once,
rejections are answered per mutation, every write reaches the change log of its scope."""

from __future__ import annotations

import uuid

import pytest

from ker_field.domain import demo
from ker_field.domain.enums import LotoEvent
from ker_field.services import loto, training
from sync.protocol import LotoStepArgs, Mutation, MutationName
from tests.helpers.device import Device, push_body

PANEL = demo.demo_id("asset", "STGO", "1")
PANEL_POINT = demo.demo_id("energy", "STGO", "1", "1")
STGO = f"site:{demo.SITE_IDS['STGO']}"
ANTO = f"site:{demo.SITE_IDS['ANTO']}"


@pytest.fixture
def device(tmp_path, live_server):
    device = Device.open(tmp_path / "device", live_server.clock)
    yield device
    device.store.close()


def lock_out(device, username="tecnico"):
    ctx = device.ctx(username)
    view = loto.notify_affected(ctx, PANEL)
    loto.shut_down(ctx, view.lockout_id)
    loto.apply_lock(ctx, view.lockout_id, PANEL_POINT, "L-100", device.photo(1))
    loto.release_stored_energy(ctx, view.lockout_id)
    return loto.verify_isolation(ctx, view.lockout_id)


def pull_all(client, scope, after=0):
    answer = client.get("/sync/pull", params={"scope": scope, "after": after, "limit": 1000})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_lockout_made_offline_is_applied_once_and_reaches_the_site_scope(
    live_server, device, login
):
    view = lock_out(device)
    mutations = device.mutations()
    client = login("tecnico", device=device.store.device_id)
    before = pull_all(client, STGO)["next_cursor"]

    answer = client.post("/sync/push", json=push_body(mutations))
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["applied"] * 5
    assert all(r["version"] == 1 for r in results)

    again = client.post("/sync/push", json=push_body(mutations)).json()["results"]
    assert [r["status"] for r in again] == ["duplicate"] * 5

    page = pull_all(client, STGO, after=before)
    logs = [c for c in page["changes"] if c["entity"] == "loto_log"]
    assert [c["row"]["event"] for c in logs] == [
        "notified",
        "shut_down",
        "lock_applied",
        "energy_released",
        "isolation_verified",
    ]
    assert {c["row"]["lockout_id"] for c in logs} == {str(view.lockout_id)}
    assert all(c["row"]["server_time"] for c in logs)
    assert page["has_more"] is False and page["remaining"] == 0


def test_a_rejected_mutation_is_answered_and_does_not_block_the_next(
    live_server, device, login, tmp_path
):
    view = lock_out(device)
    owner = login("tecnico", device=device.store.device_id)
    assert {
        r["status"]
        for r in owner.post("/sync/push", json=push_body(device.mutations())).json()["results"]
    } == {"applied"}

    other = Device.open(tmp_path / "other", live_server.clock)
    lock_id = view.points[0].lock.id
    steal = LotoStepArgs(
        id=uuid.uuid4(),
        lockout_id=view.lockout_id,
        event=LotoEvent.LOCK_REMOVED,
        lock_ref_id=lock_id,
        photo_sha256=other.photo(9),
        area_clear=True,
        people_notified=True,
    )
    training.start_module(other.ctx("tecnico2"), demo.demo_id("module", "induction"))
    unrelated = other.mutations()[0]
    now = live_server.clock.now
    batch = [
        Mutation(
            mutation_id=uuid.uuid4(),
            device_id=other.store.device_id,
            device_seq=1,
            name=MutationName.LOTO_RECORD_STEP,
            args=steal.model_dump(mode="json"),
            device_time=now,
            site_id=demo.SITE_IDS["STGO"],
        ),
        unrelated.model_copy(update={"device_seq": 2}),
    ]
    thief = login("tecnico2", device=other.store.device_id)
    results = thief.post("/sync/push", json=push_body(batch)).json()["results"]
    assert [r["status"] for r in results] == ["rejected", "applied"]
    assert results[0]["code"] == "loto.only_applier_removes"
    assert "Solo quien puso el candado" in results[0]["message"]
    english = thief.post(
        "/sync/push", json=push_body(batch[:1]), headers={"Accept-Language": "en"}
    ).json()["results"][0]
    assert english["status"] == "duplicate" and english["code"] == "loto.only_applier_removes"
    other.store.close()


def test_people_only_pull_and_write_their_own_scopes(live_server, device, login):
    tech = login("tecnico", device=device.store.device_id)
    assert tech.get("/sync/pull", params={"scope": ANTO}).status_code == 403
    assert (
        tech.get("/sync/pull", params={"scope": f"user:{demo.USER_IDS['tecnico2']}"}).status_code
        == 403
    )
    assert pull_all(tech, f"user:{demo.USER_IDS['tecnico']}")["changes"]

    # A lockout on an Antofagasta asset, made by a Santiago technician, is refused.
    ctx = device.ctx("tecnico", site="ANTO")
    loto.notify_affected(ctx, demo.demo_id("asset", "ANTO", "2"))
    results = tech.post("/sync/push", json=push_body(device.mutations())).json()["results"]
    assert results[0]["status"] == "rejected"
    assert results[0]["code"] == "sync.site_forbidden"


def test_unknown_or_malformed_mutations_are_rejected_not_crashed(live_server, device, login):
    tech = login("tecnico", device=device.store.device_id)
    now = live_server.clock.now
    base = {"device_id": device.store.device_id, "device_time": now.isoformat(), "args": {}}
    batch = {
        "mutations": [
            {**base, "mutation_id": str(uuid.uuid4()), "device_seq": 1, "name": "loto.teleport"},
            {
                **base,
                "mutation_id": str(uuid.uuid4()),
                "device_seq": 2,
                "name": "loto.record_step",
                "args": {"event": "not-an-event"},
            },
        ]
    }
    results = tech.post("/sync/push", json=batch).json()["results"]
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "sync.unknown_mutation"),
        ("rejected", "sync.invalid_mutation"),
    ]
    bad_shape = tech.post("/sync/push", json={"mutations": [{"name": "x"}]})
    assert bad_shape.status_code == 422
    assert bad_shape.json()["code"] == "api.validation_error"


def test_quiz_answered_offline_is_graded_by_the_server_and_certifies(live_server, device, login):
    ctx = device.ctx("tecnico2")
    training.submit_quiz_attempt(
        ctx, demo.demo_id("quiz", "induction"), {"q1": False, "q2": 0}, live_server.clock.now
    )
    worker = login("tecnico2", device=device.store.device_id)
    results = worker.post("/sync/push", json=push_body(device.mutations())).json()["results"]
    assert [r["status"] for r in results] == ["applied"]
    changes = pull_all(worker, f"user:{demo.USER_IDS['tecnico2']}")["changes"]
    progress = [c["row"] for c in changes if c["entity"] == "user_training_progress"][-1]
    assert progress["status"] == "passed" and progress["score"] == 100
    assert progress["certificate_number"].startswith("KER-2026-")
    assert progress["certificate_expires_at"].startswith("2027-11-30")
    attempt = [c["row"] for c in changes if c["entity"] == "quiz_attempt"][-1]
    assert attempt["passed"] is True


def test_a_failed_quiz_is_graded_failed_and_counts_an_attempt(live_server, device, login):
    ctx = device.ctx("tecnico2")
    training.submit_quiz_attempt(
        ctx, demo.demo_id("quiz", "induction"), {"q1": True, "q2": 2}, live_server.clock.now
    )
    worker = login("tecnico2", device=device.store.device_id)
    worker.post("/sync/push", json=push_body(device.mutations()))
    changes = pull_all(worker, f"user:{demo.USER_IDS['tecnico2']}")["changes"]
    progress = [c["row"] for c in changes if c["entity"] == "user_training_progress"][-1]
    assert (progress["status"], progress["score"], progress["attempts_count"]) == ("failed", 0, 1)
    assert progress["certificate_number"] is None


def test_mutations_must_come_from_the_signed_in_device(live_server, device, login):
    lock_out(device)
    elsewhere = login("tecnico", device="some-other-tablet")
    results = elsewhere.post("/sync/push", json=push_body(device.mutations()[:1])).json()["results"]
    assert results[0]["code"] == "sync.device_mismatch"


def test_values_the_database_cannot_hold_are_rejected_not_a_server_error(
    live_server, device, login
):
    tech = login("tecnico", device=device.store.device_id)
    now = live_server.clock.now
    args = {
        "id": str(uuid.uuid4()),
        "ticket_id": str(demo.demo_id("ticket", "STGO", "1")),
        "risk_assessment": "x",
        "likelihood": 2,
        "severity": 2,
        "valid_from": now.isoformat(),
        "valid_to": "9999-12-31T23:00:00-05:00",
    }
    batch = {
        "mutations": [
            {
                "mutation_id": str(uuid.uuid4()),
                "device_id": device.store.device_id,
                "device_seq": 1,
                "name": "permit.request",
                "args": args,
                "device_time": now.isoformat(),
                "site_id": str(demo.SITE_IDS["STGO"]),
            }
        ]
    }
    answer = tech.post("/sync/push", json=batch)
    assert answer.status_code == 200
    assert answer.json()["results"][0]["code"] == "sync.invalid_mutation"
