"""How permit values read on screen, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ker_field.domain.enums import EquipmentHandback, PermitHazard, RiskLevel
from ker_field.domain.labels import Lang, label
from ker_field.services.permits import WindowState


def _t(text: str) -> str:
    return QCoreApplication.translate("Permits", text)


def level_text(level: RiskLevel, lang: Lang) -> str:
    return label(level, lang).upper()


def hazard_text(hazard: PermitHazard) -> str:
    return {
        PermitHazard.ELECTRICAL: _t("Energía eléctrica"),
        PermitHazard.STORED_ENERGY: _t("Energía acumulada (presión, resortes, gravedad)"),
        PermitHazard.MOVING_PARTS: _t("Partes en movimiento"),
        PermitHazard.WORK_AT_HEIGHT: _t("Trabajo en altura"),
        PermitHazard.CONFINED_SPACE: _t("Espacio confinado"),
        PermitHazard.HOT_WORK: _t("Trabajo en caliente"),
        PermitHazard.HAZARDOUS_SUBSTANCES: _t("Sustancias peligrosas"),
        PermitHazard.LIFTING: _t("Izaje de cargas"),
    }[hazard]


def handback_text(state: EquipmentHandback) -> str:
    return {
        EquipmentHandback.RETURNED_TO_SERVICE: _t("devuelto a operación"),
        EquipmentHandback.REMAINS_ISOLATED: _t("sigue aislado"),
        EquipmentHandback.OUT_OF_SERVICE: _t("fuera de servicio"),
    }[state]


def window_text(window: WindowState) -> str:
    return {
        WindowState.NOT_YET_VALID: _t("aún no vigente"),
        WindowState.VALID: _t("vigente"),
        WindowState.EXPIRED: _t("vencido"),
    }[window]
