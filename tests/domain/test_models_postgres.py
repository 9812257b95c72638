"""The domain model runs unchanged on PostgreSQL (the central server's database at scale)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.enums import EnergyType, RiskLevel, TrainingStatus
from ker_field.domain.models import (
    Asset,
    Base,
    EnergySource,
    LotoProcedure,
    RiskMatrix,
    ServiceTicket,
    UserTrainingProgress,
)

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def test_schema_and_demo_data_round_trip_on_postgres(pg_engine):
    Base.metadata.create_all(pg_engine)
    assert set(inspect(pg_engine).get_table_names()) == set(Base.metadata.tables)
    with Session(pg_engine) as session, session.begin():
        demo.seed_demo(session, NOW)
    with Session(pg_engine) as session, session.begin():
        demo.seed_demo(session, NOW)  # idempotent
    with Session(pg_engine) as session:
        assert session.scalar(select(func.count()).select_from(Asset)) == 50
        procedure = session.scalars(
            select(LotoProcedure).where(LotoProcedure.code == "LOTO-STGO-003")
        ).one()
        assert [s.energy_type for s in procedure.energy_sources] == [
            EnergyType.ELECTRICAL,
            EnergyType.HYDRAULIC,
            EnergyType.GRAVITATIONAL,
        ]
        assert procedure.last_inspected_at.tzinfo is UTC
        matrix = session.scalars(select(RiskMatrix)).one()
        assert matrix.cells[4][4] == "extreme"
        high = session.scalars(
            select(ServiceTicket).where(ServiceTicket.risk_level == RiskLevel.HIGH)
        ).all()
        assert len(high) == 4
        expired = session.scalars(
            select(UserTrainingProgress).where(UserTrainingProgress.certificate_expires_at < NOW)
        ).one()
        assert expired.status is TrainingStatus.PASSED
        assert session.scalar(select(func.count()).select_from(EnergySource)) == 98
