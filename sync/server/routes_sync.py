"""Sync endpoints: pull a scope's changes after a cursor, push a batch of mutations, blobs."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import FileResponse
from sqlalchemy import String, Text, cast, func, select, text

from ker_field.domain.decision import define
from sync.protocol import (
    MutationResult,
    MutationStatus,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server.deps import DB, Caller, State
from sync.server.errors import NOT_FOUND, SCOPE_FORBIDDEN, ApiError, request_lang
from sync.server.push import apply_mutation
from sync.server.tables import BlobRecord, ChangeLogEntry, SyncFloor

router = APIRouter(tags=["sync"])

BLOB_TYPES = {"image/jpeg", "image/png", "application/pdf", "video/mp4"}
SHA256_PATTERN = r"^[0-9a-f]{64}$"

BLOB_TOO_LARGE = define(
    "blob.too_large",
    es="El archivo supera el máximo de {limit} MB.",
    en="The file is over the {limit} MB limit.",
)
BLOB_TYPE = define(
    "blob.type_not_allowed",
    es="Tipo de archivo no permitido: {content_type}.",
    en="File type not allowed: {content_type}.",
)
BLOB_OFFSET = define(
    "blob.offset_mismatch",
    es="El servidor tiene {received} bytes de este archivo: continúe desde ahí.",
    en="The server has {received} bytes of this file: continue from there.",
)
BLOB_HASH = define(
    "blob.hash_mismatch",
    es="El archivo recibido no coincide con su huella SHA-256: envíelo de nuevo.",
    en="The received file does not match its SHA-256: send it again.",
)


@router.get("/sync/pull", response_model=PullResponse)
def pull(
    who: Caller,
    session: DB,
    server: State,
    scope: Annotated[str, Query(max_length=80)],
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    count: bool = True,
) -> PullResponse | Response:
    """The scope's changes with ``seq > after`` in order; ``reset`` when the cursor is older
    than the retained tombstones (the client takes a fresh snapshot, keeping its outbox).

    ``remaining`` counts the changes after the page; with ``count=false`` it is not counted
    (-1 while there is more): a client asks on its first page and keeps the total, as the
    count costs a scan of the rest of the scope's log on PostgreSQL (tens of milliseconds
    per page for 100,000 entries just written)."""
    if scope not in who.scopes:
        raise ApiError(403, SCOPE_FORBIDDEN)
    floor = session.scalar(select(SyncFloor.seq).where(SyncFloor.scope == scope)) or 0
    if 0 < after < floor:
        return PullResponse(
            scope=scope,
            changes=[],
            next_cursor=0,
            has_more=True,
            remaining=0,
            reset=True,
            server_time=server.now(),
        )
    if session.get_bind().dialect.name == "postgresql":
        # Index order, always: with statistics not yet refreshed after a large write the
        # planner took a bitmap scan and sorted every remaining entry (on disk) per page.
        session.execute(text("SET LOCAL enable_bitmapscan = off"))
        session.execute(text("SET LOCAL enable_sort = off"))
    found = session.execute(
        select(
            ChangeLogEntry.seq,
            ChangeLogEntry.entity,
            cast(ChangeLogEntry.row_id, String),
            ChangeLogEntry.op,
            cast(ChangeLogEntry.row, Text),  # the stored JSON text, never decoded here
        )
        .where(ChangeLogEntry.scope == scope, ChangeLogEntry.seq > after)
        .order_by(ChangeLogEntry.seq)
        .limit(limit + 1)
    )
    rows = list(found.all())
    has_more = len(rows) > limit
    del rows[limit:]
    cursor = rows[-1][0] if rows else after
    remaining = -1 if has_more else 0
    if has_more and count:
        remaining = int(
            session.scalar(
                select(func.count())
                .select_from(ChangeLogEntry)
                .where(ChangeLogEntry.scope == scope, ChangeLogEntry.seq > cursor)
            )
            or 0
        )
    tail = (
        f'"next_cursor":{cursor},"has_more":{"true" if has_more else "false"},'
        f'"remaining":{remaining},"reset":false,"server_time":"{server.now().isoformat()}"}}'
    )
    return Response(page_body(scope, rows, tail), media_type="application/json")


def _dashed(row_id: str) -> str:
    """A UUID's canonical text (SQLite keeps its 32 hex digits, PostgreSQL its text)."""
    if len(row_id) == 32:
        return f"{row_id[:8]}-{row_id[8:12]}-{row_id[12:16]}-{row_id[16:20]}-{row_id[20:]}"
    return row_id


