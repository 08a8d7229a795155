"""The main window: every certificate on every storage, and what can be done with them.

Left: the storages (hard disk, removable drives, mock phones, added folders) with their counts.
Right: the certificates of the selected storage (or all) in a model/view table with search, the
"show expired" toggle, a calm expiry line and an inline notice line for results and errors.

Nothing slow runs on the GUI thread: listing storages, scanning (one task per storage, filling
the table as each finishes), copying, PFX work and password checks run on `Workers`; hot-plug
events arrive from `DriveWatcher`'s thread and are forwarded by a queued signal. Every question
goes through `gui.dialogs`, so tests answer them in advance.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListView, QMainWindow, QMenu, QPushButton, QSplitter, QStackedWidget,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from core.errors import Cancelled, DojangError, StorageGone, UnknownStorage, WrongPassword
from core.npki import keyfile
from core.npki.certfolder import CertFolder, verify_key
from core.storage import operations as ops
from core.storage import copies, registry
from core.storage.base import FOLDER, PHONE
from core.storage.watcher import DriveWatcher, StorageWatcher, tree_signature

from .context import AppContext
from .dialogs import (Btn, ChangePasswordDialog, ConflictDialog, ExportPfxDialog, FileDialog, MessageBox,
                      PasswordDialog, ProgressDialog, StoragePickerDialog)
from .icons import icon
from .safetext import shown
from .models import (ROW_ROLE, CertFilterProxy, CertRow, CertTableModel, Status, StorageListModel,
                     storage_title)
from .settings import settings
from .workers import Workers, ask_gui, init_gui_calls

log = logging.getLogger(__name__)

FLOW_KINDS = ("issue", "reissue", "renew", "register", "revoke")


def _scan(storage):
    # the fingerprint first: a change made while (or after) the folder is read is seen by the watcher
    signature = tree_signature(storage.root)
    report = storage.scan_report()
    return report.entries, storage.free_space(), signature


def _copy_marks(rows, status, lang):
    """Worker: group the rows' certificates (core.storage.copies) and work out each row's marks, so the
    GUI thread only hands the result to the model."""
    groups = copies.group_copies([(s, e) for _k, s, e in rows], status)
    key_of = {str(e.path): k for k, _s, e in rows}
    info: dict[str, tuple[int, bool]] = {}
    where: dict[str, list[str]] = {}
    said: dict[str, str] = {}
    for g in groups:
        # per serial once, not per member: 50 copies of one certificate were 2,500 labels (the worker
        # holds the GIL the GUI thread wants while a copy runs)
        by_serial: dict[int, list] = {}
        for m in g.members:
            by_serial.setdefault(m.serial, []).append(m)
        for serial, same in by_serial.items():
            mark = (len(same), g.is_outdated(serial))
            labels = [c.storage.label(lang) for c in same]
            bank = g.bank.get(serial)
            for m in same:
                key = key_of.get(str(m.cert.path))
                if key is None:
                    continue
                info[key] = mark
                where[key] = labels
                if bank not in (None, "active", "expired"):
                    said[key] = bank
    # what the stale banner says (name, old copies, can be synced), worked out here too
    stale = [(g.name, len(g.outdated), g.can_sync) for g in groups if g.outdated]
    return groups, info, where, said, stale


def _name_list(rows, limit: int = 5) -> str:
    """The distinct names of `rows` for a question, the first `limit` of them and "…" for the rest: a
    question about 200 certificates stays readable, and only the names shown are read (parsing every
    certificate's subject on the GUI thread cost ~10 ms for 200)."""
    names: dict[str, None] = {}
    for r in rows:
        name = shown(r.entry.info.display_name if r.good else r.entry.name, 80)
        if name not in names:
            if len(names) == limit:
                return ", ".join(names) + ", …"
            names[name] = None
    return ", ".join(names)


def _check_password(cert: CertFolder, password) -> bool:
    try:
        # the key in memory must not answer for a stick pulled while the password was typed
        if not Path(cert.path).is_dir():
            raise StorageGone(path=str(cert.path))
        cert.check_password(password)
        return True
    finally:
        if isinstance(password, bytearray):
            keyfile.wipe(password)


def _module_available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class MainWindow(QMainWindow):
    drivesChanged = Signal()       # emitted from the watcher thread; queued to the GUI thread
    bankOpened = Signal(bool, str)  # the bank was opened (any thread): it just wrote demo data?, its key notice
    scanFinished = Signal()        # every storage of the last refresh has been scanned
    operationFinished = Signal(str)  # after a copy/move/delete/…: the summary text
    closed = Signal()              # the window was closed (gui.app.quit_with ends the app)
    storageContentChanged = Signal(str)  # a storage's certificates changed on disk (StorageWatcher thread)

    def __init__(self, ctx: AppContext | None = None, *, watch: bool = True, watch_interval: float = 1.0,
                 watch_phones: bool | None = None):
        super().__init__()
        self.ctx = ctx or AppContext()
        # tr() needs the translators of ctx.language even when no one called i18n.setup (tests, tools)
        from . import i18n
        i18n.ensure_language(self.ctx.language)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        init_gui_calls()
        self.workers = Workers(self)
        self.watch = watch
        self.watch_interval = watch_interval
        self.watcher: DriveWatcher | None = None
        # changes made outside this window (CLI, phone transfer, another window): docs/gui-state.md
        self.storage_watcher: StorageWatcher | None = None
        self._pending_rescan: set[str] = set()
        # phones pop up when the bank calls or texts them (gui.phone.PhoneWatcher), started once
        self.watch_phones = watch if watch_phones is None else watch_phones
        self.phone_watcher = None
        self._scan_tokens: dict[str, int] = {}
        self._token = 0
        self._copy_warned = False
        self.scanned_once = False       # the storage list is known (the first scan has finished)
        self.scanFinished.connect(self._first_scan_done)
        self._keep_selection: list[str] = []
        self.last_notice = ""
        self._notice_render = None      # the current result line in the current language (notify)
        self._banner_dismissed = False
        self._dialogs: list = []

        lang = self.ctx.language
        self.storage_model = StorageListModel(lang, self)
        self.cert_model = CertTableModel(self.ctx.clock, lang, self)
        self.proxy = CertFilterProxy(self)
        self.proxy.setSourceModel(self.cert_model)

        self._build_actions()
        self._build_ui()
        self._build_menus()
        self.retranslate_ui()
        self._restore_settings()
        self._update_actions()

        self.storage_model.dropRequested.connect(
            lambda keys, sid, move: QTimer.singleShot(0, lambda: self.on_drop(keys, sid, move)))
        self.drivesChanged.connect(self._on_drives_changed)
        self.storageContentChanged.connect(self._on_storage_content)
        self.workers.idle.connect(self._rescan_pending)
        self.bankOpened.connect(self._on_bank_opened)
        ctx.opened_listeners.append(self._bank_listener)
        self.ticker = QTimer(self)
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()

    # --- construction ---------------------------------------------------------------------------
    def _action(self, name: str, icon_name: str, slot, shortcut=None) -> QAction:
        a = QAction(icon(icon_name), "", self)
        a.setObjectName(name)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        # a new action starts a new state: the last result line goes (docs/gui-state.md)
        a.triggered.connect(lambda _=False: (self.clear_notice(), slot()))
        self.addAction(a)
        self.actions_by_name[name] = a
        return a

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        A = self._action
        self.act_view = A("actionView", "view", self.view_details, "Ctrl+I")
        self.act_check = A("actionCheckPassword", "password-check", self.check_password, "Ctrl+K")
        self.act_change = A("actionChangePassword", "password-change", self.change_password, "Ctrl+P")
        self.act_copy = A("actionCopy", "copy", lambda: self.copy_or_move(False), "Ctrl+Shift+C")
        self.act_move = A("actionMove", "move", lambda: self.copy_or_move(True), "Ctrl+Shift+M")
        self.act_delete = A("actionDelete", "delete", self.delete_selected, QKeySequence.StandardKey.Delete)
        self.act_export = A("actionExportPfx", "export", self.export_pfx, "Ctrl+E")
        self.act_import_pfx = A("actionImportPfx", "import", self.import_pfx, "Ctrl+O")
        self.act_import_folder = A("actionImportFolder", "import", self.import_folder, "Ctrl+Shift+O")
        self.act_add_folder = A("actionAddFolder", "add-folder", self.add_folder, "Ctrl+Shift+N")
        self.act_remove_folder = A("actionRemoveFolder", "delete", self.remove_folder)
        self.act_refresh = A("actionRefresh", "refresh", self.refresh, QKeySequence.StandardKey.Refresh)
        self.act_settings = A("actionSettings", "settings", self.open_settings, "Ctrl+,")
        self.act_quit = A("actionQuit", "", self.close, QKeySequence.StandardKey.Quit)
        self.act_search = A("actionSearch", "search", lambda: self.search_edit.setFocus(), QKeySequence.StandardKey.Find)
        self.flow_actions = {k: A(f"action{k.capitalize()}", k, lambda k=k: self.open_flow(k)) for k in FLOW_KINDS}
        self.act_teller = A("actionTeller", "teller", self.open_teller)
        self.act_phone = A("actionPhone", "phone", self.open_phone)
        self.act_transfer = A("actionPhoneTransfer", "phone", self.open_pc_transfer)
        self.act_demo = A("actionDemoCustomers", "help", self.open_demo_panel)
        self.act_welcome = A("actionWelcome", "help", self.open_welcome)
        self.act_about = A("actionAbout", "app", self.show_about)
        self.act_login = A("actionCertLogin", "certificate", self.login_with_certificate, "Ctrl+L")
        self.act_teller.setEnabled(_module_available("gui.teller_panel"))
        self.act_phone.setEnabled(_module_available("gui.phone"))
        self.act_transfer.setEnabled(_module_available("gui.phone"))
        self.act_demo.setEnabled(_module_available("gui.demo_panel"))

    def _build_ui(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)

        left = QWidget(self.splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.storage_label = QLabel(left)
        self.storage_label.setObjectName("storageListLabel")
        lv.addWidget(self.storage_label)
        self.storage_list = QListView(left)
        self.storage_list.setObjectName("storageList")
        self.storage_list.setModel(self.storage_model)
        self.storage_list.setIconSize(QSize(28, 28))
        self.storage_list.setSpacing(2)
        self.storage_list.setUniformItemSizes(False)
        # long names (phones, English labels) wrap instead of needing a horizontal scroll bar
        self.storage_list.setWordWrap(True)
        self.storage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.storage_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.storage_list.setAcceptDrops(True)
        self.storage_list.setDropIndicatorShown(True)
        self.storage_list.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.storage_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.storage_list.customContextMenuRequested.connect(self._storage_menu)
        self.storage_label.setBuddy(self.storage_list)
        lv.addWidget(self.storage_list)
        self.storage_list.selectionModel().currentChanged.connect(self._on_storage_changed)

        right = QWidget(self.splitter)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)

        self.banner = QFrame(right)
        self.banner.setObjectName("expiryBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("#expiryBanner { background: #fff8e1; border: 1px solid #f0c36d; "
                                  "border-radius: 4px; } #expiryBanner QLabel { color: #4e3b00; }")
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(8, 4, 4, 4)
        self.banner_icon = QLabel(self.banner)
        self.banner_icon.setPixmap(icon("status-soon").pixmap(20, 20))
        bl.addWidget(self.banner_icon)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("expiryText")
        self.banner_text.setWordWrap(True)
        bl.addWidget(self.banner_text, 1)
        self.banner_button = QPushButton(icon("renew"), "", self.banner)
        self.banner_button.setObjectName("expiryRenewButton")
        self.banner_button.clicked.connect(self._banner_action)
        bl.addWidget(self.banner_button)
        self.banner_close = QToolButton(self.banner)
        self.banner_close.setObjectName("expiryDismissButton")
        self.banner_close.setText("✕")
        self.banner_close.setAutoRaise(True)
        self.banner_close.clicked.connect(self._dismiss_banner)
        bl.addWidget(self.banner_close)
        self.banner.hide()
        rv.addWidget(self.banner)

        # old copies of a renewed/reissued certificate (core.storage.copies): docs/copies.md
        self.stale_banner = QFrame(right)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setStyleSheet("#staleBanner { background: #fdecea; border: 1px solid #f3b8b3; "
                                        "border-radius: 4px; }")
        sl = QHBoxLayout(self.stale_banner)
        sl.setContentsMargins(8, 6, 8, 6)
        stale_icon = QLabel(self.stale_banner)
        stale_icon.setPixmap(icon("status-expired").pixmap(20, 20))
        sl.addWidget(stale_icon)
        self.stale_text = QLabel(self.stale_banner)
        self.stale_text.setObjectName("staleText")
        self.stale_text.setWordWrap(True)
        sl.addWidget(self.stale_text, 1)
        self.sync_button = QPushButton(icon("renew"), "", self.stale_banner)
        self.sync_button.setObjectName("syncCopiesButton")
        self.sync_button.clicked.connect(self.sync_copies)
        sl.addWidget(self.sync_button)
        self.stale_banner.hide()
        rv.addWidget(self.stale_banner)
        self.copy_groups: list = []
        self._stale: list[tuple[str, int, bool]] = []    # (name, old copies, can sync) per stale group
        # row key -> the entry whose key file the lazy key check found fine (a rescan makes new
        # entries; only those are checked again)
        self._keys_ok: dict[str, object] = {}

        # the file storages' certificates, or the 금융인증서 cloud (gui.cloud_panel) when its row is chosen
        self.pages = QStackedWidget(right)
        self.pages.setObjectName("mainPages")
        files = QWidget(self.pages)
        fv = QVBoxLayout(files)
        fv.setContentsMargins(0, 0, 0, 0)
        self.files_page = files
        rv_outer, rv = rv, fv
        bar = QHBoxLayout()
        self.search_label = QLabel(right)
        bar.addWidget(self.search_label)
        self.search_edit = QLineEdit(right)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.search_label.setBuddy(self.search_edit)
        bar.addWidget(self.search_edit, 1)
        self.expired_check = QCheckBox(right)
        self.expired_check.setObjectName("showExpiredCheck")
        self.expired_check.setChecked(True)
        self.expired_check.toggled.connect(self._on_show_expired)
        bar.addWidget(self.expired_check)
        rv.addLayout(bar)

        self.table_label = QLabel(right)
        self.table_label.setObjectName("certTableLabel")
        rv.addWidget(self.table_label)
        self.table = QTableView(right)
        self.table.setObjectName("certTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CertTableModel.EXPIRY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # no bold header for a "selected column": checking it walks the selection for every section on
        # every header repaint (rows are selected whole here, so a column is never what is selected)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setIconSize(QSize(18, 18))
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.activated.connect(lambda _i: self.view_details())
        h = self.table.horizontalHeader()
        h.setStretchLastSection(False)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(CertTableModel.USER, QHeaderView.ResizeMode.Stretch)
        for col, width in ((CertTableModel.USAGE, 170), (CertTableModel.EXPIRY, 110), (CertTableModel.ISSUER, 100),
                           (CertTableModel.STATUS, 100), (CertTableModel.STORAGE, 190)):
            self.table.setColumnWidth(col, width)
        self.table_label.setBuddy(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        rv.addWidget(self.table, 1)
        self.pages.addWidget(files)
        from .cloud_panel import CloudPanel
        self.cloud_panel = CloudPanel(self, self.pages)
        self.cloud_panel.countChanged.connect(self.storage_model.set_cloud_count)
        self.cloud_panel.countChanged.connect(lambda _n: self._update_counts())
        self.pages.addWidget(self.cloud_panel)
        rv = rv_outer
        rv.addWidget(self.pages, 1)

        self.notice = QFrame(right)
        self.notice.setObjectName("noticeFrame")
        nl = QHBoxLayout(self.notice)
        nl.setContentsMargins(6, 3, 6, 3)
        self.notice_icon = QLabel(self.notice)
        nl.addWidget(self.notice_icon)
        self.notice_label = QLabel(self.notice)
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        nl.addWidget(self.notice_label, 1)
        self.notice.hide()
        rv.addWidget(self.notice)

        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 760])
        outer.addWidget(self.splitter)
        self.setCentralWidget(central)

        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.toolbar.setIconSize(QSize(24, 24))
        self.toolbar.setMovable(False)
        for a in (self.act_view, self.act_check, self.act_change, self.act_copy, self.act_move, self.act_delete,
                  self.act_export):
            self.toolbar.addAction(a)
        self.import_button = QToolButton(self)
        self.import_button.setObjectName("importButton")
        self.import_button.setIcon(icon("import"))
        self.import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        import_menu = QMenu(self.import_button)
        import_menu.addAction(self.act_import_pfx)
        import_menu.addAction(self.act_import_folder)
        self.import_button.setMenu(import_menu)
        self.toolbar.addWidget(self.import_button)
        self.toolbar.addAction(self.act_add_folder)
        self.toolbar.addSeparator()
        for k in ("issue", "reissue", "renew", "register"):
            self.toolbar.addAction(self.flow_actions[k])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_refresh)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        self.setTabOrder(self.storage_list, self.search_edit)
        self.setTabOrder(self.search_edit, self.expired_check)
        self.setTabOrder(self.expired_check, self.table)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        self.menu_file.setObjectName("menuFile")
        for a in (self.act_import_pfx, self.act_import_folder, self.act_add_folder, None, self.act_refresh,
                  self.act_settings, None, self.act_quit):
            self.menu_file.addSeparator() if a is None else self.menu_file.addAction(a)
        self.menu_cert = mb.addMenu("")
        self.menu_cert.setObjectName("menuCertificate")
        for a in (self.act_view, self.act_check, self.act_change, None, self.act_copy, self.act_move,
                  self.act_delete, None, self.act_export):
            self.menu_cert.addSeparator() if a is None else self.menu_cert.addAction(a)
        self.menu_bank = mb.addMenu("")
        self.menu_bank.setObjectName("menuBank")
        for k in FLOW_KINDS:
            self.menu_bank.addAction(self.flow_actions[k])
        self.menu_bank.addSeparator()
        self.menu_bank.addAction(self.act_login)
        self.menu_tools = mb.addMenu("")
        self.menu_tools.setObjectName("menuTools")
        self.menu_tools.addAction(self.act_teller)
        self.menu_tools.addAction(self.act_phone)
        self.menu_tools.addAction(self.act_transfer)
        self.menu_help = mb.addMenu("")
        self.menu_help.setObjectName("menuHelp")
        self.menu_help.addAction(self.act_welcome)
        self.menu_help.addAction(self.act_demo)
        self.menu_help.addAction(self.act_about)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("도장 — 공동인증서 관리"))
        texts = {
            self.act_view: (self.tr("인증서 보기(&V)"), self.tr("보기")),
            self.act_check: (self.tr("암호 확인(&K)…"), self.tr("암호 확인")),
            self.act_change: (self.tr("암호 변경(&P)…"), self.tr("암호 변경")),
            self.act_copy: (self.tr("복사(&C)…"), self.tr("복사")),
            self.act_move: (self.tr("이동(&M)…"), self.tr("이동")),
            self.act_delete: (self.tr("삭제(&D)…"), self.tr("삭제")),
            self.act_export: (self.tr("PFX 내보내기(&E)…"), self.tr("내보내기")),
            self.act_import_pfx: (self.tr("PFX 파일 가져오기(&I)…"), None),
            self.act_import_folder: (self.tr("인증서 폴더 가져오기(&O)…"), None),
            self.act_add_folder: (self.tr("폴더 추가(&A)…"), self.tr("폴더 추가")),
            self.act_remove_folder: (self.tr("목록에서 폴더 빼기"), None),
            self.act_refresh: (self.tr("새로 고침(&R)"), self.tr("새로 고침")),
            self.act_settings: (self.tr("설정(&S)…"), None),
            self.act_quit: (self.tr("끝내기(&X)"), None),
            self.act_search: (self.tr("검색"), None),
            self.flow_actions["issue"]: (self.tr("발급(&N)…"), self.tr("발급")),
            self.flow_actions["reissue"]: (self.tr("재발급(&R)…"), self.tr("재발급")),
            self.flow_actions["renew"]: (self.tr("갱신(&U)…"), self.tr("갱신")),
            self.flow_actions["register"]: (self.tr("타기관 인증서 등록(&G)…"), self.tr("타기관 등록")),
            self.flow_actions["revoke"]: (self.tr("폐기(&V)…"), self.tr("폐기")),
            self.act_teller: (self.tr("은행 창구 (Teller)(&T)…"), None),
            self.act_phone: (self.tr("휴대폰 (모의) 열기(&P)…"), None),
            self.act_transfer: (self.tr("휴대폰과 인증서 주고받기(&X)…"), None),
            self.act_demo: (self.tr("데모 고객 안내(&D)…"), None),
            self.act_about: (self.tr("도장 정보(&A)"), None),
            self.act_login: (self.tr("인증서로 로그인(&L)…"), None),
            self.act_welcome: (self.tr("시작 안내(&W)"), None),
        }
        for a, (full, short) in texts.items():
            a.setText(full)
            a.setIconText(short or full.split("(&")[0].rstrip("…"))
            tip = (short or full).replace("&", "").rstrip("…")
            if not a.shortcut().isEmpty():
                tip += f" ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            a.setToolTip(tip)
        self.import_button.setText(self.tr("가져오기"))
        self.import_button.setToolTip(self.tr("PFX 파일이나 인증서 폴더를 가져옵니다"))
        self.import_button.setAccessibleName(self.tr("가져오기"))
        self.menu_file.setTitle(self.tr("파일(&F)"))
        self.menu_cert.setTitle(self.tr("인증서(&C)"))
        self.menu_bank.setTitle(self.tr("은행 업무(&B)"))
        self.menu_tools.setTitle(self.tr("도구(&T)"))
        self.menu_help.setTitle(self.tr("도움말(&H)"))
        self.toolbar.setWindowTitle(self.tr("도구 모음"))
        self.storage_label.setText(self.tr("저장매체(&S)"))
        self.storage_list.setAccessibleName(self.tr("저장매체 목록"))
        self.search_label.setText(self.tr("검색(&F)"))
        self.search_edit.setPlaceholderText(self.tr("이름, 발급기관, 용도로 찾기"))
        self.search_edit.setAccessibleName(self.tr("인증서 검색"))
        self.expired_check.setText(self.tr("만료된 인증서 표시(&E)"))
        self.table_label.setText(self.tr("인증서 목록(&L) — 다른 저장매체로 끌어다 놓으면 복사, Shift를 누른 채 놓으면 이동"))
        self.table.setAccessibleName(self.tr("인증서 목록"))
        self.banner_close.setToolTip(self.tr("이 알림 닫기"))
        self.banner_close.setAccessibleName(self.tr("만료 알림 닫기"))
        self.sync_button.setText(self.tr("모두 새 인증서로 바꾸기"))
        self._update_stale_banner()
        self.storage_model.retranslate(self.ctx.language)
        self.cert_model.retranslate(self.ctx.language)
        self.cloud_panel.retranslate()
        self._update_banner()
        self._update_counts()
        self._retranslate_notice()

    def changeEvent(self, event) -> None:  # noqa: N802 - live language switch
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- settings ----------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = settings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 640)
        splitter = s.value("main/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header = s.value("main/header")
        self._fit_columns = True          # first full scan sizes the columns to their (translated) texts
        self._sized_columns = True        # we size them (no saved header): copy marks may widen the status
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
            self._fit_columns = False
            self._sized_columns = False
        show_expired = s.value("main/showExpired", True)
        self.expired_check.setChecked(str(show_expired).lower() not in ("false", "0"))

    def save_settings(self) -> None:
        s = settings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/header", self.table.horizontalHeader().saveState())
        s.setValue("main/showExpired", self.expired_check.isChecked())
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def _bank_listener(self, authority) -> None:
        self.bankOpened.emit(authority.demo_seeded_now, authority.master_key_notice_text(self.ctx.language) or "")

    def _on_bank_opened(self, seeded: bool, notice: str) -> None:
        # the first open writes the demo customers' certificates and registers their mock phones
        if seeded:
            self.refresh()
        self.cloud_panel.refresh()
        if notice:      # said once: where the bank's master key went (no keyring / portable mode)
            def render() -> str:    # in the language of the moment, also after a switch
                if self.ctx.authority_open:
                    return self.ctx.authority().master_key_notice_text(self.ctx.language) or notice
                return notice
            self.notify(render, "warn")

    def open_bank_in_background(self) -> None:
        """First start: create the simulated bank (CA keys, demo customers) off the GUI thread, so the
        demo certificates the welcome page talks about are listed without waiting for a first click."""
        if not self.ctx.authority_open:
            self.workers.submit(self.ctx.authority, name="bank", on_error=self._op_failed)

    def shutdown(self) -> None:
        if self._bank_listener in self.ctx.opened_listeners:
            self.ctx.opened_listeners.remove(self._bank_listener)
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.storage_watcher is not None:
            self.storage_watcher.stop()
            self.storage_watcher = None
        if self.phone_watcher is not None:
            self.phone_watcher.timer.stop()
            self.phone_watcher = None
        self.ticker.stop()
        self.workers.shutdown()

    # --- start-up, scanning, hot-plug ----------------------------------------------------------------
    def start(self) -> None:
        """Called once the window is visible: scan, then watch for drives."""
        self.refresh()
        if self.watch and self.watcher is None:
            self.watcher = DriveWatcher(on_appear=lambda _d: self.drivesChanged.emit(),
                                        on_disappear=lambda _d: self.drivesChanged.emit(),
                                        interval=self.watch_interval, config=registry.discovery_config)
            self.watcher.start()
        if self.watch and self.storage_watcher is None:
            self.storage_watcher = StorageWatcher(on_change=self.storageContentChanged.emit,
                                                  interval=self.watch_interval)
            self._watch_targets()
            self.storage_watcher.start()
        if self.watch_phones and self.phone_watcher is None and _module_available("gui.phone"):
            try:
                self.phone_watcher = importlib.import_module("gui.phone").ensure_phone_windows(self, self.ctx)
            except DojangError as err:   # the bank could not be opened: the manager still works
                log.warning("phone watcher not started (%s)", type(err).__name__)

    def refresh(self) -> None:
        """List the storages again and rescan every one of them."""
        self._remember_selection()
        self.workers.submit(registry.all_storages, name="list-storages",
                            on_done=lambda storages: self._apply_storages(storages, rescan_all=True),
                            on_error=self._show_error)
        if self.ctx.authority_open or self.cloud_shown():
            self.cloud_panel.refresh()

    def _on_drives_changed(self) -> None:
        self.workers.submit(registry.all_storages, name="list-storages",
                            on_done=lambda storages: self._apply_storages(storages, rescan_all=False),
                            on_error=self._show_error)

    def _watch_targets(self) -> None:
        if self.storage_watcher is not None:
            self.storage_watcher.set_targets({s.id: s.root for s in self.storage_model.storages()})

    def _on_storage_content(self, sid: str) -> None:
        """Certificates changed on a storage behind this window's back: scan it again. While one of
        this window's own operations runs (it rescans what it touched when it ends), wait for it."""
        storage = self.storage_model.storage(sid)
        if storage is None:
            return
        if not storage.present():        # pulled: the drive list says so (and what it did to the selection)
            self._on_drives_changed()
            return
        if any(t.name not in ("list-storages", "bank", "copies") and not t.name.startswith("scan-")
               for t in self.workers.active()):
            self._pending_rescan.add(sid)
            return
        self.rescan_ids(sid)

    def _rescan_pending(self) -> None:
        pending, self._pending_rescan = self._pending_rescan, set()
        if pending:
            self.rescan_ids(*sorted(pending))

    def _apply_storages(self, storages: list, rescan_all: bool) -> None:
        gone_selected = [r for r in self.selected_rows() if r.storage.id not in {s.id for s in storages}]
        added, removed = self.storage_model.set_storages(storages)
        self._watch_targets()
        for sid in removed:
            self.cert_model.remove_storage(sid)
            self._scan_tokens.pop(sid, None)
        if gone_selected:
            # never let the selection slide silently onto a look-alike row on another storage
            self.table.clearSelection()
            self.table.selectionModel().clearCurrentIndex()
            self._keep_selection = []
            names = ", ".join(dict.fromkeys(r.storage.label(self.ctx.language) for r in gone_selected))
            self.notify(lambda: self.tr("저장매체가 분리되었습니다: {0}. 거기서 고른 인증서는 목록에서 빠졌고, "
                                        "다시 연결하면 다시 나타납니다.").format(names), "warn")
            self._update_actions()
        if removed and self.proxy.storage_id in removed and not self.cloud_shown():
            self.storage_list.setCurrentIndex(self.storage_model.index(0))
        if self.storage_list.currentIndex().row() < 0:
            self.storage_list.setCurrentIndex(self.storage_model.index(0))
        for s in (storages if rescan_all else added):
            self.rescan(s)
        if removed or added:
            self._update_banner()
            self._update_counts()
        if not self._scan_tokens:
            self.scanFinished.emit()

    def rescan(self, storage) -> None:
        self._token += 1
        token = self._token
        self._scan_tokens[storage.id] = token
        self.storage_model.set_state(storage.id, scanning=True)
        self.workers.submit(_scan, storage, name=f"scan-{storage.id}",
                            on_done=lambda res, s=storage, t=token: self._scanned(s, t, res),
                            on_error=lambda err, s=storage, t=token: self._scan_failed(s, t, err))

    def rescan_ids(self, *ids: str) -> None:
        for sid in dict.fromkeys(ids):
            s = self.storage_model.storage(sid)
            if s is not None:
                self._remember_selection()
                self.rescan(s)

    def _scanned(self, storage, token: int, result) -> None:
        if self._scan_tokens.get(storage.id) != token:
            return  # a newer scan of this storage is running, or it was unplugged
        entries, free, signature = result
        if self.storage_watcher is not None:
            self.storage_watcher.baseline(storage.id, signature)

        def filled() -> None:
            if self._scan_tokens.get(storage.id) != (token, "filling"):
                return              # rescanned or unplugged while the rows went in
            del self._scan_tokens[storage.id]
            self.storage_model.set_state(storage.id, count=len(entries), scanning=False, free=free, error="")
            self._after_scan()
        # the storage still counts as scanning until its rows are in (chunked: docs/gui-state.md)
        self._scan_tokens[storage.id] = (token, "filling")
        self.cert_model.set_storage_entries(storage, entries, done=filled)

    def _scan_failed(self, storage, token: int, err: DojangError) -> None:
        if self._scan_tokens.get(storage.id) != token:
            return
        del self._scan_tokens[storage.id]
        self.storage_model.set_state(storage.id, scanning=False, error=err.message(self.ctx.language))
        self._after_scan()

    def _after_scan(self) -> None:
        self._restore_selection()
        self._update_banner()
        self._update_counts()
        self._update_actions()
        if not self._scan_tokens:
            self._update_copies()
            if self._fit_columns and self.cert_model.rows:
                self._fit_columns = False
                self.fit_columns()
            self.scanFinished.emit()

    def fit_columns(self) -> None:
        """Size the short columns to their longest text (all rows, not only the visible ones)."""
        fm = self.table.fontMetrics()
        header_fm = self.table.horizontalHeader().fontMetrics()
        m = self.cert_model
        for col in (CertTableModel.USAGE, CertTableModel.EXPIRY, CertTableModel.ISSUER, CertTableModel.STATUS,
                    CertTableModel.STORAGE):
            sample = m.rows[::max(1, len(m.rows) // 300)]        # ~300 rows: the widths, not every text
            widest = max([fm.horizontalAdvance(t) for t in {m.texts(r)[col] for r in sample}] or [0])
            head = header_fm.horizontalAdvance(str(m.headerData(col, Qt.Orientation.Horizontal))) + 40  # + sort arrow
            icon_w = self.table.iconSize().width() + 10 if col != CertTableModel.EXPIRY else 0
            self.table.setColumnWidth(col, min(max(widest + icon_w + 28, head), 280))

    @property
    def scanning(self) -> bool:
        return bool(self._scan_tokens)

    def _tick(self) -> None:
        if self.cert_model.tick():
            self.proxy.invalidate()
            self._update_banner()

    # --- selection ----------------------------------------------------------------------------------
    def selected_rows(self) -> list[CertRow]:
        # straight from the model's list (a data() call per row cost ~10 ms for 200 selected rows), and
        # from the selection's ranges: selectedRows() asks the Python flags() of every cell (1,200 calls
        # for 200 rows, each a wait for the GIL while a worker runs). The table selects whole rows.
        model_rows = self.cert_model.rows
        proxy = self.proxy
        seen: set[int] = set()
        rows = []
        for rng in self.table.selectionModel().selection():
            for p in range(rng.top(), rng.bottom() + 1):
                if p in seen:
                    continue
                seen.add(p)
                r = proxy.mapToSource(proxy.index(p, 0)).row()
                if 0 <= r < len(model_rows):
                    rows.append(model_rows[r])
        return rows

    def current_storage(self):
        return self.storage_model.storage_at(self.storage_list.currentIndex())

    def select_keys(self, keys: list[str]) -> None:
        sel = self.table.selectionModel()
        wanted = set(keys)
        selection = QItemSelection()       # one select() call: per-row calls are quadratic on big lists
        first = None
        # from the model's own list: only the wanted rows go through the proxy (not a data() call per row)
        for i, row in enumerate(self.cert_model.rows):
            if row.key not in wanted:
                continue
            idx = self.proxy.mapFromSource(self.cert_model.index(i, 0))
            if idx.isValid():
                selection.select(idx, idx)
                if first is None or idx.row() < first.row():
                    first = idx
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if first is not None:
            # NoUpdate: setCurrentIndex alone would replace a multi-row selection by one row
            sel.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)
        self._update_actions()

    def _remember_selection(self) -> None:
        keys = [r.key for r in self.selected_rows()]
        if keys:
            self._keep_selection = keys

    def _restore_selection(self) -> None:
        if self._keep_selection and not self.table.selectionModel().hasSelection():
            self.select_keys(self._keep_selection)

    def cloud_shown(self) -> bool:
        return self.pages.currentWidget() is self.cloud_panel

    def _on_storage_changed(self, current: QModelIndex, _previous=None) -> None:
        if self.storage_model.is_cloud(current):      # 금융인증서 — 클라우드: no files, its own page
            self.pages.setCurrentWidget(self.cloud_panel)
            self.cloud_panel.refresh()
            self._update_actions()
            self._update_counts()
            return
        self.pages.setCurrentWidget(self.files_page)
        s = self.storage_model.storage_at(current)
        self.proxy.set_storage(s.id if s else None)
        self.table.setColumnHidden(CertTableModel.STORAGE, s is not None)
        self._update_counts()
        self._update_actions()

    def _on_show_expired(self, on: bool) -> None:
        self.proxy.set_show_expired(on)
        self._update_counts()

    def _update_actions(self) -> None:
        rows = [] if self.cloud_shown() else self.selected_rows()     # a cloud key has no file to act on
        good = [r for r in rows if r.good]
        one_good = len(rows) == 1 and len(good) == 1
        writable = all(not r.storage.read_only for r in rows)
        self.act_view.setEnabled(one_good)
        self.act_check.setEnabled(one_good)
        self.act_login.setEnabled(one_good)
        self.act_change.setEnabled(one_good and writable)
        self.act_export.setEnabled(one_good)
        self.act_copy.setEnabled(bool(good) and len(good) == len(rows))
        self.act_move.setEnabled(bool(good) and len(good) == len(rows) and writable)
        self.act_delete.setEnabled(bool(rows) and writable)
        s = self.current_storage()
        self.act_remove_folder.setEnabled(s is not None and s.kind == FOLDER)

    def _update_counts(self) -> None:
        if self.cloud_shown():         # the cloud's page: its own count, not the hidden table's
            n = self.storage_model.cloud_count
            self.count_label.setText(self.tr("확인 중…") if n is None else self.tr("금융인증서 %n개", "", n))
            return
        shown = self.proxy.rowCount()
        total = len(self.cert_model.rows)
        text = self.tr("인증서 {0}개 표시 (전체 %n개)", "", total).format(shown)
        if self.scanning:
            text += self.tr(" · 찾는 중…")
        self.count_label.setText(text)

    # --- expiry line -------------------------------------------------------------------------------
    def expiry_summary(self) -> tuple[int, int, object]:
        """(expiring within 30 days, expired, earliest date) over distinct certificates."""
        seen = set()
        soon, expired, earliest = 0, 0, None
        today = self.cert_model.today
        for row in self.cert_model.rows:
            fp = row.fingerprint
            if fp is None or fp in seen or self.cert_model.is_outdated(row):   # a renewed one counts once
                continue
            seen.add(fp)
            st, _days = row.status(today)
            if st is Status.SOON:
                soon += 1
                d = row.entry.info.not_after.date()
                earliest = d if earliest is None or d < earliest else earliest
            elif st is Status.EXPIRED:
                expired += 1
        return soon, expired, earliest

    def _update_banner(self) -> None:
        soon, expired, earliest = self.expiry_summary()
        if self._banner_dismissed or not (soon or expired):
            self.banner.hide()
            return
        if soon and expired:
            text = self.tr("인증서 %n개가 30일 이내에 만료되고, {0}개는 이미 만료되었습니다 (가장 빠른 만료: {1}).", "",
                           soon).format(expired, earliest.isoformat())
        elif soon:
            text = self.tr("인증서 %n개가 30일 이내에 만료됩니다 (가장 빠른 만료: {0}).", "", soon).format(earliest.isoformat())
        else:
            text = self.tr("만료된 인증서가 {0}개 있습니다. 은행에서 재발급받을 수 있습니다.").format(expired)
        self.banner_text.setText(text)
        self.banner_button.setText(self.tr("갱신(&U)…") if soon else self.tr("재발급(&R)…"))
        self.banner_button.setIcon(icon("renew" if soon else "reissue"))
        self.banner_icon.setPixmap(icon("status-soon" if soon else "status-expired").pixmap(20, 20))
        self.banner.show()

    def _banner_action(self) -> None:
        soon, _expired, _ = self.expiry_summary()
        today = self.cert_model.today
        want = Status.SOON if soon else Status.EXPIRED
        candidates = [r for r in self.cert_model.rows if r.good and r.status(today)[0] is want]
        if candidates:
            first = min(candidates, key=lambda r: r.entry.info.not_after)
            self.select_keys([first.key])
        self.open_flow("renew" if soon else "reissue")

    # --- copies across storages ---------------------------------------------------------------------
    def _update_copies(self) -> None:
        """Group the listed certificates (and ask the bank, when it is open) off the GUI thread."""
        rows = [(r.key, r.storage, r.entry) for r in self.cert_model.rows if r.good]
        opened = self.ctx.authority().certificate_status if self.ctx.authority_open else None
        lang = self.ctx.language

        keys_ok = dict(self._keys_ok)

        def work():
            # the listing's lazy key check: rows were shown before their key files were read
            # (docs/npki-codec.md "Listing speed"); a bad key turns its row broken now. Rows
            # checked before (the same entry object: not rescanned since) are not read again.
            broken, good, fresh = {}, [], {}
            for k, s, e in rows:
                checked = e if keys_ok.get(k) is e else verify_key(e)
                if checked is e:
                    good.append((k, s, e))
                    fresh[k] = e
                else:
                    broken[k] = (e, checked)
            # before the bank is open, its word is read from its database, read-only
            # (docs/bank-core.md "Crash recovery": nothing revoked is shown as valid)
            from core.authority.status import status_lookup
            status = opened or status_lookup(e for _k, _s, e in good)
            return (*_copy_marks(good, status, lang), broken, fresh)
        self.workers.submit(work, name="copies", on_done=self._copies_done, on_error=lambda _e: None)

    def _copies_done(self, result) -> None:
        groups, info, where, said, self._stale, broken, self._keys_ok = result
        if broken and self.cert_model.mark_broken(broken):
            self._update_counts()
            self._update_actions()
        self.copy_groups = groups
        self.cert_model.set_copy_info(info, where, said)
        if self._sized_columns and any(n > 1 or old for n, old in info.values()):
            # "이전 인증서" / "정상 · 사본 2개" are longer than the plain status: widen the column once.
            # One text per distinct mark and status (a few), not one per sampled row (each a tr() or two).
            fm = self.table.fontMetrics()
            m = self.cert_model
            marked = [r for r in m.rows if r.key in info]
            kinds = {}
            for r in marked[::max(1, len(marked) // 300)]:
                st, days = r.status(m.today)
                kinds[(info[r.key], said.get(r.key), st, days if st is Status.SOON else None)] = r   # "D-n"
            texts = {m.status_text(r) for r in kinds.values()}
            widest = max((fm.horizontalAdvance(t) for t in texts), default=0) + self.table.iconSize().width() + 38
            col = CertTableModel.STATUS
            if widest > self.table.columnWidth(col):
                self.table.setColumnWidth(col, min(widest, 280))
        self._update_stale_banner()
        self._update_banner()

    def _update_stale_banner(self) -> None:
        stale = self._stale
        if not stale:
            self.stale_banner.hide()
            return
        n = sum(old for _name, old, _sync in stale)
        names = ", ".join(dict.fromkeys(name for name, _old, _sync in stale))
        self.stale_text.setText(self.tr("이전 인증서 {0}개가 남아 있습니다 ({1}). 갱신·재발급 전의 인증서라 은행에서 "
                                        "쓸 수 없습니다.").format(n, names))
        self.sync_button.setVisible(any(sync for _name, _old, sync in stale))
        self.stale_banner.show()

    def _sync_group(self):
        """The stale group of the selected certificate, else the first one that can be synced."""
        selected = self.selected_rows()
        for g in self.copy_groups:
            if g.can_sync and any(str(m.cert.path) == str(r.entry.path) for r in selected for m in g.members):
                return g
        return next((g for g in self.copy_groups if g.can_sync), None)

    def sync_copies(self) -> None:
        """모두 새 인증서로 바꾸기: every old copy of one certificate, all or nothing (docs/copies.md)."""
        self.clear_notice()
        group = self._sync_group()
        if group is None:
            return
        if self._gone([r for r in self.cert_model.rows if any(str(m.cert.path) == str(r.entry.path)
                                                             for m in group.members)]):
            return
        pw = PasswordDialog.get_password(self, self.tr("모두 새 인증서로 바꾸기"),
                                         self.tr("{0}님의 새 인증서 암호를 입력하세요. 이전 인증서 {1}개를 새 인증서로 "
                                                 "바꿉니다.").format(group.name, len(group.outdated)))
        if pw is None:
            return
        self.notify(self.tr("확인하는 중…"))
        self.workers.submit(copies.plan_sync, group, pw, name="sync-plan",
                            on_done=lambda plan: self._sync_planned(plan, pw),
                            on_error=lambda err: (self._wipe(pw), self._op_failed(err)))

    @staticmethod
    def _wipe(pw) -> None:
        if isinstance(pw, bytearray):
            keyfile.wipe(pw)

    def _sync_planned(self, plan, pw) -> None:
        if plan.different_password:
            places = "\n".join(f"• {m.storage.label(self.ctx.language)}: {m.cert.path}" for m in plan.different_password)
            answer = MessageBox.question(
                self, self.tr("암호가 다른 사본"),
                self.tr("아래 이전 인증서는 암호가 다릅니다. 새 인증서로 바꾸면 그곳에서도 새 인증서의 암호를 써야 "
                        "합니다. 함께 바꿀까요?\n\n{0}").format(places),
                Btn.Yes | Btn.No, Btn.No, object_name="syncDifferentPasswordBox")
            if answer == Btn.Yes:
                include = [str(m.cert.path) for m in plan.different_password]
                self.workers.submit(copies.plan_sync, plan.group, pw, include=include, name="sync-plan",
                                    on_done=lambda p2: self._sync_run(p2, pw),
                                    on_error=lambda err: (self._wipe(pw), self._op_failed(err)))
                return
        self._sync_run(plan, pw)

    def _sync_run(self, plan, pw) -> None:
        self._wipe(pw)
        if not plan.targets:
            self._op_done(lambda: self.tr("바꾼 사본이 없습니다: 남은 이전 인증서는 모두 암호가 달라 그대로 두었습니다."),
                          "warn")
            return
        affected = [s.id for s in plan.storages]
        self.notify(self.tr("새 인증서로 바꾸는 중…"))

        def done(result) -> None:
            n, left = len(result.replaced) + len(result.removed), len(result.left)
            self._op_done(lambda: self.tr("이전 인증서 {0}개를 새 인증서로 바꿨습니다.").format(n)
                          + (" " + self.tr("암호가 다른 {0}개는 그대로 두었습니다.").format(left) if left else ""), "ok")
            self.rescan_ids(*affected)

        def failed(err) -> None:
            self._op_failed(err)
            self.rescan_ids(*affected)
        self.workers.submit(copies.run_sync, plan, name="sync-run", on_done=done, on_error=failed)

    def _dismiss_banner(self) -> None:
        self._banner_dismissed = True
        self.banner.hide()

    # --- notices -------------------------------------------------------------------------------------
    def notify(self, text, kind: str = "info") -> None:
        """Inline result line (icon + text; colour only backs them up). `text` is a str or a callable
        giving it in the current language: a callable is rendered again on a language switch, a plain
        str (already in one language) is taken down then, as it is by the next action."""
        self._notice_render = text if callable(text) else None
        text = text() if callable(text) else text
        self.last_notice = text
        names = {"info": "status-ok", "ok": "status-ok", "warn": "status-soon", "error": "status-expired"}
        colours = {"info": "#e8f0fe", "ok": "#e6f4ea", "warn": "#fff8e1", "error": "#fdecea"}
        self.notice_icon.setPixmap(icon(names.get(kind, "status-ok")).pixmap(18, 18))
        self.notice.setStyleSheet(f"#noticeFrame {{ background: {colours.get(kind, '#e8f0fe')}; border-radius: 4px; }}")
        # may name a certificate or a path from a medium: made visible line by line (docs/hostile-input.md)
        self.notice_label.setText("\n".join(shown(line) for line in text.split("\n")))
        self.notice.show()

    def clear_notice(self) -> None:
        self._notice_render = None
        self.last_notice = ""
        self._notice_render = None      # the current result line in the current language (notify)
        self.notice_label.clear()
        self.notice.hide()

    def _retranslate_notice(self) -> None:
        if self.notice.isHidden():
            return
        render = getattr(self, "_notice_render", None)
        if render is None:
            self.clear_notice()
            return
        self.last_notice = render()
        self.notice_label.setText(self.last_notice)

    def _show_error(self, err: DojangError) -> None:
        def render() -> str:
            text = err.message(self.ctx.language)
            if isinstance(err, WrongPassword):
                text += " " + self.tr("암호를 잊었다면 찾을 방법이 없습니다: 인증서를 삭제하고 은행에서 다시 발급받으세요.")
            if isinstance(err, StorageGone):
                text += " " + self.tr("저장매체를 다시 연결한 뒤 새로 고침하세요. 원본은 그대로 있습니다.")
            return text
        self.notify(render, "error")

    # --- single-certificate actions ---------------------------------------------------------------
    def _one(self) -> CertRow | None:
        rows = self.selected_rows()
        if len(rows) != 1 or not rows[0].good:
            self.notify(self.tr("인증서를 하나 고르세요."), "warn")
            return None
        return None if self._gone(rows) else rows[0]

    def _gone(self, rows: list[CertRow]) -> bool:
        """Before an action: a storage of `rows` was pulled (or the folder went) — say so, do nothing,
        and let the list catch up. The certificate in memory must never answer for a file that is gone."""
        present = {sid: s.present() for sid, s in {r.storage.id: r.storage for r in rows}.items()}
        # one look per storage; for a single certificate also its folder (a stick pulled and another
        # plugged in under the same name)
        gone = [r for r in rows if not present[r.storage.id]
                or (len(rows) == 1 and not Path(r.entry.path).is_dir())]
        if not gone:
            return False
        self._show_error(StorageGone(path=str(gone[0].entry.path)))
        self._on_drives_changed()
        self.rescan_ids(*{r.storage.id for r in gone if r.storage.present()})
        return True

    def view_details(self) -> None:
        row = self._one()
        if row is None:
            return
        from .details_dialog import DetailsDialog
        dlg = DetailsDialog(self, row.entry, row.storage, lang=self.ctx.language, now=self.ctx.clock(),
                            workers=self.workers)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    def login_with_certificate(self) -> None:
        row = self._one()
        if row is not None and not self._gone([row]):
            self._ask_login(row)

    def _ask_login(self, row: CertRow, error: str | None = None) -> None:
        """인증서 로그인 at the simulated bank (docs/bank-flows.md "Certificate login"): the password, then
        the bank's answer — accepted, or refused with its reason. A wrong password asks again."""
        pw = PasswordDialog.get_password(self, self.tr("인증서로 로그인"),
                                         self.tr("{0}님의 인증서로 모의 은행에 로그인합니다. 인증서 암호를 입력하세요.").format(
                                             shown(row.entry.info.display_name, 80)), error)
        if pw is None:
            return
        self.notify(self.tr("은행에 로그인하는 중…"))

        def work():
            from core.flows.login import login_with_certificate
            try:
                return login_with_certificate(self.ctx.authority(), row.entry, pw)
            finally:
                if isinstance(pw, bytearray):
                    keyfile.wipe(pw)

        def failed(err: DojangError) -> None:
            self._op_failed(err)
            if isinstance(err, WrongPassword):
                QTimer.singleShot(0, lambda: self._ask_login(row, err.message(self.ctx.language)))

        self.workers.submit(work, name="login", on_error=failed,
                            on_done=lambda res: self._op_done(
                                lambda: self.tr("로그인했습니다: {0} 님 (모의 은행)").format(shown(res.customer_name, 40)), "ok"))

    def check_password(self) -> None:
        row = self._one()
        if row is not None:
            self._ask_check_password(row)

    def _ask_check_password(self, row: CertRow, error: str | None = None) -> None:
        """Ask, check off the GUI thread; a wrong password asks again with the reason (Cancel ends)."""
        pw = PasswordDialog.get_password(self, self.tr("암호 확인"),
                                         self.tr("{0}님의 인증서 암호를 입력하세요.").format(shown(row.entry.info.display_name, 80)),
                                         error)
        if pw is None:
            return
        self.notify(self.tr("암호를 확인하는 중…"))

        def failed(err: DojangError) -> None:
            self._op_failed(err)
            if isinstance(err, WrongPassword):
                QTimer.singleShot(0, lambda: self._ask_check_password(row, err.message(self.ctx.language)))

        self.workers.submit(_check_password, row.entry, pw, name="check-password",
                            on_done=lambda _ok: self._op_done(lambda: self.tr("암호가 맞습니다."), "ok"),
                            on_error=failed)

    def change_password(self) -> None:
        row = self._one()
        if row is None:
            return
        answer = ChangePasswordDialog.get_passwords(self, shown(row.entry.info.display_name, 80))
        if answer is None:
            return
        old, new = answer

        def work():
            try:
                return ops.change_password(row.entry, old, new, row.storage)
            finally:
                for b in (old, new):
                    if isinstance(b, bytearray):
                        keyfile.wipe(b)

        self.notify(self.tr("암호를 바꾸는 중…"))
        self.workers.submit(work, name="change-password",
                            on_done=lambda _r: (self._op_done(lambda: self.tr("인증서 암호를 바꿨습니다."), "ok"),
                                                self.rescan_ids(row.storage.id)),
                            on_error=self._op_failed)

    def export_pfx(self) -> None:
        row = self._one()
        if row is None:
            return
        flavour = ExportPfxDialog.ask(self)
        if flavour is None:
            return
        # the suggested file name comes from the certificate: visible text, no folder separators
        safe = shown(row.entry.info.display_name, 60).replace("/", "_").replace("\\", "_").lstrip(".") or "certificate"
        default = str(Path.home() / f"{safe}.pfx")
        path = FileDialog.get_save_file_name(self, self.tr("PFX 파일 저장"), default,
                                             self.tr("PFX 파일 (*.pfx *.p12)"))
        if not path:
            return
        overwrite = False
        if Path(path).exists():
            if MessageBox.question(self, self.tr("파일 바꾸기"),
                                   self.tr("같은 이름의 파일이 이미 있습니다. 바꿀까요?")) != Btn.Yes:
                return
            overwrite = True
        pw = PasswordDialog.get_password(self, self.tr("PFX 내보내기"),
                                         self.tr("인증서 암호를 입력하세요. PFX 파일도 이 암호로 보호됩니다."))
        if pw is None:
            return

        def work():
            try:
                return ops.export_pfx(row.entry, pw, Path(path), flavour=flavour, overwrite=overwrite)
            finally:
                keyfile.wipe(pw) if isinstance(pw, bytearray) else None

        self.notify(self.tr("내보내는 중…"))
        self.workers.submit(work, name="export-pfx",
                            on_done=lambda _r: self._op_done(
                                lambda: self.tr("PFX 파일로 내보냈습니다: {0}").format(path), "ok"),
                            on_error=self._op_failed)

    # --- storages as destinations -----------------------------------------------------------------
    def writable_storages(self, exclude: set[str] = frozenset()) -> list:
        return [s for s in self.storage_model.storages()
                if not s.read_only and s.present() and s.id not in exclude]

    def _pick_storage(self, title: str, exclude: set[str] = frozenset(), prompt: str | None = None):
        candidates = self.writable_storages(exclude)
        if not candidates:
            self.notify(self.tr("쓸 수 있는 저장매체가 없습니다. USB 저장매체를 연결하거나 폴더를 추가하세요."), "warn")
            return None
        sid = StoragePickerDialog.pick(self, title, candidates, self.ctx.language, prompt)
        return None if sid is None else self.storage_model.storage(sid)

    def _resolver(self, task_ref: list):
        lang = self.ctx.language

        def resolve(info):
            task = task_ref[0] if task_ref else None
            return ask_gui(lambda: ConflictDialog.ask(self, info, lang), task.cancel_event if task else None)
        return resolve

    # --- copy / move / delete (bulk with progress) ----------------------------------------------
    def copy_or_move(self, move: bool) -> None:
        rows = [r for r in self.selected_rows() if r.good]
        if not rows:
            self.notify(self.tr("복사하거나 이동할 인증서를 고르세요."), "warn")
            return
        if self._gone(rows):
            return
        sources = {r.storage.id for r in rows}
        title = self.tr("이동할 위치") if move else self.tr("복사할 위치")
        names = _name_list(rows)
        prompt = (self.tr("옮길 인증서 %n개: {0}", "", len(rows)) if move
                  else self.tr("복사할 인증서 %n개: {0}", "", len(rows))).format(names)
        dest = self._pick_storage(title, sources if len(sources) == 1 else set(), prompt)
        if dest is None:
            return
        self.transfer(rows, dest, move)

    def on_drop(self, keys: list[str], storage_id: str, move: bool) -> None:
        move = move or bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        dest = self.storage_model.storage(storage_id)
        rows = [r for r in (self.cert_model.row_by_key(k) for k in keys) if r is not None and r.good]
        rows = [r for r in rows if r.storage.id != storage_id]
        if dest is None or not rows:
            return
        self.transfer(rows, dest, move)

    def transfer(self, rows: list[CertRow], dest, move: bool) -> None:
        if not dest.present():          # the destination was pulled: said before anything is asked
            self._show_error(StorageGone(path=str(dest.root)))
            self._on_drives_changed()
            return
        if move and any(r.storage.read_only for r in rows):
            self.notify(self.tr("읽기 전용 저장매체의 인증서는 옮길 수 없습니다. 복사하세요."), "warn")
            return
        if not move and not self._copy_warned:
            answer = MessageBox.information(
                self, self.tr("인증서 복사"),
                self.tr("인증서를 여러 저장매체에 복사해 두는 것은 권장하지 않습니다. 사본이 많을수록 잃어버리거나 "
                        "도난당할 위험이 커집니다. 꼭 필요할 때만 복사하고 쓰지 않는 사본은 삭제하세요.\n\n"
                        "복사할까요?"),
                Btn.Ok | Btn.Cancel, Btn.Ok, button_texts={Btn.Ok: self.tr("복사")})
            if answer != Btn.Ok:
                return
            self._copy_warned = True
        task_ref: list = []
        resolve = self._resolver(task_ref)
        if move:
            action = (lambda r: ops.move_cert(r.entry, r.storage, dest, on_conflict=resolve))
        else:
            action = (lambda r: ops.copy_cert(r.entry, dest, source=r.storage, on_conflict=resolve))
        verb = "move" if move else "copy"
        self._keep_selection = []
        affected = {dest.id} | ({r.storage.id for r in rows} if move else set())
        self.run_bulk(rows, action, verb, affected, task_ref,
                      self.tr("인증서 이동") if move else self.tr("인증서 복사"), dest=dest)

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self.notify(self.tr("삭제할 인증서를 고르세요."), "warn")
            return
        if any(r.storage.read_only for r in rows):
            self.notify(self.tr("읽기 전용 저장매체의 인증서는 삭제할 수 없습니다."), "warn")
            return
        if self._gone(rows):
            return
        keys = {r.key for r in rows}
        # one pass over the list (copies_of per selected row was 200 × 2,000 looks on the GUI thread)
        elsewhere = {c.fingerprint for c in self.cert_model.rows if c.good and c.key not in keys}
        last = [r for r in rows if r.good and r.fingerprint not in elsewhere]
        if last:
            answer = MessageBox.warning(
                self, self.tr("마지막 사본 삭제"),
                self.tr("삭제하려는 인증서 중 %n개는 다른 저장매체에 사본이 없는 마지막 인증서입니다 ({0}).\n\n"
                        "삭제하면 되살릴 수 없고, 이 인증서를 쓰려면 은행에서 다시 발급받아야 합니다. "
                        "정말 삭제할까요?", "", len(last)).format(_name_list(last)),
                Btn.Yes | Btn.No, Btn.No, object_name="deleteLastCopyBox")
        else:
            answer = MessageBox.question(
                self, self.tr("인증서 삭제"),
                self.tr("인증서 %n개를 삭제합니다 ({0}).\n삭제한 인증서는 되살릴 수 없습니다. 삭제할까요?", "",
                        len(rows)).format(_name_list(rows)),
                Btn.Yes | Btn.No, Btn.No, object_name="deleteBox")
        if answer != Btn.Yes:
            return
        self._keep_selection = []
        self.run_bulk(rows, lambda r: ops.delete_cert(r.entry, r.storage), "delete",
                      {r.storage.id for r in rows}, [], self.tr("인증서 삭제"))

    def run_bulk(self, rows: list[CertRow], action, verb: str, affected: set[str], task_ref: list,
                 title: str, dest=None) -> None:
        """Run `action` on every row on a worker; a progress dialog for more than one row.
        dest: the storage copied/moved to, named in the summary."""
        total = len(rows)
        dialog = ProgressDialog(self, title, total) if total > 1 else None

        def work(task):
            return ops.run_bulk(rows, action, cancel=task.cancel_event,
                                progress=lambda i, n, item, _res: task.report(i, n, item))

        def progressed(done, n, item: CertRow):
            if dialog is not None:
                name = shown(item.entry.info.display_name if item.good else item.entry.name, 80)
                dialog.set_progress(done, n, self.tr("지금 처리 중: {0}").format(name))

        def render(result) -> tuple[str, str]:
            headline, details = self.summarize(verb, result, total)
            if dest is not None and result.done:
                headline = headline[:-1] + self.tr(" (받는 곳: {0}).").format(shown(dest.label(self.ctx.language), 80))
            return headline, details

        def finished(result):
            headline, details = render(result)
            if dialog is not None:
                dialog.show_summary(headline, details)
            failed = bool(result.failed)

            def line() -> str:        # rendered again in the other language on a switch
                h, d = render(result)
                return h + (("\n" + d) if d and dialog is None else "")
            self.notify(line,
                        "error" if failed and not result.done else ("warn" if failed or result.cancelled else "ok"))
            self.rescan_ids(*affected)
            self.operationFinished.emit(headline)

        def failed(err):
            if dialog is not None:
                dialog.show_summary(err.message(self.ctx.language))
            self._op_failed(err)
            self.rescan_ids(*affected)

        # with a dialog: the work starts once the dialog is up and the window under it repainted
        task = self.workers.submit(work, name=f"bulk-{verb}", on_done=finished, on_error=failed,
                                   on_progress=progressed, start=dialog is None)
        task_ref.append(task)
        self.current_task = task
        if dialog is not None:
            self.progress_dialog = dialog
            dialog.cancelRequested.connect(task.cancel)
            dialog.finished.connect(dialog.deleteLater)
            # opened on the next event-loop turn: the window's own repaint (the new selection, the
            # questions just closed) and the dialog's (its show, the window losing the focus) are two
            # short stalls of the GUI thread instead of one twice as long
            QTimer.singleShot(0, dialog, dialog.open)
            dialog.when_up(lambda: self.workers.start(task))
        else:
            self.notify({"copy": self.tr("복사하는 중…"), "move": self.tr("옮기는 중…"),
                         "delete": self.tr("삭제하는 중…")}.get(verb, self.tr("처리하는 중…")))

    def summarize(self, verb: str, result, total: int) -> tuple[str, str]:
        """The exact summary: "3개 복사됨, 1개 이미 있어 건너뜀, 1개 실패" plus one line per failure."""
        counts: dict[str, int] = {}
        for _item, res in result.done:
            counts[res.status] = counts.get(res.status, 0) + 1
        labels = {
            "copied": self.tr("{0}개 복사됨"), "moved": self.tr("{0}개 이동됨"), "deleted": self.tr("{0}개 삭제됨"),
            "replaced": self.tr("{0}개 바꿈"), "kept_both": self.tr("{0}개 다른 이름으로 보관"),
            "already_there": self.tr("{0}개 이미 있어 건너뜀"),
        }
        parts = [labels.get(k, "{0} " + k).format(v) for k, v in counts.items()]
        cancelled_items = [i for i, e in result.failed if isinstance(e, Cancelled)]
        real_failures = [(i, e) for i, e in result.failed if not isinstance(e, Cancelled)]
        if cancelled_items:
            parts.append(self.tr("{0}개 취소함").format(len(cancelled_items)))
        if real_failures:
            parts.append(self.tr("{0}개 실패").format(len(real_failures)))
        untouched = total - len(result.done) - len(result.failed)
        if result.cancelled and untouched:
            parts.append(self.tr("{0}개는 취소해서 처리하지 않음").format(untouched))
        headline = ", ".join(parts) if parts else self.tr("처리한 인증서가 없습니다")
        details = "\n".join(
            f"• {shown(i.entry.info.display_name if i.good else i.entry.name, 80)}: {shown(e.message(self.ctx.language))}"
            for i, e in real_failures)
        return headline + ".", details

    def _op_done(self, text, kind: str = "ok") -> None:
        self.notify(text, kind)
        self.operationFinished.emit(self.last_notice)

    def _op_failed(self, err: DojangError) -> None:
        self._show_error(err)
        self.operationFinished.emit(err.message(self.ctx.language))

    # --- import / folders ------------------------------------------------------------------------
    def import_pfx(self) -> None:
        path = FileDialog.get_open_file_name(self, self.tr("PFX 파일 가져오기"), str(Path.home()),
                                             self.tr("PFX 파일 (*.pfx *.p12);;모든 파일 (*)"))
        if path:
            self.import_pfx_file(path)

    def _first_scan_done(self) -> None:
        self.scanned_once = True

    def import_pfx_file(self, path: str) -> None:
        """Import a PFX the user already chose (double-click / Open With / the macOS open event).
        At start-up it waits for the first scan: the destinations are the storages found."""
        if not self.scanned_once:
            def later() -> None:
                self.scanFinished.disconnect(later)
                self.import_pfx_file(path)
            self.scanFinished.connect(later)
            return
        self.raise_()
        self.activateWindow()
        dest = self._pick_storage(self.tr("가져올 위치"))
        if dest is None:
            return
        pw = PasswordDialog.get_password(self, self.tr("PFX 가져오기"),
                                         self.tr("PFX 파일의 암호를 입력하세요. 가져온 인증서도 같은 암호를 씁니다."))
        if pw is None:
            return
        task_ref: list = []
        resolve = self._resolver(task_ref)

        def work():
            try:
                return ops.import_pfx(Path(path), pw, dest, on_conflict=resolve)
            finally:
                keyfile.wipe(pw) if isinstance(pw, bytearray) else None

        self._run_import(work, dest, task_ref)

    def import_folder(self) -> None:
        path = FileDialog.get_existing_directory(self, self.tr("가져올 인증서 폴더 (signCert.der가 있는 폴더)"),
                                                 str(Path.home()))
        if not path:
            return
        dest = self._pick_storage(self.tr("가져올 위치"))
        if dest is None:
            return
        task_ref: list = []
        resolve = self._resolver(task_ref)
        self._run_import(lambda: ops.import_folder(Path(path), dest, on_conflict=resolve), dest, task_ref)

    def _run_import(self, work, dest, task_ref: list) -> None:
        def done(result):
            text = {"imported": self.tr("인증서를 가져왔습니다."), "already_there": self.tr("이미 있는 인증서입니다."),
                    "replaced": self.tr("인증서를 바꿨습니다."),
                    "kept_both": self.tr("인증서를 다른 이름으로 가져왔습니다.")}.get(result.status, result.status)
            text += " " + self.tr("위치: {0}").format(storage_title(dest, self.ctx.language))
            if "no_random_num" in result.notes:
                text += " " + self.tr("이 PFX에는 본인확인용 난수가 없어 본인확인은 할 수 없습니다.")
            if result.path is not None:
                self._keep_selection = [f"{dest.id}|{result.path}"]
            self._op_done(text, "ok")
            self.rescan_ids(dest.id)

        self.notify(self.tr("가져오는 중…"))
        task_ref.append(self.workers.submit(work, name="import", on_done=done, on_error=self._op_failed))

    def add_folder(self) -> None:
        path = FileDialog.get_existing_directory(self, self.tr("추가할 폴더 (NPKI 폴더나 백업 폴더)"), str(Path.home()))
        if not path:
            return

        def done(storage):
            self.notify(self.tr("폴더를 추가했습니다: {0}").format(path), "ok")
            self._apply_storages(registry.all_storages(), rescan_all=False)

        self.workers.submit(registry.add_folder, Path(path), name="add-folder", on_done=done, on_error=self._op_failed)

    def remove_folder(self) -> None:
        s = self.current_storage()
        if s is None or s.kind != FOLDER:
            return
        try:
            registry.remove_folder(s.id)
        except UnknownStorage:          # already off the list (storages.json changed meanwhile)
            pass
        self.notify(self.tr("목록에서 뺐습니다. 폴더와 인증서는 그대로 있습니다."), "ok")
        self._on_drives_changed()

    # --- context menus -----------------------------------------------------------------------------
    def _table_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.setObjectName("certContextMenu")
        for a in (self.act_view, self.act_check, self.act_change, None, self.act_copy, self.act_move,
                  self.act_delete, None, self.act_export, None, self.flow_actions["renew"],
                  self.flow_actions["reissue"], self.flow_actions["revoke"]):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _storage_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.setObjectName("storageContextMenu")
        menu.addAction(self.act_refresh)
        menu.addAction(self.act_add_folder)
        s = self.storage_model.storage_at(self.storage_list.indexAt(pos))
        if s is not None and s.kind == FOLDER:
            menu.addAction(self.act_remove_folder)
        if s is not None and s.kind == PHONE:
            menu.addAction(self.act_phone)
        menu.popup(self.storage_list.viewport().mapToGlobal(pos))

    # --- other windows (owned by other modules; imported lazily) ---------------------------------------
    def open_flow(self, kind: str):
        # the file certificate picked in the table, never one hidden behind the cloud's page
        rows = [] if self.cloud_shown() else [r for r in self.selected_rows() if r.good]
        cert = (rows[0].storage, rows[0].entry) if len(rows) == 1 else None
        try:
            wizard = importlib.import_module("gui.wizard")
            opener = getattr(wizard, "open_flow_wizard")
        except (ImportError, AttributeError):
            self.notify(self.tr("인증서 발급·갱신 마법사를 불러올 수 없습니다."), "warn")
            return None
        try:
            result = opener(self, self.ctx, kind, cert=cert)
        except DojangError as err:
            self._show_error(err)
            return None
        completed = getattr(result, "completed", None)
        if completed is not None and hasattr(completed, "connect"):
            completed.connect(lambda *_: self.refresh())   # the new certificate shows up at once
        else:
            self.refresh()
        return result

    def _open_other(self, module: str, func: str, *args) -> None:
        try:
            fn = getattr(importlib.import_module(module), func)
        except (ImportError, AttributeError):
            self.notify(self.tr("이 창을 열 수 없습니다."), "warn")
            return
        window = fn(self, self.ctx, *args)
        if window is not None:
            self._dialogs.append(window)

    def open_teller(self) -> None:
        self._open_other("gui.teller_panel", "show_teller_panel")

    def open_pc_transfer(self) -> None:
        self._open_other("gui.phone", "show_pc_transfer")

    def open_welcome(self) -> None:
        self._open_other("gui.welcome", "show_welcome")

    def open_demo_panel(self) -> None:
        self._open_other("gui.demo_panel", "show_demo_panel")

    def open_phone(self) -> None:
        s = self.current_storage()
        phones = [p for p in self.storage_model.storages() if p.kind == PHONE]
        chosen = s if s is not None and s.kind == PHONE else (phones[0] if phones else None)
        self._open_other("gui.phone", "show_phone_window", chosen.meta.get("number") if chosen else None)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog
        dlg = SettingsDialog(self, self.ctx)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    def show_about(self) -> None:
        from core import __version__
        MessageBox.information(self, self.tr("도장 정보"), self.tr(
            "도장 {0}\n공동인증서(옛 공인인증서)를 하드디스크, USB 저장매체, 휴대폰(모의)에서 관리합니다.\n"
            "내장된 모의 은행이 발급하는 인증서는 테스트용이며 실제 은행에서 쓸 수 없습니다.").format(__version__))

