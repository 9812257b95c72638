"""Training offline against a fresh real server per test: a quiz answered offline is graded
after sync and its certificate unlocks LOTO; a forged local pass unlocks nothing there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import UserTrainingProgress
from ker_field.services import loto, training
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry, SyncIssue
from ker_field.ui.main_window import MainWindow
from ker_field.ui.session import UserSession, sign_in
from ker_field.ui.tasks import TaskRunner
from sync.client.api import ServerUnavailable
from tests.helpers.clock import FakeClock
from tests.helpers.fault_proxy import Fault, FaultProxy
from tests.helpers.live_server import LiveServer, database_url, run_server
from tests.helpers.training_ui import answer, hand_in, hydraulic_asset, lock_out, open_training

HYDRAULIC = demo.demo_id("module", "hydraulic")
ELECTRICAL = demo.demo_id("module", "electrical")
INDUCTION = demo.demo_id("module", "induction")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh server per test: these tests change the technician's training there."""
    for db in database_url("sqlite", tmp_path):
        yield from run_server(db.url, tmp_path, FakeClock())


@pytest.fixture
def network(server: LiveServer) -> Iterator[FaultProxy]:
    """The device reaches the server through a proxy the test can cut (the network)."""
    port = int(server.url.rsplit(":", 1)[1])
    with FaultProxy(("127.0.0.1", port), seed=8) as proxy:
        yield proxy


@pytest.fixture
def window_for(
    qtbot, store: LocalStore, tasks: TaskRunner, tmp_path: Path, server: LiveServer, network
):
    opened: list[MainWindow] = []

    def make(username: str, sync: bool = True) -> MainWindow:
        password = next(u.password for u in demo.DEMO_USERS if u.username == username)
        session = sign_in(store, network.url, username, password, clock=server.clock)
        if sync:
            session.sync_engine().sync_once(session.scopes())
        window = MainWindow(session, Settings(server_url=network.url), tmp_path / "data", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1024, 600)
        window.show()
        window.start(sync=False)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.shutdown()
        window.session.close()


