"""Audits and readings over real HTTP: the server replays the auditor's answers through the
same domain operations, recomputes the score, opens the corrective tickets, and refuses
forged writes (a reading in the wrong unit, a completion with items unanswered)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity
from ker_field.domain.models import ConsumptionReading, QualityAudit, ServiceTicket
from ker_field.services import audits, esg
from sync.protocol import AuditCompleteArgs, AuditStartArgs, Mutation, MutationName
from tests.helpers.device import Device, push_body

STGO = f"site:{demo.SITE_IDS['STGO']}"


@pytest.fixture
def device(tmp_path, live_server):
    device = Device.open(tmp_path / "device", live_server.clock)
    yield device
    device.store.close()


def forged(device: Device, name: MutationName, args: dict, seq: int = 1) -> Mutation:
    return Mutation(
        mutation_id=uuid.uuid4(),
        device_id=device.store.device_id,
        device_seq=seq,
        name=name.value,
        args=args,
        device_time=datetime(2026, 11, 30, 11, tzinfo=UTC),
        site_id=demo.SITE_IDS["STGO"],
    )


def test_an_offline_audit_reaches_the_server_with_its_score_and_ticket(live_server, device, login):
    boss = device.ctx("supervisor")
    view = audits.start_audit(boss, demo.demo_id("audit_template", "ISO45001"))
    photo = device.photo(3)
    for item in view.items[:-1]:
        audits.answer_item(boss, view.id, item.key, AuditResult.PASS)
    last = view.items[-1]
    audits.answer_item(
        boss,
        view.id,
        last.key,
        AuditResult.FAIL,
        "Investigación del incidente de octubre sin cierre",
        [photo],
        FindingSeverity.MINOR,
        open_ticket=True,
    )
    done = audits.complete_audit(boss, view.id)
    # Weighted ISO 45001: weights 1+2+3+3+3+3+2+2+1+2+1+2 = 25; the failed item weighs 2: 23 / 25.
    assert done.score.score == 92.0

    client = login("supervisor", device=device.store.device_id)
    answer = client.post("/sync/push", json=push_body(device.mutations()))
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"applied"}

    with Session(live_server.engine) as session:
        audit = session.get(QualityAudit, view.id)
        assert audit is not None
        assert audit.status is AuditStatus.COMPLETED
        assert audit.score == 92.0
        assert audit.items[-1]["photos"] == [photo]
        ticket = session.get(ServiceTicket, done.tickets[0].id)
        assert ticket is not None and ticket.number == done.tickets[0].number

    changes = client.get("/sync/pull", params={"scope": STGO, "limit": 5000}).json()["changes"]
    entities = {(c["entity"], c["id"]) for c in changes}
    assert ("quality_audit", str(view.id)) in entities
    assert ("service_ticket", str(done.tickets[0].id)) in entities


def test_the_server_refuses_a_forged_completion(live_server, device, login):
    client = login("supervisor", device=device.store.device_id)
    audit_id = uuid.uuid4()
    start = AuditStartArgs(id=audit_id, template_id=demo.demo_id("audit_template", "ISO9001"))
    complete = AuditCompleteArgs(id=audit_id)
    body = push_body(
        [
            forged(device, MutationName.AUDIT_START, start.model_dump(mode="json"), 1),
            forged(device, MutationName.AUDIT_COMPLETE, complete.model_dump(mode="json"), 2),
        ]
    )
    results = client.post("/sync/push", json=body).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert results[1]["code"] == "audit.unanswered"
    assert results[1]["server_row"]["status"] == "in_progress"


def test_a_technician_cannot_push_an_audit(live_server, device, login):
    client = login("tecnico", device=device.store.device_id)
    start = AuditStartArgs(id=uuid.uuid4(), template_id=demo.demo_id("audit_template", "ISO9001"))
    body = push_body([forged(device, MutationName.AUDIT_START, start.model_dump(mode="json"))])
    [result] = client.post("/sync/push", json=body).json()["results"]
    assert (result["status"], result["code"]) == ("rejected", "auth.role_forbidden")


def test_the_server_refuses_a_forged_reading_in_the_wrong_unit(live_server, device, login):
    client = login("tecnico", device=device.store.device_id)
    reading_id = uuid.uuid4()
    args = {
        "id": str(reading_id),
        "resource_name": "Electricidad",
        "quantity": 10_000,
        "unit": "MWh",
        "period_start": "2026-11-01",
        "period_end": "2026-11-30",
    }
    [result] = client.post(
        "/sync/push",
        json=push_body([forged(device, MutationName.ESG_RECORD_READING, args)]),
        headers={"Accept-Language": "en"},
    ).json()["results"]
    assert result["status"] == "rejected"
    assert result["code"] == "esg.unit_mismatch"
    assert result["message"] == "Unit MWh does not match the Electricidad factor, which uses kWh."
    with Session(live_server.engine) as session:
        assert session.get(ConsumptionReading, reading_id) is None


def test_a_reading_made_offline_is_computed_again_on_the_server(live_server, device, login):
    reading = esg.record_reading(
        device.ctx("tecnico"), "Electricidad", 10_000, "kWh", date(2026, 11, 1), date(2026, 11, 30)
    )
    client = login("tecnico", device=device.store.device_id)
    [result] = client.post("/sync/push", json=push_body(device.mutations())).json()["results"]
    assert result["status"] == "applied"
    with Session(live_server.engine) as session:
        row = session.scalars(
            select(ConsumptionReading).where(ConsumptionReading.id == reading.id)
        ).one()
        assert (row.co2e_kg, row.emission_scope.value) == (4000.0, "scope_2")
