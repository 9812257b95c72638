"""The sync engine against the real server: a fresh device fills itself, offline work goes
up once, rejections become visible issues, local pending edits survive a pull."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from ker_field.domain import demo
from ker_field.domain.enums import PermitStatus
from ker_field.domain.models import Asset, LotoLog, WorkPermit
from ker_field.services import loto, permits, training
from ker_field.store.tables import BlobQueueEntry, OutboxEntry, SyncIssue
from sync.client.engine import evidence_pending

PANEL = demo.demo_id("asset", "STGO", "1")
PANEL_POINT = demo.demo_id("energy", "STGO", "1", "1")
HIGH_TICKET = demo.demo_id("ticket", "STGO", "1")


def count(store, entity, *where):
    with store.sessions() as session:
        return session.scalar(select(func.count()).select_from(entity).where(*where))


def test_a_fresh_device_fills_itself_and_its_offline_lockout_goes_up_once(device_for):
    tech = device_for("tecnico")
    first = tech.sync()
    assert first.pull.applied > 100
    assert count(tech.store, Asset, Asset.site_id == demo.SITE_IDS["STGO"]) == 25
    assert count(tech.store, Asset, Asset.site_id == demo.SITE_IDS["ANTO"]) == 0  # not his site

    ctx = tech.ctx()
    view = loto.notify_affected(ctx, PANEL)
    loto.shut_down(ctx, view.lockout_id)
    photo = tech.photo(1)
    loto.apply_lock(ctx, view.lockout_id, PANEL_POINT, "L-1", photo)
    assert evidence_pending(tech.store, photo)

    report = tech.sync()
    assert (report.push.applied, report.push.rejected) == (3, 0)
    assert report.blobs.uploaded == 1 and not evidence_pending(tech.store, photo)
    assert count(tech.store, OutboxEntry) == 0
    with tech.store.sessions() as session:
        logs = list(session.scalars(select(LotoLog).where(LotoLog.lockout_id == view.lockout_id)))
    assert len(logs) == 3
    assert all(log.version == 1 and log.server_time is not None for log in logs)

    again = tech.sync()
    assert again.push.applied == 0 and count(tech.store, LotoLog) == 3


def test_a_rejected_change_becomes_a_visible_issue_and_the_rest_go_through(device_for):
    boss, other_boss = device_for("supervisor"), device_for("supervisor2")
    boss.sync()
    other_boss.sync()
    tech = device_for("tecnico")
    tech.sync()
    clock = tech.clock
    permit = permits.request_permit(
        tech.ctx(),
        HIGH_TICKET,
        "Cambio de interruptor",
        4,
        4,
        clock.now,
        clock.now + timedelta(hours=8),
    )
    tech.sync()
    boss.sync()
    other_boss.sync()
    # Offline, both supervisors approve the same permit; then one also requests another.
    permits.approve_permit(boss.ctx(), permit.id)
    permits.approve_permit(other_boss.ctx(), permit.id)
    permits.request_permit(
        other_boss.ctx(),
        demo.demo_id("ticket", "STGO", "2"),
        "Limpieza",
        1,
        2,
        clock.now,
        clock.now + timedelta(hours=4),
    )
    assert boss.sync().push.applied == 1
    report = other_boss.sync()
    assert (report.push.rejected, report.push.applied) == (1, 1)
    with other_boss.store.sessions() as session:
        issue = session.scalars(select(SyncIssue)).one()
    assert issue.code == "permit.illegal_transition"
    assert "aprobado" in issue.message
    assert issue.server_row["status"] == "approved"
    assert issue.server_row["approved_by_id"] == str(demo.USER_IDS["supervisor"])
    assert count(other_boss.store, OutboxEntry) == 0


def test_pending_local_edits_are_not_overwritten_by_a_pull(device_for):
    tech, boss = device_for("tecnico"), device_for("supervisor")
    tech.sync()
    clock = tech.clock
    permit = permits.request_permit(
        tech.ctx(),
        HIGH_TICKET,
        "Cambio de interruptor",
        4,
        4,
        clock.now,
        clock.now + timedelta(hours=8),
    )
    tech.sync()
    boss.sync()
    permits.approve_permit(boss.ctx(), permit.id)  # offline: not pushed yet
    boss.engine.pull(boss.scopes)  # a pull alone must keep the local approval
    with boss.store.sessions() as session:
        assert session.get(WorkPermit, permit.id).status is PermitStatus.APPROVED
    boss.sync()
    tech.sync()
    with tech.store.sessions() as session:
        assert session.get(WorkPermit, permit.id).status is PermitStatus.APPROVED


def test_clock_skew_over_five_minutes_is_reported(device_for):
    tech = device_for("tecnico")
    tech.sync()
    permits.request_permit(
        tech.ctx(), HIGH_TICKET, "x", 2, 2, tech.clock.now, tech.clock.now + timedelta(hours=1)
    )
    tech.engine.clock = lambda: tech.clock.now + timedelta(minutes=7)
    report = tech.sync()
    assert report.clock_warning and report.clock_skew >= timedelta(minutes=7)


def test_blob_queue_is_separate_from_data(device_for):
    tech = device_for("tecnico")
    tech.sync()
    ctx = tech.ctx()
    view = loto.notify_affected(ctx, PANEL)
    loto.shut_down(ctx, view.lockout_id)
    photo = tech.photo(3)
    loto.apply_lock(ctx, view.lockout_id, PANEL_POINT, "L-3", photo)
    tech.store.blobs.path(photo).write_bytes(b"broken")  # the photo file got damaged
    report = tech.sync()
    assert report.push.applied == 3  # data went up regardless
    assert photo in report.blobs.failed
    with tech.store.sessions() as session:
        entry = session.get(BlobQueueEntry, photo)
    assert entry.attempts == 1 and "corrupted" in entry.last_error


def test_training_media_downloads_on_demand_with_progress(device_for):
    from ker_field.domain.models import TrainingModule

    worker = device_for("tecnico2")
    worker.sync()
    with worker.store.sessions() as session:
        module = session.get(TrainingModule, demo.demo_id("module", "electrical"))
    assert module.content_sha256 and module.content_size > 500
    assert not worker.store.blobs.exists(module.content_sha256)
    seen = []
    worker.engine.download_blob(
        module.content_sha256,
        module.content_size,
        lambda phase, done, total: seen.append((done, total)),
    )
    assert worker.store.blobs.read(module.content_sha256).startswith(b"%PDF")
    assert seen[-1] == (module.content_size, module.content_size)


def test_a_site_taken_off_the_user_is_cleared_from_the_device(device_for):
    boss = device_for("supervisor")
    boss.sync()
    anto = f"site:{demo.SITE_IDS['ANTO']}"
    assert count(boss.store, Asset, Asset.site_id == demo.SITE_IDS["ANTO"]) == 25
    boss.engine.pull([s for s in boss.scopes if s != anto])
    assert count(boss.store, Asset, Asset.site_id == demo.SITE_IDS["ANTO"]) == 0
    assert count(boss.store, Asset, Asset.site_id == demo.SITE_IDS["STGO"]) == 25


def test_a_module_started_offline_does_not_break_the_next_pull(device_for):
    worker = device_for("tecnico")
    worker.sync()
    training.start_module(worker.ctx(), demo.demo_id("module", "induction"))
    report = worker.sync()
    assert report.push.applied == 1
    assert worker.sync().pull.applied == 0  # and the following rounds stay clean
