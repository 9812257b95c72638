"""A scan at the gate, without Qt: verified offline with the public key; a genuine code whose
invite has not reached the device yet, or that is not valid yet, says so; a device without
the key says to sync; a gate anomaly is reviewed once, with a note."""

from __future__ import annotations

import base64
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ker_field.domain import demo
from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import AccessDirection
from ker_field.domain.invite_token import InvitePayload
from ker_field.domain.models import GateAnomaly, Tenant, VisitorInvite
from ker_field.domain.rules.visitors import DOUBLE_ADMISSION
from ker_field.domain.scopes import site_scope
from ker_field.services import visitors
from ker_field.services.visitors import Outcome
from sync.server.invites import sign_invite

STGO = demo.SITE_IDS["STGO"]


@pytest.fixture
def signer(demo_store):
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    with demo_store.transaction() as db:
        db.get(Tenant, demo.TENANT_ID).invite_public_key = base64.b64encode(public).decode()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return lambda payload: sign_invite(raw, payload)


def test_scan_verdicts_beyond_the_invite_rules(ctx_for, signer, clock):
    guard = ctx_for("guardia")
    window = InvitePayload(
        uuid.uuid4(), STGO, clock.now - timedelta(hours=1), clock.now + timedelta(hours=1), "n"
    )
    unknown = visitors.scan_invite(guard, signer(window), "Portería 1")
    assert unknown.codes == ("visitor.invite_not_on_device",)
    early = replace(window, valid_from=clock.now + timedelta(hours=2))
    assert visitors.scan_invite(guard, signer(early), "P").codes == ("visitor.too_early",)

    truck = demo.demo_id("invite", "3")
    with guard.store.sessions() as db:
        row = db.get(VisitorInvite, truck)
        genuine = signer(InvitePayload(truck, STGO, row.valid_from, row.valid_to, "n"))
    # Leaving before coming in is refused; then in, then out by scanning at the exit.
    out_first = visitors.scan_invite(guard, genuine, "P", AccessDirection.OUT)
    assert out_first.codes == ("visitor.not_inside",)
    assert visitors.scan_invite(guard, genuine, "P").outcome is Outcome.ADMITTED
    assert visitors.scan_invite(guard, genuine, "P", AccessDirection.OUT).outcome is (
        Outcome.RELEASED
    )
    # No key on the device (never synced): the verdict says to sync.
    no_key = visitors.scan_invite(guard, genuine, "P", public_key="")
    assert no_key.codes == ("invite.public_key_invalid",)


def test_an_anomaly_is_reviewed_once_with_a_note(ctx_for, signer, demo_store, clock):
    guard = ctx_for("guardia")
    receipt = visitors.check_in_visitor(guard, "P", invite_id=demo.demo_id("invite", "3"))
    anomaly_id = uuid.uuid4()
    with demo_store.transaction() as db:  # as the server's pull would bring it
        db.add(
            GateAnomaly(
                id=anomaly_id,
                tenant_id=demo.TENANT_ID,
                scope=site_scope(STGO),
                site_id=STGO,
                kind=DOUBLE_ADMISSION,
                invite_id=demo.demo_id("invite", "3"),
                access_log_id=receipt.log_id,
                person_name="Transportes Norte",
                gates="Norte / Sur",
                detected_at=clock.now,
            )
        )
    assert [a.id for a in visitors.gate_anomalies(guard)] == [anomaly_id]
    with pytest.raises(RuleViolation) as blank:
        visitors.resolve_anomaly(guard, anomaly_id, "  ")
    assert blank.value.decision.codes == ("visitor.resolution_required",)
    visitors.resolve_anomaly(guard, anomaly_id, "Dos camiones de la misma empresa")
    assert visitors.gate_anomalies(guard) == []
    [seen] = visitors.gate_anomalies(guard, include_resolved=True)
    assert seen.resolution == "Dos camiones de la misma empresa"
    with pytest.raises(RuleViolation) as twice:
        visitors.resolve_anomaly(guard, anomaly_id, "otra vez")
    assert twice.value.decision.codes == ("visitor.anomaly_resolved",)
    with pytest.raises(RuleViolation) as technician:
        visitors.resolve_anomaly(ctx_for("tecnico"), anomaly_id, "x")
    assert technician.value.decision.codes == ("auth.role_forbidden",)
