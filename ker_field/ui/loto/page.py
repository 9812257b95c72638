"""The LOTO journey: find the asset (scan its tag or type / search), read its procedure,
check the prerequisites, then notify, shut down, lock each isolation point with a serial and
a photo, release stored energy, verify isolation; remove locks (or the supervisor's
exception), group lockbox, shift transfer; the record as PDF; my locks and the site's."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import Decision, RuleViolation, reason
from ker_field.domain.labels import label
from ker_field.domain.rules import loto as rules
from ker_field.services import home, loto
from ker_field.services.context import ServiceContext
from ker_field.services.loto import ActiveLock, AssetLoto, LockoutView, LockView
from ker_field.services.loto_report import ENERGY_LABELS, save_lockout_pdf
from ker_field.store.blobs import BlobError
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import JourneyHost
from ker_field.ui.loto.dialogs import RemovalDialog, SerialDialog
from ker_field.ui.models import Column, RowsModel

try:  # the camera layer (ker_field.ui.camera); typed codes work without it
    from ker_field.capture.photo import NotALiveCamera, PhotoMeta, store_photo
    from ker_field.ui.camera import CameraView
except ImportError:  # pragma: no cover - only while the camera layer is missing
    CameraView = None  # type: ignore[assignment,misc]

TICK, CROSS, WARN = "✔", "✘", "⚠"
SERIAL_MAX = 64  # what a LotoLog lock serial holds
Index = QModelIndex | QPersistentModelIndex


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            inner = item.layout()
            assert inner is not None
            _clear(inner)


def _card(title: QLabel) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    column = QVBoxLayout(frame)
    column.setSpacing(8)
    title.setObjectName("subtitle")
    title.setWordWrap(True)
    column.addWidget(title)
    return frame, column


class LotoPage(QWidget):
    def __init__(self, host: JourneyHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._record: loto.LockoutRecord | None = None
        self.pending: frozenset[str] = frozenset()
        self.asset: AssetLoto | None = None
        self.asset_id: uuid.UUID | None = None
        self.ticket_choice: tuple[uuid.UUID | None] | None = None  # set when chosen
        self.serials: dict[uuid.UUID, str] = {}
        self.photos: dict[uuid.UUID, str] = {}
        self.busy = False
        self.dialog: RemovalDialog | SerialDialog | None = None
        self.last_pdf: Path | None = None
        self._load_task: int | None = None
        self._locks_scope = "mine"
        self._serial_edits: dict[uuid.UUID, QLineEdit] = {}
        self._apply_buttons: dict[uuid.UUID, QPushButton] = {}
        self._photo_buttons: dict[uuid.UUID, QPushButton] = {}
        self._remove_buttons: dict[uuid.UUID, QPushButton] = {}
        self._names: dict[uuid.UUID, str] = {}
        self._linked = False

        # -- find --------------------------------------------------------------------
        self.code = QLineEdit()
        self.code.setObjectName("lotoCode")
        self.code.setClearButtonEnabled(True)
        self.code.returnPressed.connect(self.find_asset)
        self.find_button = QPushButton()
        self.find_button.setObjectName("primary")
        self.find_button.clicked.connect(self.find_asset)
        self.scan_button = QPushButton()
        self.scan_button.setCheckable(True)
        self.scan_button.toggled.connect(self._scan_toggled)
        self.results = QListWidget()
        self.results.setObjectName("lotoResults")
        self.results.setMaximumHeight(220)
        self.results.itemActivated.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        self.results.hide()
        self.message = QLabel()
        self.message.setObjectName("lotoMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        # -- asset and procedure ----------------------------------------------------
        self.asset_title = QLabel()
        self.asset_card, asset_column = _card(self.asset_title)
        self.asset_details = QLabel()
        self.asset_details.setWordWrap(True)
        self.ticket = QComboBox()
        self.ticket.setObjectName("lotoTicket")
        self.ticket.activated.connect(self._ticket_chosen)
        self.ticket.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ticket.setMinimumContentsLength(16)
        self.ticket_label = QLabel()
        ticket_row = QHBoxLayout()
        ticket_row.addWidget(self.ticket_label)
        ticket_row.addWidget(self.ticket, 1)
        # The energy sources as wrapped text blocks (readable at 1024x600 as at full HD).
        self.sources = QWidget()
        self.sources.setObjectName("lotoSources")
        self.sources_grid = QGridLayout(self.sources)
        self.sources_grid.setContentsMargins(0, 0, 0, 0)
        self.sources_grid.setVerticalSpacing(4)
        self.source_rows: list[list[str]] = []
        asset_column.addWidget(self.asset_details)
        asset_column.addLayout(ticket_row)
        asset_column.addWidget(self.sources)

        # -- prerequisites ----------------------------------------------------------
        self.prereq_title = QLabel()
        self.prereq_card, prereq_column = _card(self.prereq_title)
        self.prereq_rows: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        for n, key in enumerate(("procedure", "training", "permit", "inspection")):
            mark, text = QLabel(), QLabel()
            mark.setObjectName(f"prereqMark_{key}")
            text.setObjectName(f"prereqText_{key}")
            mark.setStyleSheet("font-size: 26px; font-weight: bold;")
            mark.setFixedWidth(40)
            text.setWordWrap(True)
            grid.addWidget(mark, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, n, 1)
            self.prereq_rows[key] = (mark, text)
        grid.setColumnStretch(1, 1)
        prereq_column.addLayout(grid)

        # -- steps --------------------------------------------------------------------
        self.steps_title = QLabel()
        self.steps_card, steps_column = _card(self.steps_title)
        self.notify_button = QPushButton()
        self.notify_button.clicked.connect(self.notify)
        self.shutdown_button = QPushButton()
        self.shutdown_button.clicked.connect(self.shut_down)
        self.notify_mark, self.shutdown_mark = QLabel(), QLabel()
        self.points_title = QLabel()
        self.points_grid = QGridLayout()
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self.release_energy)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self.release_mark, self.verify_mark = QLabel(), QLabel()
        self.work_banner = QLabel()
        self.work_banner.setObjectName("lotoWork")
        self.work_banner.setWordWrap(True)
        for mark, button in (
            (self.notify_mark, self.notify_button),
            (self.shutdown_mark, self.shutdown_button),
        ):
            steps_column.addLayout(self._step_row(mark, button))
        steps_column.addWidget(self.points_title)
        steps_column.addLayout(self.points_grid)
        for mark, button in (
            (self.release_mark, self.release_button),
            (self.verify_mark, self.verify_button),
        ):
            steps_column.addLayout(self._step_row(mark, button))
        steps_column.addWidget(self.work_banner)

        # -- locks on: removal, group, transfer -----------------------------------------
        self.locks_title = QLabel()
        self.locks_card, locks_column = _card(self.locks_title)
        self.locks_grid = QGridLayout()
        locks_column.addLayout(self.locks_grid)
        self.group_label = QLabel()
        self.group_label.setWordWrap(True)
        self.members_grid = QGridLayout()
        self.group_button = QPushButton()
        self.group_button.clicked.connect(self.open_group)
        self.join_button = QPushButton()
        self.join_button.clicked.connect(self.join_group)
        self.transfer_button = QPushButton()
        self.transfer_button.clicked.connect(self.accept_transfer)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_button)
        group_row.addWidget(self.join_button)
        group_row.addWidget(self.transfer_button)
        group_row.addStretch(1)
        locks_column.addWidget(self.group_label)
        locks_column.addLayout(self.members_grid)
        locks_column.addLayout(group_row)

        # -- record -------------------------------------------------------------------
        self.record_title = QLabel()
        self.record_card, record_column = _card(self.record_title)
        self.record_list = QListWidget()
        self.record_list.setObjectName("lotoRecord")
        self.record_list.setMinimumHeight(160)
        self.evidence = QLabel()
        self.evidence.setObjectName("lotoEvidence")
        self.evidence.setWordWrap(True)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(self.open_pdf)
        self.save_pdf_button = QPushButton()
        self.save_pdf_button.clicked.connect(self.save_pdf)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf_button)
        pdf_row.addWidget(self.save_pdf_button)
        pdf_row.addStretch(1)
        record_column.addWidget(self.evidence)
        record_column.addWidget(self.record_list)
        record_column.addLayout(pdf_row)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setSpacing(12)
        find_row = QHBoxLayout()
        find_row.addWidget(self.code, 1)
        find_row.addWidget(self.find_button)
        find_row.addWidget(self.scan_button)
        column.addLayout(find_row)
        column.addWidget(self.results)
        column.addWidget(self.message)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        column.addWidget(self.empty)
        for card in (
            self.asset_card,
            self.prereq_card,
            self.steps_card,
            self.locks_card,
            self.record_card,
        ):
            card.hide()
            column.addWidget(card)
        column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(content)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # -- side: camera, active locks -------------------------------------------------
        side = QVBoxLayout()
        self.camera: Any = None
        if CameraView is not None:
            self.camera = CameraView(host.settings.camera_spec(), host.settings.qr_backend)
            self.camera.setObjectName("lotoCamera")
            self.camera.setMinimumHeight(200)
            self.camera.decoded.connect(self.scanned)
            self.camera.error.connect(self._camera_error)
            self.camera.notice.connect(self._camera_error)
            self.camera.hide()  # shown while scanning or taking a photo
            side.addWidget(self.camera, 2)
        self.mine_button = QPushButton()
        self.site_button = QPushButton()
        scope = QButtonGroup(self)
        for button in (self.mine_button, self.site_button):
            button.setCheckable(True)
            scope.addButton(button)
        if host.session.context().actor.is_supervisor:
            self._locks_scope = "site"
        (self.mine_button if self._locks_scope == "mine" else self.site_button).setChecked(True)
        self.mine_button.clicked.connect(partial(self._locks_scope_chosen, "mine"))
        self.site_button.clicked.connect(partial(self._locks_scope_chosen, "site"))
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.mine_button)
        scope_row.addWidget(self.site_button)
        side.addLayout(scope_row)
        self.active_model: RowsModel[ActiveLock] = RowsModel(self._lock_columns(), self)
        self.active = QTableView()
        self.active.setObjectName("lotoActiveLocks")
        self.active.setModel(self.active_model)
        self.active.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.active.verticalHeader().setVisible(False)
        self.active.verticalHeader().setDefaultSectionSize(44)
        header = self.active.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setStyleSheet("QHeaderView::section { padding: 2px; font-size: 15px; }")
        self.active.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.active.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.active.setWordWrap(True)
        self.active.activated.connect(self._active_chosen)
        self.active.clicked.connect(self._active_chosen)
        side.addWidget(self.active, 3)
        self.side = side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(560)
        side_widget.setMinimumWidth(280)
        side_widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        layout = QHBoxLayout(self)
        layout.addWidget(self.scroller, 3)
        layout.addWidget(side_widget, 2)
        self.retranslate()

    # -- helpers -----------------------------------------------------------------------

    def _step_row(self, mark: QLabel, button: QPushButton) -> QHBoxLayout:
        mark.setFixedWidth(36)
        mark.setStyleSheet("font-size: 24px; font-weight: bold; color: #1b5e20;")
        row = QHBoxLayout()
        row.addWidget(mark)
        row.addWidget(button, 1)
        return row

    def _ctx(self) -> ServiceContext:
        return self.host.session.context()

    @property
    def lockout(self) -> LockoutView | None:
        return self.asset.lockout if self.asset is not None else None

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", "error" if error else "info")
        self.message.setStyleSheet(
            "color: #b00000; font-weight: bold; border: 2px solid #b00000; padding: 8px;"
            if error
            else "color: #0b3d91; border: 2px solid #0b5394; padding: 8px;"
        )
        self.message.setVisible(bool(text))

    def refusal_text(self, decision: Decision) -> str:
        return "\n".join(decision.messages(current_language()))

    def _failure_text(self, error: BaseException) -> str:
        if isinstance(error, RuleViolation):
            return self.refusal_text(error.decision)
        if isinstance(error, loto.AssetNotFound):
            return self.tr(
                "El código «{code}» no corresponde a un equipo de esta instalación."
            ).format(code=error.code if len(error.code) <= 40 else error.code[:39] + "…")
        if isinstance(error, BlobError):
            return self.tr("La foto no está en este dispositivo: tómela de nuevo.")
        if isinstance(error, OSError):
            return self.tr("No se pudo guardar: {error}").format(error=error.strerror or error)
        return self.tr("No se pudo completar: {error}").format(error=error)

    # -- find an asset -----------------------------------------------------------------

    @Slot()
    def find_asset(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        self.say("")
        self.host.tasks.run(
            partial(loto.find_asset, self._ctx(), text),
            self.open_asset,
            partial(self._not_a_tag, text),
        )

    def _not_a_tag(self, text: str, error: BaseException) -> None:
        if not isinstance(error, loto.AssetNotFound):
            self.say(self._failure_text(error), error=True)
            return
        self.host.tasks.run(
            partial(home.assets, self._ctx(), text, 50),
            partial(self._show_results, text),
            lambda exc: self.say(self._failure_text(exc), error=True),
        )

    def _show_results(self, text: str, rows: list[Any]) -> None:
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.qr_code} · {row.name} · {row.location or ''}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        self.results.setVisible(bool(rows))
        if not rows:
            self.say(
                self.tr("Ningún equipo de esta instalación coincide con «{text}».").format(
                    text=text
                ),
                error=True,
            )

    @Slot(QListWidgetItem)
    def _result_chosen(self, item: QListWidgetItem) -> None:
        asset_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(asset_id, uuid.UUID):
            self.results.hide()
            self.open_asset(asset_id)

    @Slot(str)
    def scanned(self, text: str) -> None:
        """A code the camera read: an asset tag opens the asset; anything else, while a
        point waits for its lock, is taken as that lock's serial."""
        code = text.strip()
        if self.asset is not None and code.upper() == self.asset.qr_code.upper():
            return
        self.host.tasks.run(
            partial(loto.find_asset, self._ctx(), code),
            self.open_asset,
            partial(self._scanned_not_asset, code),
        )

    def _scanned_not_asset(self, code: str, error: BaseException) -> None:
        fits = isinstance(error, loto.AssetNotFound) and 0 < len(code) <= SERIAL_MAX
        if fits and isinstance(self.dialog, SerialDialog) and self.dialog.isVisible():
            self.dialog.serial.setText(code)  # the lockbox's or a personal lock's serial
            return
        target = self._serial_target() if fits else None
        if target is not None:
            edit = self._serial_edits[target]
            edit.setText(code)
            self.say(self.tr("Candado {serial} leído.").format(serial=code))
            return
        self.say(self._failure_text(error), error=True)

    def _serial_target(self) -> uuid.UUID | None:
        """The point whose serial a scan fills: the focused field, else the first empty one."""
        lockout = self.lockout
        if lockout is None or not lockout.shut_down:
            return None
        for point, edit in self._serial_edits.items():
            if edit.hasFocus() and edit.isEnabled():
                return point
        for point, edit in self._serial_edits.items():
            if edit.isEnabled() and not edit.text().strip():
                return point
        return None

    def open_asset(self, asset_id: uuid.UUID) -> None:
        """Show an asset (from a scan, a search, the asset list or a lock)."""
        if asset_id != self.asset_id:
            self.serials.clear()
            self.photos.clear()
            self.ticket_choice = None
            self.say("")
        self.asset_id = asset_id
        self.results.hide()
        self.reload()

    def reload(self) -> None:
        if self.asset_id is None:
            return
        if self._load_task is not None:
            self.host.tasks.forget(self._load_task)
        ticket_id, chosen = (self.ticket_choice[0], True) if self.ticket_choice else (None, False)
        self._load_task = self.host.tasks.run(
            partial(self._load, self._ctx(), self.asset_id, ticket_id, chosen),
            self._show,
            lambda exc: self.say(self._failure_text(exc), error=True),
        )

    @staticmethod
    def _load(
        ctx: ServiceContext, asset_id: uuid.UUID, ticket_id: uuid.UUID | None, chosen: bool
    ) -> tuple[AssetLoto, loto.LockoutRecord | None, dict[uuid.UUID, str]]:
        asset = loto.asset_loto(ctx, asset_id, ticket_id, ticket_chosen=chosen)
        shown = asset.lockout.lockout_id if asset.lockout is not None else asset.last_lockout_id
        record = loto.lockout_record(ctx, shown) if shown is not None else None
        return asset, record, loto.user_names(ctx)

    # -- show ----------------------------------------------------------------------------

    def _show(
        self, loaded: tuple[AssetLoto, loto.LockoutRecord | None, dict[uuid.UUID, str]]
    ) -> None:
        self._load_task = None
        asset, record, names = loaded
        self.asset, self.record, self._names = asset, record, names
        self.empty.hide()
        lang = current_language()
        self.asset_title.setText(f"{asset.name} · {asset.qr_code}")
        details = [
            self.tr("Categoría: {category}").format(category=asset.category),
            self.tr("Ubicación: {location}").format(location=asset.location or "—"),
        ]
        if asset.procedure_code:
            details.append(
                self.tr("Procedimiento {code} rev. {revision}: {title}").format(
                    code=asset.procedure_code,
                    revision=asset.procedure_revision,
                    title=asset.procedure_title,
                )
            )
        self.asset_details.setText("\n".join(details))
        self.ticket.blockSignals(True)
        self.ticket.clear()
        self.ticket.addItem(self.tr("Sin orden de trabajo"), None)
        for t in asset.tickets:
            risk = label(t.risk_level, lang) if t.risk_level else "—"
            permit = label(t.permit_status, lang) if t.permit_status else self.tr("sin permiso")
            self.ticket.addItem(
                self.tr("{number} · {title} · riesgo {risk} · permiso: {permit}").format(
                    number=t.number, title=t.title, risk=risk, permit=permit
                ),
                t.id,
            )
        self.ticket.setCurrentIndex(max(0, self.ticket.findData(asset.ticket_id)))
        self.ticket.setEnabled(asset.lockout is None)
        self.ticket.blockSignals(False)
        self._show_sources(asset)
        self._show_prerequisites(asset)
        self._show_steps(asset)
        self._show_locks(asset)
        self._show_record(record)
        for card in (self.asset_card, self.prereq_card, self.steps_card):
            card.show()
        self.locks_card.setVisible(asset.lockout is not None)
        self.record_card.setVisible(record is not None)
        self.record_title.setText(
            self.tr("Registro del último bloqueo (terminado)")
            if record is not None and record.ended
            else self.tr("Registro")
        )

    def _show_sources(self, asset: AssetLoto) -> None:
        """Each source: energy and magnitude, isolation point, device, verification, lock."""
        lang = current_language()
        _clear(self.sources_grid)
        self.source_rows = []
        for row, src in enumerate(asset.sources):
            energy = ENERGY_LABELS.get(src.energy_type, (src.energy_type, src.energy_type))
            cells = [
                f"{energy[0] if lang == 'es' else energy[1]} · {src.magnitude}",
                src.isolation_point,
                src.device,
                src.verification_method,
                self.tr("{serial} puesto").format(serial=src.lock.serial)
                if src.lock
                else self.tr("sin candado"),
            ]
            self.source_rows.append(cells)
            title = QLabel(f"{src.position}. {cells[0]}")
            title.setStyleSheet("font-weight: bold;")
            lock = QLabel(cells[4])
            lock.setObjectName(f"sourceLock_{src.position}")
            lock.setStyleSheet(
                "font-weight: bold; color: #1b5e20;" if src.lock else "color: #b26a00;"
            )
            details = QLabel(
                "\n".join(
                    f"{name}: {value}"
                    for name, value in (
                        (self.tr("Punto de aislamiento"), cells[1]),
                        (self.tr("Dispositivo"), cells[2]),
                        (self.tr("Verificación"), cells[3]),
                    )
                )
            )
            details.setWordWrap(True)
            details.setContentsMargins(24, 0, 0, 8)
            self.sources_grid.addWidget(title, 2 * row, 0)
            self.sources_grid.addWidget(lock, 2 * row, 1, Qt.AlignmentFlag.AlignRight)
            self.sources_grid.addWidget(details, 2 * row + 1, 0, 1, 2)
        self.sources_grid.setColumnStretch(0, 1)

    def _mark(self, key: str, decision: Decision, ok_text: str) -> None:
        mark, text = self.prereq_rows[key]
        lang = current_language()
        if not decision.allowed:
            mark.setText(CROSS)
            mark.setStyleSheet("font-size: 26px; font-weight: bold; color: #b00000;")
            text.setText(self.refusal_text(decision))
        elif decision.warnings:
            mark.setText(WARN)
            mark.setStyleSheet("font-size: 26px; font-weight: bold; color: #b26a00;")
            text.setText("\n".join(r.message(lang) for r in decision.warnings))
        else:
            mark.setText(TICK)
            mark.setStyleSheet("font-size: 26px; font-weight: bold; color: #1b5e20;")
            text.setText(ok_text)

    def _show_prerequisites(self, asset: AssetLoto) -> None:
        mark, text = self.prereq_rows["procedure"]
        for widget in (mark, text):
            widget.setVisible(not asset.no_procedure.allowed)
        if not asset.no_procedure.allowed:
            self._mark("procedure", asset.no_procedure, "")
        self._mark(
            "training",
            asset.training,
            self.tr("Capacitación vigente para equipos de categoría {category}.").format(
                category=asset.category
            ),
        )
        permit_ok = (
            self.tr("Permiso de trabajo: no se requiere para esta orden o está activo y aprobado.")
            if asset.ticket_id
            else self.tr("Sin orden de trabajo: no se exige permiso.")
        )
        self._mark("permit", asset.permit, permit_ok)
        inspected = (
            asset.last_inspected_at.astimezone().strftime("%Y-%m-%d")
            if asset.last_inspected_at
            else "—"
        )
        self._mark(
            "inspection",
            asset.inspection,
            self.tr("Procedimiento inspeccionado en los últimos 12 meses (última: {date}).").format(
                date=inspected
            ),
        )

    def _show_steps(self, asset: AssetLoto) -> None:
        lockout = asset.lockout
        done = {
            "notify": lockout is not None and lockout.notified,
            "shutdown": lockout is not None and lockout.shut_down,
            "release": lockout is not None and lockout.energy_released,
            "verify": lockout is not None and lockout.verified,
        }
        for key, mark, button in (
            ("notify", self.notify_mark, self.notify_button),
            ("shutdown", self.shutdown_mark, self.shutdown_button),
            ("release", self.release_mark, self.release_button),
            ("verify", self.verify_mark, self.verify_button),
        ):
            mark.setText(TICK if done[key] else "")
            button.setEnabled(not done[key] and not self.busy)
        _clear(self.points_grid)
        self._serial_edits.clear()
        self._apply_buttons.clear()
        self._photo_buttons.clear()
        for row, src in enumerate(asset.sources):
            point = QLabel(f"{src.position}. {src.isolation_point}")
            point.setWordWrap(True)
            point.setMinimumWidth(160)
            self.points_grid.addWidget(point, row, 0)
            if src.lock is not None:
                pending = src.lock.photo_sha256 in self.pending if src.lock.photo_sha256 else False
                state = QLabel(
                    self.tr("{mark} Candado {serial} · {who}").format(
                        mark=TICK,
                        serial=src.lock.serial,
                        who=self._names.get(src.lock.held_by, "?"),
                    )
                    + (self.tr(" · evidencia pendiente") if pending else "")
                )
                state.setObjectName(f"pointState_{src.position}")
                state.setWordWrap(True)
                state.setStyleSheet("color: #1b5e20; font-weight: bold;")
                self.points_grid.addWidget(state, row, 1, 1, 3)
                continue
            serial = QLineEdit(self.serials.get(src.id, ""))
            serial.setObjectName(f"serial_{src.position}")
            serial.setPlaceholderText(self.tr("Escanee o escriba el candado"))
            serial.setMaxLength(SERIAL_MAX)
            serial.textChanged.connect(partial(self._serial_typed, src.id))
            photo = QPushButton(
                self.tr("Foto ✔") if src.id in self.photos else self.tr("Tomar foto")
            )
            photo.setObjectName(f"photo_{src.position}")
            photo.clicked.connect(partial(self.take_lock_photo, src.id))
            apply = QPushButton(self.tr("Poner candado"))
            apply.setObjectName(f"apply_{src.position}")
            apply.clicked.connect(partial(self.apply_lock, src.id))
            apply.setEnabled(not self.busy)
            self.points_grid.addWidget(serial, row, 1)
            self.points_grid.addWidget(photo, row, 2)
            self.points_grid.addWidget(apply, row, 3)
            self._serial_edits[src.id] = serial
            self._apply_buttons[src.id] = apply
            self._photo_buttons[src.id] = photo
        self.points_grid.setColumnStretch(0, 2)
        self.points_grid.setColumnStretch(1, 2)
        if lockout is None:
            self.work_banner.setText(self.tr("Empiece avisando a las personas afectadas."))
            self.work_banner.setStyleSheet("padding: 8px; border: 2px solid #777;")
        elif lockout.work_may_start.allowed:
            self.work_banner.setText(
                self.tr("✔ Puede empezar a trabajar: equipo aislado y verificado.")
            )
            self.work_banner.setStyleSheet(
                "padding: 8px; background: #1b5e20; color: #ffffff; font-weight: bold;"
            )
        else:
            self.work_banner.setText(
                self.tr("Aún no puede trabajar: {reason}").format(
                    reason=self.refusal_text(lockout.work_may_start)
                )
            )
            self.work_banner.setStyleSheet(
                "padding: 8px; border: 2px solid #b26a00; background: #fff3cd;"
            )

    def _show_locks(self, asset: AssetLoto) -> None:
        _clear(self.locks_grid)
        _clear(self.members_grid)
        self._remove_buttons.clear()
        lockout = asset.lockout
        if lockout is None:
            return
        me = self.host.session.user_id
        supervisor = self.host.session.context().actor.is_supervisor
        row = 0
        for src in asset.sources:
            if src.lock is None:
                continue
            text = QLabel(
                self.tr("{serial} en {point} · lo tiene {who}").format(
                    serial=src.lock.serial,
                    point=src.isolation_point,
                    who=self._names.get(src.lock.held_by, "?"),
                )
            )
            text.setWordWrap(True)
            remove = QPushButton(self.tr("Retirar"))
            remove.setObjectName(f"remove_{src.position}")
            remove.clicked.connect(partial(self.remove_lock, src.lock, src.isolation_point, False))
            self._remove_buttons[src.lock.id] = remove
            self.locks_grid.addWidget(text, row, 0)
            self.locks_grid.addWidget(remove, row, 1)
            if supervisor and src.lock.held_by != me:
                exception = QPushButton(self.tr("Retiro por excepción"))
                exception.setObjectName(f"exception_{src.position}")
                exception.clicked.connect(
                    partial(self.remove_lock, src.lock, src.isolation_point, True)
                )
                self.locks_grid.addWidget(exception, row, 2)
            row += 1
        self.locks_grid.setColumnStretch(0, 1)
        if lockout.group_primary is not None:
            self.group_label.setText(
                self.tr(
                    "Caja de bloqueo grupal {serial} · responsable: {who} · {count} candados personales"
                ).format(
                    serial=lockout.lockbox_serial or "",
                    who=self._names.get(lockout.group_primary, "?"),
                    count=len(lockout.member_locks),
                )
            )
        else:
            self.group_label.setText(self.tr("Sin caja de bloqueo grupal."))
        for n, member in enumerate(lockout.member_locks):
            text = QLabel(
                self.tr("Candado personal {serial} · {who}").format(
                    serial=member.serial, who=self._names.get(member.applied_by, "?")
                )
            )
            off = QPushButton(self.tr("Retirar mi candado personal"))
            off.setObjectName(f"memberOff_{n + 1}")
            off.clicked.connect(partial(self.leave_group, member.id))
            self.members_grid.addWidget(text, n, 0)
            self.members_grid.addWidget(off, n, 1)
        self.members_grid.setColumnStretch(0, 1)
        self.group_button.setVisible(lockout.group_primary is None)
        self.join_button.setVisible(lockout.group_primary is not None)
        self.transfer_button.setVisible(lockout.holder is not None and lockout.holder != me)

    def _show_record(self, record: loto.LockoutRecord | None) -> None:
        self.record_list.clear()
        if record is None:
            return
        from ker_field.services.loto_report import EVENT_LABELS

        lang = current_language()
        for entry in record.entries:
            event = EVENT_LABELS[entry.event][0 if lang == "es" else 1]
            when = entry.device_time.astimezone().strftime("%d-%m %H:%M:%S")
            parts = [f"{when} · {event} · {entry.user_name}"]
            if entry.lock_serial:
                parts.append(entry.lock_serial)
            if entry.evidence_pending:
                parts.append(self.tr("evidencia pendiente"))
            if entry.chain_flag:
                parts.append(
                    WARN + " " + self.refusal_text(Decision.refuse(reason(entry.chain_flag)))
                )
            self.record_list.addItem(" · ".join(parts))
        pending = [e for e in record.entries if e.evidence_pending]
        if pending:
            self.evidence.setText(
                self.tr("Evidencia pendiente: {count} fotos aún no llegan al servidor.").format(
                    count=len(pending)
                )
            )
            self.evidence.setStyleSheet("color: #b26a00; font-weight: bold;")
        else:
            self.evidence.setText(
                self.tr("Evidencia en el servidor.")
                if any(e.photo_sha256 for e in record.entries)
                else ""
            )
            self.evidence.setStyleSheet("color: #1b5e20;")
        if record.chain_problems:
            self.evidence.setText(
                self.evidence.text()
                + "\n"
                + self.tr("Cadena de evidencia con problemas: {count}.").format(
                    count=len(record.chain_problems)
                )
            )

    @property
    def record(self) -> loto.LockoutRecord | None:
        return self._record

    @record.setter
    def record(self, value: loto.LockoutRecord | None) -> None:
        self._record = value
        self.pending = frozenset(
            e.photo_sha256
            for e in (value.entries if value else ())
            if e.evidence_pending and e.photo_sha256
        )

    # -- steps -------------------------------------------------------------------------

    def _run_step(
        self, fn: Callable[[], Any], done: str, after: Callable[[], None] | None = None
    ) -> None:
        if self.busy:
            return
        self.busy = True
        self.say("")

        def ok(_view: Any) -> None:
            self.busy = False
            if after is not None:
                after()
            self.say(done)
            self.host.refresh()

        def failed(error: BaseException) -> None:
            self.busy = False
            text = self._failure_text(error)
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.show_refusal(text)
            self.say(text, error=True)
            self.reload()

        self.host.tasks.run(fn, ok, failed)

    def _refuse_locally(self, code: str) -> None:
        self.say(self.refusal_text(Decision.refuse(reason(code))), error=True)

    @Slot()
    def notify(self) -> None:
        if self.asset is None:
            return
        ticket = self.asset.ticket_id
        self._run_step(
            partial(loto.notify_affected, self._ctx(), self.asset.asset_id, ticket),
            self.tr("Aviso registrado. Ahora detenga el equipo."),
        )

    @Slot()
    def shut_down(self) -> None:
        if self.lockout is None:
            self._refuse_locally(rules.NOT_NOTIFIED)
            return
        self._run_step(
            partial(loto.shut_down, self._ctx(), self.lockout.lockout_id),
            self.tr("Equipo detenido. Ponga un candado en cada punto de aislamiento."),
        )

    def _serial_typed(self, point: uuid.UUID, text: str) -> None:
        self.serials[point] = text

    def apply_lock(self, point: uuid.UUID) -> None:
        if self.lockout is None:
            self._refuse_locally(rules.NOT_NOTIFIED)
            return
        serial = self.serials.get(point, "")
        self._run_step(
            partial(
                loto.apply_lock,
                self._ctx(),
                self.lockout.lockout_id,
                point,
                serial,
                self.photos.get(point),
            ),
            self.tr("Candado {serial} puesto.").format(serial=serial.strip()),
        )

    @Slot()
    def release_energy(self) -> None:
        if self.lockout is None:
            self._refuse_locally(rules.NOT_NOTIFIED)
            return
        self._run_step(
            partial(loto.release_stored_energy, self._ctx(), self.lockout.lockout_id),
            self.tr("Energía acumulada liberada. Haga la prueba de arranque."),
        )

    @Slot()
    def verify(self) -> None:
        if self.lockout is None:
            self._refuse_locally(rules.NOT_NOTIFIED)
            return
        self._run_step(
            partial(loto.verify_isolation, self._ctx(), self.lockout.lockout_id),
            self.tr("Aislamiento verificado: puede empezar a trabajar."),
        )

    # -- photos ------------------------------------------------------------------------

    def _photo(self, point_id: uuid.UUID | None, point: str, then: Callable[[str], None]) -> None:
        """Take the camera's current frame as evidence, store it, then ``then(sha256)``."""
        if self.camera is None:
            self.say(self.tr("Este equipo no tiene cámara para tomar la foto."), error=True)
            return
        if not self.camera.running:
            self.camera.show()
            self.camera.start()
            self.say(
                self.tr("Abriendo la cámara: apunte al candado y toque de nuevo «Tomar foto».")
            )
            return
        session = self.host.session
        meta = PhotoMeta(
            taken_by=session.user_id,
            device_id=session.store.device_id,
            asset_id=self.asset_id,
            isolation_point_id=point_id,
            isolation_point=point,
            device_time=session.clock(),
        )
        try:
            photo = self.camera.take_photo(meta)
        except NotALiveCamera:
            return  # the camera's error signal says why
        if photo is None:
            self.say(
                self.tr("La cámara aún no entrega imagen: espere un momento y repita."), error=True
            )
            return
        self.host.tasks.run(
            partial(store_photo, session.store.blobs, photo),
            then,
            lambda exc: self.say(self._failure_text(exc), error=True),
        )

    def take_lock_photo(self, point: uuid.UUID) -> None:
        label_text = next(
            (
                s.isolation_point
                for s in (self.asset.sources if self.asset else ())
                if s.id == point
            ),
            "",
        )
        self._photo(point, label_text, partial(self._lock_photo_taken, point))

    def _lock_photo_taken(self, point: uuid.UUID, sha256: str) -> None:
        self.photos[point] = sha256
        button = self._photo_buttons.get(point)
        if button is not None:
            button.setText(self.tr("Foto ✔"))
        self.say(self.tr("Foto guardada ({hash}).").format(hash=sha256[:12]))

    # -- removal, group, transfer ---------------------------------------------------------

    def remove_lock(self, lock: LockView, point: str, exception: bool) -> None:
        if self.lockout is None:
            return
        dialog = RemovalDialog(
            lock.serial,
            point,
            exception,
            lambda then: self._photo(lock.energy_source_id, point, then),
            self,
        )
        dialog.confirmed.connect(partial(self._removal_confirmed, lock, exception))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _removal_confirmed(self, lock: LockView, exception: bool, facts: dict[str, Any]) -> None:
        if self.lockout is None:
            return
        ctx = self._ctx()
        lockout_id = self.lockout.lockout_id
        fn = (
            partial(loto.remove_lock_by_exception, ctx, lockout_id, lock.id, **facts)
            if exception
            else partial(loto.remove_lock, ctx, lockout_id, lock.id, **facts)
        )
        self._run_step(
            fn,
            self.tr("Candado {serial} retirado.").format(serial=lock.serial),
            after=self._close_dialog,
        )

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.accept()

    @Slot(int)
    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _serial_dialog(self, title: str, act: Callable[[str], None]) -> SerialDialog:
        dialog = SerialDialog(title, self)
        dialog.confirmed.connect(act)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_group(self) -> None:
        if self.lockout is None:
            return
        lockout_id = self.lockout.lockout_id
        self._serial_dialog(
            self.tr("Caja de bloqueo grupal: n.º de serie"),
            lambda serial: self._run_step(
                partial(loto.open_group_lockbox, self._ctx(), lockout_id, serial),
                self.tr("Caja grupal abierta: cada integrante pone su candado personal."),
                after=self._close_dialog,
            ),
        )

    @Slot()
    def join_group(self) -> None:
        if self.lockout is None:
            return
        lockout_id = self.lockout.lockout_id
        self._serial_dialog(
            self.tr("Mi candado personal en la caja grupal"),
            lambda serial: self._run_step(
                partial(loto.join_group, self._ctx(), lockout_id, serial),
                self.tr("Su candado personal quedó en la caja grupal."),
                after=self._close_dialog,
            ),
        )

    def leave_group(self, lock_id: uuid.UUID) -> None:
        if self.lockout is None:
            return
        self._run_step(
            partial(loto.leave_group, self._ctx(), self.lockout.lockout_id, lock_id),
            self.tr("Candado personal retirado de la caja grupal."),
        )

    @Slot()
    def accept_transfer(self) -> None:
        if self.lockout is None:
            return
        self._run_step(
            partial(loto.accept_transfer, self._ctx(), self.lockout.lockout_id),
            self.tr("Usted recibió el bloqueo: verifique de nuevo el aislamiento."),
        )

    # -- PDF -------------------------------------------------------------------------------

    def _pdf(self, path: Path, then: Callable[[Path], None]) -> None:
        if self.lockout is None and self.record is None:
            return
        lockout_id = self.record.lockout_id if self.record else self.lockout.lockout_id  # type: ignore[union-attr]
        self.host.tasks.run(
            partial(save_lockout_pdf, self._ctx(), lockout_id, path, current_language()),
            then,
            lambda exc: self.say(self._failure_text(exc), error=True),
        )

    def pdf_path(self) -> Path:
        folder = self.host.data_dir / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        tag = self.asset.qr_code if self.asset else "loto"
        lockout = self.record.lockout_id if self.record else uuid.uuid4()
        return folder / f"loto-{tag}-{str(lockout)[:8]}.pdf"

    @Slot()
    def open_pdf(self) -> None:
        self._pdf(self.pdf_path(), self._pdf_ready)

    def _pdf_ready(self, path: Path) -> None:
        self.last_pdf = path
        self.say(self.tr("Registro en PDF: {path}").format(path=path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot()
    def save_pdf(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Guardar registro LOTO"), str(self.pdf_path()), "PDF (*.pdf)"
        )
        if target:
            self._pdf(Path(target), self._pdf_saved)

    def _pdf_saved(self, path: Path) -> None:
        self.last_pdf = path
        self.say(self.tr("Registro guardado en {path}").format(path=path))

    # -- active locks ----------------------------------------------------------------------

    def _lock_columns(self) -> list[Column[ActiveLock]]:
        columns: list[Column[ActiveLock]] = [
            Column(self.tr("Equipo"), lambda r: r.asset_name),
            Column(self.tr("Candado"), lambda r: r.serial),
        ]
        if self._locks_scope == "site":
            columns.append(Column(self.tr("Lo tiene"), lambda r: self._names.get(r.held_by, "?")))
        columns.append(
            Column(self.tr("Desde"), lambda r: r.applied_at.astimezone().strftime("%d-%m %H:%M"))
        )
        return columns

    def _locks_scope_chosen(self, scope: str) -> None:
        self._locks_scope = scope
        self.active_model.set_columns(self._lock_columns())
        self.load_active_locks()

    def load_active_locks(self) -> None:
        ctx = self._ctx()
        held_by = ctx.actor.user_id if self._locks_scope == "mine" else None
        self.host.tasks.run(
            partial(self._active_locks, ctx, held_by),
            self._show_active_locks,
            lambda exc: self.say(self._failure_text(exc), error=True),
        )

    @staticmethod
    def _active_locks(
        ctx: ServiceContext, held_by: uuid.UUID | None
    ) -> tuple[list[ActiveLock], dict[uuid.UUID, str]]:
        return loto.active_locks(ctx, held_by), loto.user_names(ctx)

    def _show_active_locks(self, loaded: tuple[list[ActiveLock], dict[uuid.UUID, str]]) -> None:
        locks, names = loaded
        self._names = names
        self.active_model.set_rows(locks)

    @Slot(QModelIndex)
    def _active_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_asset(self.active_model.row(index.row()).asset_id)

    # -- camera ----------------------------------------------------------------------------

    @Slot(bool)
    def _scan_toggled(self, on: bool) -> None:
        if self.camera is None:
            self.say(
                self.tr("Este equipo no tiene cámara: escriba el código del equipo."), error=True
            )
            return
        self.camera.setVisible(on)
        if on:
            self.camera.start()
        else:
            self.camera.stop()

    @Slot(str)
    def _camera_error(self, text: str) -> None:
        self.say(text, error=True)

    def _ticket_chosen(self, index: int) -> None:
        value = self.ticket.itemData(index)
        self.ticket_choice = (value if isinstance(value, uuid.UUID) else None,)
        self.reload()

    # -- journey page --------------------------------------------------------------------

    def refresh(self) -> None:
        self._link_home_lists()
        self.load_active_locks()
        self.reload()

    def _link_home_lists(self) -> None:
        """A lock chosen in the home's "my locks" / "team locks" lists opens its asset here."""
        if self._linked:
            return
        self._linked = True
        pages = getattr(self.host, "pages", {})
        for key in ("my_locks", "team_locks"):
            spec = pages.get(key)
            table = getattr(getattr(spec, "page", None), "table", None)
            if isinstance(table, QTableView):
                table.activated.connect(partial(self._home_lock_chosen, key))

    def _home_lock_chosen(self, key: str, index: QModelIndex) -> None:
        row = self.host.pages[key].page.model.row(index.row())  # type: ignore[attr-defined]
        self.host.open_asset(row.asset_id)

    def shutdown(self) -> None:
        if self.camera is not None:
            self.camera.stop()
        if self.dialog is not None:
            self.dialog.reject()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        if self.camera is not None and self.camera.running:
            self.scan_button.setChecked(False)
            self.camera.stop()
            self.camera.hide()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.side.setMaximumWidth(max(280, min(560, int(self.width() * 0.36))))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.code.setFocus()

    def retranslate(self) -> None:
        self.code.setPlaceholderText(
            self.tr("Escanee la etiqueta QR o escriba el código / nombre del equipo")
        )
        self.find_button.setText(self.tr("Buscar"))
        self.scan_button.setText(self.tr("Escanear"))
        self.empty.setText(
            self.tr(
                "Escanee la etiqueta del equipo o búsquelo para ver su procedimiento de bloqueo."
            )
        )
        self.ticket_label.setText(self.tr("Orden de trabajo:"))
        self.prereq_title.setText(self.tr("Requisitos"))
        self.steps_title.setText(self.tr("Pasos del bloqueo"))
        self.notify_button.setText(self.tr("1. Avisar a las personas afectadas"))
        self.shutdown_button.setText(self.tr("2. Detener el equipo (parada normal)"))
        self.points_title.setText(self.tr("3. Un candado con foto en cada punto de aislamiento:"))
        self.release_button.setText(self.tr("4. Liberar la energía acumulada"))
        self.verify_button.setText(self.tr("5. Prueba de arranque: verificar el aislamiento"))
        self.locks_title.setText(self.tr("Candados puestos"))
        self.group_button.setText(self.tr("Abrir caja de bloqueo grupal"))
        self.join_button.setText(self.tr("Poner mi candado personal"))
        self.transfer_button.setText(self.tr("Recibir el bloqueo (cambio de turno)"))
        self.record_title.setText(self.tr("Registro"))
        self.pdf_button.setText(self.tr("Ver PDF"))
        self.save_pdf_button.setText(self.tr("Guardar PDF…"))
        self.mine_button.setText(self.tr("Míos"))
        self.site_button.setText(self.tr("Toda la instalación"))
        self.active_model.set_columns(self._lock_columns())
        if self.asset is not None and self.asset_id is not None:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