def page_body(scope: str, rows: Sequence[Sequence[Any]], tail: str) -> bytes:
    """A pull page (the PullResponse shape) put together from the change log's stored JSON
    text: no row is decoded or encoded again. ``tail`` holds the members after ``changes``.

    Only the row text comes from the log as it is; the other members are numbers, UUIDs and
    JSON-escaped names."""
    scope_json = json.dumps(scope)
    names: dict[str, str] = {}

    def name(value: str) -> str:
        known = names.get(value)
        if known is None:
            known = names[value] = json.dumps(value)
        return known

    changes = ",".join(
        [
            f'{{"seq":{seq},"scope":{scope_json},"entity":{name(entity)},"id":"{_dashed(row_id)}",'
            f'"op":{name(op)},"row":{"null" if row is None else row}}}'
            for seq, entity, row_id, op, row in rows
        ]
    )
    return f'{{"scope":{scope_json},"changes":[{changes}],{tail}'.encode()


@router.post("/sync/push", response_model=PushResponse)
def push(body: PushRequest, who: Caller, server: State, request: Request) -> PushResponse:
    """One answer per mutation, in order; a rejection never blocks the others."""
    lang = request_lang(request)
    received = server.now()
    results: list[MutationResult] = []
    for mutation in body.mutations:
        if results and results[-1].status is MutationStatus.RETRY:
            # Keep the device's order: what follows a mutation to retry waits for it.
            results.append(
                MutationResult(mutation_id=mutation.mutation_id, status=MutationStatus.RETRY)
            )
            continue
        results.append(apply_mutation(server.sessions, who, mutation, received, lang))
    return PushResponse(results=results, server_time=received)


def _blob_path(server: State, sha256: str) -> str:
    return str(server.blob_dir / sha256[:2] / sha256)


def _blob_for_tenant(session: DB, sha256: str, tenant_id: object) -> BlobRecord:
    record = session.get(BlobRecord, sha256)
    if record is None or record.tenant_id != tenant_id:
        raise ApiError(404, NOT_FOUND, what="blob")
    return record


@router.head("/blobs/{sha256}")
def blob_status(sha256: str, who: Caller, session: DB) -> Response:
    """Exists? How much has arrived? (``X-Blob-Received``, ``X-Blob-Complete``)."""
    record = _blob_for_tenant(session, sha256, who.tenant_id)
    return Response(
        status_code=200,
        headers={
            "X-Blob-Size": str(record.size),
            "X-Blob-Received": str(record.received),
            "X-Blob-Complete": "1" if record.complete else "0",
        },
    )


@router.put("/blobs/{sha256}")
async def upload_blob(
    sha256: str,
    request: Request,
    who: Caller,
    session: DB,
    server: State,
    content_type: Annotated[str, Header()],
    x_blob_size: Annotated[int, Header(ge=1)],
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, object]:
    """Chunked, resumable upload: send bytes from ``offset`` (what HEAD says has arrived).
    The last chunk completes the file, which must hash to its name."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ApiError(404, NOT_FOUND, what="blob")
    if x_blob_size > server.max_blob_bytes:
        raise ApiError(413, BLOB_TOO_LARGE, limit=server.max_blob_bytes // (1024 * 1024))
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in BLOB_TYPES:
        raise ApiError(415, BLOB_TYPE, content_type=media_type)
    record = session.get(BlobRecord, sha256)
    if record is None:
        record = BlobRecord(
            sha256=sha256,
            tenant_id=who.tenant_id,
            size=x_blob_size,
            content_type=media_type,
            received=0,
            complete=False,
        )
        session.add(record)
        session.flush()
    elif record.tenant_id != who.tenant_id:
        raise ApiError(404, NOT_FOUND, what="blob")
    if record.complete:
        session.commit()
        return {"sha256": sha256, "received": record.size, "complete": True}
    if offset != record.received:
        raise ApiError(
            409, BLOB_OFFSET, details={"received": record.received}, received=record.received
        )
    chunk = await request.body()
    if record.received + len(chunk) > record.size:
        raise ApiError(413, BLOB_TOO_LARGE, limit=server.max_blob_bytes // (1024 * 1024))
    final = _blob_path(server, sha256)
    partial = final + ".part"
    os.makedirs(os.path.dirname(final), exist_ok=True)
    with open(partial, "r+b" if offset else "wb") as handle:
        handle.seek(offset)
        handle.write(chunk)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    record.received = offset + len(chunk)
    if record.received == record.size:
        digest = hashlib.sha256()
        with open(partial, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            os.remove(partial)
            record.received = 0
            session.commit()
            raise ApiError(422, BLOB_HASH)
        os.replace(partial, final)
        record.complete = True
    session.commit()
    return {"sha256": sha256, "received": record.received, "complete": record.complete}


@router.get("/blobs/{sha256}")
def download_blob(sha256: str, who: Caller, session: DB, server: State) -> FileResponse:
    record = _blob_for_tenant(session, sha256, who.tenant_id)
    if not record.complete:
        raise ApiError(404, NOT_FOUND, what="blob")
    return FileResponse(_blob_path(server, sha256), media_type=record.content_type)
