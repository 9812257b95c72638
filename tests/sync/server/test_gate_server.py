"""The gate on the server: a check-in pushed directly with a forged or missing invite token is
refused, a genuine one is applied; the printable invitation carries the signed QR code; the
retention run anonymizes visitor data past the site's period. Real server over HTTP."""

from __future__ import annotations

import base64
import io
import uuid
from datetime import timedelta

import pytest
import zxingcpp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.enums import AccessDirection, AccessMethod
from ker_field.domain.invite_token import verify_invite_token
from ker_field.domain.models import AccessLog, Tenant, VisitorInvite
from ker_field.domain.rules.visitors import ANONYMIZED_NAME
from sync.protocol import Mutation, MutationName, VisitorAccessArgs
from sync.server.invites import anonymize_all_tenants

STGO = demo.SITE_IDS["STGO"]
DELIVERY = demo.demo_id("invite", "3")  # no NDA needed for deliveries


def _push(client, args: VisitorAccessArgs, when, seq: int = 1) -> dict:
    mutation = Mutation(
        mutation_id=uuid.uuid4(),
        device_id="dev-guardia",
        device_seq=seq,
        name=MutationName.VISITOR_ACCESS.value,
        args=args.model_dump(mode="json"),
        base_version=None,
        device_time=when,
        site_id=STGO,
    )
    answer = client.post("/sync/push", json={"mutations": [mutation.model_dump(mode="json")]})
    assert answer.status_code == 200, answer.text
    [result] = answer.json()["results"]
    return result


def _entry(token: str | None, invite=DELIVERY) -> VisitorAccessArgs:
    return VisitorAccessArgs(
        id=uuid.uuid4(),
        visit_id=uuid.uuid4(),
        direction=AccessDirection.IN,
        method=AccessMethod.QR,
        gate="Portería 1",
        invite_id=invite,
        token=token,
    )


def _server_token(live_server, invite=DELIVERY) -> str:
    with Session(live_server.engine) as session:
        row = session.get(VisitorInvite, invite)
        assert row is not None and row.qr_token
        return row.qr_token


def _forged(token: str) -> str:
    """The same payload signed by someone else's key: what a copied-and-edited QR gives."""
    other = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    signed = token.rsplit(".", 1)[0].encode()
    forged_sig = Ed25519PrivateKey.from_private_bytes(other).sign(signed)
    return f"{signed.decode()}.{base64.urlsafe_b64encode(forged_sig).rstrip(b'=').decode()}"


def test_the_server_refuses_a_forged_check_in_pushed_directly(live_server, login):
    guard = login("guardia")
    now = live_server.clock.now
    genuine = _server_token(live_server)

    forged = _push(guard, _entry(_forged(genuine)), now)
    assert (forged["status"], forged["code"]) == ("rejected", "invite.token_forged")
    missing = _push(guard, _entry(None), now, seq=2)
    assert (missing["status"], missing["code"]) == ("rejected", "invite.token_malformed")
    # A genuine token of another invite does not open this one.
    other = _push(guard, _entry(_server_token(live_server, demo.demo_id("invite", "1"))), now, 3)
    assert (other["status"], other["code"]) == ("rejected", "invite.token_forged")
    unknown = _push(guard, _entry(genuine, invite=uuid.uuid4()), now, seq=4)
    assert (unknown["status"], unknown["code"]) == ("rejected", "sync.record_missing")
    with Session(live_server.engine) as session:
        assert session.scalars(select(AccessLog)).all() == []

    applied = _push(guard, _entry(genuine), now, seq=5)
    assert applied["status"] == "applied"
    with Session(live_server.engine) as session:
        [log] = session.scalars(select(AccessLog))
        assert (log.person_name, log.method) == ("Transportes Norte", AccessMethod.QR)


def test_the_printable_invitation_carries_the_signed_qr_code(live_server, login):
    guard = login("guardia")
    answer = guard.get(f"/visitors/invites/{DELIVERY}/invitation.pdf")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")
    png = guard.get(f"/visitors/invites/{DELIVERY}/qr.png")
    [read] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
    with Session(live_server.engine) as session:
        key = session.get(Tenant, demo.TENANT_ID).invite_public_key
    assert verify_invite_token(read.text, key).invite_id == DELIVERY
    # A technician does not print visitors' invitations.
    assert login("tecnico").get(f"/visitors/invites/{DELIVERY}/invitation.pdf").status_code == 403


def test_retention_anonymizes_visitor_data_past_the_sites_period(live_server, login):
    guard = login("guardia")
    now = live_server.clock.now
    entry = _entry(_server_token(live_server))
    assert _push(guard, entry, now)["status"] == "applied"
    leave = VisitorAccessArgs(
        id=uuid.uuid4(),
        visit_id=entry.visit_id,
        direction=AccessDirection.OUT,
        method=AccessMethod.ROSTER,
        gate="Portería 1",
    )
    assert _push(guard, leave, now + timedelta(hours=1), seq=2)["status"] == "applied"
    admin = login("admin")
    assert login("guardia", "dev-2").post("/visitors/retention/run").status_code == 403
    assert admin.post("/visitors/retention/run").json()["access_logs"] == 0  # too recent

    later = live_server.clock.advance(days=91)  # the demo sites keep visitor data 90 days
    with Session(live_server.engine) as session, session.begin():  # what a server start runs
        done = anonymize_all_tenants(session, later)
    assert done.access_logs == 2 and done.invites >= 1
    again = login("admin", "dev-admin-later").post("/visitors/retention/run")
    assert again.json() == {"access_logs": 0, "invites": 0, "ndas": 0}  # already done
    with Session(live_server.engine) as session:
        logs = session.scalars(select(AccessLog).where(AccessLog.visit_id == entry.visit_id))
        assert {(log.person_name, log.person_rut, log.company) for log in logs} == {
            (ANONYMIZED_NAME, None, None)
        }
        invite = session.get(VisitorInvite, DELIVERY)
        assert invite.visitor_rut is None and invite.anonymized_at is not None


@pytest.fixture(autouse=True)
def _back_to_now(live_server):
    start = live_server.clock.now
    yield
    live_server.clock.now = start
