"""Gate use cases: scan an invite and get a verdict, check visitors in and out (invite or
walk-in), sign NDAs, the roll call with its export, gate anomalies found after sync."""

from __future__ import annotations

import csv
import hashlib
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from ker_field.domain.decision import Decision, RuleViolation, check, define
from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType, UserRole
from ker_field.domain.invite_token import InvitePayload, verify_invite_token
from ker_field.domain.models import AccessLog, GateAnomaly, Local, Tenant, User, VisitorInvite
from ker_field.domain.operations import visitors as ops
from ker_field.domain.rules import visitors as rules
from ker_field.domain.rules.rut import format_rut, mask_rut
from ker_field.services.context import ServiceContext
from ker_field.services.loto import active_locks
from ker_field.store.local import enqueue_blob
from sync.protocol import MutationName, ResolveAnomalyArgs, SignNdaArgs, VisitorAccessArgs

INVITE_NOT_ON_DEVICE = define(
    "visitor.invite_not_on_device",
    es="La invitación es auténtica pero aún no llega a este equipo: sincronice o regístrela "
    "como visita sin invitación.",
    en="The invitation is genuine but has not reached this device yet: sync, or register "
    "the person as a walk-in.",
)


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


class Outcome(StrEnum):
    """What the gate shows after a scan."""

    ADMITTED = "admitted"  # green: checked in
    RELEASED = "released"  # green: checked out
    NDA_REQUIRED = "nda_required"  # amber: sign the NDA, then admit
    REFUSED = "refused"  # red, with the reason


class NdaState(StrEnum):
    NOT_REQUIRED = "not_required"
    SIGNED = "signed"
    REQUIRED = "required"


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    decision: Decision = field(default_factory=Decision)
    invite_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None  # the visit admitted, released, or already inside
    person_name: str | None = None
    person_rut: str | None = None  # full RUT: the guard's screen only
    company: str | None = None
    host_name: str | None = None
    access_type: AccessType | None = None
    nda: NdaState = NdaState.NOT_REQUIRED
    token: str | None = None
    verify_seconds: float = 0.0  # the signature check alone

    @property
    def green(self) -> bool:
        return self.outcome in (Outcome.ADMITTED, Outcome.RELEASED)

    @property
    def codes(self) -> tuple[str, ...]:
        return self.decision.codes


def _refused(decision: Decision, **facts: object) -> Verdict:
    return Verdict(Outcome.REFUSED, decision, **facts)  # type: ignore[arg-type]


def tenant_public_key(ctx: ServiceContext) -> str:
    with ctx.store.sessions() as session:
        tenant = session.get(Tenant, ctx.tenant_id)
        return (tenant.invite_public_key if tenant else None) or ""


def verify_token(token: str, public_key: str) -> tuple[InvitePayload | str, float]:
    """The token's payload (or refusal code) and how long the signature check took."""
    start = time.perf_counter()
    verified = verify_invite_token(token, public_key)
    return verified, time.perf_counter() - start


def scan_invite(
    ctx: ServiceContext,
    token: str,
    gate: str,
    direction: AccessDirection = AccessDirection.IN,
    public_key: str | None = None,
) -> Verdict:
    """A code read at the gate: verified offline with the tenant's public key, then the
    visitor is let in (or out, at an exit scan) when the rules allow; otherwise the reason."""
    key = public_key if public_key is not None else tenant_public_key(ctx)
    verified, spent = verify_token(token, key)
    if isinstance(verified, str):
        return _refused(check(False, verified), verify_seconds=spent)
    facts: dict[str, object] = {"invite_id": verified.invite_id, "verify_seconds": spent}
    if verified.site_id != ctx.site_id:
        return _refused(check(False, rules.OTHER_SITE), **facts)
    return _decide(ctx, verified.invite_id, gate, direction, token, facts, verified)


def admit_invite(
    ctx: ServiceContext,
    invite_id: uuid.UUID,
    gate: str,
    direction: AccessDirection = AccessDirection.IN,
) -> Verdict:
    """The guard picks an expected visitor from the list (no code to scan): the same
    verdict, recorded as a roster entry."""
    return _decide(ctx, invite_id, gate, direction, None, {"invite_id": invite_id}, None)


