"""The bank's counter (teller / admin) as a separate window over `Authority.teller()`.

Customers (masked RRN and account — the teller panel never shows them in full), add a customer,
unlock, issue a 보안카드 or OTP device, revoke a certificate, recent audit entries (no secrets).
"""
from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from core.errors import DojangError
from core.npki.certificate import KST
from core.validation import numbers

from .context import AppContext
from .live_text import LiveText
from .safetext import plain_label, shown


def _tr(text: str) -> str:
    return QCoreApplication.translate("TellerPanel", text)


def _table(parent, name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.setAlternatingRowColors(True)
    return t


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone(KST).strftime("%Y-%m-%d %H:%M")


STATUS = {"active": ("사용 중", "active"), "expired": ("만료", "expired"), "pending": ("저장 대기", "pending"),
          "superseded": ("교체됨", "superseded"), "revoked": ("폐지", "revoked"), "cancelled": ("취소", "cancelled")}
TYPES = {"general": ("범용", "general"), "banking": ("일반용", "banking")}


class TellerPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("tellerPanel")
        # every text is bound: set now and again on a live language switch (gui/live_text.py)
        self.live = live = LiveText(self)
        live.bind(lambda: self.setWindowTitle(self.tr("도장은행 창구 (관리자)")))
        self.resize(980, 600)
        lay = QVBoxLayout(self)
        intro = QLabel(self)
        live.bind(lambda: intro.setText(self.tr("모의 은행의 창구 업무입니다. 고객을 추가하고, 잠긴 계좌를 풀고, "
                                                "보안카드·OTP를 발급하고, 인증서를 폐지할 수 있습니다.")))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tellerTabs")
        lay.addWidget(self.tabs, 1)
        self.status = plain_label(QLabel("", self))
        self.status.setObjectName("tellerStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self._build_customers()
        self._build_add()
        self._build_certs()
        self._build_audit()
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        live.bind(self.refresh)         # table cells (status words, amounts) in the new language
        live.bind(self.status.clear)    # a result line is in the language it was said in: it goes

    def _tab(self, page: QWidget, text) -> None:
        i = self.tabs.addTab(page, "")
        self.live.bind(lambda: self.tabs.setTabText(i, text()))

    def _lang(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.ctx.language == "ko" else pair[1]

    def _say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet("color: #1b7f3b;" if ok else "color: #c62828;")
        self.status.setText(shown(text))

    def _fail(self, exc: Exception) -> None:
        self._say(exc.message(self.ctx.language) if isinstance(exc, DojangError)
                  else self.tr("처리하지 못했습니다."), False)

    # --- customers ---

    def _build_customers(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.customers = _table(page, "tellerCustomers", [""] * 10)
        self.live.bind(lambda: self.customers.setHorizontalHeaderLabels([
            self.tr("번호"), self.tr("이름"), self.tr("주민등록번호"), self.tr("휴대폰"), self.tr("계좌"),
            self.tr("잔액"), self.tr("계좌 상태"), self.tr("보안카드"), self.tr("OTP"), self.tr("인증서")]))
        lay.addWidget(self.customers, 1)
        row = QHBoxLayout()
        for name, text, slot in (("tellerUnlock", lambda: self.tr("잠금 해제"), self.unlock),
                                 ("tellerIssueCard", lambda: self.tr("보안카드 발급"), self.issue_card),
                                 ("tellerIssueOtp", lambda: self.tr("OTP 발급"), self.issue_otp),
                                 ("tellerIssueMobileOtp", lambda: self.tr("모바일 OTP 발급"), self.issue_mobile_otp),
                                 ("tellerRefresh", lambda: self.tr("새로 고침"), self.refresh)):
            b = QPushButton(page)
            self.live.bind(lambda b=b, text=text: b.setText(text()))
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self._tab(page, lambda: self.tr("고객"))

    def _customer_rows(self):
        return self.ctx.authority().teller().customers()

    def selected_customer(self) -> int | None:
        items = self.customers.selectedItems()
        if not items:
            return None
        return int(self.customers.item(items[0].row(), 0).text())

    def select_customer(self, name: str) -> None:
        for r in range(self.customers.rowCount()):
            if self.customers.item(r, 1).text() == shown(name):
                self.customers.selectRow(r)
                return

    def _label(self, parent: QWidget, text) -> QLabel:
        lab = QLabel(parent)
        self.live.bind(lambda: lab.setText(text()))
        return lab

    def _need_customer(self) -> int | None:
        cid = self.selected_customer()
        if cid is None:
            self._say(self.tr("먼저 목록에서 고객을 고르세요."), False)
        return cid

    def unlock(self) -> None:
        cid = self._need_customer()
        if cid is None:
            return
        try:
            done = self.ctx.authority().teller().unlock(cid)
        except DojangError as exc:
            return self._fail(exc)
        if done.unlocked:
            self._say(self.tr("잠금을 풀고 오류 횟수를 초기화했습니다: {0}").format(
                ", ".join(t.message() for t in done.unlocked)), True)
        else:
            self._say(self.tr("잠기거나 오류가 남은 항목이 없습니다 (확인한 것: {0}).").format(
                ", ".join(t.message() for t in done.checked)), True)
        self.refresh()

    def issue_card(self) -> None:
        cid = self._need_customer()
        if cid is None:
            return
        try:
            serial, _cells = self.ctx.authority().teller().issue_card(cid)
        except DojangError as exc:
            return self._fail(exc)
        from .devices import mask_serial
        self._say(self.tr("새 보안카드를 발급했습니다 ({0}). 이전 카드는 더 이상 쓸 수 없습니다.").format(
            mask_serial(serial)), True)
        self.refresh()

    def issue_otp(self) -> None:
        cid = self._need_customer()
        if cid is None:
            return
        try:
            serial, _secret = self.ctx.authority().teller().issue_otp(cid)
        except DojangError as exc:
            return self._fail(exc)
        from .devices import mask_serial
        self._say(self.tr("새 OTP를 발급했습니다 ({0}). 이전 OTP는 더 이상 쓸 수 없습니다.").format(
            mask_serial(serial)), True)
        self.refresh()

    def issue_mobile_otp(self) -> None:
        cid = self._need_customer()
        if cid is None:
            return
        try:
            serial = self.ctx.authority().teller().issue_mobile_otp(cid)
        except DojangError as exc:
            return self._fail(exc)
        from .devices import mask_serial
        self._say(self.tr("모바일 OTP를 발급했습니다 ({0}). 고객 휴대폰의 은행 앱에 번호가 표시됩니다.").format(
            mask_serial(serial)), True)
        self.refresh()

    # --- add a customer ---

    def _build_add(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.add_name = QLineEdit(page)
        self.add_name.setObjectName("tellerName")
        self.add_rrn = QLineEdit(page)
        self.add_rrn.setObjectName("tellerRrn")
        self.add_rrn.setPlaceholderText("900101-1234567")
        self.add_rrn.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.add_phone = QLineEdit(page)
        self.add_phone.setObjectName("tellerPhone")
        self.add_phone.setPlaceholderText("010-1234-5678")
        self.add_account = QLineEdit(page)
        self.add_account.setObjectName("tellerAccount")
        self.live.bind(lambda: self.add_account.setPlaceholderText(self.tr("숫자 10~14자리")))
        self.add_password = QLineEdit(page)
        self.add_password.setObjectName("tellerAccountPassword")
        self.add_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_password.setMaxLength(4)
        self.live.bind(lambda: self.add_password.setPlaceholderText(self.tr("숫자 4자리")))
        self.add_balance = QSpinBox(page)
        self.add_balance.setObjectName("tellerBalance")
        self.add_balance.setRange(0, 1_000_000_000)
        self.add_balance.setSingleStep(10_000)
        self.add_balance.setValue(100_000)
        self.live.bind(lambda: self.add_balance.setSuffix(self.tr(" 원")))
        self.add_card = QCheckBox(page)
        self.live.bind(lambda: self.add_card.setText(self.tr("보안카드 발급")))
        self.add_card.setObjectName("tellerAddCard")
        self.add_card.setChecked(True)
        self.add_otp = QCheckBox(page)
        self.live.bind(lambda: self.add_otp.setText(self.tr("OTP 발급")))
        self.add_otp.setObjectName("tellerAddOtp")
        form.addRow(self._label(page, lambda: self.tr("이름")), self.add_name)
        form.addRow(self._label(page, lambda: self.tr("주민등록번호")), self.add_rrn)
        form.addRow(self._label(page, lambda: self.tr("휴대폰 번호")), self.add_phone)
        form.addRow(self._label(page, lambda: self.tr("계좌번호")), self.add_account)
        form.addRow(self._label(page, lambda: self.tr("계좌 비밀번호")), self.add_password)
        form.addRow(self._label(page, lambda: self.tr("잔액")), self.add_balance)
        devices = QHBoxLayout()
        devices.addWidget(self.add_card)
        devices.addWidget(self.add_otp)
        devices.addStretch(1)
        form.addRow(self._label(page, lambda: self.tr("기기")), devices)
        self.add_problems = QLabel("", page)
        self.add_problems.setObjectName("tellerAddProblems")
        self.add_problems.setStyleSheet("color: #c62828;")
        self.add_problems.setWordWrap(True)
        form.addRow(self.add_problems)
        self.add_button = QPushButton(page)
        self.live.bind(lambda: self.add_button.setText(self.tr("고객 추가")))
        self.add_button.setObjectName("tellerAddButton")
        self.add_button.clicked.connect(self.add_customer)
        form.addRow(self.add_button)
        self._tab(page, lambda: self.tr("고객 추가"))

    def add_customer(self) -> None:
        lang = self.ctx.language
        checks = [numbers.validate_name(self.add_name.text()), numbers.validate_rrn(self.add_rrn.text()),
                  numbers.validate_mobile(self.add_phone.text()), numbers.validate_account(self.add_account.text()),
                  numbers.validate_account_password(self.add_password.text())]
        problems = [p.message(lang) for r in checks for p in r.problems if p.hard]
        if problems:
            self.add_problems.setText("\n".join(problems))
            return
        self.add_problems.setText("")
        name, rrn, phone, account, pw = (r.value for r in checks)
        teller = self.ctx.authority().teller()
        try:
            cid = teller.add_customer(name=name, rrn=rrn, phone=phone, account=account, account_password=pw,
                                      balance=self.add_balance.value())
            if self.add_card.isChecked():
                teller.issue_card(cid)
            if self.add_otp.isChecked():
                teller.issue_otp(cid)
        except DojangError as exc:
            self.add_problems.setText(exc.message(lang))
            return
        for w in (self.add_name, self.add_rrn, self.add_phone, self.add_account, self.add_password):
            w.clear()
        self._say(self.tr("고객을 추가했습니다: {0} (고객 번호 {1})").format(name, cid), True)
        self.tabs.setCurrentIndex(0)
        self.refresh()
        self.select_customer(name)

    # --- certificates ---

    def _build_certs(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.certs = _table(page, "tellerCerts", [""] * 7)
        self.live.bind(lambda: self.certs.setHorizontalHeaderLabels([
            self.tr("일련번호"), self.tr("고객"), self.tr("구분"), self.tr("상태"), self.tr("발급 방식"),
            self.tr("만료일"), self.tr("인증서 이름")]))
        lay.addWidget(self.certs, 1)
        row = QHBoxLayout()
        row.addWidget(self._label(page, lambda: self.tr("폐지 사유")))
        self.revoke_reason = QComboBox(page)
        self.revoke_reason.setObjectName("tellerRevokeReason")
        reasons = (("unspecified", lambda: self.tr("고객 요청")), ("key_compromise", lambda: self.tr("개인키 유출 의심")),
                   ("affiliation_changed", lambda: self.tr("정보 변경")),
                   ("cessation_of_operation", lambda: self.tr("사용 중지")))
        for value, _text in reasons:
            self.revoke_reason.addItem("", value)
        self.live.bind(lambda: [self.revoke_reason.setItemText(i, text()) for i, (_v, text) in enumerate(reasons)])
        row.addWidget(self.revoke_reason)
        self.revoke_button = QPushButton(page)
        self.live.bind(lambda: self.revoke_button.setText(self.tr("선택한 인증서 폐지")))
        self.revoke_button.setObjectName("tellerRevoke")
        self.revoke_button.clicked.connect(self.revoke)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        lay.addLayout(row)
        self._tab(page, lambda: self.tr("인증서"))

    def revoke(self) -> None:
        items = self.certs.selectedItems()
        if not items:
            self._say(self.tr("먼저 폐지할 인증서를 고르세요."), False)
            return
        serial = self.certs.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        try:
            self.ctx.authority().teller().revoke(serial, self.revoke_reason.currentData())
        except DojangError as exc:
            return self._fail(exc)
        self._say(self.tr("인증서를 폐지했습니다. 인증서 폐지목록(CRL)에 올라갑니다."), True)
        self.refresh()

    # --- audit ---

    def _build_audit(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.audit = _table(page, "tellerAudit", [""] * 5)
        self.live.bind(lambda: self.audit.setHorizontalHeaderLabels([self.tr("시각"), self.tr("고객"), self.tr("작업"),
                                                                    self.tr("결과"), self.tr("내용")]))
        lay.addWidget(self.audit, 1)
        self._tab(page, lambda: self.tr("감사 기록"))

    # --- refresh ---

    def refresh(self) -> None:
        teller = self.ctx.authority().teller()
        selected = self.selected_customer()
        rows = teller.customers()
        names = {c.id: c.name for c in rows}
        self.customers.setRowCount(len(rows))
        for r, c in enumerate(rows):
            acct = c.accounts[0] if c.accounts else None
            active = sum(1 for x in c.certificates if x["status"] == "active")
            values = [str(c.id), c.name, c.rrn_masked, c.phone, acct["number"] if acct else "",
                      self.tr("{0:,}원").format(acct["balance"]) if acct else "",
                      (self.tr("잠김") if acct and acct["locked"] else
                       self.tr("정상 (오류 {0}회)").format(acct["failures"]) if acct else ""),
                      (self.tr("잠김") if c.card["locked"] else self.tr("있음")) if c.card else "—",
                      (self.tr("잠김") if c.otp["locked"] else self.tr("있음")) if c.otp else "—",
                      self.tr("{0}개 사용 중").format(active)]
            for col, v in enumerate(values):
                item = QTableWidgetItem(shown(v))       # names typed at the teller: made visible
                if v == self.tr("잠김"):
                    item.setForeground(Qt.GlobalColor.red)
                self.customers.setItem(r, col, item)
        self.customers.resizeColumnsToContents()
        if selected is not None:
            for r in range(self.customers.rowCount()):
                if self.customers.item(r, 0).text() == str(selected):
                    self.customers.selectRow(r)

        certs = list(reversed(teller.certificates()))
        now = self.ctx.authority().now()
        self.certs.setRowCount(len(certs))
        for r, c in enumerate(certs):
            status = c["status"]
            if status == "active" and dt.datetime.fromisoformat(c["not_after"]) < now:
                status = "expired"
            values = [c["serial"][:12] + ("…" if len(c["serial"]) > 12 else ""), names.get(c["customer_id"], ""),
                      self._lang(TYPES.get(c["type"], (c["type"], c["type"]))),
                      self._lang(STATUS.get(status, (status, status))), c["operation"],
                      _when(c["not_after"])[:10], c["subject"]]
            for col, v in enumerate(values):
                item = QTableWidgetItem(shown(v))
                item.setData(Qt.ItemDataRole.UserRole, c["serial"])
                self.certs.setItem(r, col, item)
        self.certs.resizeColumnsToContents()

        entries = list(reversed(teller.audit(100)))
        self.audit.setRowCount(len(entries))
        for r, e in enumerate(entries):
            detail = json.dumps(e["detail"], ensure_ascii=False) if e["detail"] else ""
            values = [_when(e["at"]), names.get(e["customer_id"], "") if e["customer_id"] else "",
                      e["action"], e["outcome"], detail]
            for col, v in enumerate(values):
                self.audit.setItem(r, col, QTableWidgetItem(shown(v)))
        self.audit.resizeColumnsToContents()
        self.audit.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)


def show_teller_panel(parent: QWidget | None, ctx: AppContext) -> TellerPanel:
    panel = TellerPanel(ctx, parent)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.show()
    return panel
