"""Work permits over REST: request and move through the permit state machine with the same
domain operations (and so the same rules) a device's pushed mutation runs."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from ker_field.domain.decision import define
from ker_field.domain.enums import EquipmentHandback, PermitHazard, PermitStatus
from ker_field.domain.models import WorkPermit
from ker_field.domain.operations import permits
from sync.protocol import PermitRequestArgs, PermitTransitionArgs
from sync.server.deps import DB, Caller, State
from sync.server.errors import ApiError
from sync.server.rest_core import WRITE_ERRORS, Instant, Text
from sync.server.rest_resources import TICKETS, WORK_PERMITS

router = APIRouter(tags=["work permits"])

PERMIT_EXISTS = define(
    "permit.already_exists",
    es="La orden de trabajo ya tiene un permiso.",
    en="The work order already has a permit.",
)


class PermitRequestBody(BaseModel):
    """Request a permit for a ticket; the risk level comes from the tenant's risk matrix."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID = Field(default_factory=uuid.uuid4, description="Client-made id (optional).")
    ticket_id: uuid.UUID
    risk_assessment: Text
    likelihood: int = Field(ge=1, le=5)
    severity: int = Field(ge=1, le=5)
    valid_from: Instant
    valid_to: Instant
    hazards: list[PermitHazard] = Field(default_factory=list, max_length=len(PermitHazard))
    controls: Text = ""


class CloseBody(BaseModel):
    """Closing a permit whose work started states how the equipment is handed back."""

    model_config = ConfigDict(extra="forbid")

    handback_state: EquipmentHandback | None = None
    handback_note: Text | None = None


class RejectBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Text


def _transition(
    who: Caller,
    session: DB,
    server: State,
    request: Request,
    ident: uuid.UUID,
    target: PermitStatus,
    reason: str | None = None,
    close: CloseBody | None = None,
) -> Any:
    permit = WORK_PERMITS.find(session, who, ident)
    args = PermitTransitionArgs(
        id=permit.id,
        target=target,
        reason=reason,
        handback_state=close.handback_state if close else None,
        handback_note=close.handback_note if close else None,
    )
    return WORK_PERMITS.write(
        session,
        who,
        server,
        request,
        permit.site_id,
        lambda oc: permits.transition(oc, **args.operation_kwargs()),
    )


@router.post(
    "/work-permits",
    status_code=201,
    response_model=WORK_PERMITS.out_model,
    responses=WRITE_ERRORS,
    summary="Request a work permit",
)
def request_permit(
    body: PermitRequestBody, who: Caller, session: DB, server: State, request: Request
) -> Any:
    ticket = TICKETS.find(session, who, body.ticket_id)
    if session.scalar(select(WorkPermit.id).where(WorkPermit.ticket_id == ticket.id)):
        raise ApiError(409, PERMIT_EXISTS)
    args = PermitRequestArgs.model_validate(body.model_dump())
    return WORK_PERMITS.write(
        session,
        who,
        server,
        request,
        ticket.site_id,
        lambda oc: permits.request(oc, **args.operation_kwargs()),
    )


@router.post(
    "/work-permits/{id}/reject",
    response_model=WORK_PERMITS.out_model,
    responses=WRITE_ERRORS,
    summary="Reject a requested work permit, with a reason",
)
def reject_permit(
    id: uuid.UUID, body: RejectBody, who: Caller, session: DB, server: State, request: Request
) -> Any:
    return _transition(who, session, server, request, id, PermitStatus.REJECTED, body.reason)


@router.post(
    "/work-permits/{id}/close",
    response_model=WORK_PERMITS.out_model,
    responses=WRITE_ERRORS,
    summary="Close a work permit, with the equipment's hand-back state once work started",
)
def close_permit(
    id: uuid.UUID,
    who: Caller,
    session: DB,
    server: State,
    request: Request,
    body: CloseBody | None = None,
) -> Any:
    return _transition(who, session, server, request, id, PermitStatus.CLOSED, close=body)


def _transition_route(target: PermitStatus) -> Callable[..., Any]:
    def move(id: uuid.UUID, who: Caller, session: DB, server: State, request: Request) -> Any:
        return _transition(who, session, server, request, id, target)

    return move


ACTIONS = {
    "approve": PermitStatus.APPROVED,
    "activate": PermitStatus.ACTIVE,
    "suspend": PermitStatus.SUSPENDED,
}
for _action, _target in ACTIONS.items():
    router.add_api_route(
        f"/work-permits/{{id}}/{_action}",
        _transition_route(_target),
        methods=["POST"],
        response_model=WORK_PERMITS.out_model,
        responses=WRITE_ERRORS,
        name=f"{_action}_work_permit",
        summary=f"Move a work permit to {_target.value}",
    )
