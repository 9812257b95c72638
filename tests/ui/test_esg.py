"""The ESG journey in the real window: a technician records meter readings (a unit that does
not match the factor refused, an outlier confirmed), the seed's example computed exactly, the
charts drawn offscreen where their bars must be, and after sync another device's dashboard
moves; CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.enums import EmissionScope
from ker_field.domain.models import ConsumptionReading
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.ui.esg.chart import (
    BACKGROUND,
    LineChart,
    Series,
    StackedBarChart,
    nice_ticks,
    short_number,
)
from ker_field.ui.esg.page import EsgPage, parse_quantity
from ker_field.ui.main_window import MainWindow
from ker_field.ui.session import sign_in
from ker_field.ui.tasks import TaskRunner
from tests.ui.conftest import PASSWORDS

RED, BLUE, GREEN = QColor("#d35400"), QColor("#1f5fa8"), QColor("#2e7d32")


def idle(qtbot, tasks: TaskRunner) -> None:
    for _ in range(3):
        qtbot.waitUntil(lambda: tasks.running == 0, timeout=15_000)
        qtbot.wait(20)


# --- the charts -----------------------------------------------------------------------------


def test_stacked_bars_are_drawn_where_their_values_say(qtbot):
    chart = StackedBarChart()
    qtbot.addWidget(chart)
    chart.set_data(
        ["ene", "feb", "mar"],
        [
            Series("alcance 1", RED, [1000, 0, 500]),
            Series("alcance 2", BLUE, [4000, 2000, 0]),
            Series("alcance 3", GREEN, [500, 0, 0]),
        ],
    )
    image = chart.render_image(QSize(600, 320))
    for category, series, color in ((0, 0, RED), (0, 1, BLUE), (0, 2, GREEN), (1, 1, BLUE)):
        rect = chart.bar_rect(category, series)
        assert rect.height() > 4
        assert image.pixelColor(rect.center().toPoint()) == color
    # January (5,500 kg) is taller than February (2,000 kg), in proportion.
    jan = chart.bar_rect(0, 2).top()
    bottom = chart.bar_rect(0, 0).bottom()
    feb = chart.bar_rect(1, 1).top()
    assert (bottom - jan) / (bottom - feb) == pytest.approx(5500 / 2000, rel=0.02)
    # No scope 2 in March: nothing drawn there; between bars, the background.
    assert chart.bar_rect(2, 1).height() == 0
    gap = chart.bar_rect(0, 1).right() + 3
    assert image.pixelColor(int(gap), int(chart.bar_rect(0, 1).center().y())) == BACKGROUND


def test_lines_stop_after_the_last_reading(qtbot):
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.set_data(
        ["ene", "feb", "mar"],
        [Series("2023", RED, [100, 200, 300]), Series("2026", BLUE, [90, 170, None])],
    )
    image = chart.render_image(QSize(500, 300))
    assert chart.point_at(2, 1) is None
    for category, series, color in ((0, 0, RED), (1, 1, BLUE)):
        point = chart.point_at(category, series)
        assert point is not None
        assert image.pixelColor(point.toPoint()) == color
    lower, higher = chart.point_at(1, 1), chart.point_at(1, 0)
    assert lower is not None and higher is not None and lower.y() > higher.y()


def test_axis_ticks_are_round_and_labels_short():
    assert nice_ticks(24_500) == [0, 5_000, 10_000, 15_000, 20_000, 25_000]
    assert nice_ticks(0) == [0, 1]
    assert [short_number(v) for v in (0, 2_500, 300_000, 2_500_000)] == [
        "0",
        "2,5 k",
        "300 k",
        "2,5 M",
    ]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("10000", 10000.0),
        ("10.000,5", 10000.5),
        ("10000.5", 10000.5),
        (" 7,25 ", 7.25),
        ("x", None),
    ],
)
def test_quantities_as_typed_in_chile(typed, value):
    assert parse_quantity(typed) == value


# --- the journey ----------------------------------------------------------------------------


@pytest.fixture
def esg_window(qtbot, tasks: TaskRunner, tmp_path: Path) -> Iterator:
    made: list[MainWindow] = []

    def make(session) -> tuple[MainWindow, EsgPage]:
        window = MainWindow(session, Settings(), tmp_path / f"data-{len(made)}", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1280, 800)
        window.show()
        window.start(sync=False)
        qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
        page = window.show_page("esg")
        assert isinstance(page, EsgPage)
        page.refresh()
        idle(qtbot, tasks)
        made.append(window)
        return window, page

    yield make
    for window in made:
        window.shutdown()
        window.session.close()


def fill(page: EsgPage, resource: str, quantity: str, unit: str, month: int, year: int) -> None:
    page.resource.setCurrentIndex(page.resource.findText(resource))
    page.quantity.setText(quantity)
    page.unit.setCurrentText(unit)
    page.month.setCurrentIndex(page.month.findData(month))
    page.year.setCurrentIndex(page.year.findData(year))


def readings_on(store: LocalStore) -> int:
    with store.sessions() as db:
        return len(list(db.scalars(select(ConsumptionReading.id))))


@pytest.fixture
def other_device(tmp_path: Path) -> Iterator[LocalStore]:
    """The supervisor's tablet: another device (closed after the windows using it)."""
    local = LocalStore.open(tmp_path / "supervisor-device")
    yield local
    local.close()


