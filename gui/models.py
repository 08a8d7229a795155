"""Qt models of the manager: the storages (left) and the certificates (right), plus the filter proxy.

Rows are plain data built from core objects; status and expiry are computed against the
injectable clock in KST (core `CertInfo.days_left`). Texts that depend on the language are
produced at `data()` time, so a language switch only needs a `layoutChanged`.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import (QAbstractListModel, QAbstractTableModel, QMimeData, QModelIndex, QObject,
                            QSortFilterProxyModel, Qt, QTimer, Signal)

from core.npki.certfolder import BrokenFolder, CertFolder
from core.npki.certificate import KST
from core.storage.base import FOLDER, HDD, PHONE, REMOVABLE, Storage

from .icons import icon
from .safetext import shown, tip

MIME_CERTS = "application/x-dojang-certificates"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
STORAGE_ROLE = Qt.ItemDataRole.UserRole + 3
CLOUD_ID = "cloud"           # STORAGE_ROLE of the 금융인증서 cloud row (not a file storage)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4
SOON_DAYS = 30
KIND_ICONS = {HDD: "hdd", REMOVABLE: "usb", PHONE: "phone", FOLDER: "folder"}


class Status(enum.IntEnum):
    EXPIRED = 0
    SOON = 1
    OK = 2
    BROKEN = 3


@dataclass
class CertRow:
    storage: Storage
    entry: CertFolder | BrokenFolder
    key: str = ""
    _cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.key = f"{self.storage.id}|{self.entry.path}"

    @property
    def good(self) -> bool:
        return isinstance(self.entry, CertFolder)

    @property
    def fingerprint(self) -> str | None:
        return self.entry.info.sha256_fingerprint if self.good else None

    def status(self, today: dt.date) -> tuple[Status, int | None]:
        if not self.good:
            return Status.BROKEN, None
        days = (self.entry.info.not_after.date() - today).days
        if days < 0:
            return Status.EXPIRED, days
        if days <= SOON_DAYS:
            return Status.SOON, days
        return Status.OK, days


def human_size(n: int | None, lang: str) -> str:
    if n is None:
        return "?"
    size = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if size < 1024 or unit == "TB":
            return f"{size:.0f} {unit}" if unit in ("B", "KB") else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def storage_title(s: Storage, lang: str) -> str:
    """A short label: the kind plus a name (the last part of a folder path)."""
    if s.kind == FOLDER:
        from pathlib import Path
        base = Path(s.name).name or s.name
        kind = "폴더" if lang == "ko" else "Folder"
        return f"{kind} — {shown(base, 80)}"
    return shown(s.label(lang), 120)     # a drive's label comes from the medium


# --- storages -----------------------------------------------------------------------------------

@dataclass
class StorageRow:
    storage: Storage
    count: int = 0
    scanning: bool = True
    free: int | None = None
    error: str = ""


class StorageListModel(QAbstractListModel):
    """Row 0 is "all storages"; then one row per storage; the last row is the 금융인증서 cloud, which
    holds no files (docs/bank-flows.md "금융인증서"). Certificates can be dropped on a storage row."""
    dropRequested = Signal(list, str, bool)   # certificate keys, storage id, move?

    def __init__(self, lang: str = "ko", parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self.rows: list[StorageRow] = []
        self.cloud_count: int | None = None      # the 금융인증서 this PC sees; None: not looked yet

    # content
    def set_storages(self, storages: list[Storage]) -> tuple[list[Storage], list[str]]:
        """Keep rows of storages still present, add new ones; returns (added, removed ids)."""
        new_ids = [s.id for s in storages]
        removed = [r.storage.id for r in self.rows if r.storage.id not in new_ids]
        for sid in removed:
            i = self.row_of(sid)
            self.beginRemoveRows(QModelIndex(), i + 1, i + 1)
            del self.rows[i]
            self.endRemoveRows()
        known = {r.storage.id for r in self.rows}
        added = [s for s in storages if s.id not in known]
        for s in storages:
            if s.id in known:
                self.rows[self.row_of(s.id)].storage = s
        if added:
            start = len(self.rows) + 1
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self.rows += [StorageRow(s) for s in added]
            self.endInsertRows()
        # keep the order core gives (hard disk, drives, phones, folders)
        order = {sid: i for i, sid in enumerate(new_ids)}
        if [r.storage.id for r in self.rows] != sorted((r.storage.id for r in self.rows), key=order.get):
            self.layoutAboutToBeChanged.emit()
            self.rows.sort(key=lambda r: order[r.storage.id])
            self.layoutChanged.emit()
        return added, removed

    def row_of(self, storage_id: str) -> int:
        return next(i for i, r in enumerate(self.rows) if r.storage.id == storage_id)

    def storage(self, storage_id: str) -> Storage | None:
        return next((r.storage for r in self.rows if r.storage.id == storage_id), None)

    def storages(self) -> list[Storage]:
        return [r.storage for r in self.rows]

    def set_state(self, storage_id: str, **kw) -> None:
        try:
            i = self.row_of(storage_id)
        except StopIteration:
            return
        for k, v in kw.items():
            setattr(self.rows[i], k, v)
        idx = self.index(i + 1)
        self.dataChanged.emit(idx, idx)
        top = self.index(0)
        self.dataChanged.emit(top, top)

    def storage_at(self, index: QModelIndex) -> Storage | None:
        if not index.isValid() or index.row() == 0 or index.row() > len(self.rows):
            return None
        return self.rows[index.row() - 1].storage

    def cloud_index(self) -> QModelIndex:
        return self.index(len(self.rows) + 1)

    def is_cloud(self, index: QModelIndex) -> bool:
        return index.isValid() and index.row() == len(self.rows) + 1

    def set_cloud_count(self, n: int | None) -> None:
        self.cloud_count = n
        idx = self.cloud_index()
        self.dataChanged.emit(idx, idx)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        if self.rows or True:
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    # Qt API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows) + 2

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.row() == 0:
            total = sum(r.count for r in self.rows)
            scanning = any(r.scanning for r in self.rows)
            if role == Qt.ItemDataRole.DisplayRole:
                line2 = self.tr("인증서 %n개", "", total) + (self.tr(" · 찾는 중…") if scanning else "")
                return self.tr("모든 저장매체") + "\n" + line2
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("certificate")
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("모든 저장매체, 인증서 %n개", "", total)
            if role == STORAGE_ROLE:
                return ""
            return None
        if self.is_cloud(index):
            return self._cloud_data(role)
        r = self.rows[index.row() - 1]
        s = r.storage
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [self.tr("찾는 중…") if r.scanning else self.tr("인증서 %n개", "", r.count)]
            if s.kind == REMOVABLE and r.free is not None:
                parts.append(self.tr("여유 {0}").format(human_size(r.free, self.lang)))
            if s.read_only:
                parts.append(self.tr("읽기 전용"))
            if r.error:
                parts.append(r.error)
            return storage_title(s, self.lang) + "\n" + " · ".join(parts)
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(KIND_ICONS.get(s.kind, "folder"))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = s.label(self.lang) + "\n" + str(s.root)
            if r.free is not None:
                tip += "\n" + self.tr("여유 공간: {0}").format(human_size(r.free, self.lang))
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return storage_title(s, self.lang) + ", " + self.tr("인증서 %n개", "", r.count)
        if role == STORAGE_ROLE:
            return s.id
        return None

    def _cloud_data(self, role):
        title = self.tr("금융인증서 — 클라우드")
        n = self.cloud_count
        line2 = self.tr("확인 중…") if n is None else self.tr("인증서 %n개", "", n)
        if role == Qt.ItemDataRole.DisplayRole:
            return title + "\n" + line2
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("cloud")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("금융결제원 클라우드(모의)에 보관된 금융인증서. 파일이 없어 복사·이동·내보내기를 할 수 "
                           "없습니다.")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return title + ", " + line2
        if role == STORAGE_ROLE:
            return CLOUD_ID
        return None

    def flags(self, index: QModelIndex):
        f = super().flags(index)
        s = self.storage_at(index)
        if s is not None and not s.read_only:
            f |= Qt.ItemFlag.ItemIsDropEnabled
        return f

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [MIME_CERTS]

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802
        return data.hasFormat(MIME_CERTS) and self._drop_target(row, parent) is not None

    def _drop_target(self, row: int, parent: QModelIndex) -> Storage | None:
        index = parent if row < 0 else self.index(row)
        s = self.storage_at(index)
        return s if s is not None and not s.read_only else None

    def dropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:  # noqa: N802
        target = self._drop_target(row, parent)
        if target is None or not data.hasFormat(MIME_CERTS):
            return False
        keys = [k for k in bytes(data.data(MIME_CERTS)).decode("utf-8").split("\n") if k]
        if not keys:
            return False
        # Handled after the drag has finished (the main window asks questions, runs workers).
        self.dropRequested.emit(keys, target.id, action == Qt.DropAction.MoveAction)
        return True


# --- certificates -----------------------------------------------------------------------------------

class CertTableModel(QAbstractTableModel):
    USAGE, USER, EXPIRY, ISSUER, STATUS, STORAGE = range(6)
    # Copy marks changed on these source rows (set_copy_info). Not a dataChanged: a sorting proxy
    # re-checks the order of every row it is told about (four sort-key reads per row in Qt 6, each a
    # Python call and, while a copy runs on a worker, a wait for the GIL) although no sort key and no
    # filter but the search text reads the marks. CertFilterProxy turns it into a repaint.
    marksChanged = Signal(list)

    def __init__(self, clock: Callable[[], dt.datetime], lang: str = "ko", parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self.lang = lang
        self.rows: list[CertRow] = []
        self.today = self._today()
        # row key -> (copies of the same serial across storages, outdated: a newer one exists or the
        # bank revoked/superseded it) — core.storage.copies, computed off the GUI thread
        self.copy_info: dict[str, tuple[int, bool]] = {}
        self.copy_where: dict[str, list[str]] = {}
        self.bank_said: dict[str, str] = {}        # row key -> the issuing bank's word when not usable
        self._generation: dict[str, int] = {}      # per storage: the latest set_storage_entries call

    def _today(self) -> dt.date:
        return self.clock().astimezone(KST).date()

    def tick(self) -> bool:
        """Recompute statuses when the KST date changed (the D-n countdown). True when it did."""
        today = self._today()
        if today == self.today:
            return False
        self.today = today
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.STORAGE))
        return True

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.STORAGE)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.STORAGE))

    # content
    CHUNK = 64      # rows inserted per event-loop turn: each turn stays well under a 16 ms frame

    def set_storage_entries(self, storage: Storage, entries: list, done: Callable[[], None] | None = None) -> None:
        """Replace the rows of one storage (kept together, so the block is removed and re-inserted).
        With `done`, the new rows go in CHUNK at a time, one event-loop turn each (a view and a sorting
        proxy handle a few dozen rows fast; 2,000 at once froze the window for a frame or more), and
        `done()` is called after the last chunk; a newer call for the same storage cancels the rest."""
        gen = self._generation.get(storage.id, 0) + 1
        self._generation[storage.id] = gen
        self._remove_block(storage.id)
        new = [CertRow(storage, e) for e in entries]
        if done is None:
            self._insert_block(storage.id, new)
            return

        def step(start: int = 0) -> None:
            if self._generation.get(storage.id) != gen:
                return                  # replaced or removed meanwhile
            self._insert_block(storage.id, new[start:start + self.CHUNK])
            if start + self.CHUNK < len(new):
                QTimer.singleShot(0, self, lambda: step(start + self.CHUNK))   # dropped if the model goes
            else:
                done()
        step()

    def _remove_block(self, storage_id: str) -> None:
        idx = [i for i, r in enumerate(self.rows) if r.storage.id == storage_id]
        if idx:
            self.beginRemoveRows(QModelIndex(), idx[0], idx[-1])
            del self.rows[idx[0]:idx[-1] + 1]
            self.endRemoveRows()

    def _insert_block(self, storage_id: str, new: list) -> None:
        if not new:
            return
        idx = [i for i, r in enumerate(self.rows) if r.storage.id == storage_id]
        at = idx[-1] + 1 if idx else len(self.rows)
        self.beginInsertRows(QModelIndex(), at, at + len(new) - 1)
        self.rows[at:at] = new
        self.endInsertRows()

    def remove_storage(self, storage_id: str) -> None:
        self._generation[storage_id] = self._generation.get(storage_id, 0) + 1
        self._remove_block(storage_id)

    def mark_broken(self, found: dict) -> list[CertRow]:
        """The lazy key check's answer (core.storage.scan.verify_keys, run after the rows are shown):
        `found` maps a row key to (the entry that was checked, the BrokenFolder saying why). A row
        still showing that entry turns broken; one rescanned meanwhile is left to its newer check."""
        changed = []
        for i, r in enumerate(self.rows):
            hit = found.get(r.key)
            if hit is not None and r.entry is hit[0]:
                r.entry = hit[1]
                r._cache.clear()
                changed.append(i)
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
        return [self.rows[i] for i in changed]

    def row_by_key(self, key: str) -> CertRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def copies_of(self, fingerprint: str) -> list[CertRow]:
        return [r for r in self.rows if r.fingerprint == fingerprint]

    def set_copy_info(self, info: dict[str, tuple[int, bool]], where: dict[str, list[str]],
                      bank: dict[str, str] | None = None) -> None:
        """Copies and outdated marks (gui.main_window after core.storage.copies.group_copies);
        `bank`: row key -> what the issuing bank says when the certificate cannot be used."""
        bank = bank or {}
        if info == self.copy_info and where == self.copy_where and bank == self.bank_said:
            return
        changed = [i for i, r in enumerate(self.rows)
                   if info.get(r.key) != self.copy_info.get(r.key) or where.get(r.key) != self.copy_where.get(r.key)
                   or bank.get(r.key) != self.bank_said.get(r.key)]
        self.copy_info, self.copy_where, self.bank_said = info, where, bank
        for i in changed:
            self.rows[i]._cache.pop("texts", None)       # only these rows' texts are out of date
        if changed:
            self.marksChanged.emit(changed)

    def _bank_text(self, said: str | None) -> str | None:
        """What the issuing bank says, when the certificate cannot be used (superseded: "이전 인증서")."""
        return {"revoked": self.tr("폐지됨"), "cancelled": self.tr("발급 취소됨"),
                "pending": self.tr("발급 미완료")}.get(said or "")

    def is_outdated(self, row: CertRow) -> bool:
        return self.copy_info.get(row.key, (1, False))[1]

    def status_text(self, row: CertRow) -> str:
        copies, outdated = self.copy_info.get(row.key, (1, False))
        text = self._bank_text(self.bank_said.get(row.key)) or \
            (self.tr("이전 인증서") if outdated else self._expiry_text(row))
        if copies > 1:
            text += " · " + self.tr("사본 {0}개").format(copies)
        return text

    def _expiry_text(self, row: CertRow) -> str:
        st, days = row.status(self.today)
        if st is Status.BROKEN:
            return self.tr("손상됨")
        if st is Status.EXPIRED:
            return self.tr("만료됨")
        if st is Status.SOON:
            return self.tr("만료 D-{0}").format(days)
        return self.tr("정상")

    # Qt API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("구분"), self.tr("사용자"), self.tr("만료일 (KST)"), self.tr("발급기관"), self.tr("상태"),
                self.tr("저장매체")][section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # Called thousands of times per paint: one dict lookup on the role, texts cached per row.
        kind = _ROLE_KIND.get(role)
        if kind is None or not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if kind == 0:
            return self.texts(row)[col]
        if kind == 1:
            return row
        if kind == 2:
            return self._sort_key(row, col)
        if kind == 3:
            return int(row.status(self.today)[0])
        if kind == 4:
            if col == self.STATUS:
                if self.copy_info.get(row.key, (1, False))[1]:
                    return icon("status-expired")
                return icon(_STATUS_ICONS[row.status(self.today)[0]])
            if col == self.USAGE:
                return icon("certificate")
            if col == self.STORAGE:
                return icon(KIND_ICONS.get(row.storage.kind, "folder"))
            return None
        return self._tooltip(row, col)

    def texts(self, row: CertRow) -> tuple:
        """The six column texts of a row, cached until the language or the KST date changes."""
        key = (self.lang, self.today)
        cached = row._cache.get("texts")
        if cached is None or cached[0] != key:
            cached = (key, tuple(self._text(row, c) for c in range(6)))
            row._cache["texts"] = cached
        return cached[1]

    def _text(self, row: CertRow, col: int) -> str:
        e = row.entry
        if col == self.STATUS:
            return self.status_text(row)
        if col == self.STORAGE:
            return storage_title(row.storage, self.lang)
        if not row.good:
            return {self.USAGE: "—", self.USER: shown(e.name, 200), self.EXPIRY: "—",
                    self.ISSUER: shown(e.ca_folder, 80) or "—"}[col]
        info = e.info
        if col == self.USAGE:
            label = info.usage.label(self.lang)
            return label + (self.tr(" (테스트)") if info.usage.is_test else "")
        if col == self.USER:
            return shown(info.display_name, 200)
        if col == self.EXPIRY:
            return info.not_after.strftime("%Y-%m-%d")
        return shown(info.issuer_o or e.ca_folder, 80)

    def _sort_key(self, row: CertRow, col: int):
        if col == self.EXPIRY:
            return row.entry.info.not_after.isoformat() if row.good else "9999"
        if col == self.STATUS:
            st, days = row.status(self.today)
            return f"{int(st)}{(days or 0) + 100000:07d}"
        return self.texts(row)[col].lower()

    def _tooltip(self, row: CertRow, col: int) -> str:
        if not row.good:
            return tip(self.tr("손상된 인증서: {0}").format(row.entry.reason(self.lang))) + "\n" + tip(row.entry.path)
        info = row.entry.info
        if col == self.EXPIRY:
            return info.not_after.strftime("%Y-%m-%d %H:%M:%S KST")
        if col == self.STATUS:
            copies, outdated = self.copy_info.get(row.key, (1, False))
            lines = []
            if outdated:
                lines.append(self.tr("이 인증서는 갱신·재발급되어 더 이상 쓸 수 없습니다. '모두 새 인증서로 바꾸기'로 "
                                     "새 인증서로 바꾸세요."))
            if copies > 1:
                lines.append(self.tr("같은 인증서가 {0}곳에 있습니다: {1}").format(
                    copies, ", ".join(self.copy_where.get(row.key, []))))
            if lines:
                return "\n".join(lines)
            st, days = row.status(self.today)
            if st is Status.EXPIRED:
                return self.tr("{0}에 만료되었습니다. 은행에서 재발급받으세요.").format(info.not_after.strftime("%Y-%m-%d"))
            if st is Status.SOON:
                return self.tr("{0}일 남았습니다. 만료 전에 갱신하세요.").format(days)
            return self.tr("{0}일 남았습니다.").format(days)
        return tip(row.entry.path)

    def flags(self, index: QModelIndex):
        # Asked for every painted cell: a constant, not the base class's call plus an enum OR each time
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self):  # noqa: N802
        return [MIME_CERTS]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        keys = []
        for i in indexes:
            k = self.rows[i.row()].key
            if k not in keys:
                keys.append(k)
        data = QMimeData()
        data.setData(MIME_CERTS, "\n".join(keys).encode("utf-8"))
        return data

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


# what QAbstractTableModel.flags gives a valid cell, plus dragging (rows are dragged onto a storage)
_ROW_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
              | Qt.ItemFlag.ItemIsDragEnabled)

# role -> what data() returns: 0 text, 1 the row, 2 sort key, 3 status, 4 icon, 5 tooltip
_ROLE_KIND = {Qt.ItemDataRole.DisplayRole: 0, Qt.ItemDataRole.AccessibleTextRole: 0, ROW_ROLE: 1, SORT_ROLE: 2,
              STATUS_ROLE: 3, Qt.ItemDataRole.DecorationRole: 4, Qt.ItemDataRole.ToolTipRole: 5}
_ROLE_KIND.update({int(k.value) if hasattr(k, "value") else int(k): v for k, v in list(_ROLE_KIND.items())})

_STATUS_ICONS = {Status.OK: "status-ok", Status.SOON: "status-soon", Status.EXPIRED: "status-expired",
                 Status.BROKEN: "status-broken"}


class CertFilterProxy(QSortFilterProxyModel):
    """Storage filter (None = all), search text, and the "show expired" toggle."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.storage_id: str | None = None
        self.text = ""
        self.show_expired = True
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def setSourceModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setSourceModel(model)
        if isinstance(model, CertTableModel):
            model.marksChanged.connect(self._marks_changed)

    def _marks_changed(self, source_rows: list) -> None:
        if self.text:           # the search matches the status text too ("사본", "이전 인증서")
            self._refilter()
        elif self.rowCount():   # the view repaints the status cells it shows; order and filter stay
            col = CertTableModel.STATUS
            self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))

    def _refilter(self, **values) -> None:
        # begin/endFilterChange replace the deprecated invalidateFilter() (Qt 6.10+)
        self.beginFilterChange()
        for k, v in values.items():
            setattr(self, k, v)
        self.endFilterChange()

    def set_storage(self, storage_id: str | None) -> None:
        self._refilter(storage_id=storage_id or None)

    def set_text(self, text: str) -> None:
        self._refilter(text=text.strip().lower())

    def set_show_expired(self, on: bool) -> None:
        self._refilter(show_expired=on)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        model: CertTableModel = self.sourceModel()
        row = model.rows[source_row]
        if self.storage_id and row.storage.id != self.storage_id:
            return False
        if not self.show_expired and row.status(model.today)[0] is Status.EXPIRED:
            return False
        if self.text:
            hay = " ".join(model.texts(row)).lower()
            if self.text not in hay:
                return False
        return True
