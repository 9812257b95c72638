"""The read side of the REST API: every collection the seed names, described once each."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.enums import TrainingStatus
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
    SustainabilityGoal,
    TrainingModule,
    TrainingQuiz,
    UserTrainingProgress,
    VisitorInvite,
    VisitorNDA,
    WorkPermit,
)
from ker_field.domain.operations.training import progress_facts
from ker_field.domain.rules.training import effective_status
from sync.server.rest_core import Resource, column_keys, entity_model

ENERGY_SOURCE_FIELDS = column_keys(EnergySource, exclude=("tenant_id", "procedure_id"))
EnergySourceOut = entity_model(EnergySource, "EnergySourceOut", ("tenant_id", "procedure_id"))

# Keys a question must never carry to a client: answer keys live in the server's QuizKey.
ANSWER_KEYS = frozenset(
    {"answer", "answers", "correct", "correct_answer", "correct_answers", "key", "solution"}
)


def energy_sources(session: Session, procedures: list[Any]) -> dict[uuid.UUID, dict[str, Any]]:
    """Each procedure's energy sources, in order, for a whole page in one query."""
    ids = [procedure.id for procedure in procedures]
    grouped: dict[uuid.UUID, list[dict[str, Any]]] = {ident: [] for ident in ids}
    rows = session.scalars(
        select(EnergySource)
        .where(EnergySource.procedure_id.in_(ids), EnergySource.deleted.is_(False))
        .order_by(EnergySource.procedure_id, EnergySource.position)
    )
    for source in rows:
        grouped[source.procedure_id].append({k: getattr(source, k) for k in ENERGY_SOURCE_FIELDS})
    return {ident: {"energy_sources": sources} for ident, sources in grouped.items()}


def questions_only(quiz: TrainingQuiz, now: datetime) -> dict[str, Any]:
    questions = [
        {k: v for k, v in q.items() if k not in ANSWER_KEYS} if isinstance(q, dict) else q
        for q in quiz.questions
    ]
    return {"questions": questions}


def progress_status(progress: UserTrainingProgress, now: datetime) -> dict[str, Any]:
    """The status as of now: a passed certificate past its expiry reads ``expired``."""
    return {"effective_status": effective_status(progress_facts(progress), now)}


PROCEDURE_SITE = select(Asset.site_id).where(Asset.id == LotoProcedure.asset_id).scalar_subquery()

SITES = Resource("/sites", Local, tag="sites", site=Local.id)
ASSETS = Resource(
    "/assets", Asset, tag="assets", site=Asset.site_id, filters=(Asset.category, Asset.qr_code)
)
TICKETS = Resource(
    "/tickets",
    ServiceTicket,
    tag="tickets",
    site=ServiceTicket.site_id,
    filters=(ServiceTicket.asset_id, ServiceTicket.risk_level, ServiceTicket.assigned_to_id),
)
RISK_MATRICES = Resource("/risk-matrices", RiskMatrix, tag="hse")
LOTO_PROCEDURES = Resource(
    "/loto-procedures",
    LotoProcedure,
    tag="hse",
    site=PROCEDURE_SITE,
    filters=(LotoProcedure.asset_id,),
    extra_fields={"energy_sources": list.__class_getitem__(EnergySourceOut)},
    attach=energy_sources,
)
LOTO_LOGS = Resource(
    "/loto-logs",
    LotoLog,
    tag="hse",
    site=LotoLog.site_id,
    filters=(LotoLog.lockout_id, LotoLog.asset_id, LotoLog.ticket_id, LotoLog.event),
)
WORK_PERMITS = Resource(
    "/work-permits",
    WorkPermit,
    tag="work permits",
    site=WorkPermit.site_id,
    filters=(WorkPermit.ticket_id, ("risk_level", WorkPermit.calculated_risk_level)),
)
TRAINING_MODULES = Resource(
    "/training/modules",
    TrainingModule,
    tag="training",
    filters=(("category", TrainingModule.required_for_asset_category),),
)
TRAINING_QUIZZES = Resource(
    "/training/quizzes",
    TrainingQuiz,
    tag="training",
    filters=(TrainingQuiz.module_id,),
    derive=questions_only,
)
TRAINING_PROGRESS = Resource(
    "/training/progress",
    UserTrainingProgress,
    tag="training",
    person=UserTrainingProgress.user_id,
    filters=(UserTrainingProgress.user_id, UserTrainingProgress.module_id),
    extra_fields={"effective_status": TrainingStatus},
    derive=progress_status,
)
VISITOR_INVITES = Resource(
    "/visitors/invites",
    VisitorInvite,
    tag="visitors",
    site=VisitorInvite.site_id,
    filters=(VisitorInvite.access_type,),
    personal_data=("visitor_rut",),
    secrets=("qr_token",),
)
VISITOR_NDAS = Resource(
    "/visitors/ndas",
    VisitorNDA,
    tag="visitors",
    site=VisitorNDA.site_id,
    filters=(VisitorNDA.invite_id,),
    personal_data=("signer_rut",),
)
ACCESS_LOGS = Resource(
    "/access-logs",
    AccessLog,
    tag="visitors",
    site=AccessLog.site_id,
    filters=(AccessLog.visit_id, AccessLog.invite_id, AccessLog.direction, AccessLog.access_type),
    personal_data=("person_rut",),
)
SHIFT_HANDOVERS = Resource(
    "/shift-handovers",
    ShiftHandover,
    tag="handovers",
    site=ShiftHandover.site_id,
    filters=(ShiftHandover.from_user_id, ShiftHandover.to_user_id),
)
QUALITY_AUDITS = Resource(
    "/quality-audits",
    QualityAudit,
    tag="quality",
    site=QualityAudit.site_id,
    filters=(QualityAudit.standard,),
)
EMISSION_FACTORS = Resource(
    "/emission-factors",
    EmissionFactor,
    tag="esg",
    filters=(EmissionFactor.emission_scope, EmissionFactor.resource_name),
)
SUSTAINABILITY_GOALS = Resource(
    "/sustainability-goals",
    SustainabilityGoal,
    tag="esg",
    site=SustainabilityGoal.site_id,
    site_optional=True,  # a goal without a site is the whole tenant's
    filters=(SustainabilityGoal.year,),
)

RESOURCES = (
    SITES,
    ASSETS,
    TICKETS,
    RISK_MATRICES,
    LOTO_PROCEDURES,
    LOTO_LOGS,
    WORK_PERMITS,
    TRAINING_MODULES,
    TRAINING_QUIZZES,
    TRAINING_PROGRESS,
    VISITOR_INVITES,
    VISITOR_NDAS,
    ACCESS_LOGS,
    SHIFT_HANDOVERS,
    QUALITY_AUDITS,
    EMISSION_FACTORS,
    SUSTAINABILITY_GOALS,
)


def read_router() -> APIRouter:
    router = APIRouter()
    for resource in RESOURCES:
        resource.register(router)
    return router
