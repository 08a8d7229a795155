"""The PC side of a phone transfer: `PcTransferWindow` (보내기: pick a certificate, password → the
12-digit code; 받기: type the phone's code, choose a storage)."""
from __future__ import annotations


from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QProgressBar, QTabWidget, QVBoxLayout, QWidget

from core.storage import registry
from core.storage import phone_transfer as pt

from ..context import AppContext
from ..workers import Workers
from .common import POLL_MS, make_button, in_background, make_code_label, make_label, set_status


# --- the PC side of the transfer ---------------------------------------------------------------------

class PcTransferWindow(QWidget):
    """PC ↔ phone: 휴대폰으로 보내기 (certificate + password → the 12-digit code to type on the phone)
    and 휴대폰에서 받기 (type the code the phone shows, choose where to save)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, relay: pt.Relay | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.relay = relay or pt.Relay(clock=ctx.clock)
        self.workers = Workers(self, max_threads=1)
        self._offer: pt.Offer | None = None
        self.setObjectName("pcTransferWindow")
        self.setWindowTitle(self.tr("휴대폰과 인증서 주고받기"))
        self.resize(520, 420)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pcTransferTabs")
        lay.addWidget(self.tabs)

        send = QWidget()
        sl = QVBoxLayout(send)
        sl.addWidget(make_label(self.tr("휴대폰으로 보낼 공동인증서를 고르고 비밀번호를 입력하면 인증번호 12자리가 "
                                    "표시됩니다. 휴대폰의 도장은행 앱 → 'PC에서 가져오기'에 입력하세요."), send, wrap=True))
        self.cert = QComboBox(send)
        self.cert.setObjectName("pcTransferCert")
        sl.addWidget(self.cert)
        self.phone = QComboBox(send)
        self.phone.setObjectName("pcTransferPhone")
        sl.addWidget(self.phone)
        self.password = QLineEdit(send)
        self.password.setObjectName("pcTransferPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("인증서 비밀번호"))
        self.password.returnPressed.connect(self.do_send)
        sl.addWidget(self.password)
        self.send_button = b = make_button(self.tr("인증번호 받기"), "pcTransferSend")
        b.clicked.connect(self.do_send)
        sl.addWidget(b)
        self.code = make_code_label(send, "pcTransferCode", 30, 3)
        sl.addWidget(self.code)
        self.expiry = QProgressBar(send)
        self.expiry.setObjectName("pcTransferExpiry")
        self.expiry.hide()
        sl.addWidget(self.expiry)
        self.send_status = make_label("", send, name="pcTransferSendStatus", wrap=True)
        sl.addWidget(self.send_status)
        sl.addStretch(1)
        self.tabs.addTab(send, self.tr("휴대폰으로 보내기"))

        recv = QWidget()
        rl = QVBoxLayout(recv)
        rl.addWidget(make_label(self.tr("휴대폰의 도장은행 앱 → 'PC로 보내기'에 표시된 인증번호 12자리와 인증서 "
                                    "비밀번호를 입력하고 저장할 곳을 고르세요."), recv, wrap=True))
        self.recv_code = QLineEdit(recv)
        self.recv_code.setObjectName("pcTransferReceiveCode")
        self.recv_code.setPlaceholderText("0000-0000-0000")
        rl.addWidget(self.recv_code)
        self.recv_password = QLineEdit(recv)
        self.recv_password.setObjectName("pcTransferReceivePassword")
        self.recv_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.recv_password.setPlaceholderText(self.tr("인증서 비밀번호"))
        rl.addWidget(self.recv_password)
        self.dest = QComboBox(recv)
        self.dest.setObjectName("pcTransferDestination")
        rl.addWidget(self.dest)
        self.receive_button = b = make_button(self.tr("인증서 받기"), "pcTransferReceive")
        b.clicked.connect(self.do_receive)
        rl.addWidget(b)
        self.recv_status = make_label("", recv, name="pcTransferReceiveStatus", wrap=True)
        rl.addWidget(self.recv_status)
        rl.addStretch(1)
        self.tabs.addTab(recv, self.tr("휴대폰에서 받기"))
        self.setStyleSheet("QLabel.error { color: #c62828; } QLabel.ok { color: #1b7f3b; }")
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        storages = registry.all_storages()
        self.cert.clear()
        self.dest.clear()
        self.phone.clear()
        for s in storages:
            if s.kind == "phone":
                self.phone.addItem(self.tr("받을 휴대폰: {0}").format(s.label(self.ctx.language)),
                                   s.meta.get("number"))
                continue
            if not s.read_only:
                self.dest.addItem(self.tr("저장할 곳: {0}").format(s.label(self.ctx.language)), s.id)
            for c in s.certificates():
                self.cert.addItem(f"{c.info.display_name} · {c.info.usage.label(self.ctx.language)} · "
                                  f"{c.info.not_after.strftime('%Y-%m-%d')} ({s.label(self.ctx.language)})", str(c.path))

    def do_send(self) -> None:
        if self.workers.busy:
            return
        path, number, password = self.cert.currentData(), self.phone.currentData(), self.password.text()
        if not path or not number:
            set_status(self.send_status, self.tr("보낼 인증서와 받을 휴대폰을 고르세요."), False)
            return
        if not password:
            set_status(self.send_status, self.tr("인증서 비밀번호를 입력하세요."), False)
            return
        from pathlib import Path
        from core.npki.certfolder import read_cert_folder
        self.password.clear()

        def work():
            entry = read_cert_folder(Path(path), Path(path).parent.parent.name)
            return self.relay.export_to_phone(entry, password, number)

        in_background(self, self.send_button, self.send_status, work, self._show_offer)

    def _show_offer(self, offer) -> None:
        self._offer = offer
        self.code.setText(self._offer.formatted)
        self.expiry.setRange(0, self.relay.ttl)
        self.expiry.show()
        set_status(self.send_status, self.tr("휴대폰({0})에서 이 번호와 인증서 비밀번호를 입력하세요.").format(
            self._offer.phone), None)
        self._tick()

    def _tick(self) -> None:
        if self._offer is None:
            return
        state = self.relay.status(self._offer.transfer_id)
        left = max(0, int((self._offer.expires_at - self.relay.clock()).total_seconds()))
        if state == pt.WAITING:
            self.expiry.setValue(left)
            self.expiry.setFormat(self.tr("{0}분 {1:02d}초 남음").format(left // 60, left % 60))
            return
        self._offer = None
        self.code.setText("")
        self.expiry.hide()
        text = {pt.USED: self.tr("휴대폰에 인증서를 보냈습니다."),
                pt.EXPIRED: self.tr("유효시간이 지났습니다. 다시 인증번호를 받으세요.")}.get(
            state, self.tr("인증서 보내기가 취소되었습니다."))
        set_status(self.send_status, text, state == pt.USED)

    def do_receive(self) -> None:
        if self.workers.busy:
            return
        code, password, dest_id = self.recv_code.text(), self.recv_password.text(), self.dest.currentData()
        if pt.normalise_code(code) is None:
            set_status(self.recv_status, self.tr("인증번호 12자리 숫자를 입력하세요."), False)
            return
        if not password or not dest_id:
            set_status(self.recv_status, self.tr("인증서 비밀번호를 입력하고 저장할 곳을 고르세요."), False)
            return
        self.recv_password.clear()

        def done(got) -> None:
            self.recv_code.clear()
            set_status(self.recv_status, self.tr("인증서를 저장했습니다: {0}").format(
                got.storage.label(self.ctx.language)), True)
            self.refresh()

        in_background(self, self.receive_button, self.recv_status,
                       lambda: self.relay.import_on_pc(code, password, registry.find_storage(dest_id)), done)


def show_pc_transfer(parent: QWidget | None, ctx: AppContext, *, relay: pt.Relay | None = None) -> PcTransferWindow:
    window = PcTransferWindow(ctx, parent, relay=relay)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
