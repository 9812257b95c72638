"""Shift handover with the live state attached; consumption readings to CO2e."""

from __future__ import annotations

from datetime import date

import pytest

from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import AccessType, EmissionScope
from ker_field.services import esg, handover, loto, visitors
from ker_field.services.visitors import WalkIn
from tests.conftest import asset_id, energy_ids

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def test_handover_attaches_people_locks_and_is_acknowledged_by_someone_else(ctx_for, photo):
    guard, tech, boss = ctx_for("guardia"), ctx_for("tecnico"), ctx_for("supervisor")
    visitors.check_in_visitor(
        guard,
        "Portería 1",
        walk_in=WalkIn("Rosa Vega", "12.345.678-5", "Despachos SA", AccessType.DELIVERY),
    )
    view = loto.notify_affected(tech, asset_id("STGO", 1))
    loto.shut_down(tech, view.lockout_id)
    loto.apply_lock(tech, view.lockout_id, energy_ids("STGO", 1, 1)[0], "L-77", photo())

    note = handover.add_handover_note(guard, "Camión en andén 3", ["Revisar portón norte"])
    assert [p["name"] for p in note.snapshot["people_on_site"]] == ["Rosa Vega"]
    assert [lk["serial"] for lk in note.snapshot["active_locks"]] == ["L-77"]
    assert note.flagged_items == ["Revisar portón norte"]

    with pytest.raises(RuleViolation) as own:
        handover.acknowledge_handover(guard, note.id)
    assert own.value.decision.code == "handover.own_handover"
    acknowledged = handover.acknowledge_handover(boss, note.id)
    assert acknowledged.acknowledged_at is not None
    with pytest.raises(RuleViolation) as twice:
        handover.acknowledge_handover(boss, note.id)
    assert twice.value.decision.code == "handover.already_acknowledged"
    with pytest.raises(RuleViolation) as empty:
        handover.add_handover_note(guard, "   ")
    assert empty.value.decision.code == "handover.notes_required"


def test_seed_example_10000_kwh_is_4000_kg_scope_2(ctx_for):
    reading = esg.record_reading(ctx_for("tecnico"), "Electricidad", 10_000, "kWh", *NOV)
    assert reading.co2e_kg == 4000.0
    assert reading.scope is EmissionScope.SCOPE_2


def test_unit_mismatch_and_outlier_need_attention(ctx_for):
    tech = ctx_for("tecnico")
    with pytest.raises(RuleViolation) as unit:
        esg.record_reading(tech, "Diésel", 300, "kWh", *NOV)
    assert unit.value.decision.code == "esg.unit_mismatch"
    esg.record_reading(tech, "Diésel", 300, "l", *NOV)
    esg.record_reading(tech, "Diésel", 320, "l", *NOV)
    with pytest.raises(RuleViolation) as outlier:
        esg.record_reading(tech, "Diésel", 5000, "l", *NOV)
    assert outlier.value.decision.code == "esg.reading_outlier"
    confirmed = esg.record_reading(tech, "Diésel", 5000, "l", *NOV, confirmed=True)
    assert [w.code for w in confirmed.warnings] == ["esg.reading_outlier"]
    assert confirmed.co2e_kg == 13_400.0
    with pytest.raises(RuleViolation) as unknown:
        esg.record_reading(tech, "Carbón", 1, "kg", *NOV)
    assert unknown.value.decision.code == "esg.no_factor"
