"""Permit approvals pushed straight to the server, bypassing the device: a requester
approving their own HIGH permit, a technician approving, and forged device co-signs (by
someone who never signed in on that device, by a technician, by the requester) are all
refused; a genuine co-sign is recorded with its approver, method, device and session."""

from __future__ import annotations

import itertools
import uuid
from datetime import timedelta
from typing import Any

import httpx

from ker_field.domain import demo
from ker_field.domain.models import WorkPermit
from sync.server.db import session_factory
from tests.helpers.live_server import LiveServer

STGO = demo.SITE_IDS["STGO"]
_seq = itertools.count(1)


def push(client: httpx.Client, device: str, server: LiveServer, name: str, args: dict) -> Any:
    now = server.clock.now
    mutation = {
        "mutation_id": str(uuid.uuid4()),
        "device_id": device,
        "device_seq": next(_seq),
        "name": name,
        "args": args,
        "device_time": now.isoformat(),
        "site_id": str(STGO),
    }
    answer = client.post("/sync/push", json={"mutations": [mutation]})
    assert answer.status_code == 200, answer.text
    return answer.json()["results"][0]


def request_high(client: httpx.Client, device: str, server: LiveServer, ticket: str) -> str:
    permit_id = str(uuid.uuid4())
    now = server.clock.now
    result = push(
        client,
        device,
        server,
        "permit.request",
        {
            "id": permit_id,
            "ticket_id": str(demo.demo_id("ticket", "STGO", ticket)),
            "risk_assessment": "Cambio de contactor",
            "likelihood": 4,
            "severity": 4,
            "valid_from": (now - timedelta(minutes=5)).isoformat(),
            "valid_to": (now + timedelta(hours=8)).isoformat(),
            "hazards": ["electrical"],
            "controls": "Bloqueo y prueba de ausencia de tensión",
        },
    )
    assert result["status"] == "applied", result
    return permit_id


def approve(client, device, server, permit_id, cosigned_by=None) -> Any:
    args: dict[str, Any] = {"id": permit_id, "target": "approved"}
    if cosigned_by is not None:
        args["cosigned_by"] = str(demo.USER_IDS[cosigned_by])
    return push(client, device, server, "permit.transition", args)


def stored(server: LiveServer, permit_id: str) -> WorkPermit:
    with session_factory(server.engine)() as session:
        permit = session.get(WorkPermit, uuid.UUID(permit_id))
        assert permit is not None
        session.expunge(permit)
        return permit


def test_requester_and_technician_approvals_are_refused(live_server, login):
    boss = login("supervisor", device="tab-boss")
    own = request_high(boss, "tab-boss", live_server, "1")
    refused = approve(boss, "tab-boss", live_server, own)
    assert (refused["status"], refused["code"]) == ("rejected", "permit.self_approval")
    assert "distinto de quien lo solicitó" in refused["message"]
    assert refused["server_row"]["status"] == "requested"

    tech = login("tecnico", device="tab-tech")
    theirs = request_high(tech, "tab-tech", live_server, "3")
    refused = approve(tech, "tab-tech", live_server, theirs)
    assert (refused["status"], refused["code"]) == ("rejected", "auth.role_forbidden")
    assert stored(live_server, own).approved_by_id is None
    assert stored(live_server, theirs).approved_by_id is None


def test_forged_device_cosigns_are_refused_and_a_genuine_one_is_recorded(live_server, login):
    tech = login("tecnico", device="tab-1")
    permit = request_high(tech, "tab-1", live_server, "3")

    # supervisor2 never signed in on tab-1: the tablet cannot hold their password verifier.
    forged = approve(tech, "tab-1", live_server, permit, cosigned_by="supervisor2")
    assert (forged["status"], forged["code"]) == ("rejected", "permit.cosigner_not_on_device")
    assert "Jorge Muñoz nunca inició sesión" in forged["message"]

    # A technician who did sign in on tab-1 is still no approver.
    login("tecnico2", device="tab-1")
    forged = approve(tech, "tab-1", live_server, permit, cosigned_by="tecnico2")
    assert (forged["status"], forged["code"]) == ("rejected", "auth.role_forbidden")
    assert stored(live_server, permit).approved_by_id is None

    # Once supervisor2 has signed in on tab-1, their co-sign there is accepted and recorded.
    login("supervisor2", device="tab-1")
    applied = approve(tech, "tab-1", live_server, permit, cosigned_by="supervisor2")
    assert applied["status"] == "applied", applied
    row = stored(live_server, permit)
    assert row.approved_by_id == demo.USER_IDS["supervisor2"]
    assert row.approval_method == "device_cosign"
    assert row.approval_device_id == "tab-1"
    assert row.approval_session_user_id == demo.USER_IDS["tecnico"]


def test_requester_cosigning_their_own_high_permit_is_refused(live_server, login):
    boss = login("supervisor", device="tab-2")
    permit = request_high(boss, "tab-2", live_server, "1")
    tech = login("tecnico", device="tab-2")
    forged = approve(tech, "tab-2", live_server, permit, cosigned_by="supervisor")
    assert (forged["status"], forged["code"]) == ("rejected", "permit.self_approval")
    assert stored(live_server, permit).approved_by_id is None
