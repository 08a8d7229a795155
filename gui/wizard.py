"""The certificate-centre wizard: issue, reissue, renew, register and revoke (bank-flows.md §1–§4).

    open_flow_wizard(parent, ctx, "issue")          -> FlowWizard (shown, non-blocking)
    open_flow_wizard(parent, ctx, "renew", cert=(storage, cert_folder))

The wizard is a thin skin over the GUI-free flows in `core.flows`: every page shows the fields of
one flow step, hands what was typed to that step's method and shows the `FieldError` next to the
field it names (or a `FlowError` at the top of the page). The flow decides which step comes next;
the wizard only shows the page for `flow.step`. Passwords, the account PIN and one-time codes live
only in their input fields and are cleared when a page is left (Back, Next, Cancel, close).

The slow part of issuing (key pair, signing, safe save) runs on a worker (`gui.workers`); the page
shows a busy state with a progress bar, the window stays responsive, and Cancel asks the flow to stop
at its next safe point (the flow then removes anything half-written). The RSA key pair itself is
started on a background executor as soon as the flow begins, while the person is still typing.

When the bank calls or texts, the mock phone pops up by itself (`gui.phone_window.PhoneWatcher`).
`completed(Completion)` is emitted when a flow ends successfully; QDialog's `finished(int)` when the
window closes.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QProgressBar, QPushButton,
                               QRadioButton, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from core.errors import Cancelled, DojangError
from core.flows import (ARS, CANCELLED, CARD, CERT_PASSWORD, CONFIRM_REISSUE, CUSTOMER, DONE, FIRST_FACTOR, OTP,
                        PICK_CERT, SAVE, SECOND_FACTOR, SMS, TERMS, TYPE, TYPE_INFO, Completion, FieldError,
                        FlowError, KeyMaker, StepOrderError, start_flow)
from core.flows.base import require_new_password
from core.i18n import current_language
from core.npki import policies
from core.npki.certfolder import CertFolder, read_cert_folder
from core.npki.certificate import KST
from core.storage.base import HDD, PHONE, REMOVABLE, Storage

from .context import AppContext
from .icons import icon
from .password_widget import PasswordWidget
from .workers import Workers

KINDS = ("issue", "reissue", "renew", "register", "revoke")
STORAGE_REFRESH_MS = 2000
ARS_POLL_MS = 500
_KIND_ICON = {HDD: "hdd", REMOVABLE: "usb", PHONE: "phone"}

_STYLE = """
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


def _lang() -> str:
    return current_language()


def _msg(exc: DojangError) -> str:
    return exc.message(_lang())


def _date(t) -> str:
    return t.astimezone(KST).strftime("%Y-%m-%d") if t is not None else "-"


def _usage_label(kind: str | None) -> str:
    ko, en = policies.USAGE_LABELS.get(kind or policies.UNKNOWN, policies.USAGE_LABELS[policies.UNKNOWN])
    return ko if _lang() == "ko" else en


