"""REST API tests: one live server per test module and database (a server start costs seconds:
migrations, demo seed, password hashes), and signed-in clients made once and reused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.demo import DEMO_USERS
from ker_field.domain.enums import (
    AccessDirection,
    AccessMethod,
    AccessType,
    ContentType,
    EmissionScope,
    EnergyType,
    LotoEvent,
    PermitStatus,
    RiskLevel,
    TrainingStatus,
    UserRole,
)
from ker_field.domain.models import (
    AccessLog,
    Asset,
    EmissionFactor,
    EnergySource,
    Local,
    LotoLog,
    LotoProcedure,
    QualityAudit,
    RiskMatrix,
    ServiceTicket,
    ShiftHandover,
    SiteAssignment,
    SustainabilityGoal,
    Tenant,
    TrainingModule,
    TrainingQuiz,
    User,
    UserTrainingProgress,
    VisitorInvite,
    VisitorNDA,
    WorkPermit,
)
from ker_field.domain.rules.risk import default_matrix
from ker_field.domain.scopes import site_scope, tenant_scope, user_scope
from sync.server.invites import issue_token
from sync.server.keys import ensure_tenant_key
from sync.server.security import hash_password
from sync.server.tables import CertificateRecord, Credential
from tests.helpers.clock import FakeClock
from tests.helpers.live_server import LiveServer, database_url, run_server

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

# Every collection of the REST API, by the path that lists it.
COLLECTIONS = [
    "/sites",
    "/assets",
    "/tickets",
    "/risk-matrices",
    "/loto-procedures",
    "/loto-logs",
    "/work-permits",
    "/training/modules",
    "/training/quizzes",
    "/training/progress",
    "/training/certificates",
    "/visitors/invites",
    "/visitors/ndas",
    "/access-logs",
    "/shift-handovers",
    "/quality-audits",
    "/emission-factors",
    "/sustainability-goals",
]


def key_of(path: str) -> str:
    """The field that names a row of the collection (and goes in ``path/{key}``)."""
    return "number" if path == "/training/certificates" else "id"


def module_server(kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp(f"server-{kind}")
    for db in database_url(kind, folder):
        yield from run_server(db.url, folder, FakeClock())


class Clients:
    """``clients("tecnico")``: a client signed in as that person, made on first use.
    Demo people sign in with their demo password; others need theirs given once."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.passwords = {user.username: user.password for user in DEMO_USERS}
        self.signed_in: dict[str, httpx.Client] = {}
        self.others: list[httpx.Client] = []

    def __call__(self, username: str, password: str | None = None) -> httpx.Client:
        if username not in self.signed_in:
            if password is not None:
                self.passwords[username] = password
            self.signed_in[username] = self.sign_in(username)
        return self.signed_in[username]

    def sign_in(self, username: str) -> httpx.Client:
        client = self.server.client()
        self.others.append(client)
        answer = client.post(
            "/auth/token",
            json={
                "username": username,
                "password": self.passwords[username],
                "device_id": f"rest-{username}",
            },
        )
        assert answer.status_code == 200, answer.text
        client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        return client

    def anonymous(self) -> httpx.Client:
        client = self.server.client()
        self.others.append(client)
        return client

    def close(self) -> None:
        for client in [*self.signed_in.values(), *self.others]:
            client.close()
        self.signed_in.clear()
        self.others.clear()


