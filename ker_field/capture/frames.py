"""Frame sources (no Qt): a real camera or a file standing in for one. Frames are BGR uint8
numpy arrays.

    source = open_source("camera:0")        # cv2.VideoCapture; opening blocks: off the GUI thread
    source = open_source("file:/x/run.mp4") # a video, a folder of images, or one image; looping
    frame = source.read()
    source.close()

Failures are :class:`CaptureError` subclasses with a stable ``code`` (the UI shows its own
translated text for each code) and a technical ``detail``.
"""

from __future__ import annotations

import os
import threading
import time
from abc import ABC, abstractmethod
from pathlib import Path
from types import TracebackType

import cv2
import numpy as np

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
VIDEO_SUFFIXES = frozenset({".mp4", ".avi", ".mkv", ".mov", ".webm", ".mjpg", ".mjpeg"})


class CaptureError(Exception):
    """A frame source cannot give frames. ``code`` is stable; ``detail`` is for the log."""

    code = "capture.failed"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class CameraMissing(CaptureError):
    """No camera with that number on this device."""

    code = "capture.camera_missing"


class CameraBusy(CaptureError):
    """The camera exists but gives no frames: another program holds it (or it was unplugged)."""

    code = "capture.camera_busy"


class SourceNotFound(CaptureError):
    """A ``file:`` source whose path does not exist, or a folder without images."""

    code = "capture.file_missing"


class BadImage(CaptureError):
    """An image or video file that cannot be decoded (broken, truncated, not an image)."""

    code = "capture.bad_image"


class BadSourceSpec(CaptureError):
    """A camera setting that is neither ``camera:N`` nor ``file:PATH``."""

    code = "capture.bad_spec"


class FrameSource(ABC):
    """Where frames come from. ``read()`` blocks until the next frame (a camera paces
    itself; file sources return at once and say their ``fps`` so a preview can pace them).
    """

    #: True for a real camera: production photos come only from live sources.
    live: bool = False
    #: nominal frame rate (file sources are replayed at this rate by a preview).
    fps: float = 30.0
    #: for messages and the log
    description: str = ""

    @abstractmethod
    def read(self) -> np.ndarray:
        """The next BGR frame; raises :class:`CaptureError`."""

    def close(self) -> None:  # noqa: B027 (optional hook)
        """Release the device or file."""

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# -- files ------------------------------------------------------------------------------


def _complete(data: bytes) -> bool:
    """JPEG and PNG files that end before their end marker (a cut copy, a full disk) decode
    to half-grey images without an error in OpenCV: refuse them here."""
    if data[:2] == b"\xff\xd8":
        return b"\xff\xd9" in data[-64:]
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return b"IEND" in data[-32:]
    return True


