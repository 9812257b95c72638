"""Frame sources: videos, folders and single images replayed in a loop; clear errors for a
missing camera, a bad camera setting and broken or truncated image files."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from ker_field.capture import frames
from ker_field.capture.frames import (
    BadImage,
    BadSourceSpec,
    CameraBusy,
    CameraMissing,
    CaptureError,
    SourceNotFound,
    open_source,
)
from ker_field.capture.qr import make_decoder
from tests.helpers.qr_frames import blank_frame, qr_frame, write_image, write_video


def test_a_video_file_replays_its_frames_in_a_loop(tmp_path: Path):
    frames = [qr_frame("KER-STGO-001", seed=0), blank_frame(1), qr_frame("KER-STGO-002", seed=2)]
    video = write_video(tmp_path / "run.avi", frames)
    decoder = make_decoder()
    with open_source(f"file:{video}") as source:
        assert not source.live
        assert source.fps == pytest.approx(30.0)
        seen = [[r.text for r in decoder.decode(source.read())] for _ in range(6)]
    assert seen == [["KER-STGO-001"], [], ["KER-STGO-002"]] * 2
    assert source.read is not None


def test_a_folder_replays_its_images_in_name_order(tmp_path: Path):
    write_image(tmp_path / "b.png", qr_frame("KER-STGO-002", seed=1))
    write_image(tmp_path / "a.jpg", qr_frame("KER-STGO-001", seed=0))
    (tmp_path / "notes.txt").write_text("not an image")
    decoder = make_decoder()
    with open_source(f"file:{tmp_path}") as source:
        texts = [decoder.decode(source.read())[0].text for _ in range(3)]
    assert texts == ["KER-STGO-001", "KER-STGO-002", "KER-STGO-001"]


def test_one_image_is_repeated(tmp_path: Path):
    path = write_image(tmp_path / "tag.png", qr_frame("KER-ANTOF-010"))
    with open_source(f"file:{path}") as source:
        first, second = source.read(), source.read()
    assert first.shape == (720, 1280, 3)
    assert np.array_equal(first, second)


def test_a_camera_that_is_not_there_says_so():
    with pytest.raises(CameraMissing) as caught:
        open_source("camera:9")
    assert caught.value.code == "capture.camera_missing"


@pytest.mark.parametrize("spec", ["webcam", "camera:x", "file:", "camera"])
def test_a_bad_camera_setting_is_named(spec: str):
    with pytest.raises(BadSourceSpec):
        open_source(spec)


def test_a_missing_file_or_an_empty_folder(tmp_path: Path):
    with pytest.raises(SourceNotFound):
        open_source(f"file:{tmp_path / 'nope.mp4'}")
    with pytest.raises(SourceNotFound):
        open_source(f"file:{tmp_path}")


def test_broken_and_truncated_images_give_a_clear_error(tmp_path: Path):
    ok, jpeg = cv2.imencode(".jpg", qr_frame("KER-STGO-003"))
    assert ok
    data = jpeg.tobytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    ok, png = cv2.imencode(".png", qr_frame("KER-STGO-003"))
    (tmp_path / "cut.png").write_bytes(png.tobytes()[:5000])
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "garbage.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100 + b"IEND")
    for name in ("cut.jpg", "cut.png", "empty.jpg", "garbage.png"):
        with pytest.raises(BadImage) as caught:
            open_source(f"file:{tmp_path / name}")
        assert caught.value.code == "capture.bad_image"
        assert name in caught.value.detail


def test_a_file_that_is_not_a_video(tmp_path: Path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"this is not a video" * 100)
    with pytest.raises(CaptureError) as caught:
        open_source(f"file:{path}")
    assert caught.value.code == "capture.bad_image"


class _HeldCamera:
    """What cv2.VideoCapture gives for a camera another program holds: the device opens (or
    not) but no frame ever comes."""

    opens = True

    def __init__(self, index: int) -> None:
        self.index = index
        self.released = False

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV's name)
        return self.opens

    def set(self, prop: int, value: float) -> bool:
        return True

    def get(self, prop: int) -> float:
        return 0.0

    def read(self) -> tuple[bool, None]:
        return False, None

    def release(self) -> None:
        self.released = True


@pytest.mark.parametrize("opens", [True, False])
def test_a_camera_held_by_another_program_is_busy_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opens: bool
):
    node = tmp_path / "video0"
    node.touch()  # the device file exists: the camera is there
    monkeypatch.setattr(frames, "device_node", lambda index: node)
    monkeypatch.setattr(frames.time, "sleep", lambda s: None)
    made: list[_HeldCamera] = []

    def capture(index: int) -> _HeldCamera:
        camera = _HeldCamera(index)
        camera.opens = opens
        made.append(camera)
        return camera

    monkeypatch.setattr(frames.cv2, "VideoCapture", capture)
    with pytest.raises(CameraBusy) as caught:
        open_source("camera:0")
    assert caught.value.code == "capture.camera_busy"
    assert made[0].index == 0
    assert made[0].released  # the device is let go either way
