"""The camera preview with a file camera: it shows frames, scans off the GUI thread, emits
each code once, takes photos whose hash matches their bytes, says clearly when there is no
camera, and leaves no thread behind when stopped."""

from __future__ import annotations

import hashlib
import threading
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ker_field.capture import photo as photos
from ker_field.capture.photo import NotALiveCamera, PhotoMeta, read_meta
from ker_field.ui.camera import CameraView
from ker_field.ui.i18n import install_language
from tests.helpers.qr_frames import camera_file, qr_frame, write_image, write_video


@pytest.fixture
def view(qtbot: QtBot):
    made: list[CameraView] = []

    def make(spec: str, **kwargs) -> CameraView:
        widget = CameraView(spec, **kwargs)
        qtbot.addWidget(widget)
        widget.resize(640, 420)
        made.append(widget)
        return widget

    yield make
    for widget in made:
        widget.stop()


class _Spy:
    calls = 0


def camera_decoder_spy(camera: CameraView, threads: set[int]) -> _Spy:
    """Record which threads decode frames (wraps the decoder the view creates)."""
    import ker_field.ui.camera as module

    spy = _Spy()
    real = module.make_decoder

    def make(backend: str):
        decoder = real(backend)
        inner = decoder.decode

        def decode(frame):
            threads.add(threading.get_ident())
            spy.calls += 1
            return inner(frame)

        decoder.decode = decode  # type: ignore[method-assign]
        return decoder

    camera._make_decoder = make  # type: ignore[attr-defined]
    return spy


def test_a_code_in_front_of_the_camera_is_read_once(qtbot: QtBot, tmp_path: Path, view):
    spec = camera_file(tmp_path, ["KER-STGO-001"])
    camera = view(spec)
    seen: list[str] = []
    camera.decoded.connect(seen.append)
    decoding_threads: set[int] = set()
    scanner = camera_decoder_spy(camera, decoding_threads)
    camera.start()
    qtbot.waitUntil(lambda: seen == ["KER-STGO-001"], timeout=5000)
    qtbot.waitUntil(lambda: camera.frames_shown >= 20, timeout=5000)
    assert seen == ["KER-STGO-001"]  # same code in view: not repeated
    assert camera.preview.pixmap() is not None and not camera.preview.pixmap().isNull()
    assert camera.fps > 10
    assert "imágenes/s" in camera.status.text()
    assert camera._decode is not None and camera._decode.decoded_frames > 0
    assert decoding_threads and threading.get_ident() not in decoding_threads
    assert scanner.calls >= 1


def test_codes_in_a_video_each_come_once(qtbot: QtBot, tmp_path: Path, view):
    frames = [qr_frame("KER-STGO-001")] * 10 + [qr_frame("KER-STGO-002", seed=1)] * 10
    video = write_video(tmp_path / "walk.avi", frames, fps=30)
    camera = view(f"file:{video}")
    seen: list[str] = []
    camera.decoded.connect(seen.append)
    camera.start()
    qtbot.waitUntil(lambda: {"KER-STGO-001", "KER-STGO-002"} <= set(seen), timeout=8000)


def test_a_photo_is_the_jpeg_whose_hash_it_gives(qtbot: QtBot, tmp_path: Path, view):
    spec = camera_file(tmp_path, ["KER-STGO-003"])
    camera = view(spec, scanning=False)
    assert camera.take_photo() is None  # nothing on screen yet
    camera.start()
    qtbot.waitUntil(lambda: camera.frames_shown >= 1, timeout=5000)
    asset = uuid.uuid4()
    photo = camera.take_photo(PhotoMeta(asset_id=asset, isolation_point="Válvula V-3"))
    assert photo is not None
    assert photo.jpeg[:2] == b"\xff\xd8"
    assert photo.sha256 == hashlib.sha256(photo.jpeg).hexdigest()
    assert read_meta(photo.jpeg)["asset_id"] == str(asset)


