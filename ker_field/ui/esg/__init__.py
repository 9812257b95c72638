"""ESG on site (issue 9): technicians record meter readings; everyone with the journey sees
the site's emissions by scope and the progress against its reduction goal."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ker_field.domain.enums import UserRole
from ker_field.ui.esg.page import EsgPage
from ker_field.ui.journeys import Journey, JourneyHost, Shot


def _settle(host: JourneyHost) -> None:
    for _ in range(4):
        host.tasks.wait()
        QCoreApplication.processEvents()


def _esg_screens(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    view = cast(EsgPage, page)
    view.refresh()
    _settle(host)
    if host.session.role is UserRole.TECHNICIAN:
        view.tabs.setCurrentIndex(0)
        view.resource.setCurrentIndex(max(0, view.resource.findText("Electricidad")))
        view.quantity.setText("10000")
        view.unit.setCurrentText("MWh")
        view.record()
        _settle(host)
        shot("esg-reading-unit-refused")
        view.unit.setCurrentText("kWh")
        view.quantity.setText("900000")
        view.record()
        _settle(host)
        shot("esg-reading-outlier-confirm")
        view.quantity.clear()
        view.message.clear()
        view._cancel_confirmation()
        _settle(host)
        shot("esg-reading-form")
        view.tabs.setCurrentIndex(1)
        _settle(host)
        shot("esg-dashboard-technician")
        view.tabs.setCurrentIndex(0)
    else:
        view.tabs.setCurrentIndex(1)
        view.show_chart(0)
        _settle(host)
        shot("esg-dashboard")
        view.show_chart(1)
        _settle(host)
        shot("esg-dashboard-goal")
        view.show_chart(0)


JOURNEYS = [
    Journey(
        key="esg",
        title=lambda: QCoreApplication.translate("Journeys", "Energía y emisiones"),
        create=EsgPage,
        roles=frozenset({UserRole.TECHNICIAN, UserRole.SUPERVISOR, UserRole.ADMIN}),
        screenshots=_esg_screens,
    )
]
