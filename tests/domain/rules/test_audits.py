"""Audits: the score (weighted or not), answers, findings, completion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity
from ker_field.domain.rules.audits import (
    ALREADY_COMPLETED,
    FINDING_NEEDS_NOTE,
    FINDING_NEEDS_SEVERITY,
    NOT_AUDITOR,
    NOTHING_APPLICABLE,
    SEVERITY_ONLY_ON_FAIL,
    TOO_MANY_PHOTOS,
    UNANSWERED,
    UNKNOWN_ITEM,
    ItemAnswer,
    audit_score,
    check_answer,
    check_completion,
    check_editable,
    item_answer,
)

P, F, NA = AuditResult.PASS, AuditResult.FAIL, AuditResult.NOT_APPLICABLE


def item(
    key: str,
    result: AuditResult | None,
    weight: float = 1,
    note: str = "",
    severity: FindingSeverity | None = None,
) -> ItemAnswer:
    return ItemAnswer(key, weight, result, note, (), severity, False)


def test_score_is_passed_over_applicable_items() -> None:
    # 7 pass, 2 fail, 3 not applicable: 7 / 9 = 77.78 %.
    items = [item(f"i{n}", P) for n in range(7)]
    items += [item("f1", F), item("f2", F)] + [item(f"n{n}", NA) for n in range(3)]
    score = audit_score(items, weighted=False)
    assert (score.passed, score.failed, score.not_applicable, score.unanswered) == (7, 2, 3, 0)
    assert score.score == 77.78


def test_weights_count_only_when_the_template_is_weighted() -> None:
    # pass weights 3 + 1, fail weight 2 (+ n/a weight 3): weighted 4 / 6 = 66.67 %, else 2 / 3.
    items = [item("a", P, 3), item("b", P, 1), item("c", F, 2), item("d", NA, 3)]
    assert audit_score(items, weighted=True).score == 66.67
    assert audit_score(items, weighted=False).score == 66.67
    items = [item("a", P, 3), item("b", F, 1)]
    assert audit_score(items, weighted=True).score == 75.0
    assert audit_score(items, weighted=False).score == 50.0


def test_no_score_until_an_applicable_item_is_answered() -> None:
    assert audit_score([item("a", None), item("b", NA)], weighted=False).score is None
    assert audit_score([], weighted=True).score is None


def test_completion_needs_every_item_and_graded_described_findings() -> None:
    decision = check_completion([item("a", P), item("b", None), item("c", None)])
    assert decision.codes == (UNANSWERED,)
    assert decision.messages("es") == ["Faltan 2 ítems por responder antes de terminar."]
    decision = check_completion([item("a", P), item("b", F)])
    assert decision.codes == (FINDING_NEEDS_SEVERITY, FINDING_NEEDS_NOTE)
    assert decision.messages("en")[0] == "Finding 'b' needs a severity."
    graded = item("b", F, note="Extintor vencido", severity=FindingSeverity.MAJOR)
    assert check_completion([item("a", P), graded]).allowed
    assert check_completion([item("a", NA)]).codes == (NOTHING_APPLICABLE,)


def test_an_answer_names_an_item_and_severity_goes_with_a_failure() -> None:
    keys = ["a", "b"]
    assert check_answer(keys, "a", P, None, False, []).allowed
    assert check_answer(keys, "z", P, None, False, []).codes == (UNKNOWN_ITEM,)
    assert check_answer(keys, "a", P, FindingSeverity.MINOR, False, []).codes == (
        SEVERITY_ONLY_ON_FAIL,
    )
    assert check_answer(keys, "a", NA, None, True, []).codes == (SEVERITY_ONLY_ON_FAIL,)
    assert check_answer(keys, "a", F, FindingSeverity.MINOR, True, []).allowed
    assert check_answer(keys, "a", F, None, False, ["x" * 64] * 6).codes == (TOO_MANY_PHOTOS,)


def test_only_the_auditor_edits_and_only_until_completed() -> None:
    assert check_editable(AuditStatus.IN_PROGRESS, True).allowed
    assert check_editable(AuditStatus.IN_PROGRESS, False).codes == (NOT_AUDITOR,)
    assert check_editable(AuditStatus.COMPLETED, True).codes == (ALREADY_COMPLETED,)


@pytest.mark.parametrize("weight", [None, 0, 2])
def test_stored_items_read_back(weight: float | None) -> None:
    answer = item_answer(
        {"key": "k", "weight": weight, "result": "fail", "severity": "minor", "note": "x"}
    )
    assert answer.result is F
    assert answer.severity is FindingSeverity.MINOR
    assert answer.weight == (weight or 1)
    assert answer.is_finding


# --- properties -------------------------------------------------------------------------------

results = st.sampled_from([P, F, NA, None])
weights = st.sampled_from([1, 2, 3, 0.5])


@given(st.lists(st.tuples(results, weights), max_size=30))
def test_score_is_a_percentage_that_not_applicable_items_never_move(answers) -> None:
    items = [item(f"i{n}", r, w) for n, (r, w) in enumerate(answers)]
    for weighted in (False, True):
        score = audit_score(items, weighted)
        assert score.passed + score.failed + score.not_applicable + score.unanswered == len(items)
        if score.score is None:
            assert score.passed + score.failed == 0
        else:
            assert 0 <= score.score <= 100
        extra = [*items, item("na", NA, 3), item("open", None, 3)]
        assert audit_score(extra, weighted).score == score.score


@given(st.lists(results, min_size=1, max_size=30), weights)
def test_equal_weights_give_the_unweighted_score(answers, weight) -> None:
    items = [item(f"i{n}", r, weight) for n, r in enumerate(answers)]
    assert audit_score(items, weighted=True).score == audit_score(items, weighted=False).score
