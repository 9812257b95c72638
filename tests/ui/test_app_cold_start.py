"""The cold-start path: the main window paints before the store is open and before the
journey modules are imported; then the store opens, the lists fill and the journeys take
their places, on the task runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ker_field.domain import demo
from ker_field.settings import Settings
from ker_field.tools import demo_scene
from ker_field.ui.journeys import registered
from ker_field.ui.main_window import BUILT_IN_PAGES, MainWindow
from ker_field.ui.session import StoreOpening, UserSession
from ker_field.ui.tasks import TaskRunner
from sync.client.api import ServerApi


@pytest.fixture
def scene_dir(tmp_path: Path) -> Path:
    store = demo_scene.build(tmp_path / "scene")
    store.close()
    return tmp_path / "scene"


def _no_api() -> ServerApi:
    raise AssertionError("these tests do not reach the server")


def _snapshot_json(folder: Path) -> dict[str, object]:
    opening = StoreOpening(folder)
    try:
        return demo_scene.session_for(opening.result(), "tecnico").snapshot.model_dump(mode="json")
    finally:
        opening.close()


def test_a_session_from_the_kept_snapshot_reads_who_and_checks_it_on_first_use(scene_dir):
    raw = _snapshot_json(scene_dir)
    opening = StoreOpening(scene_dir)
    session = UserSession(opening, None, raw, False, demo.SITE_IDS["STGO"], make_api=_no_api)
    assert not session.store_ready
    assert session.user_id == demo.USER_IDS["tecnico"]
    assert session.full_name == "Pedro Soto"
    assert sorted(session.site_ids, key=str) == sorted(demo.SITE_IDS.values(), key=str)
    assert session.snapshot.model_dump(mode="json") == raw  # validated now
    assert session.store.device_id  # opens on first use
    assert session.store_ready
    opening.close()


def test_the_window_paints_first_then_fills_and_takes_its_journeys(qtbot, scene_dir):
    opening = StoreOpening(scene_dir)
    tasks = TaskRunner()
    raw = _snapshot_json(scene_dir)
    session = UserSession(opening, None, raw, True, demo.SITE_IDS["STGO"], make_api=_no_api)
    window = MainWindow(session, Settings(), scene_dir, tasks, defer_journeys=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    try:
        window.resize(1024, 600)
        window.show()
        keys = window.keys()
        assert window.page_keys() == list(keys)  # every tab is there at once
        assert not session.store_ready and window.journeys == {}
        window.start(sync=False)
        qtbot.waitUntil(lambda: window.loaded, timeout=20_000)
        assert window.pages["assets"].page.model.rowCount() == 25
        journeys = registered()
        shown = [k for k in keys if k in journeys or k in BUILT_IN_PAGES]
        qtbot.waitUntil(lambda: window.tabs.tabText(shown.index("loto")) != "…", timeout=30_000)
        assert window.page_keys() == shown
        assert window.tabs.currentIndex() == 0
        assert "loto" not in window.journeys  # made when first opened, not all at once
        page = window.show_page("loto")
        assert page is window.journeys["loto"][1] and window.tabs.currentWidget() is page
        assert window.tabs.tabText(window.tabs.currentIndex()) == journeys["loto"].title()
        window.tabs.setCurrentIndex(shown.index("training"))  # a tap on a tab makes it too
        assert "training" in window.journeys
        assert window.page_keys() == shown
    finally:
        window.shutdown()
        tasks.shutdown()
        session.close()
        opening.close()


def test_building_the_window_imports_no_orm_and_no_journey(tmp_path):
    """What runs before the first paint: MainWindow with a store still closed."""
    code = f"""
import json, sys, uuid
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ker_field.settings import Settings
from ker_field.ui.main_window import MainWindow
from ker_field.ui.session import StoreOpening, UserSession
from ker_field.ui.tasks import TaskRunner
app = QApplication([])
raw = {{"user_id": str(uuid.uuid4()), "tenant_id": str(uuid.uuid4()), "username": "x",
        "full_name": "X", "role": "technician", "site_ids": [str(uuid.uuid4())],
        "issued_at": "2026-01-01T00:00:00Z", "expires_at": "2026-01-02T00:00:00Z"}}
session = UserSession(StoreOpening(Path({str(tmp_path)!r})), None, raw, False,
                      uuid.UUID(raw["site_ids"][0]), make_api=lambda: None)
tasks = TaskRunner()
window = MainWindow(session, Settings(), Path({str(tmp_path)!r}), tasks, defer_journeys=True)
window.show(); app.processEvents()
heavy = ("sqlalchemy", "pydantic", "httpx", "alembic", "cv2", "ker_field.services")
print(sorted(m for m in heavy if m in sys.modules))
print(sorted(m for m in sys.modules if m.startswith("ker_field.ui.") and m.count(".") > 2))
tasks.shutdown()
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.splitlines() == ["[]", "[]"]
