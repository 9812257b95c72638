"""The authorization matrix of the REST API, walked over real HTTP on SQLite and PostgreSQL.

Tenancy: tenant A (the demo) and a second tenant B, each with a row of every collection;
every list, get and write endpoint is called by each role of one tenant against the other's
rows. Nothing leaks: lists never hold the other tenant's ids, gets and writes answer 404,
and no write reaches the database.

Roles: within tenant A, who may approve, invite, see a visitor's RUT, and see whose
training, by the demo people (``tecnico`` works in Santiago only).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from ker_field.domain import demo
from ker_field.domain.enums import PermitStatus, RiskLevel
from ker_field.domain.models import (
    AccessLog,
    Asset,
    EmissionFactor,
    Local,
    LotoLog,
    LotoProcedure,
    QualityAudit,
    RiskMatrix,
    ServiceTicket,
    ShiftHandover,
    SustainabilityGoal,
    TrainingModule,
    TrainingQuiz,
    UserTrainingProgress,
    VisitorInvite,
    VisitorNDA,
    WorkPermit,
)
from ker_field.domain.scopes import site_scope
from sync.server.db import session_factory
from sync.server.tables import CertificateRecord, ChangeLogEntry
from tests.helpers.rest import (
    COLLECTIONS,
    DATABASES,
    PASSWORD,
    ROLES,
    Clients,
    all_items,
    create_tenant,
    key_of,
    module_server,
    seed_rows,
)

ENTITIES = {
    "/sites": Local,
    "/assets": Asset,
    "/tickets": ServiceTicket,
    "/risk-matrices": RiskMatrix,
    "/loto-procedures": LotoProcedure,
    "/loto-logs": LotoLog,
    "/work-permits": WorkPermit,
    "/training/modules": TrainingModule,
    "/training/quizzes": TrainingQuiz,
    "/training/progress": UserTrainingProgress,
    "/training/certificates": CertificateRecord,
    "/visitors/invites": VisitorInvite,
    "/visitors/ndas": VisitorNDA,
    "/access-logs": AccessLog,
    "/shift-handovers": ShiftHandover,
    "/quality-audits": QualityAudit,
    "/emission-factors": EmissionFactor,
    "/sustainability-goals": SustainabilityGoal,
}
DEMO_PEOPLE = {
    "technician": "tecnico",
    "supervisor": "supervisor",
    "guard": "guardia",
    "admin": "admin",
}
DIRECTIONS = [pytest.param("A", "B", id="A-on-B"), pytest.param("B", "A", id="B-on-A")]


@dataclass
class World:
    clients: Clients
    tenants: dict[str, uuid.UUID] = field(default_factory=dict)
    sites: dict[str, str] = field(default_factory=dict)
    users: dict[str, dict[str, str]] = field(default_factory=dict)  # tenant -> role -> username
    rows: dict[str, dict[str, str]] = field(default_factory=dict)  # tenant -> path -> a row
    ids: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # tenant -> path -> all

    def client(self, tenant: str, role: str) -> httpx.Client:
        username = self.users[tenant][role]
        return self.clients(username, None if tenant == "A" else PASSWORD)

    def all_clients(self, tenant: str) -> list[httpx.Client]:
        return [self.client(tenant, role) for role in ROLES]


@pytest.fixture(scope="module", params=DATABASES)
def server(request, tmp_path_factory):
    yield from module_server(request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def world(server):
    now = server.clock.now
    world = World(Clients(server))
    with session_factory(server.engine)() as session, session.begin():
        people_a = {role: demo.USER_IDS[name] for role, name in DEMO_PEOPLE.items()}
        world.tenants["A"], world.sites["A"] = demo.TENANT_ID, str(demo.SITE_IDS["STGO"])
        world.users["A"] = dict(DEMO_PEOPLE)
        world.rows["A"] = seed_rows(
            session, demo.TENANT_ID, demo.SITE_IDS["STGO"], people_a, now, "A"
        )
        world.rows["ANTO"] = seed_rows(
            session, demo.TENANT_ID, demo.SITE_IDS["ANTO"], people_a, now, "A-ANTO"
        )
        tenant_b, site_b, people_b = create_tenant(session, "tenant-b")
        world.tenants["B"], world.sites["B"] = tenant_b, str(site_b)
        world.users["B"] = {role: user.username for role, user in people_b.items()}
        ids_b = {role: user.id for role, user in people_b.items()}
        world.rows["B"] = seed_rows(session, tenant_b, site_b, ids_b, now, "B")
        for tenant in ("A", "B"):
            world.ids[tenant] = {
                path: {
                    str(ident)
                    for ident in session.scalars(
                        select(getattr(entity, key_of(path))).where(
                            entity.tenant_id == world.tenants[tenant]
                        )
                    )
                }
                for path, entity in ENTITIES.items()
            }
    yield world
    world.clients.close()


def writes_so_far(server) -> int:
    with session_factory(server.engine)() as session:
        return session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0


# --- tenancy -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", COLLECTIONS)
@pytest.mark.parametrize(("viewer", "owner"), DIRECTIONS)
def test_lists_never_hold_another_tenants_rows(world, path, viewer, owner):
    foreign = world.ids[owner][path]
    assert foreign, "the other tenant has rows here, or the test proves nothing"
    own_tenant = str(world.tenants[viewer])
    for client in world.all_clients(viewer):
        for params in ({}, {"site_id": world.sites[owner]}):
            items = all_items(client, path, **params)
            assert not {item[key_of(path)] for item in items} & foreign, (path, params)
            assert {item.get("tenant_id", own_tenant) for item in items} <= {own_tenant}
    listed = all_items(world.client(viewer, "admin"), path)
    assert world.rows[viewer][path] in {item[key_of(path)] for item in listed}


@pytest.mark.parametrize("path", COLLECTIONS)
@pytest.mark.parametrize(("viewer", "owner"), DIRECTIONS)
def test_another_tenants_row_is_not_found(world, path, viewer, owner):
    target = f"{path}/{world.rows[owner][path]}"
    for client in world.all_clients(viewer):
        answer = client.get(target)
        assert answer.status_code == 404, (client.headers, answer.text)
        assert answer.json()["code"] == "api.not_found"
    assert world.client(owner, "admin").get(target).status_code == 200


def permit_body(world, tenant: str) -> dict[str, object]:
    now = world.clients.server.clock.now
    return {
        "ticket_id": world.rows[tenant]["free_ticket"],
        "risk_assessment": "Cambio de rodamiento",
        "likelihood": 2,
        "severity": 2,
        "valid_from": now.isoformat(),
        "valid_to": (now + timedelta(hours=4)).isoformat(),
    }


def invite_body(world, site: str, **changes: object) -> dict[str, object]:
    now = world.clients.server.clock.now
    body = {
        "site_id": site,
        "visitor_name": "Rosa Tapia",
        "visitor_rut": "12345678-5",
        "valid_from": now.isoformat(),
        "valid_to": (now + timedelta(hours=6)).isoformat(),
    }
    return body | changes


WRITES = [
    ("POST", "/work-permits", "permit"),
    ("POST", "/work-permits/{permit}/approve", None),
    ("POST", "/work-permits/{permit}/reject", "reason"),
    ("POST", "/work-permits/{permit}/activate", None),
    ("POST", "/work-permits/{permit}/suspend", None),
    ("POST", "/work-permits/{permit}/close", None),
    ("POST", "/visitors/invites", "invite"),
    ("GET", "/visitors/invites/{invite}/qr.png", None),
    ("GET", "/visitors/invites/{invite}/qr.svg", None),
    ("GET", "/training/certificates/{certificate}/pdf", None),
]


@pytest.mark.parametrize(("method", "template", "body"), WRITES)
@pytest.mark.parametrize(("viewer", "owner"), DIRECTIONS)
def test_writes_and_files_of_another_tenant_are_not_found(
    world, method, template, body, viewer, owner
):
    rows = world.rows[owner]
    path = template.format(
        permit=rows["/work-permits"],
        invite=rows["/visitors/invites"],
        certificate=rows["/training/certificates"],
    )
    payload = {
        "permit": permit_body(world, owner),
        "reason": {"reason": "No corresponde"},
        "invite": invite_body(world, world.sites[owner]),
        None: None,
    }[body]
    before = writes_so_far(world.clients.server)
    for client in world.all_clients(viewer):
        answer = client.request(method, path, json=payload)
        assert answer.status_code == 404, (client.headers, answer.text)
        assert answer.json()["code"] == "api.not_found"
    assert writes_so_far(world.clients.server) == before
    owner_admin = world.client(owner, "admin")
    assert owner_admin.get(f"/work-permits/{rows['/work-permits']}").json()["status"] == "requested"
    if method == "GET":
        assert owner_admin.get(path).status_code == 200


@pytest.mark.parametrize(("viewer", "owner"), DIRECTIONS)
def test_an_invite_cannot_name_a_host_of_another_tenant(world, viewer, owner):
    host = world.client(owner, "supervisor").get("/users/me").json()["id"]
    before = writes_so_far(world.clients.server)
    body = invite_body(world, world.sites[viewer], host_user_id=host)
    answer = world.client(viewer, "guard").post("/visitors/invites", json=body)
    assert (answer.status_code, answer.json()["code"]) == (404, "api.not_found")
    assert writes_so_far(world.clients.server) == before


# --- roles within a tenant -------------------------------------------------------------------


def fresh_permit(server, requester: str = "tecnico") -> str:
    """A HIGH risk permit at Santiago, requested by ``requester``."""
    now = server.clock.now
    site = demo.SITE_IDS["STGO"]
    with session_factory(server.engine)() as session, session.begin():
        ticket = ServiceTicket(
            tenant_id=demo.TENANT_ID,
            scope=site_scope(site),
            site_id=site,
            number=f"OT-{uuid.uuid4().hex[:6]}",
            title="Trabajo en caliente",
        )
        session.add(ticket)
        session.flush()
        permit = WorkPermit(
            tenant_id=demo.TENANT_ID,
            scope=site_scope(site),
            site_id=site,
            ticket_id=ticket.id,
            risk_matrix_id=demo.demo_id("matrix"),
            risk_assessment="Soldadura",
            likelihood=4,
            severity=4,
            calculated_risk_level=RiskLevel.HIGH,
            status=PermitStatus.REQUESTED,
            requested_by_id=demo.USER_IDS[requester],
            requested_at=now,
            valid_from=now,
            valid_to=now + timedelta(hours=8),
        )
        session.add(permit)
    return str(permit.id)


@pytest.mark.parametrize(
    ("username", "status", "code"),
    [
        ("guardia", 403, "auth.role_forbidden"),
        ("tecnico", 403, "auth.role_forbidden"),
        ("tecnico2", 403, "auth.role_forbidden"),
        ("supervisor", 409, "permit.self_approval"),  # he requested it himself
        ("supervisor2", 200, None),
        ("admin", 200, None),
    ],
)
def test_who_may_approve_a_high_risk_permit(world, username, status, code):
    server = world.clients.server
    pid = fresh_permit(server, requester="supervisor")
    answer = world.clients(username).post(f"/work-permits/{pid}/approve")
    assert answer.status_code == status, answer.text
    if code:
        assert answer.json()["code"] == code
        assert answer.json()["details"]["reasons"][0]["code"] == code
    expected = "approved" if status == 200 else "requested"
    assert world.clients("admin").get(f"/work-permits/{pid}").json()["status"] == expected


# (who, method, path template, body, expected status). Rows: "stgo" and "anto" are tenant A's
# seeded rows at each site; every personal row belongs to the demo technician ``tecnico``.
ROLE_CASES = [
    ("tecnico", "GET", "/visitors/invites/{anto[/visitors/invites]}", None, 404),
    ("guardia", "GET", "/visitors/invites/{anto[/visitors/invites]}", None, 404),
    ("supervisor", "GET", "/visitors/invites/{anto[/visitors/invites]}", None, 200),
    ("tecnico", "GET", "/access-logs/{anto[/access-logs]}", None, 404),
    ("tecnico", "GET", "/assets/{anto[/assets]}", None, 404),
    ("tecnico", "GET", "/visitors/invites/{stgo[/visitors/invites]}/qr.png", None, 403),
    ("tecnico", "GET", "/visitors/invites/{stgo[/visitors/invites]}/qr.svg", None, 403),
    ("guardia", "GET", "/visitors/invites/{stgo[/visitors/invites]}/qr.png", None, 200),
    ("tecnico", "POST", "/visitors/invites", "STGO", 403),
    ("guardia", "POST", "/visitors/invites", "STGO", 201),
    ("guardia", "POST", "/visitors/invites", "ANTO", 404),
    ("supervisor", "POST", "/visitors/invites", "ANTO", 201),
    ("admin", "POST", "/visitors/invites", "ANTO", 201),
    ("guardia", "POST", "/work-permits", "permit", 403),
    ("tecnico", "GET", "/training/progress/{stgo[/training/progress]}", None, 200),
    ("tecnico2", "GET", "/training/progress/{stgo[/training/progress]}", None, 404),
    ("guardia", "GET", "/training/progress/{stgo[/training/progress]}", None, 404),
    ("supervisor", "GET", "/training/progress/{stgo[/training/progress]}", None, 200),
    ("tecnico2", "GET", "/training/certificates/{stgo[/training/certificates]}", None, 404),
    ("tecnico2", "GET", "/training/certificates/{stgo[/training/certificates]}/pdf", None, 404),
    ("tecnico", "GET", "/training/certificates/{stgo[/training/certificates]}/pdf", None, 200),
    ("supervisor2", "GET", "/training/certificates/{stgo[/training/certificates]}/pdf", None, 200),
]


@pytest.mark.parametrize(("username", "method", "template", "body", "status"), ROLE_CASES)
def test_role_matrix(world, username, method, template, body, status):
    path = template.format(stgo=world.rows["A"], anto=world.rows["ANTO"])
    sites = {code: str(site) for code, site in demo.SITE_IDS.items()}
    payload = {
        "STGO": invite_body(world, sites["STGO"]),
        "ANTO": invite_body(world, sites["ANTO"]),
        "permit": permit_body(world, "A"),
        None: None,
    }[body]
    answer = world.clients(username).request(method, path, json=payload)
    assert answer.status_code == status, answer.text


@pytest.mark.parametrize(
    ("username", "sees_anto", "masked"),
    [
        ("tecnico", False, True),
        ("guardia", False, False),
        ("supervisor", True, False),
        ("admin", True, False),
    ],
)
def test_visitors_by_site_and_their_ruts_by_role(world, username, sees_anto, masked):
    client = world.clients(username)
    invites = all_items(client, "/visitors/invites")
    anto = world.ids["A"]["/visitors/invites"] & {world.rows["ANTO"]["/visitors/invites"]}
    assert bool({i["id"] for i in invites} & anto) is sees_anto
    at_anto = client.get("/visitors/invites", params={"site_id": str(demo.SITE_IDS["ANTO"])}).json()
    assert (at_anto["total"] > 0) is sees_anto
    ruts = [i["visitor_rut"] for i in invites if i["visitor_rut"]]
    assert ruts
    assert all(rut.startswith("•") if masked else rut[0].isdigit() for rut in ruts)
    signed = next(i for i in invites if i["id"] == world.rows["A"]["/visitors/invites"])
    assert (signed["qr_token"] is None) is masked
    for path, field_name in (("/visitors/ndas", "signer_rut"), ("/access-logs", "person_rut")):
        values = [row[field_name] for row in all_items(client, path) if row[field_name]]
        assert values
        assert all(v.startswith("•") is masked for v in values)
