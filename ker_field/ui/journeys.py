"""Where the journey screens (LOTO, permits, gate, roll call, handover, training, audits,
ESG) plug into the role home.

A journey module declares a :class:`Journey` (a key, the roles that see it, a translated
title and a factory) and :func:`registered` lists them. :class:`MainWindow` adds a tab for
every key of ``PAGES_BY_ROLE`` it does not build itself, in that order, by asking this
registry for a journey with that key; it calls ``refresh()`` on the page when the data may
have changed (after a sync, a site switch, a write) and ``shutdown()`` when the window
closes (stop cameras and timers there).

Each journey may also declare ``screenshots(host, shot)``: the screenshot tool calls it for
every user whose home has the page, after the page is shown; ``shot(name)`` saves the
window (or ``shot(name, dialog)`` a dialog over it) as ``name_WxH.png``, settling the task
runner first.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from ker_field.domain.enums import UserRole

if TYPE_CHECKING:
    from ker_field.settings import Settings
    from ker_field.ui.session import UserSession
    from ker_field.ui.tasks import TaskRunner


class JourneyHost(Protocol):
    """What the main window offers a journey page."""

    session: UserSession
    settings: Settings
    data_dir: Path
    tasks: TaskRunner

    def refresh(self) -> None:
        """Re-read the home (header counts, lists, every journey page)."""

    def show_page(self, key: str) -> QWidget | None:
        """Bring the tab ``key`` to the front; its page, or None when this home lacks it."""

    def open_asset(self, asset_id: uuid.UUID) -> None:
        """Open an asset (from the asset list or a scanned tag) in the journey that shows it."""


class JourneyPage(Protocol):
    def refresh(self) -> None: ...

    def shutdown(self) -> None: ...


Shot = Callable[..., None]


@dataclass(frozen=True)
class Journey:
    key: str
    title: Callable[[], str]
    create: Callable[[JourneyHost], QWidget]
    roles: frozenset[UserRole] = field(default_factory=frozenset)
    opens_assets: bool = False
    screenshots: Callable[[JourneyHost, QWidget, Shot], None] | None = None


def registered() -> dict[str, Journey]:
    """Every journey by key. Journey modules are imported here, lazily, so the login
    screen does not pay for them. The app calls this on its task runner (while the login
    window waits for a password, and after a cold-start main window has painted): a
    journey module must not create Qt objects (pixmaps, fonts, widgets) when imported."""
    journeys: list[Journey] = []
    # Each journey module adds one line below: journeys += its_module.JOURNEYS
    from ker_field.ui import training

    journeys += training.JOURNEYS
    from ker_field.ui import loto

    journeys += loto.JOURNEYS
    from ker_field.ui import gate

    journeys += gate.JOURNEYS
    from ker_field.ui import permits

    journeys += permits.JOURNEYS
    from ker_field.ui import audit

    journeys += audit.JOURNEYS
    from ker_field.ui import esg

    journeys += esg.JOURNEYS
    return {j.key: j for j in journeys}
