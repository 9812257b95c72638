"""ESG use cases: record a consumption reading and turn it into CO2e by scope."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from ker_field.domain.decision import Reason
from ker_field.domain.enums import EmissionScope
from ker_field.domain.operations import esg as ops
from ker_field.services.context import ServiceContext
from sync.protocol import MutationName, RecordReadingArgs


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
    args = RecordReadingArgs(
        id=uuid.uuid4(),
        resource_name=resource_name,
        quantity=quantity,
        unit=unit,
        period_start=period_start,
        period_end=period_end,
        confirmed=confirmed,
    )
    with ctx.store.transaction() as session:
        row, decision = ops.record_reading(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.ESG_RECORD_READING, args)
        return ReadingView(
            row.id,
            resource_name,
            quantity,
            row.unit,
            row.co2e_kg,
            row.emission_scope,
            decision.warnings,
        )
