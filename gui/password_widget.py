"""THE password widget: every certificate password in Dojang is typed here.

    w = PasswordWidget(parent, repeat=True, strength=True, keypad=True)
    w.set_personal_info(PersonalInfo(rrn=..., phone=...))   # policy checks for a new password
    w.validityChanged.connect(ok_button.setEnabled)
    pw = w.password()      # bytearray (printable ASCII) or str when it holds other characters
    w.clear()

- masked; show/hide with the eye button or Ctrl+H (also reachable with Tab);
- Caps Lock warning (judged from typed letters: Qt has no portable Caps Lock query);
- a warning as soon as the text holds non-ASCII characters (the Hangul input mode, 한/영 key);
- with `repeat`: a second field and a live "match / no match" line (icon + text);
- with `strength`: `core.validation.password.check_password` — a bar with a text label and the first
  rule that is not met; the widget is valid only when the policy is met and both fields match;
- with `keypad`: a shuffled on-screen keyboard (가상키보드), reshuffled every time it opens;
- one place renders a field's verdict (docs/gui-state.md): a page hands its own error label for a
  field to `adopt_error_label(label, which)`; `show_error(text, which)` shows a refused submit there
  (hiding the widget's live line for that field, so the rule is never shown twice) and the next edit
  of the field clears it again — a fixed password never keeps yesterday's red line.

The password lives only in the QLineEdit(s); nothing here copies it elsewhere.
"""
from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from core.i18n import current_language
from core.validation.password import PersonalInfo, check_password

from .icons import icon

_DIGITS = "1234567890"
_LETTERS = "qwertyuiopasdfghjklzxcvbnm"
_SYMBOLS = "!@#$%^&*()-_=+[]{};:,.<>/?~`"


def _is_ascii_printable(text: str) -> bool:
    return all(" " <= ch <= "~" for ch in text)


class _CapsWatcher(QObject):
    """Guesses Caps Lock from typed letters: upper case without Shift (or lower with Shift) = on."""

    def __init__(self, owner: "PasswordWidget"):
        super().__init__(owner)
        self.owner = owner

    @staticmethod
    def _is_toggle(event) -> bool:
        return event.key() == Qt.Key.Key_H and event.modifiers() == Qt.KeyboardModifier.ControlModifier

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        kind = event.type()
        # QLineEdit claims Ctrl+H as Backspace, so the show/hide shortcut would never reach the
        # action while a field has the focus: take the key here instead.
        if kind == QEvent.Type.ShortcutOverride and self._is_toggle(event):
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress and self._is_toggle(event):
            self.owner.show_button.toggle()
            return True
        if kind == QEvent.Type.KeyPress:
            text = event.text()
            if len(text) == 1 and text.isascii() and text.isalpha():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.owner._set_caps(text.isupper() != shift)
            elif event.key() == Qt.Key.Key_CapsLock:
                self.owner._set_caps(not self.owner.caps_lock)
        return False