def test_quiz_offline_then_sync_grades_it_issues_a_certificate_and_unlocks_loto(
    qtbot, window_for, network: FaultProxy, store: LocalStore, server: LiveServer
):
    window = window_for("tecnico")
    session: UserSession = window.session
    ctx = session.context()
    asset = hydraulic_asset(store)
    before = loto.loto_prerequisites(ctx, asset)
    assert "training.certificate_expired" in before.codes  # the demo's expired certificate

    page = open_training(qtbot, window)
    titles = [e.title for e in page.entries]
    assert titles.index("Energía hidráulica y neumática") < titles.index(
        "Inducción de seguridad de planta"
    )  # required modules first
    entry = page.choose(HYDRAULIC)
    assert entry.status is TrainingStatus.EXPIRED
    assert "reasignado" in page.model.data(page.model.index(page.entries.index(entry), 1))
    assert "venció" in page.warnings.text()

    # The material: size shown before the download, progress during it, then the PDF.
    assert not entry.content_on_device and entry.content_size
    page.open_button.click()
    assert "KB" in page.download_button.text()
    page.download_button.click()
    qtbot.waitUntil(lambda: page.pdf.isVisible() and page.pdf.page_count >= 1, timeout=10_000)
    assert page.download_progress.maximum() == entry.content_size
    assert store.blobs.exists(entry.content_sha256)

    # The network goes: the quiz is answered offline, every answer kept at once.
    network.set_weights({Fault.DROP_BEFORE: 1.0})
    with pytest.raises(ServerUnavailable):
        session.sync_engine().sync_once(session.scopes())
    page.content_quiz.click()
    answer(qtbot, page, {"q1": 1, "q2": 0})  # false; the try-out
    qtbot.waitUntil(lambda: page.quiz.saves_done >= 1 and not page.quiz.busy, timeout=5_000)
    hand_in(qtbot, page)
    assert "después de sincronizar" in page.quiz.result.text()
    with store.sessions() as db:
        names = [e.name for e in db.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    assert names[-2:] == ["training.start_module", "training.submit_attempt"]

    with pytest.raises(ServerUnavailable):  # still offline: it waits in the outbox
        session.sync_engine().sync_once(session.scopes())
    assert store.pending_count() >= 2

    # The network is back. Sync: the server grades it and issues the certificate.
    network.set_weights({Fault.NONE: 1.0})
    report = session.sync_engine().sync_once(session.scopes())
    assert report.push.rejected == 0
    page.show_catalog()
    qtbot.waitUntil(
        lambda: page.current is not None and page.current.status is TrainingStatus.PASSED,
        timeout=10_000,
    )
    graded = page.current
    assert graded.score == 100 and graded.certificate_number
    assert graded.certificate_number.startswith("KER-")

    # The certificate's PDF comes to the device by itself (online) and shows offline.
    def kept() -> training.CertificateView | None:
        return next(
            (
                c
                for c in training.certificates(ctx)
                if c.number == graded.certificate_number and c.on_device
            ),
            None,
        )

    qtbot.waitUntil(lambda: kept() is not None, timeout=10_000)
    page.certificate_button.click()
    qtbot.waitUntil(lambda: page.certificate.isVisible(), timeout=5_000)
    assert page.certificate.pdf.page_count == 1
    assert not page.certificate.qr.pixmap().isNull()
    assert "VIGENTE" in page.certificate.state.text()
    cert = kept()
    assert cert is not None and cert.expires_at is not None and cert.issued_at is not None
    assert cert.expires_at - cert.issued_at > timedelta(days=364)  # 12 months of validity

    # The verification page (no sign-in) says valid; a forged code is unknown.
    with httpx.Client(timeout=10) as http:
        real = http.get(cert.verify_url)
        forged = http.get(cert.verify_url.rsplit("/", 1)[0] + "/forged-code-123")
    assert real.status_code == 200 and 'data-status="valid"' in real.text
    assert graded.certificate_number in real.text
    assert forged.status_code == 404 and 'data-status="unknown"' in forged.text

    # LOTO on hydraulic equipment: allowed on the device and applied by the server.
    after = loto.loto_prerequisites(ctx, asset)
    assert not [c for c in after.codes if c.startswith("training.")]
    lock_out(ctx, store, asset)
    pushed = session.sync_engine().sync_once(session.scopes())
    assert pushed.push.applied == 3 and pushed.push.rejected == 0


def test_marking_a_module_passed_in_the_local_database_unlocks_nothing_on_the_server(
    qtbot, window_for, store: LocalStore, server: LiveServer
):
    window = window_for("tecnico")
    session = window.session
    ctx = session.context()
    asset = hydraulic_asset(store)
    with store.transaction() as db:  # someone edits the device's database by hand
        row = db.scalar(
            select(UserTrainingProgress).where(
                UserTrainingProgress.user_id == session.user_id,
                UserTrainingProgress.module_id == HYDRAULIC,
            )
        )
        row.status = TrainingStatus.PASSED
        row.certificate_expires_at = server.clock.now + timedelta(days=300)
    assert not [c for c in loto.loto_prerequisites(ctx, asset).codes if c.startswith("training.")]
    page = open_training(qtbot, window)
    page.loaded = False
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.choose(HYDRAULIC).status is TrainingStatus.PASSED  # fooled on the device

    lock_out(ctx, store, asset)  # allowed on the device: it believes the local row
    report = session.sync_engine().sync_once(session.scopes())
    assert report.push.applied == 2 and report.push.rejected == 1  # the lock is refused
    with store.sessions() as db:
        issue = db.scalars(select(SyncIssue)).one()
    assert issue.code == "training.certificate_expired"
    assert "volver a capacitarse" in issue.message


def test_a_failed_attempt_shows_its_score_and_the_cooldown_in_the_domains_words(
    qtbot, window_for, store: LocalStore, server: LiveServer
):
    window = window_for("tecnico2")
    session = window.session
    page = open_training(qtbot, window)
    page.choose(INDUCTION)
    page.quiz_button.click()
    answer(qtbot, page, {"q1": 0, "q2": 1})  # both wrong
    qtbot.waitUntil(lambda: not page.quiz.busy and page.quiz.saves_done >= 1, timeout=5_000)
    hand_in(qtbot, page)
    session.sync_engine().sync_once(session.scopes())
    page.show_catalog()
    qtbot.waitUntil(
        lambda: page.current is not None and page.current.status is TrainingStatus.FAILED,
        timeout=10_000,
    )
    assert page.current.score == 0
    assert "Último intento: 0% (reprobado)" in page.detail_facts.text()
    assert "Intentos: 1 de 3" in page.detail_facts.text()
    assert page.detail_note.text().startswith("Podrá intentar de nuevo desde")
    assert not page.quiz_button.isEnabled()
