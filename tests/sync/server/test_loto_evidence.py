"""LOTO on the real server: the forbidden writes a device refuses are refused again when
pushed directly (forged mutations), and the evidence chain is re-checked on push: the
server holds the device's hashes in the normal case and flags a broken chain."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.enums import LotoEvent
from ker_field.domain.models import LotoLog
from ker_field.domain.operations import loto as ops
from ker_field.domain.rules import loto_chain as chain
from ker_field.services import loto
from sync.protocol import LotoStepArgs, Mutation, MutationName
from tests.helpers.device import Device, push_body

E = LotoEvent
STGO = demo.SITE_IDS["STGO"]
PANEL = demo.demo_id("asset", "STGO", "1")
PANEL_POINT = demo.demo_id("energy", "STGO", "1", "1")
PRESS = demo.demo_id("asset", "STGO", "3")
PRESS_POINT = demo.demo_id("energy", "STGO", "3", "1")
CABINET = demo.demo_id("asset", "STGO", "5")  # electrical, no ticket: no permit needed
CABINET_POINT = demo.demo_id("energy", "STGO", "5", "1")
COMPRESSOR = demo.demo_id("asset", "STGO", "4")  # pneumatic: no certificate required
COMPRESSOR_POINTS = [demo.demo_id("energy", "STGO", "4", str(n)) for n in (1, 2)]


@pytest.fixture
def device(tmp_path, live_server):
    device = Device.open(tmp_path / "device", live_server.clock)
    yield device
    device.store.close()


def forged(device: Device, seq: int, **args: object) -> Mutation:
    """A mutation written by hand, as a device with its checks removed would send it."""
    return Mutation(
        mutation_id=uuid.uuid4(),
        device_id=device.store.device_id,
        device_seq=seq,
        name=MutationName.LOTO_RECORD_STEP,
        args=LotoStepArgs(id=uuid.uuid4(), **args).model_dump(mode="json"),  # type: ignore[arg-type]
        device_time=device.clock.now,
        site_id=STGO,
    )


def push(client, mutations):
    answer = client.post("/sync/push", json=push_body(mutations))
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def server_rows(live_server, **where: object) -> list[LotoLog]:
    with Session(live_server.engine) as session:
        query = select(LotoLog).order_by(LotoLog.server_time, LotoLog.device_time)
        for name, value in where.items():
            query = query.where(getattr(LotoLog, name) == value)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def test_forged_steps_the_device_would_refuse_are_refused_by_the_server(live_server, device, login):
    client = login("tecnico", device=device.store.device_id)
    press, cabinet = uuid.uuid4(), uuid.uuid4()
    batch = [
        forged(device, 1, lockout_id=press, event=E.NOTIFIED, asset_id=PRESS),
        forged(device, 2, lockout_id=press, event=E.SHUT_DOWN),
        # The technician's hydraulic certificate has expired.
        forged(
            device,
            3,
            lockout_id=press,
            event=E.LOCK_APPLIED,
            energy_source_id=PRESS_POINT,
            lock_serial="F-1",
            photo_sha256=device.photo(1),
        ),
        forged(device, 4, lockout_id=cabinet, event=E.NOTIFIED, asset_id=COMPRESSOR),
        forged(device, 5, lockout_id=cabinet, event=E.SHUT_DOWN),
        # No photo of the lock.
        forged(
            device,
            6,
            lockout_id=cabinet,
            event=E.LOCK_APPLIED,
            energy_source_id=COMPRESSOR_POINTS[0],
            lock_serial="F-2",
        ),
        *(
            forged(
                device,
                7 + n,
                lockout_id=cabinet,
                event=E.LOCK_APPLIED,
                energy_source_id=point,
                lock_serial=f"F-{2 + n}",
                photo_sha256=device.photo(2 + n),
            )
            for n, point in enumerate(COMPRESSOR_POINTS)
        ),
        # Verifying before stored energy was released.
        forged(device, 9, lockout_id=cabinet, event=E.ISOLATION_VERIFIED),
    ]
    results = push(client, batch)
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "rejected",
        "applied",
        "applied",
        "rejected",
        "applied",
        "applied",
        "rejected",
    ]
    assert results[2]["code"] == "training.certificate_expired"
    assert results[5]["code"] == "loto.photo_required"
    assert results[8]["code"] == "loto.energy_not_released"
    assert "Libere o contenga la energía" in results[8]["message"]
    assert [r.event for r in server_rows(live_server, lockout_id=press)] == [
        E.NOTIFIED,
        E.SHUT_DOWN,
    ]

    lock_id = next(
        r.id for r in server_rows(live_server, lockout_id=cabinet) if r.event is E.LOCK_APPLIED
    )  # the first point's lock
    thief = login("tecnico2", device="dev-thief")
    other = Device(device.store, device.clock)
    steal = forged(
        other,
        1,
        lockout_id=cabinet,
        event=E.LOCK_REMOVED,
        lock_ref_id=lock_id,
        photo_sha256=device.photo(3),
        area_clear=True,
        people_notified=True,
    ).model_copy(update={"device_id": "dev-thief"})
    # Group: the primary may not take the lock off while a member's lock is on the box.
    box = forged(device, 10, lockout_id=cabinet, event=E.GROUP_OPENED, lock_serial="BOX-1")
    assert [r["status"] for r in push(client, [box])] == ["applied"]
    join = forged(device, 1, lockout_id=cabinet, event=E.MEMBER_LOCK_ON, lock_serial="P-7")
    join = join.model_copy(update={"device_id": "dev-thief"})
    stolen, joined = push(thief, [steal, join])
    assert stolen["status"] == "rejected" and stolen["code"] == "loto.only_applier_removes"
    assert joined["status"] == "applied"
    remove = forged(
        device,
        11,
        lockout_id=cabinet,
        event=E.LOCK_REMOVED,
        lock_ref_id=lock_id,
        photo_sha256=device.photo(4),
        area_clear=True,
        people_notified=True,
    )
    (removed,) = push(client, [remove])
    assert removed["status"] == "rejected" and removed["code"] == "loto.members_still_locked"
    assert "1 candados personales" in removed["message"]


def lock_out_cabinet(device: Device) -> loto.LockoutView:
    ctx = device.ctx("tecnico")
    view = loto.notify_affected(ctx, CABINET)
    loto.shut_down(ctx, view.lockout_id)
    view = loto.apply_lock(ctx, view.lockout_id, CABINET_POINT, "C-1", device.photo(10))
    loto.release_stored_energy(ctx, view.lockout_id)
    return loto.verify_isolation(ctx, view.lockout_id)


def device_rows(device: Device, lockout_id: uuid.UUID) -> list[LotoLog]:
    with device.store.sessions() as session:
        return list(
            session.scalars(
                select(LotoLog)
                .where(LotoLog.lockout_id == lockout_id)
                .order_by(LotoLog.device_time)
            )
        )


def test_the_server_holds_the_device_chain_and_it_verifies(live_server, device, login):
    view = lock_out_cabinet(device)
    client = login("tecnico", device=device.store.device_id)
    assert {r["status"] for r in push(client, device.mutations())} == {"applied"}

    on_device = device_rows(device, view.lockout_id)
    on_server = server_rows(live_server, lockout_id=view.lockout_id)
    assert [r.entry_hash for r in on_server] == [r.entry_hash for r in on_device]
    assert [r.prev_hash for r in on_server] == [None] + [r.entry_hash for r in on_device[:-1]]
    assert all(r.chain_flag is None and r.claimed_hash is None for r in on_server)
    # The photo's hash is part of the entry's hash.
    applied = next(r for r in on_server if r.event is E.LOCK_APPLIED)
    assert applied.photo_sha256 == device.photo(10)
    assert chain.entry_hash(ops.row_facts(applied), applied.prev_hash) == applied.entry_hash
    links = [
        chain.ChainLink(r.id, ops.row_facts(r), r.prev_hash, r.entry_hash, r.chain_flag)
        for r in on_server
    ]
    known = frozenset(r.entry_hash for r in on_server if r.entry_hash)
    assert chain.verify_chain(links, known) == []


def test_a_broken_chain_is_flagged_and_kept(live_server, device, login, tmp_path):
    view = lock_out_cabinet(device)
    client = login("tecnico", device=device.store.device_id)
    mutations = device.mutations()
    assert {r["status"] for r in push(client, mutations[:3])} == {"applied"}

    # Someone edits the lock's row in the server's database after it was written.
    applied_id = uuid.UUID(mutations[2].args["id"])
    with live_server.engine.begin() as conn:
        conn.execute(update(LotoLog).where(LotoLog.id == applied_id).values(lock_serial="X-9"))
    # The next step arrives: kept, flagged, and the edited row no longer verifies.
    assert {r["status"] for r in push(client, mutations[3:4])} == {"applied"}
    rows = {r.id: r for r in server_rows(live_server, lockout_id=view.lockout_id)}
    released = rows[uuid.UUID(mutations[3].args["id"])]
    assert released.chain_flag == chain.CHAIN_TAMPERED
    links = [
        chain.ChainLink(r.id, ops.row_facts(r), r.prev_hash, r.entry_hash, r.chain_flag)
        for r in rows.values()
    ]
    problems = chain.verify_chain(
        links, frozenset(r.entry_hash for r in rows.values() if r.entry_hash)
    )
    assert chain.ChainProblem(applied_id, chain.CHAIN_ENTRY_ALTERED) in problems

    # A device whose step claims another previous entry than the server's (altered history).
    forged_prev = mutations[4].model_copy(
        update={"args": {**mutations[4].args, "prev_hash": "0" * 64}}
    )
    assert [r["status"] for r in push(client, [forged_prev])] == ["applied"]
    verified = server_rows(live_server, id=uuid.UUID(mutations[4].args["id"]))[0]
    assert verified.chain_flag == chain.CHAIN_BREAK
    # The server's own chain stays linked: the flagged entry follows the server's head.
    assert verified.prev_hash == released.entry_hash

    # A step whose facts were changed after the device hashed them.
    other = Device.open(tmp_path / "other", live_server.clock)
    ctx = other.ctx("tecnico")
    start = loto.notify_affected(ctx, PANEL)
    (notified,) = other.mutations()
    altered = notified.model_copy(
        update={"args": {**notified.args, "asset_id": str(PANEL)}, "device_time": other.clock.now}
    )
    altered = altered.model_copy(
        update={"args": {**altered.args, "entry_hash": "f" * 64}}  # not what the facts hash to
    )
    second = login("tecnico", device=other.store.device_id)
    assert [r["status"] for r in push(second, [altered])] == ["applied"]
    row = server_rows(live_server, lockout_id=start.lockout_id)[0]
    assert row.chain_flag == chain.CHAIN_ENTRY_MISMATCH
    assert row.claimed_hash == "f" * 64
    other.store.close()
