"""ESG use cases: record a consumption reading and turn it into CO2e by scope."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from ker_field.domain.decision import Reason, define, reason
from ker_field.domain.enums import EmissionScope
from ker_field.domain.models import (
    ConsumptionReading,
    EmissionFactor,
    Local,
    SustainabilityGoal,
    User,
)
from ker_field.domain.operations import esg as ops
from ker_field.domain.rules.esg import GoalProgress, goal_progress
from ker_field.services.context import ServiceContext
from sync.protocol import MutationName, RecordReadingArgs


@dataclass(frozen=True)
class ReadingView:
    id: uuid.UUID
    resource_name: str
    quantity: float
    unit: str
    co2e_kg: float
    scope: EmissionScope
    warnings: tuple[Reason, ...]


def record_reading(
    ctx: ServiceContext,
    resource_name: str,
    quantity: float,
    unit: str,
    period_start: date,
    period_end: date,
    confirmed: bool = False,
) -> ReadingView:
    """Record a meter reading; an outlier (> 10x the site's median) needs ``confirmed``."""
    args = RecordReadingArgs(
        id=uuid.uuid4(),
        resource_name=resource_name,
        quantity=quantity,
        unit=unit,
        period_start=period_start,
        period_end=period_end,
        confirmed=confirmed,
    )
    with ctx.store.transaction() as session:
        row, decision = ops.record_reading(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.ESG_RECORD_READING, args)
        return ReadingView(
            row.id,
            resource_name,
            quantity,
            row.unit,
            row.co2e_kg,
            row.emission_scope,
            decision.warnings,
        )


# -- reference data and history -------------------------------------------------------------


@dataclass(frozen=True)
class FactorView:
    resource_name: str
    unit: str
    co2_factor: float
    scope: EmissionScope


def list_factors(ctx: ServiceContext) -> list[FactorView]:
    """The tenant's emission factors: what a reading can be of, in which unit."""
    with ctx.store.sessions() as session:
        rows = session.scalars(
            select(EmissionFactor)
            .where(EmissionFactor.tenant_id == ctx.tenant_id, EmissionFactor.deleted.is_(False))
            .order_by(EmissionFactor.emission_scope, EmissionFactor.resource_name)
        )
        return [FactorView(f.resource_name, f.unit, f.co2_factor, f.emission_scope) for f in rows]


@dataclass(frozen=True)
class ReadingRow:
    id: uuid.UUID
    resource_name: str
    quantity: float
    unit: str
    period_start: date
    period_end: date
    co2e_kg: float
    scope: EmissionScope
    recorded_by: str
    pending_sync: bool  # not yet acknowledged by the server


def recent_readings(ctx: ServiceContext, limit: int = 60) -> list[ReadingRow]:
    """This site's latest readings, newest period first."""
    with ctx.store.sessions() as session:
        rows = session.execute(
            select(ConsumptionReading, User.full_name)
            .join(User, User.id == ConsumptionReading.recorded_by_id, isouter=True)
            .where(
                ConsumptionReading.site_id == ctx.site_id,
                ConsumptionReading.deleted.is_(False),
            )
            .order_by(
                ConsumptionReading.period_end.desc(),
                ConsumptionReading.device_time.desc(),
            )
            .limit(limit)
        ).all()
        return [
            ReadingRow(
                r.id,
                r.resource_name,
                r.quantity,
                r.unit,
                r.period_start,
                r.period_end,
                r.co2e_kg,
                r.emission_scope,
                name or "",
                r.version == 0,
            )
            for r, name in rows
        ]


# -- the dashboard ------------------------------------------------------------------------

MONTHS = 12


@dataclass(frozen=True)
class MonthEmissions:
    month: int  # 1..12
    by_scope: dict[EmissionScope, float]

    @property
    def total(self) -> float:
        return round(sum(self.by_scope.values()), 3)


@dataclass(frozen=True)
class GoalView:
    """Progress against the site's SustainabilityGoal, month for month: the goal year's
    months with readings against the same months of the baseline year."""

    year: int
    baseline_year: int
    target_pct: float
    months_compared: tuple[int, ...]
    baseline_kg: float
    current_kg: float
    progress: GoalProgress | None  # None when there is nothing to compare yet
    problem: Reason | None  # why there is no progress figure
    baseline_cumulative: tuple[float, ...]  # 12 months of the baseline year
    target_cumulative: tuple[float, ...]  # the baseline path reduced by the target
    current_cumulative: tuple[float | None, ...]  # the goal year, None after its last reading


@dataclass(frozen=True)
class Dashboard:
    site_name: str
    year: int
    years: tuple[int, ...]  # years with readings at the site (and the year shown)
    months: tuple[MonthEmissions, ...]  # the 12 months of ``year``
    goal: GoalView | None

    def scope_total(self, scope: EmissionScope) -> float:
        return round(sum(m.by_scope[scope] for m in self.months), 3)

    @property
    def total(self) -> float:
        return round(sum(m.total for m in self.months), 3)


NO_READINGS = define(
    "esg.goal_no_readings",
    es="Aún no hay lecturas de {year} para comparar con {baseline_year}.",
    en="There are no {year} readings yet to compare with {baseline_year}.",
)


def _monthly(rows: list[tuple[date, EmissionScope, float]], year: int) -> list[MonthEmissions]:
    sums = {m: dict.fromkeys(EmissionScope, Decimal(0)) for m in range(1, MONTHS + 1)}
    for start, scope, kg in rows:
        if start.year == year:
            sums[start.month][scope] += Decimal(str(kg))
    return [
        MonthEmissions(m, {s: float(v) for s, v in sums[m].items()}) for m in range(1, MONTHS + 1)
    ]


def _cumulative(values: list[float]) -> tuple[float, ...]:
    total, out = Decimal(0), []
    for value in values:
        total += Decimal(str(value))
        out.append(float(total))
    return tuple(out)


def _goal(goal: SustainabilityGoal, rows: list[tuple[date, EmissionScope, float]]) -> GoalView:
    current = _monthly(rows, goal.year)
    baseline = _monthly(rows, goal.baseline_year)
    with_readings = {start.month for start, _, _ in rows if start.year == goal.year}
    compared = tuple(sorted(with_readings))
    baseline_kg = float(sum(Decimal(str(baseline[m - 1].total)) for m in compared))
    current_kg = float(sum(Decimal(str(current[m - 1].total)) for m in compared))
    progress: GoalProgress | None = None
    problem: Reason | None = None
    if not compared:
        problem = reason(NO_READINGS, year=goal.year, baseline_year=goal.baseline_year)
    else:
        decision, progress = goal_progress(
            baseline_kg, current_kg, goal.target_reduction_percentage
        )
        if progress is None:
            problem = decision.refusals[0]
    base_cum = _cumulative([m.total for m in baseline])
    keep = Decimal(1) - Decimal(str(goal.target_reduction_percentage)) / 100
    last = max(compared) if compared else 0
    cur_cum = _cumulative([m.total for m in current])
    return GoalView(
        year=goal.year,
        baseline_year=goal.baseline_year,
        target_pct=goal.target_reduction_percentage,
        months_compared=compared,
        baseline_kg=round(baseline_kg, 3),
        current_kg=round(current_kg, 3),
        progress=progress,
        problem=problem,
        baseline_cumulative=base_cum,
        target_cumulative=tuple(float(Decimal(str(v)) * keep) for v in base_cum),
        current_cumulative=tuple(v if m <= last else None for m, v in enumerate(cur_cum, 1)),
    )


def dashboard(ctx: ServiceContext, year: int | None = None) -> Dashboard:
    """Emissions of this site by scope for each month of ``year`` (default: this year), and
    progress against the site's goal for that year (a site goal, else the tenant's)."""
    year = year or ctx.now().year
    with ctx.store.sessions() as session:
        site = session.get(Local, ctx.site_id)
        goals = list(
            session.scalars(
                select(SustainabilityGoal).where(
                    SustainabilityGoal.tenant_id == ctx.tenant_id,
                    SustainabilityGoal.year == year,
                    SustainabilityGoal.deleted.is_(False),
                    (SustainabilityGoal.site_id == ctx.site_id)
                    | SustainabilityGoal.site_id.is_(None),
                )
            )
        )
        goal = min(goals, key=lambda g: g.site_id is None) if goals else None
        wanted = {year} | ({goal.baseline_year} if goal is not None else set())
        rows = [
            (start, scope, kg)
            for start, scope, kg in session.execute(
                select(
                    ConsumptionReading.period_start,
                    ConsumptionReading.emission_scope,
                    ConsumptionReading.co2e_kg,
                ).where(
                    ConsumptionReading.site_id == ctx.site_id,
                    ConsumptionReading.deleted.is_(False),
                )
            )
            if start.year in wanted
        ]
        years = {
            d.year
            for d in session.scalars(
                select(ConsumptionReading.period_start)
                .where(
                    ConsumptionReading.site_id == ctx.site_id,
                    ConsumptionReading.deleted.is_(False),
                )
                .distinct()
            )
        }
        return Dashboard(
            site_name=site.name if site is not None else "",
            year=year,
            years=tuple(sorted(years | {year})),
            months=tuple(_monthly(rows, year)),
            goal=_goal(goal, rows) if goal is not None else None,
        )


def write_dashboard_csv(board: Dashboard, path: Path, headers: Sequence[str]) -> Path:
    """The dashboard's months as CSV (UTF-8 with BOM, for a spreadsheet): month, kg CO2e of
    each scope, total, then the goal's cumulative baseline, target and actual when there is
    a goal. ``headers`` (translated by the caller) name those columns."""
    goal = board.goal
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(list(headers[: 5 + (3 if goal else 0)]))
        for i, month in enumerate(board.months):
            row = [f"{board.year}-{month.month:02d}"]
            row += [f"{month.by_scope[s]:.3f}" for s in EmissionScope]
            row.append(f"{month.total:.3f}")
            if goal is not None:
                current = goal.current_cumulative[i]
                row += [
                    f"{goal.baseline_cumulative[i]:.3f}",
                    f"{goal.target_cumulative[i]:.3f}",
                    "" if current is None else f"{current:.3f}",
                ]
            writer.writerow(row)
    tmp.replace(path)
    return path
