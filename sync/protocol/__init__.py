"""The wire contract between the device and the central server (pydantic v2).

Shared by ``sync.client`` and ``sync.server``; see DESIGN.md "Sync protocol".
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mutation(WireModel):
    """One intent mutation from a device's outbox."""

    mutation_id: uuid.UUID
    device_id: str = Field(min_length=1, max_length=64)
    device_seq: int = Field(ge=1)
    name: str = Field(min_length=1, max_length=64)
    args: dict[str, Any]
    base_version: int | None = None
    device_time: AwareDatetime
    site_id: uuid.UUID | None = None  # the site the person acted at


class PushRequest(WireModel):
    mutations: list[Mutation] = Field(max_length=500)


class MutationStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    RETRY = "retry"


class MutationResult(WireModel):
    mutation_id: uuid.UUID
    status: MutationStatus
    version: int | None = None
    code: str | None = None
    message: str | None = None
    server_row: dict[str, Any] | None = None
    server_time: AwareDatetime | None = None


class PushResponse(WireModel):
    results: list[MutationResult]
    server_time: AwareDatetime


class ChangeOp(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class Change(WireModel):
    seq: int
    scope: str
    entity: str
    id: uuid.UUID
    op: ChangeOp
    row: dict[str, Any] | None = None


class PullResponse(WireModel):
    scope: str
    changes: list[Change]
    next_cursor: int
    has_more: bool
    remaining: int
    reset: bool = False  # cursor too old: the client must take a snapshot (keeping its outbox)
    server_time: datetime


# Names of the mutations the services write; the server dispatches on them.
class MutationName(StrEnum):
    LOTO_RECORD_STEP = "loto.record_step"
    PERMIT_REQUEST = "permit.request"
    PERMIT_TRANSITION = "permit.transition"
    VISITOR_ACCESS = "visitor.access"
    VISITOR_SIGN_NDA = "visitor.sign_nda"
    TRAINING_START_MODULE = "training.start_module"
    TRAINING_SUBMIT_ATTEMPT = "training.submit_attempt"
    HANDOVER_ADD = "handover.add"
    HANDOVER_ACKNOWLEDGE = "handover.acknowledge"
    ESG_RECORD_READING = "esg.record_reading"
    AUDIT_START = "audit.start"
    AUDIT_ANSWER = "audit.answer"
    AUDIT_COMPLETE = "audit.complete"
    VISITOR_RESOLVE_ANOMALY = "visitor.resolve_anomaly"


from sync.protocol.mutations import (  # noqa: E402 (after MutationName, which they pair with)
    Args,
    AuditAnswerArgs,
    AuditCompleteArgs,
    AuditStartArgs,
    HandoverAcknowledgeArgs,
    HandoverAddArgs,
    LotoStepArgs,
    PermitRequestArgs,
    PermitTransitionArgs,
    RecordReadingArgs,
    ResolveAnomalyArgs,
    SignNdaArgs,
    StartModuleArgs,
    SubmitAttemptArgs,
    VisitorAccessArgs,
)

MUTATION_ARGS: dict[MutationName, type[Args]] = {
    MutationName.LOTO_RECORD_STEP: LotoStepArgs,
    MutationName.PERMIT_REQUEST: PermitRequestArgs,
    MutationName.PERMIT_TRANSITION: PermitTransitionArgs,
    MutationName.VISITOR_ACCESS: VisitorAccessArgs,
    MutationName.VISITOR_SIGN_NDA: SignNdaArgs,
    MutationName.TRAINING_START_MODULE: StartModuleArgs,
    MutationName.TRAINING_SUBMIT_ATTEMPT: SubmitAttemptArgs,
    MutationName.HANDOVER_ADD: HandoverAddArgs,
    MutationName.HANDOVER_ACKNOWLEDGE: HandoverAcknowledgeArgs,
    MutationName.ESG_RECORD_READING: RecordReadingArgs,
    MutationName.AUDIT_START: AuditStartArgs,
    MutationName.AUDIT_ANSWER: AuditAnswerArgs,
    MutationName.AUDIT_COMPLETE: AuditCompleteArgs,
    MutationName.VISITOR_RESOLVE_ANOMALY: ResolveAnomalyArgs,
}

__all__ = [
    "MUTATION_ARGS",
    "Args",
    "AuditAnswerArgs",
    "AuditCompleteArgs",
    "AuditStartArgs",
    "Change",
    "ChangeOp",
    "HandoverAcknowledgeArgs",
    "HandoverAddArgs",
    "LotoStepArgs",
    "Mutation",
    "MutationName",
    "MutationResult",
    "MutationStatus",
    "PermitRequestArgs",
    "PermitTransitionArgs",
    "PullResponse",
    "PushRequest",
    "PushResponse",
    "RecordReadingArgs",
    "ResolveAnomalyArgs",
    "SignNdaArgs",
    "StartModuleArgs",
    "SubmitAttemptArgs",
    "VisitorAccessArgs",
    "WireModel",
]
