"""Risk matrix: shape and monotonicity, ratings, the level of a cell, when a permit is needed."""

from __future__ import annotations

import copy

import pytest

from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import RiskLevel
from ker_field.domain.rules.risk import (
    MATRIX_INVALID,
    MATRIX_NOT_MONOTONIC,
    RATING_OUT_OF_RANGE,
    check_matrix,
    check_rating,
    default_matrix,
    permit_required,
    risk_level,
)

L, M, H, E = "low", "medium", "high", "extreme"

# The conventional matrix written out by hand: score = likelihood x severity,
# 1-4 low, 5-9 medium, 10-16 high, 20-25 extreme.
EXPECTED_DEFAULT = [
    [L, L, L, L, M],  # likelihood 1: scores 1 2 3 4 5
    [L, L, M, M, H],  # likelihood 2: scores 2 4 6 8 10
    [L, M, M, H, H],  # likelihood 3: scores 3 6 9 12 15
    [L, M, H, H, E],  # likelihood 4: scores 4 8 12 16 20
    [M, H, H, E, E],  # likelihood 5: scores 5 10 15 20 25
]


def all_of(level: str) -> list[list[str]]:
    return [[level] * 5 for _ in range(5)]


# --- default_matrix -----------------------------------------------------------------


def test_default_matrix_values() -> None:
    assert default_matrix() == EXPECTED_DEFAULT


def test_default_matrix_is_a_valid_matrix() -> None:
    matrix = default_matrix()
    assert len(matrix) == 5
    assert all(len(row) == 5 for row in matrix)
    assert check_matrix(matrix).allowed


def test_default_matrix_is_a_fresh_copy() -> None:
    matrix = default_matrix()
    matrix[0][0] = E
    assert default_matrix()[0][0] == L


@pytest.mark.parametrize(
    ("likelihood", "severity", "expected"),
    [
        (1, 1, RiskLevel.LOW),
        (2, 2, RiskLevel.LOW),
        (3, 3, RiskLevel.MEDIUM),
        (4, 4, RiskLevel.HIGH),
        (5, 5, RiskLevel.EXTREME),
        (1, 5, RiskLevel.MEDIUM),  # score 5: first medium
        (2, 5, RiskLevel.HIGH),  # score 10: first high
        (4, 5, RiskLevel.EXTREME),  # score 20: first extreme
        (5, 4, RiskLevel.EXTREME),
        (5, 1, RiskLevel.MEDIUM),
    ],
)
def test_risk_level_on_the_default_matrix(
    likelihood: int, severity: int, expected: RiskLevel
) -> None:
    assert risk_level(default_matrix(), likelihood, severity) is expected


def test_risk_level_reads_likelihood_as_row_and_severity_as_column() -> None:
    matrix = all_of(L)
    matrix[1][3] = E  # likelihood 2, severity 4 ... and everything after it, to stay monotonic
    matrix[1][4] = E
    for row in matrix[2:]:
        row[3] = row[4] = E
    assert check_matrix(matrix).allowed
    assert risk_level(matrix, 2, 4) is RiskLevel.EXTREME
    assert risk_level(matrix, 4, 2) is RiskLevel.LOW


# --- check_matrix -------------------------------------------------------------------


@pytest.mark.parametrize("level", [L, M, H, E])
def test_a_uniform_matrix_is_valid(level: str) -> None:
    assert check_matrix(all_of(level)).allowed


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param([], id="empty"),
        pytest.param(EXPECTED_DEFAULT[:4], id="four-rows"),
        pytest.param([*EXPECTED_DEFAULT, [E] * 5], id="six-rows"),
        pytest.param([row[:4] for row in EXPECTED_DEFAULT], id="four-columns"),
        pytest.param([*EXPECTED_DEFAULT[:4], [M, H, H, E]], id="one-short-row"),
        pytest.param([[*row[:4], "critical"] for row in EXPECTED_DEFAULT], id="unknown-level"),
        pytest.param([[c.upper() for c in row] for row in EXPECTED_DEFAULT], id="upper-case"),
    ],
)
def test_a_misshapen_matrix_is_refused(cells: list[list[str]]) -> None:
    decision = check_matrix(cells)
    assert not decision.allowed
    assert decision.code == MATRIX_INVALID


