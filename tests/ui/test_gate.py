"""The guard's gate with the file camera showing generated QR codes: each code gets the right
verdict (valid, forged, expired, other site, replayed); the NDA is signed on screen; a walk-in
with a bad RUT is refused; the roll call counts people in and out; handover carry-forward."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import cv2
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from ker_field.capture.synthetic import qr_frame
from ker_field.domain import demo
from ker_field.domain.enums import AccessType, VisitorStatus
from ker_field.domain.invite_token import InvitePayload
from ker_field.domain.models import AccessLog, Tenant, User, VisitorInvite, VisitorNDA
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import site_scope
from ker_field.services.context import ServiceContext
from ker_field.services.visitors import Outcome
from ker_field.settings import Settings
from ker_field.ui.gate.gate import GatePage
from ker_field.ui.gate.handover import HandoverPage
from ker_field.ui.gate.rollcall import RollCallPage
from sync.server.invites import sign_invite
from tests.helpers.clock import FakeClock

STGO, ANTO = demo.SITE_IDS["STGO"], demo.SITE_IDS["ANTO"]


@dataclass
class Session:
    store: Any
    username: str
    clock: FakeClock
    site_id: uuid.UUID = STGO

    @property
    def role(self) -> Any:
        return self.context().actor.role

    def context(self) -> ServiceContext:
        with self.store.sessions() as db:
            user = db.get(User, demo.USER_IDS[self.username])
            actor = Actor(user.id, user.role)
        return ServiceContext(self.store, actor, demo.TENANT_ID, self.site_id, self.clock)


@dataclass
class Host:
    session: Session
    settings: Settings
    data_dir: Path
    tasks: Any
    pages: list[Any] = field(default_factory=list)

    def refresh(self) -> None:
        for page in self.pages:
            page.refresh()

    def show_page(self, key: str) -> None:
        return None

    def open_asset(self, asset_id: uuid.UUID) -> None:
        pass


@pytest.fixture
def gate_world(store, tmp_path, tasks):
    clock = FakeClock()
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    with store.transaction() as db:
        demo.seed_demo(db, clock.now)
        db.get(Tenant, demo.TENANT_ID).invite_public_key = base64.b64encode(public).decode()
        for key, site, start, end in (
            ("expired", STGO, clock.now - timedelta(days=1), clock.now - timedelta(hours=1)),
            ("anto", ANTO, clock.now - timedelta(hours=1), clock.now + timedelta(hours=5)),
            ("cancelled", STGO, clock.now - timedelta(hours=1), clock.now + timedelta(hours=5)),
        ):
            db.add(
                VisitorInvite(
                    id=demo.demo_id("invite", key),
                    tenant_id=demo.TENANT_ID,
                    scope=site_scope(site),
                    site_id=site,
                    visitor_name=f"Visita {key}",
                    visitor_company="Otra SpA",
                    access_type=AccessType.DELIVERY,
                    valid_from=start,
                    valid_to=end,
                    status=VisitorStatus.CANCELLED if key == "cancelled" else VisitorStatus.INVITED,
                )
            )

    def token(key: str) -> str:
        with store.sessions() as db:
            invite = db.get(VisitorInvite, demo.demo_id("invite", key))
            payload = InvitePayload(
                invite.id, invite.site_id, invite.valid_from, invite.valid_to, "n-" + key
            )
        return sign_invite(raw, payload)

    def frame(text: str, name: str) -> str:
        path = tmp_path / f"{name}.png"
        assert cv2.imwrite(str(path), qr_frame(text, seed=len(name)))
        return f"file:{path}"

    return clock, token, frame


def make_host(store, tmp_path, tasks, clock, username="guardia", camera="") -> Host:
    return Host(
        Session(store, username, clock),
        Settings(camera_source=camera),
        tmp_path / "data",
        tasks,
    )


def test_each_code_shown_to_the_camera_gets_the_right_verdict(
    qtbot, store, tmp_path, tasks, gate_world
):
    clock, token, frame = gate_world
    forged = token("3").rsplit(".", 1)[0] + "." + token("2").rsplit(".", 1)[1]
    cases = [
        ("valid", frame(token("3"), "valid"), Outcome.ADMITTED, ()),
        ("forged", frame(forged, "forged"), Outcome.REFUSED, ("invite.token_forged",)),
        ("expired", frame(token("expired"), "expired"), Outcome.REFUSED, ("visitor.expired",)),
        ("other site", frame(token("anto"), "anto"), Outcome.REFUSED, ("visitor.other_site",)),
        (
            "cancelled",
            frame(token("cancelled"), "cancelled"),
            Outcome.REFUSED,
            ("visitor.cancelled",),
        ),
        ("replayed", frame(token("3"), "again"), Outcome.REFUSED, ("visitor.already_inside",)),
        (
            "not KER",
            frame("https://example.com", "url"),
            Outcome.REFUSED,
            ("invite.token_malformed",),
        ),
    ]
    host = make_host(store, tmp_path, tasks, clock, camera=cases[0][1])
    page = GatePage(host)
    qtbot.addWidget(page)
    page.resize(1024, 560)
    page.show()
    try:
        qtbot.waitUntil(lambda: page.verdict is not None, timeout=10_000)
        admitted = page.verdict
        # The visitor keeps holding the code up (the camera restarts and reads it afresh):
        # no second scan, so no red "already inside" right after the green verdict.
        with qtbot.waitSignal(page.camera.decoded, timeout=10_000):
            page.camera.set_source(cases[0][1])
        host.tasks.wait()
        qtbot.wait(300)
        assert page.verdict is admitted
        page.repeat_window_s = 0.0  # from here on, every read is a new scan
        for name, source, outcome, codes in cases:
            if name != "valid":
                page.camera.set_source(source)

            def shown(outcome=outcome, codes=codes) -> bool:
                # The camera keeps reading the code in view; wait for this code's verdict.
                verdict = page.verdict
                return verdict is not None and (verdict.outcome, verdict.codes) == (outcome, codes)

            qtbot.waitUntil(shown, timeout=10_000)
            colour = "green" if outcome is Outcome.ADMITTED else "red"
            assert page.panel.property("verdict") == colour, name
            if name == "valid":
                assert "Transportes Norte" in page.detail.text()
                assert "ADELANTE" in page.headline.text()
            else:
                assert page.headline.text() == "NO PASA"
                assert page.detail.text()  # the reason, in the guard's language
            if name == "replayed":
                assert "ya está dentro" in page.detail.text()
                assert page.release_button.isVisibleTo(page)
    finally:
        page.shutdown()
    with store.sessions() as db:
        assert db.scalar(select(func.count()).select_from(AccessLog)) == 1


def test_nda_signed_on_screen_then_admitted_and_released_by_typed_code(
    qtbot, store, tmp_path, tasks, gate_world
):
    clock, token, _frame = gate_world
    host = make_host(store, tmp_path, tasks, clock, camera=f"file:{tmp_path}/none.png")
    page = GatePage(host)
    qtbot.addWidget(page)
    page.code.setText(token("1"))  # Juan Pérez, a visitor at STGO (the site asks an NDA)
    page.check_button.click()
    qtbot.waitUntil(lambda: page.verdict is not None)
    assert page.verdict.outcome is Outcome.NDA_REQUIRED
    assert page.panel.property("verdict") == "amber"
    dialog = page.open_nda()  # a child of the page
    dialog.sign_button.click()
    assert dialog.message.text() == "Falta la firma." and dialog.isVisible()
    dialog.pad.resize(400, 180)
    dialog.pad.draw([(30, 100), (90, 40), (160, 120), (240, 60)])
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: page.verdict.outcome is Outcome.ADMITTED, timeout=5000)
    with store.sessions() as db:
        [nda] = db.scalars(select(VisitorNDA))
        assert nda.document_version == "NDA-2026-01" and nda.signer_rut == "16666666-K"
        assert store.blobs.read(nda.signature_sha256).startswith(b"\x89PNG")
        assert db.get(VisitorInvite, demo.demo_id("invite", "1")).status is VisitorStatus.CHECKED_IN
    page.exit_button.click()
    page.code.setText(token("1"))
    page.check_button.click()
    qtbot.waitUntil(lambda: page.verdict.outcome is Outcome.RELEASED)
    page.shutdown()


def test_walk_in_with_a_bad_rut_is_refused_and_the_roll_call_counts(
    qtbot, store, tmp_path, tasks, gate_world
):
    clock, token, _frame = gate_world
    host = make_host(store, tmp_path, tasks, clock, camera=f"file:{tmp_path}/none.png")
    page, roll = GatePage(host), RollCallPage(host)
    host.pages += [page, roll]
    qtbot.addWidget(page)
    qtbot.addWidget(roll)
    dialog = page.open_walk_in()  # a child of the page: closed and deleted with it
    dialog.name.setText("Pedro Soto")
    dialog.rut.setText("12.345.678-9")
    assert dialog.rut_state.text() == "RUT no válido"
    dialog.kind.setCurrentIndex(dialog.kind.findData(AccessType.DELIVERY))
    dialog.admit_button.click()
    assert dialog.isVisible() and "no es válido" in dialog.message.text()
    with store.sessions() as db:
        assert db.scalar(select(func.count()).select_from(AccessLog)) == 0
    dialog.rut.setText("12.345.678-5")
    dialog.kind.setCurrentIndex(dialog.kind.findData(AccessType.VISITOR))
    dialog.admit_button.click()  # a visitor needs a host: refused, the entry stays typed in
    qtbot.waitUntil(lambda: dialog.message.text() == "Indique a quién visita.")
    assert dialog.isVisible() and dialog.name.text() == "Pedro Soto"
    dialog.kind.setCurrentIndex(dialog.kind.findData(AccessType.DELIVERY))
    with qtbot.waitSignal(dialog.accepted):  # let in: the dialog closes
        dialog.admit_button.click()
    qtbot.waitUntil(lambda: page.verdict is not None and page.verdict.green)
    page.scan(token("3"))
    qtbot.waitUntil(lambda: page.verdict.person_name == "Transportes Norte")
    qtbot.waitUntil(lambda: "Dentro: 2" in roll.counts.text())
    roll.table.selectRow(0)
    roll.toggle_safe()
    assert "A salvo: 1 · Faltan: 1" in roll.counts.text()
    again = RollCallPage(host)  # the app restarted mid-evacuation: the marks are kept
    qtbot.addWidget(again)
    again.refresh()
    qtbot.waitUntil(lambda: "A salvo: 1 · Faltan: 1" in again.counts.text())
    roll.csv_button.click()
    qtbot.waitUntil(lambda: roll.last_export is not None)
    text = roll.last_export.read_text(encoding="utf-8-sig")
    assert "Pedro Soto" in text and "12.345.678-5" in text
    roll.pdf_button.click()
    qtbot.waitUntil(lambda: roll.last_export.suffix == ".pdf")
    assert roll.last_export.read_bytes().startswith(b"%PDF")
    roll.table.selectRow(0)
    roll.check_out()
    qtbot.waitUntil(lambda: "Dentro: 1" in roll.counts.text())
    page.shutdown()


def test_handover_acknowledged_and_flags_carried_forward(qtbot, store, tmp_path, tasks, gate_world):
    clock, _token, _frame = gate_world
    out_host = make_host(store, tmp_path, tasks, clock, username="tecnico")
    outgoing = HandoverPage(out_host)
    qtbot.addWidget(outgoing)
    outgoing.notes.setPlainText("Bomba 3 bloqueada")
    outgoing.flag_text.setText("Sello por llegar")
    outgoing.add_flag()
    outgoing.hand_over()
    qtbot.waitUntil(lambda: "Turno entregado" in outgoing.message.text())

    clock.advance(hours=8)
    in_host = make_host(store, tmp_path, tasks, clock, username="tecnico2")
    incoming = HandoverPage(in_host)
    in_host.pages.append(incoming)
    qtbot.addWidget(incoming)
    incoming.refresh()
    qtbot.waitUntil(lambda: len(incoming.pending) == 1)
    assert incoming.open_flags() == ["Sello por llegar"]  # carried forward
    ack = [
        w for w in incoming.findChildren(type(incoming.hand_button)) if w.text() == "Recibir turno"
    ]
    ack[0].click()
    qtbot.waitUntil(lambda: incoming.message.text() == "Turno recibido.")
    qtbot.waitUntil(lambda: incoming.pending == [])
    # The incoming technician clears the flag (unchecks it): it stops carrying forward.
    incoming.flags.item(0).setCheckState(incoming.flags.item(0).checkState().Unchecked)
    clock.advance(hours=8)
    incoming.notes.setPlainText("Sello cambiado")
    incoming.hand_over()
    qtbot.waitUntil(lambda: "Turno entregado" in incoming.message.text())
    third = HandoverPage(make_host(store, tmp_path, tasks, clock, username="supervisor"))
    qtbot.addWidget(third)
    third.refresh()
    qtbot.waitUntil(lambda: len(third.pending) == 1)
    assert third.open_flags() == []
    # A guard's handovers are the gate team's: technicians' notes are not theirs to receive.
    guard = HandoverPage(make_host(store, tmp_path, tasks, clock, username="guardia"))
    qtbot.addWidget(guard)
    guard.refresh()
    qtbot.wait(200)
    assert guard.pending == []


def test_a_cancelled_invite_says_cancelled_at_the_exit_too(
    qtbot, store, tmp_path, tasks, gate_world
):
    clock, token, _frame = gate_world
    host = make_host(store, tmp_path, tasks, clock, camera=f"file:{tmp_path}/none.png")
    page = GatePage(host)
    qtbot.addWidget(page)
    page.exit_button.click()
    page.code.setText(token("cancelled"))
    page.check_button.click()
    qtbot.waitUntil(lambda: page.verdict is not None)
    assert page.verdict.codes == ("visitor.cancelled",)
    assert page.detail.text().startswith("La invitación fue cancelada.")
    page.shutdown()


def test_expected_visitors_let_in_from_the_list_nda_first(
    qtbot, store, tmp_path, tasks, gate_world
):
    clock, _token, _frame = gate_world
    host = make_host(store, tmp_path, tasks, clock, camera=f"file:{tmp_path}/none.png")
    page = GatePage(host)
    qtbot.addWidget(page)
    page.expected_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    names = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    # Today's invites at this site; not the cancelled one, the expired one or another site's.
    assert len(names) == 3
    assert [n.split(" · ")[1].split(" (")[0] for n in names] == [
        "Juan Pérez",
        "María González",
        "Transportes Norte",
    ]
    dialog.list.setCurrentRow(1)  # María González, contractor: the site asks an NDA
    dialog.admit_button.click()
    qtbot.waitUntil(lambda: page.verdict is not None)
    assert page.verdict.outcome is Outcome.NDA_REQUIRED and page.verdict.token is None
    nda = page.open_nda()
    nda.pad.resize(400, 180)
    nda.pad.draw([(30, 100), (90, 40), (160, 120)])
    nda.sign_button.click()
    qtbot.waitUntil(lambda: page.verdict.outcome is Outcome.ADMITTED)
    with store.sessions() as db:
        [log] = db.scalars(select(AccessLog))
        assert (log.person_name, log.method.value) == ("María González", "roster")
    page.dialog = None
    page.expected_button.click()  # she is inside now: no longer expected
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert page.dialog.list.count() == 2
    page.shutdown()
