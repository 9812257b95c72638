"""The device's sync engine (no Qt): push the outbox, pull each scope, upload blobs.

- Push sends the signed-in person's outbox in order, in batches. Applied and duplicate
  answers retire the entry; a rejection becomes a ``sync_issue`` kept until a person
  resolves it (never dropped, never blocking the rest); a retry keeps the entry and ends
  the round so order is kept.
- Pull applies each page and its cursor in one transaction. Rows with local changes not
  yet acknowledged are left alone (the pending mutation re-applies on the server and comes
  back). A reset answer clears the scope's rows (never the outbox) and pulls it again.
- Blobs go by their own queue: HEAD tells what arrived, chunks continue from there; a
  failing photo never holds back data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, partial
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ker_field.store.blobs import BlobCorrupted, BlobMissing
from ker_field.store.local import LocalStore
from ker_field.store.tables import BlobQueueEntry, OutboxEntry, SyncIssue, SyncState
from sync.client.api import Refused, ServerApi, ServerUnavailable
from sync.protocol import Mutation, MutationStatus
from sync.protocol.pull import PullPage
from sync.protocol.rows import MalformedRow, column_encoder, entity_tables, storage_rows

CLOCK_SKEW_WARNING = timedelta(minutes=5)
CHUNK = 256 * 1024
MAX_BATCH = 500

Progress = Callable[[str, int, int], None]  # (phase, done, total)


class Cancelled(Exception):
    """The person (or the app closing) cancelled the sync."""


@dataclass
class PushReport:
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0
    waiting_for_other_users: int = 0
    server_time: datetime | None = None


@dataclass
class PullReport:
    applied: int = 0
    skipped_pending: int = 0
    resets: list[str] = field(default_factory=list)


@dataclass
class BlobReport:
    uploaded: int = 0
    failed: dict[str, str] = field(default_factory=dict)


@dataclass
class SyncReport:
    push: PushReport
    pull: PullReport
    blobs: BlobReport
    clock_skew: timedelta | None = None

    @property
    def clock_warning(self) -> bool:
        return self.clock_skew is not None and abs(self.clock_skew) > CLOCK_SKEW_WARNING


def _noop(_phase: str, _done: int, _total: int) -> None:
    return None


def _offset_progress(progress: Progress, base: int, total: int, sent: int) -> None:
    progress("blobs", base + sent, total)


@cache
def _upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    """INSERT of ``columns`` that updates the row already there (names come from the
    schema, never from the wire)."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
    conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT ("id") {conflict}'


