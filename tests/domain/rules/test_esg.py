"""ESG: emissions by scope, reading checks (unit, sign, outlier), progress against a goal."""

from __future__ import annotations

from datetime import date

import pytest

from ker_field.domain.decision import Decision
from ker_field.domain.enums import EmissionScope
from ker_field.domain.rules.esg import (
    BASELINE_INVALID,
    NEGATIVE_QUANTITY,
    OUTLIER,
    PERIOD_INVALID,
    UNIT_MISMATCH,
    Emission,
    check_goal_years,
    check_period,
    check_reading,
    emissions,
    goal_progress,
)

# --- Emissions ----------------------------------------------------------------------


def test_the_seed_example() -> None:
    # 10,000 kWh of grid electricity at 0.4 kg CO2e/kWh is 4,000 kg CO2e, scope 2.
    assert emissions(10_000, 0.4, EmissionScope.SCOPE_2) == Emission(4000.0, EmissionScope.SCOPE_2)


@pytest.mark.parametrize(
    ("quantity", "factor", "kg"),
    [
        (0, 0.4, 0.0),
        (0.1, 0.2, 0.02),  # exact in decimal (binary floats give 0.020000000000000004)
        (1234.5, 2.68, 3308.46),  # diesel litres
        (3, 0.3333, 1.0),  # quantized to grams
    ],
)
def test_emissions_are_exact_to_the_gram(quantity: float, factor: float, kg: float) -> None:
    assert emissions(quantity, factor, EmissionScope.SCOPE_1).co2e_kg == kg


@pytest.mark.parametrize("scope", list(EmissionScope))
def test_emissions_keep_the_factor_scope(scope: EmissionScope) -> None:
    assert emissions(1, 1, scope).scope is scope


# --- Reading checks -----------------------------------------------------------------


def reading(
    quantity: float = 10_000,
    unit: str = "kWh",
    factor_unit: str = "kWh",
    site_median: float | None = 9_000,
    confirmed: bool = False,
) -> Decision:
    return check_reading("Electricidad", quantity, unit, factor_unit, site_median, confirmed)


def test_a_plausible_reading_is_accepted() -> None:
    decision = reading()
    assert decision.allowed
    assert decision.code == "ok"
    assert decision.warnings == ()


@pytest.mark.parametrize(("unit", "factor_unit"), [("kwh", "kWh"), (" kWh ", "kWh"), ("m³", "m3")])
def test_units_match_ignoring_case_spaces_and_superscripts(unit: str, factor_unit: str) -> None:
    assert reading(unit=unit, factor_unit=factor_unit).allowed


def test_a_unit_mismatch_is_refused() -> None:
    decision = reading(unit="MWh")
    assert not decision.allowed
    assert decision.codes == (UNIT_MISMATCH,)
    assert decision.messages("es") == [
        "La unidad MWh no corresponde al factor de Electricidad, que usa kWh."
    ]
    assert decision.messages("en") == [
        "Unit MWh does not match the Electricidad factor, which uses kWh."
    ]


def test_a_negative_quantity_is_refused() -> None:
    decision = reading(quantity=-1)
    assert decision.codes == (NEGATIVE_QUANTITY,)
    assert decision.messages("en") == ["The quantity cannot be negative."]


def test_a_zero_quantity_is_accepted() -> None:
    assert reading(quantity=0).allowed


def test_negative_and_wrong_unit_are_both_reported() -> None:
    assert reading(quantity=-5, unit="L").codes == (NEGATIVE_QUANTITY, UNIT_MISMATCH)


def test_an_outlier_is_refused_until_confirmed() -> None:
    decision = reading(quantity=100_001, site_median=10_000)
    assert not decision.allowed
    assert decision.codes == (OUTLIER,)
    assert decision.messages("es") == [
        "La lectura (100001 kWh) supera 10 veces la mediana del sitio (10000 kWh): confírmela."
    ]
    assert decision.messages("en") == [
        "The reading (100001 kWh) is over 10 times the site's median (10000 kWh): confirm it."
    ]

    confirmed = reading(quantity=100_001, site_median=10_000, confirmed=True)
    assert confirmed.allowed
    assert confirmed.codes == ()
    assert [w.code for w in confirmed.warnings] == [OUTLIER]


def test_exactly_ten_times_the_median_is_not_an_outlier() -> None:
    decision = reading(quantity=100_000, site_median=10_000)
    assert decision.allowed
    assert decision.warnings == ()


@pytest.mark.parametrize("median", [None, 0, 0.0])
def test_no_outlier_check_without_a_median(median: float | None) -> None:
    assert reading(quantity=10**9, site_median=median).allowed


def test_a_wrong_unit_is_refused_even_if_confirmed() -> None:
    decision = reading(quantity=10**9, unit="MWh", site_median=10, confirmed=True)
    assert decision.codes == (UNIT_MISMATCH,)


def test_reading_period() -> None:
    assert check_period(date(2026, 11, 1), date(2026, 11, 30)).allowed
    assert check_period(date(2026, 11, 1), date(2026, 11, 1)).allowed
    decision = check_period(date(2026, 11, 30), date(2026, 11, 1))
    assert decision.codes == (PERIOD_INVALID,)
    assert decision.messages("en") == ["The reading's period cannot end before it starts."]


# --- Goals --------------------------------------------------------------------------


def test_goal_progress_computed_by_hand() -> None:
    # 100,000 -> 88,000 kg is a 12% reduction: 12 / 15 = 80% of the target, not on track.
    decision, progress = goal_progress(100_000, 88_000, 15)
    assert decision.allowed
    assert progress is not None
    assert progress.baseline_kg == 100_000
    assert progress.current_kg == 88_000
    assert progress.reduction_pct == 12.0
    assert progress.target_pct == 15
    assert progress.progress_pct == 80.0
    assert progress.on_track is False


def test_goal_reached() -> None:
    _, progress = goal_progress(100_000, 85_000, 15)
    assert progress is not None
    assert progress.reduction_pct == 15.0
    assert progress.progress_pct == 100.0
    assert progress.on_track is True


def test_goal_exceeded_and_goal_missed() -> None:
    _, ahead = goal_progress(100_000, 70_000, 15)
    assert ahead is not None
    assert ahead.progress_pct == 200.0
    assert ahead.on_track
    _, worse = goal_progress(100_000, 110_000, 10)
    assert worse is not None
    assert worse.reduction_pct == -10.0
    assert worse.progress_pct == -100.0
    assert not worse.on_track


def test_goal_percentages_are_rounded_to_two_places() -> None:
    _, progress = goal_progress(30_000, 20_000, 40)
    assert progress is not None
    assert progress.reduction_pct == 33.33
    assert progress.progress_pct == 83.33


@pytest.mark.parametrize(("baseline", "target"), [(0, 15), (-1, 15), (100_000, 0), (100_000, -5)])
def test_invalid_baseline_or_target(baseline: float, target: float) -> None:
    decision, progress = goal_progress(baseline, 1_000, target)
    assert not decision.allowed
    assert decision.codes == (BASELINE_INVALID,)
    assert progress is None


def test_goal_years() -> None:
    assert check_goal_years(2027, 2024).allowed
    for baseline_year in (2027, 2028):
        decision = check_goal_years(2027, baseline_year)
        assert decision.codes == (BASELINE_INVALID,)
    assert check_goal_years(2027, 2027).messages("en") == [
        "The goal needs a baseline year before its year and baseline emissions above zero."
    ]
