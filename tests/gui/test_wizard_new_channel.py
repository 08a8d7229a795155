"""A channel the wizard has never heard of (tests/fake_channel.py, registered from the test) gets a
radio button and the generic panel on the 보안매체 page, and carries an issuance to the end."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel, QRadioButton

from core.authority.channels import register_channel, unregister_channel
from core.flows import DONE, SAVE, SECOND_FACTOR
from tests.fake_channel import BIO, BioChannel
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, agree_all, click, demo, do_sms, field, fill_customer,
                                      next_page, read_back, save_to, type_into, wait_done)


@pytest.fixture
def bio():
    register_channel(BioChannel())
    yield
    unregister_channel(BIO)


def test_the_wizard_drives_a_new_channel(qtbot, ctx, demo_bank, wizards, npki_root, bio):
    c = demo("card")
    w = wizards("issue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    assert w.flow.step == SECOND_FACTOR
    radio = field(w, QRadioButton, "secondBioRadio")
    assert radio.isVisible() and radio.text()
    click(qtbot, w, "secondBioRadio", QRadioButton)
    click(qtbot, w, "bioStartButton")
    prompt = field(w, QLabel, "bioPromptLabel")
    qtbot.waitUntil(lambda: re.search(r"\d{6}", prompt.text()) is not None, timeout=5000)
    type_into(qtbot, w, "bioAnswerEdit", re.search(r"\d{6}", prompt.text()).group())
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: w.flow.step == SAVE, timeout=5000)
    save_to(qtbot, w, "hdd")
    wait_done(qtbot, w)
    assert w.flow.step == DONE
    entry = read_back(w.flow.result.path, GOOD_PASSWORD)
    assert demo_bank.certificate_status(entry.info.der) == "active"
