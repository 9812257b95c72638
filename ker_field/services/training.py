"""Training use cases: open a module, hand in a quiz attempt offline (graded by the server)."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, Reason, reason
from ker_field.domain.enums import ContentType, TrainingStatus, UserRole
from ker_field.domain.labels import Lang, label
from ker_field.domain.models import (
    QuizAttempt,
    SiteAssignment,
    TrainingModule,
    TrainingQuiz,
    User,
    UserTrainingProgress,
)
from ker_field.domain.models.base import utcnow
from ker_field.domain.operations import training as ops
from ker_field.domain.rules import training as rules
from ker_field.domain.rules.common import ACTION_ROLES
from ker_field.services.context import NotFound, ServiceContext, get_or_raise, require
from ker_field.services.quiz import MalformedQuiz, Quiz, parse_quiz, self_check, valid_answer
from ker_field.store.local import LocalStore
from ker_field.store.tables import CertificateFile, QuizDraft
from sync.protocol import MutationName, StartModuleArgs, SubmitAttemptArgs

__all__ = ["MalformedQuiz"]


@dataclass(frozen=True)
class ProgressView:
    module_id: uuid.UUID
    status: TrainingStatus
    attempts_count: int
    score: int | None
    certificate_number: str | None
    certificate_expires_at: datetime | None


def _progress_view(row: UserTrainingProgress, now: datetime) -> ProgressView:
    return ProgressView(
        module_id=row.module_id,
        status=rules.effective_status(ops.progress_facts(row), now),
        attempts_count=row.attempts_count,
        score=row.score,
        certificate_number=row.certificate_number,
        certificate_expires_at=row.certificate_expires_at,
    )


def start_module(ctx: ServiceContext, module_id: uuid.UUID) -> ProgressView:
    """Opening an assigned module marks it in progress (once)."""
    args = StartModuleArgs(module_id=module_id)
    with ctx.store.transaction() as session:
        oc = ctx.op(session)
        row, changed = ops.start_module(oc, **args.operation_kwargs())
        if changed:
            ctx.enqueue(session, MutationName.TRAINING_START_MODULE, args)
        session.flush()
        return _progress_view(row, oc.now)


@dataclass(frozen=True)
class AttemptReceipt:
    attempt_id: uuid.UUID
    module_id: uuid.UUID
    attempts_used: int
    max_attempts: int
    pending_grading: bool


def submit_quiz_attempt(
    ctx: ServiceContext, quiz_id: uuid.UUID, answers: dict[str, Any], started_at: datetime
) -> AttemptReceipt:
    """Hand in a quiz answered offline. The server grades it; the result arrives by sync."""
    with ctx.store.transaction() as session:
        return _submit(ctx, session, uuid.uuid4(), quiz_id, answers, started_at)


# -- the catalog ------------------------------------------------------------------------------

STATUS_ORDER = {
    TrainingStatus.EXPIRED: 0,
    TrainingStatus.FAILED: 1,
    TrainingStatus.ASSIGNED: 2,
    TrainingStatus.IN_PROGRESS: 3,
    TrainingStatus.PASSED: 4,
}


@dataclass(frozen=True)
class LastAttempt:
    attempt_id: uuid.UUID
    submitted_at: datetime | None
    graded: bool
    score: int | None
    passed: bool | None


@dataclass(frozen=True)
class ModuleEntry:
    """One module of a person's catalog, with what the person may do with it now."""

    module_id: uuid.UUID
    title: str
    description: str | None
    content_type: ContentType
    content_sha256: str | None
    content_size: int | None
    content_on_device: bool
    category: str | None
    required: bool
    practice_only: bool
    status: TrainingStatus
    assigned_at: datetime | None
    due_at: datetime | None
    started_at: datetime | None
    attempts_count: int
    max_attempts: int
    min_score_to_pass: int
    cooldown_hours: int
    validity_months: int
    score: int | None
    certificate_number: str | None
    certificate_expires_at: datetime | None
    expiring_soon: bool
    quiz_id: uuid.UUID | None
    quiz_title: str | None
    may_attempt: Decision
    last_attempt: LastAttempt | None
    draft_id: uuid.UUID | None

    @property
    def awaiting_grade(self) -> bool:
        return self.last_attempt is not None and not self.last_attempt.graded

    @property
    def overdue(self) -> bool:
        return (
            self.due_at is not None
            and self.status not in (TrainingStatus.PASSED,)
            and self.due_at < utcnow()
        )


