"""A renewal with copies on the hard disk, a USB stick and a phone: the old copies are marked 이전
인증서 (the bank says superseded), "모두 새 인증서로 바꾸기" replaces them, a copy with another password is
left alone after a question, the expiry line counts the certificate once (docs/copies.md)."""
from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from core.authority.demo import DEMO_CERT_PASSWORD
from core.flows import PICK_CERT
from core.storage import operations as ops
from core.storage import registry
from gui.dialogs import Btn, MessageBox, PasswordDialog
from gui.main_window import MainWindow
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import demo, field, next_page, read_back, save_to, set_password, wait_done

NEW_PASSWORD = DEMO_CERT_PASSWORD       # renewed keeping the password: the copies with it are in step
PHONE_PASSWORD = "Star&Field77z"


def _renew(qtbot, wizards, fake_clock, c):
    storage = next(s for s in registry.all_storages()
                   if any(e.info.display_name == c.name for e in s.certificates()))
    old = next(e for e in storage.certificates() if e.info.display_name == c.name)
    return storage, old


def test_renewal_leaves_old_copies_that_are_marked_and_replaced(qtbot, ctx, demo_bank, wizards, fake_clock, usb,
                                                                dialog_answers):
    c = demo("expiring")
    home, old = _renew(qtbot, wizards, fake_clock, c)
    usb_storage = next(s for s in registry.all_storages() if s.kind == "removable")
    phone = registry.create_phone("010-9999-0000", c.name)
    ops.copy_cert(old, usb_storage)
    ops.copy_cert(old, phone)
    # the phone's copy got its own password some day
    (phone_copy,) = phone.certificates()
    ops.change_password(phone_copy, bytearray(DEMO_CERT_PASSWORD.encode()), bytearray(PHONE_PASSWORD.encode()),
                        phone)

    fake_clock.advance(days=5)
    w = wizards("renew")
    w.pages[PICK_CERT].select_path(old.path)
    next_page(qtbot, w)
    set_password(qtbot, w, DEMO_CERT_PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)
    save_to(qtbot, w, None, NEW_PASSWORD)
    wait_done(qtbot, w)
    assert demo_bank.certificate_status(old.info.der) == "superseded"

    main = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.scanFinished, timeout=20_000):
        main.start()
    model = main.cert_model

    def mine():
        return [r for r in model.rows if r.good and r.entry.info.display_name == c.name]
    qtbot.waitUntil(lambda: any(model.is_outdated(r) for r in mine()), timeout=10_000)
    marks = {r.storage.kind: (model.status_text(r), model.is_outdated(r)) for r in mine()}
    assert marks[usb_storage.kind][1] and marks["phone"][1] and not marks[home.kind][1]
    assert "이전 인증서" in marks["phone"][0] and "사본 2개" in marks["phone"][0]     # the wizards fixture speaks Korean
    banner = field(main, QLabel, "staleText")
    assert banner.isVisible() and "2" in banner.text()
    # the expiring old copies do not count: the renewed certificate is a year away
    assert main.expiry_summary()[0] == 0

    # 모두 새 인증서로 바꾸기: the phone's copy has another password → asked; "No" leaves it alone
    PasswordDialog.set_next_password(NEW_PASSWORD)
    MessageBox.set_next_answer(Btn.No)
    phone_before = {p: p.read_bytes() for p in phone.root.rglob("*") if p.is_file()}
    with qtbot.waitSignal(main.operationFinished, timeout=20_000):
        qtbot.mouseClick(field(main, QPushButton, "syncCopiesButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not main.scanning and not main.workers.busy, timeout=20_000)
    assert "1" in main.last_notice
    read_back(usb_storage.certificates()[0].path, NEW_PASSWORD)
    assert {p: p.read_bytes() for p in phone.root.rglob("*") if p.is_file()} == phone_before
    qtbot.waitUntil(lambda: [model.is_outdated(r) for r in mine() if r.storage.kind == "phone"] == [True],
                    timeout=10_000)
    assert not any(model.is_outdated(r) for r in mine() if r.storage.kind != "phone")

    # asked again, "Yes": replaced as well; nothing old is left
    PasswordDialog.set_next_password(NEW_PASSWORD)
    MessageBox.set_next_answer(Btn.Yes)
    with qtbot.waitSignal(main.operationFinished, timeout=20_000):
        main.sync_copies()
    qtbot.waitUntil(lambda: not main.workers.busy and not any(model.is_outdated(r) for r in mine()), timeout=20_000)
    read_back(phone.certificates()[0].path, NEW_PASSWORD)
    assert not field(main, QLabel, "staleText").isVisible()
    main.shutdown()


def test_wrong_new_password_replaces_nothing(qtbot, ctx, demo_bank, wizards, fake_clock, usb, dialog_answers):
    c = demo("expiring")
    home, old = _renew(qtbot, wizards, fake_clock, c)
    usb_storage = next(s for s in registry.all_storages() if s.kind == "removable")
    ops.copy_cert(old, usb_storage)
    fake_clock.advance(days=5)
    w = wizards("renew")
    w.pages[PICK_CERT].select_path(old.path)
    next_page(qtbot, w)
    set_password(qtbot, w, DEMO_CERT_PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)
    save_to(qtbot, w, None, NEW_PASSWORD)
    wait_done(qtbot, w)
    main = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.scanFinished, timeout=20_000):
        main.start()
    qtbot.waitUntil(lambda: field(main, QLabel, "staleText").isVisible(), timeout=10_000)
    before = {p: p.read_bytes() for p in usb.rglob("*") if p.is_file()}
    PasswordDialog.set_next_password("Wrong#pass1234")
    with qtbot.waitSignal(main.operationFinished, timeout=20_000):
        main.sync_copies()
    assert {p: p.read_bytes() for p in usb.rglob("*") if p.is_file()} == before
    assert main.notice.isVisible() and "암호" in main.last_notice
    main.shutdown()
