"""Demo data: tenant "KER Demo" with two sites, its people, assets with LOTO procedures,
a 5x5 risk matrix, tickets, training, today's visitor invites and ESG factors.

Ids are derived from names (UUID5), so seeding twice is a no-op: used by the device's
demo mode and, later, by the server's ``--seed-demo``.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain import audit_templates
from ker_field.domain.enums import (
    AccessType,
    ContentType,
    EmissionScope,
    EnergyType,
    TicketStatus,
    TrainingStatus,
    UserRole,
)
from ker_field.domain.models import (
    Asset,
    AuditTemplate,
    Base,
    ConsumptionReading,
    EmissionFactor,
    EnergySource,
    Local,
    LotoProcedure,
    RiskMatrix,
    ServiceTicket,
    SiteAssignment,
    SustainabilityGoal,
    Tenant,
    TrainingModule,
    TrainingQuiz,
    User,
    UserTrainingProgress,
    VisitorInvite,
)
from ker_field.domain.rules.esg import emissions
from ker_field.domain.rules.risk import default_matrix, risk_level
from ker_field.domain.scopes import site_scope, tenant_scope, user_scope

NAMESPACE = uuid.UUID("6f1c1a52-5a0e-4c57-9a59-0c1b7e1d2f10")


def demo_id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


TENANT_ID = demo_id("tenant")
SITE_IDS = {"STGO": demo_id("site", "STGO"), "ANTO": demo_id("site", "ANTO")}
USER_IDS = {
    name: demo_id("user", name)
    for name in ("tecnico", "tecnico2", "supervisor", "supervisor2", "guardia", "admin")
}

# (kind of equipment, category, energy sources: (type, magnitude, point, device, verification))
_EQUIPMENT = [
    (
        "Tablero eléctrico",
        "electrical",
        [
            (
                EnergyType.ELECTRICAL,
                "380 V",
                "Interruptor principal {n} en sala eléctrica",
                "Candado de interruptor + tarjeta",
                "Medir ausencia de tensión con multímetro",
            ),
        ],
    ),
    (
        "Correa transportadora",
        "mechanical",
        [
            (
                EnergyType.ELECTRICAL,
                "380 V",
                "Seccionador del motor M-{n}",
                "Candado de seccionador + tarjeta",
                "Intentar partir desde la botonera local",
            ),
            (
                EnergyType.GRAVITATIONAL,
                "Tensor 200 kg",
                "Tensor de correa {n}",
                "Pasador de bloqueo",
                "Verificar tensor apoyado en su tope",
            ),
        ],
    ),
    (
        "Prensa hidráulica",
        "hydraulic",
        [
            (
                EnergyType.ELECTRICAL,
                "220 V",
                "Interruptor de bomba P-{n}",
                "Candado de interruptor + tarjeta",
                "Intentar partir la bomba",
            ),
            (
                EnergyType.HYDRAULIC,
                "180 bar",
                "Válvula de bloqueo V-{n}",
                "Bloqueo de válvula de bola",
                "Manómetro en 0 bar tras purgar",
            ),
            (
                EnergyType.GRAVITATIONAL,
                "Carro 1,2 t",
                "Carro superior de la prensa {n}",
                "Calzo de seguridad",
                "Carro apoyado en calzos",
            ),
        ],
    ),
    (
        "Compresor",
        "pneumatic",
        [
            (
                EnergyType.ELECTRICAL,
                "380 V",
                "Interruptor del compresor C-{n}",
                "Candado de interruptor + tarjeta",
                "Intentar partir desde el panel",
            ),
            (
                EnergyType.PNEUMATIC,
                "8 bar",
                "Válvula de salida del estanque {n}",
                "Bloqueo de válvula",
                "Purgar y verificar manómetro en 0 bar",
            ),
        ],
    ),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: UserRole
    rut: str
    password: str


DEMO_USERS = [
    DemoUser("tecnico", "Pedro Soto", UserRole.TECHNICIAN, "11111111-1", "tecnico123"),
    DemoUser("tecnico2", "Camila Rojas", UserRole.TECHNICIAN, "12345678-5", "tecnico123"),
    DemoUser("supervisor", "Marcela Díaz", UserRole.SUPERVISOR, "9876543-3", "super123"),
    DemoUser("supervisor2", "Jorge Muñoz", UserRole.SUPERVISOR, "7654321-6", "super123"),
    DemoUser("guardia", "Luis Pérez", UserRole.GUARD, "15555555-6", "guardia123"),
    DemoUser("admin", "Ana Fuentes", UserRole.ADMIN, "13333333-9", "admin123"),
]


def _merge(session: Session, row: Base) -> None:
    """Queue a demo row; :func:`_add_missing` inserts the ones not yet there."""
    session.info.setdefault("ker_demo_rows", []).append(row)


def _add_missing(session: Session) -> None:
    rows: list[Base] = session.info.pop("ker_demo_rows", [])
    by_class: dict[type[Base], list[Base]] = {}
    for row in rows:
        by_class.setdefault(type(row), []).append(row)
    existing: set[uuid.UUID] = set()
    for cls, group in by_class.items():
        ids = [row.id for row in group]  # type: ignore[attr-defined]
        existing.update(session.scalars(select(cls.id).where(cls.id.in_(ids))))  # type: ignore[attr-defined]
    session.add_all(row for row in rows if row.id not in existing)  # type: ignore[attr-defined]
    session.flush()


def seed_demo(session: Session, now: datetime, assets_per_site: int = 25) -> None:
    """Insert or refresh the demo data in ``session`` (idempotent)."""
    t_scope = tenant_scope(TENANT_ID)
    _merge(session, Tenant(id=TENANT_ID, scope=t_scope, name="KER Demo", rut="76543210-3"))
    sites = {
        "STGO": ("Planta Santiago", "Av. Industrial 1200, Quilicura", True),
        "ANTO": ("Planta Antofagasta", "Ruta 1 km 14, La Negra", False),
    }
    for code, (name, address, nda) in sites.items():
        _merge(
            session,
            Local(
                id=SITE_IDS[code],
                tenant_id=TENANT_ID,
                scope=t_scope,  # every site's name is tenant-wide reference data
                code=code,
                name=name,
                address=address,
                requires_nda=nda,
            ),
        )
    _add_missing(session)
    for user in DEMO_USERS:
        uid = USER_IDS[user.username]
        _merge(
            session,
            User(
                id=uid,
                tenant_id=TENANT_ID,
                scope=t_scope,
                username=user.username,
                full_name=user.full_name,
                role=user.role,
                rut=user.rut,
                email=f"{user.username}@demo.ker.cl",
            ),
        )
    _add_missing(session)
    for user in DEMO_USERS:
        codes = ["STGO", "ANTO"] if user.role in (UserRole.SUPERVISOR, UserRole.ADMIN) else ["STGO"]
        for code in codes:
            _merge(
                session,
                SiteAssignment(
                    id=demo_id("assign", user.username, code),
                    tenant_id=TENANT_ID,
                    scope=t_scope,
                    user_id=USER_IDS[user.username],
                    site_id=SITE_IDS[code],
                ),
            )
    matrix_id = demo_id("matrix")
    matrix_cells = default_matrix()
    _merge(
        session,
        RiskMatrix(
            id=matrix_id,
            tenant_id=TENANT_ID,
            scope=t_scope,
            name="Matriz 5x5 corporativa",
            cells=matrix_cells,
            is_default=True,
        ),
    )
    inspector = USER_IDS["supervisor2"]
    for code, site_id in SITE_IDS.items():
        for n in range(1, assets_per_site + 1):
            kind, category, sources = _EQUIPMENT[(n - 1) % len(_EQUIPMENT)]
            asset_id = demo_id("asset", code, str(n))
            tag = f"KER-{code}-{n:03d}"
            _merge(
                session,
                Asset(
                    id=asset_id,
                    tenant_id=TENANT_ID,
                    scope=site_scope(site_id),
                    site_id=site_id,
                    name=f"{kind} {n:02d}",
                    category=category,
                    qr_code=tag,
                    location=f"Nave {1 + (n - 1) // 4}",
                ),
            )
            proc_id = demo_id("procedure", code, str(n))
            # Procedures 6 and 13 are overdue for their yearly inspection, to show the warning.
            inspected = now - timedelta(days=400 if n % 7 == 6 else 30 + n)
            _merge(
                session,
                LotoProcedure(
                    id=proc_id,
                    tenant_id=TENANT_ID,
                    scope=site_scope(site_id),
                    asset_id=asset_id,
                    code=f"LOTO-{code}-{n:03d}",
                    title=f"Bloqueo de {kind.lower()} {n:02d}",
                    last_inspected_at=inspected,
                    last_inspected_by_id=inspector,
                ),
            )
            for pos, (etype, magnitude, point, device, verify) in enumerate(sources, start=1):
                _merge(
                    session,
                    EnergySource(
                        id=demo_id("energy", code, str(n), str(pos)),
                        tenant_id=TENANT_ID,
                        scope=site_scope(site_id),
                        procedure_id=proc_id,
                        position=pos,
                        energy_type=etype,
                        magnitude=magnitude,
                        isolation_point=point.format(n=n),
                        device=device,
                        verification_method=verify,
                    ),
                )
            if n <= 4:
                likelihood, severity = (4, 4) if n % 2 else (2, 2)
                level = risk_level(matrix_cells, likelihood, severity)
                _merge(
                    session,
                    ServiceTicket(
                        id=demo_id("ticket", code, str(n)),
                        tenant_id=TENANT_ID,
                        scope=site_scope(site_id),
                        site_id=site_id,
                        asset_id=asset_id,
                        number=f"OT-{code}-{1000 + n}",
                        title=f"Mantención preventiva {kind.lower()} {n:02d}",
                        status=TicketStatus.OPEN,
                        likelihood=likelihood,
                        severity=severity,
                        risk_level=level,
                        assigned_to_id=USER_IDS["tecnico"],
                        created_by_id=USER_IDS["supervisor"],
                    ),
                )
    modules = [
        ("electrical", "Seguridad eléctrica y bloqueo", "electrical"),
        ("mechanical", "Bloqueo de equipos mecánicos", "mechanical"),
        ("hydraulic", "Energía hidráulica y neumática", "hydraulic"),
        ("induction", "Inducción de seguridad de planta", None),
    ]
    for key, title, unlocks in modules:
        module_id = demo_id("module", key)
        _merge(
            session,
            TrainingModule(
                id=module_id,
                tenant_id=TENANT_ID,
                scope=t_scope,
                title=title,
                description=f"Módulo de capacitación: {title}.",
                content_type=ContentType.PDF,
                required_for_asset_category=unlocks,
                min_score_to_pass=80,
                max_attempts=3,
                cooldown_hours=24,
                validity_months=12,
            ),
        )
        _merge(
            session,
            TrainingQuiz(
                id=demo_id("quiz", key),
                tenant_id=TENANT_ID,
                scope=t_scope,
                module_id=module_id,
                title=f"Evaluación: {title}",
                questions=[
                    {
                        "id": "q1",
                        "kind": "true_false",
                        "text": "¿Puede retirar el candado de otra persona?",
                    },
                    {
                        "id": "q2",
                        "kind": "single_choice",
                        "text": "¿Qué se hace antes de empezar a trabajar?",
                        "options": ["Prueba de arranque", "Nada", "Avisar al guardia"],
                    },
                ],
            ),
        )
    # The technician holds the electrical and mechanical certificates; the hydraulic one expired.
    for key, passed_days_ago in (("electrical", 60), ("mechanical", 200), ("hydraulic", 400)):
        passed_at = now - timedelta(days=passed_days_ago)
        _merge(
            session,
            UserTrainingProgress(
                id=demo_id("progress", "tecnico", key),
                tenant_id=TENANT_ID,
                scope=user_scope(USER_IDS["tecnico"]),
                user_id=USER_IDS["tecnico"],
                module_id=demo_id("module", key),
                status=TrainingStatus.PASSED,
                assigned_at=passed_at,
                attempts_count=1,
                last_attempt_at=passed_at,
                score=90,
                passed_at=passed_at,
                certificate_number=f"CERT-DEMO-{key[:4].upper()}",
                certificate_expires_at=passed_at + timedelta(days=365),
            ),
        )
    invites = [
        ("Juan Pérez", "16666666-K", "Proveedora Andes SpA", AccessType.VISITOR),
        ("María González", "17777777-3", "Montajes del Sur Ltda.", AccessType.CONTRACTOR),
        ("Transportes Norte", "18888888-7", "Transportes Norte", AccessType.DELIVERY),
    ]
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for i, (name, rut, company, access_type) in enumerate(invites, start=1):
        _merge(
            session,
            VisitorInvite(
                id=demo_id("invite", str(i)),
                tenant_id=TENANT_ID,
                scope=site_scope(SITE_IDS["STGO"]),
                site_id=SITE_IDS["STGO"],
                visitor_name=name,
                visitor_rut=rut,
                visitor_company=company,
                access_type=access_type,
                host_user_id=USER_IDS["supervisor"],
                expected_arrival=day_start + timedelta(hours=9 + i),
                valid_from=day_start + timedelta(hours=7),
                valid_to=day_start + timedelta(hours=20),
            ),
        )
    factors = [
        ("Electricidad", "kWh", 0.4, EmissionScope.SCOPE_2),
        ("Diésel", "l", 2.68, EmissionScope.SCOPE_1),
        ("Gas natural", "m3", 1.93, EmissionScope.SCOPE_1),
        ("Agua", "m3", 0.344, EmissionScope.SCOPE_3),
        ("Refrigerante R-410A", "kg", 2088.0, EmissionScope.SCOPE_1),
    ]
    for resource, unit, factor, scope in factors:
        _merge(
            session,
            EmissionFactor(
                id=demo_id("factor", resource),
                tenant_id=TENANT_ID,
                scope=t_scope,
                resource_name=resource,
                unit=unit,
                co2_factor=factor,
                emission_scope=scope,
                created_by_id=USER_IDS["admin"],
            ),
        )
    _merge(
        session,
        SustainabilityGoal(
            id=demo_id("goal", "2026"),
            tenant_id=TENANT_ID,
            scope=t_scope,
            year=2026,
            baseline_year=2023,
            target_reduction_percentage=15.0,
            created_by_id=USER_IDS["admin"],
        ),
    )
    for spec in audit_templates.TEMPLATES:
        _merge(
            session,
            AuditTemplate(
                id=demo_id("audit_template", spec.code),
                tenant_id=TENANT_ID,
                scope=t_scope,
                standard=spec.standard,
                code=spec.code,
                title=spec.title,
                weighted=spec.weighted,
                items=spec.item_dicts(),
            ),
        )
    _add_missing(session)


# Monthly consumption of the demo sites: (resource, STGO quantity a month, 2026 vs 2023).
_MONTHLY_USE = (
    ("Electricidad", 42_000.0, 0.88),
    ("Diésel", 900.0, 0.9),
    ("Gas natural", 1_500.0, 0.93),
    ("Agua", 2_000.0, 0.95),
)
_SITE_SCALE = {"STGO": 1.0, "ANTO": 0.6}
# Refrigerant recharges (kg) by (year, month): leaks are rare events, not monthly use.
_RECHARGES = {(2023, 3): 4.0, (2023, 9): 3.0, (2026, 4): 2.0}


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def seed_demo_readings(session: Session, now: datetime) -> None:
    """Monthly meter readings of both demo sites: the goal's baseline year (2023) and the
    goal year's months already over (to ``now``), so the ESG dashboard has history.
    Not part of :func:`seed_demo` (tests of the outlier rule start from no history)."""
    factors = {
        f.resource_name: f
        for f in session.scalars(
            select(EmissionFactor).where(EmissionFactor.tenant_id == TENANT_ID)
        )
    }
    for code, site_id in SITE_IDS.items():
        scale = _SITE_SCALE[code]
        for year in (2023, 2026):
            for month in range(1, 13):
                end = _month_end(year, month)
                if end >= now.date():
                    break
                season = 1 + 0.12 * math.cos((month - 7) * math.pi / 6)  # winter peak (July)
                uses = [
                    (name, base * scale * season * (trend if year == 2026 else 1.0))
                    for name, base, trend in _MONTHLY_USE
                ]
                uses.append(("Refrigerante R-410A", _RECHARGES.get((year, month), 0.0) * scale))
                for name, quantity in uses:
                    factor = factors[name]
                    quantity = round(quantity, 1)
                    emission = emissions(quantity, factor.co2_factor, factor.emission_scope)
                    _merge(
                        session,
                        ConsumptionReading(
                            id=demo_id("reading", code, name, f"{year}-{month:02d}"),
                            tenant_id=TENANT_ID,
                            scope=site_scope(site_id),
                            site_id=site_id,
                            emission_factor_id=factor.id,
                            resource_name=name,
                            quantity=quantity,
                            unit=factor.unit,
                            period_start=date(year, month, 1),
                            period_end=end,
                            co2e_kg=emission.co2e_kg,
                            emission_scope=emission.scope,
                            recorded_by_id=USER_IDS["tecnico"],
                            device_time=datetime.combine(end, time(12), tzinfo=UTC),
                        ),
                    )
    _add_missing(session)