def _assigned(
    module: TrainingModule, progress: UserTrainingProgress | None, role: UserRole
) -> bool:
    """Assigned: a progress row names the person; a module that unlocks equipment is
    everyone's who may apply LOTO; a general module (an induction) is everyone's."""
    if progress is not None:
        return True
    if module.required_for_asset_category is None:
        return True
    return role in ACTION_ROLES["loto"]


def _entry(
    session: Session,
    store: LocalStore,
    user_id: uuid.UUID,
    module: TrainingModule,
    progress: UserTrainingProgress | None,
    now: datetime,
) -> ModuleEntry:
    facts = ops.progress_facts(progress) if progress is not None else None
    status = rules.effective_status(facts, now)
    quiz = session.scalar(
        select(TrainingQuiz)
        .where(TrainingQuiz.module_id == module.id, TrainingQuiz.deleted.is_(False))
        .order_by(TrainingQuiz.title)
        .limit(1)
    )
    attempt = session.scalar(
        select(QuizAttempt)
        .where(QuizAttempt.user_id == user_id, QuizAttempt.module_id == module.id)
        .order_by(QuizAttempt.submitted_at.desc(), QuizAttempt.started_at.desc())
        .limit(1)
    )
    draft = None
    if quiz is not None:
        draft = session.scalar(
            select(QuizDraft.id).where(
                QuizDraft.user_id == user_id,
                QuizDraft.quiz_id == quiz.id,
                QuizDraft.submitted_at.is_(None),
            )
        )
    expires = progress.certificate_expires_at if progress is not None else None
    expiring = (
        status is TrainingStatus.PASSED
        and expires is not None
        and expires - now <= timedelta(days=rules.EXPIRY_WARNING_DAYS)
    )
    may = (
        Decision()
        if module.practice_only
        else rules.check_attempt_allowed(ops.module_facts(module), facts, now)
    )
    return ModuleEntry(
        module_id=module.id,
        title=module.title,
        description=module.description,
        content_type=module.content_type,
        content_sha256=module.content_sha256,
        content_size=module.content_size,
        content_on_device=bool(module.content_sha256)
        and store.blobs.exists(module.content_sha256 or ""),
        category=module.required_for_asset_category,
        required=module.required_for_asset_category is not None,
        practice_only=module.practice_only,
        status=status,
        assigned_at=progress.assigned_at if progress else None,
        due_at=progress.due_at if progress else None,
        started_at=progress.started_at if progress else None,
        attempts_count=progress.attempts_count if progress else 0,
        max_attempts=module.max_attempts,
        min_score_to_pass=module.min_score_to_pass,
        cooldown_hours=module.cooldown_hours,
        validity_months=module.validity_months,
        score=progress.score if progress else None,
        certificate_number=progress.certificate_number if progress else None,
        certificate_expires_at=expires,
        expiring_soon=expiring,
        quiz_id=quiz.id if quiz else None,
        quiz_title=quiz.title if quiz else None,
        may_attempt=may,
        last_attempt=(
            LastAttempt(
                attempt.id,
                attempt.submitted_at,
                attempt.score is not None,
                attempt.score,
                attempt.passed,
            )
            if attempt is not None
            else None
        ),
        draft_id=draft,
    )


def _sort_key(entry: ModuleEntry) -> tuple[int, int, datetime, str]:
    far = datetime.max.replace(tzinfo=UTC)
    return (
        0 if entry.required else 1,
        STATUS_ORDER[entry.status],
        entry.due_at or far,
        entry.title,
    )


def catalog(ctx: ServiceContext) -> list[ModuleEntry]:
    """The modules assigned to the acting person: required ones (they unlock equipment)
    first, then by urgency (expired, failed, to do, under way, passed) and due date."""
    now = ctx.now()
    user_id = ctx.actor.user_id
    with ctx.store.sessions() as session:
        modules = session.scalars(
            select(TrainingModule).where(
                TrainingModule.tenant_id == ctx.tenant_id, TrainingModule.deleted.is_(False)
            )
        ).all()
        entries = []
        for module in modules:
            progress = ops.find_progress(session, user_id, module.id)
            if _assigned(module, progress, ctx.actor.role):
                entries.append(_entry(session, ctx.store, user_id, module, progress, now))
    return sorted(entries, key=_sort_key)


