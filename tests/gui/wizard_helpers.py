"""Driving the issuance wizard the way a person does: fields by object name, the mock phone, the
보안카드 viewer and the OTP token window. Import the fixtures with
`from tests.gui.wizard_helpers import *  # noqa`.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton, QRadioButton

from core import i18n as core_i18n
from core.flows import DONE, SECOND_FACTOR
from core.npki.certfolder import CertFolder, read_cert_folder
from core.storage.discovery import FAKE_ENV
from gui.password_widget import PasswordWidget
from gui.phone_window import phone_window_for
from gui.wizard import FlowWizard, open_flow_wizard
from tests.authority.conftest import pool_key
from tests.gui.phone_helpers import *  # noqa: F401,F403
from tests.gui.phone_helpers import demo, sms_code_of

__all__ = ["bank_keyring", "fake_clock", "demo_bank", "ctx", "relay", "no_real_drives", "usb", "wizards",
           "GOOD_PASSWORD", "demo", "tree", "bank_state", "field", "click", "type_into", "next_page", "error_text",
           "fill_customer", "agree_all", "do_sms", "do_ars", "do_card", "do_otp", "save_to", "read_back",
           "to_save", "storage_id_of", "wait_done", "set_password", "otp_code", "card_digits", "read_sms_code"]

GOOD_PASSWORD = "Sky#Lantern7x"


@pytest.fixture
def usb(tmp_path, monkeypatch):
    """A fake removable drive (DOJANG_FAKE_REMOVABLE): plugged in while the folder exists."""
    mount = tmp_path / "media" / "MYSTICK"
    mount.mkdir(parents=True)
    monkeypatch.setenv(FAKE_ENV, str(mount))
    return mount


@pytest.fixture
def wizards(qtbot, ctx):
    """open(kind, **kw) -> a shown wizard on pooled RSA keys; anything left open is closed at the end."""
    opened: list[FlowWizard] = []
    # Korean, the app's first language, for both the UI (source strings) and core's messages
    core_i18n.set_language("ko")
    ctx.language = "ko"

    def open_(kind: str, **kw) -> FlowWizard:
        kw.setdefault("key_factory", lambda: pool_key(5))
        w = open_flow_wizard(None, ctx, kind, **kw)
        opened.append(w)
        qtbot.waitExposed(w)
        return w
    yield open_
    for w in opened:
        if shiboken6.isValid(w):
            if w.busy:
                w.progress.request_cancel()
                qtbot.waitUntil(lambda: not w.busy, timeout=10000)
            w.done(0)
    for top in QApplication.topLevelWidgets():
        if top.objectName() in ("cardViewer", "otpWindow", "demoPanel") and shiboken6.isValid(top):
            top.close()
    core_i18n.set_language(None)


# --- looking at the disk and the bank -------------------------------------------------------------------

def tree(*roots: Path) -> dict[str, str]:
    out = {}
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for f in files:
                p = Path(dirpath) / f
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def bank_state(bank) -> dict:
    return {
        "certs": [tuple(r) for r in bank.db.all("SELECT serial, status FROM certificates ORDER BY serial")],
        "balances": [tuple(r) for r in bank.db.all("SELECT id, balance, locked FROM accounts ORDER BY id")],
        "ledger": [tuple(r) for r in bank.db.all("SELECT * FROM ledger ORDER BY id")],
    }


def read_back(path: Path, password: str) -> CertFolder:
    """The saved folder, opened with the core codec; the password must decrypt its private key."""
    entry = read_cert_folder(path, path.parent.parent.name)
    assert isinstance(entry, CertFolder)
    entry.check_password(password)
    return entry


# --- widgets --------------------------------------------------------------------------------------------

def field(w, cls, name):
    found = w.findChild(cls, name)
    assert found is not None, name
    return found


def _where(w) -> str:
    """Where a wizard is and what it says (for assertion messages)."""
    if not isinstance(w, FlowWizard):
        return ""
    shown = [lab.objectName() + ": " + lab.text() for lab in w.findChildren(QLabel)
             if lab.objectName().endswith("Error") and lab.isVisible()]
    return f"step={w.flow.step} errors={shown}"


def click(qtbot, w, name, cls=QPushButton):
    b = field(w, cls, name)
    assert b.isVisible() and b.isEnabled(), (name, _where(w))
    _press(qtbot, b)


def _press(qtbot, b):
    # check boxes and radio buttons react only on their indicator and label, not the whole row
    pos = QPoint(8, b.height() // 2) if isinstance(b, (QCheckBox, QRadioButton)) else b.rect().center()
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton, pos=pos)


def type_into(qtbot, w, name, text, parent_cls=None, parent_name=None):
    holder = field(w, parent_cls, parent_name) if parent_cls else w
    edit = field(holder, QLineEdit, name)
    edit.clear()
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)       # Hangul arrives through the input method as committed text, not key presses
    assert edit.text() == text


def next_page(qtbot, w):
    click(qtbot, w, "wizardNextButton")


def error_text(w, field_name) -> str:
    """The inline message of a field (empty when hidden); `wizard` for the page-level one."""
    lab = field(w, QLabel, "wizardError" if field_name == "wizard" else f"{field_name}Error")
    return lab.text() if lab.isVisible() else ""


def storage_id_of(w, kind_prefix) -> str:
    page = w.pages["save"]
    return next(s.id for s in page._storages if s.kind == kind_prefix)


# --- the steps, as a person does them -------------------------------------------------------------------

def fill_customer(qtbot, w, c, *, account_password=None):
    type_into(qtbot, w, "customerNameEdit", c.name)
    type_into(qtbot, w, "rrnFrontEdit", c.rrn[:6])
    type_into(qtbot, w, "rrnBackEdit", c.rrn[6:])
    type_into(qtbot, w, "accountEdit", c.account)
    type_into(qtbot, w, "accountPasswordEdit", account_password or c.account_password)
    next_page(qtbot, w)


def agree_all(qtbot, w):
    box = field(w, QCheckBox, "termsAllCheck")
    if not box.isChecked():
        _press(qtbot, box)
    next_page(qtbot, w)


def _phone(qtbot, ctx, number):
    qtbot.waitUntil(lambda: phone_window_for(ctx, number) is not None and phone_window_for(ctx, number).isVisible(),
                    timeout=8000)
    return phone_window_for(ctx, number)


def read_sms_code(qtbot, ctx, c, seen: set[str] = frozenset()) -> str:
    """Open the SMS app on the phone that popped up and read the newest code."""
    phone = _phone(qtbot, ctx, c.phone)

    def newest():
        phone.show_page("sms")
        lst = phone.findChild(QListWidget, "phoneSmsList")
        codes = [sms_code_of(lst.item(i).text()) for i in range(lst.count()) if "[" in lst.item(i).text()]
        return codes[-1] if codes and codes[-1] not in seen else None
    qtbot.waitUntil(lambda: newest() is not None, timeout=8000)
    return newest()


def do_sms(qtbot, w, ctx, c, *, submit=True) -> str:
    click(qtbot, w, "firstSmsRadio", QRadioButton)
    click(qtbot, w, "smsSendButton")
    code = read_sms_code(qtbot, ctx, c)
    type_into(qtbot, w, "smsCodeEdit", code)
    if submit:
        next_page(qtbot, w)
    return code


def do_ars(qtbot, w, ctx, c):
    click(qtbot, w, "firstArsRadio", QRadioButton)
    click(qtbot, w, "arsStartButton")
    code = field(w, QLabel, "arsCodeLabel").text()
    assert re.fullmatch(r"\d\d", code)
    phone = _phone(qtbot, ctx, c.phone)
    qtbot.waitUntil(lambda: phone.page() == "call", timeout=8000)
    click(qtbot, phone, "phoneAcceptCall")
    for d in code:
        click(qtbot, phone, f"phoneKeypad_{d}")
    # the wizard notices the completed call by itself
    qtbot.waitUntil(lambda: w.flow.step == SECOND_FACTOR and w.current_page is w.pages[SECOND_FACTOR], timeout=8000)


def _choose(qtbot, w, radio_name):
    """Pick the device; the choice is only offered to customers who have both."""
    radio = field(w, QRadioButton, radio_name)
    if radio.isVisible():
        _press(qtbot, radio)
    assert radio.isChecked(), radio_name


def card_digits(qtbot, w) -> str:
    """Open the 보안카드 viewer and read the two requested cells off the card."""
    first = int(re.search(r"\d+", field(w, QLabel, "cardFirstLabel").text()).group())
    second = int(re.search(r"\d+", field(w, QLabel, "cardSecondLabel").text()).group())
    click(qtbot, w, "showCardButton")
    viewer = w.find_open("card")
    assert viewer is not None and viewer.isVisible()
    return viewer.cell(first)[:2] + viewer.cell(second)[2:]


def do_card(qtbot, w, *, digits=None):
    _choose(qtbot, w, "secondCardRadio")
    digits = digits or card_digits(qtbot, w)
    type_into(qtbot, w, "cardFirstEdit", digits[:2])
    type_into(qtbot, w, "cardSecondEdit", digits[2:])
    next_page(qtbot, w)


def otp_code(qtbot, w) -> str:
    click(qtbot, w, "showOtpButton")
    token = w.find_open("otp")
    assert token is not None and token.isVisible()
    click(qtbot, token, "otpButton")
    code = field(token, QLabel, "otpCode").text()
    assert re.fullmatch(r"\d{6}", code)
    return code


def do_otp(qtbot, w, *, code=None) -> str:
    _choose(qtbot, w, "secondOtpRadio")
    code = code or otp_code(qtbot, w)
    type_into(qtbot, w, "otpCodeEdit", code)
    next_page(qtbot, w)
    return code


def set_password(qtbot, w, password, repeat=None, widget="newPasswordWidget"):
    type_into(qtbot, w, "passwordEdit", password, PasswordWidget, widget)
    pw = field(w, PasswordWidget, widget)
    if pw.repeat_edit is not None:
        type_into(qtbot, w, "passwordRepeatEdit", password if repeat is None else repeat, PasswordWidget, widget)


def save_to(qtbot, w, storage_kind: str | None, password=GOOD_PASSWORD, repeat=None, *, wait=True):
    """Pick the storage (by id prefix: hdd / removable / phone), set the password, click 발급."""
    page = w.pages["save"]
    page.refresh_storages()
    if storage_kind is not None:
        lst = field(w, QListWidget, "storageList")
        sid = storage_id_of(w, storage_kind)
        row = [s.id for s in page._storages].index(sid)
        rect = lst.visualItemRect(lst.item(row))
        qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert page.selected_storage().id == sid
    set_password(qtbot, w, password, repeat)
    next_page(qtbot, w)
    if wait:
        qtbot.waitUntil(lambda: not w.busy, timeout=20000)


def to_save(qtbot, w, ctx, c, *, cert_type="typeBankingRadio", first="sms", second=None):
    """TYPE → CUSTOMER → TERMS → first factor → second factor, ending on the save page."""
    if w.flow.step == "type":
        click(qtbot, w, cert_type, QRadioButton)
        next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    if first == "sms":
        do_sms(qtbot, w, ctx, c)
    else:
        do_ars(qtbot, w, ctx, c)
    second = second or c.device
    if second == "card":
        do_card(qtbot, w)
    else:
        do_otp(qtbot, w)


def wait_done(qtbot, w):
    """Until the completion page is on screen: the flow reaches DONE on the worker thread, the page is
    filled afterwards on the GUI thread."""
    qtbot.waitUntil(lambda: w.flow.step == DONE and not w.busy and w.current_page is w.pages[DONE], timeout=20000)