def test_production_refuses_a_photo_from_a_file(qtbot: QtBot, tmp_path: Path, view, monkeypatch):
    monkeypatch.setattr(photos, "_production", True)
    camera = view(f"file:{write_image(tmp_path / 'x.png', qr_frame('KER-STGO-004'))}")
    errors: list[str] = []
    camera.error.connect(errors.append)
    camera.start()
    qtbot.waitUntil(lambda: camera.frames_shown >= 1, timeout=5000)
    with pytest.raises(NotALiveCamera):
        camera.take_photo()
    assert errors == ["Las fotos de evidencia deben tomarse con la cámara en vivo."]


def test_no_camera_is_said_in_the_users_language(qtbot: QtBot, view):
    install_language("en")
    camera = view("camera:9")
    with qtbot.waitSignal(camera.error, timeout=5000) as blocker:
        camera.start()
    message = blocker.args[0]
    assert message == camera.last_error
    assert camera.preview.text() == message
    assert not camera.running  # it gave up cleanly; start() tries again
    assert "camera" in message.lower() and "Settings" in message


def test_a_broken_file_camera_gives_a_message_not_a_crash(qtbot: QtBot, tmp_path: Path, view):
    broken = tmp_path / "frame.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
    camera = view(f"file:{broken}")
    with qtbot.waitSignal(camera.error, timeout=5000) as blocker:
        camera.start()
    assert "dañado" in blocker.args[0]


def test_stopping_leaves_no_thread_running(qtbot: QtBot, tmp_path: Path, view):
    camera = view(camera_file(tmp_path, ["KER-STGO-005", None]))
    camera.start()
    qtbot.waitUntil(lambda: camera.frames_shown >= 3, timeout=5000)
    grab, decode = camera._grab, camera._decode
    assert grab is not None and decode is not None
    camera.stop()
    assert not grab.isRunning() and not decode.isRunning()
    assert not camera.running and camera.status.text() == "Cámara detenida"
    camera.start()  # and it starts again
    qtbot.waitUntil(lambda: camera.frames_shown >= 6, timeout=5000)
    grab, decode = camera._grab, camera._decode
    camera.stop()
    assert grab is not None and not grab.isRunning() and not decode.isRunning()


def test_the_settings_dialog_edits_the_camera_source_and_the_qr_reader(
    qtbot: QtBot, tmp_path: Path
):
    from ker_field.settings import Settings
    from ker_field.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.camera_source.text() == "" and dialog.qr_backend.currentData() == "zxing"
    assert dialog.qr_backend.currentText() == "zxing-cpp"
    dialog.camera_source.setText("  file:/srv/demo/walk.avi ")
    dialog.qr_backend.setCurrentIndex(dialog.qr_backend.findData("pyzbar"))
    edited = dialog.result_settings()
    assert edited.camera_source == "file:/srv/demo/walk.avi"
    assert edited.qr_backend == "pyzbar"
    assert edited.camera_spec() == "file:/srv/demo/walk.avi"
    edited.save(tmp_path)
    assert Settings.load(tmp_path).qr_backend == "pyzbar"
    assert Settings().camera_spec() == "camera:0"
    assert Settings().with_(camera_device=2).camera_spec() == "camera:2"


def test_pyzbar_missing_is_said_once_and_zxing_reads_instead(
    qtbot: QtBot, tmp_path: Path, view, monkeypatch: pytest.MonkeyPatch
):
    from ker_field.capture import qr

    def missing():
        raise qr.ZbarUnavailable("Unable to find zbar shared library")

    monkeypatch.setattr(qr, "_load_pyzbar", missing)
    monkeypatch.setattr(CameraView, "_zbar_notice_given", False)
    spec = camera_file(tmp_path, ["KER-CONCE-020"])
    notices: list[str] = []
    seen: list[str] = []
    first, second = view(spec, backend="pyzbar"), view(spec, backend="pyzbar")
    for camera in (first, second):
        camera.notice.connect(notices.append)
        camera.decoded.connect(seen.append)
        camera.start()
    qtbot.waitUntil(lambda: seen == ["KER-CONCE-020"] * 2, timeout=5000)
    assert notices == [
        "El lector pyzbar no está disponible en este equipo (falta libzbar); se usa zxing-cpp."
    ]
    assert "falta libzbar" in second.status.text()
