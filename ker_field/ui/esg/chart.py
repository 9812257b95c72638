"""Two small charts drawn with QPainter (no QtCharts: that module ships in PySide6-Addons,
which the app does not depend on): stacked bars by category, and lines over categories.

Both render offscreen (``render_image``) and say where they drew (``bar_rect``,
``point_at``), so tests can look at the pixels where a bar or a point must be.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ker_field.ui.i18n import locale

BACKGROUND = QColor("#ffffff")
AXIS = QColor("#000000")
GRID = QColor("#d0d0d0")


@dataclass(frozen=True)
class Series:
    name: str
    color: QColor
    values: Sequence[float | None]
    dashed: bool = False


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round axis ticks from 0 to at least ``top`` (1, 2, 2.5 or 5 times a power of ten)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def short_number(value: float) -> str:
    """18000 -> "18 k", 2500000 -> "2,5 M" (axis labels, the language's decimal mark)."""
    point = locale().decimalPoint()
    for size, suffix in ((1e6, " M"), (1e3, " k")):
        if abs(value) >= size:
            text = f"{value / size:.1f}".rstrip("0").rstrip(".")
            return text.replace(".", point) + suffix
    return f"{value:g}".replace(".", point)


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.unit = ""
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, categories: Sequence[str], series: Sequence[Series], unit: str = "") -> None:
        self.categories, self.series, self.unit = list(categories), list(series), unit
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 300)

    # -- geometry ------------------------------------------------------------------------

    def _top_value(self) -> float:
        raise NotImplementedError

    def _layout(self) -> tuple[QRectF, list[float]]:
        """The plot area and the y ticks."""
        metrics = QFontMetrics(self.font())
        ticks = nice_ticks(self._top_value())
        left = max(metrics.horizontalAdvance(short_number(t)) for t in ticks) + 12
        legend = metrics.height() + 10 if self.series else 0
        unit = metrics.height() + 4 if self.unit else 0
        plot = QRectF(
            left,
            8 + unit,
            max(10.0, self.width() - left - 10),
            max(10.0, self.height() - 8 - unit - metrics.height() - 10 - legend),
        )
        return plot, ticks

    def _y(self, plot: QRectF, ticks: list[float], value: float) -> float:
        return plot.bottom() - (value / ticks[-1]) * plot.height()

    def _slot(self, plot: QRectF, index: int) -> QRectF:
        width = plot.width() / max(1, len(self.categories))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    # -- painting ------------------------------------------------------------------------

    def render_image(self, size: QSize | None = None) -> QImage:
        """The chart drawn into an image (offscreen rendering, tests, exports)."""
        if size is not None:
            self.resize(size)
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(BACKGROUND)
        painter = QPainter(image)
        self._paint(painter)
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        self._paint(painter)
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        plot, ticks = self._layout()
        metrics = QFontMetrics(self.font())
        painter.setPen(AXIS)
        if self.unit:
            painter.drawText(QPointF(4, metrics.ascent() + 2), self.unit)
        for tick in ticks:
            y = self._y(plot, ticks, tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            text = short_number(tick)
            painter.drawText(
                QPointF(
                    plot.left() - 6 - metrics.horizontalAdvance(text), y + metrics.ascent() / 2 - 2
                ),
                text,
            )
        self._paint_data(painter, plot, ticks)
        painter.setPen(QPen(AXIS, 2))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        every = max(
            1, math.ceil(len(self.categories) * metrics.horizontalAdvance("MMM") / plot.width())
        )
        for index, name in enumerate(self.categories):
            if index % every:
                continue
            slot = self._slot(plot, index)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(slot.width() * every))
            x = slot.center().x() - metrics.horizontalAdvance(text) / 2
            painter.drawText(QPointF(x, plot.bottom() + 4 + metrics.ascent()), text)
        self._paint_legend(painter, metrics)

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        x = 8.0
        y = self.height() - metrics.height() - 4
        box = metrics.height() * 0.8
        for series in self.series:
            painter.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), series.color)
            painter.setPen(AXIS)
            painter.drawText(QPointF(x + box + 6, y + metrics.ascent()), series.name)
            x += box + 6 + metrics.horizontalAdvance(series.name) + 18

    def _paint_data(self, painter: QPainter, plot: QRectF, ticks: list[float]) -> None:
        raise NotImplementedError


class StackedBarChart(_Chart):
    """One bar per category, its series stacked bottom-up in order."""

    def _top_value(self) -> float:
        totals = [
            sum((s.values[i] or 0.0) for s in self.series) for i in range(len(self.categories))
        ]
        return max(totals, default=0.0)

    def bar_rect(self, category: int, series: int) -> QRectF:
        """Where the segment of ``series`` in the bar of ``category`` is drawn (empty when
        its value is 0)."""
        plot, ticks = self._layout()
        slot = self._slot(plot, category)
        width = slot.width() * 0.64
        base = 0.0
        for index, s in enumerate(self.series):
            value = s.values[category] or 0.0
            if index == series:
                top = self._y(plot, ticks, base + value)
                bottom = self._y(plot, ticks, base)
                return QRectF(slot.center().x() - width / 2, top, width, bottom - top)
            base += value
        return QRectF()

    def _paint_data(self, painter: QPainter, plot: QRectF, ticks: list[float]) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for category in range(len(self.categories)):
            for index, s in enumerate(self.series):
                rect = self.bar_rect(category, index)
                if rect.height() > 0:
                    painter.fillRect(rect, s.color)


class LineChart(_Chart):
    """One line per series over the categories; a ``None`` value ends the line there."""

    def _top_value(self) -> float:
        return max((v for s in self.series for v in s.values if v is not None), default=0.0)

    def point_at(self, category: int, series: int) -> QPointF | None:
        value = self.series[series].values[category]
        if value is None:
            return None
        plot, ticks = self._layout()
        return QPointF(self._slot(plot, category).center().x(), self._y(plot, ticks, value))

    def _paint_data(self, painter: QPainter, plot: QRectF, ticks: list[float]) -> None:
        for index, s in enumerate(self.series):
            pen = QPen(s.color, 3)
            if s.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            previous: QPointF | None = None
            for category in range(len(self.categories)):
                point = self.point_at(category, index)
                if point is not None and previous is not None:
                    painter.drawLine(previous, point)
                previous = point
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(s.color)
            for category in range(len(self.categories)):
                point = self.point_at(category, index)
                if point is not None:
                    painter.drawEllipse(point, 4, 4)
            painter.setBrush(Qt.BrushStyle.NoBrush)
