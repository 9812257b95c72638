"""ESG: emissions = quantity x factor by scope; reading checks; progress against a goal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ker_field.domain.decision import Decision, check, define, reason
from ker_field.domain.enums import EmissionScope

OUTLIER_FACTOR = 10

UNIT_MISMATCH = define(
    "esg.unit_mismatch",
    es="La unidad {unit} no corresponde al factor de {resource}, que usa {factor_unit}.",
    en="Unit {unit} does not match the {resource} factor, which uses {factor_unit}.",
)
NEGATIVE_QUANTITY = define(
    "esg.negative_quantity",
    es="La cantidad no puede ser negativa.",
    en="The quantity cannot be negative.",
)
OUTLIER = define(
    "esg.reading_outlier",
    es="La lectura ({quantity} {unit}) supera {factor} veces la mediana del sitio ({median} {unit}): confírmela.",
    en="The reading ({quantity} {unit}) is over {factor} times the site's median ({median} {unit}): confirm it.",
)
PERIOD_INVALID = define(
    "esg.period_invalid",
    es="El período de la lectura no puede terminar antes de comenzar.",
    en="The reading's period cannot end before it starts.",
)
BASELINE_INVALID = define(
    "esg.baseline_invalid",
    es="La meta necesita un año base anterior a su año y emisiones base mayores que cero.",
    en="The goal needs a baseline year before its year and baseline emissions above zero.",
)


@dataclass(frozen=True)
class Emission:
    co2e_kg: float
    scope: EmissionScope


def _normal_unit(unit: str) -> str:
    return unit.strip().lower().replace("³", "3")


def check_reading(
    resource: str,
    quantity: float,
    unit: str,
    factor_unit: str,
    site_median: float | None,
    confirmed: bool,
) -> Decision:
    """Refuse a wrong unit or a negative quantity; an outlier needs the user's confirmation."""
    decision = check(quantity >= 0, NEGATIVE_QUANTITY) & check(
        _normal_unit(unit) == _normal_unit(factor_unit),
        UNIT_MISMATCH,
        unit=unit,
        resource=resource,
        factor_unit=factor_unit,
    )
    if (
        decision.allowed
        and site_median is not None
        and site_median > 0
        and quantity > OUTLIER_FACTOR * site_median
    ):
        outlier = reason(
            OUTLIER, quantity=quantity, unit=unit, factor=OUTLIER_FACTOR, median=site_median
        )
        return Decision.ok(outlier) if confirmed else Decision.refuse(outlier)
    return decision


def emissions(quantity: float, co2_factor: float, scope: EmissionScope) -> Emission:
    """kg CO2e = quantity x factor, computed in decimal so 10,000 x 0.4 is exactly 4,000."""
    kg = Decimal(str(quantity)) * Decimal(str(co2_factor))
    return Emission(co2e_kg=float(kg.quantize(Decimal("0.001"))), scope=scope)


@dataclass(frozen=True)
class GoalProgress:
    baseline_kg: float
    current_kg: float
    reduction_pct: float  # achieved reduction against the baseline, percent
    target_pct: float
    progress_pct: float  # share of the target achieved, percent (may exceed 100)
    on_track: bool


def goal_progress(
    baseline_kg: float, current_kg: float, target_reduction_pct: float
) -> tuple[Decision, GoalProgress | None]:
    if baseline_kg <= 0 or target_reduction_pct <= 0:
        return Decision.refuse(reason(BASELINE_INVALID)), None
    reduction = (baseline_kg - current_kg) / baseline_kg * 100
    progress = reduction / target_reduction_pct * 100
    return Decision(), GoalProgress(
        baseline_kg=baseline_kg,
        current_kg=current_kg,
        reduction_pct=round(reduction, 2),
        target_pct=target_reduction_pct,
        progress_pct=round(progress, 2),
        on_track=reduction >= target_reduction_pct,
    )


def check_goal_years(year: int, baseline_year: int) -> Decision:
    return check(baseline_year < year, BASELINE_INVALID)


def check_period(start: date, end: date) -> Decision:
    return check(end >= start, PERIOD_INVALID)
