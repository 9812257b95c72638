"""The REST API over real HTTP: pages and filters of every collection, the documented shapes,
answer keys that never leave the server, and work permits moved through the same domain
operations (and rules) a device's mutation runs. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.models import QualityAudit, TrainingQuiz
from sync.server.db import session_factory
from sync.server.tables import QuizKey
from tests.helpers.rest import (
    COLLECTIONS,
    DATABASES,
    Clients,
    all_items,
    key_of,
    module_server,
    seed_rows,
)

STGO, ANTO = (str(demo.SITE_IDS[code]) for code in ("STGO", "ANTO"))
PEOPLE = {
    "technician": demo.USER_IDS["tecnico"],
    "supervisor": demo.USER_IDS["supervisor"],
    "guard": demo.USER_IDS["guardia"],
    "admin": demo.USER_IDS["admin"],
}
WITH_STATUS = {
    "/tickets",
    "/work-permits",
    "/training/progress",
    "/training/certificates",
    "/visitors/invites",
    "/quality-audits",
}
TENANT_WIDE = {"/risk-matrices", "/training/modules", "/training/quizzes", "/emission-factors"}
SENTINEL = "ANSWER-KEY-SENTINEL-7731"


def ticket(site: str, n: int) -> str:
    return str(demo.demo_id("ticket", site, str(n)))


@pytest.fixture(scope="module", params=DATABASES)
def server(request, tmp_path_factory):
    yield from module_server(request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def seeded(server):
    """One row of every collection at each demo site (the demo has no logs, audits...)."""
    with session_factory(server.engine)() as session, session.begin():
        return {
            code: seed_rows(
                session, demo.TENANT_ID, demo.SITE_IDS[code], PEOPLE, server.clock.now, code
            )
            for code in ("STGO", "ANTO")
        }


@pytest.fixture(scope="module")
def clients(server, seeded):
    made = Clients(server)
    yield made
    made.close()


def permit_body(server, ticket_id: str, **changes) -> dict[str, object]:
    now = server.clock.now
    body = {
        "ticket_id": ticket_id,
        "risk_assessment": "Trabajo eléctrico con tablero energizado cerca",
        "likelihood": 4,
        "severity": 4,
        "valid_from": now.isoformat(),
        "valid_to": (now + timedelta(hours=8)).isoformat(),
    }
    return body | changes


# --- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", COLLECTIONS)
def test_every_collection_answers_a_page_and_each_row_by_its_id(clients, path):
    admin = clients("admin")
    answer = admin.get(path)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"items", "total", "page", "page_size"}
    assert (body["page"], body["page_size"]) == (1, 50)
    assert body["items"] and len(body["items"]) == min(body["total"], 50)
    for item in body["items"][:3]:
        one = admin.get(f"{path}/{item[key_of(path)]}")
        assert one.status_code == 200, one.text
        assert one.json() == item
    missing = admin.get(f"{path}/{uuid.uuid4() if key_of(path) == 'id' else 'KER-0000-NONE'}")
    assert missing.status_code == 404
    assert missing.json()["code"] == "api.not_found"


def test_openapi_documents_pages_filters_and_row_shapes(clients):
    spec = clients.anonymous().get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path in COLLECTIONS:
        operation = spec["paths"][path]["get"]
        params = {p["name"] for p in operation["parameters"]}
        assert {"page", "page_size", "updated_after"} <= params, path
        assert ("site_id" in params) is (path not in TENANT_WIDE), path
        assert ("status" in params) is (path in WITH_STATUS), path
        page_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        page = schemas[page_ref.rsplit("/", 1)[1]]
        assert set(page["required"]) == {"items", "total", "page", "page_size"}
        item_ref = page["properties"]["items"]["items"]["$ref"]
        assert schemas[item_ref.rsplit("/", 1)[1]]["properties"], path
        assert "get" in spec["paths"][f"{path}/{{{key_of(path)}}}"]
    assert {"category", "qr_code"} <= {
        p["name"] for p in spec["paths"]["/assets"]["get"]["parameters"]
    }
    loto = {p["name"] for p in spec["paths"]["/loto-logs"]["get"]["parameters"]}
    assert {"lockout_id", "asset_id"} <= loto
    procedure = schemas["LotoProcedureOut"]["properties"]
    assert procedure["energy_sources"]["items"]["$ref"].endswith("/EnergySourceOut")
    assert "scope" not in procedure and "deleted" not in procedure


def test_pages_walk_every_row_exactly_once(clients):
    tech = clients("tecnico")
    everything = all_items(tech, "/assets")
    pages, page = [], 1
    while True:
        body = tech.get("/assets", params={"page": page, "page_size": 7}).json()
        assert body["total"] == len(everything)
        if not body["items"]:
            break
        assert len(body["items"]) <= 7
        pages.extend(body["items"])
        page += 1
    assert [a["id"] for a in pages] == [a["id"] for a in everything]
    assert len({a["id"] for a in pages}) == len(pages)
    assert {a["site_id"] for a in pages} == {STGO}  # the technician works in Santiago only


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/tickets", {"page": 0}),
        ("/tickets", {"page": 100_001}),
        ("/tickets", {"page_size": 0}),
        ("/tickets", {"page_size": 201}),
        ("/tickets", {"page": "two"}),
        ("/tickets", {"updated_after": "yesterday"}),
        ("/tickets", {"updated_after": "2026-11-30T12:00:00"}),  # no offset: ambiguous
        ("/tickets", {"updated_after": "0001-01-01T00:00:00+14:00"}),  # before year 1 in UTC
        ("/tickets", {"site_id": "STGO"}),
        ("/tickets", {"status": "done-ish"}),
        ("/assets?qr_code=KER%00", {}),  # PostgreSQL text cannot hold NUL
        ("/training/certificates", {"status": "valid-ish"}),
        ("/training/certificates/KER%00", {}),
    ],
)
def test_bad_page_or_filter_values_are_a_validation_error(clients, path, params):
    answer = clients("admin").get(path, params=params or None)
    assert answer.status_code == 422
    assert answer.json()["code"] == "api.validation_error"


FILTERS = [
    ("tecnico", "/assets", {"category": "electrical"}, None),
    ("tecnico", "/assets", {"qr_code": "KER-STGO-001"}, None),
    ("admin", "/assets", {"site_id": ANTO}, None),
    ("admin", "/tickets", {"status": "open", "site_id": STGO}, None),
    ("admin", "/loto-procedures", {"asset_id": str(demo.demo_id("asset", "STGO", "3"))}, None),
    (
        "admin",
        "/training/modules",
        {"category": "hydraulic"},
        {"required_for_asset_category": "hydraulic"},
    ),
    ("admin", "/training/quizzes", {"module_id": str(demo.demo_id("module", "induction"))}, None),
    ("admin", "/training/progress", {"module_id": str(demo.demo_id("module", "electrical"))}, None),
    ("admin", "/visitors/invites", {"status": "invited", "site_id": ANTO}, None),
    ("admin", "/visitors/ndas", {"site_id": STGO}, None),
    ("admin", "/access-logs", {"site_id": STGO, "access_type": "delivery"}, None),
    ("admin", "/quality-audits", {"status": "in_progress", "site_id": STGO}, None),
    ("admin", "/emission-factors", {"emission_scope": "scope_1"}, None),
    ("admin", "/sustainability-goals", {"site_id": ANTO}, None),
    ("admin", "/work-permits", {"status": "requested", "site_id": STGO}, None),
    ("admin", "/shift-handovers", {"site_id": ANTO}, None),
]


@pytest.mark.parametrize(("username", "path", "params", "expected"), FILTERS)
def test_filters_narrow_the_listing(clients, username, path, params, expected):
    client = clients(username)
    everything = all_items(client, path)
    narrowed = all_items(client, path, **params)
    assert narrowed, "the filter must match something, or the test proves nothing"
    assert len(narrowed) < len(everything)
    assert {i[key_of(path)] for i in narrowed} <= {i[key_of(path)] for i in everything}
    for field, value in (expected or params).items():
        assert {item[field] for item in narrowed} == {value}, field


def test_filters_by_lockout_and_asset_and_people_of_a_site(clients, seeded):
    admin = clients("admin")
    log = admin.get(f"/loto-logs/{seeded['STGO']['/loto-logs']}").json()
    by_lockout = all_items(admin, "/loto-logs", lockout_id=log["lockout_id"])
    assert [item["id"] for item in by_lockout] == [log["id"]]
    by_asset = all_items(admin, "/loto-logs", asset_id=log["asset_id"])
    assert {item["asset_id"] for item in by_asset} == {log["asset_id"]}
    # Personal rows have no site: the site filter means the people assigned to it.
    at_anto = all_items(admin, "/training/progress", site_id=ANTO)
    assert at_anto == []  # the demo technician (owner of every progress row) is at STGO only
    at_stgo = all_items(admin, "/training/progress", site_id=STGO)
    assert {item["user_id"] for item in at_stgo} == {str(demo.USER_IDS["tecnico"])}
    module = admin.get(f"/training/progress/{seeded['ANTO']['/training/progress']}").json()
    certificates = all_items(admin, "/training/certificates", module_id=module["module_id"])
    assert [c["number"] for c in certificates] == [seeded["ANTO"]["/training/certificates"]]
    # The demo's own certificates are there too: the filter splits them all by status.
    everything = all_items(admin, "/training/certificates")
    valid = all_items(admin, "/training/certificates", status="valid")
    expired = all_items(admin, "/training/certificates", status="expired")
    assert {c["status"] for c in valid} == {"valid"}
    assert {c["status"] for c in expired} <= {"expired"}
    assert len(valid) + len(expired) == len(everything)
    seeded_numbers = {seeded[site]["/training/certificates"] for site in ("STGO", "ANTO")}
    assert seeded_numbers <= {c["number"] for c in valid}


def test_updated_after_returns_only_later_changes(clients, server):
    admin = clients("admin")
    before = admin.get("/tickets", params={"site_id": ANTO}).json()["items"]
    cut = max(datetime.fromisoformat(t["updated_at"]) for t in before)
    assert all_items(admin, "/tickets", site_id=ANTO, updated_after=cut.isoformat()) == []
    created = admin.post("/work-permits", json=permit_body(server, ticket("ANTO", 2)))
    assert created.status_code == 201, created.text
    later = all_items(admin, "/tickets", site_id=ANTO, updated_after=cut.isoformat())
    assert [t["id"] for t in later] == [ticket("ANTO", 2)]  # the permit assessed its risk
    permits = all_items(admin, "/work-permits", updated_after=cut.isoformat())
    assert created.json()["id"] in {p["id"] for p in permits}


def test_loto_procedures_carry_their_energy_sources_in_order(clients):
    press = str(demo.demo_id("procedure", "STGO", "3"))  # a hydraulic press: three sources
    body = clients("tecnico").get(f"/loto-procedures/{press}").json()
    sources = body["energy_sources"]
    assert [s["position"] for s in sources] == [1, 2, 3]
    assert [s["id"] for s in sources] == [
        str(demo.demo_id("energy", "STGO", "3", str(p))) for p in (1, 2, 3)
    ]
    assert [s["energy_type"] for s in sources] == ["electrical", "hydraulic", "gravitational"]
    assert all(s["isolation_point"] and s["verification_method"] for s in sources)


def test_quiz_answer_keys_never_leave_the_server(clients, server):
    quiz_id = demo.demo_id("quiz", "electrical")
    with session_factory(server.engine)() as session, session.begin():
        session.get(QuizKey, quiz_id).answers = {"q1": SENTINEL, "q2": SENTINEL}
        quiz = session.get(TrainingQuiz, quiz_id)
        quiz.questions = [dict(q, correct=SENTINEL) for q in quiz.questions]
    for username in ("admin", "supervisor", "tecnico", "guardia"):
        client = clients(username)
        for path in COLLECTIONS:
            listing = client.get(path, params={"page_size": 200})
            assert SENTINEL not in listing.text, (username, path)
            for item in listing.json()["items"][:2]:
                assert SENTINEL not in client.get(f"{path}/{item[key_of(path)]}").text
    questions = clients("tecnico").get(f"/training/quizzes/{quiz_id}").json()["questions"]
    assert [q["id"] for q in questions] == ["q1", "q2"]
    assert all("correct" not in q and q["text"] for q in questions)


def test_visitor_ruts_are_masked_for_technicians_only(clients, seeded):
    invite_id = seeded["STGO"]["/visitors/invites"]
    for username in ("guardia", "supervisor", "admin"):
        invite = clients(username).get(f"/visitors/invites/{invite_id}").json()
        assert invite["visitor_rut"] == "16666666-K" and invite["qr_token"].startswith("KER1.")
    invite = clients("tecnico").get(f"/visitors/invites/{invite_id}").json()
    assert invite["visitor_rut"] == "•••••666-K" and invite["qr_token"] is None
    nda = all_items(clients("tecnico"), "/visitors/ndas")[0]
    log = all_items(clients("tecnico"), "/access-logs")[0]
    assert nda["signer_rut"].startswith("•") and log["person_rut"].startswith("•")


# --- work permits: the same domain operations as a device's mutations -----------------------


def test_a_permit_moves_through_its_states_by_role_and_rule(clients, server):
    tech, guard, boss = clients("tecnico"), clients("guardia"), clients("supervisor")
    requested = tech.post("/work-permits", json=permit_body(server, ticket("STGO", 1)))
    assert requested.status_code == 201, requested.text
    permit = requested.json()
    assert (permit["status"], permit["calculated_risk_level"]) == ("requested", "high")
    assert permit["requested_by_id"] == str(demo.USER_IDS["tecnico"])
    pid = permit["id"]

    refused = guard.post(f"/work-permits/{pid}/approve")
    assert refused.status_code == 403
    assert refused.json() == {
        "code": "auth.role_forbidden",
        "message": "Su rol (guardia) no permite esta acción.",
        "details": {
            "reasons": [
                {
                    "code": "auth.role_forbidden",
                    "message": "Su rol (guardia) no permite esta acción.",
                }
            ]
        },
    }
    assert tech.post(f"/work-permits/{pid}/approve").status_code == 403

    steps = [
        (boss, "approve", 200, "approved"),
        (tech, "activate", 200, "active"),
        (tech, "suspend", 200, "suspended"),
        (tech, "activate", 403, "suspended"),  # resuming is a supervisor's call
        (boss, "activate", 200, "active"),
        (tech, "close", 409, "active"),  # work started: the hand-back state is required
        (tech, "close returned_to_service", 200, "closed"),
        (boss, "approve", 409, "closed"),
    ]
    for client, action, status, state in steps:
        action, _, handback = action.partition(" ")
        body = {"handback_state": handback} if handback else None
        answer = client.post(f"/work-permits/{pid}/{action}", json=body)
        assert answer.status_code == status, (action, answer.text)
        assert tech.get(f"/work-permits/{pid}").json()["status"] == state
    assert answer.json()["code"] == "permit.illegal_transition"
    final = tech.get(f"/work-permits/{pid}").json()
    assert final["approved_by_id"] == str(demo.USER_IDS["supervisor"])
    assert final["activated_at"] and final["closed_at"]
    assert final["handback_state"] == "returned_to_service"

    # Like a pushed mutation, every write reached the site's change log.
    pulled = tech.get("/sync/pull", params={"scope": f"site:{STGO}", "limit": 5000}).json()
    rows = [c["row"] for c in pulled["changes"] if c["entity"] == "work_permit" and c["id"] == pid]
    assert [r["status"] for r in rows][-1] == "closed"
    assert rows[-1]["version"] == final["version"]


def test_high_risk_self_approval_is_refused_and_another_supervisor_approves(clients, server):
    boss, other_boss = clients("supervisor"), clients("supervisor2")
    pid = boss.post("/work-permits", json=permit_body(server, ticket("STGO", 3))).json()["id"]
    refused = boss.post(f"/work-permits/{pid}/approve")
    assert refused.status_code == 409
    assert refused.json()["code"] == "permit.self_approval"
    assert "distinto de quien lo solicitó" in refused.json()["message"]
    english = boss.post(f"/work-permits/{pid}/approve", headers={"Accept-Language": "en"})
    assert "other than its requester" in english.json()["message"]
    approved = other_boss.post(f"/work-permits/{pid}/approve")
    assert approved.status_code == 200, approved.text
    assert approved.json()["approved_by_id"] == str(demo.USER_IDS["supervisor2"])


def test_a_rejection_needs_a_reason_and_is_final(clients, server):
    tech, boss = clients("tecnico"), clients("supervisor")
    body = permit_body(server, ticket("STGO", 2), likelihood=2, severity=2)
    permit = tech.post("/work-permits", json=body).json()
    assert permit["calculated_risk_level"] == "low"
    pid = permit["id"]
    assert boss.post(f"/work-permits/{pid}/reject").status_code == 422
    assert boss.post(f"/work-permits/{pid}/reject", json={"reason": ""}).status_code == 422
    rejected = boss.post(f"/work-permits/{pid}/reject", json={"reason": "Falta análisis de gases"})
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["status"], rejected.json()["rejection_reason"]) == (
        "rejected",
        "Falta análisis de gases",
    )
    again = boss.post(f"/work-permits/{pid}/approve")
    assert (again.status_code, again.json()["code"]) == (409, "permit.illegal_transition")


@pytest.mark.parametrize(
    ("username", "ticket_id", "changes", "status", "code"),
    [
        ("tecnico", str(uuid.uuid4()), {}, 404, "api.not_found"),
        ("tecnico", ticket("ANTO", 1), {}, 404, "api.not_found"),  # not his site
        ("tecnico", ticket("STGO", 4), {"likelihood": 6}, 422, "api.validation_error"),
        (
            "tecnico",
            ticket("STGO", 4),
            {"risk_assessment": "nul \x00"},
            422,
            "api.validation_error",
        ),
        ("guardia", ticket("STGO", 4), {}, 403, "auth.role_forbidden"),
        (
            "tecnico",
            ticket("STGO", 4),
            {"valid_to": "2026-11-30T11:00:00+00:00"},
            409,
            "permit.window_invalid",
        ),
        (
            "tecnico",
            ticket("STGO", 4),
            {"valid_from": "2026-11-29T08:00:00+00:00", "valid_to": "2026-11-29T18:00:00+00:00"},
            409,
            "permit.expired",
        ),
    ],
)
def test_permit_requests_that_are_refused(
    clients, server, username, ticket_id, changes, status, code
):
    answer = clients(username).post("/work-permits", json=permit_body(server, ticket_id, **changes))
    assert answer.status_code == status, answer.text
    assert answer.json()["code"] == code
    assert not all_items(clients("admin"), "/work-permits", ticket_id=ticket_id)


def test_a_ticket_has_one_permit(clients, server, seeded):
    tech = clients("tecnico")
    free = seeded["STGO"]["free_ticket"]
    assert tech.post("/work-permits", json=permit_body(server, free)).status_code == 201
    again = tech.post("/work-permits", json=permit_body(server, free))
    assert (again.status_code, again.json()["code"]) == (409, "permit.already_exists")
    assert len(all_items(clients("admin"), "/work-permits", ticket_id=free)) == 1


def test_reads_ignore_deleted_rows(clients, server, seeded):
    """A tombstone is not a row: it is neither listed nor found."""
    audit_id = seeded["ANTO"]["/quality-audits"]
    admin = clients("admin")
    assert admin.get(f"/quality-audits/{audit_id}").status_code == 200
    with session_factory(server.engine)() as session, session.begin():
        session.execute(
            select(QualityAudit).where(QualityAudit.id == uuid.UUID(audit_id))
        ).scalar_one().deleted = True
    assert admin.get(f"/quality-audits/{audit_id}").status_code == 404
    assert audit_id not in {a["id"] for a in all_items(admin, "/quality-audits")}
