"""What every page of the wizard shares: the style, small widget helpers, the progress bridge and
the `Page` base class."""
from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.errors import DojangError
from core.i18n import current_language
from core.npki import policies
from core.npki.certificate import KST
from core.storage.base import HDD, PHONE, REMOVABLE

from ..context import AppContext
from ..icons import icon

KINDS = ("issue", "reissue", "renew", "register", "revoke", "reset_pin")
STORAGE_REFRESH_MS = 2000
ARS_POLL_MS = 500
KIND_ICON = {HDD: "hdd", REMOVABLE: "usb", PHONE: "phone"}

WIZARD_STYLE = """
#flowWizard { background: #f5f7fb; }
#wizardHeader { background: white; border-bottom: 1px solid #dde3ee; }
QLabel#wizardTitle { font-size: 18px; font-weight: 700; color: #1d2433; }
QLabel.stepChip { border-radius: 13px; padding: 4px 12px; font-size: 12px; color: #6b7385;
                  background: #eef1f6; }
QLabel.stepChip[state="current"] { background: #2f6fed; color: white; font-weight: 700; }
QLabel.stepChip[state="done"] { background: #dff3e6; color: #1b7f3b; }
QLabel.stepArrow { color: #aab2c2; }
QLabel#pageTitle { font-size: 16px; font-weight: 700; color: #1d2433; }
QLabel.intro { color: #3c4558; }
QLabel.hint { color: #6b7385; font-size: 12px; }
QLabel.fieldError, QLabel#wizardError { color: #b3261e; }
QLabel#wizardError { background: #fdecea; border: 1px solid #f3b8b3; border-radius: 6px; padding: 8px; }
QFrame.box { background: white; border: 1px solid #d5dbe6; border-radius: 8px; }
QFrame.warnBox { background: #fff4e5; border: 1px solid #f0c27b; border-radius: 8px; }
QLabel.big { font-size: 34px; font-weight: 800; color: #1f4fa8; letter-spacing: 6px; }
QLabel.ok { color: #1b7f3b; font-weight: 600; }
QLabel#pageTitle[class="ok"] { color: #1b7f3b; }
QListWidget#certList::item, QListWidget#storageList::item, QListWidget#reissueTargetList::item { padding: 5px 4px; }
"""


def ui_lang() -> str:
    return current_language()


def message_text(exc: DojangError) -> str:
    return exc.message(ui_lang())


def date_text(t) -> str:
    return t.astimezone(KST).strftime("%Y-%m-%d") if t is not None else "-"


def usage_label(kind: str | None) -> str:
    ko, en = policies.USAGE_LABELS.get(kind or policies.UNKNOWN, policies.USAGE_LABELS[policies.UNKNOWN])
    return ko if ui_lang() == "ko" else en


def make_label(text: str = "", parent: QWidget | None = None, *, name: str | None = None, cls: str | None = None,
           wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)   # names and paths from media are shown, never rendered as HTML
    if name:
        lab.setObjectName(name)
    if cls:
        lab.setProperty("class", cls)
    lab.setWordWrap(wrap)
    return lab


def make_line(name: str, parent: QWidget, *, secret: bool = False, max_len: int = 0, placeholder: str = "") -> QLineEdit:
    e = QLineEdit(parent)
    e.setObjectName(name)
    if secret:
        e.setEchoMode(QLineEdit.EchoMode.Password)
        # no IME for digits-only secrets: a Hangul composition would hide the real input
        e.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    if max_len:
        e.setMaxLength(max_len)
    if placeholder:
        e.setPlaceholderText(placeholder)
    return e


def make_box(parent: QWidget, cls: str = "box") -> tuple[QFrame, QVBoxLayout]:
    f = QFrame(parent)
    f.setProperty("class", cls)
    lay = QVBoxLayout(f)
    lay.setContentsMargins(12, 10, 12, 10)
    return f, lay


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


# --- progress bridge ------------------------------------------------------------------------------

class WizardProgress(QObject):
    """The `core.flows.Progress` the worker reports to: forwards by signal, reads the Cancel flag."""
    moved = Signal(float, object)        # fraction, core.flows.Text (queued to the GUI thread)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._stop = threading.Event()

    def update(self, fraction: float, text) -> None:   # worker thread
        self.moved.emit(float(fraction), text)

    def cancelled(self) -> bool:                       # worker thread
        return self._stop.is_set()

    def request_cancel(self) -> None:
        self._stop.set()

    def reset(self) -> None:
        self._stop.clear()


# --- step indicator --------------------------------------------------------------------------------


# --- pages ------------------------------------------------------------------------------------------

class Page(QWidget):
    """One flow step on screen. `submit()` calls the step method (errors propagate to the wizard)."""
    changed = Signal()           # Next may have become enabled/disabled
    advance = Signal()           # the step completed by itself (the ARS call was answered)

    def __init__(self, wizard, name: str, title: str, intro: str = ""):
        super().__init__(wizard)
        self.wizard = wizard
        self.setObjectName(name)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(20, 14, 20, 8)
        self.lay.setSpacing(8)
        self.title = make_label(title, self, name="pageTitle")
        self.lay.addWidget(self.title)
        self.intro = make_label(intro, self, name=f"{name}Intro", cls="intro")
        self.intro.setVisible(bool(intro))
        self.lay.addWidget(self.intro)
        self._errors: dict[str, QLabel] = {}

    @property
    def flow(self):
        return self.wizard.flow

    @property
    def ctx(self) -> AppContext:
        return self.wizard.ctx

    def error_label(self, field: str, parent: QWidget | None = None) -> QLabel:
        lab = make_label("", parent or self, name=f"{field}Error", cls="fieldError")
        lab.hide()
        self._errors[field] = lab
        return lab

    def show_error(self, field: str | None, text: str) -> bool:
        lab = self._errors.get(field or "")
        if lab is None:
            return False
        lab.setText("✖ " + text)
        lab.show()
        return True

    def clear_errors(self) -> None:
        for lab in self._errors.values():
            lab.clear()
            lab.hide()

    # hooks
    def enter(self) -> None:
        """The flow is on this page's step: fill the fields from the flow."""

    def leave(self) -> None:
        """The page goes away (Next/Back/Cancel): clear every secret."""

    def after_error(self, exc: DojangError) -> None:
        """A step method refused: refresh what the flow changed (e.g. new card cells)."""

    def submit(self) -> None:
        raise NotImplementedError

    def can_next(self) -> bool:
        return True

    def next_text(self) -> str:
        return Q.translate("Wizard", "다음")


def demo_row(page: Page, name: str, hint: str) -> QPushButton:
    """A hint and the 데모 고객 안내 보기 button at the bottom of `page` (opens the demo customers panel)."""
    row = QHBoxLayout()
    row.addWidget(make_label(hint, page, cls="hint"), 1)
    button = QPushButton(icon("help"), Q.translate("Wizard", "데모 고객 안내 보기"), page)
    button.setObjectName(name)
    button.clicked.connect(page.wizard.open_demo_panel)
    row.addWidget(button)
    page.lay.addLayout(row)
    return button
