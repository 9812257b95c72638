"""The live camera preview that scans QR codes: frames are grabbed on one worker thread and
decoded on another, never on the GUI thread.

    view = CameraView(host.settings.camera_spec(), host.settings.qr_backend)
    view.decoded.connect(self._on_code)        # throttled, de-duplicated texts
    view.error.connect(self._show_message)     # translated: no camera, camera busy, bad file
    view.start()
    ...
    photo = view.take_photo(PhotoMeta(taken_by=..., asset_id=...))  # JPEG bytes + sha256
    view.stop()                                 # in the page's shutdown()

The source opens on the grab thread (a real camera may take seconds). In production (the
app started without ``--demo``) ``take_photo`` refuses frames that come from a file.
"""

from __future__ import annotations

import threading
import time
from collections import deque

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ker_field.capture import photo as photos
from ker_field.capture.frames import CaptureError, FrameSource, open_source
from ker_field.capture.photo import Photo, PhotoMeta
from ker_field.capture.qr import ZBAR_MISSING, ReadThrottle, ScanningDecoder, make_decoder


def capture_message(code: str, detail: str = "") -> str:
    """The user's-language text for a capture error code (see ker_field.capture.frames)."""
    texts = {
        "capture.camera_missing": QCoreApplication.translate(
            "CameraView",
            "No se encontró la cámara. Conéctela o revise el número de cámara en Ajustes.",
        ),
        "capture.camera_busy": QCoreApplication.translate(
            "CameraView",
            "La cámara está ocupada por otro programa o no entrega imágenes. Ciérrelo e intente de nuevo.",
        ),
        "capture.file_missing": QCoreApplication.translate(
            "CameraView", "No se encontró el archivo de imágenes configurado como cámara."
        ),
        "capture.bad_image": QCoreApplication.translate(
            "CameraView", "La imagen o el video de la cámara está dañado o incompleto."
        ),
        "capture.bad_spec": QCoreApplication.translate(
            "CameraView",
            "La cámara configurada no es válida: use «camera:N» o «file:RUTA» en Ajustes.",
        ),
        "capture.not_live": QCoreApplication.translate(
            "CameraView", "Las fotos de evidencia deben tomarse con la cámara en vivo."
        ),
        ZBAR_MISSING: QCoreApplication.translate(
            "CameraView",
            "El lector pyzbar no está disponible en este equipo (falta libzbar); se usa zxing-cpp.",
        ),
    }
    failed = QCoreApplication.translate("CameraView", "La cámara falló: {detail}")
    return texts.get(code) or failed.format(detail=detail)


