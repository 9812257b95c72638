"""The LOTO journey (technician, supervisor, admin): see :mod:`ker_field.ui.loto.page`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ker_field.domain import demo
from ker_field.domain.enums import UserRole
from ker_field.ui.journeys import Journey, JourneyHost, Shot
from ker_field.ui.loto.page import LotoPage


def screenshots(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    """loto-… screens from the demo scene: an asset whose prerequisites fail (the
    technician's hydraulic certificate expired, a high-risk ticket without an active
    permit), a lockout with its locks on, the active locks, the removal dialog."""
    assert isinstance(page, LotoPage)
    who = host.session.username
    if who == "tecnico":
        page.open_asset(demo.demo_id("asset", "STGO", "3"))
        shot("loto-asset-prerequisites")
        page.open_asset(demo.demo_id("asset", "STGO", "2"))
        shot("loto-asset")
        host.tasks.wait()
        page.scroller.ensureWidgetVisible(page.steps_card)
        shot("loto-steps")
        page.serials.clear()
        page.scroller.ensureWidgetVisible(page.locks_card)
        if page.lockout is not None and page.asset is not None:
            locked = next(s for s in page.asset.sources if s.lock is not None)
            assert locked.lock is not None
            page.remove_lock(locked.lock, locked.isolation_point, False)
            if page.dialog is not None:
                shot("loto-removal", page.dialog)
                page.dialog.reject()
        page.site_button.click()
        shot("loto-active-locks")
        page.mine_button.click()
    elif who == "supervisor":
        page.open_asset(demo.demo_id("asset", "STGO", "2"))
        shot("loto-supervisor")
        if page.asset is not None:
            source = next((s for s in page.asset.sources if s.lock is not None), None)
            if source is not None and source.lock is not None:
                page.remove_lock(source.lock, source.isolation_point, True)
                if page.dialog is not None:
                    shot("loto-exception-removal", page.dialog)
                    page.dialog.reject()


JOURNEYS = [
    Journey(
        key="loto",
        title=lambda: QCoreApplication.translate("Journeys", "Bloqueo LOTO"),
        create=LotoPage,
        roles=frozenset({UserRole.TECHNICIAN, UserRole.SUPERVISOR, UserRole.ADMIN}),
        opens_assets=True,
        screenshots=screenshots,
    )
]
