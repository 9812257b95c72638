"""QR decoding for camera frames (no Qt): one interface, two backends.

    decoder = make_decoder("zxing")          # or "pyzbar"; see ``decoder.fallback``
    for read in decoder.decode(frame):       # BGR or grey numpy array
        print(read.text)

``make_decoder`` returns a :class:`ScanningDecoder`: it converts the frame to grey once,
asks the backend, and when nothing decodes it retries a short ladder of cheap enhancements
(CLAHE contrast equalisation, an unsharp mask, a 2x upscale of small codes, ...) while the
frame's time budget lasts. A :class:`ReadThrottle` turns the stream of reads from a live
preview into events: a code is reported once, again only after it left the view for a while.

When ``pyzbar`` is chosen but libzbar cannot be loaded, ``make_decoder`` returns the zxing-cpp
decoder with ``fallback`` set to :data:`ZBAR_MISSING` (the UI tells the user once).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import cv2
import numpy as np
import zxingcpp

log = logging.getLogger(__name__)

Backend = Literal["zxing", "pyzbar"]
BACKENDS: tuple[Backend, ...] = ("zxing", "pyzbar")

ZBAR_MISSING = "capture.zbar_missing"  # reason code: libzbar could not be loaded


@dataclass(frozen=True)
class QrRead:
    text: str
    backend: str
    corners: tuple[tuple[int, int], ...] = ()  # in frame pixels, when the backend knows them
    enhancement: str = "plain"  # which rung of the ladder decoded it


class RawBackend(Protocol):
    """A decoder of one grey image, without retries."""

    name: str

    def decode_grey(self, grey: np.ndarray, binarizer: str | None = None) -> list[QrRead]: ...


class QrDecoder(Protocol):
    """What screens use: ``decode(frame) -> list[QrRead]`` (BGR or grey frames)."""

    name: str
    fallback: str | None

    def decode(self, frame: np.ndarray) -> list[QrRead]: ...


def to_grey(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return frame
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


# -- backends -----------------------------------------------------------------------------

Corners = tuple[tuple[int, int], ...]


def _corners(position: zxingcpp.Position) -> Corners:
    return tuple(
        (int(p.x), int(p.y))
        for p in (
            position.top_left,
            position.top_right,
            position.bottom_right,
            position.bottom_left,
        )
    )


class ZxingBackend:
    """zxing-cpp. Besides reads, :meth:`scan` returns where it saw a code it could not decode
    (a checksum error: the finder patterns were there), so the ladder can work on that
    region only."""

    name = "zxing"

    def _read(self, grey: np.ndarray, binarizer: str | None, errors: bool) -> list[Any]:
        return list(
            zxingcpp.read_barcodes(
                grey,
                formats=zxingcpp.BarcodeFormat.QRCode,  # type: ignore[arg-type]
                try_rotate=False,  # a QR finder is rotation invariant; this is for 1D codes
                try_downscale=True,
                try_invert=False,
                binarizer=getattr(zxingcpp.Binarizer, binarizer or "LocalAverage"),
                return_errors=errors,
            )
        )

    def decode_grey(self, grey: np.ndarray, binarizer: str | None = None) -> list[QrRead]:
        return [
            QrRead(code.text, self.name, _corners(code.position))
            for code in self._read(grey, binarizer, errors=False)
            if code.valid and code.text
        ]

    def scan(
        self, grey: np.ndarray, binarizer: str | None = None
    ) -> tuple[list[QrRead], list[Corners]]:
        reads, seen = [], []
        for code in self._read(grey, binarizer, errors=True):
            if code.valid and code.text:
                reads.append(QrRead(code.text, self.name, _corners(code.position)))
            elif not code.valid:
                seen.append(_corners(code.position))
        return reads, seen


class ZbarUnavailable(Exception):
    """libzbar (the C library pyzbar wraps) is not installed or cannot be loaded."""


def _load_pyzbar() -> tuple[Callable[..., list[Any]], object]:
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:  # pyzbar raises ImportError when libzbar is missing
        raise ZbarUnavailable(str(exc)) from exc
    return pyzbar.decode, pyzbar.ZBarSymbol.QRCODE


class PyzbarBackend:
    name = "pyzbar"

    def __init__(self) -> None:
        self._decode, self._qr = _load_pyzbar()

    def decode_grey(self, grey: np.ndarray, binarizer: str | None = None) -> list[QrRead]:
        reads = []
        for code in self._decode(np.ascontiguousarray(grey), symbols=[self._qr]):
            data: bytes = code.data
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if text:
                reads.append(
                    QrRead(text, self.name, tuple((int(p.x), int(p.y)) for p in code.polygon))
                )
        return reads


def pyzbar_status() -> str | None:
    """None when pyzbar can decode here, else why not."""
    try:
        _load_pyzbar()
    except ZbarUnavailable as exc:
        return str(exc) or "libzbar not found"
    return None


# -- the enhancement ladder -------------------------------------------------------------


def clahe(grey: np.ndarray) -> np.ndarray:
    """Contrast-limited adaptive histogram equalisation (washed-out, unevenly lit codes)."""
    return cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(grey)


def unsharp(grey: np.ndarray) -> np.ndarray:
    """Unsharp mask (soft focus, motion)."""
    blurred = cv2.GaussianBlur(grey, (0, 0), 2.0)
    return cv2.addWeighted(grey, 2.0, blurred, -1.0, 0)


def denoise(grey: np.ndarray) -> np.ndarray:
    return cv2.GaussianBlur(grey, (0, 0), 1.0)


def up2(grey: np.ndarray) -> np.ndarray:
    """2x bicubic: small modules (2-3 px) get enough pixels for the sampler."""
    return cv2.resize(grey, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)


def up2_sharp(grey: np.ndarray) -> np.ndarray:
    return unsharp(up2(grey))


def up2_smooth(grey: np.ndarray) -> np.ndarray:
    return up2(denoise(grey))


def identity(grey: np.ndarray) -> np.ndarray:
    return grey


@dataclass(frozen=True)
class Rung:
    name: str
    transform: Callable[[np.ndarray], np.ndarray]
    scale: float = 1.0  # transformed pixels per source pixel (to map corners back)
    binarizer: str | None = None  # zxing-cpp only: "GlobalHistogram", ...


def median3(grey: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(grey, 3)


def half(grey: np.ndarray) -> np.ndarray:
    return cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)


def up3(grey: np.ndarray) -> np.ndarray:
    return cv2.resize(grey, None, fx=3.0, fy=3.0, interpolation=cv2.INTER_CUBIC)


def up15(grey: np.ndarray) -> np.ndarray:
    return cv2.resize(grey, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)


# Where zxing-cpp saw a code but could not decode it: work on that region only (each rung
# costs a millisecond or two on a region). Order: most rescues per millisecond first, as
# counted on 200 frames each of the small and combined sets (see bench/qr_bench.py).
REGION_LADDER: tuple[Rung, ...] = (
    Rung("region-2x", up2, 2.0),
    Rung("region-1.5x", up15, 1.5),
    Rung("region-2x-smooth", up2_smooth, 2.0),
    Rung("region-2x-global", up2, 2.0, "GlobalHistogram"),
    Rung("region-3x", up3, 3.0),
    Rung("region-2x-sharp", up2_sharp, 2.0),
    Rung("region-global", identity, 1.0, "GlobalHistogram"),
    Rung("region-clahe", clahe),
)
MAX_ENLARGED_PX = 1600  # enlargements beyond this are skipped (the modules are big enough)

# Where zxing-cpp saw nothing: cheap whole-frame looks, each of which may read the code or
# find where it is (then the region ladder runs). Empty frames pay for these only.
BLIND_LADDER_ZXING: tuple[Rung, ...] = (
    Rung("global", identity, binarizer="GlobalHistogram"),
    Rung("median", median3),
    Rung("half", half, 0.5),
)
# pyzbar says nothing about codes it failed on: whole-frame retries within the budget.
BLIND_LADDER: tuple[Rung, ...] = (
    Rung("clahe", clahe),
    Rung("unsharp", unsharp),
    Rung("denoise", denoise),
)


MIN_REGION_PX = 400  # a code seen only in part (one finder pattern) is searched around it


def _region(
    grey: np.ndarray, quads: Sequence[Corners], margin: float = 0.25
) -> tuple[np.ndarray, int, int]:
    """The part of the frame around where codes were seen: their bounding box plus
    ``margin`` of its size, at least :data:`MIN_REGION_PX` wide and high."""
    pts = np.array([p for quad in quads for p in quad], np.float32)
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    h, w = grey.shape[:2]
    left, right = _span(float(x0), float(x1), margin, w)
    top, bottom = _span(float(y0), float(y1), margin, h)
    return grey[top:bottom, left:right], left, top


def _span(lo: float, hi: float, margin: float, limit: int) -> tuple[int, int]:
    """[lo, hi] widened by ``margin`` and to at least MIN_REGION_PX, shifted to stay inside
    0..limit (a code near the frame's edge keeps a full-size region)."""
    pad = margin * (hi - lo) + 8
    start, end = lo - pad, hi + pad
    short = MIN_REGION_PX - (end - start)
    if short > 0:
        start, end = start - short / 2, end + short / 2
    if start < 0:
        start, end = 0, end - start
    if end > limit:
        start, end = start - (end - limit), limit
    return max(0, int(start)), min(limit, int(end) + 1)


@dataclass
class ScanningDecoder:
    """A backend plus the ladder, within ``budget_ms`` (CPU) per frame: the first attempt always
    runs; each further rung starts only while time is left. When the backend saw a code it
    could not decode (zxing-cpp tells), the region ladder works on that code's region;
    otherwise the cheap blind ladder runs within ``blind_budget_ms``, so frames without a
    code stay cheap."""

    backend: RawBackend
    budget_ms: float = 12.0
    blind_budget_ms: float = 6.0
    fallback: str | None = None
    region_ladder: Sequence[Rung] = REGION_LADDER
    blind_ladder: Sequence[Rung] | None = None
    # The budget counts this thread's CPU time: the same work per frame whether or not the
    # machine is busy with something else (on a loaded tablet, wall time would cut the
    # ladder short exactly when frames are already late).
    clock: Callable[[], float] = time.thread_time
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = self.backend.name
        if self.blind_ladder is None:
            zxing = isinstance(self.backend, ZxingBackend)
            self.blind_ladder = BLIND_LADDER_ZXING if zxing else BLIND_LADDER

    def decode(self, frame: np.ndarray) -> list[QrRead]:
        start = self.clock()
        grey = to_grey(frame)

        def elapsed_ms() -> float:
            return (self.clock() - start) * 1000

        backend = self.backend
        if not isinstance(backend, ZxingBackend):
            reads = backend.decode_grey(grey)
            for rung in self.blind_ladder or ():
                if reads or elapsed_ms() >= self.budget_ms:
                    break
                reads = _mapped(backend.decode_grey(rung.transform(grey)), rung, 0, 0)
            return _unique(reads)

        reads, seen = backend.scan(grey)
        blind_budget = min(self.blind_budget_ms, self.budget_ms)
        for rung in self.blind_ladder or ():
            if reads or seen or elapsed_ms() >= blind_budget:
                break
            found, quads = backend.scan(rung.transform(grey), rung.binarizer)
            reads = _mapped(found, rung, 0, 0)
            seen = [tuple((int(x / rung.scale), int(y / rung.scale)) for x, y in q) for q in quads]
        if reads or not seen:
            return _unique(reads)
        region, dx, dy = _region(grey, seen)
        for rung in self.region_ladder:
            if elapsed_ms() >= self.budget_ms:
                break
            if rung.scale > 1 and max(region.shape) * rung.scale > MAX_ENLARGED_PX:
                continue
            found = backend.decode_grey(rung.transform(region), rung.binarizer)
            if found:
                return _unique(_mapped(found, rung, dx, dy))
        return []


def _mapped(reads: list[QrRead], rung: Rung, dx: int, dy: int) -> list[QrRead]:
    """Reads from a transformed image, with corners in frame pixels and the rung named."""
    return [
        QrRead(
            r.text,
            r.backend,
            tuple((int(x / rung.scale) + dx, int(y / rung.scale) + dy) for x, y in r.corners),
            rung.name,
        )
        for r in reads
    ]


def _unique(reads: list[QrRead]) -> list[QrRead]:
    seen: set[str] = set()
    out = []
    for read in reads:
        if read.text not in seen:
            seen.add(read.text)
            out.append(read)
    return out


_warned_zbar = False


def make_decoder(backend: str = "zxing", budget_ms: float = 12.0) -> ScanningDecoder:
    """The decoder for a setting's value. Unknown names mean zxing; pyzbar without libzbar
    means zxing with ``fallback == ZBAR_MISSING`` (logged once per process)."""
    global _warned_zbar
    if backend == "pyzbar":
        try:
            return ScanningDecoder(PyzbarBackend(), budget_ms=budget_ms)
        except ZbarUnavailable as exc:
            if not _warned_zbar:
                log.warning(
                    "pyzbar selected but libzbar cannot be loaded (%s): using zxing-cpp", exc
                )
                _warned_zbar = True
            return ScanningDecoder(ZxingBackend(), budget_ms=budget_ms, fallback=ZBAR_MISSING)
    return ScanningDecoder(ZxingBackend(), budget_ms=budget_ms)


# -- live preview: throttle and de-duplicate ------------------------------------------------


class ReadThrottle:
    """Turns per-frame reads into events. A text is reported when first seen; while it stays
    in view (seen again within ``forget_after_s``) it is not reported again; after it has
    been out of view that long, it counts as new. At most one event per ``min_interval_s``.
    ``clock`` is injectable for tests."""

    def __init__(
        self,
        min_interval_s: float = 0.3,
        forget_after_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval_s = min_interval_s
        self.forget_after_s = forget_after_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}
        self._last_event = -float("inf")

    def feed(self, texts: Sequence[str]) -> list[str]:
        now = self._clock()
        for text, seen in list(self._last_seen.items()):
            if now - seen > self.forget_after_s:
                del self._last_seen[text]
        events = []
        for text in texts:
            fresh = text not in self._last_seen
            if fresh and now - self._last_event >= self.min_interval_s:
                events.append(text)
                self._last_event = now
                self._last_seen[text] = now
            elif not fresh:
                self._last_seen[text] = now
        return events

    def reset(self) -> None:
        self._last_seen.clear()
        self._last_event = -float("inf")
