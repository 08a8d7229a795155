"""Main window, the harder paths: drag-and-drop (copy / Shift = move), a name conflict answered on
the GUI thread while the worker waits, Cancel in the middle of a bulk copy with its exact summary,
a drive pulled before the copy, and the expiry line. Results are checked on disk."""
from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.npki.certificate import KST
from core.storage import operations as ops
from core.storage.base import PHONE, REMOVABLE
from core.storage.operations import ConflictChoice
from gui.dialogs import Btn, ConflictDialog, MessageBox, StoragePickerDialog
from gui.main_window import MainWindow
from gui.models import MIME_CERTS
from tests import factory


@pytest.fixture(autouse=True)
def _state(dialog_answers, no_real_drives):
    yield           # translators are restored by tests/gui/conftest.py


def _open(qtbot, ctx) -> MainWindow:
    w = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scanFinished, timeout=20_000):
        w.start()
    return w


def _storage(w, kind):
    return next(s for s in w.storage_model.storages() if s.kind == kind)


def _certs(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.rglob("signCert.der"))


def _drop(qtbot, w, keys, storage, action):
    """What the storage list's view does on a drop: the model gets the table's MIME data."""
    rows = [i for i, r in enumerate(w.cert_model.rows) if r.key in keys]
    data = w.cert_model.mimeData([w.cert_model.index(i, 0) for i in rows])
    assert data.hasFormat(MIME_CERTS)
    target = w.storage_model.index(w.storage_model.row_of(storage.id) + 1)
    assert w.storage_model.flags(target) & Qt.ItemFlag.ItemIsDropEnabled
    assert w.storage_model.canDropMimeData(data, action, -1, -1, target)
    with qtbot.waitSignal(w.operationFinished, timeout=30_000) as blocker:
        assert w.storage_model.dropMimeData(data, action, -1, -1, target)
    qtbot.waitUntil(lambda: not w.scanning, timeout=20_000)
    return blocker.args[0]


def test_drag_copy_then_shift_drag_move(qtbot, gui_ctx, hdd_cert, fake_usb, mock_phone):
    w = _open(qtbot, gui_ctx)
    try:
        key = w.cert_model.rows[0].key
        MessageBox.set_next_answer(Btn.Ok)                      # the "copies are discouraged" note
        _drop(qtbot, w, [key], _storage(w, REMOVABLE), Qt.DropAction.CopyAction)
        assert any("not recommended" in text or "권장하지" in text for _k, _t, text in MessageBox.history)
        assert [p.name for p in _certs(fake_usb)] == [hdd_cert.folder_name]
        assert hdd_cert.path.exists()
        # the note is shown once: the next drop does not ask again (no answer is queued)
        usb_key = next(r.key for r in w.cert_model.rows if r.storage.kind == REMOVABLE)
        _drop(qtbot, w, [usb_key], _storage(w, PHONE), Qt.DropAction.MoveAction)     # Shift-drag = move
        assert _certs(fake_usb) == []
        assert [p.name for p in _certs(mock_phone.root)] == [hdd_cert.folder_name]
        assert sorted(r.storage.kind for r in w.cert_model.rows) == sorted(["hdd", PHONE])
    finally:
        w.shutdown()


def test_conflict_keep_both_is_asked_on_the_gui_thread(qtbot, gui_ctx, npki_root, fake_usb):
    mine = factory.make_cert(factory.user_dir(npki_root), cn_suffix="0000000001", key_index=0)
    other = factory.make_cert(fake_usb / "NPKI" / "yessign" / "USER", cn_suffix="0000000001", key_index=1)
    assert mine.folder_name == other.folder_name
    w = _open(qtbot, gui_ctx)
    asked_on = []
    original = ConflictDialog.ask.__func__

    def spy(cls, parent, info, lang):
        asked_on.append(threading.current_thread() is threading.main_thread())
        return original(cls, parent, info, lang)

    try:
        ConflictDialog.ask = classmethod(spy)
        ConflictDialog.set_next_answer(ConflictChoice.KEEP_BOTH)
        MessageBox.set_next_answer(Btn.Ok)
        StoragePickerDialog.set_next_answer(_storage(w, REMOVABLE).id)
        w.select_keys([r.key for r in w.cert_model.rows if r.storage.kind == "hdd"])
        with qtbot.waitSignal(w.operationFinished, timeout=30_000) as blocker:
            w.act_copy.trigger()
        assert asked_on == [True]
        names = sorted(p.name for p in _certs(fake_usb))
        assert names == [other.folder_name, other.folder_name + " (2)"]
        assert (fake_usb / "NPKI" / "yessign" / "USER" / other.folder_name / "signCert.der").read_bytes() \
            == other.sign_cert                                   # the one already there is untouched
        assert "1" in blocker.args[0]
    finally:
        del ConflictDialog.ask                                   # back to the class's own method
        w.shutdown()