def load_image(path: Path) -> np.ndarray:
    """One image file as a BGR frame; :class:`BadImage` when it is broken or truncated."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceNotFound(f"{path} does not exist") from None
    except OSError as exc:
        raise BadImage(f"{path}: {exc}") from exc
    if not data:
        raise BadImage(f"{path} is empty")
    if not _complete(data):
        raise BadImage(f"{path} is truncated")
    frame = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if frame is None or frame.size == 0:
        raise BadImage(f"{path} is not an image OpenCV can decode")
    return np.ascontiguousarray(frame)


class ImageSource(FrameSource):
    """Images replayed in order, looping: one image repeated, or a folder's images sorted by
    name. All images are checked and decoded when the source opens."""

    def __init__(self, paths: list[Path], fps: float = 30.0, description: str = "") -> None:
        if not paths:
            raise SourceNotFound(f"no images in {description}")
        self.frames = [load_image(p) for p in paths]
        self.fps = fps
        self.description = description or str(paths[0])
        self._next = 0

    def read(self) -> np.ndarray:
        frame = self.frames[self._next % len(self.frames)]
        self._next += 1
        return frame


class VideoFileSource(FrameSource):
    """A video file replayed in a loop."""

    def __init__(self, path: Path) -> None:
        self.description = str(path)
        self._path = path
        self._cap = cv2.VideoCapture(str(path))
        if not self._cap.isOpened():
            self._cap.release()
            raise BadImage(f"{path} is not a video OpenCV can open")
        fps = float(self._cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if 1.0 <= fps <= 120.0 else 30.0
        self._frames_read = 0
        self._first: np.ndarray | None = self._read_once()
        if self._first is None:
            self._cap.release()
            raise BadImage(f"{path} has no frame OpenCV can decode")

    def _read_once(self) -> np.ndarray | None:
        ok, frame = self._cap.read()
        return frame if ok and frame is not None and frame.size else None

    def read(self) -> np.ndarray:
        if self._first is not None:
            first, self._first = self._first, None
            self._frames_read += 1
            return first
        frame = self._read_once()
        if frame is None:  # end of the file: loop
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            frame = self._read_once()
            if frame is None:
                raise BadImage(f"{self._path} stopped giving frames")
        self._frames_read += 1
        return frame

    def close(self) -> None:
        self._cap.release()


def open_file_source(path: Path) -> FrameSource:
    if path.is_dir():
        images = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        return ImageSource(images, description=str(path))
    if not path.exists():
        raise SourceNotFound(f"{path} does not exist")
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource([path], description=str(path))
    return VideoFileSource(path)


# -- cameras ---------------------------------------------------------------------------


_open_lock = threading.Lock()  # V4L2 backends do not like two opens at once


def device_node(index: int) -> Path | None:
    """The camera's device file on Linux (``/dev/videoN``); None where cameras have none."""
    if os.name == "posix" and Path("/dev").is_dir() and not Path("/System").is_dir():
        return Path(f"/dev/video{index}")
    return None


class CameraSource(FrameSource):
    """A real camera through ``cv2.VideoCapture(index)``, asked for 1280x720. Opening takes
    up to seconds: call it off the GUI thread. :class:`CameraMissing` when there is no such
    device, :class:`CameraBusy` when it exists but gives no frame."""

    live = True

    def __init__(self, index: int, width: int = 1280, height: int = 720) -> None:
        self.index = index
        self.description = f"camera {index}"
        device = device_node(index)
        if device is not None and not device.exists():
            raise CameraMissing(f"{device} does not exist")
        with _open_lock:
            cap = cv2.VideoCapture(index)
        if not cap.isOpened():
            cap.release()
            if device is not None:
                raise CameraBusy(f"{device} exists but cannot be opened")
            raise CameraMissing(f"camera {index} cannot be opened")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if 1.0 <= fps <= 120.0 else 30.0
        self._cap = cap
        try:
            self._first: np.ndarray | None = self._grab(attempts=10)
        except CaptureError:
            cap.release()
            raise

    def _grab(self, attempts: int = 3) -> np.ndarray:
        for _ in range(attempts):
            ok, frame = self._cap.read()
            if ok and frame is not None and frame.size:
                return np.asarray(frame)
            time.sleep(0.05)
        raise CameraBusy(f"{self.description} gives no frames")

    def read(self) -> np.ndarray:
        if self._first is not None:
            first, self._first = self._first, None
            return first
        return self._grab()

    def close(self) -> None:
        self._cap.release()


def parse_spec(spec: str) -> tuple[str, str]:
    kind, sep, rest = spec.strip().partition(":")
    if not sep or kind not in ("camera", "file") or not rest:
        raise BadSourceSpec(f"camera source {spec!r} is neither camera:N nor file:PATH")
    return kind, rest


def open_source(spec: str) -> FrameSource:
    """``camera:N`` (a real camera) or ``file:PATH`` (a video, a folder of images, one image).
    Blocks while a camera opens: call it off the GUI thread."""
    kind, rest = parse_spec(spec)
    if kind == "camera":
        try:
            index = int(rest)
        except ValueError:
            raise BadSourceSpec(f"camera number {rest!r} is not a number") from None
        return CameraSource(index)
    return open_file_source(Path(rest).expanduser())
