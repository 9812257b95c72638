"""The ESG dashboard on the device: emissions by scope per month, progress against the
goal (2026 against the 2023 baseline, -15 %) computed by hand, the CSV export."""

from __future__ import annotations

import csv
from datetime import date

from ker_field.domain.enums import EmissionScope
from ker_field.services import esg


def month(year: int, m: int) -> tuple[date, date]:
    return date(year, m, 1), date(year, m, 28)


def test_goal_progress_against_the_same_months_of_the_baseline(ctx_for, tmp_path):
    tech = ctx_for("tecnico")
    esg.record_reading(tech, "Electricidad", 10_000, "kWh", *month(2023, 1))  # 4,000 kg
    esg.record_reading(tech, "Electricidad", 10_000, "kWh", *month(2023, 2))  # 4,000 kg
    esg.record_reading(tech, "Electricidad", 9_000, "kWh", *month(2026, 1))  # 3,600 kg, scope 2
    esg.record_reading(tech, "Diésel", 100, "l", *month(2026, 1))  # 268 kg, scope 1

    board = esg.dashboard(tech, 2026)
    assert board.site_name == "Planta Santiago"
    assert board.years == (2023, 2026)
    january = board.months[0]
    assert january.by_scope == {
        EmissionScope.SCOPE_1: 268.0,
        EmissionScope.SCOPE_2: 3600.0,
        EmissionScope.SCOPE_3: 0.0,
    }
    assert january.total == 3868.0
    assert board.total == 3868.0
    assert board.scope_total(EmissionScope.SCOPE_2) == 3600.0

    goal = board.goal
    assert goal is not None and goal.progress is not None
    # Only January has 2026 readings: compared with January 2023 (4,000 kg), not all of 2023.
    assert goal.months_compared == (1,)
    assert (goal.baseline_kg, goal.current_kg) == (4000.0, 3868.0)
    # (4,000 - 3,868) / 4,000 = 3.3 % reduction; 3.3 / 15 = 22 % of the target.
    assert goal.progress.reduction_pct == 3.3
    assert goal.progress.progress_pct == 22.0
    assert goal.progress.on_track is False
    assert goal.baseline_cumulative[:3] == (4000.0, 8000.0, 8000.0)
    assert goal.target_cumulative[:2] == (3400.0, 6800.0)  # 85 % of the baseline path
    assert goal.current_cumulative[:2] == (3868.0, None)

    path = esg.write_dashboard_csv(
        board,
        tmp_path / "esg.csv",
        ["mes", "a1", "a2", "a3", "total", "base", "meta", "real"],
    )
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["mes", "a1", "a2", "a3", "total", "base", "meta", "real"]
    assert rows[1] == [
        "2026-01",
        "268.000",
        "3600.000",
        "0.000",
        "3868.000",
        "4000.000",
        "3400.000",
        "3868.000",
    ]
    assert rows[2][-1] == ""
    assert len(rows) == 13


def test_no_goal_figure_without_readings_of_the_goal_year(ctx_for):
    board = esg.dashboard(ctx_for("tecnico"), 2026)
    assert board.total == 0
    assert board.goal is not None
    assert board.goal.progress is None
    assert board.goal.problem is not None
    assert board.goal.problem.message("en") == (
        "There are no 2026 readings yet to compare with 2023."
    )
    assert esg.dashboard(ctx_for("tecnico"), 2025).goal is None


def test_factors_and_recent_readings(ctx_for):
    tech = ctx_for("tecnico")
    assert [(f.resource_name, f.unit) for f in esg.list_factors(tech)][:1] == [("Diésel", "l")]
    esg.record_reading(tech, "Agua", 120, "m3", *month(2026, 10))
    [row] = esg.recent_readings(tech)
    assert (row.resource_name, row.co2e_kg, row.scope, row.recorded_by) == (
        "Agua",
        41.28,
        EmissionScope.SCOPE_3,
        "Pedro Soto",
    )
    assert row.pending_sync
