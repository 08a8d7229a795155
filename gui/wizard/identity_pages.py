"""The pages of the bank's first steps: the certificate type (from the product registry), 고객정보
and 약관동의."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from core.flows import TYPE

from .common import Page, make_box, demo_row, make_label, ui_lang, make_line

class TypePage(Page):
    """The certificate type: one choice per product of the bank's registry that this flow issues
    (core/authority/products.py) — its title, what it costs and is for, and its validity."""

    def __init__(self, wizard):
        reissue = wizard.kind == "reissue"
        super().__init__(wizard, "typePage",
                         Q.translate("Wizard", "재발급할 인증서 종류") if reissue
                         else Q.translate("Wizard", "발급할 인증서 종류를 고르세요"),
                         Q.translate("Wizard", "공동인증서(옛 공인인증서)는 쓰는 곳에 따라 종류가 나뉘고, 금융인증서는 "
                                               "파일 대신 클라우드에 보관됩니다."))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        lang = ui_lang()
        for product in wizard.flow.issuable():
            box, bl = make_box(self)
            radio = QRadioButton(product.title.message(lang), box)
            radio.setObjectName(f"type{product.id.capitalize()}Radio")
            f = radio.font()
            f.setBold(True)
            radio.setFont(f)
            bl.addWidget(radio)
            validity = Q.translate("Wizard", "유효기간 {0}년").format(product.validity_years)
            desc = make_label(f"{product.description.message(lang)} {validity}", box, cls="hint")
            desc.setContentsMargins(24, 0, 0, 0)
            bl.addWidget(desc)
            self.group.addButton(radio)
            self.radios[product.id] = radio
            # the title and the fourth step follow the choice at once (금융인증서 → PIN 설정)
            radio.toggled.connect(lambda on, pid=product.id: on and self.wizard.preview_product(pid))
            self.lay.addWidget(box)
        if self.radios:
            next(iter(self.radios.values())).setChecked(True)
        self.error_label("cert_type")
        self.lay.addWidget(self._errors["cert_type"])
        self.lay.addStretch(1)
        self.demo_button = demo_row(self, "demoPanelButton",
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
        self.name = make_line("customerNameEdit", self, max_len=30, placeholder=Q.translate("Wizard", "예: 홍길동"))
        self.rrn_front = make_line("rrnFrontEdit", self, max_len=6, placeholder=Q.translate("Wizard", "앞 6자리"))
        self.rrn_back = make_line("rrnBackEdit", self, secret=True, max_len=7, placeholder=Q.translate("Wizard", "뒤 7자리"))
        self.account = make_line("accountEdit", self, max_len=20, placeholder=Q.translate("Wizard", "숫자만 (- 없이)"))
        self.account_password = make_line("accountPasswordEdit", self, secret=True, max_len=4,
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
        self.lay.addWidget(make_label(Q.translate("Wizard", "계좌 비밀번호를 정해진 횟수 이상 틀리면 인증서 업무가 잠기고, "
                                                         "영업점(데모: 창구 패널)에서 풀어야 합니다."), self, cls="hint"))
        self.lay.addStretch(1)
        # the values are typed here: the demo customers panel is offered where the type page offers it
        self.demo_button = None
        if TYPE in wizard.flow.steps():
            self.demo_button = demo_row(self, "customerDemoPanelButton",
                                         Q.translate("Wizard", "데모 고객의 이름·주민등록번호·계좌 값은 데모 고객 안내에서 "
                                                               "복사해 붙여 넣을 수 있습니다."))
        # Enter in any field reaches the wizard's default button (다음); no returnPressed link, which
        # would submit a second time in the same key press
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
            box, bl = make_box(self.inner)
            row = QHBoxLayout()
            title = t.title_ko if ui_lang() == "ko" else t.title_en
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
            bl.addWidget(make_label(Q.translate("Wizard", "버전 {0}").format(t.version), box, cls="hint"))
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


