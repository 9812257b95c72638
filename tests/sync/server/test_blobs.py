"""Photo upload: HEAD for what arrived, chunked and resumable, verified against its hash."""

from __future__ import annotations

import hashlib

from tests.helpers.frames import jpeg_photo


def put(client, sha, chunk, offset, size, content_type="image/jpeg"):
    return client.put(
        f"/blobs/{sha}",
        params={"offset": offset},
        content=chunk,
        headers={"Content-Type": content_type, "X-Blob-Size": str(size)},
    )


def test_chunked_upload_resumes_where_it_stopped(live_server, login):
    client = login("tecnico")
    photo = jpeg_photo(42)
    sha = hashlib.sha256(photo).hexdigest()
    assert client.head(f"/blobs/{sha}").status_code == 404

    first = put(client, sha, photo[:10_000], 0, len(photo))
    assert first.json() == {"sha256": sha, "received": 10_000, "complete": False}
    head = client.head(f"/blobs/{sha}")
    assert head.headers["X-Blob-Received"] == "10000" and head.headers["X-Blob-Complete"] == "0"

    # The connection dropped; the device asks again and continues from the server's offset.
    wrong = put(client, sha, photo[5_000:], 5_000, len(photo))
    assert wrong.status_code == 409
    assert wrong.json()["code"] == "blob.offset_mismatch"
    assert wrong.json()["details"] == {"received": 10_000}

    done = put(client, sha, photo[10_000:], 10_000, len(photo))
    assert done.json()["complete"] is True
    assert client.get(f"/blobs/{sha}").content == photo
    # Uploading a complete blob again is a no-op (dedupe by hash).
    assert put(client, sha, photo, 0, len(photo)).json()["complete"] is True


def test_a_file_that_does_not_match_its_hash_is_refused_and_restarts(live_server, login):
    client = login("tecnico")
    photo = jpeg_photo(7)
    sha = hashlib.sha256(photo).hexdigest()
    damaged = bytearray(photo)
    damaged[500] ^= 0xFF
    refused = put(client, sha, bytes(damaged), 0, len(photo))
    assert refused.status_code == 422
    assert refused.json()["code"] == "blob.hash_mismatch"
    assert client.head(f"/blobs/{sha}").headers["X-Blob-Received"] == "0"
    assert client.get(f"/blobs/{sha}").status_code == 404
    assert put(client, sha, photo, 0, len(photo)).json()["complete"] is True


def test_size_limit_and_content_type_are_enforced(live_server, login):
    client = login("tecnico")
    sha = "a" * 64
    too_big = put(client, sha, b"x", 0, 26 * 1024 * 1024)
    assert too_big.status_code == 413 and too_big.json()["code"] == "blob.too_large"
    exe = put(client, sha, b"MZ", 0, 2, content_type="application/x-msdownload")
    assert exe.status_code == 415 and exe.json()["code"] == "blob.type_not_allowed"
    with live_server.client() as anonymous:
        assert anonymous.head(f"/blobs/{sha}").status_code == 401
