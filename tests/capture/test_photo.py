"""Evidence photos: JPEG with the facts inside, hash over the bytes, stored as a blob the
LOTO service accepts; production refuses photos from a file."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from pathlib import Path

import cv2
import pytest

from ker_field.capture.frames import open_source
from ker_field.capture.photo import (
    NotALiveCamera,
    PhotoMeta,
    capture_photo,
    encode_jpeg,
    read_meta,
    store_photo,
)
from ker_field.store.blobs import BlobStore
from tests.helpers.qr_frames import qr_frame, write_image


def test_a_photo_carries_who_where_and_when_and_hashes_to_its_name(tmp_path: Path):
    meta = PhotoMeta(
        taken_by=uuid.uuid4(),
        device_id=uuid.uuid4(),
        asset_id=uuid.uuid4(),
        isolation_point_id=uuid.uuid4(),
        isolation_point="Seccionador S-12",
        device_time=datetime(2026, 3, 4, 10, 30, tzinfo=UTC),
    )
    photo = encode_jpeg(qr_frame("KER-STGO-004"), meta)
    assert photo.sha256 == hashlib.sha256(photo.jpeg).hexdigest()
    assert (photo.width, photo.height) == (1280, 720)
    facts = read_meta(photo.jpeg)
    assert facts["taken_by"] == str(meta.taken_by)
    assert facts["isolation_point"] == "Seccionador S-12"
    assert facts["device_time"] == "2026-03-04T10:30:00+00:00"
    image = cv2.imdecode(__import__("numpy").frombuffer(photo.jpeg, "uint8"), cv2.IMREAD_COLOR)
    assert image.shape == (720, 1280, 3)
    blobs = BlobStore(tmp_path / "blobs")
    assert store_photo(blobs, photo) == photo.sha256
    assert blobs.read(photo.sha256) == photo.jpeg


def test_production_takes_photos_only_from_a_live_camera(tmp_path: Path):
    path = write_image(tmp_path / "lock.png", qr_frame("KER-STGO-005"))
    with open_source(f"file:{path}") as source:
        with pytest.raises(NotALiveCamera):
            capture_photo(source, PhotoMeta(), production_mode=True)
        photo = capture_photo(source, PhotoMeta(), production_mode=False)
    assert read_meta(photo.jpeg)["source"] == str(path)
