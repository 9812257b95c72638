"""Training material in the app: a real video plays (QtMultimedia, FFmpeg backend), a broken
video or PDF gives a clear message, a device without QtMultimedia says so; nothing crashes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from fpdf import FPDF
from PySide6.QtMultimedia import QMediaPlayer

from ker_field.ui.training import content
from ker_field.ui.training.content import PdfPane, VideoPane

# The machine's own notes when a player starts (no VA-API, no PulseAudio server here), the
# broken file on purpose, and the offscreen platform's size-hint note (tests/ui/conftest.py).
# A function's marker comes before the one conftest adds, so it repeats that pattern.
MEDIA_NOTES = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints",
    "Couldn't (load|resolve) va",
    "PulseAudioService",
    "Could not open media",
    "No RHI backend",  # no GPU here: Qt converts video frames on the CPU
)


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    """Two seconds of real MJPEG video, stored like a blob (no file extension)."""
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (160, 120))
    for n in range(20):
        writer.write(np.full((120, 160, 3), (n * 10, 80, 200), np.uint8))
    writer.release()
    blob = tmp_path / "3f" / "3fa1"
    blob.parent.mkdir()
    path.rename(blob)
    return blob


@pytest.fixture
def video(qtbot) -> VideoPane:
    pane = VideoPane()
    qtbot.addWidget(pane)
    pane.show()
    yield pane
    pane.stop()


@MEDIA_NOTES
def test_a_real_video_plays_in_the_app(qtbot, video: VideoPane, clip: Path):
    assert video.load(clip)
    video.play_button.click()
    qtbot.waitUntil(
        lambda: video.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: video.player.duration() > 0, timeout=10_000)
    assert video.player.duration() == pytest.approx(2000, abs=200)
    assert video.play_button.text() == "Pausa"
    assert not video.message.isVisible()


@MEDIA_NOTES
def test_a_broken_video_says_so(qtbot, video: VideoPane, tmp_path: Path):
    broken = tmp_path / "broken"
    broken.write_bytes(b"this is not a video" * 50)
    video.load(broken)
    qtbot.waitUntil(lambda: video.message.isVisible(), timeout=10_000)
    assert video.message.text().startswith("No se pudo reproducir el video")
    assert not video.play_button.isVisible()


@MEDIA_NOTES
def test_without_qtmultimedia_the_pane_explains(qtbot, monkeypatch, clip: Path):
    real = content._module
    monkeypatch.setattr(
        content, "_module", lambda name: None if "Multimedia" in name else real(name)
    )
    pane = VideoPane()
    qtbot.addWidget(pane)
    pane.show()
    assert not pane.load(clip)
    assert "no puede reproducir video" in pane.message.text()


@MEDIA_NOTES
def test_pdf_shows_its_pages_and_a_broken_one_a_message(qtbot, tmp_path: Path):
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
    good = tmp_path / "good"
    good.write_bytes(bytes(pdf.output()))
    broken = tmp_path / "broken"
    broken.write_bytes(b"%PDF-1.4 cut short")
    pane = PdfPane()
    qtbot.addWidget(pane)
    pane.show()
    assert pane.load(good) and pane.page_count == 3
    assert not pane.load(broken)
    assert "dañado" in pane.message.text() and pane.message.isVisible()
    pane.close_document()
