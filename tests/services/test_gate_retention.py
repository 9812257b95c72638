"""Visitor personal data past the site's retention period is anonymized on the device;
visits still open, or recent, keep theirs."""

from __future__ import annotations

from ker_field.domain.enums import AccessType
from ker_field.domain.models import AccessLog
from ker_field.domain.rules.visitors import ANONYMIZED_NAME
from ker_field.services import visitors
from ker_field.services.retention import apply_retention
from ker_field.services.visitors import WalkIn


def test_retention_anonymizes_finished_visits_only(ctx_for, photo, demo_store, clock):
    guard = ctx_for("guardia")
    id_photo = photo()
    left = visitors.check_in_visitor(
        guard,
        "Portería 1",
        walk_in=WalkIn(
            "Rosa Vega", "12.345.678-5", "Despachos SA", AccessType.DELIVERY, None, id_photo
        ),
    )
    visitors.check_out_visitor(guard, left.visit_id, "Portería 1")
    staying = visitors.check_in_visitor(
        guard,
        "Portería 1",
        walk_in=WalkIn("Iván Toro", "20000000-5", "Fletes SpA", AccessType.DELIVERY),
    )
    assert apply_retention(guard).access_logs == 0  # nothing is old yet

    clock.advance(days=91)  # the demo sites keep visitor data 90 days
    done = apply_retention(guard)
    assert done.access_logs == 2 and done.invites == 3  # yesterday's demo invites too
    with demo_store.sessions() as session:
        rows = session.query(AccessLog).filter(AccessLog.visit_id == left.visit_id).all()
        assert {(r.person_name, r.person_rut, r.company, r.id_photo_sha256) for r in rows} == {
            (ANONYMIZED_NAME, None, None, None)
        }
    assert not demo_store.blobs.exists(id_photo)
    # Still inside: the roll call keeps the name for an evacuation.
    [inside] = visitors.roll_call(guard)
    assert (inside.visit_id, inside.name, inside.rut) == (
        staying.visit_id,
        "Iván Toro",
        "20.000.000-5",
    )
    assert apply_retention(guard).access_logs == 0  # idempotent
