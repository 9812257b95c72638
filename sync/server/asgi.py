"""The ASGI app as uvicorn workers build it, from the environment ``ker-field-server`` sets."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from sync.server.app import create_app
from sync.server.db import make_engine

DB_ENV = "KER_SERVER_DB"
BLOBS_ENV = "KER_SERVER_BLOBS"


def build() -> FastAPI:
    """Factory for each worker process: its own engine (pool) on the shared database."""
    return create_app(make_engine(os.environ[DB_ENV]), Path(os.environ[BLOBS_ENV]))


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message (structured logs)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "sync.server.asgi.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "ker": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
