"""Realistic 1280x720 frames of QR codes for tests, and files a ``file:`` camera can replay.

The generator itself is ker_field.capture.synthetic (shared with bench/qr_bench.py):

    frame = qr_frame("KER-STGO-001")                       # one clear frame of a code
    frames = frame_set("keystone", 5, seed=1)              # [(frame, payload)] of a condition
    spec = camera_file(tmp_path, ["KER-STGO-001"])         # "file:..." for CameraView / --camera
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from ker_field.capture.synthetic import (
    CONDITIONS,
    asset_tag,
    frame_set,
    invite_token,
    qr_frame,
    render_frame,
)

__all__ = [
    "CONDITIONS",
    "asset_tag",
    "blank_frame",
    "camera_file",
    "frame_set",
    "invite_token",
    "qr_frame",
    "render_frame",
    "write_image",
    "write_video",
]


def blank_frame(seed: int = 0) -> np.ndarray:
    """A cluttered scene with no code in it."""
    return render_frame(None, np.random.default_rng(seed))


def write_image(path: Path, frame: np.ndarray) -> Path:
    """PNG (lossless) unless the suffix says otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not cv2.imwrite(str(path), frame):
        raise OSError(f"could not write {path}")
    return path


def write_video(path: Path, frames: Sequence[np.ndarray], fps: float = 30.0) -> Path:
    """An MJPG .avi (OpenCV writes it without external codecs)."""
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h))
    if not writer.isOpened():
        raise OSError(f"OpenCV cannot write {path}")
    try:
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return path


def camera_file(folder: Path, texts: Sequence[str | None], name: str = "camera") -> str:
    """A folder of PNG frames, one per text (None: a frame with no code), as a camera
    source spec ``file:FOLDER`` (the source loops over them in order)."""
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        frame = blank_frame(i) if text is None else qr_frame(text, seed=i)
        write_image(target / f"{i:04d}.png", frame)
    return f"file:{target}"
