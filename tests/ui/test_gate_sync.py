"""Two gates offline admit the same invite: after sync the second entry is kept and flagged,
and every guard's gate shows the anomaly until one of them reviews it (real server)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.models import AccessLog, GateAnomaly, VisitorInvite
from ker_field.services.visitors import Outcome
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.ui.gate.gate import GatePage
from ker_field.ui.session import sign_in
from tests.ui.conftest import PASSWORDS

DELIVERY = demo.demo_id("invite", "3")


@dataclass
class Host:
    session: Any
    settings: Settings
    data_dir: Path
    tasks: Any
    pages: list[Any] = field(default_factory=list)

    def refresh(self) -> None:
        for page in self.pages:
            page.refresh()

    def show_page(self, key: str) -> None:
        return None

    def open_asset(self, asset_id: object) -> None:
        pass


def test_two_gates_admit_one_invite_offline_and_guards_see_the_anomaly(
    qtbot, server, tmp_path, tasks
):
    stores = [LocalStore.open(tmp_path / name) for name in ("north", "south")]
    sessions = [
        sign_in(store, server.url, "guardia", PASSWORDS["guardia"], clock=server.clock)
        for store in stores
    ]
    try:
        for session in sessions:
            session.sync_engine().sync_once(session.scopes())
        with stores[0].sessions() as db:
            token = db.get(VisitorInvite, DELIVERY).qr_token  # signed by the server
        pages = []
        for n, session in enumerate(sessions):
            host = Host(session, Settings(), tmp_path / f"data{n}", tasks)
            page = GatePage(host)
            host.pages.append(page)
            qtbot.addWidget(page)
            pages.append(page)
        # Offline (no sync in between), the truck is let in at both gates.
        for page in pages:
            page.scan(token)
            qtbot.waitUntil(lambda p=page: p.verdict is not None)
            assert page.verdict.outcome is Outcome.ADMITTED
        reports = [session.sync_engine().sync_once(session.scopes()) for session in sessions]
        assert [(r.push.applied, r.push.rejected) for r in reports] == [(1, 0), (1, 0)]
        sessions[0].sync_engine().sync_once(sessions[0].scopes())
        for page in pages:
            page.refresh()
            qtbot.waitUntil(lambda p=page: p.anomaly_count == 1)
            assert page.anomaly_button.isVisibleTo(page)
            assert page.anomaly_button.text() == "Anomalías: 1"
        with Session(server.engine) as db:
            entries = db.scalars(select(AccessLog).where(AccessLog.invite_id == DELIVERY)).all()
            assert len(entries) == 2  # the server holds every access

        pages[0].open_anomalies()
        qtbot.waitUntil(lambda: pages[0].dialog is not None)
        dialog = pages[0].dialog
        assert "Doble ingreso: Transportes Norte" in dialog.list.item(0).text()
        dialog.resolve_button.click()  # nothing written: refused, the dialog stays
        qtbot.waitUntil(lambda: "Escriba qué se comprobó" in dialog.message.text())
        assert dialog.isVisible()
        dialog.resolution.setPlainText("Eran dos camiones de la empresa; el segundo salió.")
        dialog.resolve_button.click()
        qtbot.waitUntil(lambda: pages[0].anomaly_count == 0)
        assert not pages[0].anomaly_button.isVisibleTo(pages[0])
        assert sessions[0].sync_engine().sync_once(sessions[0].scopes()).push.applied == 1
        sessions[1].sync_engine().sync_once(sessions[1].scopes())
        pages[1].refresh()
        qtbot.waitUntil(lambda: pages[1].anomaly_count == 0)
        with Session(server.engine) as db:
            [anomaly] = db.scalars(select(GateAnomaly))
            assert anomaly.resolution.startswith("Eran dos camiones")
        for page in pages:
            page.shutdown()
    finally:
        for session in sessions:
            session.close()
        for store in stores:
            store.close()
