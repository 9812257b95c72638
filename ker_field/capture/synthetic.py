"""Realistic 1280x720 camera frames of QR codes, generated (no Qt): the QR bench, the capture
tests and the LOTO / gate tests all draw their frames from here.

A frame is a textured scene (gradient light, clutter, printed text) with a paper label that
carries a QR code, seen through a camera: rotation, perspective (keystone), module size in
pixels, optical blur, sensor noise, washed-out contrast. :data:`CONDITIONS` names the sets the
bench measures; :func:`render_frame` draws one frame from explicit parameters.

Payloads look like the real thing: signed visitor invite tokens (``KER1.<payload>.<sig>``,
signed with a throw-away Ed25519 key through :mod:`ker_field.domain.invite_token`) and asset
tags (``KER-STGO-007``, as in :mod:`ker_field.domain.demo`).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import cv2
import numpy as np
import segno
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ker_field.domain.invite_token import InvitePayload, assemble_token, signing_input

FRAME_W, FRAME_H = 1280, 720
QUIET_ZONE = 4  # modules of white around the code, as printed

Span = tuple[float, float]

_XX = np.arange(FRAME_W, dtype=np.float32)
_YY = np.arange(FRAME_H, dtype=np.float32)


@dataclass(frozen=True)
class Condition:
    """Ranges the frames of one bench set are drawn from (uniformly)."""

    name: str
    px_per_module: Span = (4.0, 8.0)
    rotation_deg: Span = (-10.0, 10.0)
    keystone: Span = (0.0, 0.1)  # far edge shorter than the near one by this fraction
    blur_sigma: Span = (0.5, 0.8)  # optics, in pixels
    noise_sigma: Span = (2.0, 5.0)  # sensor noise, grey levels
    contrast: Span = (0.85, 1.0)  # ink-to-paper difference as a fraction of the full range
    empty: bool = False
    in_spec: bool = True  # counted in the ">= 99 %" target (>= 3 px/module, <= 45°, ...)


CONDITIONS: dict[str, Condition] = {
    c.name: c
    for c in (
        Condition("nominal"),
        Condition("rotation", px_per_module=(3.5, 6.0), rotation_deg=(-45.0, 45.0)),
        Condition("keystone", px_per_module=(4.0, 6.0), keystone=(0.30, 0.45), in_spec=False),
        Condition(
            "small",
            px_per_module=(2.0, 2.5),
            rotation_deg=(-5.0, 5.0),
            blur_sigma=(0.4, 0.6),
            in_spec=False,  # its own target: >= 95 %
        ),
        Condition("blur", px_per_module=(4.0, 6.0), blur_sigma=(1.2, 1.8)),
        Condition("noise", px_per_module=(3.0, 6.0), noise_sigma=(15.0, 25.0)),
        Condition("low_contrast", px_per_module=(3.0, 6.0), contrast=(0.15, 0.25)),
        Condition(
            "combined",
            px_per_module=(3.0, 4.0),
            rotation_deg=(-30.0, 30.0),
            keystone=(0.1, 0.3),
            blur_sigma=(0.8, 1.1),
            noise_sigma=(8.0, 12.0),
            contrast=(0.35, 0.5),
            # px_per_module is the mean size: with the keystone, the far edge's modules get
            # down to 2.5 px, below the 3 px of the in-spec target, on top of everything else
            in_spec=False,
        ),
        Condition("empty", empty=True, in_spec=False),
    )
}


# -- payloads -----------------------------------------------------------------------------


_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # throw-away, deterministic


def invite_token(rng: np.random.Generator) -> str:
    """A signed visitor invite token shaped exactly like the server's (fresh ids, a week)."""
    start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=int(rng.integers(0, 8760)))
    payload = InvitePayload(
        invite_id=uuid.UUID(bytes=rng.bytes(16), version=4),
        site_id=uuid.UUID(bytes=rng.bytes(16), version=4),
        valid_from=start,
        valid_to=start + timedelta(days=7),
        nonce=rng.bytes(12).hex(),
    )
    signed = signing_input(payload)
    return assemble_token(signed, _KEY.sign(signed))


