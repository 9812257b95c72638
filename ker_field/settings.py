"""The app's settings, declared once with type, default and description; persisted as a
JSON file in the data folder. No Qt here: the settings dialog reads the declarations.

Unknown keys in the file are ignored and a value of the wrong type falls back to its
default, so an old or hand-edited file never stops the app from starting.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

SETTINGS_FILENAME = "settings.json"

Language = Literal["es", "en"]
LANGUAGES: tuple[Language, ...] = ("es", "en")

QrBackend = Literal["zxing", "pyzbar"]
QR_BACKENDS: tuple[QrBackend, ...] = ("zxing", "pyzbar")


@dataclass(frozen=True)
class Declared:
    """What a setting is: its description (for people and docs) and its bounds."""

    description: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] | None = None


DECLARED: dict[str, Declared] = {
    "server_url": Declared("Address of the central KER Field server"),
    "language": Declared("Language of the interface", choices=LANGUAGES),
    "camera_device": Declared("Camera index used for QR scans and photos", 0, 9),
    "camera_source": Declared(
        "Camera source: empty for the camera numbered camera_device, camera:N, or file:PATH "
        "(a video, a folder of images or one image, for tests and demos)"
    ),
    "qr_backend": Declared(
        "QR decoder: zxing (zxing-cpp) or pyzbar (libzbar)", choices=QR_BACKENDS
    ),
    "inactivity_lock_minutes": Declared("Lock the app after this many idle minutes", 1, 240),
    "last_username": Declared("Last person who signed in on this device (pre-filled)"),
}


@dataclass(frozen=True)
class Settings:
    server_url: str = "http://127.0.0.1:8765"
    language: Language = "es"
    camera_device: int = 0
    camera_source: str = ""
    qr_backend: QrBackend = "zxing"
    inactivity_lock_minutes: int = 5
    last_username: str = ""

    # -- persistence --------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILENAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        values: dict[str, Any] = {}
        for spec in fields(cls):
            if spec.name in raw and _valid(spec.name, raw[spec.name], getattr(cls(), spec.name)):
                values[spec.name] = raw[spec.name]
        return cls(**values)

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / SETTINGS_FILENAME
        tmp = path.with_suffix(".tmp")
        payload = {spec.name: getattr(self, spec.name) for spec in fields(self)}
        tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def camera_spec(self) -> str:
        """What ker_field.capture.open_source takes: ``camera_source`` when set, else the
        camera numbered ``camera_device``."""
        return self.camera_source.strip() or f"camera:{self.camera_device}"

    def with_(self, **changes: Any) -> Settings:
        for name, value in changes.items():
            if not _valid(name, value, getattr(self, name)):
                raise ValueError(f"invalid value for setting {name}: {value!r}")
        return replace(self, **changes)


def _valid(name: str, value: object, default: object) -> bool:
    if type(value) is not type(default):
        return False
    spec = DECLARED.get(name)
    if spec is None:
        return True
    if spec.choices is not None and value not in spec.choices:
        return False
    if isinstance(value, int):
        if spec.minimum is not None and value < spec.minimum:
            return False
        if spec.maximum is not None and value > spec.maximum:
            return False
    return True
