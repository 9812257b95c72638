"""ESG use cases: record a consumption reading and turn it into CO2e by scope."""

from __future__ import annotations

import statistics
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ker_field.domain.decision import Reason, check, define
from ker_field.domain.enums import EmissionScope
from ker_field.domain.models import ConsumptionReading, EmissionFactor, Local
from ker_field.domain.rules import esg as rules
from ker_field.domain.scopes import site_scope
from ker_field.services.context import ServiceContext, get_or_raise, require, wire
from sync.protocol import MutationName

NO_FACTOR = define(
    "esg.no_factor",
    es="No hay factor de emisión para «{resource}».",
    en="There is no emission factor for '{resource}'.",
)


@dataclass(frozen=True)
class ReadingView:
    id: uuid.UUID
    resource_name: str
    quantity: float
    unit: str
    co2e_kg: float
    scope: EmissionScope
    warnings: tuple[Reason, ...]


def record_reading(
    ctx: ServiceContext,
    resource_name: str,
    quantity: float,
    unit: str,
    period_start: date,
    period_end: date,
    confirmed: bool = False,
) -> ReadingView:
    """Record a meter reading; an outlier (> 10x the site's median) needs ``confirmed``."""
    now = ctx.now()
    with ctx.store.transaction() as session:
        site = get_or_raise(session, Local, ctx.site_id)
        factor = session.scalar(
            select(EmissionFactor).where(
                EmissionFactor.tenant_id == site.tenant_id,
                EmissionFactor.resource_name == resource_name,
                EmissionFactor.deleted.is_(False),
            )
        )
        require(check(factor is not None, NO_FACTOR, resource=resource_name))
        assert factor is not None
        history = list(
            session.scalars(
                select(ConsumptionReading.quantity).where(
                    ConsumptionReading.site_id == site.id,
                    ConsumptionReading.resource_name == resource_name,
                    ConsumptionReading.deleted.is_(False),
                )
            )
        )
        median = statistics.median(history) if history else None
        decision = require(
            rules.check_period(period_start, period_end)
            & rules.check_reading(resource_name, quantity, unit, factor.unit, median, confirmed)
        )
        emission = rules.emissions(quantity, factor.co2_factor, factor.emission_scope)
        row = ConsumptionReading(
            id=uuid.uuid4(),
            tenant_id=site.tenant_id,
            scope=site_scope(site.id),
            site_id=site.id,
            emission_factor_id=factor.id,
            resource_name=resource_name,
            quantity=quantity,
            unit=factor.unit,
            period_start=period_start,
            period_end=period_end,
            co2e_kg=emission.co2e_kg,
            emission_scope=emission.scope,
            recorded_by_id=ctx.actor.user_id,
            device_time=now,
        )
        session.add(row)
        args = {
            "id": row.id,
            "emission_factor_id": factor.id,
            "resource_name": resource_name,
            "quantity": quantity,
            "unit": unit,
            "period_start": period_start,
            "period_end": period_end,
            "confirmed": confirmed,
        }
        ctx.enqueue(session, MutationName.ESG_RECORD_READING, {k: wire(v) for k, v in args.items()})
        return ReadingView(
            row.id,
            resource_name,
            quantity,
            factor.unit,
            emission.co2e_kg,
            emission.scope,
            decision.warnings,
        )
