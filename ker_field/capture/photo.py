"""Evidence photos (no Qt): a frame becomes a JPEG whose comment segment carries who took
it, on which device, of which asset and isolation point, and the device's time; the bytes go
to the content-addressed blob store under their SHA-256, which the LOTO log entry records
(``ker_field.services.loto.apply_lock(..., photo_sha256=...)``: that service checks the blob
is on the device and queues it for upload).

    photo = capture_photo(source, meta)  # in production, refuses a file source
    sha = store_photo(ctx.store.blobs, photo)

Because the facts live inside the JPEG, the hash covers them and they travel with the blob.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import cv2
import numpy as np

from ker_field.capture.frames import CaptureError, FrameSource
from ker_field.store.blobs import BlobStore, sha256_hex

CONTENT_TYPE = "image/jpeg"
_COM = b"\xff\xfe"
_TAG = "ker-photo/1 "


_production = False


def set_production(production: bool) -> None:
    """The app sets this at start-up: True without ``--demo``. In production, evidence
    photos come only from a live camera (never from a ``file:`` source). Tests and tools run
    with the default, False."""
    global _production
    _production = production


def production() -> bool:
    return _production


class NotALiveCamera(CaptureError):
    """Production photos must come from a live camera, not from a file."""

    code = "capture.not_live"


@dataclass(frozen=True)
class PhotoMeta:
    taken_by: uuid.UUID | None = None
    device_id: uuid.UUID | str | None = None  # the store's device id ("dev-…")
    asset_id: uuid.UUID | None = None
    isolation_point_id: uuid.UUID | None = None  # the energy source / isolation point
    isolation_point: str = ""  # its label, for a person reading the file
    device_time: datetime | None = None
    source: str = ""  # "camera 0", or the file a demo read from

    def to_json(self) -> dict[str, str]:
        out = {}
        for key, value in self.__dict__.items():
            if value is None or value == "":
                continue
            out[key] = value.isoformat() if isinstance(value, datetime) else str(value)
        return out


@dataclass(frozen=True)
class Photo:
    jpeg: bytes
    sha256: str
    width: int
    height: int
    meta: PhotoMeta


def encode_jpeg(frame: np.ndarray, meta: PhotoMeta | None = None, quality: int = 88) -> Photo:
    """The frame as a JPEG with ``meta`` in a COM segment right after the SOI marker."""
    meta = meta or PhotoMeta()
    if meta.device_time is None:
        meta = PhotoMeta(**{**meta.__dict__, "device_time": datetime.now(UTC)})
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise CaptureError("the frame could not be encoded as JPEG")
    data = encoded.tobytes()
    comment = (_TAG + json.dumps(meta.to_json(), sort_keys=True)).encode("utf-8")
    segment = _COM + (len(comment) + 2).to_bytes(2, "big") + comment
    jpeg = data[:2] + segment + data[2:]
    height, width = frame.shape[:2]
    return Photo(jpeg, sha256_hex(jpeg), int(width), int(height), meta)


def read_meta(jpeg: bytes) -> dict[str, str]:
    """The facts a photo carries ({} for a JPEG without them)."""
    if jpeg[:2] != b"\xff\xd8" or jpeg[2:4] != _COM:
        return {}
    length = int.from_bytes(jpeg[4:6], "big")
    text = jpeg[6 : 4 + length].decode("utf-8", errors="replace")
    if not text.startswith(_TAG):
        return {}
    try:
        value = json.loads(text[len(_TAG) :])
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def capture_photo(
    source: FrameSource,
    meta: PhotoMeta,
    *,
    frame: np.ndarray | None = None,
    production_mode: bool | None = None,
) -> Photo:
    """A photo of the source's current frame (or of ``frame``, the last one a preview
    showed). In production (default: :func:`production`) only a live camera may give
    evidence photos."""
    if production_mode is None:
        production_mode = _production
    if production_mode and not source.live:
        raise NotALiveCamera(f"{source.description} is not a live camera")
    image = source.read() if frame is None else frame
    if not meta.source:
        meta = PhotoMeta(**{**meta.__dict__, "source": source.description})
    return encode_jpeg(image, meta)


def store_photo(blobs: BlobStore, photo: Photo) -> str:
    """Put the JPEG in the blob store; returns its SHA-256 (what LotoLog.photo_sha256 holds)."""
    digest = blobs.put(photo.jpeg)
    assert digest == photo.sha256
    return digest
