"""The placeholder main window lists what is on the hard disk."""
from PySide6.QtWidgets import QLabel, QTreeWidget

from gui.main_window import MainWindow
from tests import factory


def test_lists_good_and_broken_certificates(qtbot, npki_root):
    factory.make_cert(factory.user_dir(npki_root))
    broken = factory.make_cert(factory.user_dir(npki_root, "SignKorea"), org="SignKorea", usage="securities", key_index=1)
    (broken.path / "signPri.key").unlink()
    window = MainWindow()
    qtbot.addWidget(window)
    window.refresh()
    tree = window.findChild(QTreeWidget, "certificateList")
    rows = [[tree.topLevelItem(i).text(c) for c in range(5)] for i in range(tree.topLevelItemCount())]
    assert len(rows) == 2
    assert any(r[1] == "홍길동" and r[0] in ("은행·신용카드·보험용", "Banking / card / insurance") for r in rows)
    assert any("signPri.key" in r[4] for r in rows)
    assert str(npki_root) in window.findChild(QLabel, "rootLabel").text()
