"""The sync-issue inbox: changes the server refused, each with its reason, kept until the
person discards them or sends them again after fixing the cause. No Qt."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ker_field.store.local import LocalStore, enqueue_mutation
from ker_field.store.tables import SyncIssue


@dataclass(frozen=True)
class IssueRow:
    id: uuid.UUID
    created_at: datetime
    name: str
    code: str
    message: str
    args: dict[str, Any]
    server_row: dict[str, Any] | None


def open_issues(store: LocalStore, user_id: uuid.UUID | None = None) -> list[IssueRow]:
    query = select(SyncIssue).where(SyncIssue.resolved_at.is_(None))
    if user_id is not None:
        query = query.where(SyncIssue.user_id == user_id)
    with store.sessions() as session:
        return [
            IssueRow(i.id, i.created_at, i.name, i.code, i.message, i.args, i.server_row)
            for i in session.scalars(query.order_by(SyncIssue.created_at))
        ]


def discard_issue(store: LocalStore, issue_id: uuid.UUID, now: datetime) -> None:
    """The person accepts the server's refusal: the change is dropped for good."""
    with store.transaction() as session:
        issue = session.get(SyncIssue, issue_id)
        if issue is not None and issue.resolved_at is None:
            issue.resolved_at, issue.resolution = now, "discarded"


def retry_issue(store: LocalStore, issue_id: uuid.UUID, now: datetime) -> None:
    """After fixing the cause (a certificate, a permit...), send the same change again, as a
    new mutation at the end of the outbox."""
    with store.transaction() as session:
        issue = session.get(SyncIssue, issue_id)
        if issue is None or issue.resolved_at is not None:
            return
        site = issue.args.get("site_id") if isinstance(issue.args, dict) else None
        enqueue_mutation(
            session,
            name=issue.name,
            args=issue.args,
            user_id=issue.user_id,
            device_time=now,
            site_id=uuid.UUID(site) if isinstance(site, str) else None,
        )
        issue.resolved_at, issue.resolution = now, "retried"


def open_issue_count(store: LocalStore, user_id: uuid.UUID) -> int:
    """Open issues of this person (the header's badge)."""
    query = (
        select(func.count())
        .select_from(SyncIssue)
        .where(SyncIssue.resolved_at.is_(None), SyncIssue.user_id == user_id)
    )
    with store.sessions() as session:
        return int(session.scalar(query) or 0)
