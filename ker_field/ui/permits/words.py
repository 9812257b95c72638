"""How permit values read on screen, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ker_field.domain.enums import EquipmentHandback, PermitHazard, RiskLevel
from ker_field.domain.labels import Lang, label
from ker_field.services.permits import WindowState


def level_text(level: RiskLevel, lang: Lang) -> str:
    return label(level, lang).upper()


def hazard_text(hazard: PermitHazard) -> str:
    return {
        PermitHazard.ELECTRICAL: QCoreApplication.translate("Permits", "Energía eléctrica"),
        PermitHazard.STORED_ENERGY: QCoreApplication.translate("Permits", "Energía acumulada"),
        PermitHazard.MOVING_PARTS: QCoreApplication.translate("Permits", "Partes en movimiento"),
        PermitHazard.WORK_AT_HEIGHT: QCoreApplication.translate("Permits", "Trabajo en altura"),
        PermitHazard.CONFINED_SPACE: QCoreApplication.translate("Permits", "Espacio confinado"),
        PermitHazard.HOT_WORK: QCoreApplication.translate("Permits", "Trabajo en caliente"),
        PermitHazard.HAZARDOUS_SUBSTANCES: QCoreApplication.translate(
            "Permits", "Sustancias peligrosas"
        ),
        PermitHazard.LIFTING: QCoreApplication.translate("Permits", "Izaje de cargas"),
    }[hazard]


def handback_text(state: EquipmentHandback) -> str:
    return {
        EquipmentHandback.RETURNED_TO_SERVICE: QCoreApplication.translate(
            "Permits", "devuelto a operación"
        ),
        EquipmentHandback.REMAINS_ISOLATED: QCoreApplication.translate("Permits", "sigue aislado"),
        EquipmentHandback.OUT_OF_SERVICE: QCoreApplication.translate(
            "Permits", "fuera de servicio"
        ),
    }[state]


def window_text(window: WindowState) -> str:
    return {
        WindowState.NOT_YET_VALID: QCoreApplication.translate("Permits", "aún no vigente"),
        WindowState.VALID: QCoreApplication.translate("Permits", "vigente"),
        WindowState.EXPIRED: QCoreApplication.translate("Permits", "vencido"),
    }[window]
