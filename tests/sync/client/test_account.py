"""Offline unlock: the same password works without the network, until the signed
permission snapshot expires; a tampered snapshot or a wrong password does not."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ker_field.store.tables import DeviceAccount
from sync.client.account import UnlockRefused, remember_sign_in, unlock_offline
from tests.sync.client.conftest import open_device


@pytest.fixture
def device(live_server, tmp_path):
    opened = open_device(live_server, tmp_path / "d", "tecnico")
    yield opened
    opened.api.close()
    opened.store.close()


def test_offline_unlock_with_the_same_password_until_the_snapshot_expires(
    live_server, tmp_path, device
):
    answer = device.api.login("tecnico", "tecnico123")
    device.sync()  # brings the tenant's public key
    remember_sign_in(device.store, "tecnico123", answer)
    clock = live_server.clock

    unlocked = unlock_offline(device.store, "tecnico", "tecnico123", clock.now + timedelta(days=6))
    assert unlocked.snapshot.role.value == "technician"
    assert [str(s) for s in unlocked.snapshot.site_ids] == answer["user"]["site_ids"]

    with pytest.raises(UnlockRefused) as wrong:
        unlock_offline(device.store, "tecnico", "tecnico124", clock.now)
    assert wrong.value.code == "unlock.wrong_password"
    with pytest.raises(UnlockRefused) as stranger:
        unlock_offline(device.store, "guardia", "guardia123", clock.now)
    assert stranger.value.code == "unlock.unknown_on_device"
    with pytest.raises(UnlockRefused) as stale:
        unlock_offline(device.store, "tecnico", "tecnico123", clock.now + timedelta(days=8))
    assert stale.value.code == "unlock.snapshot_expired"

    # The device keeps a verifier, never the password.
    db_bytes = (tmp_path / "d" / "ker_field.sqlite3").read_bytes()
    assert b"tecnico123" not in db_bytes

    # Editing the local database to become an administrator unlocks nothing.
    with device.store.transaction() as session:
        account = session.get(DeviceAccount, "tecnico")
        account.snapshot = {**account.snapshot, "role": "admin"}
    with pytest.raises(UnlockRefused) as forged:
        unlock_offline(device.store, "tecnico", "tecnico123", clock.now)
    assert forged.value.code == "unlock.snapshot_invalid"
