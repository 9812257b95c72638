"""Real JPEG photos made with OpenCV from generated frames (what the camera would give)."""

from __future__ import annotations

import cv2
import numpy as np


def jpeg_photo(seed: int = 0, width: int = 640, height: int = 480) -> bytes:
    """A JPEG of a synthetic scene: a padlock-coloured block and text on noise, unique per seed."""
    rng = np.random.default_rng(seed)
    frame = rng.integers(0, 60, size=(height, width, 3), dtype=np.uint8)
    cv2.rectangle(frame, (200, 150), (440, 380), (0, 0, 200), thickness=-1)
    cv2.putText(
        frame, f"LOCK {seed:04d}", (210, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (255, 255, 255), 2
    )
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    return encoded.tobytes()
