"""ESG operations: a consumption reading turned into CO2e by the resource's factor."""

from __future__ import annotations

import statistics
import uuid
from datetime import date

from sqlalchemy import select

from ker_field.domain.decision import Decision, check, define
from ker_field.domain.models import ConsumptionReading, EmissionFactor, Local
from ker_field.domain.operations import OpContext, get_or_raise, require
from ker_field.domain.rules import esg as rules
from ker_field.domain.rules.common import check_role
from ker_field.domain.scopes import site_scope

MEDIAN_WINDOW = 36  # the site's recent readings of a resource (three years of months)

NO_FACTOR = define(
    "esg.no_factor",
    es="No hay factor de emisión para «{resource}».",
    en="There is no emission factor for '{resource}'.",
)


def record_reading(
    oc: OpContext,
    *,
    id: uuid.UUID,
    resource_name: str,
    quantity: float,
    unit: str,
    period_start: date,
    period_end: date,
    confirmed: bool = False,
) -> tuple[ConsumptionReading, Decision]:
    """Record a meter reading; an outlier (> 10x the site's median) needs ``confirmed``.
    Returns the row and the decision (with its warnings)."""
    require(check_role(oc.actor, "esg"))
    session = oc.session
    if oc.site_id is None:
        raise ValueError("a reading belongs to a site")
    site = get_or_raise(session, Local, oc.site_id)
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
            select(ConsumptionReading.quantity)
            .where(
                ConsumptionReading.site_id == site.id,
                ConsumptionReading.resource_name == resource_name,
                ConsumptionReading.deleted.is_(False),
            )
            .order_by(ConsumptionReading.period_end.desc())
            .limit(MEDIAN_WINDOW)
        )
    )
    median = statistics.median(history) if history else None
    decision = require(
        rules.check_period(period_start, period_end)
        & rules.check_reading(resource_name, quantity, unit, factor.unit, median, confirmed)
    )
    emission = rules.emissions(quantity, factor.co2_factor, factor.emission_scope)
    row = ConsumptionReading(
        id=id,
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
        recorded_by_id=oc.actor.user_id,
        device_time=oc.now,
    )
    session.add(row)
    session.flush()
    return row, decision