def module_entry(ctx: ServiceContext, module_id: uuid.UUID) -> ModuleEntry:
    with ctx.store.sessions() as session:
        module = get_or_raise(session, TrainingModule, module_id)
        progress = ops.find_progress(session, ctx.actor.user_id, module_id)
        return _entry(session, ctx.store, ctx.actor.user_id, module, progress, ctx.now())


def expiry_warnings(ctx: ServiceContext) -> list[Reason]:
    """Certificates expiring within 30 days, and expired ones, as the domain words them."""
    found: list[Reason] = []
    for entry in catalog(ctx):
        if entry.certificate_expires_at is None:
            continue
        day = f"{entry.certificate_expires_at:%Y-%m-%d}"
        if entry.status is TrainingStatus.EXPIRED:
            found.append(reason(rules.CERTIFICATE_EXPIRED, module=entry.title, expired_on=day))
        elif entry.expiring_soon:
            found.append(reason(rules.CERTIFICATE_EXPIRING, module=entry.title, expires_on=day))
    return found


# -- quizzes: a draft kept answer by answer ----------------------------------------------------


@dataclass(frozen=True)
class QuizView:
    quiz_id: uuid.UUID
    module_id: uuid.UUID
    title: str
    practice_only: bool
    quiz: Quiz


@dataclass(frozen=True)
class DraftView:
    id: uuid.UUID
    quiz_id: uuid.UUID
    module_id: uuid.UUID
    answers: dict[str, Any]
    started_at: datetime
    submitted_at: datetime | None
    practice_score: int | None


def _draft_view(row: QuizDraft) -> DraftView:
    return DraftView(
        row.id,
        row.quiz_id,
        row.module_id,
        dict(row.answers),
        row.started_at,
        row.submitted_at,
        row.practice_score,
    )


def load_quiz(ctx: ServiceContext, quiz_id: uuid.UUID) -> QuizView:
    """The quiz's questions, validated (raises :class:`MalformedQuiz`). A quiz that is not
    practice-only never shows an answer, even if one arrived."""
    with ctx.store.sessions() as session:
        quiz = get_or_raise(session, TrainingQuiz, quiz_id)
        module = get_or_raise(session, TrainingModule, quiz.module_id)
        parsed = parse_quiz(quiz.questions)
        if not module.practice_only:
            parsed = Quiz(
                questions=[q.model_copy(update={"answer": None}) for q in parsed.questions]
            )
        elif not parsed.self_checking:
            raise MalformedQuiz("a practice quiz needs the answer of every question")
        return QuizView(quiz.id, module.id, quiz.title, module.practice_only, parsed)


