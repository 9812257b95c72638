"""Quality audits on site (issue 9): supervisors and administrators audit a site against
the ISO 9001 / 14001 / 45001 checklists, offline."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import cast

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ker_field.capture.photo import encode_jpeg
from ker_field.capture.synthetic import scene
from ker_field.domain.enums import AuditResult, AuditStatus, UserRole
from ker_field.ui.audit.page import AuditPage
from ker_field.ui.audit.photo import PhotoDialog
from ker_field.ui.journeys import Journey, JourneyHost, Shot


def _settle(host: JourneyHost) -> None:
    for _ in range(4):
        host.tasks.wait()
        QCoreApplication.processEvents()


def _audit_screens(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    view = cast(AuditPage, page)
    view.refresh()
    _settle(host)
    shot("audit-list")
    rows = view.audits_model.rows()
    ongoing = next((r for r in rows if r.status is AuditStatus.IN_PROGRESS), None)
    if ongoing is not None:
        view.open_audit(ongoing.id)
        _settle(host)
        assert view.view is not None
        finding = next((i for i in view.view.items if i.result is AuditResult.FAIL), None)
        if finding is not None:
            view.select_item(finding.key)
            _settle(host)
            shot("audit-finding")
            _photo_shot(host, view, shot)
        view.complete()
        _settle(host)
        shot("audit-incomplete-refused")
    done = next((r for r in rows if r.status is AuditStatus.COMPLETED), None)
    if done is not None:
        view.open_audit(done.id)
        _settle(host)
        shot("audit-completed")
    view.show_list()
    _settle(host)


def _photo_shot(host: JourneyHost, view: AuditPage, shot: Shot) -> None:
    """The camera dialog over the finding, fed by a generated frame (no camera here)."""
    with tempfile.TemporaryDirectory() as tmp:
        frame = scene(np.random.default_rng(4)).astype(np.uint8)
        path = Path(tmp) / "frame.jpg"
        path.write_bytes(encode_jpeg(frame).jpeg)
        item = view.current_item()
        caption = f"{item.clause} · {item.text}" if item is not None else ""
        dialog = PhotoDialog(f"file:{path}", host.session.user_id, caption, view)
        dialog.resize(760, 520)
        dialog.show()
        deadline = time.monotonic() + 5
        while dialog.camera.frames_shown == 0 and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.02)
        shot("audit-photo", dialog)
        dialog.reject()
        dialog.deleteLater()
        _settle(host)


JOURNEYS = [
    Journey(
        key="audit",
        title=lambda: QCoreApplication.translate("Journeys", "Auditorías"),
        create=AuditPage,
        roles=frozenset({UserRole.SUPERVISOR, UserRole.ADMIN}),
        screenshots=_audit_screens,
    )
]
