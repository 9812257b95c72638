"""Visitor invite tokens signed with the tenant's Ed25519 key and verified offline, and
training certificates: issued by a passing quiz pushed from a device, downloaded as PDF,
checked on the public verification page until they expire. HTTP tests run on SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import dataclasses
import io
import re
import uuid
import zlib
from datetime import UTC, datetime, timedelta

import pytest
import zxingcpp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.enums import VisitorStatus
from ker_field.domain.invite_token import (
    KEY_INVALID,
    TOKEN_FORGED,
    TOKEN_MALFORMED,
    InvitePayload,
    assemble_token,
    verify_invite_token,
)
from ker_field.domain.models import Tenant
from ker_field.domain.rules.visitors import InviteFacts, check_invite
from ker_field.services import training
from sync.server.invites import sign_invite
from tests.helpers.device import Device, push_body
from tests.helpers.rest import DATABASES, Clients, module_server

STGO = demo.SITE_IDS["STGO"]


def keypair() -> tuple[bytes, str]:
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return raw, base64.b64encode(public).decode()


PAYLOAD = InvitePayload(
    invite_id=uuid.UUID("0b9f6f43-3f39-4b8e-9d1c-8f7f0c1d2e3a"),
    site_id=STGO,
    valid_from=datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
    valid_to=datetime(2026, 11, 30, 20, 0, tzinfo=UTC),
    nonce="n0nce-1",
)


def test_a_token_verifies_with_the_tenants_public_key():
    private, public = keypair()
    token = sign_invite(private, PAYLOAD)
    assert token.startswith("KER1.") and token.count(".") == 2
    assert verify_invite_token(token, public) == PAYLOAD
    assert verify_invite_token(f"  {token}\n", public) == PAYLOAD  # as a scanner may read it


def _swap_payload(token: str) -> str:
    """Keep the signature, replace the payload by another (valid) one: another site."""
    other, _ = keypair()
    forged_payload = sign_invite(other, dataclasses.replace(PAYLOAD, site_id=uuid.uuid4()))
    return ".".join([*forged_payload.split(".")[:2], token.split(".")[2]])


def _flip(text: str, at: int) -> str:
    return text[:at] + ("A" if text[at] != "A" else "B") + text[at + 1 :]


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (_swap_payload, TOKEN_FORGED),
        (lambda t: _flip(t, 12), TOKEN_FORGED),  # one character of the payload
        (lambda t: _flip(t, len(t) - 20), TOKEN_FORGED),  # one character of the signature
        (lambda t: t.rsplit(".", 1)[0], TOKEN_MALFORMED),
        (lambda t: "KER2" + t[4:], TOKEN_MALFORMED),
        (lambda t: t + ".x", TOKEN_MALFORMED),
        (lambda t: t.replace(".", ".é", 1), TOKEN_MALFORMED),
        (lambda t: "https://example.com/?invite=1", TOKEN_MALFORMED),
        (lambda t: "", TOKEN_MALFORMED),
    ],
)
def test_a_tampered_token_is_refused(tamper, code):
    private, public = keypair()
    assert verify_invite_token(tamper(sign_invite(private, PAYLOAD)), public) == code


def test_another_tenants_key_does_not_verify_the_token():
    mine, _ = keypair()
    _, theirs = keypair()
    assert verify_invite_token(sign_invite(mine, PAYLOAD), theirs) == TOKEN_FORGED


def test_a_signed_payload_that_is_not_an_invite_is_malformed():
    raw, public = keypair()
    private = Ed25519PrivateKey.from_private_bytes(raw)
    for body in (b"not json", b"[1, 2]", b'{"i": "x"}'):
        signed = b"KER1." + base64.urlsafe_b64encode(body).rstrip(b"=")
        assert (
            verify_invite_token(assemble_token(signed, private.sign(signed)), public)
            == TOKEN_MALFORMED
        )


@pytest.mark.parametrize("key", ["", "not base64!", base64.b64encode(b"short").decode()])
def test_a_gate_without_a_valid_key_says_so(key):
    private, _ = keypair()
    assert verify_invite_token(sign_invite(private, PAYLOAD), key) == KEY_INVALID


# --- over HTTP -------------------------------------------------------------------------------


def invite_body(now: datetime, **changes: object) -> dict[str, object]:
    body = {
        "site_id": str(STGO),
        "visitor_name": "Rosa Tapia",
        "visitor_rut": "12.345.678-5",
        "visitor_company": "Andes Ltda.",
        "access_type": "contractor",
        "host_user_id": str(demo.USER_IDS["supervisor"]),
        "valid_from": (now - timedelta(hours=1)).isoformat(),
        "valid_to": (now + timedelta(hours=9)).isoformat(),
    }
    return body | changes


@pytest.fixture(scope="module", params=DATABASES)
def server(request, tmp_path_factory):
    yield from module_server(request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def clients(server):
    made = Clients(server)
    yield made
    made.close()


def test_an_invite_carries_a_signed_token_that_the_gate_verifies_offline(server, clients):
    now = server.clock.now
    guard = clients("guardia")
    created = guard.post("/visitors/invites", json=invite_body(now))
    assert created.status_code == 201, created.text
    invite = created.json()
    assert (invite["status"], invite["visitor_rut"]) == ("invited", "12345678-5")
    with Session(server.engine) as session:
        public_key = session.get(Tenant, demo.TENANT_ID).invite_public_key

    payload = verify_invite_token(invite["qr_token"], public_key)
    assert isinstance(payload, InvitePayload), payload
    assert (payload.invite_id, payload.site_id) == (uuid.UUID(invite["id"]), STGO)
    assert payload.valid_from == datetime.fromisoformat(invite["valid_from"])
    assert payload.valid_to == datetime.fromisoformat(invite["valid_to"])
    facts = InviteFacts(
        payload.site_id, VisitorStatus.INVITED, payload.valid_from, payload.valid_to
    )
    assert check_invite(facts, STGO, now).allowed  # what the gate asks next, offline
    assert not check_invite(facts, demo.SITE_IDS["ANTO"], now).allowed

    png = guard.get(f"/visitors/invites/{invite['id']}/qr.png")
    assert png.headers["content-type"] == "image/png"
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)).convert("L"))
    assert [code.text for code in decoded] == [invite["qr_token"]]
    svg = guard.get(f"/visitors/invites/{invite['id']}/qr.svg")
    assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.content

    seeded = guard.get(f"/visitors/invites/{demo.demo_id('invite', '1')}").json()
    assert isinstance(verify_invite_token(seeded["qr_token"], public_key), InvitePayload)

    # Devices of the site receive the invite, token included, through sync.
    pulled = guard.get("/sync/pull", params={"scope": f"site:{STGO}", "limit": 5000}).json()
    rows = [c["row"] for c in pulled["changes"] if c["id"] == invite["id"]]
    assert rows and rows[-1]["qr_token"] == invite["qr_token"]


@pytest.mark.parametrize(
    ("username", "changes", "status", "code"),
    [
        ("tecnico", {}, 403, "auth.role_forbidden"),
        ("guardia", {"visitor_rut": "12345678-0"}, 409, "rut.invalid"),
        ("guardia", {"valid_to": "2026-11-30T06:00:00+00:00"}, 409, "invite.window_invalid"),
        ("guardia", {"site_id": str(demo.SITE_IDS["ANTO"])}, 404, "api.not_found"),
        ("guardia", {"host_user_id": str(uuid.uuid4())}, 404, "api.not_found"),
        ("guardia", {"visitor_name": ""}, 422, "api.validation_error"),
        ("guardia", {"visitor_name": "   "}, 409, "visitor.name_required"),
        ("guardia", {"qr_token": "KER1.mine"}, 422, "api.validation_error"),
    ],
)
def test_invites_that_are_refused(server, clients, username, changes, status, code):
    client = clients(username)
    before = client.get("/visitors/invites").json()["total"]
    answer = client.post("/visitors/invites", json=invite_body(server.clock.now, **changes))
    assert answer.status_code == status, answer.text
    assert answer.json()["code"] == code
    assert client.get("/visitors/invites").json()["total"] == before


def _pdf_text(pdf: bytes) -> str:
    """The page text of an fpdf2 document: its deflated content streams."""
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            texts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(texts)


def test_a_passed_quiz_certifies_and_the_certificate_verifies_until_it_expires(
    live_server, login, tmp_path
):
    clock = live_server.clock
    device = Device.open(tmp_path / "device", clock)
    quiz = demo.demo_id("quiz", "induction")
    training.submit_quiz_attempt(device.ctx("tecnico2"), quiz, {"q1": False, "q2": 0}, clock.now)
    worker = login("tecnico2", device=device.store.device_id)
    pushed = worker.post("/sync/push", json=push_body(device.mutations())).json()["results"]
    assert [r["status"] for r in pushed] == ["applied"]
    device.store.close()

    certificates = worker.get("/training/certificates").json()
    assert certificates["total"] == 1
    cert = certificates["items"][0]
    assert (cert["status"], cert["person"], cert["score"]) == ("valid", "Camila Rojas", 100)
    assert cert["module_title"] == "Inducción de seguridad de planta"
    assert cert["verification_path"] == f"/verify/{cert['verification_code']}"
    number = cert["number"]

    pdf = worker.get(f"/training/certificates/{number}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    assert number in text and "Camila Rojas" in text
    assert f"{live_server.url}/verify/{cert['verification_code']}" in text

    assert login("tecnico").get(f"/training/certificates/{number}").status_code == 404
    assert login("tecnico").get(f"/training/certificates/{number}/pdf").status_code == 404
    assert login("supervisor").get(f"/training/certificates/{number}").json() == cert

    with live_server.client() as anyone:  # the verification page needs no sign-in
        page = anyone.get(cert["verification_path"])
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "VIGENTE" in page.text and "is VALID" in page.text and "Camila Rojas" in page.text
        unknown = anyone.get("/verify/not-a-real-code")
        assert unknown.status_code == 404
        assert "Certificado desconocido" in unknown.text and "Unknown certificate" in unknown.text

        clock.advance(days=400)  # validity: 12 months
        page = anyone.get(cert["verification_path"])
        assert page.status_code == 200
        assert "VENCIDO" in page.text and "has EXPIRED" in page.text and "VIGENTE" not in page.text

    boss = login("supervisor2")  # signed in after the clock moved
    expired = boss.get("/training/certificates", params={"status": "expired"}).json()["items"]
    assert number in {c["number"] for c in expired}
    valid = boss.get("/training/certificates", params={"status": "valid"}).json()["items"]
    assert number not in {c["number"] for c in valid}