def test_readings_offline_then_the_other_device_dashboard_moves_after_sync(
    qtbot, tmp_path, tasks, other_device, esg_window, signed_in, server, store
):
    tech = signed_in("tecnico")
    tech.sync_engine().sync_once(tech.scopes())
    # The supervisor's tablet is another device, synced before the readings exist.
    other = other_device
    boss = sign_in(other, server.url, "supervisor", PASSWORDS["supervisor"], clock=server.clock)
    boss.site_id = tech.site_id
    boss.sync_engine().sync_once(boss.scopes())
    _, board = esg_window(boss)
    board.load_board(2026)
    idle(qtbot, tasks)
    assert board.tabs.currentIndex() == 1  # supervisors open on the dashboard
    assert board.board is not None and board.board.total == 0
    before = board.totals.text()

    _, page = esg_window(tech)
    assert page.tabs.currentIndex() == 0  # technicians open on the form
    fill(page, "Electricidad", "10000", "MWh", 11, 2026)
    page.record_button.click()
    idle(qtbot, tasks)
    assert page.message.text() == (
        "La unidad MWh no corresponde al factor de Electricidad, que usa kWh."
    )
    assert readings_on(store) == 0

    # The seed's example: 10,000 kWh x 0.4 kg/kWh = 4,000 kg CO2e, scope 2.
    page.unit.setCurrentText("kWh")
    page.record_button.click()
    idle(qtbot, tasks)
    assert page.message.text() == (
        "Lectura registrada: 4.000,0 kg CO2e (alcance 2). Se enviará al sincronizar."
    )
    [row] = page.readings_model.rows()
    assert (row.co2e_kg, row.scope, row.pending_sync) == (4000.0, EmissionScope.SCOPE_2, True)

    # More than ten times the site's median asks for confirmation first.
    fill(page, "Electricidad", "100001", "kWh", 10, 2026)
    page.record_button.click()
    idle(qtbot, tasks)
    assert page.message.text() == (
        "La lectura (100001.0 kWh) supera 10 veces la mediana del sitio (10000.0 kWh): confírmela."
    )
    assert page.confirm_button.isVisible() and readings_on(store) == 1
    page.confirm_button.click()
    idle(qtbot, tasks)
    assert page.message.text().startswith("Lectura registrada: 40.000,4 kg CO2e")
    assert not page.confirm_button.isVisible()

    # The technician's own dashboard already counts both, before any sync.
    page.load_board(2026)
    idle(qtbot, tasks)
    assert page.board is not None
    assert page.board.scope_total(EmissionScope.SCOPE_2) == 44000.4
    assert page.board.months[10].by_scope[EmissionScope.SCOPE_2] == 4000.0

    # Sync: the server holds both readings, recomputed; the other device's dashboard moves.
    report = tech.sync_engine().sync_once(tech.scopes())
    assert (report.push.applied, report.push.rejected) == (2, 0)
    with Session(server.engine) as db:
        kg = sorted(db.scalars(select(ConsumptionReading.co2e_kg)))
    assert kg == [4000.0, 40000.4]
    boss.sync_engine().sync_once(boss.scopes())
    board.refresh()
    idle(qtbot, tasks)
    assert board.board is not None and board.board.total == 44000.4
    assert board.totals.text() != before
    assert board.totals.text().startswith("Total 2026: 44.000,4 kg CO2e")
    november = board.scope_chart.bar_rect(10, 1)
    image = board.scope_chart.render_image()
    assert november.height() > 0
    assert image.pixelColor(november.center().toPoint()) == BLUE

    board.export_button.click()
    idle(qtbot, tasks)
    assert board.last_export is not None
    with board.last_export.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == [
        "mes",
        "alcance 1 (kg CO2e)",
        "alcance 2 (kg CO2e)",
        "alcance 3 (kg CO2e)",
        "total (kg CO2e)",
    ]
    assert rows[11][:5] == ["2026-11", "0.000", "4000.000", "0.000", "4000.000"]
