"""금융인증서 — 클라우드 in the main window (docs/bank-flows.md "금융인증서").

The cloud is the last row of the storage list; selecting it shows this panel in place of the
certificate table. It lists the 금융인증서 of every customer whose cloud this PC is connected to (이용
기기 지정) and offers what a 금융인증서 allows: 보기, 인증서로 로그인, PIN 변경, PIN 재설정, 갱신,
자동갱신, 폐기, 기기 연결 해제, and connecting this PC to another customer's cloud. A cloud key never
leaves the (simulated) cloud: there is nothing to copy, move or export, and the panel says so.

Every bank call runs on the main window's workers; PINs live in their dialog's fields and in a
bytearray handed to the bank, which wipes it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.errors import DojangError

from .dialogs import Btn, MessageBox, AnswerQueue
from .icons import icon
from .safetext import shown

STATUS_TEXT = {"active": ("유효", "Valid"), "expired": ("만료됨", "Expired"), "revoked": ("폐기됨", "Revoked"),
               "superseded": ("이전 인증서", "Replaced"), "pending": ("발급 미완료", "Not completed"),
               "cancelled": ("발급 취소됨", "Cancelled")}


def _wipe(*secrets) -> None:
    for s in secrets:
        if isinstance(s, bytearray):
            s[:] = bytes(len(s))


class PinDialog(QDialog):
    """One or more 6-digit fields (PIN, new PIN, its repeat, an SMS code). Returns bytearrays or None.
    `set_next_answer` feeds tests (a tuple of str, or None for Cancel)."""
    _answers = AnswerQueue()
    history: list[tuple[str, str | None]] = []     # (text, error) of every question, for tests

    @classmethod
    def set_next_answer(cls, answer) -> None:
        """A tuple of str, None (Cancel), or a callable giving either when the question comes (a test
        that must first read the code the question is about)."""
        cls._answers.push(answer)

    def __init__(self, parent: QWidget | None, title: str, text: str, labels: tuple[str, ...],
                 error: str | None = None, secret: bool = True):
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        if error:
            err = QLabel(error, self)
            err.setObjectName("pinDialogError")
            err.setWordWrap(True)
            err.setStyleSheet("color: #b3261e; font-weight: 600;")
            lay.addWidget(err)
        intro = QLabel(text, self)
        intro.setObjectName("pinDialogText")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.edits: list[QLineEdit] = []
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self)
        for i, label in enumerate(labels):
            e = QLineEdit(self)
            e.setObjectName(f"pinDialogEdit{i}")
            e.setMaxLength(6)
            e.setValidator(digits)
            if secret:
                e.setEchoMode(QLineEdit.EchoMode.Password)
            e.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
                                  | Qt.InputMethodHint.ImhNoPredictiveText)
            e.textChanged.connect(self._update)
            form.addRow(label, e)
            self.edits.append(e)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.setObjectName("pinDialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._update()
        self.edits[0].setFocus()
        self.setMinimumWidth(400)

    def _update(self, *_):
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            all(len(e.text()) == 6 for e in self.edits))

    def clear(self) -> None:
        for e in self.edits:
            e.clear()

    @classmethod
    def ask(cls, parent, title: str, text: str, labels: tuple[str, ...], error: str | None = None,
            secret: bool = True) -> list[bytearray] | None:
        cls.history.append((text, error))
        has, answer = cls._answers.pop()
        if has:
            answer = answer() if callable(answer) else answer
            return None if answer is None else [bytearray(a.encode("ascii")) for a in answer]
        dlg = cls(parent, title, text, labels, error, secret)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            return [bytearray(e.text().encode("ascii")) for e in dlg.edits]
        finally:
            dlg.clear()
            dlg.deleteLater()


class ConnectDialog(QDialog):
    """이용 기기 지정: the customer's name and registered phone number. Returns (name, phone) or None."""
    _answers = AnswerQueue()

    @classmethod
    def set_next_answer(cls, answer: tuple[str, str] | None) -> None:
        cls._answers.push(answer)

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("cloudConnectDialog")
        self.setWindowTitle(self.tr("이 PC를 금융인증서 이용 기기로 연결"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("금융인증서를 발급받은 고객의 성명과 은행에 등록한 휴대폰 번호를 입력하세요. 그 휴대폰으로 "
                               "인증번호를 보냅니다."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("cloudConnectName")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("cloudConnectPhone")
        self.phone.setPlaceholderText("010-0000-0000")
        form.addRow(self.tr("성명"), self.name)
        form.addRow(self.tr("휴대폰 번호"), self.phone)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, parent) -> tuple[str, str] | None:
        has, answer = cls._answers.pop()
        if has:
            return answer
        dlg = cls(parent)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            return dlg.name.text().strip(), dlg.phone.text().strip()
        finally:
            dlg.deleteLater()


def _date(d: dt.datetime) -> str:
    return d.strftime("%Y-%m-%d")


class CloudPanel(QWidget):
    """The cloud's page in the main window. `host` is the MainWindow: its workers, notices and clock."""
    countChanged = Signal(int)        # how many 금융인증서 this PC sees (for the storage list row)
    loaded = Signal()                 # the list was (re)read from the bank

    COLUMNS = 6

    def __init__(self, host, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.ctx = host.ctx
        self.setObjectName("cloudPanel")
        self.accounts: list = []
        self.device: str | None = None
        self._loading = False
        self._again = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        pic = QLabel(self)
        pic.setPixmap(icon("cloud").pixmap(28, 28))
        head.addWidget(pic)
        self.title = QLabel(self)
        self.title.setObjectName("cloudTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: 700;")
        head.addWidget(self.title, 1)
        lay.addLayout(head)
        self.note = QLabel(self)
        self.note.setObjectName("cloudNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("#cloudNote { background: #e8f0fe; border: 1px solid #b6cdf5; border-radius: 4px; "
                                "padding: 6px; color: #1d2433; }")
        lay.addWidget(self.note)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("cloudTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _i: self.view())
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("cloudEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #3c4657; padding: 8px;")
        lay.addWidget(self.empty)

        self.buttons: dict[str, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for name, icon_name, slot, row in (
                ("view", "view", self.view, row1), ("login", "certificate", self.login, row1),
                ("changePin", "password-change", self.change_pin, row1), ("resetPin", "password-check", self.reset_pin, row1),
                ("renew", "renew", self.renew, row1), ("autoRenew", "refresh", self.toggle_auto_renew, row2),
                ("revoke", "revoke", self.revoke, row2), ("disconnect", "delete", self.disconnect, row2),
                ("connect", "phone", self.connect_device, row2), ("issue", "issue", self.issue, row2)):
            b = QPushButton(icon(icon_name), "", self)
            b.setObjectName(f"cloud{name[0].upper()}{name[1:]}Button")
            b.clicked.connect(lambda _checked=False, slot=slot: slot())    # not `checked` into `error`
            row.addWidget(b)
            self.buttons[name] = b
        row1.addStretch(1)
        row2.addStretch(1)
        lay.addLayout(row1)
        lay.addLayout(row2)
        self.retranslate()
        self._update_buttons()

    # --- text -----------------------------------------------------------------------------------
    def _lang(self) -> str:
        return self.ctx.language

    def _pick(self, pair: tuple[str, str]) -> str:
        return pair[0] if self._lang() == "ko" else pair[1]

    def retranslate(self) -> None:
        self.title.setText(self.tr("금융인증서 — 클라우드 (금융결제원, 모의)"))
        self.note.setText(self.tr("금융인증서는 금융결제원 클라우드에 보관되어 이 PC에는 인증서 파일이 없습니다. 그래서 "
                                  "복사·이동·내보내기를 할 수 없습니다 — 다른 PC나 휴대폰에서 쓰려면 그 기기를 이용 "
                                  "기기로 연결하세요. 쓸 때마다 숫자 6자리 PIN을 입력합니다."))
        self.table.setHorizontalHeaderLabels([self.tr("고객"), self.tr("휴대폰"), self.tr("상태"), self.tr("유효기간"),
                                              self.tr("PIN"), self.tr("자동갱신")])
        for name, text in (("view", self.tr("보기")), ("login", self.tr("인증서로 로그인")),
                           ("changePin", self.tr("PIN 변경")), ("resetPin", self.tr("PIN 재설정")),
                           ("renew", self.tr("갱신")), ("autoRenew", self.tr("자동갱신 설정")),
                           ("revoke", self.tr("폐기")), ("disconnect", self.tr("기기 연결 해제")),
                           ("connect", self.tr("기기 연결…")), ("issue", self.tr("금융인증서 발급…"))):
            self.buttons[name].setText(text)
        self._fill()

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the accounts this PC sees (a worker; the bank may still be opening)."""
        if self._loading:
            self._again = True
            return
        self._loading = True

        def work():
            bank = self.ctx.authority()
            device = bank.this_device()
            return device, bank.cloud_accounts(device)

        self.host.workers.submit(work, name="cloud", on_done=self._loaded, on_error=self._load_failed)

    def _loaded(self, result) -> None:
        self._loading = False
        if self._again:           # asked again while this read ran: it may predate a change
            self._again = False
            self.refresh()
            return
        self.device, self.accounts = result
        self._fill()
        self.countChanged.emit(sum(1 for a in self.accounts if a.certificate is not None))
        self.loaded.emit()

    def _load_failed(self, err: DojangError) -> None:
        """Said on the cloud's own page (and its row), not in the window's result line: the bank may
        be opening for another reason, with a notice of its own."""
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
            return
        self.accounts = []
        self._fill()
        self.empty.setText(self.tr("금융인증서 목록을 읽지 못했습니다: {0}").format(err.message(self._lang())))
        self.empty.show()
        self.countChanged.emit(0)
        self.loaded.emit()

    def _fill(self) -> None:
        now = self.ctx.clock()
        keep = self.selected()
        self.table.setRowCount(len(self.accounts))
        for i, a in enumerate(self.accounts):
            c = a.certificate
            if c is None:
                cells = (a.customer_name, a.phone_masked, self.tr("금융인증서 없음"), "", "", "")
            else:
                status = self._pick(STATUS_TEXT.get(c.status, (c.status, c.status)))
                if c.status == "active":
                    left = (c.not_after - now).days
                    if left <= 30:
                        status += " · " + self.tr("%n일 남음", "", max(left, 0))
                pin = self.tr("잠김 — PIN 재설정 필요") if c.locked else (
                    self.tr("정상") if not c.failures else self.tr("%n번 틀림", "", c.failures))
                cells = (a.customer_name, a.phone_masked, status, f"{_date(c.not_before)} ~ {_date(c.not_after)}",
                         pin, self.tr("동의") if c.auto_renew else self.tr("안 함"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(shown(str(text), 80))
                if col == 4 and c is not None and c.locked:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(i, col, item)
        if keep is not None:
            for i, a in enumerate(self.accounts):
                if a.customer_id == keep.customer_id:
                    self.table.selectRow(i)
        elif self.accounts:
            self.table.selectRow(0)
        self.empty.setText(self.tr("이 PC에 연결된 금융인증서가 없습니다. [금융인증서 발급…]으로 새로 발급하거나, 이미 "
                                   "발급받았다면 [기기 연결…]로 이 PC를 연결하세요."))
        self.empty.setVisible(not any(a.certificate is not None for a in self.accounts))
        self._update_buttons()

    def selected(self):
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        r = rows.pop()
        return self.accounts[r] if 0 <= r < len(self.accounts) else None

    def select_customer(self, name: str) -> bool:
        for i, a in enumerate(self.accounts):
            if a.customer_name == name:
                self.table.selectRow(i)
                return True
        return False

    def _update_buttons(self) -> None:
        a = self.selected()
        c = a.certificate if a is not None else None
        usable = c is not None and c.status == "active"
        for name in ("view",):
            self.buttons[name].setEnabled(c is not None)
        for name in ("login", "changePin", "autoRenew", "revoke"):
            self.buttons[name].setEnabled(usable and not c.locked)
        self.buttons["resetPin"].setEnabled(c is not None)
        self.buttons["disconnect"].setEnabled(a is not None)
        renewable = usable and not c.locked and (c.not_after - self.ctx.clock()).days <= self._window()
        self.buttons["renew"].setEnabled(renewable)
        self.buttons["renew"].setToolTip("" if renewable or not usable else self.tr(
            "금융인증서는 만료 {0}일 전부터 갱신할 수 있습니다.").format(self._window()))

    def _window(self) -> int:
        from core.authority.products import KEY_CLOUD, products
        return next((p.renewal_window_days for p in products() if p.key_home == KEY_CLOUD), 30)

    # --- actions ----------------------------------------------------------------------------------
    def _current(self):
        a = self.selected()
        if a is None or a.certificate is None:
            self.host.notify(self.tr("금융인증서를 하나 고르세요."), "warn")
            return None
        return a

    def _ask_pin(self, title: str, text: str, labels=None, error: str | None = None):
        return PinDialog.ask(self, title, text, labels or (self.tr("PIN"),), error)

    def _run(self, work, done_text, *, retry=None, name: str = "cloud") -> None:
        """`work` on a worker; on success the result line and a fresh list; a wrong PIN asks again
        (`retry(error_text)`), any other refusal is shown in the bank's words."""
        def done(result) -> None:
            self.host.notify(lambda: done_text(result), "ok")
            self.host.operationFinished.emit(self.host.last_notice)
            self.refresh()

        def failed(err: DojangError) -> None:
            self.host.notify(lambda: err.message(self._lang()), "error")
            self.host.operationFinished.emit(err.message(self._lang()))
            self.refresh()
            from core.authority.errors import WrongPin
            if retry is not None and isinstance(err, WrongPin):
                QTimer.singleShot(0, lambda: retry(err.message(self._lang())))

        self.host.workers.submit(work, name=name, on_done=done, on_error=failed)

    def view(self) -> None:
        a = self._current()
        if a is None:
            return
        CloudDetailsDialog(self, a, self._lang(), self.ctx.clock()).open()

    def _with_pin(self, a, title: str, text: str, call, done_text, retry, error: str | None, name: str = "cloud"):
        """Ask the PIN (again with `error` after a wrong one), then `call(bank, device, serial, pin)` on
        a worker; the PIN is wiped whatever happens."""
        answer = self._ask_pin(title, text, error=error)
        if answer is None:
            return
        [pin] = answer
        device, serial = self.device, a.certificate.serial

        def work():
            try:
                return call(self.ctx.authority(), device, serial, pin)
            finally:
                _wipe(pin)
        self._run(work, done_text, retry=retry, name=name)

    def login(self, error: str | None = None) -> None:
        a = self._current()
        if a is None:
            return
        from core.flows.login import login_with_cloud
        self._with_pin(a, self.tr("인증서로 로그인"),
                       self.tr("{0}님의 금융인증서로 모의 은행에 로그인합니다. PIN을 입력하세요.").format(
                           shown(a.customer_name, 40)),
                       login_with_cloud,
                       lambda res: self.tr("로그인했습니다: {0} 님 (모의 은행)").format(shown(res.customer_name, 40)),
                       self.login, error, name="login")

    def change_pin(self, error: str | None = None) -> None:
        a = self._current()
        if a is None:
            return
        answer = self._ask_pin(self.tr("PIN 변경"), self.tr("현재 PIN을 확인한 뒤 새 PIN으로 바꿉니다. 같은 숫자 반복, 연속된 "
                                                         "숫자, 생년월일은 쓸 수 없습니다."),
                               (self.tr("현재 PIN"), self.tr("새 PIN"), self.tr("새 PIN 확인")), error)
        if answer is None:
            return
        pin, new, again = answer
        device, serial = self.device, a.certificate.serial

        def work():
            try:
                self.ctx.authority().cloud_change_pin(device, serial, pin, new, again)
            finally:
                _wipe(pin, new, again)
        self._run(work, lambda _r: self.tr("PIN을 바꿨습니다."), retry=self.change_pin)

    def renew(self, error: str | None = None) -> None:
        a = self._current()
        if a is None:
            return
        self._with_pin(a, self.tr("금융인증서 갱신"),
                       self.tr("새 금융인증서(유효기간 3년)를 클라우드에 만들고 지금 인증서는 이전 인증서가 됩니다. PIN은 "
                               "그대로입니다. PIN을 입력하세요."),
                       lambda bank, device, serial, pin: bank.cloud_renew(device, serial, pin),
                       lambda issued: self.tr("금융인증서를 갱신했습니다. 새 유효기간: ~ {0}").format(
                           _date(issued.not_after)), self.renew, error)

    def toggle_auto_renew(self, error: str | None = None) -> None:
        a = self._current()
        if a is None:
            return
        on = not a.certificate.auto_renew
        text = (self.tr("자동갱신에 동의하면 만료 30일 전부터 금융인증서를 쓸 때 새 인증서로 저절로 갱신됩니다. PIN을 "
                        "입력하세요.") if on else self.tr("자동갱신을 해제합니다. PIN을 입력하세요."))
        self._with_pin(a, self.tr("자동갱신 설정"), text,
                       lambda bank, device, serial, pin: bank.cloud_auto_renew(device, serial, pin, on),
                       lambda _r: self.tr("자동갱신에 동의했습니다.") if on else self.tr("자동갱신을 해제했습니다."),
                       self.toggle_auto_renew, error)

    def revoke(self, error: str | None = None) -> None:
        a = self._current()
        if a is None:
            return
        if error is None and MessageBox.question(
                self, self.tr("금융인증서 폐기"),
                self.tr("{0}님의 금융인증서를 폐기할까요? 폐기한 인증서는 다시 쓸 수 없고, 클라우드의 키도 지워집니다. "
                        "필요하면 새로 발급받아야 합니다.").format(shown(a.customer_name, 40))) != Btn.Yes:
            return
        self._with_pin(a, self.tr("금융인증서 폐기"), self.tr("폐기하려면 PIN을 입력하세요."),
                       lambda bank, device, serial, pin: bank.cloud_revoke(device, serial, pin),
                       lambda _r: self.tr("금융인증서를 폐기했습니다."), self.revoke, error)

    def disconnect(self) -> None:
        a = self.selected()
        if a is None:
            self.host.notify(self.tr("고객을 하나 고르세요."), "warn")
            return
        if MessageBox.question(self, self.tr("기기 연결 해제"), self.tr(
                "이 PC와 {0}님의 금융인증서 클라우드 연결을 끊을까요? 인증서는 클라우드에 그대로 있고, 다시 쓰려면 휴대폰 "
                "인증으로 다시 연결해야 합니다.").format(shown(a.customer_name, 40))) != Btn.Yes:
            return
        device, cid = self.device, a.customer_id
        self._run(lambda: self.ctx.authority().cloud_disconnect(device, cid),
                  lambda _n: self.tr("이 PC의 연결을 해제했습니다."))

    def reset_pin(self) -> None:
        """PIN 재설정: the bank's identity steps, then a new PIN — the certificate-centre wizard."""
        wizard = self.host.open_flow("reset_pin")
        if wizard is not None and hasattr(wizard, "completed"):
            wizard.completed.connect(lambda *_: self.refresh())

    def issue(self) -> None:
        wizard = self.host.open_flow("issue")
        if wizard is not None and hasattr(wizard, "completed"):
            wizard.completed.connect(lambda *_: self.refresh())

    def connect_device(self) -> None:
        """이용 기기 지정: name and phone → a code by SMS to that phone → the code typed here."""
        who = ConnectDialog.ask(self)
        if who is None:
            return
        name, phone = who
        if not name or not phone:
            self.host.notify(self.tr("성명과 휴대폰 번호를 모두 입력하세요."), "warn")
            return

        def work():
            bank = self.ctx.authority()
            return bank.cloud_connect(name, phone, bank.this_device(), self.tr("이 PC"))

        def sent(code) -> None:
            self.host.notify(lambda: self.tr("휴대폰 {0}(으)로 인증번호를 보냈습니다.").format(code.phone_masked), "info")
            QTimer.singleShot(0, lambda: self._ask_code(code))

        def failed(err: DojangError) -> None:
            self.host.notify(lambda: err.message(self._lang()), "error")
            self.host.operationFinished.emit(err.message(self._lang()))

        self.host.workers.submit(work, name="cloud", on_done=sent, on_error=failed)

    def _ask_code(self, code, error: str | None = None) -> None:
        answer = PinDialog.ask(self, self.tr("인증번호 입력"), self.tr(
            "휴대폰 {0}(으)로 받은 인증번호 6자리를 입력하세요.").format(code.phone_masked),
            (self.tr("인증번호"),), error, secret=False)
        if answer is None:
            return
        [typed] = answer
        text = typed.decode("ascii")
        _wipe(typed)

        def failed(err: DojangError) -> None:
            from core.authority.errors import CodeMismatch
            if isinstance(err, CodeMismatch):
                QTimer.singleShot(0, lambda: self._ask_code(code, err.message(self._lang())))
            else:
                self.host.notify(lambda: err.message(self._lang()), "error")
                self.host.operationFinished.emit(err.message(self._lang()))

        def done(_r) -> None:
            self.host.notify(lambda: self.tr("이 PC를 금융인증서 이용 기기로 연결했습니다."), "ok")
            self.host.operationFinished.emit(self.host.last_notice)
            self.refresh()

        self.host.workers.submit(lambda: self.ctx.authority().cloud_confirm_connect(code.id, text), name="cloud",
                                 on_done=done, on_error=failed)


def _two_lines(fingerprint: str) -> str:
    """A 95-character fingerprint in two halves (it has no spaces to wrap at)."""
    parts = fingerprint.split(":")
    half = len(parts) // 2
    return ":".join(parts[:half]) + ":\n" + ":".join(parts[half:]) if len(parts) > 8 else fingerprint


class CloudDetailsDialog(QDialog):
    """보기: what the 금융인증서 says, read from the certificate the cloud holds."""

    def __init__(self, parent: QWidget, account, lang: str, now: dt.datetime):
        super().__init__(parent)
        from core.npki.certificate import parse_certificate
        self.setObjectName("cloudDetailsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("금융인증서 보기"))
        c = account.certificate
        info = parse_certificate(c.cert_der)
        # the name it was connected under; this PC's default name in the UI's language
        device = self.tr("이 PC") if account.device_name in ("이 PC", "This PC") else account.device_name
        lay = QVBoxLayout(self)
        form = QFormLayout()
        status = STATUS_TEXT.get(c.status, (c.status, c.status))[0 if lang == "ko" else 1]
        for key, label, value in (
                ("owner", self.tr("소유자"), info.display_name), ("subject", self.tr("주체"), info.subject),
                ("issuer", self.tr("발급자"), info.issuer_cn or ""),
                ("usage", self.tr("용도"), self.tr("금융 거래 전용 (금융인증서)")),
                ("validity", self.tr("유효기간"), f"{_date(c.not_before)} ~ {_date(c.not_after)}"),
                ("status", self.tr("상태"), status), ("serial", self.tr("일련번호"), info.serial_hex),
                ("key", self.tr("키"), f"{info.key_algorithm} {info.key_size or ''}".strip()),
                ("home", self.tr("보관 위치"), self.tr("금융결제원 클라우드 (모의) — 이 PC에 파일 없음")),
                ("device", self.tr("이용 기기"), device),
                ("fingerprint", self.tr("지문 (SHA-256)"), _two_lines(info.fingerprint_display))):
            # names come from the certificate: made visible; the fingerprint is our own hex in two lines
            v = QLabel(value if key == "fingerprint" else shown(str(value), 200), self)
            v.setObjectName(f"cloudDetail_{key}")
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, v)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(760)


__all__ = ["CloudDetailsDialog", "CloudPanel", "ConnectDialog", "PinDialog"]
