"""The tenant's 5x5 risk matrix as a coloured grid: likelihood rows (5 at the top), severity
columns, each cell coloured by its level, the chosen cell marked; tapping a cell chooses it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ker_field.domain.enums import RiskLevel
from ker_field.domain.rules.risk import MATRIX_SIZE

# Background and text colour of each level (traffic-light colours, readable in sunlight).
LEVEL_COLORS: dict[RiskLevel, tuple[str, str]] = {
    RiskLevel.LOW: ("#2e7d32", "#ffffff"),
    RiskLevel.MEDIUM: ("#fbc02d", "#000000"),
    RiskLevel.HIGH: ("#ef6c00", "#000000"),
    RiskLevel.EXTREME: ("#b71c1c", "#ffffff"),
}


def level_color(level: RiskLevel) -> QColor:
    return QColor(LEVEL_COLORS[level][0])


def _stylesheet() -> str:
    rules = [
        f'QPushButton[level="{level.value}"] {{ background: {bg}; color: {fg};'
        " border: 2px solid #202020; border-radius: 4px; padding: 0px; }"
        for level, (bg, fg) in LEVEL_COLORS.items()
    ]
    rules.append('QPushButton[chosen="true"] { border: 6px solid #000000; }')
    rules.append("QLabel#axis { font-weight: bold; }")
    return "\n".join(rules)


class RiskMatrixGrid(QWidget):
    """``chosen(likelihood, severity)`` when a cell is tapped (interactive grids only)."""

    chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, interactive: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("riskMatrix")
        self.interactive = interactive
        self._cells: tuple[tuple[RiskLevel, ...], ...] = ()
        self._choice: tuple[int, int] | None = None
        self.setStyleSheet(_stylesheet())
        grid = QGridLayout(self)
        grid.setSpacing(4)
        grid.setContentsMargins(0, 0, 0, 0)
        self.severity_title = QLabel()
        self.severity_title.setObjectName("axis")
        self.severity_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.likelihood_title = QLabel()
        self.likelihood_title.setObjectName("axis")
        self.likelihood_title.setWordWrap(True)
        grid.addWidget(self.severity_title, 0, 1, 1, MATRIX_SIZE)
        # Below the grid: a title in the narrow row-number column would widen it.
        grid.addWidget(self.likelihood_title, MATRIX_SIZE + 2, 0, 1, MATRIX_SIZE + 1)
        self._buttons: dict[tuple[int, int], QPushButton] = {}
        for severity in range(1, MATRIX_SIZE + 1):
            head = QLabel(str(severity))
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 1, severity)
        for row, likelihood in enumerate(range(MATRIX_SIZE, 0, -1), start=2):
            head = QLabel(str(likelihood))
            head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(head, row, 0)
            for severity in range(1, MATRIX_SIZE + 1):
                button = QPushButton()
                button.setObjectName(f"cell_{likelihood}_{severity}")
                button.setMinimumSize(52, 44)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                button.setFocusPolicy(
                    Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus
                )
                if interactive:
                    button.clicked.connect(self._tapped)
                else:
                    button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                button.setProperty("likelihood", likelihood)
                button.setProperty("severity", severity)
                self._buttons[(likelihood, severity)] = button
                grid.addWidget(button, row, severity)
        self.retranslate()

    # -- state ------------------------------------------------------------------------------

    def set_matrix(self, cells: tuple[tuple[RiskLevel, ...], ...]) -> None:
        self._cells = cells
        for (likelihood, severity), button in self._buttons.items():
            level = cells[likelihood - 1][severity - 1]
            button.setProperty("level", level.value)
        self._restyle()

    def set_choice(self, likelihood: int | None, severity: int | None) -> None:
        self._choice = (
            (likelihood, severity) if likelihood is not None and severity is not None else None
        )
        self._restyle()

    def choice(self) -> tuple[int, int] | None:
        return self._choice

    def level_at(self, likelihood: int, severity: int) -> RiskLevel | None:
        if not self._cells:
            return None
        return self._cells[likelihood - 1][severity - 1]

    def chosen_level(self) -> RiskLevel | None:
        return self.level_at(*self._choice) if self._choice else None

    def cell(self, likelihood: int, severity: int) -> QPushButton:
        return self._buttons[(likelihood, severity)]

    def _restyle(self) -> None:
        for (likelihood, severity), button in self._buttons.items():
            mark = self._choice == (likelihood, severity)
            score = likelihood * severity
            button.setText(f"● {score}" if mark else str(score))
            button.setProperty("chosen", mark)
            button.setAccessibleName(
                self.tr("Probabilidad {likelihood}, severidad {severity}").format(
                    likelihood=likelihood, severity=severity
                )
            )
            button.style().unpolish(button)
            button.style().polish(button)

    @Slot()
    def _tapped(self) -> None:
        button = self.sender()
        if not isinstance(button, QPushButton):
            return
        likelihood, severity = int(button.property("likelihood")), int(button.property("severity"))
        self.set_choice(likelihood, severity)
        self.chosen.emit(likelihood, severity)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.severity_title.setText(self.tr("Severidad →"))
        self.likelihood_title.setText(self.tr("Filas: probabilidad (5 arriba)"))
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
