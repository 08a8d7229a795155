"""Every modal question goes through here, so tests can answer it before it is asked.

KeePassXC-style wrappers: `MessageBox.set_next_answer(QMessageBox.StandardButton.Yes)`,
`FileDialog.set_next_file_name(path)`, `PasswordDialog.set_next_password(...)`,
`ConflictDialog.set_next_answer(ConflictChoice.KEEP_BOTH)`, `StoragePickerDialog.set_next_answer(id)`,
`ExportPfxDialog.set_next_answer("modern")`, `ChangePasswordDialog.set_next_answer((old, new))`.
A pre-set answer is used once (answers queue up when set several times); `MessageBox.history`
records every message that was asked or shown (kind, title, text) so tests can check wording.
Without a pre-set answer the real dialog is shown (exec: it waits for the user, not for work).

`ProgressDialog` is different: window-modal but opened with `open()` (no nested event loop); the
work runs on a worker, the dialog follows its progress, Cancel asks the worker to stop between
certificates, and at the end the dialog shows the exact summary and a Close button.
"""
from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QProgressBar, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from core.i18n import pick
from core.storage.operations import ConflictChoice, ConflictInfo

from .icons import icon
from .password_widget import PasswordWidget
from .safetext import plain_label, shown

Btn = QMessageBox.StandardButton


class AnswerQueue:
    """A queue of pre-set answers shared by one wrapper class."""

    def __init__(self):
        self.queue: deque = deque()

    def push(self, value) -> None:
        self.queue.append(value)

    def pop(self, default=None) -> tuple[bool, Any]:
        if self.queue:
            return True, self.queue.popleft()
        return False, default

    def clear(self) -> None:
        self.queue.clear()


def reset_answers() -> None:
    """Forget every pre-set answer and the message history (test teardown)."""
    for cls in (MessageBox, FileDialog, PasswordDialog, ConflictDialog, StoragePickerDialog,
                ExportPfxDialog, ChangePasswordDialog):
        cls._answers.clear()
    MessageBox.history.clear()
    PasswordDialog.history.clear()


# --- messages -----------------------------------------------------------------------------------

class MessageBox:
    _answers = AnswerQueue()
    history: list[tuple[str, str, str]] = []

    @classmethod
    def set_next_answer(cls, button: Btn) -> None:
        cls._answers.push(button)

    @classmethod
    def _ask(cls, kind: QMessageBox.Icon, parent: QWidget | None, title: str, text: str,
             buttons: Btn, default: Btn, informative: str = "", object_name: str = "messageBox",
             button_texts: dict | None = None) -> Btn:
        """button_texts: {Btn.Ok: "복사"} — say what the button does instead of a generic OK."""
        cls.history.append((kind.name, title, text))
        has, answer = cls._answers.pop()
        if has:
            return answer
        box = QMessageBox(kind, title, text, buttons, parent)
        box.setObjectName(object_name)
        if informative:
            box.setInformativeText(informative)
        box.setDefaultButton(default)
        for btn, label in (button_texts or {}).items():
            b = box.button(btn)
            if b is not None:
                b.setText(label)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return Btn(box.exec())

    @classmethod
    def question(cls, parent, title, text, buttons=Btn.Yes | Btn.No, default=Btn.No, **kw) -> Btn:
        return cls._ask(QMessageBox.Icon.Question, parent, title, text, buttons, default, **kw)

    @classmethod
    def warning(cls, parent, title, text, buttons=Btn.Ok, default=Btn.Ok, **kw) -> Btn:
        return cls._ask(QMessageBox.Icon.Warning, parent, title, text, buttons, default, **kw)

    @classmethod
    def critical(cls, parent, title, text, buttons=Btn.Ok, default=Btn.Ok, **kw) -> Btn:
        return cls._ask(QMessageBox.Icon.Critical, parent, title, text, buttons, default, **kw)

    @classmethod
    def information(cls, parent, title, text, buttons=Btn.Ok, default=Btn.Ok, **kw) -> Btn:
        return cls._ask(QMessageBox.Icon.Information, parent, title, text, buttons, default, **kw)


# --- files ----------------------------------------------------------------------------------------