def test_a_level_falling_along_severity_is_refused() -> None:
    cells = copy.deepcopy(EXPECTED_DEFAULT)
    cells[4][4] = H  # likelihood 5: ... extreme, then high at the worst severity
    decision = check_matrix(cells)
    assert not decision.allowed
    assert decision.code == MATRIX_NOT_MONOTONIC


def test_a_level_falling_along_likelihood_is_refused() -> None:
    # Every row rises left to right; only column 5 falls from likelihood 1 to 2.
    cells = all_of(L)
    cells[0][4] = H
    decision = check_matrix(cells)
    assert decision.code == MATRIX_NOT_MONOTONIC
    assert not decision.allowed


def test_an_inverted_matrix_is_refused() -> None:
    cells = [list(reversed(row)) for row in reversed(EXPECTED_DEFAULT)]
    assert check_matrix(cells).code == MATRIX_NOT_MONOTONIC


# --- check_rating and risk_level refusals ------------------------------------------


@pytest.mark.parametrize(("likelihood", "severity"), [(1, 1), (1, 5), (5, 1), (5, 5), (3, 2)])
def test_ratings_from_1_to_5_are_accepted(likelihood: int, severity: int) -> None:
    assert check_rating(likelihood, severity).allowed


@pytest.mark.parametrize(("likelihood", "severity"), [(0, 3), (3, 0), (6, 1), (1, 6), (-1, -1)])
def test_ratings_outside_1_to_5_are_refused(likelihood: int, severity: int) -> None:
    decision = check_rating(likelihood, severity)
    assert not decision.allowed
    assert decision.code == RATING_OUT_OF_RANGE


def test_rating_message_names_the_values() -> None:
    decision = check_rating(6, 2)
    assert decision.messages("es") == [
        "La probabilidad y la severidad van de 1 a 5 (recibido 6 x 2)."
    ]
    assert decision.messages("en") == ["Likelihood and severity go from 1 to 5 (got 6 x 2)."]


def test_risk_level_raises_for_a_rating_out_of_range() -> None:
    with pytest.raises(RuleViolation) as info:
        risk_level(default_matrix(), 0, 3)
    assert info.value.decision.codes == (RATING_OUT_OF_RANGE,)


def test_risk_level_raises_for_a_bad_matrix() -> None:
    cells = copy.deepcopy(EXPECTED_DEFAULT)
    cells[4][4] = L
    with pytest.raises(RuleViolation) as info:
        risk_level(cells, 1, 1)
    assert info.value.decision.codes == (MATRIX_NOT_MONOTONIC,)


def test_risk_level_reports_both_a_bad_matrix_and_a_bad_rating() -> None:
    with pytest.raises(RuleViolation) as info:
        risk_level(EXPECTED_DEFAULT[:3], 7, 7)
    assert info.value.decision.codes == (MATRIX_INVALID, RATING_OUT_OF_RANGE)


# --- permit_required ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "required_from", "expected"),
    [
        (None, RiskLevel.LOW, False),  # no assessed risk: no permit gate
        (RiskLevel.LOW, RiskLevel.HIGH, False),
        (RiskLevel.MEDIUM, RiskLevel.HIGH, False),
        (RiskLevel.HIGH, RiskLevel.HIGH, True),  # at the threshold
        (RiskLevel.EXTREME, RiskLevel.HIGH, True),
        (RiskLevel.LOW, RiskLevel.LOW, True),
        (RiskLevel.MEDIUM, RiskLevel.EXTREME, False),
        (RiskLevel.HIGH, RiskLevel.EXTREME, False),
        (RiskLevel.EXTREME, RiskLevel.EXTREME, True),
        (RiskLevel.MEDIUM, RiskLevel.MEDIUM, True),
    ],
)
def test_permit_required(level: RiskLevel | None, required_from: RiskLevel, expected: bool) -> None:
    assert permit_required(level, required_from) is expected
