"""Camera frames, QR decoding and evidence photos (no Qt; the preview widget is
ker_field.ui.camera). See frames, qr, photo and synthetic."""

from ker_field.capture.frames import (
    BadImage,
    BadSourceSpec,
    CameraBusy,
    CameraMissing,
    CaptureError,
    FrameSource,
    SourceNotFound,
    open_source,
)
from ker_field.capture.photo import NotALiveCamera, Photo, PhotoMeta, encode_jpeg, store_photo
from ker_field.capture.qr import QrDecoder, QrRead, ReadThrottle, make_decoder

__all__ = [
    "BadImage",
    "BadSourceSpec",
    "CameraBusy",
    "CameraMissing",
    "CaptureError",
    "FrameSource",
    "NotALiveCamera",
    "Photo",
    "PhotoMeta",
    "QrDecoder",
    "QrRead",
    "ReadThrottle",
    "SourceNotFound",
    "encode_jpeg",
    "make_decoder",
    "open_source",
    "store_photo",
]
