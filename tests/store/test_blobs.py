"""Content-addressed blob files: atomic writes, verified reads."""

from __future__ import annotations

import hashlib
import os

import pytest

from ker_field.store.blobs import BlobCorrupted, BlobMissing, BlobStore
from tests.helpers.frames import jpeg_photo


def test_photo_is_stored_under_its_sha256_once(tmp_path):
    blobs = BlobStore(tmp_path)
    data = jpeg_photo(7)
    digest = blobs.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert blobs.put(data) == digest
    assert blobs.read(digest) == data
    assert blobs.size(digest) == len(data)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [digest]


def test_corrupted_file_is_detected_on_read(tmp_path):
    blobs = BlobStore(tmp_path)
    digest = blobs.put(jpeg_photo(1))
    path = blobs.path(digest)
    damaged = bytearray(path.read_bytes())
    damaged[100] ^= 0xFF
    path.write_bytes(bytes(damaged))
    with pytest.raises(BlobCorrupted) as caught:
        blobs.read(digest)
    assert caught.value.sha256 == digest


def test_missing_blob_and_bad_names(tmp_path):
    blobs = BlobStore(tmp_path)
    with pytest.raises(BlobMissing):
        blobs.read("a" * 64)
    with pytest.raises(ValueError, match="SHA-256"):
        blobs.path("../../etc/passwd")


def test_a_failed_write_leaves_no_file_behind(tmp_path, monkeypatch):
    blobs = BlobStore(tmp_path)

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    data = jpeg_photo(3)
    with pytest.raises(OSError, match="No space left"):
        blobs.put(data)
    assert not blobs.exists(hashlib.sha256(data).hexdigest())
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
