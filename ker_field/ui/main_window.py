"""The main window: an always-visible status header over the person's role home (tabs),
background sync through :class:`SyncLoop` (its callbacks hop to the GUI thread through
:class:`SyncRelay` signals), inactivity lock and log out."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import UserRole
from ker_field.domain.labels import category_label, label
from ker_field.settings import Settings
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import Journey, registered
from ker_field.ui.models import Column, RowsModel
from ker_field.ui.session import UserSession
from ker_field.ui.settings_dialog import SettingsDialog
from ker_field.ui.tasks import TaskRunner

# The services (and with them the ORM), the sync client and the inbox are imported where
# first used, off the path to the first paint (bench/startup.py).
if TYPE_CHECKING:
    from ker_field.services.home import AssetRow, HomeData, PermitRow, TicketRow, TrainingRow
    from ker_field.services.loto import ActiveLock
    from ker_field.services.visitors import OnSite
    from ker_field.ui.issues import IssuesInbox
    from sync.client.engine import SyncReport
    from sync.client.scheduler import LoopState, SyncLoop

PAGES_BY_ROLE: dict[UserRole, tuple[str, ...]] = {
    UserRole.TECHNICIAN: (
        "tickets",
        "loto",
        "permit",
        "my_locks",
        "assets",
        "training",
        "handover",
        "esg",
    ),
    UserRole.SUPERVISOR: (
        "permits",
        "team_locks",
        "permit",
        "loto",
        "tickets",
        "assets",
        "training",
        "training_matrix",
        "handover",
        "audit",
        "esg",
    ),
    UserRole.ADMIN: (
        "permits",
        "team_locks",
        "permit",
        "loto",
        "tickets",
        "assets",
        "training",
        "training_matrix",
        "handover",
        "audit",
        "esg",
    ),
    UserRole.GUARD: ("gate", "rollcall", "handover", "people", "training"),
}


class SyncRelay(QObject):
    """SyncLoop callbacks (its own thread) as signals; receivers are GUI-thread slots."""

    state = Signal(str)
    progress = Signal(str, int, int)
    report = Signal(object)
    error = Signal(object)


class IdleWatcher(QObject):
    """Restarts a timer on every touch, click or key; ``idle`` when it runs out."""

    idle = Signal()
    _INPUT = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.KeyPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.Wheel,
        }
    )

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(minutes * 60_000)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._INPUT and self.timer.isActive():
            self.timer.start()
        return False


class StatusHeader(QFrame):
    """Who, where, online or not, pending changes, last sync, sync issues."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._session = session
        self._state = "online" if session.signed_in_online else "offline"
        self._pending = 0
        self._others = 0
        self._issues = 0
        self._last_sync: datetime | None = None

        self.user = QLabel()
        self.user.setObjectName("user")
        # Name over role: the row keeps room for the site and the buttons at 1024 px.
        self.site = QComboBox()
        self.site.setObjectName("site")
        # The site may shorten on a narrow screen; the buttons never do.
        self.site.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site.setMinimumWidth(200)
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.pending = QLabel()
        self.pending_others = QLabel()
        self.pending_others.setObjectName("pendingOthers")
        self.pending_others.hide()
        self.last_sync = QLabel()
        self.issues_button = QPushButton()
        self.issues_button.setObjectName("issuesBadge")
        self.sync_button = QPushButton()
        self.settings_button = QPushButton()
        self.lock_button = QPushButton()
        self.logout_button = QPushButton()

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.user)
        top.addWidget(self.site)
        top.addStretch(1)
        for button in (
            self.sync_button,
            self.settings_button,
            self.lock_button,
            self.logout_button,
        ):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.connection)
        waiting = QHBoxLayout()  # "Pendientes: 5 (+23 de otras personas)"
        waiting.setSpacing(6)
        waiting.addWidget(self.pending)
        waiting.addWidget(self.pending_others)
        bottom.addLayout(waiting)
        bottom.addWidget(self.last_sync, 1)
        # The badge keeps its size; on a narrow screen the last-sync line gives way first.
        self.issues_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.last_sync.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.last_sync.setMinimumWidth(120)
        bottom.addWidget(self.issues_button)
        grid.addLayout(top, 0, 0)
        grid.addLayout(bottom, 1, 0)
        self.retranslate()

    def set_sites(self, names: dict[uuid.UUID, str], current: uuid.UUID) -> None:
        self.site.blockSignals(True)
        self.site.clear()
        for site_id, name in names.items():
            self.site.addItem(name, site_id)
        self.site.setCurrentIndex(max(0, list(names).index(current) if current in names else 0))
        self.site.setEnabled(len(names) > 1)
        self.site.blockSignals(False)

    def set_state(self, state: str) -> None:
        self._state = state
        self.connection.setProperty("state", state)
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
        self.retranslate()

    def set_counts(self, pending: int, issues: int, others: int = 0) -> None:
        """This person's pending changes and open issues; ``others``: changes of other
        people on this device, sent when they sign in here again."""
        self._pending, self._issues, self._others = pending, issues, others
        self.pending_others.setVisible(others > 0)
        self.issues_button.setProperty("alert", issues > 0)
        self.issues_button.style().unpolish(self.issues_button)
        self.issues_button.style().polish(self.issues_button)
        self.retranslate()

    def set_last_sync(self, when: datetime) -> None:
        self._last_sync = when
        self.retranslate()

    def retranslate(self) -> None:
        self.user.setText(
            f"{self._session.full_name}\n{label(self._session.role, current_language())}"
        )
        states = {
            "online": self.tr("● En línea"),
            "offline": self.tr("● Sin conexión"),
            "syncing": self.tr("● Sincronizando…"),
            "sign_in_required": self.tr("● Debe volver a iniciar sesión"),
        }
        self.connection.setText(states.get(self._state, states["offline"]))
        self.pending.setText(self.tr("Pendientes: {count}").format(count=self._pending))
        self.pending_others.setText(
            self.tr("(+{count} de otras personas)").format(count=self._others)
        )
        self.last_sync.setText(
            self.tr("Sincronizado: {time}").format(
                time=self._last_sync.astimezone().strftime("%H:%M")
            )
            if self._last_sync
            else self.tr("Sincronizado: nunca")
        )
        self.issues_button.setText(self.tr("Problemas: {count}").format(count=self._issues))
        self.sync_button.setText(self.tr("Sincronizar"))
        self.settings_button.setText(self.tr("Ajustes"))
        self.lock_button.setText(self.tr("Bloquear"))
        self.logout_button.setText(self.tr("Salir"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HomeTabs(QTabWidget):
    """The role home's tabs. Each journey page sits in a scroll area, so a page taller or
    wider than a 1024x600 screen scrolls instead of growing the window past the screen;
    callers still see the pages themselves (``widget``, ``currentWidget``, ``indexOf``,
    ``setCurrentWidget`` map through the scroll areas)."""

    def insert_scrolling(self, index: int, page: QWidget, title: str) -> int:
        """Insert a journey page inside a scroll area (list pages scroll by themselves)."""
        frame = QScrollArea()
        frame.setObjectName(page.objectName())
        frame.setWidgetResizable(True)
        frame.setFrameShape(QFrame.Shape.NoFrame)
        frame.setWidget(page)
        return self.insertTab(index, frame, title)

    def removeTab(self, index: int) -> None:  # noqa: N802
        frame = super().widget(index)
        super().removeTab(index)
        if isinstance(frame, QScrollArea):
            page = frame.takeWidget()
            if page is not None:
                page.setParent(None)
            frame.deleteLater()

    def widget(self, index: int) -> QWidget | None:
        frame = super().widget(index)
        return frame.widget() if isinstance(frame, QScrollArea) else frame

    def currentWidget(self) -> QWidget:  # noqa: N802
        page = self.widget(self.currentIndex())
        assert page is not None, "a home always has a tab"
        return page

    def indexOf(self, page: QWidget | None) -> int:  # noqa: N802
        for n in range(self.count()):
            if self.widget(n) is page:
                return n
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)


class ListPage(QWidget):
    """One list of a role home: an optional search box, the table, an empty-state line."""

    def __init__(
        self, model: RowsModel[Any], searchable: bool = False, wide_column: int = 0
    ) -> None:
        super().__init__()
        self.model = model
        self.search: QLineEdit | None = QLineEdit() if searchable else None
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(wide_column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        if self.search is not None:
            self.search.setClearButtonEnabled(True)
            layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)


def _open_store(session: UserSession) -> None:
    """On the task runner (cold start)."""
    _ = session.store


def _load_home(session: UserSession, pages: frozenset[str]) -> HomeData:
    """On the task runner: the home's rows and counts."""
    from ker_field.services.home import home_data

    return home_data(session.context(), session.site_ids, pages)


def _search_assets(session: UserSession, text: str) -> list[AssetRow]:
    from ker_field.services.home import assets

    return assets(session.context(), text)


def _check_password(session: UserSession, password: str) -> bool:
    from ker_field.ui.session import check_password

    return check_password(session.store, session.username, password)


BUILT_IN_PAGES = frozenset(
    {"tickets", "my_locks", "team_locks", "assets", "permits", "people", "training"}
)


@dataclass
class _Page:
    key: str
    page: ListPage
    title: Callable[[], str]
    columns: Callable[[], list[Column[Any]]]
    empty: Callable[[], str]


class MainWindow(QMainWindow):
    """Emits ``logged_out`` (the person left) and ``settings_changed(Settings)``."""

    logged_out = Signal()
    settings_changed = Signal(object)

    def __init__(
        self,
        session: UserSession,
        settings: Settings,
        data_dir: Path,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        defer_journeys: bool = False,
    ) -> None:
        """``defer_journeys``: paint first, then import the journey modules (and open a
        store still opening) on the task runner and put their pages in place (the app's
        cold start); otherwise the journey pages are made here."""
        super().__init__(parent)
        self.setObjectName("main")
        self.session, self.settings, self.data_dir, self.tasks = session, settings, data_dir, tasks
        self.loop: SyncLoop | None = None
        self.relay = SyncRelay(self)
        self.relay.state.connect(self._sync_state)
        self.relay.report.connect(self._sync_report)
        self.relay.error.connect(self._sync_error)
        self.inbox: IssuesInbox | None = None
        self.loaded = False
        self._search_task: int | None = None
        self._people: dict[uuid.UUID, str] = {}

        self.header = StatusHeader(session)
        self.header.site.currentIndexChanged.connect(self._site_chosen)
        self.header.issues_button.clicked.connect(self.open_issues)
        self.header.sync_button.clicked.connect(self.sync_now)
        self.header.settings_button.clicked.connect(self.open_settings)
        self.header.lock_button.clicked.connect(self.lock)
        self.header.logout_button.clicked.connect(self.log_out)
        self.header.set_sites({session.site_id: "…"}, session.site_id)

        self.tabs = HomeTabs()
        self.tabs.setObjectName("homes")
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, _Page] = {}
        self.journeys: dict[str, tuple[Journey, QWidget]] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._lazy: dict[str, Journey] = {}  # journeys whose tab was never opened
        self._defer_journeys = defer_journeys
        self._closed = False
        journeys = {} if defer_journeys else registered()
        for key in self.keys():
            if key in journeys:
                self._add_journey(journeys[key])
            elif key in BUILT_IN_PAGES:
                self._add_page(key)
            elif defer_journeys:
                self._add_placeholder(key)
        self.tabs.currentChanged.connect(self._tab_opened)

        home = QWidget()
        home_layout = QVBoxLayout(home)
        home_layout.setContentsMargins(0, 0, 0, 0)
        home_layout.setSpacing(0)
        home_layout.addWidget(self.header)
        home_layout.addWidget(self.tabs, 1)

        self.lock_page = self._lock_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(home)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.search_assets)
        if "assets" in self.pages:
            search = self.pages["assets"].page.search
            assert search is not None
            search.textChanged.connect(self.search_timer.start)
            self.pages["assets"].page.table.activated.connect(self._asset_activated)
        if "permits" in self.pages:
            self.pages["permits"].page.table.activated.connect(self._permit_activated)

        self.idle = IdleWatcher(settings.inactivity_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.retranslate()

    # -- pages ------------------------------------------------------------------------------

    def _add_page(self, key: str) -> None:
        specs: dict[
            str, tuple[Callable[[], str], Callable[[], list[Column[Any]]], Callable[[], str]]
        ] = {
            "tickets": (
                lambda: self.tr("Mis órdenes"),
                self._ticket_columns,
                lambda: self.tr("No tiene órdenes de trabajo abiertas."),
            ),
            "my_locks": (
                lambda: self.tr("Mis bloqueos"),
                self._lock_columns,
                lambda: self.tr("No tiene candados puestos."),
            ),
            "team_locks": (
                lambda: self.tr("Bloqueos del equipo"),
                self._team_lock_columns,
                lambda: self.tr("No hay candados puestos en esta instalación."),
            ),
            "assets": (
                lambda: self.tr("Equipos"),
                self._asset_columns,
                lambda: self.tr("Ningún equipo coincide con la búsqueda."),
            ),
            "permits": (
                lambda: self.tr("Permisos por aprobar"),
                self._permit_columns,
                lambda: self.tr("No hay permisos esperando su aprobación."),
            ),
            "people": (
                lambda: self.tr("Personas en planta"),
                self._people_columns,
                lambda: self.tr("No hay visitas ni contratistas dentro."),
            ),
            "training": (
                lambda: self.tr("Mi capacitación"),
                self._training_columns,
                lambda: self.tr("No tiene capacitaciones asignadas."),
            ),
        }
        title, columns, empty = specs[key]
        wide = {"tickets": 1, "my_locks": 2, "team_locks": 2, "assets": 1}.get(key, 0)
        page = ListPage(RowsModel(columns(), self), searchable=key == "assets", wide_column=wide)
        page.setObjectName(f"page_{key}")
        self.pages[key] = _Page(key, page, title, columns, empty)
        self.tabs.addTab(page, title())

    def keys(self) -> tuple[str, ...]:
        """The tabs this person's role sees, in order."""
        return PAGES_BY_ROLE.get(self.session.role, ("training",))

    def _add_journey(self, journey: Journey, index: int = -1) -> None:
        page = journey.create(self)
        page.setObjectName(f"page_{journey.key}")
        self.journeys[journey.key] = (journey, page)
        self.tabs.insert_scrolling(index, page, journey.title())

    def _add_placeholder(self, key: str, index: int = -1) -> None:
        """A journey tab whose page is not made yet (cold start)."""
        page = QLabel(self.tr("Cargando…"))
        page.setObjectName(f"page_{key}")
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholders[key] = page
        self.tabs.insertTab(index, page, "…")

    def _attach_journeys(self, journeys: dict[str, Journey]) -> None:
        """Name the placeholders of the journeys (or put one in place of a built-in list a
        journey replaces); each page is made when its tab is first opened (a cold start
        then never waits for every page at once). Keeps the tab the person is on."""
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for key in self.keys():
            old: QWidget | None = self._placeholders.get(key)
            if old is None and key in journeys and key in self.pages:
                old = self.pages.pop(key).page
                index = self.tabs.indexOf(old)
                self.tabs.removeTab(index)
                old.deleteLater()
                self._add_placeholder(key, index)
                old = self._placeholders[key]
            if old is None:
                continue
            if key in journeys:
                self._lazy[key] = journeys[key]
                self.tabs.setTabText(self.tabs.indexOf(old), journeys[key].title())
            else:  # no such journey (yet): no tab
                self.tabs.removeTab(self.tabs.indexOf(self._placeholders.pop(key)))
                old.deleteLater()
        self.tabs.setCurrentIndex(min(max(current, 0), self.tabs.count() - 1))
        self.tabs.blockSignals(False)
        self._tab_opened(self.tabs.currentIndex())

    @Slot(int)
    def _tab_opened(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not None:
            self._make_journey_page(widget.objectName().removeprefix("page_"))

    def _make_journey_page(self, key: str) -> QWidget | None:
        """The page of journey ``key``, made now if its tab was never opened."""
        if key in self.journeys:
            return self.journeys[key][1]
        journey = self._lazy.pop(key, None)
        if journey is None:
            return None
        placeholder = self._placeholders.pop(key)
        index = self.tabs.indexOf(placeholder)
        was_current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self._add_journey(journey, index)
        if was_current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        page = self.journeys[key][1]
        if self.session.store_ready:
            page.refresh()  # type: ignore[attr-defined]
        return page

    def show_page(self, key: str) -> QWidget | None:
        """Bring the tab ``key`` to the front; its page, or None when this home lacks it."""
        page: QWidget | None = (
            self.pages[key].page if key in self.pages else self._make_journey_page(key)
        )
        if page is not None:
            self.tabs.setCurrentWidget(page)
        return page

    def open_asset(self, asset_id: uuid.UUID) -> None:
        """Open an asset in the first journey of this home that shows assets."""
        for key in self.keys():
            journey = self.journeys[key][0] if key in self.journeys else self._lazy.get(key)
            if journey is not None and journey.opens_assets:
                page = self._make_journey_page(key)
                assert page is not None
                self.tabs.setCurrentWidget(page)
                page.open_asset(asset_id)  # type: ignore[attr-defined]
                return

    @Slot(object)
    def _asset_activated(self, index: Any) -> None:
        row = self.pages["assets"].page.model.row(index.row())
        self.open_asset(row.id)

    @Slot(object)
    def _permit_activated(self, index: Any) -> None:
        """A permit to approve opens in the permit journey."""
        row = self.pages["permits"].page.model.row(index.row())
        page = self.show_page("permit")
        if page is not None:
            page.open_permit(row.id)  # type: ignore[attr-defined]

    def _ticket_columns(self) -> list[Column[TicketRow]]:
        return [
            Column(self.tr("N.º"), lambda r: r.number),
            Column(self.tr("Trabajo"), lambda r: r.title),
            Column(self.tr("Equipo"), lambda r: r.asset_name),
            Column(self.tr("Riesgo"), lambda r: r.risk_level),
        ]

    def _lock_columns(self) -> list[Column[ActiveLock]]:
        return [
            Column(self.tr("Equipo"), lambda r: r.asset_name),
            Column(self.tr("Candado"), lambda r: r.serial),
            Column(self.tr("Punto de aislamiento"), lambda r: r.isolation_point),
            Column(self.tr("Desde"), lambda r: r.applied_at),
        ]

    def _team_lock_columns(self) -> list[Column[ActiveLock]]:
        return [
            *self._lock_columns()[:3],
            Column(self.tr("Lo tiene"), lambda r: self._people.get(r.held_by, str(r.held_by)[:8])),
        ]

    def _asset_columns(self) -> list[Column[AssetRow]]:
        return [
            Column(self.tr("Código QR"), lambda r: r.qr_code),
            Column(self.tr("Equipo"), lambda r: r.name),
            Column(self.tr("Categoría"), lambda r: category_label(r.category, current_language())),
            Column(self.tr("Ubicación"), lambda r: r.location),
        ]

    def _permit_columns(self) -> list[Column[PermitRow]]:
        return [
            Column(self.tr("Orden"), lambda r: f"{r.ticket_number} · {r.ticket_title}"),
            Column(self.tr("Riesgo"), lambda r: r.risk_level),
            Column(self.tr("Solicitado por"), lambda r: r.requested_by),
            Column(self.tr("Válido hasta"), lambda r: r.valid_to),
        ]

    def _people_columns(self) -> list[Column[OnSite]]:
        return [
            Column(self.tr("Nombre"), lambda r: r.person_name),
            Column(self.tr("RUT"), lambda r: r.rut_masked),
            Column(self.tr("Empresa"), lambda r: r.company),
            Column(self.tr("Tipo"), lambda r: r.access_type),
            Column(self.tr("Entró"), lambda r: r.since),
        ]

    def _training_columns(self) -> list[Column[TrainingRow]]:
        return [
            Column(self.tr("Módulo"), lambda r: r.title),
            Column(self.tr("Estado"), lambda r: r.status),
            Column(self.tr("Puntaje"), lambda r: r.score),
            Column(self.tr("Vence"), lambda r: r.expires_at),
        ]

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KER Field"))
        for journey, page in self.journeys.values():
            self.tabs.setTabText(self.tabs.indexOf(page), journey.title())
        for key, journey in self._lazy.items():
            self.tabs.setTabText(self.tabs.indexOf(self._placeholders[key]), journey.title())
        for spec in self.pages.values():
            self.tabs.setTabText(self.tabs.indexOf(spec.page), spec.title())
            spec.page.model.set_columns(spec.columns())
            spec.page.empty.setText(spec.empty())
            if spec.page.search is not None:
                spec.page.search.setPlaceholderText(
                    self.tr("Buscar por nombre, código QR, categoría o ubicación")
                )
        self.lock_title.setText(self.tr("KER Field está bloqueado"))
        self.lock_hint.setText(
            self.tr("{name}, escriba su contraseña para continuar.").format(
                name=self.session.full_name
            )
        )
        self.unlock_button.setText(self.tr("Desbloquear"))
        self.lock_logout.setText(self.tr("Salir (otra persona)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        """The home's tabs, in order."""
        keys = []
        for n in range(self.tabs.count()):
            widget = self.tabs.widget(n)
            assert widget is not None
            keys.append(widget.objectName().removeprefix("page_"))
        return keys

    def refresh(self) -> None:
        """Re-read the home's lists and the header counts, off the GUI thread."""
        if self._closed:  # a sync report queued before the window closed
            return
        self.tasks.run(
            partial(_load_home, self.session, frozenset(self.pages)),
            self._show_home,
            self._load_failed,
        )
        if "assets" in self.pages:
            self.search_assets()
        for _journey, page in self.journeys.values():
            page.refresh()  # type: ignore[attr-defined]

    def _show_home(self, data: HomeData) -> None:
        self.header.set_sites(data.site_names, self.session.site_id)
        self.header.set_counts(data.pending, data.issues, data.pending_others)
        self._people = data.user_names
        rows: dict[str, Sequence[Any]] = {
            "tickets": data.tickets,
            "my_locks": data.my_locks,
            "team_locks": data.team_locks,
            "permits": data.permits,
            "people": data.people,
            "training": data.training,
        }
        for key, spec in self.pages.items():
            if key in rows:
                spec.page.set_rows(rows[key])
        self.loaded = True
        if self.inbox is not None and self.inbox.isVisible():
            self.inbox.reload()

    def _load_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(
            self.tr("No se pudieron leer los datos: {error}").format(error=error), 10_000
        )

    @Slot()
    def search_assets(self) -> None:
        page = self.pages["assets"].page
        assert page.search is not None
        if self._search_task is not None:
            self.tasks.forget(self._search_task)
        self._search_task = self.tasks.run(
            partial(_search_assets, self.session, page.search.text()),
            page.set_rows,
            self._load_failed,
        )

    @Slot(int)
    def _site_chosen(self, index: int) -> None:
        site = self.header.site.itemData(index)
        if isinstance(site, uuid.UUID) and site != self.session.site_id:
            self.session.site_id = site
            self.refresh()

    # -- sync -------------------------------------------------------------------------------

    def start_sync(self, interval: float = 60.0) -> None:
        """Background sync on its own thread; its callbacks are relay signals."""
        if self.loop is not None:
            return
        from sync.client.scheduler import SyncLoop

        self.loop = SyncLoop(
            self.session.sync_engine(),
            self.session.scopes,
            interval=interval,
            on_state=self._emit_state,
            on_progress=self.relay.progress.emit,
            on_report=self.relay.report.emit,
            on_error=self.relay.error.emit,
        )
        self.loop.start()

    def _emit_state(self, state: LoopState) -> None:  # runs on the sync thread
        self.relay.state.emit(state.value)

    @Slot()
    def sync_now(self) -> None:
        if self.loop is None:
            self.start_sync()
        else:
            self.loop.run_now()

    @Slot(str)
    def _sync_state(self, state: str) -> None:
        # LoopState values (the header's own words for them)
        shown = {
            "syncing": "syncing",
            "offline": "offline",
            "sign_in_required": "sign_in_required",
            "idle": "online",
        }.get(state)
        if shown is not None:
            self.header.set_state(shown)

    @Slot(object)
    def _sync_report(self, _report: SyncReport) -> None:
        if self._closed:
            return
        self.header.set_last_sync(datetime.now(UTC))
        self.refresh()

    @Slot(object)
    def _sync_error(self, error: object) -> None:
        self.statusBar().showMessage(
            self.tr("La sincronización no se completó: {error}").format(error=error), 10_000
        )

    # -- issues, settings -------------------------------------------------------------------

    @Slot()
    def open_issues(self) -> IssuesInbox:
        if self.inbox is None:
            from ker_field.ui.issues import IssuesInbox

            self.inbox = IssuesInbox(self.session.store, self.session.user_id, self.tasks, self)
            self.inbox.changed.connect(self.refresh)
        self.inbox.resize(min(1000, self.width()), min(640, self.height()))
        self.inbox.reload()
        self.inbox.open()
        return self.inbox

    @Slot()
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.data_dir, self)
        dialog.accepted.connect(partial(self._settings_saved, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        self.settings = dialog.result_settings()
        self.idle.set_minutes(self.settings.inactivity_lock_minutes)
        self.settings_changed.emit(self.settings)

    # -- lock, log out ----------------------------------------------------------------------

    def _lock_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("lockPage")
        self.lock_title = QLabel()
        self.lock_title.setObjectName("title")
        self.lock_hint = QLabel()
        self.lock_hint.setWordWrap(True)
        self.lock_password = QLineEdit()
        self.lock_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.lock_password.returnPressed.connect(self.unlock)
        self.lock_message = QLabel()
        self.lock_message.setObjectName("error")
        self.lock_message.setWordWrap(True)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.unlock)
        self.lock_logout = QPushButton()
        self.lock_logout.clicked.connect(self.log_out)
        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(560)
        column = QVBoxLayout(card)
        column.setSpacing(12)
        for widget in (
            self.lock_title,
            self.lock_hint,
            self.lock_password,
            self.unlock_button,
            self.lock_message,
            self.lock_logout,
        ):
            column.addWidget(widget)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        return page

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_page

    @Slot()
    def lock(self) -> None:
        if self.inbox is not None:
            self.inbox.close()
        self.idle.timer.stop()
        self.lock_password.clear()
        self.lock_message.clear()
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_password.setFocus()

    @Slot()
    def unlock(self) -> None:
        password = self.lock_password.text()
        self.unlock_button.setEnabled(False)
        self.tasks.run(
            partial(_check_password, self.session, password),
            self._unlock_checked,
            self._load_failed,
        )

    def _unlock_checked(self, ok: bool) -> None:
        self.unlock_button.setEnabled(True)
        if not ok:
            self.lock_message.setText(self.tr("Contraseña incorrecta."))
            self.lock_password.selectAll()
            return
        self.stack.setCurrentIndex(0)
        self.idle.timer.start()

    @Slot()
    def log_out(self) -> None:
        self.shutdown()
        self.logged_out.emit()

    # -- life -------------------------------------------------------------------------------

    def start(self, sync: bool = True) -> None:
        """Load the home, start the inactivity lock and (unless told not to) the sync loop.
        On a cold start the store opens on the task runner after the first paint, the lists
        fill, then the journey modules load (the lists first: imports hold the GIL)."""
        self.idle.start()
        if self._defer_journeys or not self.session.store_ready:
            # After the first paint: the loading threads would slow the paint (the GIL).
            QTimer.singleShot(0, partial(self._load_in_background, sync))
        else:
            self._store_opened(sync)

    def _load_in_background(self, sync: bool) -> None:
        if self._closed:
            return
        if self.session.store_ready:
            self._store_opened(sync)
        else:
            self.tasks.run(
                partial(_open_store, self.session),
                lambda _none: self._store_opened(sync),
                self._load_failed,
            )

    def _store_opened(self, sync: bool) -> None:
        if self._closed:
            return
        self.refresh()
        if self._defer_journeys:
            self._defer_journeys = False
            self.tasks.run(registered, self._journeys_loaded, self._load_failed)
        if sync:
            self.start_sync()

    def _journeys_loaded(self, journeys: dict[str, Journey]) -> None:
        if self._closed:
            return
        before = set(self.journeys)
        self._attach_journeys(journeys)
        if self.session.store_ready:  # otherwise the refresh after the store opens reads them
            for key, (_journey, page) in self.journeys.items():
                if key not in before:
                    page.refresh()  # type: ignore[attr-defined]

    def shutdown(self) -> None:
        """Stop the sync thread and the timers (idempotent)."""
        self._closed = True
        self.idle.stop()
        self.search_timer.stop()
        for _journey, page in self.journeys.values():
            page.shutdown()  # type: ignore[attr-defined]
        if self.loop is not None:
            self.loop.stop()
            self.loop = None

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
