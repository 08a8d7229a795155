"""The welcome page: first-run flag, language choice (same setting as gui/i18n.py), demo panel button."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QPushButton, QWidget

from core.locations import npki_root
from gui import app as gui_app
from gui import i18n, welcome
from gui.settings import settings
from tests.gui.phone_helpers import *  # noqa: F401,F403 - ctx, demo_bank, …


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def korean(ctx):
    """The GUI in Korean (the source language) for the test; afterwards exactly the translators and core
    language there were before (later tests expect the Korean source strings, i.e. no English .qm)."""
    i18n.compile_translations()
    i18n.apply_language("ko", ctx)      # undone by tests/conftest.py and tests/gui/conftest.py


def _dialog(parent, ctx) -> welcome.WelcomeDialog:
    dlg = welcome.show_welcome(parent, ctx)
    assert dlg.objectName() == "welcomeDialog"
    return dlg


def test_shown_until_dont_show_again_is_ticked(qtbot, parent, ctx):
    assert welcome.should_show(settings())
    dlg = _dialog(parent, ctx)
    assert dlg.isVisible() and not dlg.isModal()
    hide = dlg.findChild(QCheckBox, "welcomeHideCheck")
    assert not hide.isChecked()
    hide.setChecked(True)
    assert not welcome.should_show(settings())  # saved at once: closing the app any way keeps it
    hide.setChecked(False)
    assert welcome.should_show(settings())
    hide.setChecked(True)
    dlg.findChild(QPushButton, "welcomeCloseButton").click()
    qtbot.waitUntil(lambda: parent.findChild(QDialog, "welcomeDialog") is None)
    assert not welcome.should_show(settings())
    # Next time the box comes up ticked (if opened by hand).
    assert _dialog(parent, ctx).findChild(QCheckBox, "welcomeHideCheck").isChecked()


def test_start_up_shows_it_only_when_wanted(qtbot, parent, ctx):
    gui_app._maybe_welcome(parent, ctx)
    dlg = parent.findChild(QDialog, "welcomeDialog")
    assert dlg is not None and dlg.isVisible()
    dlg.findChild(QCheckBox, "welcomeHideCheck").setChecked(True)
    dlg.close()
    qtbot.waitUntil(lambda: parent.findChild(QDialog, "welcomeDialog") is None)
    gui_app._maybe_welcome(parent, ctx)
    assert parent.findChild(QDialog, "welcomeDialog") is None


def test_says_what_dojang_is_and_where_it_looks(qtbot, parent, ctx, korean):
    dlg = _dialog(parent, ctx)
    texts = " ".join(label.text() for label in dlg.findChildren(QLabel))
    for needle in ("공동인증서", "공인인증서", "시험용", "실제 은행", "USB", "모의 휴대폰", "김보안", "이오티"):
        assert needle in texts, needle
    assert dlg.findChild(QLabel, "welcomeNpkiPath").text() == str(npki_root())


def test_language_choice_saves_the_i18n_setting_and_retranslates(qtbot, parent, ctx, korean):
    dlg = _dialog(parent, ctx)
    combo = dlg.findChild(QComboBox, "welcomeLanguageCombo")
    assert combo.currentData() == "ko"
    assert dlg.windowTitle() == "도장에 오신 것을 환영합니다"
    combo.setCurrentIndex(combo.findData("en"))
    assert settings().value(i18n.SETTING) == "en"
    assert i18n.choose_language(settings()) == "en"  # what the next start-up will pick
    assert ctx.language == "en"
    qtbot.waitUntil(lambda: dlg.windowTitle() == "Welcome to Dojang")
    assert dlg.findChild(QCheckBox, "welcomeHideCheck").text() == "Don't show this again"
    combo.setCurrentIndex(combo.findData("ko"))
    assert settings().value(i18n.SETTING) == "ko"
    qtbot.waitUntil(lambda: dlg.windowTitle() == "도장에 오신 것을 환영합니다")


def test_no_paragraph_is_clipped_in_either_language(qtbot, parent, ctx, korean):
    """Every wrapped paragraph gets the height its text needs at the dialog's width — English,
    longer, was cut off mid-line before (a top-level layout does not ask wrapped labels)."""
    dlg = _dialog(parent, ctx)
    qtbot.waitExposed(dlg)
    combo = dlg.findChild(QComboBox, "welcomeLanguageCombo")
    for lang, title in (("ko", "도장에 오신 것을 환영합니다"), ("en", "Welcome to Dojang")):
        combo.setCurrentIndex(combo.findData(lang))
        qtbot.waitUntil(lambda: dlg.windowTitle() == title)

        def clipped():
            return [lab.objectName() for lab in dlg.findChildren(QLabel)
                    if lab.wordWrap() and lab.isVisible() and lab.height() + 1 < lab.heightForWidth(lab.width())]
        qtbot.waitUntil(lambda: clipped() == [])
    combo.setCurrentIndex(combo.findData("ko"))


def test_demo_button_opens_the_demo_panel(qtbot, parent, ctx):
    dlg = _dialog(parent, ctx)
    dlg.findChild(QPushButton, "welcomeDemoButton").click()
    panel = parent.findChild(QWidget, "demoPanel")
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    assert dlg.isVisible()  # the welcome page stays open beside it
    panel.close()


def test_every_english_entry_is_translated():
    root = ET.parse(i18n.i18n_dir() / "welcome_en.ts").getroot()
    messages = root.findall(".//message")
    assert len(messages) >= 14
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") is None and (tr.text or "").strip(), m.find("source").text