class FileDialog:
    """File choosers. A pre-set "" means the user cancelled."""
    _answers = AnswerQueue()

    @classmethod
    def set_next_file_name(cls, path: str | Path) -> None:
        cls._answers.push(str(path))

    set_next_directory = set_next_file_name

    @classmethod
    def get_open_file_name(cls, parent, title: str, directory: str = "", filters: str = "") -> str:
        has, answer = cls._answers.pop()
        if has:
            return answer
        return QFileDialog.getOpenFileName(parent, title, directory, filters)[0]

    @classmethod
    def get_save_file_name(cls, parent, title: str, directory: str = "", filters: str = "") -> str:
        has, answer = cls._answers.pop()
        if has:
            return answer
        return QFileDialog.getSaveFileName(parent, title, directory, filters)[0]

    @classmethod
    def get_existing_directory(cls, parent, title: str, directory: str = "") -> str:
        has, answer = cls._answers.pop()
        if has:
            return answer
        return QFileDialog.getExistingDirectory(parent, title, directory)


# --- passwords ------------------------------------------------------------------------------------

class PasswordDialog(QDialog):
    """Asks for an existing password (certificate or PFX). Returns a bytearray/str, or None.

    error: shown in red above the prompt when asking again after a wrong password."""
    _answers = AnswerQueue()
    history: list[tuple[str, str | None]] = []     # (text, error) of every question, for tests

    @classmethod
    def set_next_password(cls, password: str | None) -> None:
        cls._answers.push(password)

    def __init__(self, parent: QWidget | None, title: str, text: str, error: str | None = None):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if error:
            err = QLabel(error, self)
            err.setObjectName("passwordDialogError")
            err.setWordWrap(True)
            err.setStyleSheet("color: #b3261e; font-weight: 600;")
            layout.addWidget(err)
        label = QLabel(text, self)
        label.setObjectName("passwordDialogText")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.password_widget = PasswordWidget(self, keypad=True)
        self.password_widget.setObjectName("passwordDialogWidget")
        layout.addWidget(self.password_widget)
        label.setBuddy(self.password_widget.line_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.setObjectName("passwordDialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.password_widget.validityChanged.connect(ok.setEnabled)
        layout.addWidget(self.buttons)
        self.password_widget.line_edit.setFocus()
        self.setMinimumWidth(420)

    @classmethod
    def get_password(cls, parent, title: str, text: str, error: str | None = None):
        cls.history.append((text, error))
        has, answer = cls._answers.pop()
        if has:
            return None if answer is None else bytearray(answer.encode("utf-8"))
        dlg = cls(parent, title, text, error)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            return dlg.password_widget.password()
        finally:
            dlg.password_widget.clear()
            dlg.deleteLater()


class ChangePasswordDialog(QDialog):
    """Current password + new password (with repeat and strength). Returns (old, new) or None."""
    _answers = AnswerQueue()

    @classmethod
    def set_next_answer(cls, answer: tuple[str, str] | None) -> None:
        cls._answers.push(answer)

    def __init__(self, parent: QWidget | None, cert_label: str):
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("인증서 암호 변경"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("인증서: {0}\n현재 암호를 확인한 뒤 새 암호로 바꿉니다. "
                               "잊어버린 암호는 찾을 수 없으니 새 암호를 잘 기억하세요.").format(cert_label), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        old_label = QLabel(self.tr("현재 암호(&C)"), self)
        layout.addWidget(old_label)
        self.old = PasswordWidget(self)
        self.old.setObjectName("oldPasswordWidget")
        old_label.setBuddy(self.old.line_edit)
        layout.addWidget(self.old)
        new_label = QLabel(self.tr("새 암호(&N)"), self)
        layout.addWidget(new_label)
        self.new = PasswordWidget(self, repeat=True, strength=True, keypad=True)
        self.new.setObjectName("newPasswordWidget")
        new_label.setBuddy(self.new.line_edit)
        layout.addWidget(self.new)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.setObjectName("changePasswordButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.old.validityChanged.connect(self._update)
        self.new.validityChanged.connect(self._update)
        self.old.line_edit.setFocus()
        self.setMinimumWidth(460)

    def _update(self, *_):
        self._ok.setEnabled(self.old.is_valid() and self.new.is_valid())

    @classmethod
    def get_passwords(cls, parent, cert_label: str):
        has, answer = cls._answers.pop()
        if has:
            return None if answer is None else tuple(bytearray(a.encode("utf-8")) for a in answer)
        dlg = cls(parent, cert_label)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            return dlg.old.password(), dlg.new.password()
        finally:
            dlg.old.clear()
            dlg.new.clear()
            dlg.deleteLater()


# --- choices --------------------------------------------------------------------------------------

class ConflictDialog(QDialog):
    """A different certificate already has this name: replace / keep both / cancel."""
    _answers = AnswerQueue()

    @classmethod
    def set_next_answer(cls, choice: ConflictChoice) -> None:
        cls._answers.push(choice)

    def __init__(self, parent: QWidget | None, info: ConflictInfo, lang: str):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("같은 이름의 인증서가 있습니다"))
        self.choice = ConflictChoice.CANCEL
        layout = QVBoxLayout(self)
        existing = getattr(getattr(info.existing, "info", None), "display_name", None)
        text = self.tr("저장하려는 위치에 이름이 같은 다른 인증서가 이미 있습니다.\n\n"
                       "가져오는 인증서: {0} (만료일 {1})\n이미 있는 것: {2}\n위치: {3}").format(
            shown(info.incoming.display_name), info.incoming.not_after.strftime("%Y-%m-%d"),
            shown(existing) or self.tr("(읽을 수 없는 폴더)"), shown(info.target))
        label = plain_label(QLabel(text, self))
        label.setWordWrap(True)
        label.setObjectName("conflictText")
        layout.addWidget(label)
        box = QDialogButtonBox(self)
        for name, txt, choice in (("conflictReplaceButton", self.tr("바꾸기(&R)"), ConflictChoice.REPLACE),
                                  ("conflictKeepBothButton", self.tr("둘 다 보관(&K)"), ConflictChoice.KEEP_BOTH),
                                  ("conflictCancelButton", self.tr("취소"), ConflictChoice.CANCEL)):
            b = QPushButton(txt, self)
            b.setObjectName(name)
            role = QDialogButtonBox.ButtonRole.RejectRole if choice is ConflictChoice.CANCEL \
                else QDialogButtonBox.ButtonRole.AcceptRole
            box.addButton(b, role)
            b.clicked.connect(lambda _=False, c=choice: self._pick(c))
        layout.addWidget(box)

    def _pick(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice is not ConflictChoice.CANCEL else QDialog.DialogCode.Rejected)

    @classmethod
    def ask(cls, parent, info: ConflictInfo, lang: str) -> ConflictChoice:
        has, answer = cls._answers.pop()
        if has:
            return ConflictChoice(answer)
        dlg = cls(parent, info, lang)
        dlg.exec()
        choice = dlg.choice
        dlg.deleteLater()
        return choice


class StoragePickerDialog(QDialog):
    """Where to copy / move / import to: the writable storages that are plugged in."""
    _answers = AnswerQueue()

    @classmethod
    def set_next_answer(cls, storage_id: str | None) -> None:
        cls._answers.push(storage_id)

    def __init__(self, parent: QWidget | None, title: str, storages: list, lang: str, prompt: str | None = None):
        super().__init__(parent)
        self.setObjectName("storagePickerDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if prompt:
            what = QLabel(prompt, self)
            what.setObjectName("storagePickerPrompt")
            what.setWordWrap(True)
            layout.addWidget(what)
        label = QLabel(self.tr("저장매체를 고르세요(&S):"), self)
        layout.addWidget(label)
        self.list = QListWidget(self)
        self.list.setObjectName("storagePickerList")
        label.setBuddy(self.list)
        for s in storages:
            item = QListWidgetItem(icon(_KIND_ICON.get(s.kind, "folder")), shown(s.label(lang), 120))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.list.addItem(item)
        if storages:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("storagePickerButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(buttons)
        self.resize(420, 300)

    @classmethod
    def pick(cls, parent, title: str, storages: list, lang: str, prompt: str | None = None) -> str | None:
        has, answer = cls._answers.pop()
        if has:
            return answer
        dlg = cls(parent, title, storages, lang, prompt)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.list.currentItem() is None:
                return None
            return dlg.list.currentItem().data(Qt.ItemDataRole.UserRole)
        finally:
            dlg.deleteLater()


_KIND_ICON = {"hdd": "hdd", "removable": "usb", "phone": "phone", "folder": "folder"}


class ExportPfxDialog(QDialog):
    """PFX flavour: modern (AES-256) or legacy (SHA-1/3DES for old programs), explained."""
    _answers = AnswerQueue()

    @classmethod
    def set_next_answer(cls, flavour: str | None) -> None:
        cls._answers.push(flavour)

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("exportPfxDialog")
        self.setWindowTitle(self.tr("PFX 파일로 내보내기"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("인증서와 개인키를 PFX(PKCS#12) 파일 하나로 저장합니다. 파일은 인증서 암호로 "
                               "보호됩니다. 어디에 쓸지에 맞는 형식을 고르세요."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.modern = QRadioButton(self.tr("최신 형식 (AES-256) — 권장(&M)"), self)
        self.modern.setObjectName("pfxModernRadio")
        modern_help = QLabel(self.tr("Windows 10 이후, macOS, 최근 브라우저와 프로그램에서 읽습니다. 더 안전합니다."), self)
        self.legacy = QRadioButton(self.tr("호환 형식 (SHA-1 / 3DES)(&L)"), self)
        self.legacy.setObjectName("pfxLegacyRadio")
        legacy_help = QLabel(self.tr("오래된 프로그램(예: Windows 7, 예전 뱅킹 프로그램)이 최신 형식을 "
                                     "읽지 못할 때만 고르세요."), self)
        for w in (modern_help, legacy_help):
            w.setWordWrap(True)
            w.setContentsMargins(24, 0, 0, 6)
        self.group.addButton(self.modern)
        self.group.addButton(self.legacy)
        self.modern.setChecked(True)
        for w in (self.modern, modern_help, self.legacy, legacy_help):
            layout.addWidget(w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("exportPfxButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def flavour(self) -> str:
        return "legacy" if self.legacy.isChecked() else "modern"

    @classmethod
    def ask(cls, parent) -> str | None:
        has, answer = cls._answers.pop()
        if has:
            return answer
        dlg = cls(parent)
        try:
            return dlg.flavour() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --- progress ---------------------------------------------------------------------------------------

class ProgressDialog(QDialog):
    """Follows a bulk task: bar, current item, Cancel; then the exact summary and Close."""
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None, title: str, total: int):
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.finished_ = False
        self._when_up = None
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("준비 중…"), self)
        self.label.setObjectName("progressLabel")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progressBar")
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("%v / %m"))
        layout.addWidget(self.bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("progressSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.button = QPushButton(self.tr("취소"), self)
        self.button.setObjectName("progressCancelButton")
        self.button.clicked.connect(self._clicked)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(440)

    def when_up(self, fn) -> None:
        """Call `fn` once the dialog is up: it became the active window and the window under it has
        repainted for that (the next event-loop pass) — or after 150 ms if the window system never
        activates it. run_bulk starts its worker here."""
        self._when_up = fn
        QTimer.singleShot(150, self, self._up)
        if self.isActiveWindow():
            QTimer.singleShot(0, self, self._up)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self._when_up is not None:
            QTimer.singleShot(0, self, self._up)
        super().changeEvent(event)

    def _up(self) -> None:
        fn, self._when_up = self._when_up, None
        if fn is not None:
            fn()

    def set_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(done)
        self.label.setText(text)

    def _clicked(self) -> None:
        if self.finished_:
            self.accept()
        else:
            self.button.setEnabled(False)
            self.label.setText(self.tr("지금 처리 중인 인증서까지 마치고 멈춥니다…"))
            self.cancelRequested.emit()

    def show_summary(self, headline: str, details: str = "") -> None:
        self.finished_ = True
        self.label.setText(headline)
        self.summary.setText(details)
        self.summary.setVisible(bool(details))
        self.button.setText(self.tr("닫기"))
        self.button.setObjectName("progressCloseButton")
        self.button.setEnabled(True)
        self.button.setFocus()
        # grow to show every failure line (a word-wrapped label does not resize a shown dialog)
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width()), self.sizeHint().height()))

    def reject(self) -> None:  # Esc: cancel while running, close at the end
        if self.finished_:
            super().reject()
        else:
            self._clicked()


def lang_pick(lang: str, ko: str, en: str) -> str:
    return pick(ko, en, lang)
