"""The arguments of each intent mutation: written by the device's services into the outbox,
parsed by the server, and passed to the same domain operation on both sides."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from ker_field.domain.enums import (
    AccessDirection,
    AccessMethod,
    AccessType,
    AuditResult,
    EquipmentHandback,
    FindingSeverity,
    LotoEvent,
    PermitHazard,
    PermitStatus,
)

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Short = Annotated[str, StringConstraints(max_length=255)]
Text = Annotated[str, StringConstraints(max_length=4000)]


class Args(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def operation_kwargs(self) -> dict[str, Any]:
        """The typed values, as keyword arguments of the domain operation."""
        return {name: getattr(self, name) for name in type(self).model_fields}


class LotoStepArgs(Args):
    id: uuid.UUID
    lockout_id: uuid.UUID
    event: LotoEvent
    asset_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    energy_source_id: uuid.UUID | None = None
    lock_serial: Annotated[str, StringConstraints(max_length=64)] | None = None
    lock_ref_id: uuid.UUID | None = None
    photo_sha256: Sha256 | None = None
    area_clear: bool | None = None
    people_notified: bool | None = None
    applier_absent_verified: bool | None = None
    contact_attempt: Text | None = None
    applier_informed: bool | None = None
    # The recording device's evidence chain: the hash of the previous entry for the asset
    # and this entry's hash (see ker_field.domain.rules.loto_chain); the server compares.
    prev_hash: Sha256 | None = None
    entry_hash: Sha256 | None = None


class PermitRequestArgs(Args):
    id: uuid.UUID
    ticket_id: uuid.UUID
    risk_assessment: Text
    likelihood: int
    severity: int
    valid_from: AwareDatetime
    valid_to: AwareDatetime
    hazards: list[PermitHazard] = Field(default_factory=list, max_length=len(PermitHazard))
    controls: Text = ""


class PermitTransitionArgs(Args):
    id: uuid.UUID
    target: PermitStatus
    reason: Text | None = None
    handback_state: EquipmentHandback | None = None
    handback_note: Text | None = None
    # An approval signed by this supervisor with their password on the pushing device, in
    # another person's session. The server re-checks who they are (see sync.server.push).
    cosigned_by: uuid.UUID | None = None


class VisitorAccessArgs(Args):
    id: uuid.UUID
    visit_id: uuid.UUID
    direction: AccessDirection
    method: AccessMethod
    gate: Annotated[str, StringConstraints(max_length=64)]
    invite_id: uuid.UUID | None = None
    access_type: AccessType | None = None
    person_name: Short | None = None
    person_rut: Annotated[str, StringConstraints(max_length=16)] | None = None
    company: Short | None = None
    host_user_id: uuid.UUID | None = None
    id_photo_sha256: Sha256 | None = None
    # The scanned invite token (entries by QR): the server checks its signature again.
    token: Annotated[str, StringConstraints(max_length=1024)] | None = None


class ResolveAnomalyArgs(Args):
    id: uuid.UUID
    resolution: Text


class SignNdaArgs(Args):
    id: uuid.UUID
    invite_id: uuid.UUID | None = None
    signer_name: Short
    signer_rut: Annotated[str, StringConstraints(max_length=16)] | None = None
    document_version: Annotated[str, StringConstraints(max_length=32)]
    document_sha256: Sha256
    signature_sha256: Sha256


class StartModuleArgs(Args):
    module_id: uuid.UUID


class SubmitAttemptArgs(Args):
    id: uuid.UUID
    quiz_id: uuid.UUID
    answers: dict[str, Any]
    started_at: AwareDatetime


class HandoverAddArgs(Args):
    id: uuid.UUID
    notes: Text
    flagged_items: list[Short] = Field(default_factory=list, max_length=50)
    to_user_id: uuid.UUID | None = None
    snapshot: dict[str, Any] = Field(default_factory=dict)


class HandoverAcknowledgeArgs(Args):
    id: uuid.UUID


class RecordReadingArgs(Args):
    id: uuid.UUID
    resource_name: Annotated[str, StringConstraints(max_length=64)]
    quantity: float
    unit: Annotated[str, StringConstraints(max_length=16)]
    period_start: date
    period_end: date
    confirmed: bool = False


class AuditStartArgs(Args):
    id: uuid.UUID
    template_id: uuid.UUID


class AuditAnswerArgs(Args):
    id: uuid.UUID  # the audit
    key: Annotated[str, StringConstraints(max_length=64)]
    result: AuditResult | None
    note: Text = ""
    photos: list[Sha256] = Field(default_factory=list, max_length=5)
    severity: FindingSeverity | None = None
    open_ticket: bool = False


class AuditCompleteArgs(Args):
    id: uuid.UUID
