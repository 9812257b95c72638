"""Content-addressed blob files (photos, signatures, training media) named by SHA-256."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BlobError(Exception):
    """Base class of blob store errors."""


class BlobMissing(BlobError):
    def __init__(self, sha256: str) -> None:
        super().__init__(f"blob {sha256} is not on this device")
        self.sha256 = sha256


class BlobCorrupted(BlobError):
    """The file's content no longer hashes to its name (disk fault, tampering)."""

    def __init__(self, sha256: str, actual: str) -> None:
        super().__init__(f"blob {sha256} is corrupted (content hashes to {actual})")
        self.sha256 = sha256
        self.actual = actual


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_sha256(value: str) -> str:
    if not _SHA256.match(value):
        raise ValueError(f"not a SHA-256 hex digest: {value!r}")
    return value


class BlobStore:
    """Files under ``root/ab/abcdef...``; written atomically, verified on read."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256. Storing the same bytes twice is a no-op."""
        digest = sha256_hex(data)
        target = self.path(digest)
        if target.is_file():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(data)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        """The blob's bytes, verified against its name."""
        target = self.path(sha256)
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise BlobMissing(sha256) from None
        actual = sha256_hex(data)
        if actual != sha256:
            raise BlobCorrupted(sha256, actual)
        return data

    def size(self, sha256: str) -> int:
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            raise BlobMissing(sha256) from None
