"""The role home's reads and the sync-issue inbox as services: plain data, no Qt."""

from __future__ import annotations

from datetime import UTC, datetime

from ker_field.domain import demo
from ker_field.services import home, sync_issues
from ker_field.store.local import enqueue_mutation
from ker_field.tools import demo_scene


def test_home_data_counts_each_persons_pending_work_and_issues(tmp_path):
    store = demo_scene.build(tmp_path)
    try:
        tech = demo_scene.context(store, "tecnico")
        before = home.home_data(tech, list(demo.SITE_IDS.values()), frozenset({"my_locks"}))
        with store.transaction() as db:  # a change another person left on this device
            enqueue_mutation(
                db,
                name="handover.add",
                args={},
                user_id=demo.USER_IDS["tecnico2"],
                device_time=datetime.now(UTC),
            )
        after = home.home_data(tech, list(demo.SITE_IDS.values()), frozenset({"my_locks"}))
        assert after.pending == before.pending
        assert after.pending_others == before.pending_others + 1
        assert after.issues == 2 == len(sync_issues.open_issues(store, demo.USER_IDS["tecnico"]))
        assert [lock.serial for lock in after.my_locks] == ["L-001", "L-002"]
        assert after.tickets == []  # a page the role home does not show is not read
        assert after.site_names[demo.SITE_IDS["STGO"]] == "STGO · Planta Santiago"
    finally:
        store.close()


def test_asset_search_and_issue_discard(tmp_path):
    store = demo_scene.build(tmp_path)
    try:
        tech = demo_scene.context(store, "tecnico")
        presses = home.assets(tech, "hydraulic")
        assert presses and {row.category for row in presses} == {"hydraulic"}
        assert home.assets(tech, "hidráulico") == presses  # the label people see
        assert len(home.assets(tech, "", limit=3)) == 3
        issue = sync_issues.open_issues(store)[0]
        sync_issues.discard_issue(store, issue.id, datetime.now(UTC))
        assert sync_issues.open_issue_count(store, demo.USER_IDS["tecnico"]) == 1
    finally:
        store.close()
