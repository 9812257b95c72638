"""Push: each mutation is re-checked (authentication, role, site scope, the domain rule)
and applied in its own transaction with a dedupe record of its id.

The server calls the same domain operation the device ran; what only the server does
(receipt time on safety facts, grading quizzes, issuing certificates) is added here.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from ker_field.domain.decision import Decision, RuleViolation, check, define
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.labels import Lang
from ker_field.domain.models import Synced, User
from ker_field.domain.operations import (
    NotFound,
    OpContext,
    audits,
    esg,
    handover,
    loto,
    permits,
    training,
    visitors,
)
from ker_field.domain.rules import training as training_rules
from sync.protocol import MUTATION_ARGS, Mutation, MutationName, MutationResult, MutationStatus
from sync.protocol.rows import row_to_json
from sync.server.deps import Principal
from sync.server.tables import CertificateRecord, MutationRecord, QuizKey, RefreshToken

CLOCK_TOLERANCE = timedelta(minutes=5)

UNKNOWN_MUTATION = define(
    "sync.unknown_mutation",
    es="El servidor no conoce la operación «{name}»: actualice la aplicación.",
    en="The server does not know the operation '{name}': update the app.",
)
INVALID_ARGS = define(
    "sync.invalid_mutation",
    es="La operación llegó con datos no válidos y no se aplicó.",
    en="The operation arrived with invalid data and was not applied.",
)
MISSING = define(
    "sync.record_missing",
    es="Falta un registro que la operación necesita ({entity}).",
    en="A record the operation needs is missing ({entity}).",
)
SITE_FORBIDDEN = define(
    "sync.site_forbidden",
    es="La operación es de una instalación que no tiene asignada.",
    en="The operation belongs to a site you are not assigned to.",
)
DEVICE_MISMATCH = define(
    "sync.device_mismatch",
    es="La operación viene de otro equipo que el de la sesión.",
    en="The operation comes from another device than the session's.",
)
COSIGNER_NOT_ON_DEVICE = define(
    "permit.cosigner_not_on_device",
    es="{name} nunca inició sesión en línea en este equipo: su firma en él no se puede comprobar.",
    en="{name} never signed in online on this device: their signature on it cannot be checked.",
)

Handler = Callable[[OpContext, Any, datetime], Synced]


def _loto(oc: OpContext, args: Any, received: datetime) -> Synced:
    """Replay a lockout step; the shared operation re-checks the evidence chain.

    The device sends its ``prev_hash`` and ``entry_hash``; the operation links the step to
    the server's own chain for the asset and, when the device's chain disagrees (another
    device recorded steps on the same asset in parallel, a step of the device was refused,
    the entry was altered, the server's previous entry was edited), keeps the step with a
    ``chain_flag`` reason code (and the device's hash in ``claimed_hash``) instead of
    rejecting it. An auditor wants the whole record: a rejected step would drop the
    evidence of a lock that is physically on a machine, and every later step of that
    device would then break too; a flag keeps the facts, shows exactly where the two chains
    part, and the server's own chain stays unbroken and verifiable from end to end.
    """
    return loto.record_step(oc, **args.operation_kwargs())[0]


def _start_module(oc: OpContext, args: Any, received: datetime) -> Synced:
    return training.start_module(oc, **args.operation_kwargs())[0]


def _submit_attempt(oc: OpContext, args: Any, received: datetime) -> Synced:
    """Grade on the server with the answer key the device never has; a pass issues the
    certificate."""
    attempt, progress, module = training.submit_attempt(oc, **args.operation_kwargs())
    key = oc.session.get(QuizKey, attempt.quiz_id)
    if key is None:
        raise NotFound("QuizKey", attempt.quiz_id)
    correct, total = training_rules.grade_answers(key.answers, attempt.answers)
    score = training_rules.score_percent(correct, total)
    decision, outcome = training_rules.grade_attempt(
        training.module_facts(module), training.progress_facts(progress), score, oc.now
    )
    if outcome is None:
        raise RuleViolation(decision)
    attempt.score, attempt.passed = score, outcome.status is TrainingStatus.PASSED
    progress.status, progress.attempts_count = outcome.status, outcome.attempts_count
    progress.score, progress.last_attempt_at = score, oc.now
    if outcome.passed_at is not None and outcome.certificate_expires_at is not None:
        number = f"KER-{oc.now:%Y}-{secrets.token_hex(4).upper()}"
        progress.passed_at = outcome.passed_at
        progress.certificate_number = number
        progress.certificate_expires_at = outcome.certificate_expires_at
        oc.session.add(
            CertificateRecord(
                number=number,
                verification_code=secrets.token_urlsafe(12),
                tenant_id=module.tenant_id,
                user_id=progress.user_id,
                module_id=module.id,
                progress_id=progress.id,
                issued_at=outcome.passed_at,
                expires_at=outcome.certificate_expires_at,
            )
        )
    return attempt


def _permit_transition(oc: OpContext, args: Any, received: datetime) -> Synced:
    """A permit transition; an approval co-signed on the pushing device is trusted as follows.

    The co-signer typed their password on the tablet, which checked it against the argon2
    verifier it keeps for people who signed in on it; the password never reaches the
    server, so it cannot be checked again here. What the server does check, from its own
    records: the co-signer is an active supervisor (or admin) of the tenant, assigned to
    the permit's site and not its requester (the domain rule, with the co-signer as the
    actor), and has signed in online on this very device before (a refresh token was
    issued to that person and device): only then can the device hold their verifier, so a
    device cannot forge a co-sign for someone who never used it. The record keeps the
    approver, the method (device co-sign), the device and the session's person."""
    if args.cosigned_by is not None:
        signed_in_here = oc.session.scalar(
            select(RefreshToken.id)
            .where(RefreshToken.user_id == args.cosigned_by, RefreshToken.device_id == oc.device_id)
            .limit(1)
        )
        if signed_in_here is None:
            user = oc.session.get(User, args.cosigned_by)
            name = user.full_name if user is not None else str(args.cosigned_by)
            raise RuleViolation(check(False, COSIGNER_NOT_ON_DEVICE, name=name))
    return permits.transition(oc, **args.operation_kwargs())


def _complete_audit(oc: OpContext, args: Any, received: datetime) -> Synced:
    """The score is recomputed here from the answers the server holds."""
    return audits.complete_audit(oc, **args.operation_kwargs())[0]


HANDLERS: dict[MutationName, Handler] = {
    MutationName.LOTO_RECORD_STEP: _loto,
    MutationName.PERMIT_REQUEST: lambda oc, a, r: permits.request(oc, **a.operation_kwargs()),
    MutationName.PERMIT_TRANSITION: _permit_transition,
    # A gate let the person through offline: a second admission of an invite already
    # inside (two gates at once) is kept and flagged to the guards, never merged silently.
    MutationName.VISITOR_ACCESS: lambda oc, a, r: visitors.access(
        oc, **a.operation_kwargs(), admit_double=True
    ),
    MutationName.VISITOR_RESOLVE_ANOMALY: lambda oc, a, r: visitors.resolve_anomaly(
        oc, **a.operation_kwargs()
    ),
    MutationName.VISITOR_SIGN_NDA: lambda oc, a, r: visitors.sign_nda(oc, **a.operation_kwargs()),
    MutationName.TRAINING_START_MODULE: _start_module,
    MutationName.TRAINING_SUBMIT_ATTEMPT: _submit_attempt,
    MutationName.HANDOVER_ADD: lambda oc, a, r: handover.add(oc, **a.operation_kwargs()),
    MutationName.HANDOVER_ACKNOWLEDGE: lambda oc, a, r: handover.acknowledge(
        oc, **a.operation_kwargs()
    ),
    MutationName.ESG_RECORD_READING: lambda oc, a, r: esg.record_reading(
        oc, **a.operation_kwargs()
    )[0],
    # The server replays the auditor's answers and recomputes the score on completion.
    MutationName.AUDIT_START: lambda oc, a, r: audits.start_audit(oc, **a.operation_kwargs())[0],
    MutationName.AUDIT_ANSWER: lambda oc, a, r: audits.answer_item(oc, **a.operation_kwargs())[0],
    MutationName.AUDIT_COMPLETE: _complete_audit,
}


def rule_time(device_time: datetime, received: datetime) -> datetime:
    """Rules judge an action at the time it was done (claimed by the device), never later
    than the server's clock allows."""
    return min(device_time, received + CLOCK_TOLERANCE)


def _rejected(
    mutation: Mutation, decision: Decision, lang: Lang, received: datetime, server_row: Any = None
) -> MutationResult:
    return MutationResult(
        mutation_id=mutation.mutation_id,
        status=MutationStatus.REJECTED,
        code=decision.code,
        message=" ".join(decision.messages(lang)),
        server_row=server_row,
        server_time=received,
    )


def _server_row(session: Session, mutation: Mutation) -> dict[str, Any] | None:
    """The server's current version of the record a rejected mutation touched, if any."""
    ident = mutation.args.get("id")
    name = MutationName(mutation.name)
    entity = {
        MutationName.PERMIT_TRANSITION: "WorkPermit",
        MutationName.HANDOVER_ACKNOWLEDGE: "ShiftHandover",
        MutationName.AUDIT_ANSWER: "QualityAudit",
        MutationName.AUDIT_COMPLETE: "QualityAudit",
    }.get(name)
    if entity is None or ident is None:
        return None
    from ker_field.domain import models

    try:
        row = session.get(getattr(models, entity), uuid.UUID(str(ident)))
    except ValueError:
        return None
    return row_to_json(row) if row is not None else None


def apply_mutation(
    sessions: sessionmaker[Session],
    who: Principal,
    mutation: Mutation,
    received: datetime,
    lang: Lang,
) -> MutationResult:
    with sessions() as session:
        with session.begin():
            record = session.get(MutationRecord, mutation.mutation_id)
            if record is not None:
                return _duplicate(record)
        if mutation.device_id != who.device_id:
            return _rejected(mutation, check(False, DEVICE_MISMATCH), lang, received)
        if mutation.name not in MUTATION_ARGS:
            return _record(
                sessions,
                who,
                mutation,
                _rejected(
                    mutation, check(False, UNKNOWN_MUTATION, name=mutation.name), lang, received
                ),
            )
        name = MutationName(mutation.name)
        try:
            args = MUTATION_ARGS[name].model_validate(mutation.args)
        except ValidationError:
            return _record(
                sessions,
                who,
                mutation,
                _rejected(mutation, check(False, INVALID_ARGS), lang, received),
            )
        if mutation.site_id is not None and mutation.site_id not in who.site_ids:
            return _record(
                sessions,
                who,
                mutation,
                _rejected(mutation, check(False, SITE_FORBIDDEN), lang, received),
            )
        oc = OpContext(
            session,
            who.actor,
            mutation.site_id,
            rule_time(mutation.device_time, received),
            mutation.device_id,
            received_at=received,
        )
        try:
            with session.begin():
                row = HANDLERS[name](oc, args, received)
                session.flush()
                written = session.info.get("ker_scopes", set())
                if not written <= who.scopes:
                    raise RuleViolation(check(False, SITE_FORBIDDEN))
                result = MutationResult(
                    mutation_id=mutation.mutation_id,
                    status=MutationStatus.APPLIED,
                    version=row.version,
                    server_time=received,
                )
                session.add(_record_row(who, mutation, result))
            return result
        except RuleViolation as violation:
            session.rollback()
            server_row = _server_row(session, mutation)
            session.rollback()  # end the read before recording in another transaction
            rejected = _rejected(mutation, violation.decision, lang, received, server_row)
            return _record(sessions, who, mutation, rejected)
        except NotFound as missing:
            session.rollback()
            rejected = _rejected(
                mutation, check(False, MISSING, entity=missing.entity), lang, received
            )
            return _record(sessions, who, mutation, rejected)
        except IntegrityError:
            # Another worker applied the same mutation id at the same moment, or the data
            # clashes with a row already there.
            session.rollback()
            existing = session.get(MutationRecord, mutation.mutation_id)
            session.rollback()
            if existing is not None:
                return _duplicate(existing)
            # Otherwise the data itself clashes (a client-made id reused): retrying won't help.
            rejected = _rejected(mutation, check(False, INVALID_ARGS), lang, received)
            return _record(sessions, who, mutation, rejected)
        except OperationalError:
            session.rollback()
            return MutationResult(mutation_id=mutation.mutation_id, status=MutationStatus.RETRY)
        except (StatementError, ValueError, OverflowError):  # after the DBAPI errors above
            # Values the database cannot hold (a date past the calendar's end, say).
            session.rollback()
            rejected = _rejected(mutation, check(False, INVALID_ARGS), lang, received)
            return _record(sessions, who, mutation, rejected)


def _record_row(who: Principal, mutation: Mutation, result: MutationResult) -> MutationRecord:
    return MutationRecord(
        mutation_id=mutation.mutation_id,
        user_id=who.user_id,
        device_id=mutation.device_id,
        device_seq=mutation.device_seq,
        name=mutation.name[:64],
        status=result.status.value,
        result=result.model_dump(mode="json"),
    )


def _record(
    sessions: sessionmaker[Session], who: Principal, mutation: Mutation, result: MutationResult
) -> MutationResult:
    """Keep a rejection so the same mutation always gets the same answer."""
    with sessions() as session:
        try:
            with session.begin():
                session.add(_record_row(who, mutation, result))
        except IntegrityError:
            existing = session.get(MutationRecord, mutation.mutation_id)
            if existing is not None:
                return _duplicate(existing)
    return result


def _duplicate(record: MutationRecord) -> MutationResult:
    first = MutationResult.model_validate(record.result)
    return first.model_copy(update={"status": MutationStatus.DUPLICATE})
