"""Training reads from the server that sync does not carry: the certificates' PDFs (kept on
the device for offline viewing) and, for a supervisor, the team's progress."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ValidationError

from ker_field.domain.enums import TrainingStatus
from ker_field.services import training
from ker_field.services.context import ServiceContext
from sync.client.api import Refused, ServerApi, ServerUnavailable

Progress = Callable[[str, int, int], None]


def _noop(phase: str, done: int, total: int) -> None:
    return None


class _Certificate(BaseModel):
    number: str
    verification_path: str
    person: str
    module_id: uuid.UUID
    module_title: str
    issued_at: AwareDatetime
    expires_at: AwareDatetime


class _Progress(BaseModel):
    user_id: uuid.UUID
    module_id: uuid.UUID
    status: TrainingStatus
    certificate_expires_at: AwareDatetime | None = None
    due_at: AwareDatetime | None = None
    score: int | None = None


def fetch_certificate(ctx: ServiceContext, api: ServerApi, number: str) -> training.CertificateView:
    """Fetch one certificate (its facts and PDF) and keep it on the device."""
    try:
        cert = _Certificate.model_validate(api.get_json(f"/training/certificates/{number}"))
    except ValidationError:
        raise ServerUnavailable("malformed certificate answer") from None
    pdf = api.get_bytes(f"/training/certificates/{number}/pdf")
    issued = training.IssuedCertificate(
        number=cert.number,
        module_id=cert.module_id,
        person=cert.person,
        module_title=cert.module_title,
        issued_at=cert.issued_at,
        expires_at=cert.expires_at,
        verify_url=api.base_url + cert.verification_path,
    )
    try:
        return training.keep_certificate(ctx, issued, pdf)
    except ValueError:
        raise ServerUnavailable("the certificate PDF is damaged") from None


def fetch_missing_certificates(
    ctx: ServiceContext,
    api: ServerApi,
    progress: Progress = _noop,
    skip: frozenset[str] = frozenset(),
) -> list[str]:
    """Bring every certificate the person holds whose PDF is not on the device (but those
    in ``skip``); returns the numbers kept. One the server refuses (e.g. it keeps no record
    of it) is left out."""
    kept: list[str] = []
    missing = [n for n in training.certificates_to_fetch(ctx) if n not in skip]
    for done, number in enumerate(missing):
        progress("certificates", done, len(missing))
        try:
            fetch_certificate(ctx, api, number)
        except Refused:
            continue  # e.g. 404: a certificate issued before the server kept records
        kept.append(number)
    progress("certificates", len(missing), len(missing))
    return kept


def team_progress(api: ServerApi, page_size: int = 200) -> list[training.TeamProgress]:
    """Every progress row the server lets this person see (a supervisor: the people at his
    sites; an admin: the tenant), page by page."""
    rows: list[training.TeamProgress] = []
    page = 1
    while True:
        body: dict[str, Any] = api.get_json(
            "/training/progress", {"page": page, "page_size": page_size}
        )
        try:
            items = [_Progress.model_validate(item) for item in body["items"]]
            total = int(body["total"])
        except (KeyError, TypeError, ValueError, ValidationError):
            raise ServerUnavailable("malformed progress answer") from None
        rows += [
            training.TeamProgress(
                user_id=item.user_id,
                module_id=item.module_id,
                status=item.status,
                certificate_expires_at=item.certificate_expires_at,
                due_at=item.due_at,
                score=item.score,
            )
            for item in items
        ]
        if not items or page * page_size >= total:
            return rows
        page += 1


def team_progress_json(rows: list[training.TeamProgress]) -> list[dict[str, Any]]:
    """The rows as JSON (kept by the supervisor's screen for offline viewing)."""
    return [
        {
            "user_id": str(r.user_id),
            "module_id": str(r.module_id),
            "status": r.status.value,
            "certificate_expires_at": _iso(r.certificate_expires_at),
            "due_at": _iso(r.due_at),
            "score": r.score,
        }
        for r in rows
    ]


def team_progress_from_json(data: object) -> list[training.TeamProgress]:
    if not isinstance(data, list):
        raise ValueError("not a list of progress rows")
    rows = []
    for item in data:
        parsed = _Progress.model_validate(item)
        rows.append(
            training.TeamProgress(
                parsed.user_id,
                parsed.module_id,
                parsed.status,
                parsed.certificate_expires_at,
                parsed.due_at,
                parsed.score,
            )
        )
    return rows


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