def asset_tag(rng: np.random.Generator) -> str:
    site = ("STGO", "ANTOF", "CONCE")[int(rng.integers(0, 3))]
    return f"KER-{site}-{int(rng.integers(1, 1000)):03d}"


def payload(rng: np.random.Generator) -> str:
    """Half invite tokens (version 13 codes), half asset tags (version 1-2)."""
    return invite_token(rng) if rng.random() < 0.5 else asset_tag(rng)


# -- rendering ----------------------------------------------------------------------------


def qr_modules(text: str) -> np.ndarray:
    """The code's modules (1 = dark), without the quiet zone; error correction M."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    return np.array(code.matrix, dtype=np.uint8)


def scene(rng: np.random.Generator) -> np.ndarray:
    """A cluttered, unevenly lit background (BGR float32 in 0..255)."""
    h, w = FRAME_H, FRAME_W
    base = rng.uniform(60, 170, size=3)
    xx, yy = _XX[None, :], _YY[:, None]
    angle = rng.uniform(0, 2 * math.pi)
    ramp = np.float32(math.cos(angle) / w) * xx + np.float32(math.sin(angle) / h) * yy
    img = np.empty((h, w, 3), np.uint8)
    for ch in range(3):
        img[..., ch] = np.clip(base[ch] + 50 * ramp, 0, 255)
    # Clutter: boxes, pipes, labels with text, a grating (edges a decoder might mistake).
    for _ in range(int(rng.integers(6, 14))):
        colour = tuple(float(c) for c in rng.uniform(20, 230, size=3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        kind = rng.integers(0, 4)
        if kind == 0:
            cv2.rectangle(
                img,
                (x, y),
                (x + int(rng.integers(40, 300)), y + int(rng.integers(30, 200))),
                colour,
                -1,
            )
        elif kind == 1:
            cv2.line(
                img,
                (x, y),
                (int(rng.integers(0, w)), int(rng.integers(0, h))),
                colour,
                int(rng.integers(4, 30)),
            )
        elif kind == 2:
            cv2.putText(
                img,
                f"PELIGRO {int(rng.integers(0, 999))}",
                (x, y),
                cv2.FONT_HERSHEY_SIMPLEX,
                float(rng.uniform(0.6, 2.0)),
                colour,
                int(rng.integers(1, 4)),
            )
        else:
            step = int(rng.integers(6, 20))
            for k in range(8):
                cv2.rectangle(
                    img, (x + 2 * k * step, y), (x + (2 * k + 1) * step, y + 80), colour, -1
                )
    return img.astype(np.float32)


def _quad(
    side: float, centre: tuple[float, float], rotation_deg: float, keystone: float, tilt_axis: int
) -> np.ndarray:
    """Corners (TL, TR, BR, BL) of a ``side``-pixel square seen in perspective and rotated.
    ``keystone`` shortens one edge (top, right, bottom or left) by that fraction."""
    half = side / 2
    far, near = half * (1 - keystone / 2), half * (1 + keystone / 2)
    # Edges shrink towards the far side; the depth axis also foreshortens a little.
    pts = np.array([[-far, -half], [far, -half], [near, half], [-near, half]], np.float32)
    pts = np.roll(pts, tilt_axis, axis=0)  # which edge of the code is the far one
    theta = math.radians(rotation_deg)
    rot = np.array(
        [[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]], np.float32
    )
    return (pts @ rot.T + np.array(centre, np.float32)).astype(np.float32)


def render_frame(
    text: str | None,
    rng: np.random.Generator,
    *,
    px_per_module: float = 5.0,
    rotation_deg: float = 0.0,
    keystone: float = 0.0,
    blur_sigma: float = 0.6,
    noise_sigma: float = 3.0,
    contrast: float = 1.0,
) -> np.ndarray:
    """One 1280x720 BGR uint8 frame; ``text=None`` gives the scene with no code."""
    img = scene(rng)
    if text is not None:
        modules = qr_modules(text)
        n = modules.shape[0]
        label_margin = QUIET_ZONE + 1  # the printed quiet zone and a little more paper
        total = n + 2 * label_margin
        side = total * px_per_module
        src_scale = max(2, math.ceil(px_per_module * 1.5))
        paper = np.pad(1 - modules, label_margin, constant_values=1).astype(np.float32)
        src = cv2.resize(paper, None, fx=src_scale, fy=src_scale, interpolation=cv2.INTER_NEAREST)
        s = float(src.shape[0])
        src_pts = np.array([[0, 0], [s, 0], [s, s], [0, s]], np.float32)
        reach = side * 0.75
        cx = rng.uniform(min(reach, FRAME_W / 2), max(FRAME_W - reach, FRAME_W / 2))
        cy = rng.uniform(min(reach, FRAME_H / 2), max(FRAME_H - reach, FRAME_H / 2))
        dst = _quad(side, (cx, cy), rotation_deg, keystone, int(rng.integers(0, 4)))
        matrix = cv2.getPerspectiveTransform(src_pts, dst)
        size = (FRAME_W, FRAME_H)
        warp = cv2.warpPerspective(src, matrix, size, flags=cv2.INTER_LINEAR, borderValue=1.0)
        mask = cv2.warpPerspective(
            np.ones_like(src), matrix, size, flags=cv2.INTER_LINEAR, borderValue=0.0
        )
        x0, y0 = np.floor(dst.min(axis=0)).astype(int).clip(0)
        x1, y1 = np.ceil(dst.max(axis=0)).astype(int) + 1
        paper_level = np.float32(rng.uniform(200, 240))
        ink_level = paper_level - np.float32(contrast) * (paper_level - 10)
        box = (slice(y0, y1), slice(x0, x1))
        grey = ink_level + warp[box] * (paper_level - ink_level)
        alpha = mask[box][..., None]
        tint = rng.uniform(0.9, 1.05, size=3).astype(np.float32)
        img[box] = alpha * (grey[..., None] * tint) + (1 - alpha) * img[box]
    # Uneven light over the whole frame (a lamp, a shadow).
    lx, ly = rng.uniform(0, FRAME_W), rng.uniform(0, FRAME_H)
    dx = (_XX - np.float32(lx)) ** 2
    dy = (_YY - np.float32(ly)) ** 2
    light = np.float32(1.0) - np.float32(0.25 / FRAME_W**2) * (dx[None, :] + dy[:, None])
    img *= light[..., None]
    if blur_sigma > 0:
        img = cv2.GaussianBlur(img, (0, 0), blur_sigma)
    if noise_sigma > 0:
        img += rng.standard_normal(size=img.shape, dtype=np.float32) * np.float32(noise_sigma)
    out: np.ndarray = np.clip(img, 0, 255).astype(np.uint8)
    return out


def _draw(span: Span, rng: np.random.Generator) -> float:
    lo, hi = span
    return float(rng.uniform(lo, hi)) if hi > lo else lo


def condition_frame(
    condition: Condition, rng: np.random.Generator, text: str | None = None
) -> tuple[np.ndarray, str | None]:
    """One frame of a condition and the payload it carries (None for an empty frame)."""
    if condition.empty:
        text = None
    elif text is None:
        text = payload(rng)
    frame = render_frame(
        text,
        rng,
        px_per_module=_draw(condition.px_per_module, rng),
        rotation_deg=_draw(condition.rotation_deg, rng),
        keystone=_draw(condition.keystone, rng),
        blur_sigma=_draw(condition.blur_sigma, rng),
        noise_sigma=_draw(condition.noise_sigma, rng),
        contrast=_draw(condition.contrast, rng),
    )
    return frame, text


def frame_set(name: str, count: int, seed: int = 0) -> list[tuple[np.ndarray, str | None]]:
    """``count`` frames of the named condition, reproducible from ``seed``."""
    rng = np.random.default_rng([seed, sum(map(ord, name))])
    return [condition_frame(CONDITIONS[name], rng) for _ in range(count)]


def qr_frame(text: str, seed: int = 0, px_per_module: float = 6.0) -> np.ndarray:
    """A clear frame of one code (for tests of screens that scan: a LOTO asset, a gate pass)."""
    return render_frame(text, np.random.default_rng(seed), px_per_module=px_per_module)