class SyncEngine:
    def __init__(
        self,
        store: LocalStore,
        api: ServerApi,
        user_id: uuid.UUID,
        clock: Callable[[], datetime],
        batch_size: int = 200,
        page_size: int = 5000,
    ) -> None:
        self.store, self.api, self.user_id, self.clock = store, api, user_id, clock
        self.batch_size = max(1, min(batch_size, MAX_BATCH))  # the server takes 500 a push
        self.page_size = max(1, min(page_size, 5000))
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _check_cancel(self) -> None:
        if self._cancelled:
            raise Cancelled()

    # -- push ---------------------------------------------------------------------------

    def push(self, progress: Progress = _noop) -> PushReport:
        report = PushReport()
        with self.store.sessions() as session:
            total = len(
                list(
                    session.scalars(
                        select(OutboxEntry.seq).where(OutboxEntry.user_id == self.user_id)
                    )
                )
            )
            report.waiting_for_other_users = len(
                list(
                    session.scalars(
                        select(OutboxEntry.seq).where(OutboxEntry.user_id != self.user_id)
                    )
                )
            )
        done = 0
        progress("push", 0, total)
        while True:
            self._check_cancel()
            with self.store.sessions() as session:
                entries = list(
                    session.scalars(
                        select(OutboxEntry)
                        .where(OutboxEntry.user_id == self.user_id)
                        .order_by(OutboxEntry.seq)
                        .limit(self.batch_size)
                    )
                )
            if not entries:
                return report
            answer = self.api.push([self._mutation(e) for e in entries])
            report.server_time = answer.server_time
            results = {r.mutation_id: r for r in answer.results}
            stop = False
            with self.store.transaction() as session:
                for entry in entries:
                    result = results.get(entry.mutation_id)
                    if result is None or result.status is MutationStatus.RETRY:
                        stop = True
                        report.retry += 1
                        row = session.get(OutboxEntry, entry.seq)
                        if row is not None:
                            row.attempts += 1
                            row.last_error = "retry"
                        continue
                    if result.status is MutationStatus.REJECTED:
                        report.rejected += 1
                        if (
                            session.scalar(
                                select(SyncIssue.id).where(
                                    SyncIssue.mutation_id == entry.mutation_id
                                )
                            )
                            is None
                        ):
                            session.add(
                                SyncIssue(
                                    mutation_id=entry.mutation_id,
                                    name=entry.name,
                                    args=entry.args,
                                    user_id=entry.user_id,
                                    code=result.code or "unknown",
                                    message=result.message or "",
                                    server_row=result.server_row,
                                )
                            )
                    elif result.status is MutationStatus.APPLIED:
                        report.applied += 1
                    else:
                        report.duplicate += 1
                    session.execute(delete(OutboxEntry).where(OutboxEntry.seq == entry.seq))
                    done += 1
            progress("push", done, total)
            if stop:
                return report

    def _mutation(self, entry: OutboxEntry) -> Mutation:
        return Mutation(
            mutation_id=entry.mutation_id,
            device_id=self.store.device_id,
            device_seq=entry.seq,
            name=entry.name,
            args=entry.args,
            base_version=entry.base_version,
            device_time=entry.device_time,
            site_id=entry.site_id,
        )

    # -- pull ---------------------------------------------------------------------------

    def pull(self, scopes: Iterable[str], progress: Progress = _noop) -> PullReport:
        """Each scope from its cursor to the end. While a page is applied the next one is
        already on its way (one page ahead at most, so memory stays bounded)."""
        report = PullReport()
        scopes = list(scopes)
        self._forget_other_scopes(scopes)
        # Leaving the block waits for a page still in flight: nothing outlives the pull.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ker-pull") as fetcher:
            for scope in scopes:
                self._pull_scope(scope, fetcher, report, progress)
        return report

    def _pull_scope(
        self, scope: str, fetcher: ThreadPoolExecutor, report: PullReport, progress: Progress
    ) -> None:
        cursor = self._cursor(scope)
        done = total = 0
        ahead: Future[PullPage] | None = None
        try:
            while True:
                self._check_cancel()
                if ahead is None:
                    page = self.api.pull(scope, cursor, self.page_size)
                else:
                    page, ahead = ahead.result(), None
                if page.reset:
                    self._clear_scope(scope)
                    report.resets.append(scope)
                    cursor = 0
                    continue
                if page.has_more:
                    ahead = fetcher.submit(
                        self.api.pull, scope, page.next_cursor, self.page_size, False
                    )
                if page.changes or page.next_cursor != cursor:  # else: nothing new to keep
                    with self.store.replica_sessions.begin() as session:
                        applied, skipped = self._apply(session, page.changes)
                        self._set_cursor(session, scope, page.next_cursor)
                    report.applied += applied
                    report.skipped_pending += skipped
                done += len(page.changes)
                if page.remaining >= 0:  # counted on the first page of the scope
                    total = done + page.remaining
                progress(f"pull:{scope}", done, max(total, done))
                cursor = page.next_cursor
                if not page.has_more:
                    break
        finally:
            if ahead is not None:
                ahead.cancel()  # or, already running, its answer is dropped

    def _cursor(self, scope: str) -> int:
        with self.store.sessions() as session:
            state = session.get(SyncState, scope)
            return state.cursor if state is not None else 0

    def _set_cursor(self, session: Session, scope: str, cursor: int) -> None:
        state = session.get(SyncState, scope)
        if state is None:
            session.add(SyncState(scope=scope, cursor=cursor))
        else:
            state.cursor = cursor

    def _pending_ids(self, session: Session) -> set[str]:
        """The ids of the rows the outbox still has changes for (read by SQLite's JSON
        functions: the outbox can hold thousands of entries)."""
        text_id = func.json_type(OutboxEntry.args, "$.id") == "text"
        return set(
            session.scalars(select(func.json_extract(OutboxEntry.args, "$.id")).where(text_id))
        )

    def _apply(self, session: Session, changes: list[dict[str, Any]]) -> tuple[int, int]:
        """Write the page's rows: one upsert per table through the driver's executemany,
        values encoded straight to what SQLite stores. A later change of a row in the page
        wins; rows with pending local changes are left alone."""
        if not changes:
            return 0, 0
        tables = entity_tables()
        latest: dict[str, dict[str, dict[str, Any]]] = {}
        tombstones: dict[str, dict[str, None]] = {}  # deletes that came without their row
        for change in changes:
            entity, ident, row = change["entity"], change["id"], change.get("row")
            if entity not in tables:
                continue  # an entity this device does not know (a newer server)
            rows = latest.get(entity)
            if rows is None:
                rows = latest[entity] = {}
            if row is None:
                rows.pop(ident, None)
                if change["op"] == "delete":
                    tombstones.setdefault(entity, {})[ident] = None
                continue
            row["id"] = ident
            if change["op"] == "delete":
                row["deleted"] = True
            rows[ident] = row
            if entity in tombstones:
                tombstones[entity].pop(ident, None)
        pending = self._pending_ids(session)
        skipped = 0
        if pending:
            groups: list[dict[str, Any]] = [*latest.values(), *tombstones.values()]
            for group in groups:
                for ident in pending.intersection(group):
                    del group[ident]
                    skipped += 1
        connection = session.connection()
        dialect = connection.dialect
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        applied = 0
        try:
            for entity, by_id in latest.items():
                table = tables[entity]
                by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
                for row in by_id.values():  # one statement per shape (one, from one server)
                    by_keys.setdefault(tuple(row), []).append(row)
                for keys, shaped in by_keys.items():
                    names, values = storage_rows(table, dialect, keys, shaped)
                    cursor.executemany(_upsert_sql(table.name, tuple(names)), values)
                    applied += len(values)
            for entity, idents in tombstones.items():
                if idents:
                    encode = column_encoder(tables[entity].c.id, dialect)
                    update = f'UPDATE "{tables[entity].name}" SET "deleted" = 1 WHERE "id" = ?'
                    cursor.executemany(update, [(i,) for i in encode(list(idents))])
                    applied += len(idents)
        except MalformedRow as exc:
            raise ServerUnavailable(f"malformed row from the server: {exc}") from None
        finally:
            cursor.close()
        return applied, skipped

    def _clear_scope(self, scope: str) -> None:
        """Drop the scope's replicated rows and cursor, keeping the outbox and its rows."""
        with self.store.replica_sessions.begin() as session:
            pending = self._pending_ids(session)
            for table in entity_tables().values():
                session.execute(
                    delete(table).where(
                        table.c.scope == scope, table.c.id.not_in([uuid.UUID(p) for p in pending])
                    )
                )
            session.execute(delete(SyncState).where(SyncState.scope == scope))

    def _forget_other_scopes(self, scopes: list[str]) -> None:
        """A scope the user no longer has (a site unassigned) is cleared from the device."""
        with self.store.sessions() as session:
            known = list(session.scalars(select(SyncState.scope)))
        for scope in known:
            if scope not in scopes:
                self._clear_scope(scope)

    # -- blobs --------------------------------------------------------------------------

    def upload_blobs(self, progress: Progress = _noop) -> BlobReport:
        report = BlobReport()
        with self.store.sessions() as session:
            queue = list(session.scalars(select(BlobQueueEntry).order_by(BlobQueueEntry.queued_at)))
        total = sum(entry.size for entry in queue)
        sent = 0
        for entry in queue:
            self._check_cancel()
            try:
                self._upload(entry, partial(_offset_progress, progress, sent, total))
                report.uploaded += 1
            except (BlobMissing, BlobCorrupted, Refused) as problem:
                report.failed[entry.sha256] = str(problem)
                self._blob_error(entry.sha256, str(problem))
            sent += entry.size
        return report

    def _upload(self, entry: BlobQueueEntry, progress: Callable[[int], None]) -> None:
        status = self.api.blob_status(entry.sha256)
        offset = 0
        if status is not None:
            offset, complete = status
            if complete:
                self._blob_done(entry.sha256)
                return
        data = self.store.blobs.read(entry.sha256)  # verified against its hash
        while offset < len(data):
            chunk = data[offset : offset + CHUNK]
            try:
                answer = self.api.upload_chunk(
                    entry.sha256, offset, chunk, len(data), entry.content_type
                )
            except Refused as refused:
                details = refused.body.get("details")
                if refused.status == 409 and isinstance(details, dict) and "received" in details:
                    offset = int(details["received"])  # resume where the server is
                    continue
                raise
            offset = int(answer.get("received", offset + len(chunk)))
            self._blob_progress(entry.sha256, offset)
            progress(offset)
            if answer.get("complete"):
                break
        self._blob_done(entry.sha256)

    def _blob_progress(self, sha256: str, received: int) -> None:
        with self.store.transaction() as session:
            row = session.get(BlobQueueEntry, sha256)
            if row is not None:
                row.uploaded_bytes = received

    def _blob_done(self, sha256: str) -> None:
        with self.store.transaction() as session:
            session.execute(delete(BlobQueueEntry).where(BlobQueueEntry.sha256 == sha256))

    def _blob_error(self, sha256: str, error: str) -> None:
        with self.store.transaction() as session:
            row = session.get(BlobQueueEntry, sha256)
            if row is not None:
                row.attempts += 1
                row.last_error = error[:500]

    def download_blob(self, sha256: str, size: int | None, progress: Progress = _noop) -> None:
        """Fetch training media on demand (size known beforehand from the module), with
        progress; the file lands in the blob store only if it hashes to its name."""
        if self.store.blobs.exists(sha256):
            progress("download", size or 0, size or 0)
            return
        parts: list[bytes] = []
        received = 0

        def sink(chunk: bytes, total: int | None) -> None:
            nonlocal received
            self._check_cancel()
            parts.append(chunk)
            received += len(chunk)
            progress("download", received, size or total or received)

        self.api.download(sha256, sink)
        data = b"".join(parts)
        if self.store.blobs.put(data) != sha256:
            raise ServerUnavailable("downloaded file does not match its hash")

    def _try_blobs(self, progress: Progress) -> BlobReport:
        try:
            return self.upload_blobs(progress)
        except ServerUnavailable:
            return BlobReport()  # photos wait for the next round; data already went

    # -- one round ----------------------------------------------------------------------

    def sync_once(self, scopes: Iterable[str], progress: Progress = _noop) -> SyncReport:
        """Push, then pull, then blobs. A network fault ends the round (nothing is lost)."""
        self._cancelled = False
        pushed = self.push(progress)
        try:
            pulled = self.pull(scopes, progress)
        except ServerUnavailable:
            self._try_blobs(progress)  # a flaky pull must not hold photos back
            raise
        blobs = self._try_blobs(progress)
        skew = None
        if pushed.server_time is not None:
            skew = self.clock() - pushed.server_time
        return SyncReport(pushed, pulled, blobs, skew)


def evidence_pending(store: LocalStore, sha256: str) -> bool:
    """Is this photo still waiting to reach the server?"""
    with store.sessions() as session:
        return session.get(BlobQueueEntry, sha256) is not None
