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
from typing import Literal, Protocol

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

    def decode_grey(self, grey: np.ndarray) -> list[QrRead]: ...


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


_QR_FORMATS = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


class ZxingBackend:
    name = "zxing"

    def __init__(self, binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage) -> None:
        self._binarizer = binarizer

    def decode_grey(self, grey: np.ndarray) -> list[QrRead]:
        found = zxingcpp.read_barcodes(
            grey,
            formats=_QR_FORMATS,
            try_rotate=False,  # a QR finder is rotation invariant; this is for 1D codes
            try_downscale=True,
            try_invert=False,
            binarizer=self._binarizer,
        )
        reads = []
        for code in found:
            if not code.valid or not code.text:
                continue
            pos = code.position
            corners = tuple(
                (int(p.x), int(p.y))
                for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
            )
            reads.append(QrRead(code.text, self.name, corners))
        return reads


class ZbarUnavailable(Exception):
    """libzbar (the C library pyzbar wraps) is not installed or cannot be loaded."""


def _load_pyzbar() -> tuple[Callable[..., list[object]], object]:
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:  # pyzbar raises ImportError when libzbar is missing
        raise ZbarUnavailable(str(exc)) from exc
    return pyzbar.decode, pyzbar.ZBarSymbol.QRCODE


class PyzbarBackend:
    name = "pyzbar"

    def __init__(self) -> None:
        self._decode, self._qr = _load_pyzbar()

    def decode_grey(self, grey: np.ndarray) -> list[QrRead]:
        reads = []
        for code in self._decode(np.ascontiguousarray(grey), symbols=[self._qr]):
            data: bytes = code.data  # type: ignore[attr-defined]
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if not text:
                continue
            poly = tuple((int(p.x), int(p.y)) for p in code.polygon)  # type: ignore[attr-defined]
            reads.append(QrRead(text, self.name, poly))
        return reads


def pyzbar_status() -> str | None:
    """None when pyzbar can decode here, else why not."""
    try:
        _load_pyzbar()
    except ZbarUnavailable as exc:
        return str(exc) or "libzbar not found"
    return None


# -- the enhancement ladder -------------------------------------------------------------

_CLAHE = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8))


def clahe(grey: np.ndarray) -> np.ndarray:
    return _CLAHE.apply(grey)


def unsharp(grey: np.ndarray) -> np.ndarray:
    blurred = cv2.GaussianBlur(grey, (0, 0), 2.0)
    return cv2.addWeighted(grey, 2.0, blurred, -1.0, 0)


def denoise(grey: np.ndarray) -> np.ndarray:
    return cv2.GaussianBlur(grey, (0, 0), 1.2)


def upscale(grey: np.ndarray) -> np.ndarray:
    return cv2.resize(grey, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_LINEAR)


@dataclass(frozen=True)
class Rung:
    name: str
    transform: Callable[[np.ndarray], np.ndarray]
    scale: float = 1.0  # frame pixels per transformed pixel (to map corners back)


DEFAULT_LADDER: tuple[Rung, ...] = (
    Rung("clahe", clahe),
    Rung("unsharp", unsharp),
    Rung("denoise", denoise),
    Rung("upscale", upscale, scale=1 / 1.5),
)


@dataclass
class ScanningDecoder:
    """A backend plus the ladder, within ``budget_ms`` per frame (the first attempt always
    runs; a rung starts only while time is left)."""

    backend: RawBackend
    ladder: Sequence[Rung] = DEFAULT_LADDER
    budget_ms: float = 12.0
    fallback: str | None = None
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = self.backend.name

    def decode(self, frame: np.ndarray) -> list[QrRead]:
        start = time.perf_counter()
        grey = to_grey(frame)
        reads = self.backend.decode_grey(grey)
        if reads:
            return _unique(reads)
        for rung in self.ladder:
            if (time.perf_counter() - start) * 1000 >= self.budget_ms:
                break
            reads = self.backend.decode_grey(rung.transform(grey))
            if reads:
                return _unique(
                    [
                        QrRead(
                            r.text,
                            r.backend,
                            tuple((int(x * rung.scale), int(y * rung.scale)) for x, y in r.corners),
                            rung.name,
                        )
                        for r in reads
                    ]
                )
        return []


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
