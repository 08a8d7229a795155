"""Hostile names on a (fake) USB stick in the GUI: shown as visible text, never interpreted
(docs/hostile-input.md) — the certificate list, its tooltips, the storage list, the details dialog,
the notice line and the phone's message list."""
from __future__ import annotations

import datetime as dt
import os
import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.npki.certfolder import read_cert_folder
from core.storage import registry
from gui.context import AppContext
from gui.details_dialog import DetailsDialog
from gui.main_window import MainWindow
from gui.workers import Workers
from tests import factory

HOSTILE = "\x1b[2J\x1b[31mPWNED\x1b]0;T\x07\u202eabc"
SHOWN = "␛[2J␛[31mPWNED␛]0;T␇<U+202E>abc"
BAD = b"bad\xff\x1b<b>bold<i>"


def inert(text: str) -> bool:
    return not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
                   or c in "\u202e\u2066" for c in text)


def make_stick(fake_usb):
    user = factory.user_dir(fake_usb / "NPKI")
    made = factory.make_cert(user, name=HOSTILE)
    shutil.copytree(made.path, os.fsdecode(os.fsencode(user) + b"/" + BAD))      # a good copy under a byte name
    os.mkdir(os.fsencode(user) + b"/broken\xfe\x1b[5m")                          # a broken entry
    return made


def test_the_list_its_tooltips_and_the_details_show_visible_text(qtbot, fake_usb, dialog_answers):
    made = make_stick(fake_usb)
    w = MainWindow(AppContext(language="en"), watch=False, watch_phones=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scanFinished, timeout=20_000):
        w.start()
    model = w.cert_model
    assert model.rowCount() == 3
    cells = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    tips = [model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())
            for c in range(model.columnCount())]
    assert all(inert(str(x)) for x in cells + tips if x is not None)
    assert sum(SHOWN in str(x) for x in cells) == 2                     # both good copies, by their CN
    assert any("broken\\xfe␛[5m" in str(x) for x in cells)              # the broken one, by its folder name
    assert any("&lt;b&gt;bold&lt;i&gt;" in str(t) for t in tips)       # a tag in a path is text, not HTML
    storage_rows = [w.storage_model.index(r).data() for r in range(w.storage_model.rowCount())]
    assert all(inert(str(x)) for x in storage_rows)

    w.notify(f"copied {os.fsdecode(os.fsencode(made.path.parent) + b'/' + BAD)}", "ok")   # a path in the notice
    label = w.findChild(QLabel, "noticeLabel")
    assert label.textFormat() == Qt.TextFormat.PlainText and inert(label.text())
    assert label.text().endswith("/bad\\xff␛<b>bold<i>")
    w.shutdown()

    entry = read_cert_folder(made.path, "yessign")
    dlg = DetailsDialog(None, entry, registry.find_storage(w.cert_model.rows[0].storage.id),
                        lang="en", now=dt.datetime.now(dt.timezone.utc), workers=Workers())
    qtbot.addWidget(dlg)
    user = dlg.findChild(QLabel, "detailsUser")
    assert user.text() == SHOWN and user.textFormat() == Qt.TextFormat.PlainText
    assert SHOWN in dlg.windowTitle() and inert(dlg.windowTitle())


def test_a_mock_phone_shows_a_hostile_sms_and_owner_as_text(qtbot, gui_ctx):
    from PySide6.QtWidgets import QListWidget

    from core.authority import phones as bank_phones
    from gui.phone_window import PhoneWindow
    registry.create_phone("010-1234-5678", "<i>" + HOSTILE)
    phone = PhoneWindow(gui_ctx, "010-1234-5678")
    qtbot.addWidget(phone)
    phone.show()
    bank_phones.deliver_sms("010-1234-5678", "code 123456 " + HOSTILE, gui_ctx.clock(), gui_ctx.authority().home)
    # the lock screen's notification card, then the message list
    qtbot.waitUntil(lambda: any("PWNED" in lab.text() for lab in phone.findChildren(QLabel)), timeout=5_000)
    labels = [lab for lab in phone.findChildren(QLabel) if "PWNED" in lab.text()]
    assert all(SHOWN in lab.text() or "<i>" in lab.text() for lab in labels)
    assert all(inert(lab.text()) and lab.textFormat() == Qt.TextFormat.PlainText for lab in labels)
    phone.show_page("sms")
    sms = phone.findChild(QListWidget, "phoneSmsList")
    qtbot.waitUntil(lambda: sms.count() == 1, timeout=5_000)
    assert SHOWN in sms.item(0).text() and inert(sms.item(0).text())


def test_a_drive_label_from_the_medium_is_text_in_the_pickers(qtbot, tmp_path):
    from PySide6.QtWidgets import QListWidget

    from core.storage import base
    from gui.dialogs import StoragePickerDialog
    stick = base.removable(tmp_path, "usb-x", HOSTILE + "<b>")
    dlg = StoragePickerDialog(None, "copy", [stick], "en")
    qtbot.addWidget(dlg)
    text = dlg.findChild(QListWidget, "storagePickerList").item(0).text()
    assert SHOWN in text and inert(text)
