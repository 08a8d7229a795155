"""모바일 발급: the certificate centre inside the mock phone's bank app (docs/bank-flows.md "모바일 발급").

The same GUI-free flows as the PC wizard (core.flows: issue / reissue / renew / register), in a
phone-sized frame embedded in the phone's screen. What differs from the PC is only what the phone
is: ARS is not offered (the bank cannot call the phone the person is holding — the flow's
`allowed_channels`), the SMS lands on this very phone (shown as a notification on top of the app),
and a new certificate is saved to this phone's own storage with no storage choice. The pages, the
checks and the messages are the PC wizard's (gui.wizard)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QScrollArea, QWidget

from core.authority.channels import REGISTRY
from core.flows import DONE, FIRST_FACTOR, SAVE, TERMS
from core.flows.base import IdentityFlow
from core.flows.issuance import FLOWS, IssueFlow
from core.storage import registry
from core.storage.base import Storage

from ..safetext import shown
from ..wizard.common import WIZARD_STYLE, make_label, ui_lang
from ..wizard.done_page import DonePage
from ..wizard.identity_pages import TermsPage
from ..wizard.frame import PAGES, FlowWizard
from ..wizard.save_pages import SavePage

if TYPE_CHECKING:
    from .window import PhoneWindow

KINDS = ("issue", "reissue", "renew", "register")

# the wizard's own look, light on the phone's dark screen (the phone's style would make labels white)
_PHONE_WIZARD_STYLE = WIZARD_STYLE.replace("#flowWizard", "#phoneFlowWizard") + """
#phoneFlowWizard { background: #f5f7fb; border-radius: 14px; }
#phoneFlowWizard QLabel { color: #1d2433; }
#phoneFlowWizard QLabel.intro { color: #3c4558; }
#phoneFlowWizard QLabel.hint { color: #6b7385; font-size: 12px; }
#phoneFlowWizard QLabel.fieldError, #phoneFlowWizard QLabel#wizardError { color: #b3261e; }
#phoneFlowWizard QLabel.ok { color: #1b7f3b; font-weight: 600; }
#phoneFlowWizard QLabel#wizardTitle { font-size: 16px; }
#phoneFlowWizard QLabel#pageTitle { font-size: 15px; }
#phoneFlowWizard QLabel.stepChip { color: #6b7385; }
#phoneFlowWizard QLabel.stepChip[state="current"] { color: white; }
#phoneFlowWizard QPushButton { background: #e9edf5; color: #1d2433; border: 1px solid #c6cedd; border-radius: 10px;
                               padding: 7px 10px; font-size: 13px; }
