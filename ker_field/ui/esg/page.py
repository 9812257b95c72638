"""The ESG journey: record a site's meter readings (turned into kg CO2e by scope, a wrong
unit refused, an outlier confirmed), and the site's dashboard: emissions by scope per month,
progress against the sustainability goal, CSV export."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import EmissionScope
from ker_field.domain.labels import label
from ker_field.domain.rules.esg import OUTLIER
from ker_field.services import esg
from ker_field.ui.esg.chart import LineChart, Series, StackedBarChart
from ker_field.ui.i18n import current_language, locale
from ker_field.ui.journeys import JourneyHost
from ker_field.ui.models import Column, RowsModel

SCOPE_COLORS = {
    EmissionScope.SCOPE_1: QColor("#d35400"),
    EmissionScope.SCOPE_2: QColor("#1f5fa8"),
    EmissionScope.SCOPE_3: QColor("#2e7d32"),
}
BASELINE_COLOR = QColor("#616161")
TARGET_COLOR = QColor("#2e7d32")
ACTUAL_COLOR = QColor("#1f5fa8")


def parse_quantity(text: str) -> float | None:
    """A quantity as typed: "10000", "10.000,5" (Chile) or "10000.5"; None if not a number."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def kg_text(value: float, decimals: int = 1) -> str:
    return locale().toString(float(value), "f", decimals)