def open_draft(ctx: ServiceContext, quiz_id: uuid.UUID) -> DraftView:
    """The attempt being answered (kept on the device), or a new one if the module allows
    another attempt now (raises RuleViolation with the domain's reason otherwise)."""
    load_quiz(ctx, quiz_id)  # a malformed quiz is refused before anything is written
    with ctx.store.transaction() as session:
        quiz = get_or_raise(session, TrainingQuiz, quiz_id)
        row = session.scalar(
            select(QuizDraft).where(
                QuizDraft.user_id == ctx.actor.user_id,
                QuizDraft.quiz_id == quiz_id,
                QuizDraft.submitted_at.is_(None),
            )
        )
        if row is not None:
            return _draft_view(row)
        module = get_or_raise(session, TrainingModule, quiz.module_id)
        now = ctx.now()
        if not module.practice_only:
            progress = ops.find_progress(session, ctx.actor.user_id, module.id)
            require(
                rules.check_attempt_allowed(
                    ops.module_facts(module),
                    ops.progress_facts(progress) if progress is not None else None,
                    now,
                )
            )
        row = QuizDraft(
            id=uuid.uuid4(),
            user_id=ctx.actor.user_id,
            quiz_id=quiz_id,
            module_id=module.id,
            answers={},
            started_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        return _draft_view(row)


def draft(ctx: ServiceContext, draft_id: uuid.UUID) -> DraftView:
    with ctx.store.sessions() as session:
        return _draft_view(get_or_raise(session, QuizDraft, draft_id))


def save_answers(ctx: ServiceContext, draft_id: uuid.UUID, answers: dict[str, object]) -> DraftView:
    """Keep answers at once, in their own transaction (a crash after this loses nothing).
    Each answer is checked against its question (ValueError when it does not fit)."""
    with ctx.store.transaction() as session:
        row = get_or_raise(session, QuizDraft, draft_id)
        if row.user_id != ctx.actor.user_id:
            raise NotFound("QuizDraft", draft_id)
        if row.submitted_at is not None:
            raise ValueError("this attempt was already handed in")
        quiz = parse_quiz(get_or_raise(session, TrainingQuiz, row.quiz_id).questions)
        kept = dict(row.answers)
        for question_id, value in answers.items():
            kept[question_id] = valid_answer(quiz.question(question_id), value)
        row.answers = kept
        row.updated_at = ctx.now()
        return _draft_view(row)


def save_answer(
    ctx: ServiceContext, draft_id: uuid.UUID, question_id: str, value: object
) -> DraftView:
    return save_answers(ctx, draft_id, {question_id: value})


@dataclass(frozen=True)
class HandedIn:
    """A quiz handed in: queued for the server's grading, or checked here (practice)."""

    attempt_id: uuid.UUID
    module_id: uuid.UUID
    practice_score: int | None
    attempts_used: int
    max_attempts: int

    @property
    def pending_grading(self) -> bool:
        return self.practice_score is None


def _submit(
    ctx: ServiceContext,
    session: Session,
    attempt_id: uuid.UUID,
    quiz_id: uuid.UUID,
    answers: dict[str, Any],
    started_at: datetime,
) -> AttemptReceipt:
    args = SubmitAttemptArgs(id=attempt_id, quiz_id=quiz_id, answers=answers, started_at=started_at)
    oc = ctx.op(session)
    attempt, progress, module = ops.submit_attempt(oc, **args.operation_kwargs())
    if rules.effective_status(ops.progress_facts(progress), oc.now) is TrainingStatus.EXPIRED:
        progress.attempts_count = 0  # retraining starts a fresh round of attempts
    # Counted on the device so a worker cannot exceed the attempts while offline; the
    # server's grading replaces these values on the next pull.
    progress.attempts_count += 1
    progress.last_attempt_at = oc.now
    progress.status = TrainingStatus.IN_PROGRESS
    ctx.enqueue(session, MutationName.TRAINING_SUBMIT_ATTEMPT, args)
    return AttemptReceipt(
        attempt_id=attempt.id,
        module_id=module.id,
        attempts_used=progress.attempts_count,
        max_attempts=module.max_attempts,
        pending_grading=True,
    )


def hand_in(ctx: ServiceContext, draft_id: uuid.UUID) -> HandedIn:
    """Hand in the attempt kept in the draft: every question must be answered. A graded
    quiz goes to the outbox (the draft's id is the attempt's); a practice quiz is checked
    here and counts for nothing."""
    view = load_quiz(ctx, draft(ctx, draft_id).quiz_id)
    with ctx.store.transaction() as session:
        row = get_or_raise(session, QuizDraft, draft_id)
        if row.submitted_at is not None:
            raise ValueError("this attempt was already handed in")
        missing = [q.id for q in view.quiz.questions if q.id not in row.answers]
        if missing:
            raise ValueError(f"unanswered questions: {', '.join(missing)}")
        now = ctx.now()
        row.submitted_at = now
        module = get_or_raise(session, TrainingModule, row.module_id)
        if view.practice_only:
            row.practice_score = self_check(view.quiz, row.answers)
            return HandedIn(row.id, module.id, row.practice_score, 0, module.max_attempts)
        receipt = _submit(ctx, session, row.id, row.quiz_id, dict(row.answers), row.started_at)
        return HandedIn(row.id, module.id, None, receipt.attempts_used, receipt.max_attempts)


def discard_draft(ctx: ServiceContext, draft_id: uuid.UUID) -> None:
    with ctx.store.transaction() as session:
        row = session.get(QuizDraft, draft_id)
        if row is not None and row.submitted_at is None and row.user_id == ctx.actor.user_id:
            session.delete(row)


# -- certificates kept on the device -----------------------------------------------------------


@dataclass(frozen=True)
class CertificateView:
    number: str
    module_id: uuid.UUID
    module_title: str
    person: str
    issued_at: datetime | None
    expires_at: datetime | None
    status: TrainingStatus
    verify_url: str | None
    pdf_sha256: str | None
    pdf_size: int | None

    @property
    def on_device(self) -> bool:
        return self.pdf_sha256 is not None


def certificates(ctx: ServiceContext) -> list[CertificateView]:
    """The person's certificates (from the synced progress), with the PDF when it is on the
    device."""
    now = ctx.now()
    with ctx.store.sessions() as session:
        person = session.get(User, ctx.actor.user_id)
        rows = session.execute(
            select(UserTrainingProgress, TrainingModule)
            .join(TrainingModule, TrainingModule.id == UserTrainingProgress.module_id)
            .where(
                UserTrainingProgress.user_id == ctx.actor.user_id,
                UserTrainingProgress.deleted.is_(False),
                UserTrainingProgress.certificate_number.is_not(None),
            )
            .order_by(UserTrainingProgress.passed_at.desc())
        ).all()
        found = []
        for progress, module in rows:
            assert progress.certificate_number is not None
            kept = session.get(CertificateFile, progress.certificate_number)
            found.append(
                CertificateView(
                    number=progress.certificate_number,
                    module_id=module.id,
                    module_title=module.title,
                    person=person.full_name if person is not None else "",
                    issued_at=kept.issued_at if kept else progress.passed_at,
                    expires_at=kept.expires_at if kept else progress.certificate_expires_at,
                    status=rules.effective_status(ops.progress_facts(progress), now),
                    verify_url=kept.verify_url if kept else None,
                    pdf_sha256=kept.pdf_sha256 if kept else None,
                    pdf_size=kept.pdf_size if kept else None,
                )
            )
    return found


def certificates_to_fetch(ctx: ServiceContext) -> list[str]:
    """Certificate numbers the person holds whose PDF is not on the device yet."""
    return [c.number for c in certificates(ctx) if not c.on_device]


@dataclass(frozen=True)
class IssuedCertificate:
    """What the server says of a certificate (its REST answer), to keep on the device."""

    number: str
    module_id: uuid.UUID
    person: str
    module_title: str
    issued_at: datetime
    expires_at: datetime
    verify_url: str


def keep_certificate(ctx: ServiceContext, issued: IssuedCertificate, pdf: bytes) -> CertificateView:
    """Keep a certificate's PDF (a blob) and its verification address on the device."""
    if not pdf.startswith(b"%PDF"):
        raise ValueError("the certificate is not a PDF")
    sha = ctx.store.blobs.put(pdf)
    with ctx.store.transaction() as session:
        row = session.get(CertificateFile, issued.number)
        if row is None:
            row = CertificateFile(number=issued.number, user_id=ctx.actor.user_id)
            session.add(row)
        row.module_id, row.person, row.module_title = (
            issued.module_id,
            issued.person,
            issued.module_title,
        )
        row.issued_at, row.expires_at = issued.issued_at, issued.expires_at
        row.verify_url, row.pdf_sha256, row.pdf_size = issued.verify_url, sha, len(pdf)
        row.fetched_at = ctx.now()
    return next(c for c in certificates(ctx) if c.number == issued.number)


# -- the team's training matrix (supervisors) ------------------------------------------------


@dataclass(frozen=True)
class TeamProgress:
    """One person's progress in one module, as the server lists it for a supervisor."""

    user_id: uuid.UUID
    module_id: uuid.UUID
    status: TrainingStatus
    certificate_expires_at: datetime | None
    due_at: datetime | None
    score: int | None


@dataclass(frozen=True)
class MatrixCell:
    status: TrainingStatus
    expires_at: datetime | None
    due_at: datetime | None
    expiring_soon: bool


@dataclass(frozen=True)
class MatrixPerson:
    user_id: uuid.UUID
    full_name: str
    role: UserRole


@dataclass(frozen=True)
class MatrixModule:
    module_id: uuid.UUID
    title: str
    category: str


@dataclass(frozen=True)
class TrainingMatrix:
    people: list[MatrixPerson]
    modules: list[MatrixModule]
    cells: dict[tuple[uuid.UUID, uuid.UUID], MatrixCell]

    def cell(self, user_id: uuid.UUID, module_id: uuid.UUID) -> MatrixCell:
        return self.cells[(user_id, module_id)]


def _local_progress(ctx: ServiceContext) -> list[TeamProgress]:
    """The progress rows this device holds (at least the person's own)."""
    with ctx.store.sessions() as session:
        return [
            TeamProgress(
                r.user_id, r.module_id, r.status, r.certificate_expires_at, r.due_at, r.score
            )
            for r in session.scalars(
                select(UserTrainingProgress).where(
                    UserTrainingProgress.tenant_id == ctx.tenant_id,
                    UserTrainingProgress.deleted.is_(False),
                )
            )
        ]


def training_matrix(
    ctx: ServiceContext, team: list[TeamProgress], site_ids: list[uuid.UUID] | None = None
) -> TrainingMatrix:
    """People of the given sites (default: the current one) who may apply LOTO × modules
    required for equipment, each cell the person's status there as of now (no row:
    assigned)."""
    sites = site_ids if site_ids is not None else [ctx.site_id]
    now = ctx.now()
    with ctx.store.sessions() as session:
        users = session.scalars(
            select(User)
            .join(SiteAssignment, SiteAssignment.user_id == User.id)
            .where(
                SiteAssignment.site_id.in_(sites),
                SiteAssignment.deleted.is_(False),
                User.deleted.is_(False),
                User.role.in_(list(ACTION_ROLES["loto"])),
            )
            .distinct()
            .order_by(User.full_name)
        ).all()
        modules = session.scalars(
            select(TrainingModule)
            .where(
                TrainingModule.tenant_id == ctx.tenant_id,
                TrainingModule.deleted.is_(False),
                TrainingModule.required_for_asset_category.is_not(None),
            )
            .order_by(TrainingModule.required_for_asset_category, TrainingModule.title)
        ).all()
        people = [MatrixPerson(u.id, u.full_name, u.role) for u in users]
        columns = [
            MatrixModule(m.id, m.title, m.required_for_asset_category or "") for m in modules
        ]
    by_key = {(p.user_id, p.module_id): p for p in _local_progress(ctx)}
    by_key.update({(p.user_id, p.module_id): p for p in team})  # the server's word wins
    cells: dict[tuple[uuid.UUID, uuid.UUID], MatrixCell] = {}
    for person in people:
        for module in columns:
            found = by_key.get((person.user_id, module.module_id))
            if found is None:
                cells[(person.user_id, module.module_id)] = MatrixCell(
                    TrainingStatus.ASSIGNED, None, None, False
                )
                continue
            status = found.status
            expires = found.certificate_expires_at
            if status is TrainingStatus.PASSED and expires is not None and expires <= now:
                status = TrainingStatus.EXPIRED
            soon = (
                status is TrainingStatus.PASSED
                and expires is not None
                and expires - now <= timedelta(days=rules.EXPIRY_WARNING_DAYS)
            )
            cells[(person.user_id, module.module_id)] = MatrixCell(
                status, expires, found.due_at, soon
            )
    return TrainingMatrix(people, columns, cells)


def matrix_csv(matrix: TrainingMatrix, lang: Lang = "es") -> str:
    """The matrix as CSV: a person a line, a module a column ("status (expiry)")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    person_header = "Persona" if lang == "es" else "Person"
    writer.writerow([person_header, *(f"{m.title} [{m.category}]" for m in matrix.modules)])
    for person in matrix.people:
        row = [person.full_name]
        for module in matrix.modules:
            cell = matrix.cell(person.user_id, module.module_id)
            text = label(cell.status, lang)
            if cell.expires_at is not None and cell.status in (
                TrainingStatus.PASSED,
                TrainingStatus.EXPIRED,
            ):
                text += f" ({cell.expires_at:%Y-%m-%d})"
            row.append(text)
        writer.writerow(row)
    return out.getvalue()
