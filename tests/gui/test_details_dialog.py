"""인증서 보기 (details dialog): a long certificate location wraps inside the dialog and stays the exact,
selectable path."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from core.npki.certfolder import read_cert_folder
from core.storage.base import hard_disk
from gui.details_dialog import DetailsDialog, PathView
from gui.workers import Workers
from tests import factory


def test_a_long_location_wraps_inside_the_dialog(qtbot, tmp_path):
    root = tmp_path / ("backupcopy" * 10) / "NPKI"            # 100 characters without a break opportunity
    made = factory.make_cert(factory.user_dir(root))
    entry = read_cert_folder(made.path, "yessign")
    workers = Workers()
    dlg = DetailsDialog(None, entry, hard_disk(root), lang="en", now=dt.datetime.now(dt.timezone.utc),
                        workers=workers)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    view = dlg.findChild(PathView, "detailsPath")
    assert view.path() == str(entry.path) and view.toolTip() == str(entry.path)   # exact, selectable path
    general = dlg.tabs.widget(0)
    assert isinstance(general, QWidget)
    # inside the tab, not past the dialog's edge: the path wraps over several lines instead
    qtbot.waitUntil(lambda: view.mapTo(general, view.rect().bottomRight()).x() <= general.width())
    assert dlg.width() <= 640 and dlg.minimumSizeHint().width() < 640
    line = view.fontMetrics().lineSpacing()
    assert view.height() >= 2 * line
    assert view.document().size().height() <= view.height()                  # every line shown, no scrolling


def test_extensions_are_named_in_words(qtbot, tmp_path):
    """자세히: '키 사용 (keyUsage)' with '디지털 서명, 부인 방지', not raw flag names (Korean UI, source strings)."""
    from PySide6.QtWidgets import QTreeWidget
    made = factory.make_cert(factory.user_dir(tmp_path / "NPKI"))
    entry = read_cert_folder(made.path, "yessign")
    dlg = DetailsDialog(None, entry, hard_disk(tmp_path / "NPKI"), lang="ko", now=dt.datetime.now(dt.timezone.utc),
                        workers=Workers())
    qtbot.addWidget(dlg)
    tree = dlg.findChild(QTreeWidget, "detailsFields")
    ext_root = tree.topLevelItem(tree.topLevelItemCount() - 1)
    rows = {ext_root.child(i).text(0): ext_root.child(i).text(1) for i in range(ext_root.childCount())}
    key_usage = next(v for k, v in rows.items() if k.startswith("키 사용 (keyUsage)"))
    assert "디지털 서명" in key_usage and "digital_signature" not in key_usage
    assert any(k.startswith("기관 키 식별자 (authorityKeyIdentifier)") for k in rows)


def test_vendor_trailing_bytes_are_a_note_not_damage(qtbot, tmp_path):
    """Files with bytes after the DER (as one vendor writes them): the dialog opens normally and says
    how many extra bytes each file has, as a note."""
    from PySide6.QtWidgets import QLabel
    root = tmp_path / "NPKI"
    made = factory.make_cert(factory.user_dir(root))
    with open(made.path / "signCert.der", "ab") as f:
        f.write(bytes(range(46)))
    with open(made.path / "signPri.key", "ab") as f:
        f.write(b"\x00" * 3)
    entry = read_cert_folder(made.path, "yessign")
    workers = Workers()
    dlg = DetailsDialog(None, entry, hard_disk(root), lang="en", now=dt.datetime.now(dt.timezone.utc),
                        workers=workers)
    qtbot.addWidget(dlg)
    note = dlg.findChild(QLabel, "detailsNote").text()
    assert "46" in note and "3" in note and "signCert.der" in note and "signPri.key" in note
    clean = factory.make_cert(factory.user_dir(tmp_path / "other" / "NPKI"))
    plain = DetailsDialog(None, read_cert_folder(clean.path, "yessign"), hard_disk(root), lang="en",
                          now=dt.datetime.now(dt.timezone.utc), workers=workers)
    qtbot.addWidget(plain)
    assert plain.findChild(QLabel, "detailsNote") is None
