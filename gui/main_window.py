"""The main window. For now: the certificates found on the hard disk (the manager is its own issue)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.locations import legacy_npki_roots, npki_root
from core.npki.certfolder import CertFolder
from core.npki.certificate import KST
from core.storage.scan import scan_root


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("도장 — 공동인증서 관리"))
        self.resize(900, 520)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.root_label = QLabel(central)
        self.root_label.setObjectName("rootLabel")
        layout.addWidget(self.root_label)
        self.cert_list = QTreeWidget(central)
        self.cert_list.setObjectName("certificateList")
        self.cert_list.setHeaderLabels([self.tr("구분"), self.tr("사용자"), self.tr("만료일"),
                                        self.tr("발급기관"), self.tr("상태")])
        self.cert_list.setRootIsDecorated(False)
        layout.addWidget(self.cert_list)
        self.setCentralWidget(central)

    def refresh(self) -> None:
        root = npki_root()
        self.root_label.setText(self.tr("하드디스크: {0}").format(root))
        self.cert_list.clear()
        now = dt.datetime.now(KST)
        for r in [root, *legacy_npki_roots()]:
            for entry in scan_root(r):
                if isinstance(entry, CertFolder):
                    info = entry.info
                    days = info.days_left(now)
                    status = self.tr("만료됨") if days < 0 else self.tr("정상 (D-{0})").format(days)
                    row = [info.usage.label(), info.display_name, info.not_after.strftime("%Y-%m-%d"),
                           info.issuer_o or entry.ca_folder, status]
                else:
                    row = ["—", entry.name, "—", entry.ca_folder, self.tr("손상됨: ") + entry.reason()]
                item = QTreeWidgetItem(row)
                item.setData(0, Qt.ItemDataRole.UserRole, str(entry.path))
                self.cert_list.addTopLevelItem(item)
