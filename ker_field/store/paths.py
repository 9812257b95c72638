"""Where the device keeps its data: the platform's user data folder unless overridden."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "ker-field"
APP_AUTHOR = "KER Solutions"
DATA_DIR_ENV = "KER_FIELD_DATA_DIR"
DB_FILENAME = "ker_field.sqlite3"
BLOB_DIRNAME = "blobs"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` first, then ``$KER_FIELD_DATA_DIR``, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))
