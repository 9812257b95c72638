"""What a role home shows: the site's assets (with search), my tickets, permits to
approve, my training, and the header's counts, read together in :func:`home_data`.
Plain dataclasses; the UI runs these on its task runner."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from ker_field.domain.enums import PermitStatus, RiskLevel, TicketStatus, TrainingStatus
from ker_field.domain.labels import CATEGORY_LABELS
from ker_field.domain.models import (
    Asset,
    Local,
    ServiceTicket,
    TrainingModule,
    User,
    UserTrainingProgress,
    WorkPermit,
)
from ker_field.domain.operations import training as training_ops
from ker_field.domain.rules import training as training_rules
from ker_field.services import loto, sync_issues, visitors
from ker_field.services.context import ServiceContext
from ker_field.services.loto import ActiveLock
from ker_field.services.visitors import OnSite
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry

ASSET_PAGE = 500


@dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    qr_code: str
    name: str
    category: str
    location: str | None


@dataclass(frozen=True)
class TicketRow:
    id: uuid.UUID
    number: str
    title: str
    status: TicketStatus
    risk_level: RiskLevel | None
    asset_name: str | None


@dataclass(frozen=True)
class PermitRow:
    id: uuid.UUID
    ticket_number: str
    ticket_title: str
    risk_level: RiskLevel
    requested_by: str
    valid_from: datetime
    valid_to: datetime


@dataclass(frozen=True)
class TrainingRow:
    module_id: uuid.UUID
    title: str
    category: str | None
    status: TrainingStatus
    score: int | None
    expires_at: datetime | None


def assets(ctx: ServiceContext, search: str = "", limit: int = ASSET_PAGE) -> list[AssetRow]:
    """Assets of the context's site whose name, QR code, category or location contain
    ``search`` (case-insensitive), by QR code; at most ``limit``."""
    query = select(Asset).where(Asset.site_id == ctx.site_id, Asset.deleted.is_(False))
    needle = search.strip()
    if needle:
        pattern = f"%{needle}%"
        # A category is shown by its label ("hidráulico"): match the labels too.
        labelled = [
            key
            for key, names in CATEGORY_LABELS.items()
            if any(needle.lower() in name for name in names)
        ]
        query = query.where(
            or_(
                Asset.name.ilike(pattern),
                Asset.qr_code.ilike(pattern),
                Asset.category.ilike(pattern),
                Asset.category.in_(labelled),
                Asset.location.ilike(pattern),
            )
        )
    with ctx.store.sessions() as session:
        return [
            AssetRow(a.id, a.qr_code, a.name, a.category, a.location)
            for a in session.scalars(query.order_by(Asset.qr_code).limit(limit))
        ]


def my_tickets(ctx: ServiceContext) -> list[TicketRow]:
    query = (
        select(ServiceTicket, Asset.name)
        .outerjoin(Asset, Asset.id == ServiceTicket.asset_id)
        .where(
            ServiceTicket.site_id == ctx.site_id,
            ServiceTicket.assigned_to_id == ctx.actor.user_id,
            ServiceTicket.status.in_([TicketStatus.OPEN, TicketStatus.IN_PROGRESS]),
            ServiceTicket.deleted.is_(False),
        )
        .order_by(ServiceTicket.number)
    )
    with ctx.store.sessions() as session:
        return [
            TicketRow(t.id, t.number, t.title, t.status, t.risk_level, asset_name)
            for t, asset_name in session.execute(query)
        ]


def permits_to_approve(ctx: ServiceContext) -> list[PermitRow]:
    """Requested permits at the site that this person may approve (not their own)."""
    query = (
        select(WorkPermit, ServiceTicket.number, ServiceTicket.title, User.full_name)
        .join(ServiceTicket, ServiceTicket.id == WorkPermit.ticket_id)
        .join(User, User.id == WorkPermit.requested_by_id)
        .where(
            WorkPermit.site_id == ctx.site_id,
            WorkPermit.status == PermitStatus.REQUESTED,
            WorkPermit.requested_by_id != ctx.actor.user_id,
            WorkPermit.deleted.is_(False),
        )
        .order_by(WorkPermit.valid_from)
    )
    with ctx.store.sessions() as session:
        return [
            PermitRow(
                p.id, number, title, p.calculated_risk_level, requester, p.valid_from, p.valid_to
            )
            for p, number, title, requester in session.execute(query)
        ]


def my_training(ctx: ServiceContext) -> list[TrainingRow]:
    now = ctx.now()
    query = (
        select(UserTrainingProgress, TrainingModule)
        .join(TrainingModule, TrainingModule.id == UserTrainingProgress.module_id)
        .where(
            UserTrainingProgress.user_id == ctx.actor.user_id,
            UserTrainingProgress.deleted.is_(False),
        )
        .order_by(TrainingModule.title)
    )
    with ctx.store.sessions() as session:
        return [
            TrainingRow(
                module.id,
                module.title,
                module.required_for_asset_category,
                training_rules.effective_status(training_ops.progress_facts(progress), now),
                progress.score,
                progress.certificate_expires_at,
            )
            for progress, module in session.execute(query)
        ]


def pending_for(store: LocalStore, user_id: uuid.UUID) -> int:
    """Changes of this person waiting to sync (a shared tablet keeps each person's own)."""
    with store.sessions() as session:
        query = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.user_id == user_id)
        return int(session.scalar(query) or 0)


def pending_of_others(store: LocalStore, user_id: uuid.UUID) -> int:
    """Changes other people made on this device, waiting until they sign in here again
    (each person's changes are sent with their own credentials)."""
    with store.sessions() as session:
        query = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.user_id != user_id)
        return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class HomeData:
    """Everything a role home shows, read in one background task."""

    site_names: dict[uuid.UUID, str]
    my_locks: list[ActiveLock]
    team_locks: list[ActiveLock]
    tickets: list[TicketRow]
    permits: list[PermitRow]
    people: list[OnSite]
    training: list[TrainingRow]
    pending: int
    pending_others: int
    issues: int
    user_names: dict[uuid.UUID, str]


def home_data(ctx: ServiceContext, site_ids: list[uuid.UUID], pages: frozenset[str]) -> HomeData:
    """The rows of the ``pages`` a role shows (others stay empty), plus the header counts."""
    with ctx.store.sessions() as session:
        names = {
            site.id: f"{site.code} · {site.name}"
            for site in session.scalars(select(Local).where(Local.id.in_(site_ids)))
        }
        query = select(User.id, User.full_name).where(User.tenant_id == ctx.tenant_id)
        user_names: dict[uuid.UUID, str] = {row[0]: row[1] for row in session.execute(query)}
    team = loto.active_locks(ctx) if pages & {"my_locks", "team_locks"} else []
    user = ctx.actor.user_id
    return HomeData(
        site_names={site: names.get(site, str(site)[:8]) for site in site_ids},
        my_locks=[lock for lock in team if lock.held_by == user],
        team_locks=team if "team_locks" in pages else [],
        tickets=my_tickets(ctx) if "tickets" in pages else [],
        permits=permits_to_approve(ctx) if "permits" in pages else [],
        people=visitors.people_on_site(ctx) if "people" in pages else [],
        training=my_training(ctx) if "training" in pages else [],
        pending=pending_for(ctx.store, user),
        pending_others=pending_of_others(ctx.store, user),
        issues=sync_issues.open_issue_count(ctx.store, user),
        user_names=user_names,
    )