def _label(text: str = "", parent: QWidget | None = None, *, name: str | None = None, cls: str | None = None,
           wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    if name:
        lab.setObjectName(name)
    if cls:
        lab.setProperty("class", cls)
    lab.setWordWrap(wrap)
    return lab


def _line(name: str, parent: QWidget, *, secret: bool = False, max_len: int = 0, placeholder: str = "") -> QLineEdit:
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


def _box(parent: QWidget, cls: str = "box") -> tuple[QFrame, QVBoxLayout]:
    f = QFrame(parent)
    f.setProperty("class", cls)
    lay = QVBoxLayout(f)
    lay.setContentsMargins(12, 10, 12, 10)
    return f, lay


def _mmss(seconds: int) -> str:
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

# Flows that start with the certificate-type page: their step indicator gets a leading 종류 선택 chip.
_HAS_TYPE_PAGE = ("issue", "reissue")


def _stage_labels(kind: str) -> list[str]:
    t = lambda s: s  # noqa: E731 - the strings below are translated where they are shown
    if kind in _HAS_TYPE_PAGE:
        return [t("종류 선택"), t("고객정보"), t("약관동의"), t("본인인증"), t("저장 및 비밀번호"), t("완료")]
    if kind == "renew":
        return [t("인증서 선택"), t("암호 확인"), t("새 암호"), t("완료")]
    if kind == "revoke":
        return [t("인증서 선택"), t("암호 확인 및 폐기"), t("완료")]
    if kind == "register":
        return [t("고객정보"), t("약관동의"), t("본인인증"), t("인증서 선택"), t("완료")]
    return [t("고객정보"), t("약관동의"), t("본인인증"), t("저장 및 비밀번호"), t("완료")]


_STEP_STAGE = {
    "issue": {TYPE: 0, CUSTOMER: 1, TERMS: 2, FIRST_FACTOR: 3, SECOND_FACTOR: 3, SAVE: 4, DONE: 5},
    "reissue": {TYPE: 0, CUSTOMER: 1, TERMS: 2, FIRST_FACTOR: 3, SECOND_FACTOR: 3, CONFIRM_REISSUE: 4, SAVE: 4,
                DONE: 5},
    "register": {CUSTOMER: 0, TERMS: 1, FIRST_FACTOR: 2, SECOND_FACTOR: 2, PICK_CERT: 3, CERT_PASSWORD: 3, DONE: 4},
    "renew": {PICK_CERT: 0, CERT_PASSWORD: 1, SAVE: 2, DONE: 3},
    "revoke": {PICK_CERT: 0, CERT_PASSWORD: 1, DONE: 2},
}


def _translate_stage(text: str) -> str:
    # Listed literally so lupdate sees every stage name.
    table = {
        "고객정보": Q.translate("Wizard", "고객정보"), "약관동의": Q.translate("Wizard", "약관동의"),
        "본인인증": Q.translate("Wizard", "본인인증"), "저장 및 비밀번호": Q.translate("Wizard", "저장 및 비밀번호"),
        "완료": Q.translate("Wizard", "완료"), "인증서 선택": Q.translate("Wizard", "인증서 선택"),
        "암호 확인": Q.translate("Wizard", "암호 확인"), "새 암호": Q.translate("Wizard", "새 암호"),
        "암호 확인 및 폐기": Q.translate("Wizard", "암호 확인 및 폐기"),
        "종류 선택": Q.translate("Wizard", "종류 선택"),
    }
    return table.get(text, text)


class StepIndicator(QWidget):
    """[종류 선택 →] 1 고객정보 → 2 약관동의 → 3 본인인증 → 4 저장 및 비밀번호 → 완료 (current one highlighted).

    The numbered chips are the bank's four steps (stepChip_1…4, 완료 = stepChip_5 for the issuing
    flows); flows that start on the type page get an unnumbered leading chip, stepChip_type."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.chips: list[QLabel] = []
        names = _stage_labels(kind)
        lead = kind in _HAS_TYPE_PAGE
        self.texts: list[str] = []
        for i, name in enumerate(names):
            last = i == len(names) - 1
            number = i if lead else i + 1
            text = _translate_stage(name) if last or number == 0 else f"{number}  {_translate_stage(name)}"
            self.texts.append(text)
            chip = _label(text, self, name="stepChip_type" if number == 0 else f"stepChip_{number}", cls="stepChip",
                          wrap=False)
            self.chips.append(chip)
            lay.addWidget(chip)
            if not last:
                lay.addWidget(_label("›", self, cls="stepArrow", wrap=False))
        lay.addStretch(1)
        self.current = -1

    def set_stage(self, index: int) -> None:
        self.current = index
        for i, chip in enumerate(self.chips):
            state = "current" if i == index else ("done" if i < index else "todo")
            chip.setProperty("state", state)
            chip.setText(("✔ " if state == "done" else "") + self.texts[i])
            chip.setAccessibleDescription({"current": Q.translate("Wizard", "현재 단계"),
                                           "done": Q.translate("Wizard", "끝난 단계"),
                                           "todo": Q.translate("Wizard", "남은 단계")}[state])
            chip.style().unpolish(chip)
            chip.style().polish(chip)

    def current_text(self) -> str:
        return self.chips[self.current].text() if 0 <= self.current < len(self.chips) else ""


# --- pages ------------------------------------------------------------------------------------------

class Page(QWidget):
    """One flow step on screen. `submit()` calls the step method (errors propagate to the wizard)."""
    changed = Signal()           # Next may have become enabled/disabled
    advance = Signal()           # the step completed by itself (the ARS call was answered)

    def __init__(self, wizard: "FlowWizard", name: str, title: str, intro: str = ""):
        super().__init__(wizard)
        self.wizard = wizard
        self.setObjectName(name)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(20, 14, 20, 8)
        self.lay.setSpacing(8)
        self.title = _label(title, self, name="pageTitle")
        self.lay.addWidget(self.title)
        self.intro = _label(intro, self, name=f"{name}Intro", cls="intro")
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
        lab = _label("", parent or self, name=f"{field}Error", cls="fieldError")
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


def _demo_row(page: Page, name: str, hint: str) -> QPushButton:
    """A hint and the 데모 고객 안내 보기 button at the bottom of `page` (opens the demo customers panel)."""
    row = QHBoxLayout()
    row.addWidget(_label(hint, page, cls="hint"), 1)
    button = QPushButton(icon("help"), Q.translate("Wizard", "데모 고객 안내 보기"), page)
    button.setObjectName(name)
    button.clicked.connect(page.wizard.open_demo_panel)
    row.addWidget(button)
    page.lay.addLayout(row)
    return button


class TypePage(Page):
    def __init__(self, wizard):
        reissue = wizard.kind == "reissue"
        super().__init__(wizard, "typePage",
                         Q.translate("Wizard", "재발급할 인증서 종류") if reissue
                         else Q.translate("Wizard", "발급할 인증서 종류를 고르세요"),
                         Q.translate("Wizard", "공동인증서(옛 공인인증서)는 쓰는 곳에 따라 두 가지가 있습니다. 유효기간은 "
                                               "둘 다 1년입니다."))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for kind, name in ((policies.BANKING, "typeBankingRadio"), (policies.GENERAL, "typeGeneralRadio")):
            box, bl = _box(self)
            text = TYPE_INFO[kind].message(_lang())
            head, _, rest = text.partition(". ")
            radio = QRadioButton(head, box)
            radio.setObjectName(name)
            f = radio.font()
            f.setBold(True)
            radio.setFont(f)
            bl.addWidget(radio)
            desc = _label(rest, box, cls="hint")
            desc.setContentsMargins(24, 0, 0, 0)
            bl.addWidget(desc)
            self.group.addButton(radio)
            self.radios[kind] = radio
            self.lay.addWidget(box)
        self.radios[policies.BANKING].setChecked(True)
        self.error_label("cert_type")
        self.lay.addWidget(self._errors["cert_type"])
        self.lay.addStretch(1)
        self.demo_button = _demo_row(self, "demoPanelButton",
                                     Q.translate("Wizard", "처음이라면: 모의 은행의 데모 고객 정보로 끝까지 해볼 수 "
                                                           "있습니다."))

    def enter(self) -> None:
        chosen = self.flow.data.get("cert_type")
        if chosen in self.radios:
            self.radios[chosen].setChecked(True)

    def chosen(self) -> str | None:
        return next((k for k, r in self.radios.items() if r.isChecked()), None)

    def submit(self) -> None:
        self.flow.choose_type(self.chosen() or "")


class CustomerPage(Page):
    def __init__(self, wizard):
        super().__init__(wizard, "customerPage", Q.translate("Wizard", "고객정보 입력"),
                         Q.translate("Wizard", "본인 확인을 위해 은행에 등록된 정보를 입력하세요. 계좌 비밀번호는 "
                                               "통장 비밀번호 4자리입니다."))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.name = _line("customerNameEdit", self, max_len=30, placeholder=Q.translate("Wizard", "예: 홍길동"))
        self.rrn_front = _line("rrnFrontEdit", self, max_len=6, placeholder=Q.translate("Wizard", "앞 6자리"))
        self.rrn_back = _line("rrnBackEdit", self, secret=True, max_len=7, placeholder=Q.translate("Wizard", "뒤 7자리"))
        self.account = _line("accountEdit", self, max_len=20, placeholder=Q.translate("Wizard", "숫자만 (- 없이)"))
        self.account_password = _line("accountPasswordEdit", self, secret=True, max_len=4,
                                      placeholder=Q.translate("Wizard", "4자리"))
        rrn = QWidget(self)
        rl = QHBoxLayout(rrn)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.rrn_front, 1)
        rl.addWidget(QLabel("-", rrn))
        rl.addWidget(self.rrn_back, 1)
        rows = (("이름", self.name, "name"), ("주민등록번호", rrn, "rrn"), ("계좌번호", self.account, "account"),
                ("계좌 비밀번호", self.account_password, "account_password"))
        titles = {"이름": Q.translate("Wizard", "이름(&N)"), "주민등록번호": Q.translate("Wizard", "주민등록번호(&R)"),
                  "계좌번호": Q.translate("Wizard", "계좌번호(&A)"), "계좌 비밀번호": Q.translate("Wizard", "계좌 비밀번호(&P)")}
        for i, (key, widget, field) in enumerate(rows):
            lab = QLabel(titles[key], self)
            lab.setBuddy(self.rrn_front if widget is rrn else widget)
            grid.addWidget(lab, i * 2, 0)
            grid.addWidget(widget, i * 2, 1)
            grid.addWidget(self.error_label(field), i * 2 + 1, 1)
        for e in (self.name, self.account, self.account_password):
            e.setMaximumWidth(340)
        rrn.setMaximumWidth(340)
        grid.setColumnStretch(2, 1)
        self.lay.addLayout(grid)
        self.lay.addWidget(_label(Q.translate("Wizard", "계좌 비밀번호를 정해진 횟수 이상 틀리면 인증서 업무가 잠기고, "
                                                         "영업점(데모: 창구 패널)에서 풀어야 합니다."), self, cls="hint"))
        self.lay.addStretch(1)
        # the values are typed here: the demo customers panel is offered where the type page offers it
        self.demo_button = None
        if TYPE in _STEP_STAGE[wizard.kind]:
            self.demo_button = _demo_row(self, "customerDemoPanelButton",
                                         Q.translate("Wizard", "데모 고객의 이름·주민등록번호·계좌 값은 데모 고객 안내에서 "
                                                               "복사해 붙여 넣을 수 있습니다."))
        for e in (self.name, self.rrn_front, self.rrn_back, self.account, self.account_password):
            e.returnPressed.connect(self.wizard.next)
        # room for a whole number pasted here ("900101-1234567", "900101 - 1234567"): split over
        # both fields by _front_edited; anything else keeps the field's 6-character limit
        self.rrn_front.setMaxLength(20)
        self._front_before = ""
        self.rrn_front.textChanged.connect(self._front_changed)
        self.rrn_front.textEdited.connect(self._front_edited)

    def _front_changed(self, text: str) -> None:
        if len(text) <= 6:              # what the field held last while within its 6 characters
            self._front_before = text

    def _front_edited(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch in "0123456789")
        if len(text) <= 6:
            if len(text) == 6:
                self.rrn_back.setFocus()
            return
        if len(digits) == 13 and not self.rrn_back.text():
            self.rrn_front.setText(digits[:6])      # a whole 주민등록번호 pasted: fill both fields
            self.rrn_back.setText(digits[6:])
            self.rrn_back.setFocus()
        else:                                       # a 7th character typed or a partial paste: refused,
            before = self._front_before      # as a 6-character field refuses it
            self.rrn_front.setText(before)
            self.rrn_front.setCursorPosition(len(before))

    def enter(self) -> None:
        d = self.flow.data
        self.name.setText(d.get("name", ""))
        rrn = d.get("rrn", "")
        self.rrn_front.setText(rrn[:6])
        self.rrn_back.setText(rrn[6:])
        self.account.setText(d.get("account", ""))
        self.account_password.clear()
        (self.name if not self.name.text() else self.account_password).setFocus()

    def leave(self) -> None:
        self.account_password.clear()

    def submit(self) -> None:
        pin = self.account_password.text()
        self.account_password.clear()   # used once: a wrong one must be typed again
        self.flow.submit_customer(self.name.text(), self.rrn_front.text() + self.rrn_back.text(),
                                  self.account.text(), pin)


class TermsPage(Page):
    def __init__(self, wizard):
        super().__init__(wizard, "termsPage", Q.translate("Wizard", "약관동의"),
                         Q.translate("Wizard", "필수 약관에 모두 동의해야 다음 단계로 넘어갈 수 있습니다. "
                                               "'전문 보기'로 약관 전체를 읽을 수 있습니다."))
        self.all = QCheckBox(Q.translate("Wizard", "모두 동의합니다"), self)
        self.all.setObjectName("termsAllCheck")
        f = self.all.font()
        f.setBold(True)
        self.all.setFont(f)
        self.all.clicked.connect(self._all_clicked)
        self.lay.addWidget(self.all)
        scroll = QScrollArea(self)
        scroll.setObjectName("termsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        self.inner_lay = QVBoxLayout(inner)
        self.inner_lay.setContentsMargins(0, 0, 6, 0)
        scroll.setWidget(inner)
        self.lay.addWidget(scroll, 1)
        self.inner = inner
        self.lay.addWidget(self.error_label("terms"))
        self.checks: dict[str, QCheckBox] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self._built = False

    def _build_terms(self) -> None:
        self._built = True
        for t in self.flow.terms():
            box, bl = _box(self.inner)
            row = QHBoxLayout()
            title = t.title_ko if _lang() == "ko" else t.title_en
            tag = Q.translate("Wizard", "[필수]") if t.required else Q.translate("Wizard", "[선택]")
            check = QCheckBox(f"{tag} {title}", box)
            check.setObjectName(f"termCheck_{t.id}")
            check.setProperty("required", t.required)
            check.toggled.connect(self._one_toggled)
            row.addWidget(check, 1)
            view = QPushButton(Q.translate("Wizard", "전문 보기"), box)
            view.setObjectName(f"termViewButton_{t.id}")
            view.setCheckable(True)
            row.addWidget(view)
            bl.addLayout(row)
            text = QPlainTextEdit(box)
            text.setObjectName(f"termText_{t.id}")
            text.setReadOnly(True)
            text.setPlainText(t.text)
            text.setMinimumHeight(160)
            text.hide()
            view.toggled.connect(text.setVisible)
            view.toggled.connect(lambda on, b=view: b.setText(Q.translate("Wizard", "접기") if on
                                                              else Q.translate("Wizard", "전문 보기")))
            bl.addWidget(text)
            bl.addWidget(_label(Q.translate("Wizard", "버전 {0}").format(t.version), box, cls="hint"))
            self.inner_lay.addWidget(box)
            box.show()      # built after the page was first shown: children are not shown implicitly
            self.checks[t.id] = check
            self.texts[t.id] = text
        self.inner_lay.addStretch(1)

    def enter(self) -> None:
        if not self._built:
            self._build_terms()
        agreed = set(self.flow.data.get("terms", []))
        for tid, c in self.checks.items():
            c.setChecked(tid in agreed)
        self._one_toggled()

    def _all_clicked(self, on: bool) -> None:
        for c in self.checks.values():
            c.blockSignals(True)
            c.setChecked(on)
            c.blockSignals(False)
        self._one_toggled()

    def _one_toggled(self, *_):
        self.all.setChecked(bool(self.checks) and all(c.isChecked() for c in self.checks.values()))
        if all(c.isChecked() for c in self.checks.values() if c.property("required")):
            self._errors["terms"].hide()

    def submit(self) -> None:
        self.flow.submit_terms([tid for tid, c in self.checks.items() if c.isChecked()])


class FirstFactorPage(Page):
    """ARS 전화인증 (2-digit code keyed on the phone) or SMS 1회용 인증번호."""

    def __init__(self, wizard):
        super().__init__(wizard, "firstFactorPage", Q.translate("Wizard", "본인인증 (1/2): 휴대폰"),
                         Q.translate("Wizard", "은행에 등록된 휴대폰으로 본인인증을 합니다. 한 가지를 고르세요."))
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.ars_radio = QRadioButton(Q.translate("Wizard", "ARS 전화인증"), self)
        self.ars_radio.setObjectName("firstArsRadio")
        self.sms_radio = QRadioButton(Q.translate("Wizard", "SMS 인증 (1회용 인증번호)"), self)
        self.sms_radio.setObjectName("firstSmsRadio")
        for r in (self.ars_radio, self.sms_radio):
            self.group.addButton(r)
            row.addWidget(r)
        row.addStretch(1)
        self.phone_button = QPushButton(icon("phone"), Q.translate("Wizard", "휴대폰(모의) 보기"), self)
        self.phone_button.setObjectName("showPhoneButton")
        self.phone_button.clicked.connect(self.open_phone)
        row.addWidget(self.phone_button)
        self.lay.addLayout(row)
        self.stack = QStackedWidget(self)
        self.lay.addWidget(self.stack)

        # ARS
        ars = QWidget(self.stack)
        al = QVBoxLayout(ars)
        al.setContentsMargins(0, 0, 0, 0)
        al.addWidget(_label(Q.translate("Wizard", "'전화 요청'을 누르면 은행이 등록된 휴대폰으로 전화합니다. 전화를 받고 "
                                                   "아래 두 자리 숫자를 휴대폰 키패드로 누르세요. 전화가 끝나면 다음 "
                                                   "단계로 넘어갑니다."), ars, cls="intro"))
        box, bl = _box(ars)
        self.ars_code = _label("", box, name="arsCodeLabel", cls="big", wrap=False)
        self.ars_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bl.addWidget(self.ars_code)
        self.ars_info = _label("", box, name="arsInfoLabel")
        self.ars_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bl.addWidget(self.ars_info)
        self.ars_bar = QProgressBar(box)
        self.ars_bar.setObjectName("arsCountdownBar")
        self.ars_bar.hide()
        bl.addWidget(self.ars_bar)
        al.addWidget(box)
        self.ars_button = QPushButton(Q.translate("Wizard", "전화 요청"), ars)
        self.ars_button.setObjectName("arsStartButton")
        self.ars_button.clicked.connect(self.start_ars)
        al.addWidget(self.ars_button, 0, Qt.AlignmentFlag.AlignLeft)
        al.addWidget(self.error_label("ars", ars))
        al.addStretch(1)
        self.stack.addWidget(ars)

        # SMS
        sms = QWidget(self.stack)
        sl = QVBoxLayout(sms)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(_label(Q.translate("Wizard", "'인증번호 받기'를 누르면 등록된 휴대폰으로 6자리 인증번호를 보냅니다. "
                                                   "인증번호는 3분 동안 쓸 수 있습니다."), sms, cls="intro"))
        srow = QHBoxLayout()
        self.sms_button = QPushButton(Q.translate("Wizard", "인증번호 받기"), sms)
        self.sms_button.setObjectName("smsSendButton")
        self.sms_button.clicked.connect(self.send_sms)
        srow.addWidget(self.sms_button)
        self.sms_info = _label("", sms, name="smsInfoLabel")
        srow.addWidget(self.sms_info, 1)
        sl.addLayout(srow)
        crow = QHBoxLayout()
        code_label = QLabel(Q.translate("Wizard", "인증번호(&C)"), sms)
        crow.addWidget(code_label)
        self.sms_code = _line("smsCodeEdit", sms, max_len=6, placeholder=Q.translate("Wizard", "6자리 숫자"))
        self.sms_code.setMaximumWidth(160)
        code_label.setBuddy(self.sms_code)
        self.sms_code.returnPressed.connect(self.wizard.next)
        self.sms_code.textChanged.connect(lambda *_: self.changed.emit())
        crow.addWidget(self.sms_code)
        self.sms_countdown = _label("", sms, name="smsCountdownLabel", wrap=False)
        crow.addWidget(self.sms_countdown)
        crow.addStretch(1)
        sl.addLayout(crow)
        sl.addWidget(self.error_label("sms_code", sms))
        sl.addStretch(1)
        self.stack.addWidget(sms)

        self.ars_radio.toggled.connect(self._channel_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(ARS_POLL_MS)
        self.timer.timeout.connect(self.tick)

    # channel ----------------------------------------------------------------------------------
    def channel(self) -> str:
        return ARS if self.ars_radio.isChecked() else SMS

    def _channel_changed(self, *_):
        self.stack.setCurrentIndex(0 if self.channel() == ARS else 1)
        if self.flow.step == FIRST_FACTOR:
            self.flow.choose_first(self.channel())
        self._show_state()
        self.changed.emit()

    def enter(self) -> None:
        ch = self.flow.data.get("first_channel", ARS)
        (self.ars_radio if ch == ARS else self.sms_radio).setChecked(True)
        self._channel_changed()
        self.sms_code.clear()
        self.timer.start()

    def leave(self) -> None:
        self.timer.stop()
        self.sms_code.clear()
        self.ars_code.clear()

    # ARS --------------------------------------------------------------------------------------
    def start_ars(self) -> None:
        self.clear_errors()
        self.wizard.clear_top_error()
        try:
            self.flow.start_ars()
        except FlowError as exc:
            self.wizard.show_flow_error(exc)
            return
        self._show_state()
        self.timer.start()

    def tick(self) -> None:
        flow = self.flow
        if flow.step != FIRST_FACTOR:
            return
        if flow.ars is not None:
            try:
                done = flow.poll_ars()
            except FlowError as exc:          # expired / declined / too many wrong keys
                self.show_error(exc.field or "ars", _msg(exc))
                self._show_state()
                return
            if done:
                self.advance.emit()
                return
        self._show_state()

    # SMS --------------------------------------------------------------------------------------
    def send_sms(self) -> None:
        self.clear_errors()
        self.wizard.clear_top_error()
        try:
            self.flow.send_sms()
        except FlowError as exc:
            if not self.show_error(exc.field, _msg(exc)):
                self.wizard.show_flow_error(exc)
            return
        self.sms_code.clear()
        self.sms_code.setFocus()
        self._show_state()
        self.timer.start()

    def _show_state(self) -> None:
        flow = self.flow
        masked = flow.session.phone_masked if flow.session else ""
        left = flow.seconds_left() if flow.step == FIRST_FACTOR else None
        if flow.ars is not None:
            self.ars_code.setText(flow.ars.code)
            self.ars_info.setText(Q.translate("Wizard", "전화를 걸고 있습니다: {0}. 전화를 받아 위 두 자리 숫자를 "
                                                        "누르세요.").format(flow.ars.phone_masked))
            total = self.wizard.bank_config("ars_ttl", 120)
            self.ars_bar.setRange(0, total)
            self.ars_bar.setValue(left or 0)
            self.ars_bar.setFormat(Q.translate("Wizard", "남은 시간 {0}").format(_mmss(left or 0)))
            self.ars_bar.show()
            self.ars_button.setText(Q.translate("Wizard", "다시 전화 요청"))
        else:
            self.ars_code.setText("– –")
            self.ars_info.setText(Q.translate("Wizard", "전화 받을 번호: {0}").format(masked) if masked else "")
            self.ars_bar.hide()
            self.ars_button.setText(Q.translate("Wizard", "전화 요청"))
        if flow.sms is not None:
            self.sms_button.setText(Q.translate("Wizard", "인증번호 다시 받기"))
            self.sms_info.setText(Q.translate("Wizard", "보낸 번호: {0}. 다시 받기 {1}회 남음.").format(
                flow.sms.phone_masked, flow.sms.resends_left))
            if left:
                self.sms_countdown.setText(Q.translate("Wizard", "남은 시간 {0}").format(_mmss(left)))
            else:
                self.sms_countdown.setText(Q.translate("Wizard", "입력 시간이 지났습니다. 인증번호를 다시 받으세요."))
        else:
            self.sms_button.setText(Q.translate("Wizard", "인증번호 받기"))
            self.sms_info.setText(Q.translate("Wizard", "받을 번호: {0}").format(masked) if masked else "")
            self.sms_countdown.setText("")

    def after_error(self, exc: DojangError) -> None:
        self.sms_code.clear()
        self._show_state()

    def open_phone(self) -> None:
        self.wizard.open_customer_phone()

    def can_next(self) -> bool:
        return self.channel() == SMS and bool(self.sms_code.text().strip())

    def submit(self) -> None:
        code = self.sms_code.text()
        self.sms_code.clear()
        self.flow.submit_sms(code)


class SecondFactorPage(Page):
    """보안카드 (two requested cells) or OTP."""

    def __init__(self, wizard):
        super().__init__(wizard, "secondFactorPage", Q.translate("Wizard", "본인인증 (2/2): 보안카드 또는 OTP"),
                         Q.translate("Wizard", "은행에서 받은 보안카드나 OTP 발생기로 한 번 더 확인합니다."))
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.card_radio = QRadioButton(Q.translate("Wizard", "보안카드"), self)
        self.card_radio.setObjectName("secondCardRadio")
        self.otp_radio = QRadioButton(Q.translate("Wizard", "OTP"), self)
        self.otp_radio.setObjectName("secondOtpRadio")
        for r in (self.card_radio, self.otp_radio):
            self.group.addButton(r)
            row.addWidget(r)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.stack = QStackedWidget(self)
        self.lay.addWidget(self.stack)

        card = QWidget(self.stack)
        cl = QVBoxLayout(card)
        cl.setContentsMargins(0, 0, 0, 0)
        self.card_prompt = _label("", card, name="cardPromptLabel")
        cl.addWidget(self.card_prompt)
        grid = QGridLayout()
        self.card_first_label = QLabel("", card)
        self.card_first_label.setObjectName("cardFirstLabel")
        self.card_first = _line("cardFirstEdit", card, secret=True, max_len=2, placeholder="● ●")
        self.card_second_label = QLabel("", card)
        self.card_second_label.setObjectName("cardSecondLabel")
        self.card_second = _line("cardSecondEdit", card, secret=True, max_len=2, placeholder="● ●")
        for e in (self.card_first, self.card_second):
            e.setMaximumWidth(90)
            e.textChanged.connect(lambda *_: self.changed.emit())
            e.returnPressed.connect(self.wizard.next)
        self.card_first.textEdited.connect(lambda t: self.card_second.setFocus() if len(t) == 2 else None)
        self.card_first_label.setBuddy(self.card_first)
        self.card_second_label.setBuddy(self.card_second)
        grid.addWidget(self.card_first_label, 0, 0)
        grid.addWidget(self.card_first, 0, 1)
        grid.addWidget(self.card_second_label, 1, 0)
        grid.addWidget(self.card_second, 1, 1)
        grid.setColumnStretch(2, 1)
        cl.addLayout(grid)
        cl.addWidget(self.error_label("card_answer", card))
        self.card_button = QPushButton(icon("card"), Q.translate("Wizard", "보안카드 보기 (모의)"), card)
        self.card_button.setObjectName("showCardButton")
        self.card_button.clicked.connect(self.open_card)
        cl.addWidget(self.card_button, 0, Qt.AlignmentFlag.AlignLeft)
        cl.addStretch(1)
        self.stack.addWidget(card)

        otp = QWidget(self.stack)
        ol = QVBoxLayout(otp)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(_label(Q.translate("Wizard", "OTP 발생기의 버튼을 눌러 나온 6자리 번호를 입력하세요. 한 번 쓴 번호는 "
                                                   "다시 쓸 수 없으니, 다시 입력할 때는 새 번호를 기다리세요."),
                            otp, cls="intro"))
        orow = QHBoxLayout()
        otp_label = QLabel(Q.translate("Wizard", "OTP 번호(&O)"), otp)
        orow.addWidget(otp_label)
        self.otp_code = _line("otpCodeEdit", otp, secret=True, max_len=6, placeholder=Q.translate("Wizard", "6자리 숫자"))
        self.otp_code.setMaximumWidth(160)
        otp_label.setBuddy(self.otp_code)
        self.otp_code.textChanged.connect(lambda *_: self.changed.emit())
        self.otp_code.returnPressed.connect(self.wizard.next)
        orow.addWidget(self.otp_code)
        orow.addStretch(1)
        ol.addLayout(orow)
        ol.addWidget(self.error_label("otp_code", otp))
        self.otp_button = QPushButton(icon("otp"), Q.translate("Wizard", "OTP 발생기 보기 (모의)"), otp)
        self.otp_button.setObjectName("showOtpButton")
        self.otp_button.clicked.connect(self.open_otp)
        ol.addWidget(self.otp_button, 0, Qt.AlignmentFlag.AlignLeft)
        ol.addStretch(1)
        self.stack.addWidget(otp)
        self.card_radio.toggled.connect(self._kind_changed)

    def kind(self) -> str:
        return CARD if self.card_radio.isChecked() else OTP

    def enter(self) -> None:
        options = self.flow.second_options
        both = CARD in options and OTP in options
        self.card_radio.setVisible(both)
        self.otp_radio.setVisible(both)
        self.title.setText(Q.translate("Wizard", "본인인증 (2/2): 보안카드") if options == (CARD,) else
                           Q.translate("Wizard", "본인인증 (2/2): OTP") if options == (OTP,) else
                           Q.translate("Wizard", "본인인증 (2/2): 보안카드 또는 OTP"))
        kind = self.flow.data.get("second_kind", CARD)
        radio = self.card_radio if kind == CARD else self.otp_radio
        radio.setChecked(True)
        self._kind_changed()
        self._clear_inputs()

    def _kind_changed(self, *_):
        self.stack.setCurrentIndex(0 if self.kind() == CARD else 1)
        if self.flow.step != SECOND_FACTOR:
            return
        if self.flow.data.get("second_kind") != self.kind() and self.kind() in self.flow.second_options:
            self.flow.choose_second(self.kind())
        if self.kind() == CARD:
            self._show_challenge()
        self.changed.emit()

    def _show_challenge(self) -> None:
        from .devices import card_serial_shown   # the serial shown as the card viewer shows it
        try:
            ch = self.flow.card_challenge()
        except FlowError as exc:
            self.wizard.show_flow_error(exc)
            return
        self.card_prompt.setText(Q.translate("Wizard", "보안카드({0})에서 {1}번 칸의 앞 2자리와 {2}번 칸의 뒤 2자리를 "
                                                       "입력하세요.").format(card_serial_shown(ch.card_serial_masked),
                                                                            ch.first, ch.second))
        self.card_first_label.setText(Q.translate("Wizard", "{0}번 앞 2자리").format(ch.first))
        self.card_second_label.setText(Q.translate("Wizard", "{0}번 뒤 2자리").format(ch.second))
        viewer = self.wizard.find_open("card")
        if viewer is not None:
            viewer.set_highlight(ch.first, ch.second)

    def _clear_inputs(self) -> None:
        self.card_first.clear()
        self.card_second.clear()
        self.otp_code.clear()

    def leave(self) -> None:
        self._clear_inputs()

    def after_error(self, exc: DojangError) -> None:
        self._clear_inputs()
        if self.kind() == CARD and self.flow.step == SECOND_FACTOR:
            self._show_challenge()       # the bank asks for two new cells after a wrong answer
            self.card_prompt.setText(self.card_prompt.text() + " " + Q.translate("Wizard", "(새로 요청한 칸입니다)"))
            self.card_first.setFocus()

    def open_card(self) -> None:
        ch = self.flow.card if self.flow.step == SECOND_FACTOR else None
        self.wizard.open_device("card", (ch.first, ch.second) if ch else ())

    def open_otp(self) -> None:
        self.wizard.open_device("otp")

    def can_next(self) -> bool:
        if self.kind() == CARD:
            return len(self.card_first.text()) == 2 and len(self.card_second.text()) == 2
        return bool(self.otp_code.text().strip())

    def submit(self) -> None:
        if self.kind() == CARD:
            answer = self.card_first.text() + self.card_second.text()
            self._clear_inputs()
            self.flow.submit_card(answer)
        else:
            code = self.otp_code.text()
            self._clear_inputs()
            self.flow.submit_otp(code)


class ConfirmReissuePage(Page):
    def __init__(self, wizard):
        super().__init__(wizard, "confirmReissuePage", Q.translate("Wizard", "재발급 전에 확인하세요"))
        box, bl = _box(self, "warnBox")
        bl.addWidget(_label(Q.translate("Wizard", "재발급하면 기존 인증서는 은행에서 폐기되고, 아래 저장매체의 기존 인증서 "
                                                   "파일은 새 인증서를 저장한 뒤 삭제됩니다. 이 작업은 되돌릴 수 없습니다. "
                                                   "기존 인증서로 등록해 둔 다른 기관에서는 새 인증서를 다시 등록해야 "
                                                   "합니다."), box, name="reissueWarning"))
        self.lay.addWidget(box)
        self.lay.addWidget(_label(Q.translate("Wizard", "삭제될 기존 인증서:"), self))
        self.list = QListWidget(self)
        self.list.setObjectName("reissueTargetList")
        self.list.setMaximumHeight(150)
        self.lay.addWidget(self.list)
        self.none_label = _label(Q.translate("Wizard", "연결된 저장매체에서 이 종류의 기존 인증서를 찾지 못했습니다. 은행에 "
                                                       "기록된 기존 인증서는 폐기됩니다."), self,
                                 name="reissueNoTargets", cls="hint")
        self.lay.addWidget(self.none_label)
        self.check = QCheckBox(Q.translate("Wizard", "기존 인증서가 폐기·삭제되며 되돌릴 수 없다는 것을 확인했습니다"), self)
        self.check.setObjectName("reissueConfirmCheck")
        self.lay.addWidget(self.check)
        self.lay.addWidget(self.error_label("confirm"))
        self.lay.addStretch(1)

    def enter(self) -> None:
        self.list.clear()
        targets = self.flow.reissue_targets()
        for storage, cert in targets:
            info = cert.info
            item = QListWidgetItem(icon(_KIND_ICON.get(storage.kind, "folder")),
                                   f"{info.display_name} · {_usage_label(info.usage.kind)} · "
                                   + Q.translate("Wizard", "만료일 {0}").format(_date(info.not_after))
                                   + f"\n{storage.label(_lang())} · {cert.ca_folder}")
            item.setToolTip(str(cert.path))
            item.setData(Qt.ItemDataRole.UserRole, str(cert.path))
            self.list.addItem(item)
        self.list.setVisible(bool(targets))
        self.none_label.setVisible(not targets)
        self.check.setChecked(bool(self.flow.data.get("confirmed")))

    def submit(self) -> None:
        self.flow.confirm_reissue(self.check.isChecked())


class SavePage(Page):
    """저장 위치 + 새 인증서 암호, then the busy state while the key is made, signed and saved."""

    def __init__(self, wizard):
        renew = wizard.kind == "renew"
        super().__init__(wizard, "savePage", Q.translate("Wizard", "저장 위치와 인증서 암호"),
                         Q.translate("Wizard", "새 인증서는 기존 인증서가 있던 곳에 그대로 저장됩니다. 새 인증서 "
                                               "암호를 정하세요.") if renew else
                         Q.translate("Wizard", "인증서를 저장할 곳을 고르고 인증서 암호를 정하세요. 키 쌍은 이 PC에서 "
                                               "만들어지며 개인키는 암호로 잠겨 저장됩니다."))
        self.renew = renew
        self.form = QWidget(self)
        fl = QVBoxLayout(self.form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(6)
        where = QLabel(Q.translate("Wizard", "저장 위치(&S)"), self.form)
        where.setProperty("class", "intro")
        f = where.font()
        f.setBold(True)
        where.setFont(f)
        fl.addWidget(where)
        self.list = QListWidget(self.form)
        self.list.setObjectName("storageList")
        self.list.setMinimumHeight(96)
        self.list.setMaximumHeight(170)
        self.list.setVisible(not renew)
        where.setBuddy(self.list)
        fl.addWidget(self.list)
        srow = QHBoxLayout()
        self.no_drive = _label(Q.translate("Wizard", "이동식 디스크가 없습니다 — USB 저장장치를 꽂으면 여기에 "
                                                     "나타납니다."), self.form, name="noRemovableLabel", cls="hint")
        srow.addWidget(self.no_drive, 1)
        srow.addStretch(0)
        self.refresh_button = QPushButton(icon("refresh"), Q.translate("Wizard", "새로 고침"), self.form)
        self.refresh_button.setObjectName("storageRefreshButton")
        self.refresh_button.clicked.connect(self.refresh_storages)
        self.refresh_button.setVisible(not renew)
        srow.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        fl.addLayout(srow)
        self.fixed_place = _label("", self.form, name="renewPlaceLabel")
        self.fixed_place.setVisible(renew)
        fl.addWidget(self.fixed_place)
        fl.addWidget(self.error_label("storage", self.form))
        pw_title = QLabel(Q.translate("Wizard", "인증서 암호(&W)"), self.form)
        pw_title.setFont(f)
        fl.addWidget(pw_title)
        fl.addWidget(_label(Q.translate("Wizard", "영문, 숫자, 특수문자를 모두 넣어 10자 이상. ' \" ₩ | 는 쓸 수 없고, "
                                                   "생년월일·전화번호·계좌번호나 1234·qwer 같은 쉬운 배열도 안 됩니다."),
                            self.form, cls="hint"))
        self.password = PasswordWidget(self.form, repeat=True, strength=True, keypad=True, lang=_lang())
        self.password.setObjectName("newPasswordWidget")
        pw_title.setBuddy(self.password.line_edit)
        fl.addWidget(self.password)
        fl.addWidget(self.error_label("password", self.form))
        fl.addWidget(self.error_label("password_repeat", self.form))
        fl.addWidget(_label(Q.translate("Wizard", "인증서 암호는 은행도 알 수 없어 찾아 드릴 수 없습니다. 잊어버리면 "
                                                   "인증서를 삭제하고 재발급받아야 합니다."), self.form, cls="hint"))
        self.lay.addWidget(self.form)
        self.lay.addStretch(1)

        self.busy_box, bl = _box(self)
        self.busy_box.setObjectName("saveBusyBox")
        self.busy_text = _label(Q.translate("Wizard", "준비 중…"), self.busy_box, name="saveProgressText")
        bl.addWidget(self.busy_text)
        self.bar = QProgressBar(self.busy_box)
        self.bar.setObjectName("saveProgressBar")
        self.bar.setRange(0, 100)
        bl.addWidget(self.bar)
        bl.addWidget(_label(Q.translate("Wizard", "키 쌍을 만들고 은행의 서명을 받아 저장하는 중입니다. 잠시 기다리세요. "
                                                   "취소하면 아무것도 남지 않습니다."), self.busy_box, cls="hint"))
        self.busy_box.hide()
        self.lay.addWidget(self.busy_box)

        self._storages: list[Storage] = []
        self.list.currentRowChanged.connect(lambda *_: self._errors["storage"].hide())
        self.timer = QTimer(self)
        self.timer.setInterval(STORAGE_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_storages)

    # storages -----------------------------------------------------------------------------------
    def refresh_storages(self) -> None:
        if self.renew or self.wizard.busy:
            return
        try:
            found = self.flow.storages()
        except DojangError:
            found = []
        found = [s for s in found if s.kind != PHONE or self._phone_allowed(s)]
        ids = [s.id for s in found]
        if ids != [s.id for s in self._storages]:
            chosen = self.selected_storage()
            self._storages = found
            self.list.clear()
            for s in found:
                item = QListWidgetItem(icon(_KIND_ICON.get(s.kind, "folder")), s.label(_lang()))
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(str(s.root))
                self.list.addItem(item)
            if chosen is not None and chosen.id in ids:
                self.list.setCurrentRow(ids.index(chosen.id))
            else:
                self.list.setCurrentRow(-1)
        self.no_drive.setVisible(not any(s.kind == REMOVABLE for s in found))

    def _phone_allowed(self, storage: Storage) -> bool:
        """Only the served customer's own mock phone (known after STEP 1); every phone otherwise."""
        flow = self.flow
        if getattr(flow, "session", None) is None or not hasattr(flow, "is_customer_phone"):
            return True
        return flow.is_customer_phone(storage)

    def selected_storage(self) -> Storage | None:
        row = self.list.currentRow()
        return self._storages[row] if 0 <= row < len(self._storages) and self.list.currentItem() is not None \
            and self.list.currentItem().isSelected() else None

    def select_storage(self, storage_id: str) -> None:
        ids = [s.id for s in self._storages]
        self.list.setCurrentRow(ids.index(storage_id))

    # page -----------------------------------------------------------------------------------------
    def enter(self) -> None:
        personal = self.flow.personal_info() if hasattr(self.flow, "personal_info") else None
        self.password.set_personal_info(personal)
        self.password.clear()
        self.set_busy(False)
        if self.renew:
            storage, cert = self.flow.picked
            self.fixed_place.setText(Q.translate("Wizard", "저장 위치: {0}\n{1}").format(storage.label(_lang()), cert.path))
        else:
            self.refresh_storages()
            self.timer.start()
        self.password.line_edit.setFocus()

    def leave(self) -> None:
        self.timer.stop()
        self.password.clear()

    def set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.busy_box.setVisible(busy)
        if busy:
            self.bar.setValue(0)
            self.busy_text.setText(Q.translate("Wizard", "준비 중…"))

    def on_progress(self, fraction: float, text) -> None:
        self.bar.setValue(int(round(fraction * 100)))
        self.busy_text.setText(text.message(_lang()))

    def next_text(self) -> str:
        return {"reissue": Q.translate("Wizard", "재발급"), "renew": Q.translate("Wizard", "갱신")}.get(
            self.wizard.kind, Q.translate("Wizard", "발급"))

    def submit(self) -> None:
        flow = self.flow
        storage = None
        if not self.renew:
            storage = self.selected_storage()
            if storage is None:
                flow.finish(None, "", "")     # raises the flow's own "choose where to save" FieldError
        password = self.password.password()
        repeat_text = self.password.repeat_edit.text()
        repeat = bytearray(repeat_text.encode("ascii")) if repeat_text.isascii() else repeat_text
        personal = flow.personal_info() if hasattr(flow, "personal_info") else None
        # the same check finish() starts with, here so its message shows without the busy flash
        require_new_password(password, repeat, personal)
        if self.renew:
            self.wizard.run_finish(lambda progress: flow.finish(password, repeat, progress))
        else:
            self.wizard.run_finish(lambda progress: flow.finish(storage, password, repeat, progress))


class PickCertPage(Page):
    def __init__(self, wizard):
        kind = wizard.kind
        intro = {
            "renew": Q.translate("Wizard", "갱신할 인증서를 고르세요. 갱신은 만료 30일 전부터 만료일까지 할 수 있습니다. "
                                           "이미 만료된 인증서는 재발급을 이용하세요."),
            "revoke": Q.translate("Wizard", "폐기할 인증서를 고르세요. 폐기한 인증서는 다시 쓸 수 없습니다."),
            "register": Q.translate("Wizard", "다른 기관(은행·공동인증기관)에서 발급받은 본인 인증서를 고르세요. 인증서 "
                                              "암호로 본인 것인지 확인한 뒤 이 은행에 등록합니다."),
        }[kind]
        super().__init__(wizard, "pickCertPage", {
            "renew": Q.translate("Wizard", "갱신할 인증서 선택"), "revoke": Q.translate("Wizard", "폐기할 인증서 선택"),
            "register": Q.translate("Wizard", "등록할 타기관 인증서 선택")}[kind], intro)
        self.list = QListWidget(self)
        self.list.setObjectName("certList")
        self.list.currentRowChanged.connect(self._selected)
        self.list.itemDoubleClicked.connect(lambda *_: self.wizard.next())
        self.lay.addWidget(self.list, 1)
        self.empty = _label(Q.translate("Wizard", "연결된 저장매체에서 인증서를 찾지 못했습니다. USB 저장장치를 꽂았다면 "
                                                  "'새로 고침'을 누르세요."), self, name="certListEmpty", cls="hint")
        self.lay.addWidget(self.empty)
        self.reason = _label("", self, name="certReasonLabel", cls="hint")
        self.lay.addWidget(self.reason)
        self.lay.addWidget(self.error_label("certificate"))
        refresh = QPushButton(icon("refresh"), Q.translate("Wizard", "새로 고침"), self)
        refresh.setObjectName("certRefreshButton")
        refresh.clicked.connect(self.enter)
        self.lay.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        self.candidates = []

    def enter(self) -> None:
        self.list.clear()
        self.candidates = self.flow.candidates()
        now = self.wizard.now()
        picked = self.flow.data.get("picked")
        for i, c in enumerate(self.candidates):
            info = c.cert.info
            days = info.days_left(now)
            left = Q.translate("Wizard", "만료됨") if days < 0 else Q.translate("Wizard", "{0}일 남음").format(days)
            text = (f"{info.display_name} · {_usage_label(info.usage.kind)} · {info.issuer_o or c.cert.ca_folder}\n"
                    + Q.translate("Wizard", "만료일 {0} ({1}) · {2}").format(_date(info.not_after), left,
                                                                         c.storage.label(_lang())))
            if c.reason is not None:
                text += "\n⚠ " + c.reason.message(_lang())
            item = QListWidgetItem(icon("certificate"), text)
            if c.reason is not None:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if picked and str(c.cert.path) == picked:
                self.list.setCurrentRow(i)
        if not self.candidates:
            self.empty.setText(Q.translate("Wizard", "연결된 저장매체에서 인증서를 찾지 못했습니다. USB 저장장치를 꽂았다면 "
                                                     "'새로 고침'을 누르세요."))
        else:
            self.empty.setText(Q.translate("Wizard", "고를 수 있는 인증서가 없습니다. 각 인증서 아래에 그 이유가 있습니다."))
        self.empty.setVisible(not any(c.eligible for c in self.candidates))
        if self.list.currentRow() < 0:
            first = next((i for i, c in enumerate(self.candidates) if c.eligible), -1)
            self.list.setCurrentRow(first)
        self._selected(self.list.currentRow())

    def select_path(self, path: Path) -> None:
        for i, c in enumerate(self.candidates):
            if c.cert.path == Path(path):
                self.list.setCurrentRow(i)
                return
        raise LookupError(path)

    def _selected(self, row: int) -> None:
        c = self.candidates[row] if 0 <= row < len(self.candidates) else None
        self.reason.setText(("⚠ " + c.reason.message(_lang())) if c is not None and c.reason is not None else "")
        self._errors["certificate"].hide()
        self.changed.emit()

    def can_next(self) -> bool:
        return 0 <= self.list.currentRow() < len(self.candidates)

    def submit(self) -> None:
        c = self.candidates[self.list.currentRow()]
        self.flow.pick(c.storage, c.cert)


class CertPasswordPage(Page):
    def __init__(self, wizard):
        kind = wizard.kind
        super().__init__(wizard, "certPasswordPage", {
            "renew": Q.translate("Wizard", "기존 인증서 암호 확인"),
            "revoke": Q.translate("Wizard", "인증서 암호 확인 및 폐기"),
            "register": Q.translate("Wizard", "인증서 암호 확인")}[kind],
            {"renew": Q.translate("Wizard", "본인의 인증서인지 확인하기 위해 지금 쓰는 인증서 암호를 입력하세요."),
             "revoke": Q.translate("Wizard", "폐기하려면 인증서 암호를 입력하고 아래 내용에 동의하세요."),
             "register": Q.translate("Wizard", "인증서 암호를 입력하면 인증서 속 본인확인 정보(VID)를 주민등록번호와 "
                                               "대조합니다.")}[kind])
        box, bl = _box(self)
        self.summary = _label("", box, name="pickedCertLabel")
        bl.addWidget(self.summary)
        self.lay.addWidget(box)
        title = QLabel(Q.translate("Wizard", "인증서 암호(&W)"), self)
        self.lay.addWidget(title)
        self.password = PasswordWidget(self, keypad=True, lang=_lang())
        self.password.setObjectName("certPasswordWidget")
        self.password.line_edit.returnPressed.connect(self.wizard.next)
        self.password.validityChanged.connect(lambda *_: self.changed.emit())
        title.setBuddy(self.password.line_edit)
        self.lay.addWidget(self.password)
        self.lay.addWidget(self.error_label("cert_password"))
        self.confirm = QCheckBox(Q.translate("Wizard", "폐기한 인증서는 다시 쓸 수 없다는 것을 확인했습니다"), self)
        self.confirm.setObjectName("revokeConfirmCheck")
        self.delete = QCheckBox(Q.translate("Wizard", "이 인증서 파일도 모든 저장매체에서 삭제합니다"), self)
        self.delete.setObjectName("revokeDeleteCheck")
        self.delete.setChecked(True)
        for w in (self.confirm, self.delete):
            w.setVisible(kind == "revoke")
            self.lay.addWidget(w)
        self.lay.addWidget(self.error_label("confirm"))
        self.lay.addWidget(_label(Q.translate("Wizard", "암호를 잊었다면 찾을 방법이 없습니다. 인증서를 삭제하고 재발급받으세요."),
                                  self, cls="hint"))
        self.lay.addStretch(1)

    def enter(self) -> None:
        storage, cert = self.flow.picked
        info = cert.info
        self.summary.setText(f"{info.display_name} · {_usage_label(info.usage.kind)} · {info.issuer_o or ''}\n"
                             + Q.translate("Wizard", "만료일 {0} · {1}").format(_date(info.not_after),
                                                                               storage.label(_lang())))
        self.password.clear()
        self.confirm.setChecked(False)
        self.password.line_edit.setFocus()

    def leave(self) -> None:
        self.password.clear()

    def can_next(self) -> bool:
        return self.password.is_valid()

    def next_text(self) -> str:
        return {"revoke": Q.translate("Wizard", "폐기"), "register": Q.translate("Wizard", "등록")}.get(
            self.wizard.kind, Q.translate("Wizard", "확인"))

    def submit(self) -> None:
        password = self.password.password()
        self.password.clear()
        if self.wizard.kind == "revoke":
            self.flow.submit_cert_password(password, confirmed=self.confirm.isChecked(),
                                           delete_files=self.delete.isChecked())
        else:
            self.flow.submit_cert_password(password)


def _is_test_certificate(done: Completion) -> bool:
    """Whether the certificate the flow ended with is a test certificate: always, when the simulated
    bank made it; a registered one (another institution's) is read from its folder."""
    if done.kind != "register" or done.path is None:
        return done.kind != "register"
    try:
        entry = read_cert_folder(done.path)
    except (OSError, ValueError):
        return False
    return isinstance(entry, CertFolder) and entry.info.usage.is_test


class DonePage(Page):
    def __init__(self, wizard):
        super().__init__(wizard, "donePage", "")
        box, bl = _box(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        bl.addLayout(self.grid)
        self.lay.addWidget(box)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        for i, (key, title) in enumerate((("storage", Q.translate("Wizard", "저장 위치")),
                                          ("path", Q.translate("Wizard", "폴더")),
                                          ("type", Q.translate("Wizard", "종류")),
                                          ("validity", Q.translate("Wizard", "유효기간")),
                                          ("fee", Q.translate("Wizard", "수수료")),
                                          ("removed", Q.translate("Wizard", "삭제한 기존 인증서")))):
            k = _label(title, box, wrap=False)
            k.setProperty("class", "hint")
            v = _label("", box, name=f"done_{key}")
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(k, i, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(v, i, 1)
            self.rows[key] = (k, v)
        self.grid.setColumnStretch(1, 1)
        self.reminder = _label("", self, name="doneReminder")
        warn, wl = _box(self, "warnBox")
        wl.addWidget(self.reminder)
        self.lay.addWidget(warn)
        self.warn_box = warn
        self.lay.addStretch(1)

    def _set(self, key: str, value: str | None) -> None:
        k, v = self.rows[key]
        v.setText(value or "")
        k.setVisible(bool(value))
        v.setVisible(bool(value))

    def show_completion(self, done: Completion) -> None:
        kind = done.kind
        self.title.setText({
            "issue": Q.translate("Wizard", "공동인증서를 발급했습니다"),
            "reissue": Q.translate("Wizard", "공동인증서를 재발급했습니다"),
            "renew": Q.translate("Wizard", "공동인증서를 갱신했습니다"),
            "register": Q.translate("Wizard", "타기관 인증서를 등록했습니다"),
            "revoke": Q.translate("Wizard", "인증서를 폐기했습니다")}[kind])
        self.title.setProperty("class", "ok")
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)
        lang = _lang()
        saved = kind in ("issue", "reissue", "renew")
        self._set("storage", done.storage.label(lang) if done.storage is not None and saved else None)
        self._set("path", str(done.path) if done.path is not None and kind != "revoke" else None)
        test = _is_test_certificate(done)
        self._set("type", (_usage_label(done.cert_type) + (Q.translate("Wizard", " (테스트)") if test else ""))
                  if done.cert_type else None)
        validity = None
        if done.not_after is not None:
            validity = (f"{_date(done.not_before)} ~ {_date(done.not_after)}" if done.not_before is not None
                        else Q.translate("Wizard", "~ {0}").format(_date(done.not_after)))
        self._set("validity", validity if kind != "revoke" else None)
        if saved:
            self._set("fee", Q.translate("Wizard", "{0:,}원 (계좌에서 출금)").format(done.fee) if done.fee
                      else Q.translate("Wizard", "무료"))
        else:
            self._set("fee", None)
        removed = "\n".join(str(p) for p in done.removed)
        if done.kept:
            removed += ("\n" if removed else "") + "\n".join(
                Q.translate("Wizard", "삭제하지 못함: {0}").format(p) for p, _why in done.kept)
        self._set("removed", removed or None)
        if kind == "revoke":
            self.intro.setText(Q.translate("Wizard", "이 인증서는 이제 어디에서도 쓸 수 없습니다. 새 인증서가 필요하면 "
                                                     "발급을 이용하세요."))
            self.reminder.setText(Q.translate("Wizard", "인증서 파일을 남겨 두었다면 폐기된 인증서로 표시됩니다. 필요 없으면 "
                                                        "삭제하세요."))
        elif kind == "register":
            self.intro.setText(Q.translate("Wizard", "이 인증서로 이 은행의 인터넷뱅킹을 쓸 수 있습니다."))
            self.reminder.setText(Q.translate("Wizard", "인증서 파일은 그대로 두었습니다. 암호를 잊으면 찾을 수 없으니 "
                                                        "발급한 기관에서 재발급받으세요."))
        else:
            self.intro.setText(Q.translate("Wizard", "아래 위치에 저장했습니다. 모의 은행이 발급한 테스트 인증서라서 도장과 "
                                                     "다른 NPKI 프로그램에서 시험용으로 쓸 수 있지만, 실제 은행이나 "
                                                     "공공기관에서는 쓸 수 없습니다.") if test
                               else Q.translate("Wizard", "아래 위치에 저장했습니다."))
            self.reminder.setText(Q.translate("Wizard", "인증서 암호는 어디에도 저장되지 않아 잊어버리면 찾을 수 없습니다. "
                                                        "잊어버렸다면 인증서를 삭제하고 재발급받으세요. 다른 사람에게 "
                                                        "알려주지 마세요."))
        self.intro.show()

    def next_text(self) -> str:
        return Q.translate("Wizard", "닫기")


# --- the wizard -------------------------------------------------------------------------------------

def _title(kind: str) -> str:
    return {"issue": Q.translate("Wizard", "공동인증서 발급"), "reissue": Q.translate("Wizard", "공동인증서 재발급"),
            "renew": Q.translate("Wizard", "공동인증서 갱신"), "register": Q.translate("Wizard", "타기관 인증서 등록"),
            "revoke": Q.translate("Wizard", "인증서 폐기")}[kind]


class FlowWizard(QDialog):
    completed = Signal(object)       # core.flows.Completion

    def __init__(self, parent: QWidget | None, ctx: AppContext, kind: str,
                 cert: tuple[Storage, CertFolder] | None = None, *,
                 storages: Callable[[], list[Storage]] | None = None, key_factory: Callable | None = None,
                 watch_phones: bool = True):
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.ctx = ctx
        self.kind = kind
        self.busy = False
        self.result_: Completion | None = None
        self._closing = False
        self._kept: list[QWidget] = []
        self._devices: dict[str, QWidget] = {}
        self._opened_devices: set[str] = set()    # device windows this wizard opened (it closes them again)
        self._demo_panel: QWidget | None = None
        self.setObjectName("flowWizard")
        self.setWindowTitle(_title(kind) + " — " + Q.translate("Wizard", "도장 인증센터"))
        self.setStyleSheet(_STYLE)
        self.setMinimumSize(720, 620)
        self.resize(760, 660)

        self._executor = ThreadPoolExecutor(1, thread_name_prefix="dojang-keygen")
        keys = KeyMaker(factory=key_factory, executor=self._executor)
        kw = dict(storages=storages, keys=keys, clock=ctx.clock)
        start_error: FlowError | None = None
        if cert is not None and kind in ("renew", "revoke"):
            try:
                self.flow = start_flow(kind, ctx.authority(), cert=cert, **kw)
            except FlowError as exc:          # not eligible: start at the picker with the reason
                start_error = exc
                self.flow = start_flow(kind, ctx.authority(), **kw)
        else:
            self.flow = start_flow(kind, ctx.authority(), **kw)

        self.workers = Workers(self, max_threads=1)
        self.progress = WizardProgress(self)
        self.watcher = None
        if watch_phones and kind in ("issue", "reissue", "register"):
            from .phone_window import PhoneWatcher
            self.watcher = PhoneWatcher(ctx, None)    # phone windows are top-level, not children of the wizard

        self._build()
        self.progress.moved.connect(self._on_progress)
        self._current: Page | None = None
        self.sync()
        if start_error is not None:
            self.show_flow_error(start_error)

    # layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QFrame(self)
        header.setObjectName("wizardHeader")
        hl = QVBoxLayout(header)
        hl.setContentsMargins(20, 12, 20, 12)
        title = _label(_title(self.kind), header, name="wizardTitle", wrap=False)
        hl.addWidget(title)
        self.indicator = StepIndicator(self.kind, header)
        hl.addWidget(self.indicator)
        outer.addWidget(header)

        self.top_error = _label("", self, name="wizardError")
        self.top_error.hide()
        err_wrap = QHBoxLayout()
        err_wrap.setContentsMargins(20, 10, 20, 0)
        err_wrap.addWidget(self.top_error)
        outer.addLayout(err_wrap)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("wizardPages")
        outer.addWidget(self.stack, 1)
        builders = {TYPE: TypePage, CUSTOMER: CustomerPage, TERMS: TermsPage, FIRST_FACTOR: FirstFactorPage,
                    SECOND_FACTOR: SecondFactorPage, CONFIRM_REISSUE: ConfirmReissuePage, SAVE: SavePage,
                    PICK_CERT: PickCertPage, CERT_PASSWORD: CertPasswordPage, DONE: DonePage}
        self.pages: dict[str, Page] = {}
        for step in _STEP_STAGE[self.kind]:
            page = builders[step](self)
            page.changed.connect(self._update_buttons)
            page.advance.connect(self._advanced)
            self.stack.addWidget(page)
            self.pages[step] = page

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #dde3ee;")
        outer.addWidget(line)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(20, 10, 20, 14)
        self.cancel_button = QPushButton(Q.translate("Wizard", "취소"), self)
        self.cancel_button.setObjectName("wizardCancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.back_button = QPushButton(Q.translate("Wizard", "◀ 이전"), self)
        self.back_button.setObjectName("wizardBackButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        buttons.addWidget(self.back_button)
        self.next_button = QPushButton(Q.translate("Wizard", "다음 ▶"), self)
        self.next_button.setObjectName("wizardNextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.next_button.setMinimumWidth(110)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)

    # helpers for pages ---------------------------------------------------------------------------------
    def now(self):
        return self.flow.now()

    def bank_config(self, name: str, default):
        return getattr(getattr(self.ctx.authority(), "config", None), name, default)

    def keep(self, window: QWidget | None) -> None:
        if window is not None:
            self._kept.append(window)

    def open_demo_panel(self) -> QWidget:
        """The demo customers panel (one per wizard: a second click raises the open one)."""
        import shiboken6

        from .demo_panel import show_demo_panel   # lazy: owned by the devices engineer
        panel = self._demo_panel
        if panel is not None and shiboken6.isValid(panel) and panel.isVisible():
            panel.raise_()
            panel.activateWindow()
            return panel
        panel = self._demo_panel = show_demo_panel(self, self.ctx)
        self.keep(panel)
        return panel

    def find_open(self, kind: str):
        """The device window of `kind` this wizard opened, if it is still open."""
        import shiboken6
        window = self._devices.get(kind)
        return window if window is not None and shiboken6.isValid(window) else None

    def open_device(self, kind: str, highlight: tuple[int, ...] = ()) -> QWidget | None:
        """The customer's 보안카드 / OTP token (simulated devices, owned by gui.devices)."""
        from .devices import open_device_windows, show_card_viewer, show_otp_window
        name = self.flow.data.get("name")
        already = open_device_windows(self.ctx)
        try:
            if kind == "card":
                window = show_card_viewer(None, self.ctx, name, highlight=highlight)
            else:
                window = show_otp_window(None, self.ctx, name)
        except DojangError as exc:
            self.show_flow_error(exc)
            return None
        self._devices[kind] = window
        if not any(w is window for w in already):
            self._opened_devices.add(kind)
        return window

    def close_opened_devices(self) -> None:
        """Close the 보안카드 / OTP windows this wizard opened (not ones the person opened elsewhere)."""
        for kind in sorted(self._opened_devices):
            window = self.find_open(kind)
            if window is not None:
                window.close()
        self._opened_devices.clear()

    def open_customer_phone(self) -> QWidget | None:
        """The mock phone of the customer in this flow (found by the masked number the bank gave)."""
        from core.storage import registry

        from .phone_window import show_phone_window
        phones = registry.list_phones()
        chosen = None
        if getattr(self.flow, "session", None) is not None:
            for p in phones:
                if self.flow.is_customer_phone(p):
                    chosen = p.meta.get("number") or (p.mount.name if p.mount else None)
                    break
        if chosen is None and phones:
            chosen = phones[0].meta.get("number")
        if chosen is None:
            return None
        return show_phone_window(None, self.ctx, chosen)

    # errors --------------------------------------------------------------------------------------------
    def show_flow_error(self, exc: DojangError) -> None:
        self.top_error.setText("⚠ " + _msg(exc))
        self.top_error.show()

    def clear_top_error(self) -> None:
        self.top_error.clear()
        self.top_error.hide()

    def _show_error(self, page: Page, exc: DojangError) -> None:
        if isinstance(exc, FieldError) and page.show_error(exc.field, _msg(exc)):
            pass
        else:
            self.show_flow_error(exc)
        page.after_error(exc)
        self._update_buttons()

    # navigation ------------------------------------------------------------------------------------------
    @property
    def current_page(self) -> Page | None:
        return self._current

    def sync(self) -> None:
        """Show the page of the flow's current step."""
        step = self.flow.step
        if step == CANCELLED:
            return
        page = self.pages[step]
        if page is not self._current:
            if self._current is not None:
                self._current.leave()
                self._current.clear_errors()
            self._current = page
            self.stack.setCurrentWidget(page)
            if step == DONE:
                page.show_completion(self.flow.result)
            else:
                page.enter()
        self.indicator.set_stage(_STEP_STAGE[self.kind].get(step, -1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self._current
        done = self.flow.step == DONE
        self.back_button.setVisible(not done)
        self.cancel_button.setVisible(not done)
        self.back_button.setEnabled(not self.busy and self.flow.can_back())
        if page is not None:
            self.next_button.setText(page.next_text())
            self.next_button.setEnabled(not self.busy and page.can_next())

    def next(self) -> None:
        page = self._current
        if page is None or self.busy or not self.next_button.isEnabled():
            return
        if self.flow.step == DONE:
            self.accept()
            return
        page.clear_errors()
        self.clear_top_error()
        step = self.flow.step
        try:
            page.submit()
        except FlowError as exc:
            self._show_error(page, exc)
            return
        except StepOrderError:
            self.sync()
            return
        if step == SECOND_FACTOR and self.flow.step != SECOND_FACTOR:
            self.close_opened_devices()      # the card / token did its job
        if not self.busy:
            self._after_step()

    def _after_step(self) -> None:
        self.sync()
        if self.flow.step == DONE and self.result_ is None:
            self.result_ = self.flow.result
            self.completed.emit(self.flow.result)

    def _advanced(self) -> None:
        """A page's step finished by itself (ARS answered)."""
        self.clear_top_error()
        self._after_step()

    def back(self) -> None:
        if self.busy or not self.flow.can_back():
            return
        if self._current is not None:
            self._current.leave()
        self.clear_top_error()
        self.flow.back()
        self._current = None     # re-enter the previous page even if it is the same widget
        self.sync()

    # the slow part ---------------------------------------------------------------------------------------
    def run_finish(self, work: Callable[[WizardProgress], Completion]) -> None:
        """Run `work(progress)` (flow.finish) on a worker; the page shows the busy state meanwhile."""
        self.busy = True
        self.progress.reset()
        page = self._current
        if isinstance(page, SavePage):
            page.set_busy(True)
        self._update_buttons()
        self.workers.submit(work, self.progress, name="flow-finish", on_done=self._finish_done,
                            on_error=self._finish_failed)

    def _on_progress(self, fraction: float, text) -> None:
        page = self._current
        if isinstance(page, SavePage):
            page.on_progress(fraction, text)

    def _finish_done(self, _result) -> None:
        self.busy = False
        if isinstance(self._current, SavePage):
            self._current.set_busy(False)
        if self._closing:            # Cancel came too late: the certificate is saved; show it anyway
            self._closing = False
            self.cancel_button.setEnabled(True)
        self._after_step()

    def _finish_failed(self, exc: DojangError) -> None:
        self.busy = False
        page = self._current
        if isinstance(page, SavePage):
            page.set_busy(False)
        if self._closing or isinstance(exc, Cancelled):
            self._close_cancelled()
            return
        if page is not None:
            self._show_error(page, exc)

    # cancel / close --------------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Cancel: stop the flow (no file, no record, no debit) and close. While saving, ask the
        worker to stop at its next safe point first."""
        if self.flow.step == DONE:
            self.accept()
            return
        if self.busy:
            self._closing = True
            self.progress.request_cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(Q.translate("Wizard", "취소하는 중…"))
            if isinstance(self._current, SavePage):
                self._current.busy_text.setText(Q.translate("Wizard", "취소하는 중입니다. 저장하던 것은 지웁니다…"))
            return
        self._close_cancelled()

    def _close_cancelled(self) -> None:
        self.flow.cancel()
        super().reject()

    def reject(self) -> None:      # Esc and the window's close button
        self.cancel()

    def done(self, r: int) -> None:
        self._cleanup()
        super().done(r)

    def _cleanup(self) -> None:
        for page in self.pages.values():
            page.leave()
            timer = getattr(page, "timer", None)
            if timer is not None:
                timer.stop()
        if self.watcher is not None:
            self.watcher.timer.stop()
            self.watcher.deleteLater()
            self.watcher = None
        if not self.flow.finished:
            self.flow.cancel()
        self.flow.keys.discard()
        self._executor.shutdown(wait=False, cancel_futures=True)


def _as_pair(cert, storages: Callable[[], list[Storage]] | None) -> tuple[Storage, CertFolder] | None:
    """Accept (storage, cert), a CertFolder, or a main-window row with .storage/.entry."""
    if cert is None:
        return None
    if isinstance(cert, tuple):
        return cert
    storage = getattr(cert, "storage", None)
    entry = getattr(cert, "entry", cert)
    if not isinstance(entry, CertFolder):
        return None
    if storage is None:
        from core.storage import registry
        storage = registry.storage_for_path(entry.path, storages() if storages else None)
    return storage, entry


def open_flow_wizard(parent: QWidget | None, ctx: AppContext, kind: str, cert=None, **options) -> FlowWizard:
    """Open the wizard for `kind` (issue/reissue/renew/register/revoke), non-blocking.

    `cert`: the certificate selected in the main window for renew/revoke — `(Storage, CertFolder)`,
    a `CertFolder`, or a row with `.storage`/`.entry`. Options: `storages` (callable listing the
    storages), `key_factory` (tests: pooled keys), `watch_phones`."""
    pair = _as_pair(cert, options.get("storages"))
    wizard = FlowWizard(parent, ctx, kind, pair if kind in ("renew", "revoke") else None, **options)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard


__all__ = ["FlowWizard", "KINDS", "StepIndicator", "WizardProgress", "open_flow_wizard"]