def _decide(
    ctx: ServiceContext,
    invite_id: uuid.UUID,
    gate: str,
    direction: AccessDirection,
    token: str | None,
    facts: dict[str, object],
    verified: InvitePayload | None,
) -> Verdict:
    method = AccessMethod.QR if token else AccessMethod.ROSTER
    with ctx.store.sessions() as session:
        invite = session.get(VisitorInvite, invite_id)
        if invite is None or invite.deleted:
            if verified is None:
                return _refused(check(False, INVITE_NOT_ON_DEVICE), **facts)
            window = rules.InviteFacts(
                verified.site_id, rules.V.INVITED, verified.valid_from, verified.valid_to
            )
            refusal = rules.check_invite(window, ctx.site_id, ctx.now())
            if refusal.allowed:
                refusal = check(False, INVITE_NOT_ON_DEVICE)
            return _refused(refusal, **facts)
        host = session.get(User, invite.host_user_id) if invite.host_user_id else None
        site = session.get(Local, ctx.site_id)
        assert site is not None
        now = ctx.now()
        nda = NdaState.NOT_REQUIRED
        if rules.needs_nda(site.requires_nda, invite.access_type):
            signed = ops.nda_decision(
                session, site, invite.access_type, invite.id, invite.visitor_rut, now
            )
            nda = NdaState.SIGNED if signed.allowed else NdaState.REQUIRED
        facts |= {
            "person_name": invite.visitor_name,
            "person_rut": invite.visitor_rut,
            "company": invite.visitor_company,
            "host_name": host.full_name if host else None,
            "access_type": invite.access_type,
            "nda": nda,
            "token": token,
        }
        open_visits = [
            visit
            for visit, logs in _visits(session, AccessLog.invite_id == invite.id).items()
            if ops.inside(logs)
        ]
        cancelled = invite.status is rules.V.CANCELLED
    if direction is AccessDirection.OUT:
        if not open_visits:
            name = str(facts["person_name"])
            if cancelled:
                return _refused(check(False, rules.CANCELLED), **facts)
            return _refused(check(False, rules.NOT_INSIDE, name=name), **facts)
        facts["visit_id"] = open_visits[-1]
        try:
            check_out_visitor(ctx, open_visits[-1], gate, method)
        except RuleViolation as refused:
            return _refused(refused.decision, **facts)
        return Verdict(Outcome.RELEASED, **facts)  # type: ignore[arg-type]
    if open_visits:
        facts["visit_id"] = open_visits[-1]
    try:
        receipt = check_in_visitor(ctx, gate, invite_id=invite_id, token=token)
    except RuleViolation as refused:
        if refused.decision.codes == (rules.NDA_REQUIRED,):
            return Verdict(Outcome.NDA_REQUIRED, refused.decision, **facts)  # type: ignore[arg-type]
        return _refused(refused.decision, **facts)
    facts["visit_id"] = receipt.visit_id
    return Verdict(Outcome.ADMITTED, **facts)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Expected:
    """An invite valid now at this site whose visitor is not inside."""

    invite_id: uuid.UUID
    name: str
    company: str | None
    access_type: AccessType
    host_name: str | None
    expected_arrival: datetime | None


def expected_now(ctx: ServiceContext) -> list[Expected]:
    """Who may arrive now (the roster pick when there is no code to scan), by arrival."""
    now = ctx.now()
    with ctx.store.sessions() as session:
        invites = list(
            session.scalars(
                select(VisitorInvite).where(
                    VisitorInvite.site_id == ctx.site_id,
                    VisitorInvite.valid_from <= now,
                    VisitorInvite.valid_to > now,
                    VisitorInvite.status != rules.V.CANCELLED,
                    VisitorInvite.anonymized_at.is_(None),
                    VisitorInvite.deleted.is_(False),
                )
            )
        )
        inside = {
            logs[0].invite_id
            for logs in _visits(session, AccessLog.site_id == ctx.site_id).values()
            if ops.inside(logs)
        }
        hosts = {
            user.id: user.full_name
            for user in session.scalars(
                select(User).where(User.id.in_({i.host_user_id for i in invites if i.host_user_id}))
            )
        }
        rows = [
            Expected(
                invite.id,
                invite.visitor_name,
                invite.visitor_company,
                invite.access_type,
                hosts.get(invite.host_user_id) if invite.host_user_id else None,
                invite.expected_arrival,
            )
            for invite in invites
            if invite.id not in inside
        ]
    return sorted(
        rows, key=lambda row: (row.expected_arrival is None, row.expected_arrival, row.name)
    )