#phoneFlowWizard QPushButton:disabled { color: #98a1b3; }
#phoneFlowWizard QPushButton#wizardNextButton { background: #2f6fed; color: white; border: none; font-weight: 600; }
#phoneFlowWizard QPushButton#wizardNextButton:disabled { background: #9db5e8; }
#phoneFlowWizard QLineEdit { padding: 5px; font-size: 13px; }
#phoneFlowWizard QScrollArea, #phoneFlowWizard #phoneWizardPages { background: transparent; }
"""


def phone_channels() -> frozenset[str]:
    """The channels the phone app offers: every channel of the bank but the ARS call (the bank would
    call the phone the person is using)."""
    return frozenset(c.spec.id for c in REGISTRY.all() if c.spec.id != "ars")


class PhoneSavePage(SavePage):
    """저장 및 비밀번호 on the phone: no storage choice — the certificate goes to this phone."""

    def __init__(self, wizard: "PhoneFlowWizard"):
        super().__init__(wizard)
        self.intro.setText(Q.translate("PhoneCenter", "인증서는 이 휴대폰에 저장됩니다. 인증서 암호를 정하세요. 키 쌍은 이 "
                                                      "휴대폰에서 만들어지며 개인키는 암호로 잠겨 저장됩니다.")
                           if not self.renew else self.intro.text())
        for w in (self.list, self.refresh_button, self.no_drive):
            w.setVisible(False)
        for label in self.form.findChildren(QLabel):
            if label.buddy() is self.list:
                label.setVisible(False)
        self.fixed_place.setVisible(True)

    def refresh_storages(self) -> None:
        self.no_drive.setVisible(False)

    def selected_storage(self) -> Storage | None:
        return self.wizard.phone_storage()

    def enter(self) -> None:
        super().enter()
        self.timer.stop()
        if not self.renew:
            storage = self.wizard.phone_storage()
            where = shown(storage.label(ui_lang())) if storage is not None else self.wizard.phone.number
            self.fixed_place.setText(Q.translate("PhoneCenter", "저장 위치: 이 휴대폰 ({0})").format(where))
        else:                                  # where the renewed certificate is: its folder on this phone
            _storage, cert = self.flow.picked
            self.fixed_place.setText(Q.translate("PhoneCenter", "저장 위치: 이 휴대폰, 기존 인증서 자리\n{0}").format(
                _breakable(shown(cert.path.name))))


def _breakable(text: str) -> str:
    """`text` with a line-break chance after separators (a long folder name wraps on a phone)."""
    return "".join(ch + "\u200b" if ch in "/\\,()=_" else ch for ch in text)


class PhoneDonePage(DonePage):
    """완료 on the phone: the folder as its name on the phone (a PC path is of no use there)."""

    def show_completion(self, done) -> None:
        super().show_completion(done)
        if done.path is not None and done.kind != "revoke":
            self.rows["path"][1].setText(_breakable(shown(done.path.name)))


class PhoneTermsPage(TermsPage):
    """약관동의 on the phone: each term's title on its own wrapping line under its check box (a
    check box does not wrap, and a phone is narrow)."""

    def _build_terms(self) -> None:
        super()._build_terms()
        scroll = self.findChild(QScrollArea, "termsScroll")
        if scroll is not None:
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for t in self.flow.terms():
            check = self.checks.get(t.id)
            if check is None:
                continue
            full = check.text()
            title = t.title_ko if ui_lang() == "ko" else t.title_en
            check.setText(full[: len(full) - len(title)].strip())        # the [필수] / [선택] tag
            check.setAccessibleName(full)
            box = check.parentWidget()
            line = make_label(title, box, name=f"termTitle_{t.id}")
            box.layout().insertWidget(1, line)
            line.show()


class PhoneFlowWizard(FlowWizard):
    """The PC wizard's frame, phone-sized and embedded in the phone's screen."""

    page_builders = {**PAGES, TERMS: PhoneTermsPage, SAVE: PhoneSavePage, DONE: PhoneDonePage}

    def __init__(self, phone: "PhoneWindow", parent: QWidget, kind: str, cert=None, **options):
        if kind not in KINDS:
            raise ValueError(kind)
        digits = phone.digits
        options.setdefault("watch_phones", False)       # the SMS comes to this phone, which is on screen
        options["storages"] = lambda: [s for s in (registry.phone_storage(digits),) if s is not None]
        if issubclass(FLOWS[kind], IdentityFlow):       # a flow with 본인인증 (not a renewal)
            options["flow_options"] = {**options.get("flow_options", {}), "allowed_channels": phone_channels()}
        if issubclass(FLOWS[kind], IssueFlow):          # a 금융인증서 issued here connects this phone, not the PC
            options["flow_options"] = {**options.get("flow_options", {}), "device": (f"phone:{digits}", "휴대폰")}
        super().__init__(parent, phone.ctx, kind, cert, **options)
        self.phone = phone
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setObjectName("phoneFlowWizard")
        self.setStyleSheet(_PHONE_WIZARD_STYLE)
        self.setMinimumSize(0, 0)

    def show_mobile_otp(self, panel) -> None:
        """In the app itself the 모바일 OTP needs no second screen: its code goes into the field — on
        the customer's own phone only (another person's code would count against their device)."""
        storage = registry.phone_storage(self.phone.digits)
        if storage is None or not self.flow.is_customer_phone(storage):
            self.top_error.setText("⚠ " + Q.translate("PhoneCenter", "이 휴대폰은 본인인증 중인 고객의 휴대폰이 아닙니다. "
                                                                    "모바일 OTP는 본인 휴대폰의 앱에서만 씁니다."))
            self.top_error.show()
            return
        code = self.phone.mobile_otp_code()
        if code is not None:
            panel.edit.setText(code)

    # the phone's storage ---------------------------------------------------------------------------
    def phone_storage(self) -> Storage | None:
        return registry.phone_storage(self.phone.digits)

    # a compact frame ---------------------------------------------------------------------------------
    def _build(self) -> None:
        super()._build()
        outer = self._body.layout()
        index = outer.indexOf(self.stack)
        outer.removeWidget(self.stack)
        scroll = QScrollArea(self._body)
        scroll.setObjectName("phoneWizardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack.setObjectName("phoneWizardPages")
        scroll.setWidget(self.stack)
        outer.insertWidget(index, scroll, 1)
        for page in self.pages.values():
            page.lay.setContentsMargins(10, 8, 10, 6)
        for lst in self._body.findChildren(QListWidget):      # certificate lists wrap instead of scrolling
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setResizeMode(QListWidget.ResizeMode.Adjust)
        show_phone = self._body.findChild(QWidget, "showPhoneButton")
        if show_phone is not None:           # the phone is the one in the person's hand
            show_phone.hide()
        header = self._body.findChild(QFrame, "wizardHeader")
        if header is not None:
            header.layout().setContentsMargins(10, 8, 10, 8)
        for lay in (outer.itemAt(i).layout() for i in range(outer.count())):
            if lay is not None:
                m = lay.contentsMargins()
                lay.setContentsMargins(10, m.top(), 10, m.bottom())
        self.next_button.setMinimumWidth(80)

    def sync(self) -> None:
        super().sync()
        self._compact_indicator()
        page = self.pages.get(FIRST_FACTOR)
        if page is not None and self.flow.step == FIRST_FACTOR:
            page.intro.setText(Q.translate("PhoneCenter", "은행에 등록된 이 휴대폰으로 받은 문자의 인증번호로 본인인증을 "
                                                          "합니다. ARS 전화인증은 지금 쓰고 있는 이 휴대폰으로 걸려 오므로 앱에서는 "
                                                          "쓸 수 없습니다."))
        phone = getattr(self, "phone", None)
        if phone is not None and self.flow.step != FIRST_FACTOR:
            phone.heads_up.hide()            # the code was for the SMS step

    def _compact_indicator(self) -> None:
        """Only the current step's chip, with its place ('2/5'): the row of every chip is PC-wide."""
        ind = self.indicator
        stages = self.flow.stages()
        for i, chip in enumerate(ind.chips):
            chip.setVisible(i == ind.current)
            if i == ind.current and i < len(stages):
                chip.setText(f"{stages[i].label.message(ui_lang())}  {i + 1}/{len(ind.chips)}")
        for arrow in ind.findChildren(QLabel):
            if arrow.property("class") == "stepArrow":
                arrow.setVisible(False)

    # the customer's phone is this phone -------------------------------------------------------------
    def open_customer_phone(self):
        self.phone.show_heads_up()
        return self.phone


def open_phone_wizard(phone: "PhoneWindow", host: QWidget, kind: str, cert=None, **options) -> PhoneFlowWizard:
    wizard = PhoneFlowWizard(phone, host, kind, cert, **options)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return wizard


__all__ = ["KINDS", "PhoneFlowWizard", "PhoneSavePage", "open_phone_wizard", "phone_channels"]