class _Latest:
    """The newest frame, handed from the grab thread to the decode thread (older ones are
    dropped: decoding never slows the preview down)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: np.ndarray | None = None
        self._fresh = False

    def put(self, frame: np.ndarray) -> None:
        with self._cond:
            self._frame, self._fresh = frame, True
            self._cond.notify()

    def take(self, timeout: float) -> np.ndarray | None:
        with self._cond:
            if not self._fresh:
                self._cond.wait(timeout)
            if not self._fresh:
                return None
            self._fresh = False
            return self._frame

    def peek(self) -> np.ndarray | None:
        with self._cond:
            return self._frame

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()


class _GrabThread(QThread):
    opened = Signal(bool, str)  # live, description
    frame = Signal(QImage)
    failed = Signal(str, str)  # code, detail

    def __init__(self, spec: str, latest: _Latest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.latest = latest
        self.stopping = threading.Event()
        self.source: FrameSource | None = None
        self.size = QSize(640, 360)  # set by the view on resize (read here, racy but harmless)

    def run(self) -> None:
        try:
            source = open_source(self.spec)
        except CaptureError as exc:
            self.failed.emit(exc.code, exc.detail)
            return
        except Exception as exc:  # OpenCV can raise anything on odd devices
            self.failed.emit("capture.failed", repr(exc))
            return
        self.source = source
        try:
            self.opened.emit(source.live, source.description)
            period = 0.0 if source.live else 1.0 / source.fps
            while not self.stopping.is_set():
                started = time.monotonic()
                try:
                    frame = source.read()
                except CaptureError as exc:
                    self.failed.emit(exc.code, exc.detail)
                    return
                except Exception as exc:  # a driver error mid-stream: say so, end cleanly
                    self.failed.emit("capture.failed", repr(exc))
                    return
                self.latest.put(frame)
                self.frame.emit(self._preview_image(frame))
                if period:
                    self.stopping.wait(max(0.0, period - (time.monotonic() - started)))
        finally:
            source.close()

    def _preview_image(self, frame: np.ndarray) -> QImage:
        h, w = frame.shape[:2]
        box = self.size
        scale = min(box.width() / w, box.height() / h, 1.0)
        if scale < 1.0:
            frame = cv2.resize(
                frame,
                (max(1, int(w * scale)), max(1, int(h * scale))),
                interpolation=cv2.INTER_LINEAR,
            )
        bgr = np.ascontiguousarray(frame)
        h, w = bgr.shape[:2]
        return QImage(bgr.data, w, h, 3 * w, QImage.Format.Format_BGR888).copy()


class _DecodeThread(QThread):
    reads = Signal(list)  # texts

    def __init__(self, decoder: ScanningDecoder, latest: _Latest, parent: QObject | None = None):
        super().__init__(parent)
        self.decoder = decoder
        self.latest = latest
        self.stopping = threading.Event()
        self.paused = threading.Event()
        self.decoded_frames = 0

    def run(self) -> None:
        while not self.stopping.is_set():
            frame = self.latest.take(timeout=0.1)
            if frame is None or self.paused.is_set():
                continue
            found = self.decoder.decode(frame)
            self.decoded_frames += 1
            if found:
                self.reads.emit([r.text for r in found])


class CameraView(QWidget):
    """Live preview + QR scanning. Signals: ``decoded(text)`` once per code in view,
    ``error(message)`` translated, ``notice(message)`` (e.g. pyzbar missing: once per run),
    ``opened(live)`` when frames start."""

    decoded = Signal(str)
    error = Signal(str)
    notice = Signal(str)
    opened = Signal(bool)

    _zbar_notice_given = False

    def __init__(
        self,
        source_spec: str = "camera:0",
        backend: str = "zxing",
        *,
        scanning: bool = True,
        production: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.source_spec = source_spec
        self.backend = backend
        self._production = production
        self._scanning = scanning
        self.throttle = ReadThrottle()
        self._latest = _Latest()
        self._grab: _GrabThread | None = None
        self._decode: _DecodeThread | None = None
        self._live = False
        self._description = ""
        self._shown: deque[float] = deque(maxlen=60)
        self.frames_shown = 0
        self.last_error = ""
        self._notice = ""
        self._make_decoder = make_decoder

        self.preview = QLabel()
        self.preview.setObjectName("cameraPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 180)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #000; color: #fff;")
        self.preview.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        self._show_status()

    # -- control ----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._grab is not None

    @property
    def fps(self) -> float:
        """Frames shown per second over the last ~2 s (0 before two frames)."""
        if len(self._shown) < 2:
            return 0.0
        span = self._shown[-1] - self._shown[0]
        return (len(self._shown) - 1) / span if span > 0 else 0.0

    def start(self) -> None:
        """Open the source (off the GUI thread) and start previewing and scanning."""
        if self._grab is not None:
            return
        self.last_error = ""
        self._shown.clear()
        self.throttle.reset()
        self._latest = _Latest()
        self._grab = _GrabThread(self.source_spec, self._latest, self)
        self._grab.size = self.preview.size()
        self._grab.opened.connect(self._on_opened)
        self._grab.frame.connect(self._on_frame)
        self._grab.failed.connect(self._on_failed)
        decoder = self._make_decoder(self.backend)
        if decoder.fallback == ZBAR_MISSING:
            self._notice = capture_message(ZBAR_MISSING)  # on the status line, and once:
            if not CameraView._zbar_notice_given:
                CameraView._zbar_notice_given = True
                self.notice.emit(self._notice)
        self._decode = _DecodeThread(decoder, self._latest, self)
        if not self._scanning:
            self._decode.paused.set()
        self._decode.reads.connect(self._on_reads)
        self._decode.start()
        self.preview.setText(self.tr("Abriendo la cámara…"))
        self._grab.start()
        self._show_status()

    def stop(self) -> None:
        """Stop grabbing and scanning; waits for both threads (a camera read returns within
        a frame)."""
        grab, decode = self._grab, self._decode
        self._grab = self._decode = None
        for thread in (grab, decode):
            if thread is not None:
                thread.stopping.set()
        self._latest.wake()
        for thread in (grab, decode):
            if thread is not None:
                thread.wait()
                thread.deleteLater()
        self._shown.clear()
        self._show_status()

    def set_scanning(self, on: bool) -> None:
        """Pause or resume decoding (the preview keeps running), e.g. while a photo is due."""
        self._scanning = on
        if self._decode is not None:
            if on:
                self._decode.paused.clear()
            else:
                self._decode.paused.set()

    def set_source(self, spec: str) -> None:
        """Switch to another source (restarts when running)."""
        was_running = self.running
        self.stop()
        self.source_spec = spec
        if was_running:
            self.start()

    def last_frame(self) -> np.ndarray | None:
        return self._latest.peek()

    def take_photo(self, meta: PhotoMeta | None = None) -> Photo | None:
        """The frame on screen as a JPEG with its SHA-256 (``None`` before the first frame).
        Raises :class:`~ker_field.capture.photo.NotALiveCamera` in production when the
        source is a file (the ``error`` signal says so too)."""
        frame = self._latest.peek()
        if frame is None:
            return None
        production = photos.production() if self._production is None else self._production
        if production and not self._live:
            self._on_failed("capture.not_live", self._description)
            raise photos.NotALiveCamera(f"{self._description} is not a live camera")
        meta = meta or PhotoMeta()
        if not meta.source:
            meta = PhotoMeta(**{**meta.__dict__, "source": self._description})
        return photos.encode_jpeg(frame, meta)

    # -- from the worker threads --------------------------------------------------------

    @Slot(bool, str)
    def _on_opened(self, live: bool, description: str) -> None:
        self._live, self._description = live, description
        self.opened.emit(live)

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        if self._grab is None:
            return
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.frames_shown += 1
        self._shown.append(time.monotonic())
        if self.frames_shown % 10 == 0:
            self._show_status()

    @Slot(list)
    def _on_reads(self, texts: list[str]) -> None:
        if self._decode is None:
            return
        for text in self.throttle.feed(texts):
            self.decoded.emit(text)

    @Slot(str, str)
    def _on_failed(self, code: str, detail: str) -> None:
        message = capture_message(code, detail)
        self.last_error = message
        if code != "capture.not_live":  # the source gave up: stop; start() tries again
            self.stop()
            self.preview.setText(message)
        self.error.emit(message)

    # -- view ---------------------------------------------------------------------------

    def _show_status(self) -> None:
        if self._grab is None:
            text = self.tr("Cámara detenida")
        else:
            text = self.tr("{fps:.0f} imágenes/s").format(fps=self.fps)
        self.status.setText(f"{text} · {self._notice}" if self._notice else text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._grab is not None:
            self._grab.size = self.preview.size()
