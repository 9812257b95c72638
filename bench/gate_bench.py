"""Gate: frame-in to verdict latency over 1280x720 camera frames.

Each frame (a synthetic 1280x720 scene with a visitor's signed invite QR code, made before
timing) goes through what the gate does: decode the QR (zxing-cpp with the enhancement
ladder), verify the Ed25519 signature with the tenant's public key, load the invite, check
the rules and write the entry or exit (AccessLog + outbox) in the device's SQLite store.
Half the frames are visitors arriving (each with their own invite), the other half the same
visitors leaving (exit scans), so every frame ends in a written verdict.

Baseline, measured in the same run on the same frames: decoding the QR alone (the floor any
scanner pays). The signature verification is timed apart and compared with the whole.
Target: median frame-to-verdict <= 50 ms.

    python bench/gate_bench.py [--frames 200]
"""

from __future__ import annotations

import argparse
import base64
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ker_field.capture.qr import make_decoder
from ker_field.capture.synthetic import qr_frame
from ker_field.domain import demo
from ker_field.domain.enums import AccessDirection, AccessType
from ker_field.domain.invite_token import InvitePayload, assemble_token, signing_input
from ker_field.domain.models import Tenant, User, VisitorInvite
from ker_field.domain.rules.common import Actor
from ker_field.services import visitors
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore

TARGET_MS = 50.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=200)
    frames_n = parser.parse_args().frames

    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore.open(Path(tmp) / "device")
        private = Ed25519PrivateKey.generate()
        public = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        visitors_n = max(1, frames_n // 2)
        with store.transaction() as db:
            demo.seed_demo(db, datetime.now(UTC))
            tenant = db.get(Tenant, demo.TENANT_ID)
            assert tenant is not None
            tenant.invite_public_key = base64.b64encode(public).decode()
            template = db.get(VisitorInvite, demo.demo_id("invite", "3"))  # a delivery: no NDA
            assert template is not None
            tokens = []
            for n in range(visitors_n):
                invite = VisitorInvite(
                    id=uuid.uuid4(),
                    tenant_id=template.tenant_id,
                    scope=template.scope,
                    site_id=template.site_id,
                    visitor_name=f"Transporte {n:03d}",
                    visitor_company="Transportes Norte",
                    access_type=AccessType.DELIVERY,
                    host_user_id=template.host_user_id,
                    valid_from=template.valid_from,
                    valid_to=template.valid_to,
                )
                db.add(invite)
                signed = signing_input(
                    InvitePayload(
                        invite.id, invite.site_id, invite.valid_from, invite.valid_to, "b"
                    )
                )
                tokens.append(assemble_token(signed, private.sign(signed)))
            guard = db.get(User, demo.USER_IDS["guardia"])
            assert guard is not None
            actor = Actor(guard.id, guard.role)
        key = base64.b64encode(public).decode()
        now = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
        ctx = ServiceContext(store, actor, demo.TENANT_ID, demo.SITE_IDS["STGO"], lambda: now)
        plan = [(tokens[n % visitors_n], n < visitors_n) for n in range(frames_n)]
        frames = [qr_frame(token, seed=n) for n, (token, _entry) in enumerate(plan)]
        decoder = make_decoder("zxing")
        decoder.decode(frames[0])  # warm-up

        decode_ms: list[float] = []
        for frame, (token, _entry) in zip(frames, plan, strict=True):
            start = time.perf_counter()
            reads = decoder.decode(frame)
            decode_ms.append((time.perf_counter() - start) * 1000)
            assert reads
            assert reads[0].text == token

        total_ms: list[float] = []
        verify_ms: list[float] = []
        refused = 0
        for frame, (_token, entry) in zip(frames, plan, strict=True):
            direction = AccessDirection.IN if entry else AccessDirection.OUT
            start = time.perf_counter()
            text = decoder.decode(frame)[0].text
            verdict = visitors.scan_invite(ctx, text, "Portería 1", direction, public_key=key)
            total_ms.append((time.perf_counter() - start) * 1000)
            verify_ms.append(verdict.verify_seconds * 1000)
            refused += not verdict.green
        store.close()

    base_median, base_p95 = statistics.median(decode_ms), _percentile(decode_ms, 0.95)
    median, p95 = statistics.median(total_ms), _percentile(total_ms, 0.95)
    verify_median = statistics.median(verify_ms)
    print(f"frames {frames_n} at 1280x720, refused {refused} (expected 0)")
    print(f"baseline_decode_only_median_ms {base_median:.2f} ratio 1.00")
    print(f"frame_to_verdict_median_ms {median:.2f} ratio {median / base_median:.2f}")
    print(f"frame_to_verdict_p95_ms {p95:.2f} ratio {p95 / base_p95:.2f}")
    print(f"signature_verify_median_ms {verify_median:.3f} ratio {verify_median / median:.3f}")
    print(f"target_median_ms {TARGET_MS:.0f} ratio {median / TARGET_MS:.2f} (<= 1.00 meets it)")


if __name__ == "__main__":
    main()
