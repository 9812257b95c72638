"""Gate use cases: check visitors in and out (invite or walk-in), sign NDAs, the roll call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType
from ker_field.domain.models import AccessLog
from ker_field.domain.operations import visitors as ops
from ker_field.domain.rules.rut import mask_rut
from ker_field.services.context import ServiceContext
from ker_field.store.local import enqueue_blob
from sync.protocol import MutationName, SignNdaArgs, VisitorAccessArgs


@dataclass(frozen=True)
class WalkIn:
    """A guard's manual entry of someone without an invite."""

    name: str
    rut: str
    company: str | None
    access_type: AccessType
    host_user_id: uuid.UUID | None = None
    id_photo_sha256: str | None = None


@dataclass(frozen=True)
class AccessReceipt:
    visit_id: uuid.UUID
    log_id: uuid.UUID
    person_name: str
    direction: AccessDirection
    access_type: AccessType
    at: datetime


@dataclass(frozen=True)
class OnSite:
    visit_id: uuid.UUID
    person_name: str
    rut_masked: str | None
    company: str | None
    access_type: AccessType
    since: datetime
    invite_id: uuid.UUID | None


def _record(ctx: ServiceContext, args: VisitorAccessArgs) -> AccessReceipt:
    with ctx.store.transaction() as session:
        log = ops.access(ctx.op(session), **args.operation_kwargs())
        if log.id_photo_sha256:
            enqueue_blob(session, ctx.store.blobs, log.id_photo_sha256, "image/jpeg")
        ctx.enqueue(session, MutationName.VISITOR_ACCESS, args, device_time=log.device_time)
        return AccessReceipt(
            log.visit_id, log.id, log.person_name, log.direction, log.access_type, log.device_time
        )


def check_in_visitor(
    ctx: ServiceContext,
    gate: str,
    *,
    invite_id: uuid.UUID | None = None,
    walk_in: WalkIn | None = None,
    method: AccessMethod | None = None,
) -> AccessReceipt:
    """Let a person in: with an invite (QR or roster) or as a guard's manual entry."""
    if (invite_id is None) == (walk_in is None):
        raise ValueError("give exactly one of invite_id or walk_in")
    common = {"id": uuid.uuid4(), "visit_id": uuid.uuid4(), "direction": AccessDirection.IN}
    if invite_id is not None:
        args = VisitorAccessArgs(
            **common, method=method or AccessMethod.QR, gate=gate, invite_id=invite_id
        )
    else:
        assert walk_in is not None
        args = VisitorAccessArgs(
            **common,
            method=method or AccessMethod.MANUAL,
            gate=gate,
            access_type=walk_in.access_type,
            person_name=walk_in.name,
            person_rut=walk_in.rut,
            company=walk_in.company,
            host_user_id=walk_in.host_user_id,
            id_photo_sha256=walk_in.id_photo_sha256,
        )
    return _record(ctx, args)


def check_out_visitor(
    ctx: ServiceContext, visit_id: uuid.UUID, gate: str, method: AccessMethod = AccessMethod.ROSTER
) -> AccessReceipt:
    args = VisitorAccessArgs(
        id=uuid.uuid4(), visit_id=visit_id, direction=AccessDirection.OUT, method=method, gate=gate
    )
    return _record(ctx, args)


def sign_nda(
    ctx: ServiceContext,
    *,
    signer_name: str,
    signer_rut: str | None,
    document_version: str,
    document_sha256: str,
    signature_sha256: str,
    invite_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Record an NDA signed on screen; the signature image is a blob already stored."""
    args = SignNdaArgs(
        id=uuid.uuid4(),
        invite_id=invite_id,
        signer_name=signer_name,
        signer_rut=signer_rut,
        document_version=document_version,
        document_sha256=document_sha256,
        signature_sha256=signature_sha256,
    )
    with ctx.store.transaction() as session:
        nda = ops.sign_nda(ctx.op(session), **args.operation_kwargs())
        enqueue_blob(session, ctx.store.blobs, signature_sha256, "image/png")
        ctx.enqueue(session, MutationName.VISITOR_SIGN_NDA, args)
        return nda.id


def people_on_site(ctx: ServiceContext) -> list[OnSite]:
    """Who is inside now, by the gate log: the roll call, available offline."""
    with ctx.store.sessions() as session:
        visits: dict[uuid.UUID, list[AccessLog]] = {}
        for log in ops.visit_logs(session, AccessLog.site_id == ctx.site_id):
            visits.setdefault(log.visit_id, []).append(log)
        result = [
            OnSite(
                visit_id=visit_id,
                person_name=logs[0].person_name,
                rut_masked=mask_rut(logs[0].person_rut) if logs[0].person_rut else None,
                company=logs[0].company,
                access_type=logs[0].access_type,
                since=logs[-1].device_time,
                invite_id=logs[0].invite_id,
            )
            for visit_id, logs in visits.items()
            if ops.inside(logs)
        ]
    return sorted(result, key=lambda person: person.since)