def _visits(session: object, *conditions: object) -> dict[uuid.UUID, list[AccessLog]]:
    visits: dict[uuid.UUID, list[AccessLog]] = {}
    for log in ops.visit_logs(session, *conditions):  # type: ignore[arg-type]
        visits.setdefault(log.visit_id, []).append(log)
    return visits


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
    token: str | None = None,
) -> AccessReceipt:
    """Let a person in: with an invite (its scanned token, or picked from the roster by the
    guard) or as a guard's manual entry."""
    if (invite_id is None) == (walk_in is None):
        raise ValueError("give exactly one of invite_id or walk_in")
    common = {"id": uuid.uuid4(), "visit_id": uuid.uuid4(), "direction": AccessDirection.IN}
    if invite_id is not None:
        default = AccessMethod.QR if token else AccessMethod.ROSTER
        args = VisitorAccessArgs(
            **common, method=method or default, gate=gate, invite_id=invite_id, token=token
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


# -- NDA document -------------------------------------------------------------------------

NDA_VERSION = "NDA-2026-01"

NDA_TEXT = {
    "es": (
        "ACUERDO DE CONFIDENCIALIDAD PARA VISITAS ({version})\n\n"
        "1. Toda información técnica, comercial u operativa que vea u oiga durante su visita "
        "es confidencial.\n"
        "2. No tomará fotografías ni grabaciones sin autorización escrita de su anfitrión.\n"
        "3. No divulgará a terceros información de la instalación, sus procesos ni su "
        "personal.\n"
        "4. Seguirá en todo momento las instrucciones de seguridad y a su anfitrión.\n"
        "5. Esta obligación se mantiene por cinco años después de la visita.\n\n"
        "Sus datos personales se usan solo para el control de acceso y se anonimizan al "
        "terminar el plazo de conservación de la instalación (Ley 19.628)."
    ),
    "en": (
        "VISITOR NON-DISCLOSURE AGREEMENT ({version})\n\n"
        "1. Any technical, commercial or operational information you see or hear during "
        "your visit is confidential.\n"
        "2. You will not take photographs or recordings without your host's written "
        "permission.\n"
        "3. You will not disclose information about the site, its processes or its staff "
        "to third parties.\n"
        "4. You will follow the safety instructions and your host at all times.\n"
        "5. This obligation lasts five years after the visit.\n\n"
        "Your personal data is used only for access control and is anonymized when the "
        "site's retention period ends (Law 19.628)."
    ),
}


@dataclass(frozen=True)
class NdaDocument:
    version: str
    text: str
    sha256: str


def nda_document(lang: str) -> NdaDocument:
    """The versioned NDA shown on screen, and the hash the signature binds to."""
    text = NDA_TEXT.get(lang, NDA_TEXT["es"]).format(version=NDA_VERSION)
    return NdaDocument(NDA_VERSION, text, hashlib.sha256(text.encode()).hexdigest())


def sign_nda_on_screen(
    ctx: ServiceContext,
    document: NdaDocument,
    signature_png: bytes,
    signer_name: str,
    signer_rut: str | None,
    invite_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Keep the signature image as a blob and record the NDA bound to the document's hash."""
    if not signature_png.startswith(b"\x89PNG"):
        raise ValueError("the signature is not a PNG image")
    sha = ctx.store.blobs.put(signature_png)
    return sign_nda(
        ctx,
        signer_name=signer_name,
        signer_rut=signer_rut or None,
        document_version=document.version,
        document_sha256=document.sha256,
        signature_sha256=sha,
        invite_id=invite_id,
    )


# -- roll call ----------------------------------------------------------------------------

TECHNICIAN = "technician"  # a roll-call category beside the access types


@dataclass(frozen=True)
class RollCallEntry:
    key: str  # visit id, or the user id of a technician holding locks
    category: str  # an AccessType value, or TECHNICIAN
    name: str
    company: str | None
    rut: str | None  # full: the guard's evacuation list
    since: datetime
    detail: str  # locks held, or the invite / walk-in
    visit_id: uuid.UUID | None = None


def roll_call(ctx: ServiceContext) -> list[RollCallEntry]:
    """Everyone inside now: people through the gate plus technicians with locks on
    (an evacuation must find them). Works on the device's copy, offline."""
    entries: list[RollCallEntry] = []
    with ctx.store.sessions() as session:
        for visit_id, logs in _visits(session, AccessLog.site_id == ctx.site_id).items():
            if not ops.inside(logs):
                continue
            first = logs[0]
            entries.append(
                RollCallEntry(
                    key=str(visit_id),
                    category=first.access_type.value,
                    name=first.person_name,
                    company=first.company,
                    rut=format_rut(first.person_rut) if first.person_rut else None,
                    since=logs[-1].device_time,
                    detail="invite" if first.invite_id else "walk_in",
                    visit_id=visit_id,
                )
            )
        locks = active_locks(ctx)
        holders = {lock.held_by for lock in locks}
        names = (
            {user.id: user for user in session.scalars(select(User).where(User.id.in_(holders)))}
            if holders
            else {}
        )
    by_holder: dict[uuid.UUID, list[str]] = {}
    since: dict[uuid.UUID, datetime] = {}
    for lock in locks:
        by_holder.setdefault(lock.held_by, []).append(f"{lock.asset_name} ({lock.serial})")
        since[lock.held_by] = min(since.get(lock.held_by, lock.applied_at), lock.applied_at)
    for holder, held in by_holder.items():
        user = names.get(holder)
        entries.append(
            RollCallEntry(
                key=str(holder),
                category=TECHNICIAN,
                name=user.full_name if user else str(holder)[:8],
                company=None,
                rut=format_rut(user.rut) if user and user.rut else None,
                since=since[holder],
                detail=", ".join(sorted(held)),
            )
        )
    return sorted(entries, key=lambda entry: (entry.category == TECHNICIAN, entry.since))


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    """The roll call (or any list) as CSV for a spreadsheet, UTF-8 with BOM for Excel."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows(rows)
    tmp.replace(path)
    return path


def write_pdf(
    path: Path, title: str, subtitle: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> Path:
    """A printable list (A4 landscape) with fpdf2's core fonts (Latin-1 text)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from ker_field.domain.pdf_text import pdf_text

    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, pdf_text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, pdf_text(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    with pdf.table(
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        line_height=7,
        text_align="LEFT",
    ) as table:
        table.row([pdf_text(h) for h in headers])
        for values in rows:
            table.row([pdf_text(v) for v in values])
    tmp = path.with_suffix(path.suffix + ".tmp")
    pdf.output(str(tmp))
    tmp.replace(path)
    return path


# -- anomalies ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AnomalyView:
    id: uuid.UUID
    kind: str
    person_name: str
    gates: str
    detected_at: datetime
    invite_id: uuid.UUID | None
    resolved_at: datetime | None
    resolution: str | None


def gate_anomalies(ctx: ServiceContext, include_resolved: bool = False) -> list[AnomalyView]:
    """Anomalies the server found at this site (after sync), newest first."""
    with ctx.store.sessions() as session:
        query = select(GateAnomaly).where(
            GateAnomaly.site_id == ctx.site_id, GateAnomaly.deleted.is_(False)
        )
        if not include_resolved:
            query = query.where(GateAnomaly.resolved_at.is_(None))
        return [
            AnomalyView(
                row.id,
                row.kind,
                row.person_name,
                row.gates,
                row.detected_at,
                row.invite_id,
                row.resolved_at,
                row.resolution,
            )
            for row in session.scalars(query.order_by(GateAnomaly.detected_at.desc()))
        ]


def resolve_anomaly(ctx: ServiceContext, anomaly_id: uuid.UUID, resolution: str) -> None:
    args = ResolveAnomalyArgs(id=anomaly_id, resolution=resolution)
    with ctx.store.transaction() as session:
        before = session.get(GateAnomaly, anomaly_id)
        base_version = before.version if before is not None else None
        ops.resolve_anomaly(ctx.op(session), **args.operation_kwargs())
        ctx.enqueue(session, MutationName.VISITOR_RESOLVE_ANOMALY, args, base_version=base_version)


def gate_facts(ctx: ServiceContext) -> tuple[dict[uuid.UUID, str], bool, int]:
    """What the gate screen needs besides scans: the hosts (people of the tenant who are not
    guards), whether the site asks walk-ins for an ID photo, and the open anomalies."""
    with ctx.store.sessions() as session:
        hosts = {
            u.id: u.full_name
            for u in session.scalars(
                select(User).where(User.tenant_id == ctx.tenant_id, User.role != UserRole.GUARD)
            )
        }
        site = session.get(Local, ctx.site_id)
        photo = bool(site and site.requires_id_photo)
    return hosts, photo, len(gate_anomalies(ctx))
