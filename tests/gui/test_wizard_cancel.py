"""Cancel on every page — and while saving — leaves no file, no certificate record and no debit."""
from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton

from core.flows import CONFIRM_REISSUE, CUSTOMER, FIRST_FACTOR, SAVE, SECOND_FACTOR, TERMS, TYPE
from core.locations import app_home
from tests.authority.conftest import pool_key
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, agree_all, bank_state, click, demo, do_card, do_sms, fill_customer,
                                      next_page, save_to, tree)


def _files(npki_root, usb):
    """Every certificate file anywhere (hard disk, the stick, the phones' sdcard/NPKI)."""
    every = tree(npki_root, usb, app_home() / "phones")
    return {k: v for k, v in every.items() if "/phones/" not in k or "/NPKI/" in k}


def _advance(qtbot, w, ctx, c, step):
    order = [TYPE, CUSTOMER, TERMS, FIRST_FACTOR, SECOND_FACTOR, CONFIRM_REISSUE, SAVE]
    for s in order[:order.index(step)]:
        if s == TYPE:
            click(qtbot, w, "typeGeneralRadio", QRadioButton)     # the paid type: a debit would show
            next_page(qtbot, w)
        elif s == CUSTOMER:
            fill_customer(qtbot, w, c)
        elif s == TERMS:
            agree_all(qtbot, w)
        elif s == FIRST_FACTOR:
            do_sms(qtbot, w, ctx, c)
        elif s == SECOND_FACTOR:
            do_card(qtbot, w)
        elif s == CONFIRM_REISSUE and w.kind == "reissue":
            click(qtbot, w, "reissueConfirmCheck", QCheckBox)
            next_page(qtbot, w)
    assert w.flow.step == step


@pytest.mark.parametrize("kind,step", [
    ("issue", TYPE), ("issue", CUSTOMER), ("issue", TERMS), ("issue", FIRST_FACTOR), ("issue", SECOND_FACTOR),
    ("issue", SAVE), ("reissue", CONFIRM_REISSUE), ("reissue", SAVE)])
def test_cancel_on_every_page_leaves_nothing(qtbot, ctx, demo_bank, wizards, npki_root, usb, kind, step):
    c = demo("card")
    before_files, before_bank = _files(npki_root, usb), bank_state(demo_bank)
    w = wizards(kind)
    _advance(qtbot, w, ctx, c, step)
    if step == FIRST_FACTOR:
        click(qtbot, w, "firstSmsRadio", QRadioButton)
        click(qtbot, w, "smsSendButton")                  # a code is out: still nothing to keep
    if step == SAVE:
        save_to(qtbot, w, "removable", GOOD_PASSWORD, "different" + GOOD_PASSWORD)   # a refused try first
    flow = w.flow
    click(qtbot, w, "wizardCancelButton")
    if step in (SAVE, CONFIRM_REISSUE):
        # past verification, Cancel asks first; "계속 진행" keeps everything, a second Cancel confirms
        box = _confirm_box(qtbot, w)
        click(qtbot, box, "cancelConfirmNo")
        qtbot.waitUntil(lambda: not box.isVisible())
        assert w.isVisible() and flow.step == step
        click(qtbot, w, "wizardCancelButton")
        click(qtbot, _confirm_box(qtbot, w), "cancelConfirmYes")
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=5000)
    assert _files(npki_root, usb) == before_files
    assert bank_state(demo_bank) == before_bank
    assert flow.step == "cancelled" and getattr(flow, "session", None) is None    # the bank session was ended


def _confirm_box(qtbot, w):
    from PySide6.QtWidgets import QMessageBox
    def shown():
        return [b for b in w.findChildren(QMessageBox, "cancelConfirmBox") if b.isVisible()]
    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def test_cancel_before_verification_does_not_ask(qtbot, ctx, demo_bank, wizards):
    from PySide6.QtWidgets import QMessageBox
    w = wizards("issue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    click(qtbot, w, "wizardCancelButton")
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=5000)
    assert not any(isinstance(t, QMessageBox) and t.isVisible() for t in QApplication.topLevelWidgets())


def test_cancel_while_saving_removes_everything(qtbot, ctx, demo_bank, wizards, npki_root, usb):
    """The Cancel button during the busy state: the worker stops at its next safe point."""
    gate = threading.Event()

    def slow_key():
        gate.wait(10)          # key generation "takes a while": the wizard is busy meanwhile
        return pool_key(5)
    c = demo("card")
    before_files, before_bank = _files(npki_root, usb), bank_state(demo_bank)
    w = wizards("issue", key_factory=slow_key)
    try:
        _advance(qtbot, w, ctx, c, SAVE)
        save_to(qtbot, w, "removable", GOOD_PASSWORD, wait=False)
        assert w.busy and w.pages[SAVE].busy_box.isVisible()
        assert not w.pages[SAVE].form.isEnabled()
        qtbot.waitUntil(lambda: w.pages[SAVE].bar.value() > 0, timeout=5000)   # progress arrives by signal
        flow = w.flow
        click(qtbot, w, "wizardCancelButton")
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=10000)
    assert _files(npki_root, usb) == before_files
    assert bank_state(demo_bank) == before_bank
    assert flow.step == "cancelled"
