"""Risk level from a tenant's 5x5 matrix (likelihood x severity) and when a permit is needed."""

from __future__ import annotations

from collections.abc import Sequence

from ker_field.domain.decision import Decision, RuleViolation, check, define
from ker_field.domain.enums import RiskLevel

MATRIX_SIZE = 5

MATRIX_INVALID = define(
    "risk.matrix_invalid",
    es="La matriz de riesgo debe tener 5x5 celdas con niveles bajo, medio, alto o extremo.",
    en="The risk matrix must have 5x5 cells with levels low, medium, high or extreme.",
)
MATRIX_NOT_MONOTONIC = define(
    "risk.matrix_not_monotonic",
    es="La matriz de riesgo baja de nivel al aumentar la probabilidad o la severidad.",
    en="The risk matrix lowers the level as likelihood or severity increases.",
)
RATING_OUT_OF_RANGE = define(
    "risk.rating_out_of_range",
    es="La probabilidad y la severidad van de 1 a 5 (recibido {likelihood} x {severity}).",
    en="Likelihood and severity go from 1 to 5 (got {likelihood} x {severity}).",
)

Cells = Sequence[Sequence[str]]


def check_matrix(cells: Cells) -> Decision:
    """A matrix is 5 rows (likelihood 1..5) of 5 cells (severity 1..5), never decreasing."""
    values = {level.value for level in RiskLevel}
    shape_ok = len(cells) == MATRIX_SIZE and all(
        len(row) == MATRIX_SIZE and all(cell in values for cell in row) for row in cells
    )
    if not shape_ok:
        return check(False, MATRIX_INVALID)
    rank = [[RiskLevel(cell).rank for cell in row] for row in cells]
    monotonic = all(
        (i == 0 or rank[i][j] >= rank[i - 1][j]) and (j == 0 or rank[i][j] >= rank[i][j - 1])
        for i in range(MATRIX_SIZE)
        for j in range(MATRIX_SIZE)
    )
    return check(monotonic, MATRIX_NOT_MONOTONIC)


def check_rating(likelihood: int, severity: int) -> Decision:
    return check(
        1 <= likelihood <= MATRIX_SIZE and 1 <= severity <= MATRIX_SIZE,
        RATING_OUT_OF_RANGE,
        likelihood=likelihood,
        severity=severity,
    )


def risk_level(cells: Cells, likelihood: int, severity: int) -> RiskLevel:
    """The level of the cell; raises RuleViolation for a bad matrix or rating."""
    decision = check_matrix(cells) & check_rating(likelihood, severity)
    if not decision.allowed:
        raise RuleViolation(decision)
    return RiskLevel(cells[likelihood - 1][severity - 1])


def permit_required(level: RiskLevel | None, required_from: RiskLevel) -> bool:
    """Work at or above the tenant's threshold needs an active approved permit."""
    return level is not None and level.rank >= required_from.rank


# A conventional 5x5 matrix (score = likelihood x severity: 1-4 low, 5-9 medium,
# 10-16 high, 20-25 extreme) used for demo data and as the default of a new tenant.
def default_matrix() -> list[list[str]]:
    def level(score: int) -> RiskLevel:
        if score <= 4:
            return RiskLevel.LOW
        if score <= 9:
            return RiskLevel.MEDIUM
        if score <= 16:
            return RiskLevel.HIGH
        return RiskLevel.EXTREME

    return [
        [level(lk * sv).value for sv in range(1, MATRIX_SIZE + 1)]
        for lk in range(1, MATRIX_SIZE + 1)
    ]