class VirtualKeypad(QWidget):
    """On-screen keyboard with shuffled keys; types into a QLineEdit without the physical keyboard."""

    def __init__(self, target: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("virtualKeypad")
        self.target = target
        self.shift = False
        self.symbols = False
        self._rng = random.SystemRandom()
        self.grid = QGridLayout(self)
        self.grid.setSpacing(3)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.keys: list[QPushButton] = []
        self.shift_button = self._control(self.tr("Shift"), "keypadShiftButton", self._toggle_shift, True)
        self.symbol_button = self._control(self.tr("특수문자"), "keypadSymbolButton", self._toggle_symbols, True)
        self.back_button = self._control(self.tr("← 지우기"), "keypadBackspaceButton", self._backspace)
        self.clear_button = self._control(self.tr("전체 삭제"), "keypadClearButton", self.target.clear)
        self.shuffle_button = self._control(self.tr("재배열"), "keypadShuffleButton", self.shuffle)
        self.setAccessibleName(self.tr("가상키보드"))
        self.shuffle()

    def _control(self, text, name, slot, checkable=False) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setCheckable(checkable)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda _=False: slot())
        return b

    def _charset(self) -> str:
        if self.symbols:
            return _DIGITS + _SYMBOLS
        letters = _LETTERS.upper() if self.shift else _LETTERS
        return _DIGITS + letters

    def shuffle(self) -> None:
        for b in self.keys:
            self.grid.removeWidget(b)
            b.deleteLater()
        self.keys = []
        chars = list(self._charset())
        self._rng.shuffle(chars)
        cols = 10
        # two empty cells among the keys, as bank keypads do, so positions are not predictable
        cells = chars + [""] * 2
        self._rng.shuffle(cells)
        for i, ch in enumerate(cells):
            b = QPushButton(ch, self)
            b.setObjectName("keypadKey" if ch else "keypadBlank")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setFixedSize(34, 30)
            b.setAutoDefault(False)
            if ch:
                b.setAccessibleName(ch)
                b.clicked.connect(lambda _=False, c=ch: self._type(c))
            else:
                b.setEnabled(False)
                b.setFlat(True)
            self.grid.addWidget(b, i // cols, i % cols)
            self.keys.append(b)
        row = (len(cells) + cols - 1) // cols
        self.grid.addWidget(self.shift_button, row, 0, 1, 2)
        self.grid.addWidget(self.symbol_button, row, 2, 1, 2)
        self.grid.addWidget(self.shuffle_button, row, 4, 1, 2)
        self.grid.addWidget(self.back_button, row, 6, 1, 2)
        self.grid.addWidget(self.clear_button, row, 8, 1, 2)

    def key_for(self, ch: str) -> QPushButton | None:
        return next((b for b in self.keys if b.text() == ch), None)

    def _type(self, ch: str) -> None:
        self.target.insert(ch)

    def _backspace(self) -> None:
        self.target.backspace()

    def _toggle_shift(self) -> None:
        self.shift = self.shift_button.isChecked()
        self.shuffle()

    def _toggle_symbols(self) -> None:
        self.symbols = self.symbol_button.isChecked()
        self.shuffle()

    def showEvent(self, event):  # noqa: N802 - a fresh layout every time it opens
        self.shuffle()
        super().showEvent(event)


class PasswordWidget(QWidget):
    changed = Signal()
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, repeat: bool = False, strength: bool = False,
                 keypad: bool = False, lang: str | None = None):
        super().__init__(parent)
        self.setObjectName("passwordWidget")
        self.lang = lang or current_language()
        self.caps_lock = False
        self._personal: PersonalInfo | None = None
        self._valid = False
        self.use_policy = strength
        self._adopted: dict[str, QLabel] = {}     # which ("password" / "repeat") -> the page's error label
        self._shown_error: set[str] = set()       # fields whose adopted label holds a refused submit

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("passwordEdit")
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.line_edit.setMaxLength(64)
        self.line_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        row.addWidget(self.line_edit, 1)
        self.show_button = QToolButton(self)
        self.show_button.setObjectName("passwordShowButton")
        self.show_button.setCheckable(True)
        self.show_button.setIcon(icon("show"))
        self.show_button.toggled.connect(self.set_visible_text)
        row.addWidget(self.show_button)
        self.keypad_button = QToolButton(self)
        self.keypad_button.setObjectName("passwordKeypadButton")
        self.keypad_button.setCheckable(True)
        self.keypad_button.setIcon(icon("keypad"))
        self.keypad_button.setVisible(keypad)
        row.addWidget(self.keypad_button)
        outer.addLayout(row)

        # Ctrl+H toggles visibility from either field (KeePassXC's shortcut)
        self.toggle_action = QAction(self)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+H"))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.toggle_action.triggered.connect(self.show_button.toggle)
        self.addAction(self.toggle_action)

        self.repeat_edit: QLineEdit | None = None
        self.match_label: QLabel | None = None
        self.repeat_label: QLabel | None = None
        if repeat:
            self.repeat_label = QLabel(self)
            self.repeat_label.setObjectName("passwordRepeatLabel")
            outer.addWidget(self.repeat_label)
            self.repeat_edit = QLineEdit(self)
            self.repeat_edit.setObjectName("passwordRepeatEdit")
            self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat_edit.setMaxLength(64)
            self.repeat_label.setBuddy(self.repeat_edit)
            outer.addWidget(self.repeat_edit)
            self.match_label = QLabel(self)
            self.match_label.setObjectName("passwordMatchLabel")
            outer.addWidget(self.match_label)
            self.repeat_edit.textChanged.connect(self._on_changed)

        self.strength_bar: QProgressBar | None = None
        self.problem_label: QLabel | None = None
        if strength:
            self.strength_bar = QProgressBar(self)
            self.strength_bar.setObjectName("passwordStrengthBar")
            self.strength_bar.setRange(0, 4)
            self.strength_bar.setValue(0)
            self.strength_bar.setTextVisible(True)
            outer.addWidget(self.strength_bar)
            self.problem_label = QLabel(self)
            self.problem_label.setObjectName("passwordProblemLabel")
            self.problem_label.setWordWrap(True)
            outer.addWidget(self.problem_label)

        self.caps_label = QLabel(self)
        self.caps_label.setObjectName("capsLockWarning")
        self.caps_label.setWordWrap(True)
        self.caps_label.hide()
        outer.addWidget(self.caps_label)
        self.hangul_label = QLabel(self)
        self.hangul_label.setObjectName("nonAsciiWarning")
        self.hangul_label.setWordWrap(True)
        self.hangul_label.hide()
        outer.addWidget(self.hangul_label)

        self.keypad: VirtualKeypad | None = None
        if keypad:
            self.keypad = VirtualKeypad(self.line_edit, self)
            self.keypad.hide()
            outer.addWidget(self.keypad)
            self.keypad_button.toggled.connect(self.keypad.setVisible)

        self._caps_watcher = _CapsWatcher(self)
        self.line_edit.installEventFilter(self._caps_watcher)
        if self.repeat_edit is not None:
            self.repeat_edit.installEventFilter(self._caps_watcher)
        self.line_edit.textChanged.connect(self._on_changed)
        self.setFocusProxy(self.line_edit)
        self.retranslate()
        self._on_changed()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.line_edit.setAccessibleName(self.tr("암호"))
        self.line_edit.setPlaceholderText(self.tr("인증서 암호"))
        self.show_button.setToolTip(self.tr("암호 보이기/숨기기 (Ctrl+H)"))
        self.show_button.setAccessibleName(self.tr("암호 보이기"))
        self.show_button.setText(self.tr("보기"))
        self.keypad_button.setToolTip(self.tr("가상키보드로 입력 (키가 무작위로 배열됩니다)"))
        self.keypad_button.setAccessibleName(self.tr("가상키보드"))
        self.keypad_button.setText(self.tr("가상키보드"))
        if self.repeat_label is not None:
            self.repeat_label.setText(self.tr("암호 확인(&R)"))
            self.repeat_edit.setAccessibleName(self.tr("암호 다시 입력"))
            self.repeat_edit.setPlaceholderText(self.tr("같은 암호를 한 번 더 입력"))
        self.caps_label.setText("⚠ " + self.tr("Caps Lock이 켜져 있습니다."))
        self.hangul_label.setText("⚠ " + self.tr("영문·숫자·특수문자가 아닌 글자가 있습니다. 한/영 키를 눌러 "
                                                 "영문 입력 상태로 바꾼 뒤 다시 입력하세요."))
        self._on_changed()

    # --- public API -------------------------------------------------------------------------------
    def password(self) -> bytearray | str:
        """The typed password: a bytearray of printable ASCII, or the str itself if it holds other
        characters (core then refuses it with the Hangul-mode message)."""
        text = self.line_edit.text()
        return bytearray(text.encode("ascii")) if _is_ascii_printable(text) else text

    def clear(self) -> None:
        self.line_edit.clear()
        if self.repeat_edit is not None:
            self.repeat_edit.clear()
        self.show_button.setChecked(False)
        self._set_caps(False)

    def is_valid(self) -> bool:
        return self._valid

    def adopt_error_label(self, label: QLabel, which: str = "password") -> None:
        """`label` shows the refused-submit message of `which` ("password" or "repeat") and is hidden
        as soon as that verdict can have changed (the person edits either field)."""
        if which not in ("password", "repeat"):
            raise ValueError(which)
        self._adopted[which] = label
        label.setWordWrap(True)

    def show_error(self, text: str, which: str = "password") -> None:
        """A refused submit: the text in the adopted label of `which` (or the widget's own line when
        none was adopted), in red; the widget's live line for that field steps aside."""
        own = self.problem_label if which == "password" else self.match_label
        label = self._adopted.get(which) or own
        if label is None:
            return
        label.setText("✖ " + text)
        _paint(label, "bad")
        label.show()
        if own is not None and own is not label:
            own.hide()
        self._shown_error.add(which)

    def clear_error(self) -> None:
        """Hide every refused-submit message (the fields changed); the live lines come back."""
        for which in list(self._shown_error):
            label = self._adopted.get(which)
            if label is not None:
                label.clear()
                label.hide()
        self._shown_error.clear()

    def set_personal_info(self, info: PersonalInfo | None) -> None:
        """What a new password must not contain (birth date, phone, account…)."""
        self._personal = info
        self._on_changed()

    def set_visible_text(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.line_edit.setEchoMode(mode)
        if self.repeat_edit is not None:
            self.repeat_edit.setEchoMode(mode)
        self.show_button.setIcon(icon("hide" if visible else "show"))
        self.show_button.setText(self.tr("숨기기") if visible else self.tr("보기"))
        if self.show_button.isChecked() != visible:
            self.show_button.setChecked(visible)

    @property
    def text_visible(self) -> bool:
        return self.line_edit.echoMode() == QLineEdit.EchoMode.Normal

    # --- state ----------------------------------------------------------------------------------
    def _set_caps(self, on: bool) -> None:
        self.caps_lock = on
        self.caps_label.setVisible(on)

    def _on_changed(self, *_):
        self.clear_error()
        text = self.line_edit.text()
        repeat = self.repeat_edit.text() if self.repeat_edit is not None else None
        self.hangul_label.setVisible(not _is_ascii_printable(text + (repeat or "")))
        valid = bool(text) and _is_ascii_printable(text)
        if self.strength_bar is not None:
            if text:
                result = check_password(text, self._personal)
                score = result.score if result.ok else min(result.score, 1)
                ko, en = result.strength_label if result.ok else (("매우 약함", "Very weak") if score == 0
                                                                  else ("약함", "Weak"))
                label = self.tr("강도: {0}").format(ko if self.lang == "ko" else en)
                self.strength_bar.setValue(score)
                self.strength_bar.setFormat(label)
                self.strength_bar.setAccessibleDescription(label)
                self.strength_bar.setStyleSheet(_bar_style(score))
                problem = result.first_message(self.lang)
                self.problem_label.setText(("✖ " + problem) if problem else ("✔ " + self.tr("암호 규칙을 만족합니다.")))
                _paint(self.problem_label, "bad" if problem else "ok")
                # the Hangul-mode line below already says what is wrong with such characters
                self.problem_label.setVisible(_is_ascii_printable(text))
                valid = valid and result.ok
            else:
                self.strength_bar.setValue(0)
                self.strength_bar.setFormat(self.tr("강도: -"))
                self.strength_bar.setStyleSheet("")
                self.problem_label.setText(self.tr("영문, 숫자, 특수문자를 섞어 10자 이상으로 만드세요."))
                _paint(self.problem_label, "")
                self.problem_label.setVisible(True)
        if self.match_label is not None:
            self.match_label.show()
            if not repeat:
                self.match_label.setText("")
                valid = False
            elif repeat == text:
                self.match_label.setText("✔ " + self.tr("두 암호가 일치합니다."))
                _paint(self.match_label, "ok")
            else:
                self.match_label.setText("✖ " + self.tr("두 암호가 일치하지 않습니다."))
                _paint(self.match_label, "bad")
                valid = False
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)
        self.changed.emit()


_VERDICT_COLOUR = {"bad": "#b3261e", "ok": "#1b7f3b"}


def _paint(label: QLabel, verdict: str) -> None:
    """Red for a rule broken, green for a rule met, the normal text colour for a hint."""
    label.setProperty("verdict", verdict)
    colour = _VERDICT_COLOUR.get(verdict)
    label.setStyleSheet(f"color: {colour};" if colour else "")


def _bar_style(score: int) -> str:
    # colour backs up the text label, never replaces it
    score = max(0, min(4, score))
    colour = ["#c62828", "#ef6c00", "#f9a825", "#2e7d32", "#1b5e20"][score]
    # from score 3 the centred label sits on the dark green chunk: white text keeps it readable
    text = "white" if score >= 3 else "black"
    return (f"QProgressBar::chunk {{ background-color: {colour}; }} "
            f"QProgressBar {{ text-align: center; color: {text}; }}")


__all__ = ["PasswordWidget", "VirtualKeypad"]