def all_items(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a listing, page by page."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        answer = client.get(path, params={**params, "page": page, "page_size": 200})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items.extend(body["items"])
        if len(items) >= body["total"] or not body["items"]:
            return items
        page += 1


# --- rows of every resource, for a tenant and a site ---------------------------------------

PASSWORD = "tenant-b-secret"
ROLES = {
    "technician": UserRole.TECHNICIAN,
    "supervisor": UserRole.SUPERVISOR,
    "guard": UserRole.GUARD,
    "admin": UserRole.ADMIN,
}


def create_tenant(session: Session, tag: str) -> tuple[uuid.UUID, uuid.UUID, dict[str, User]]:
    """A tenant with one site, a risk matrix, a signing key and one person of each role
    (usernames ``<tag>-<role>``, password :data:`PASSWORD`), all assigned to the site."""
    tenant_id, site_id = uuid.uuid4(), uuid.uuid4()
    t_scope = tenant_scope(tenant_id)
    tenant = Tenant(id=tenant_id, scope=t_scope, name=f"Tenant {tag}", rut="76086428-5")
    session.add(tenant)
    session.flush()
    session.add(
        Local(id=site_id, tenant_id=tenant_id, scope=site_scope(site_id), code=tag, name=tag)
    )
    session.add(
        RiskMatrix(
            tenant_id=tenant_id,
            scope=t_scope,
            name="5x5",
            cells=default_matrix(),
            is_default=True,
        )
    )
    people = {}
    for key, role in ROLES.items():
        user = User(
            tenant_id=tenant_id,
            scope=t_scope,
            username=f"{tag}-{key}",
            full_name=f"{key.title()} {tag}",
            role=role,
        )
        session.add(user)
        session.flush()
        session.add(Credential(user_id=user.id, password_hash=hash_password(PASSWORD)))
        session.add(
            SiteAssignment(tenant_id=tenant_id, scope=t_scope, user_id=user.id, site_id=site_id)
        )
        people[key] = user
    ensure_tenant_key(session, tenant)
    session.flush()
    return tenant_id, site_id, people


def seed_rows(
    session: Session,
    tenant_id: uuid.UUID,
    site_id: uuid.UUID,
    people: Mapping[str, uuid.UUID],
    now: datetime,
    tag: str,
) -> dict[str, str]:
    """One row of every resource at ``site_id`` (personal rows belong to
    ``people["technician"]``); returns the id of each by the path that lists it, plus a
    ``free_ticket`` without a permit."""
    t_scope, s_scope = tenant_scope(tenant_id), site_scope(site_id)
    tech, supervisor, guard = people["technician"], people["supervisor"], people["guard"]
    owned = {"tenant_id": tenant_id}
    at_site = {"tenant_id": tenant_id, "scope": s_scope, "site_id": site_id}
    asset = Asset(**at_site, name=f"Bomba {tag}", category="electrical", qr_code=f"QR-{tag}")
    ticket = ServiceTicket(**at_site, number=f"OT-{tag}-1", title="Cambio de sello")
    free_ticket = ServiceTicket(**at_site, number=f"OT-{tag}-2", title="Revisión")
    session.add_all([asset, ticket, free_ticket])
    session.flush()
    procedure = LotoProcedure(
        **owned, scope=s_scope, asset_id=asset.id, code=f"LOTO-{tag}", title="Bloqueo"
    )
    module = TrainingModule(
        **owned, scope=t_scope, title=f"Módulo {tag}", content_type=ContentType.PDF
    )
    session.add_all([procedure, module])
    session.flush()
    matrix_id = session.scalar(
        select(RiskMatrix.id)
        .where(RiskMatrix.tenant_id == tenant_id)
        .order_by(RiskMatrix.is_default.desc())
    )
    progress = UserTrainingProgress(
        **owned,
        scope=user_scope(tech),
        user_id=tech,
        module_id=module.id,
        status=TrainingStatus.PASSED,
        assigned_at=now,
        passed_at=now,
        certificate_number=f"KER-{tag}-0001",
        certificate_expires_at=now + timedelta(days=365),
    )
    invite = VisitorInvite(
        **at_site,
        visitor_name="Visita",
        visitor_rut="16666666-K",
        valid_from=now - timedelta(hours=1),
        valid_to=now + timedelta(hours=8),
    )
    rows: dict[str, Any] = {
        "/assets": asset,
        "/tickets": ticket,
        "/loto-procedures": procedure,
        "/training/modules": module,
        "/training/progress": progress,
        "/visitors/invites": invite,
        "/loto-logs": LotoLog(
            **at_site,
            lockout_id=uuid.uuid4(),
            asset_id=asset.id,
            procedure_id=procedure.id,
            event=LotoEvent.NOTIFIED,
            user_id=tech,
            device_id="seed",
            device_time=now,
        ),
        "/work-permits": WorkPermit(
            **at_site,
            ticket_id=ticket.id,
            risk_matrix_id=matrix_id,
            risk_assessment="Trabajo en altura",
            likelihood=4,
            severity=4,
            calculated_risk_level=RiskLevel.HIGH,
            status=PermitStatus.REQUESTED,
            requested_by_id=tech,
            requested_at=now,
            valid_from=now,
            valid_to=now + timedelta(hours=8),
        ),
        "/training/quizzes": TrainingQuiz(
            **owned,
            scope=t_scope,
            module_id=module.id,
            title="Evaluación",
            questions=[{"id": "q1", "kind": "true_false", "text": "¿Listo?"}],
        ),
        "/visitors/ndas": VisitorNDA(
            **at_site,
            document_version="v1",
            document_sha256="a" * 64,
            signature_sha256="b" * 64,
            signer_name="Visita",
            signer_rut="16666666-K",
            signed_at=now,
            valid_until=now + timedelta(days=365),
        ),
        "/access-logs": AccessLog(
            **at_site,
            visit_id=uuid.uuid4(),
            access_type=AccessType.DELIVERY,
            direction=AccessDirection.IN,
            method=AccessMethod.MANUAL,
            person_name="Despacho",
            person_rut="18888888-7",
            gate="Portería 1",
            guard_id=guard,
            device_id="seed",
            device_time=now,
        ),
        "/shift-handovers": ShiftHandover(
            **at_site,
            from_user_id=guard,
            notes="Sin novedades",
            flagged_items=[],
            snapshot={},
            created_at=now,
        ),
        "/quality-audits": QualityAudit(
            **at_site,
            standard="ISO 45001",
            title="Auditoría",
            auditor_id=supervisor,
            items=[],
            performed_at=now,
        ),
        "/emission-factors": EmissionFactor(
            **owned,
            scope=t_scope,
            resource_name=f"Diésel {tag}",
            unit="l",
            co2_factor=2.68,
            emission_scope=EmissionScope.SCOPE_1,
        ),
        "/sustainability-goals": SustainabilityGoal(
            **(at_site | {"scope": t_scope}),
            year=2030,
            baseline_year=2025,
            target_reduction_percentage=30.0,
        ),
    }
    session.add_all(rows.values())
    session.add(
        EnergySource(
            **owned,
            scope=s_scope,
            procedure_id=procedure.id,
            position=1,
            energy_type=EnergyType.ELECTRICAL,
            magnitude="380 V",
            isolation_point="Interruptor",
            device="Candado",
            verification_method="Medir",
        )
    )
    session.flush()
    invite.qr_token = issue_token(session, invite)
    session.add(
        CertificateRecord(
            number=progress.certificate_number,
            verification_code=f"verify-{tag}",
            tenant_id=tenant_id,
            user_id=tech,
            module_id=module.id,
            progress_id=progress.id,
            issued_at=now,
            expires_at=now + timedelta(days=365),
        )
    )
    session.flush()
    ids = {path: str(row.id) for path, row in rows.items()}
    return ids | {
        "/sites": str(site_id),
        "/risk-matrices": str(matrix_id),
        "/training/certificates": str(progress.certificate_number),
        "free_ticket": str(free_ticket.id),
    }
