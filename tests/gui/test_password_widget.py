"""The one password widget: masking and show/hide by keyboard, Caps Lock and Hangul-mode warnings,
repeat field with live match, policy strength bar with text, personal-info check, shuffled keypad."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QPushButton

from core.validation.password import PersonalInfo
from gui.password_widget import PasswordWidget

STRONG = "Tiger#Moon2931"


def _widget(qtbot, **kw) -> PasswordWidget:
    w = PasswordWidget(None, lang="en", **kw)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_masked_and_toggled_by_button_and_keyboard(qtbot):
    w = _widget(qtbot)
    edit = w.findChild(QLineEdit, "passwordEdit")
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    w.activateWindow()
    qtbot.waitActive(w)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert edit.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(w.findChild(type(w.show_button), "passwordShowButton"), Qt.MouseButton.LeftButton)
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    assert w.show_button.focusPolicy() != Qt.FocusPolicy.NoFocus     # reachable with Tab too


def test_caps_lock_and_hangul_warnings(qtbot):
    w = _widget(qtbot)
    edit = w.findChild(QLineEdit, "passwordEdit")
    caps, hangul = w.findChild(QLabel, "capsLockWarning"), w.findChild(QLabel, "nonAsciiWarning")
    qtbot.keyClicks(edit, "A")                     # upper case without Shift: Caps Lock is on
    assert caps.isVisible()
    qtbot.keyClicks(edit, "b")
    assert not caps.isVisible()
    assert not hangul.isVisible() and w.is_valid()
    edit.insert("한")                              # typed in Hangul mode
    assert hangul.isVisible()
    assert not w.is_valid()
    assert isinstance(w.password(), str)           # core refuses it with the Hangul-mode message


def test_repeat_match_and_strength_with_text(qtbot):
    w = _widget(qtbot, repeat=True, strength=True)
    edit, repeat = w.findChild(QLineEdit, "passwordEdit"), w.findChild(QLineEdit, "passwordRepeatEdit")
    bar, match = w.findChild(QProgressBar, "passwordStrengthBar"), w.findChild(QLabel, "passwordMatchLabel")
    problem = w.findChild(QLabel, "passwordProblemLabel")
    edit.setText("abc")
    assert bar.value() <= 1 and bar.text() and "abc" not in bar.text()
    assert problem.text()                          # the first rule that is not met, in words
    with qtbot.waitSignal(w.validityChanged, timeout=2000, check_params_cb=lambda ok: ok is True):
        edit.setText(STRONG)
        repeat.setText(STRONG)
    assert bar.value() >= 2 and bar.text()
    assert match.text().startswith("✔")           # a mark and words, never colour alone
    repeat.setText(STRONG + "x")
    assert not w.is_valid() and match.text().startswith("✖")
    repeat.setText(STRONG)
    assert w.is_valid()
    assert w.password() == bytearray(STRONG.encode())
    w.clear()
    assert edit.text() == "" and repeat.text() == "" and not w.is_valid()


def test_personal_information_is_refused(qtbot):
    w = _widget(qtbot, repeat=True, strength=True)
    w.set_personal_info(PersonalInfo(rrn="9001011234567"))
    pw = "Abc#19900101x"
    w.line_edit.setText(pw)
    w.repeat_edit.setText(pw)
    assert not w.is_valid()
    w.set_personal_info(None)
    assert w.is_valid()


def test_shuffled_keypad_types_into_the_field(qtbot):
    w = _widget(qtbot, keypad=True)
    qtbot.mouseClick(w.findChild(type(w.keypad_button), "passwordKeypadButton"), Qt.MouseButton.LeftButton)
    pad = w.keypad
    assert pad.isVisible()
    keys = [b.text() for b in pad.keys if b.text()]
    assert sorted(keys) == sorted("1234567890qwertyuiopasdfghjklzxcvbnm")
    for ch in "a1":
        qtbot.mouseClick(pad.key_for(ch), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.findChild(QPushButton, "keypadShiftButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.key_for("Q"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.findChild(QPushButton, "keypadSymbolButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.key_for("#"), Qt.MouseButton.LeftButton)
    assert w.line_edit.text() == "a1Q#"
    qtbot.mouseClick(pad.findChild(QPushButton, "keypadBackspaceButton"), Qt.MouseButton.LeftButton)
    assert w.line_edit.text() == "a1Q"
    # keys never take the focus away from the field, and every opening reshuffles
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in pad.keys)
    layouts = set()
    for _ in range(5):
        pad.shuffle()
        layouts.add(tuple(b.text() for b in pad.keys))
    assert len(layouts) > 1