def test_cancel_in_the_middle_of_a_bulk_copy(qtbot, gui_ctx, npki_root, fake_usb, monkeypatch):
    user = factory.user_dir(npki_root)
    for i in range(6):
        factory.make_cert(user, name=f"고객{i}", key_index=i % 4)
    w = _open(qtbot, gui_ctx)
    reached, release = threading.Event(), threading.Event()
    real_copy = ops.copy_cert

    def gated(*a, **kw):
        result = real_copy(*a, **kw)
        reached.set()
        release.wait(30)                 # the worker holds after the first certificate
        return result

    monkeypatch.setattr(ops, "copy_cert", gated)
    try:
        w.table.selectAll()
        MessageBox.set_next_answer(Btn.Ok)
        StoragePickerDialog.set_next_answer(_storage(w, REMOVABLE).id)
        w.act_copy.trigger()
        dialog = w.progress_dialog
        qtbot.waitUntil(dialog.isVisible)                 # opened on the next event-loop turn
        assert dialog.windowModality() == Qt.WindowModality.WindowModal
        qtbot.waitUntil(reached.is_set, timeout=20_000)
        with qtbot.waitSignal(w.operationFinished, timeout=30_000) as blocker:
            qtbot.mouseClick(dialog.findChild(QPushButton, "progressCancelButton"), Qt.MouseButton.LeftButton)
            release.set()
        summary = blocker.args[0]
        assert len(_certs(fake_usb)) == 1
        assert summary.startswith("1 copied") and "5 not processed" in summary
        close = dialog.findChild(QPushButton, "progressCloseButton")
        assert close is not None and summary.rstrip(".") in dialog.findChild(type(dialog.label), "progressLabel").text()
        assert len(list(npki_root.rglob("signCert.der"))) == 6     # nothing lost on the source
    finally:
        release.set()
        w.shutdown()


def test_copy_to_a_pulled_drive_says_so_and_loses_nothing(qtbot, gui_ctx, hdd_cert, fake_usb):
    w = _open(qtbot, gui_ctx)
    try:
        usb = _storage(w, REMOVABLE)
        shutil.rmtree(fake_usb)                       # pulled after the list was shown
        w.select_keys([w.cert_model.rows[0].key])
        MessageBox.set_next_answer(Btn.Ok)
        StoragePickerDialog.set_next_answer(usb.id)
        w.transfer(w.selected_rows(), usb, move=True)
        qtbot.waitUntil(lambda: "reconnect" in w.last_notice.lower() or "다시 연결" in w.last_notice,
                        timeout=20_000)
        assert (hdd_cert.path / "signPri.key").read_bytes() == hdd_cert.sign_key
        assert not fake_usb.exists()
    finally:
        w.shutdown()


def test_expiry_line_counts_down_with_the_clock(qtbot, gui_ctx, npki_root, test_clock):
    today = test_clock().astimezone(KST).date()
    made = factory.make_cert(factory.user_dir(npki_root), start=today - dt.timedelta(days=350))
    w = _open(qtbot, gui_ctx)
    try:
        row = w.cert_model.rows[0]
        days = (row.entry.info.not_after.date() - today).days
        assert 0 < days <= 30
        assert w.banner.isVisible()
        assert "1" in w.banner_text.text() and row.entry.info.not_after.strftime("%Y-%m-%d") in w.banner_text.text()
        status = w.cert_model.index(0, w.cert_model.STATUS)
        assert status.data() == f"D-{days}" or status.data().endswith(f"D-{days}")
        test_clock.advance(days=1)
        w._tick()
        assert status.data().endswith(f"D-{days - 1}")
        test_clock.advance(days=days)            # past the end: expired, and the button offers reissue
        w._tick()
        assert status.data() in ("Expired", "만료됨")
        assert made.path.exists()
    finally:
        w.shutdown()
