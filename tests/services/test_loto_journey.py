"""The LOTO journey's services: find an asset by its tag, the asset's view with the three
prerequisites, the lockout's record with its evidence chain and pending photos, and the PDF
an auditor reads."""

from __future__ import annotations

import re
import zlib

import pytest
from sqlalchemy import delete, update

from ker_field.domain import demo
from ker_field.domain.enums import EnergyType, LotoEvent
from ker_field.domain.models import LotoLog
from ker_field.domain.rules import loto_chain as chain
from ker_field.services import loto, loto_report
from ker_field.store.tables import BlobQueueEntry
from tests.conftest import asset_id, energy_ids
from tests.helpers.frames import jpeg_photo

CONVEYOR = asset_id("STGO", 2)
PRESS = asset_id("STGO", 3)
OVERDUE = asset_id("STGO", 6)  # a conveyor whose procedure inspection is overdue


def pdf_text(pdf: bytes) -> str:
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            texts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(texts).replace("\\(", "(").replace("\\)", ")")


def test_find_asset_by_its_tag_ignores_case_and_blanks(ctx_for):
    tech = ctx_for("tecnico")
    assert loto.find_asset(tech, "  ker-stgo-002\n") == CONVEYOR
    for code in ("KER-ANTO-002", "nada", "", "x" * 500, "KER-STGO-002'; DROP TABLE asset;--"):
        with pytest.raises(loto.AssetNotFound):
            loto.find_asset(tech, code)


def test_asset_view_lists_the_procedure_and_the_three_prerequisites(ctx_for):
    tech = ctx_for("tecnico")
    press = loto.asset_loto(tech, PRESS)
    assert [(s.energy_type, s.magnitude) for s in press.sources] == [
        (EnergyType.ELECTRICAL, "220 V"),
        (EnergyType.HYDRAULIC, "180 bar"),
        (EnergyType.GRAVITATIONAL, "Carro 1,2 t"),
    ]
    assert press.sources[1].isolation_point == "Válvula de bloqueo V-3"
    assert press.sources[1].verification_method == "Manómetro en 0 bar tras purgar"
    assert press.ticket_id == demo.demo_id("ticket", "STGO", "3")  # its open ticket, rated high
    assert press.training.codes == ("training.certificate_expired",)
    assert press.permit.codes == ("permit.required",)
    assert press.inspection.allowed and not press.inspection.warnings
    assert not press.prerequisites.allowed
    without_ticket = loto.asset_loto(tech, PRESS, None, ticket_chosen=True)
    assert without_ticket.ticket_id is None and without_ticket.permit.allowed

    overdue = loto.asset_loto(tech, OVERDUE)
    assert overdue.inspection.allowed  # warns, does not block (tenant setting)
    assert [w.code for w in overdue.inspection.warnings] == ["loto.procedure_inspection_overdue"]
    conveyor = loto.asset_loto(tech, CONVEYOR)
    assert conveyor.prerequisites.allowed and conveyor.lockout is None


def lock_out(ctx, points, photo):
    view = loto.notify_affected(ctx, CONVEYOR)
    loto.shut_down(ctx, view.lockout_id)
    for n, point in enumerate(points, start=1):
        view = loto.apply_lock(ctx, view.lockout_id, point, f"L-{n:03d}", photo())
    loto.release_stored_energy(ctx, view.lockout_id)
    return loto.verify_isolation(ctx, view.lockout_id)


def test_the_record_chains_every_step_and_knows_which_photos_wait(ctx_for, photo, demo_store):
    tech = ctx_for("tecnico")
    view = lock_out(tech, energy_ids("STGO", 2, 2), photo)
    assert loto.asset_loto(tech, CONVEYOR).lockout == view
    record = loto.lockout_record(tech, view.lockout_id)
    assert [e.event for e in record.entries] == [
        LotoEvent.NOTIFIED,
        LotoEvent.SHUT_DOWN,
        LotoEvent.LOCK_APPLIED,
        LotoEvent.LOCK_APPLIED,
        LotoEvent.ENERGY_RELEASED,
        LotoEvent.ISOLATION_VERIFIED,
    ]
    assert record.people == ("Pedro Soto",)
    assert record.entries[0].prev_hash is None
    assert [e.prev_hash for e in record.entries[1:]] == [e.entry_hash for e in record.entries[:-1]]
    assert record.chain_problems == ()
    assert record.evidence_pending
    photos = [e.photo_sha256 for e in record.entries if e.photo_sha256]
    assert loto.pending_evidence(tech, photos) == frozenset(photos)

    with demo_store.transaction() as session:  # the blob queue says the first one arrived
        session.execute(delete(BlobQueueEntry).where(BlobQueueEntry.sha256 == photos[0]))
    record = loto.lockout_record(tech, view.lockout_id)
    assert [e.evidence_pending for e in record.entries if e.photo_sha256] == [False, True]

    with demo_store.transaction() as session:  # someone edits the device's copy of a step
        session.execute(
            update(LotoLog).where(LotoLog.id == record.entries[2].id).values(lock_serial="Z-1")
        )
    problems = loto.lockout_record(tech, view.lockout_id).chain_problems
    assert problems == (chain.ChainProblem(record.entries[2].id, chain.CHAIN_ENTRY_ALTERED),)


def test_the_pdf_holds_procedure_people_times_photos_and_hashes(ctx_for, photo, tmp_path):
    tech = ctx_for("tecnico")
    view = lock_out(tech, energy_ids("STGO", 2, 2), photo)
    record = loto.lockout_record(tech, view.lockout_id)
    path = loto_report.save_lockout_pdf(tech, view.lockout_id, tmp_path / "record.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (
        "Registro de bloqueo (LOTO)",
        "Correa transportadora 02 (KER-STGO-002)",
        "LOTO-STGO-002",
        "Seccionador del motor M-2",
        "Pedro Soto",
        "Candado puesto",
        "L-002",
        "evidencia pendiente",
        "Verificada: cada registro coincide con su hash",
    ):
        assert expected in text, expected
    for entry in record.entries:
        assert entry.entry_hash is not None and entry.entry_hash in text
    assert data.count(b"/Subtype /Image") == 2  # both lock photos
    english = pdf_text(loto_report.lockout_pdf(tech, view.lockout_id, "en"))
    assert "Lockout record (LOTO)" in english and "Lock applied" in english


def test_a_photo_missing_or_unreadable_is_said_in_the_pdf(ctx_for, demo_store):
    tech = ctx_for("tecnico")
    broken = demo_store.blobs.put(b"\xff\xd8 not really a jpeg")
    good = demo_store.blobs.put(jpeg_photo(5))
    view = loto.notify_affected(tech, CONVEYOR)
    loto.shut_down(tech, view.lockout_id)
    points = energy_ids("STGO", 2, 2)
    loto.apply_lock(tech, view.lockout_id, points[0], "L-1", broken)
    loto.apply_lock(tech, view.lockout_id, points[1], "L-2", good)
    demo_store.blobs.path(good).unlink()
    text = pdf_text(loto_report.lockout_pdf(tech, view.lockout_id))
    assert text.count("foto no disponible en este dispositivo") == 2


def test_store_photo_keeps_only_jpegs(ctx_for):
    tech = ctx_for("tecnico")
    sha = loto.store_photo(tech, jpeg_photo(1))
    assert tech.store.blobs.exists(sha)
    with pytest.raises(ValueError, match="JPEG"):
        loto.store_photo(tech, b"GIF89a...")