class EsgPage(QWidget):
    def __init__(self, host: JourneyHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.factors: list[esg.FactorView] = []
        self.board: esg.Dashboard | None = None
        self.pending_confirmation = False
        self.last_export: Path | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("esgTabs")
        self.tabs.addTab(self._record_tab(), "")
        self.tabs.addTab(self._dashboard_tab(), "")
        if host.session.role.value != "technician":
            self.tabs.setCurrentIndex(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.setStyleSheet(
            "QPushButton:checked { background: #0b5394; color: #ffffff; border-color: #0b5394; }"
        )
        self.retranslate()

    # -- building ----------------------------------------------------------------------------

    def _record_tab(self) -> QWidget:
        self.resource = QComboBox()
        self.resource.setObjectName("esgResource")
        self.resource.currentIndexChanged.connect(self._resource_chosen)
        self.quantity = QLineEdit()
        self.quantity.setObjectName("esgQuantity")
        self.quantity.returnPressed.connect(self.record)
        self.unit = QComboBox()
        self.unit.setObjectName("esgUnit")
        self.unit.setEditable(True)
        self.unit.setMinimumWidth(110)
        self.month = QComboBox()
        self.month.setObjectName("esgMonth")
        self.year = QComboBox()
        self.year.setObjectName("esgYear")
        today = self.host.session.clock().date()
        for y in range(today.year - 3, today.year + 1):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.count() - 1)
        for m in range(1, 13):
            self.month.addItem("", m)
        # Readings close a period: the month just ended by default.
        last_month = today.replace(day=1) - timedelta(days=1)
        self.year.setCurrentIndex(max(0, self.year.findData(last_month.year)))
        self.month.setCurrentIndex(last_month.month - 1)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity, 1)
        quantity_row.addWidget(self.unit)
        period_row = QHBoxLayout()
        period_row.addWidget(self.month, 1)
        period_row.addWidget(self.year)
        self.resource_label, self.quantity_label, self.period_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.resource_label, self.resource)
        self.form.addRow(self.quantity_label, quantity_row)
        self.form.addRow(self.period_label, period_row)
        self.factor_hint = QLabel()
        self.factor_hint.setObjectName("esgFactorHint")
        self.factor_hint.setWordWrap(True)

        self.record_button = QPushButton()
        self.record_button.setObjectName("primary")
        self.record_button.clicked.connect(self.record)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("danger")
        self.confirm_button.clicked.connect(self.confirm_outlier)
        self.confirm_button.hide()
        buttons = QVBoxLayout()
        buttons.addWidget(self.record_button)
        self.message = QLabel()
        self.message.setObjectName("esgMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.factor_hint)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addWidget(self.confirm_button)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(380)

        self.readings_title = QLabel()
        self.readings_title.setObjectName("subtitle")
        self.readings_model: RowsModel[esg.ReadingRow] = RowsModel(self._reading_columns(), self)
        self.readings = QTableView()
        self.readings.setObjectName("esgReadings")
        self.readings.setModel(self.readings_model)
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings.verticalHeader().setVisible(False)
        self.readings.verticalHeader().setDefaultSectionSize(44)
        header = self.readings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        right = QVBoxLayout()
        right.addWidget(self.readings_title)
        right.addWidget(self.readings, 1)

        tab = QWidget()
        row = QHBoxLayout(tab)
        row.addWidget(left_widget, 2)
        row.addLayout(right, 3)
        return tab

    def _dashboard_tab(self) -> QWidget:
        self.board_year = QComboBox()
        self.board_year.setObjectName("esgBoardYear")
        self.board_year.activated.connect(self._year_chosen)
        self.export_button = QPushButton()
        self.export_button.setObjectName("esgExport")
        self.export_button.clicked.connect(self.export_csv)
        self.export_message = QLabel()
        self.export_message.setObjectName("path")
        self.export_message.setWordWrap(True)
        self.export_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.board_title = QLabel()
        self.board_title.setObjectName("subtitle")
        self.board_title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.board_title, 1)
        top.addWidget(self.board_year)
        top.addWidget(self.export_button)

        self.totals = QLabel()
        self.totals.setObjectName("esgTotals")
        self.totals.setWordWrap(True)
        self.goal_numbers = QLabel()
        self.goal_numbers.setObjectName("esgGoal")
        self.goal_numbers.setWordWrap(True)
        self.goal_bar = QProgressBar()
        self.goal_bar.setObjectName("esgGoalBar")
        self.goal_bar.setRange(0, 100)
        self.goal_bar.setMinimumHeight(36)
        numbers = QWidget()
        numbers_column = QVBoxLayout(numbers)
        numbers_column.setContentsMargins(0, 0, 0, 0)
        numbers_column.addWidget(self.totals)
        numbers_column.addWidget(self.goal_numbers)
        numbers_column.addWidget(self.goal_bar)
        numbers_column.addWidget(self.export_message)
        numbers_column.addStretch(1)
        numbers_scroller = QScrollArea()
        numbers_scroller.setWidgetResizable(True)
        numbers_scroller.setFrameShape(QFrame.Shape.NoFrame)
        numbers_scroller.setWidget(numbers)
        numbers_scroller.setMinimumWidth(300)
        numbers_scroller.setMaximumWidth(520)

        # One chart at a time, full height (readable at 1024x600): by scope, or the goal.
        self.scope_chart = StackedBarChart()
        self.scope_chart.setObjectName("esgScopeChart")
        self.goal_chart = LineChart()
        self.goal_chart.setObjectName("esgGoalChart")
        self.charts = QStackedWidget()
        self.charts.addWidget(self.scope_chart)
        self.charts.addWidget(self.goal_chart)
        self.scope_button, self.goal_button = QPushButton(), QPushButton()
        self.chart_buttons = QButtonGroup(self)
        for index, button in enumerate((self.scope_button, self.goal_button)):
            button.setCheckable(True)
            self.chart_buttons.addButton(button, index)
        self.scope_button.setChecked(True)
        self.chart_buttons.idClicked.connect(self.show_chart)
        self.chart_title = QLabel()
        self.chart_title.setStyleSheet("font-weight: bold;")
        self.chart_title.setWordWrap(True)
        switch = QHBoxLayout()
        switch.addWidget(self.scope_button)
        switch.addWidget(self.goal_button)
        switch.addStretch(1)
        chart_column = QVBoxLayout()
        chart_column.addLayout(switch)
        chart_column.addWidget(self.chart_title)
        chart_column.addWidget(self.charts, 1)

        body = QHBoxLayout()
        body.addWidget(numbers_scroller, 2)
        body.addLayout(chart_column, 3)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addLayout(top)
        column.addLayout(body, 1)
        return tab

    def show_chart(self, index: int) -> None:
        """0: emissions by scope per month; 1: cumulative against the baseline and goal."""
        self.charts.setCurrentIndex(index)
        self.chart_buttons.button(index).setChecked(True)
        self._show_chart_title()

    def _reading_columns(self) -> list[Column[esg.ReadingRow]]:
        return [
            Column(self.tr("Período"), lambda r: f"{r.period_start:%m-%Y}"),
            Column(self.tr("Recurso"), lambda r: r.resource_name),
            Column(self.tr("Cantidad"), lambda r: f"{kg_text(r.quantity, 1)} {r.unit}"),
            Column(self.tr("kg CO2e"), lambda r: kg_text(r.co2e_kg, 1)),
            Column(self.tr("Alcance"), lambda r: r.scope),
            Column(
                self.tr("Estado"),
                lambda r: self.tr("por enviar") if r.pending_sync else self.tr("sincronizada"),
            ),
        ]

    # -- words ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Registrar lectura"))
        self.tabs.setTabText(1, self.tr("Panel del sitio"))
        self.resource_label.setText(self.tr("Recurso"))
        self.quantity_label.setText(self.tr("Cantidad"))
        self.period_label.setText(self.tr("Mes"))
        self.quantity.setPlaceholderText(self.tr("Lectura del medidor"))
        self.record_button.setText(self.tr("Registrar lectura"))
        self.confirm_button.setText(self.tr("Sí, la lectura es correcta"))
        self.readings_title.setText(self.tr("Últimas lecturas del sitio"))
        self.export_button.setText(self.tr("Exportar CSV"))
        loc = QLocale(locale())
        for index in range(self.month.count()):
            self.month.setItemText(
                index, loc.standaloneMonthName(index + 1, QLocale.FormatType.LongFormat)
            )
        self.readings_model.set_columns(self._reading_columns())
        self._show_factor_hint()
        self._show_board()

    # -- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(partial(esg.list_factors, ctx), self._factors_loaded, self._failed)
        self.host.tasks.run(partial(esg.recent_readings, ctx), self._readings_loaded, self._failed)
        self.load_board(self.board.year if self.board is not None else None)

    def load_board(self, year: int | None = None) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(partial(esg.dashboard, ctx, year), self._board_loaded, self._failed)

    def shutdown(self) -> None:
        """Nothing runs in the background of its own (charts are painted on demand)."""

    def _factors_loaded(self, factors: list[esg.FactorView]) -> None:
        chosen = self.resource.currentText()
        self.factors = factors
        self.resource.blockSignals(True)
        self.resource.clear()
        for factor in factors:
            self.resource.addItem(factor.resource_name, factor)
        units = sorted({f.unit for f in factors})
        self.unit.clear()
        self.unit.addItems(units)
        self.resource.blockSignals(False)
        index = self.resource.findText(chosen)
        self.resource.setCurrentIndex(max(0, index))
        self._resource_chosen()

    def _readings_loaded(self, rows: list[esg.ReadingRow]) -> None:
        self.readings_model.set_rows(rows)

    def _board_loaded(self, board: esg.Dashboard) -> None:
        self.board = board
        self.board_year.blockSignals(True)
        self.board_year.clear()
        for y in board.years:
            self.board_year.addItem(str(y), y)
        self.board_year.setCurrentIndex(self.board_year.findData(board.year))
        self.board_year.blockSignals(False)
        self._show_board()

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("No se pudo leer los datos: {error}").format(error=error), error=True)

    # -- recording -------------------------------------------------------------------------------

    def current_factor(self) -> esg.FactorView | None:
        data = self.resource.currentData()
        return data if isinstance(data, esg.FactorView) else None

    def _resource_chosen(self, *_: Any) -> None:
        factor = self.current_factor()
        if factor is not None:
            self.unit.setCurrentText(factor.unit)
        self._cancel_confirmation()
        self._show_factor_hint()

    def _show_factor_hint(self) -> None:
        factor = self.current_factor()
        if factor is None:
            self.factor_hint.clear()
            return
        self.factor_hint.setText(
            self.tr("Factor: {factor} kg CO2e por {unit} · {scope}").format(
                factor=locale().toString(factor.co2_factor, "g", 6),
                unit=factor.unit,
                scope=label(factor.scope, current_language()),
            )
        )

    def period(self) -> tuple[date, date]:
        year, month = int(self.year.currentData()), int(self.month.currentData())
        start = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return start, following - timedelta(days=1)

    def record(self, confirmed: bool = False) -> None:
        factor = self.current_factor()
        if factor is None:
            self._say(self.tr("Elija el recurso medido."), error=True)
            return
        quantity = parse_quantity(self.quantity.text())
        if quantity is None:
            self._say(self.tr("Ingrese la cantidad como número, por ejemplo 10000,5."), error=True)
            return
        if not confirmed:
            self._cancel_confirmation()
        start, end = self.period()
        self.record_button.setEnabled(False)
        self.host.tasks.run(
            partial(
                esg.record_reading,
                self.host.session.context(),
                factor.resource_name,
                quantity,
                self.unit.currentText().strip(),
                start,
                end,
                confirmed,
            ),
            self._recorded,
            self._refused,
        )

    def confirm_outlier(self) -> None:
        self.record(confirmed=True)

    def _cancel_confirmation(self) -> None:
        self.pending_confirmation = False
        self.confirm_button.hide()

    def _recorded(self, reading: esg.ReadingView) -> None:
        self.record_button.setEnabled(True)
        self._cancel_confirmation()
        self.quantity.clear()
        self._say(
            self.tr(
                "Lectura registrada: {kg} kg CO2e ({scope}). Se enviará al sincronizar."
            ).format(kg=kg_text(reading.co2e_kg, 1), scope=label(reading.scope, current_language()))
        )
        self.host.refresh()

    def _refused(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        if isinstance(error, RuleViolation):
            lang = current_language()
            text = " ".join(error.decision.messages(lang))
            if error.decision.codes == (OUTLIER,):
                self.pending_confirmation = True
                self.confirm_button.show()
                self._say(text, warning=True)
                return
            self._say(text, error=True)
            return
        self._say(
            self.tr("No se pudo registrar la lectura: {error}").format(error=error), error=True
        )

    def _say(self, text: str, error: bool = False, warning: bool = False) -> None:
        color = "#b00000" if error else "#8a4b00" if warning else "#1b5e20"
        self.message.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.message.setText(text)

    # -- dashboard ---------------------------------------------------------------------------------

    def _year_chosen(self, index: int) -> None:
        year = self.board_year.itemData(index)
        if isinstance(year, int):
            self.load_board(year)

    def _show_chart_title(self) -> None:
        board = self.board
        if self.charts.currentIndex() == 0 or board is None or board.goal is None:
            self.chart_title.setText(self.tr("Emisiones por alcance y mes (kg CO2e)"))
        else:
            self.chart_title.setText(
                self.tr("Acumulado {year} frente a {baseline} y la meta (kg CO2e)").format(
                    year=board.goal.year, baseline=board.goal.baseline_year
                )
            )

    def _show_board(self) -> None:
        self.scope_button.setText(self.tr("Por alcance"))
        self.goal_button.setText(self.tr("Meta de reducción"))
        board = self.board
        self._show_chart_title()
        if board is None:
            return
        lang = current_language()
        loc = QLocale(locale())
        months = [loc.monthName(m.month, QLocale.FormatType.ShortFormat) for m in board.months]
        self.board_title.setText(
            self.tr("{site}: emisiones {year}").format(site=board.site_name, year=board.year)
        )
        self.totals.setText(
            "\n".join(
                [
                    self.tr("Total {year}: {total} kg CO2e").format(
                        year=board.year, total=kg_text(board.total)
                    ),
                    *(
                        f"  {label(s, lang)}: {kg_text(board.scope_total(s))} kg"
                        for s in EmissionScope
                    ),
                ]
            )
        )
        self.scope_chart.set_data(
            months,
            [
                Series(label(s, lang), SCOPE_COLORS[s], [m.by_scope[s] for m in board.months])
                for s in EmissionScope
            ],
        )
        goal = board.goal
        self.goal_button.setEnabled(goal is not None)
        if goal is None:
            self.goal_numbers.setText(
                self.tr("No hay meta de reducción para {year}.").format(year=board.year)
            )
            self.goal_bar.hide()
            self.goal_chart.set_data([], [])
            self.show_chart(0)
            return
        self.goal_chart.set_data(
            months,
            [
                Series(str(goal.baseline_year), BASELINE_COLOR, goal.baseline_cumulative),
                Series(
                    self.tr("Meta −{pct} %").format(pct=kg_text(goal.target_pct, 0)),
                    TARGET_COLOR,
                    goal.target_cumulative,
                    dashed=True,
                ),
                Series(str(goal.year), ACTUAL_COLOR, goal.current_cumulative),
            ],
        )
        head = self.tr("Meta {year}: reducir {pct} % respecto de {baseline}").format(
            year=goal.year, pct=kg_text(goal.target_pct, 1), baseline=goal.baseline_year
        )
        progress = goal.progress
        if progress is None:
            problem = goal.problem.message(lang) if goal.problem is not None else ""
            self.goal_numbers.setText(f"{head}\n{problem}")
            self.goal_bar.hide()
            return
        state = self.tr("en camino") if progress.on_track else self.tr("bajo la meta")
        self.goal_numbers.setText(
            "\n".join(
                [
                    head,
                    self.tr("Meses comparados: {months}").format(months=len(goal.months_compared)),
                    self.tr("{year}: {kg} kg CO2e").format(
                        year=goal.year, kg=kg_text(goal.current_kg)
                    ),
                    self.tr("{baseline} (mismos meses): {kg} kg CO2e").format(
                        baseline=goal.baseline_year, kg=kg_text(goal.baseline_kg)
                    ),
                    self.tr("Reducción lograda: {reduction} % ({state})").format(
                        reduction=kg_text(progress.reduction_pct, 2), state=state
                    ),
                ]
            )
        )
        self.goal_bar.show()
        self.goal_bar.setValue(int(max(0.0, min(100.0, progress.progress_pct))))
        self.goal_bar.setFormat(
            self.tr("{value} % de la meta").format(value=kg_text(progress.progress_pct, 1))
        )
        color = "#2e7d32" if progress.on_track else "#d35400"
        self.goal_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}")

    def export_headers(self) -> list[str]:
        lang = current_language()
        return [
            self.tr("mes"),
            *(f"{label(s, lang)} (kg CO2e)" for s in EmissionScope),
            self.tr("total (kg CO2e)"),
            self.tr("base acumulada (kg CO2e)"),
            self.tr("meta acumulada (kg CO2e)"),
            self.tr("real acumulado (kg CO2e)"),
        ]

    def export_csv(self) -> None:
        board = self.board
        if board is None:
            return
        folder = self.host.data_dir / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"emisiones-{board.year}-{self.host.session.site_id.hex[:6]}.csv"
        self.host.tasks.run(
            partial(esg.write_dashboard_csv, board, path, self.export_headers()),
            self._exported,
            self._export_failed,
        )

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.export_message.setText(self.tr("CSV guardado en {path}").format(path=path))

    def _export_failed(self, error: BaseException) -> None:
        self.export_message.setText(
            self.tr("No se pudo guardar el CSV: {error}").format(error=error)
        )
