"""The customers' simulated devices: the OTP token and the printed 보안카드.

Both read through `Authority.devices` (the bank's stand-in for the physical device), using the
context's clock, so a test with a fake clock sees the same code the bank expects.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from core.authority.channels import mask_serial
from core.errors import DojangError

from .safetext import shown
from .context import AppContext
from .live_text import LiveText


def _tr(text: str) -> str:
    return QCoreApplication.translate("Devices", text)


def _resolve(ctx: AppContext, ref: str, kind: str) -> tuple[str, str]:
    """(serial, owner name) from a serial or a customer reference (id, name, RRN, account)."""
    a = ctx.authority()
    prefix = "SC" if kind == "card" else "OTP"
    if ref.startswith(prefix) and ref[len(prefix):].isdigit():
        return ref, a.devices.owner_of(ref)
    teller = a.teller()
    cid = teller.find_customer(ref)
    name = teller.customer_name(cid)
    serial = a.devices.card_serial_of(cid) if kind == "card" else a.devices.otp_serial_of(cid)
    if serial is None:
        from core.authority.errors import NoDevice
        raise NoDevice(kind)
    return serial, name


class OtpWindow(QWidget):
    """An OTP token: press the button to see the current 6-digit code and its remaining seconds."""

    def __init__(self, ctx: AppContext, serial: str, owner: str = "", parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.serial = serial
        self.setObjectName("otpWindow")
        self.live = live = LiveText(self)
        live.bind(lambda: self.setWindowTitle(self.tr("OTP 발생기 (모의)")))
        self.setFixedSize(300, 330)
        self.setStyleSheet("""
            #otpWindow { background: #e9ecf2; }
            #otpBody { background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #2b2f3a, stop:1 #16181e);
                       border-radius: 26px; }
            #otpBody QLabel { color: #d7dce6; }
            #otpScreen { background: #b9c7a6; border: 3px solid #0d0f13; border-radius: 8px; }
            QLabel#otpCode { color: #1c2614; font-family: 'DejaVu Sans Mono', monospace; font-size: 38px;
                             font-weight: 700; letter-spacing: 4px; }
            QPushButton#otpButton { background: #c8102e; color: white; border-radius: 30px; font-weight: 700;
                                    font-size: 14px; }
            QPushButton#otpButton:pressed { background: #9c0c22; }
            QProgressBar { background: #3a3f4b; border: none; border-radius: 3px; }
            QProgressBar::chunk { background: #7fd08a; border-radius: 3px; }
        """)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 18, 18, 18)
        body = QFrame(self)
        body.setObjectName("otpBody")
        outer.addWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(22, 18, 22, 18)
        brand = QLabel(body)
        live.bind(lambda: brand.setText(self.tr("도장은행 OTP")))
        brand.setStyleSheet("font-weight: 700; font-size: 14px;")
        lay.addWidget(brand, 0, Qt.AlignmentFlag.AlignHCenter)
        screen = QFrame(body)
        screen.setObjectName("otpScreen")
        sl = QVBoxLayout(screen)
        sl.setContentsMargins(8, 6, 8, 6)
        self.code_label = QLabel("", screen)
        self.code_label.setObjectName("otpCode")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setMinimumHeight(56)
        sl.addWidget(self.code_label)
        lay.addWidget(screen)
        self.bar = QProgressBar(body)
        self.bar.setObjectName("otpRemaining")
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        lay.addWidget(self.bar)
        self.remaining_label = QLabel("", body)
        self.remaining_label.setObjectName("otpRemainingText")
        self.remaining_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.remaining_label)
        self.button = QPushButton(body)
        live.bind(lambda: self.button.setText(self.tr("누르기")))
        self.button.setObjectName("otpButton")
        self.button.setFixedSize(60, 60)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.reveal)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        foot = QLabel(body)
        live.bind(lambda: foot.setText(self.tr("S/N {0}").format(mask_serial(serial))
                                       + (f" · {shown(owner, 40)}" if owner else "")))
        foot.setObjectName("otpSerial")
        foot.setStyleSheet("font-size: 11px;")
        lay.addWidget(foot, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("otpError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self._shown_until: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._tick()
        live.bind(self._tick)          # the remaining-time line in the new language at once

    def _interval(self) -> int:
        return self.ctx.authority().config.otp_interval

    def reveal(self) -> None:
        """Show the code of the current 60 s step (like pressing the token's button)."""
        try:
            code = self.ctx.authority().devices.otp_code(self.serial, at=self.ctx.clock())
        except DojangError as exc:
            self.error_label.setText(exc.message(self.ctx.language))
            self.error_label.show()
            return
        self.error_label.hide()
        self.code_label.setText(code)
        self._step = int(self.ctx.clock().timestamp()) // self._interval()
        self._tick()

    def code(self) -> str:
        return self.code_label.text()

    def _tick(self) -> None:
        interval = self._interval()
        now = int(self.ctx.clock().timestamp())
        left = interval - now % interval
        self.bar.setRange(0, interval)
        self.bar.setValue(left)
        if self.code_label.text() and now // interval != getattr(self, "_step", None):
            self.code_label.setText("")      # the token blanks when its step is over
        if self.code_label.text():
            self.remaining_label.setText(self.tr("{0}초 남음").format(left))
        else:
            self.remaining_label.setText(self.tr("버튼을 누르면 OTP 번호가 표시됩니다"))


class CardViewer(QWidget):
    """The customer's printed 보안카드: numbered 4-digit cells in columns, serial partly masked."""

    def __init__(self, ctx: AppContext, serial: str, owner: str = "", parent: QWidget | None = None,
                 highlight: tuple[int, ...] = ()):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.serial = serial
        self.setObjectName("cardViewer")
        self.live = live = LiveText(self)
        live.bind(lambda: self.setWindowTitle(self.tr("보안카드 (모의)")))
        self.setStyleSheet("""
            #cardViewer { background: #e9ecf2; }
            #cardBody { background: white; border: 1px solid #b8c2d6; border-radius: 14px; }
            #cardHeader { background: #1f4fa8; border-top-left-radius: 13px; border-top-right-radius: 13px; }
            #cardHeader QLabel { color: white; }
            QLabel.cellNo { color: #1f4fa8; font-weight: 700; font-size: 12px; }
            QLabel.cellValue { color: #111; font-family: 'DejaVu Sans Mono', monospace; font-size: 15px;
                               font-weight: 600; }
            QLabel.cellValue[hi="true"] { background: #fff2a8; border-radius: 3px; }
            QLabel.note { color: #5b6478; font-size: 11px; }
        """)
        cells = ctx.authority().devices.card_cells(serial)
        self.cells = cells
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        body = QFrame(self)
        body.setObjectName("cardBody")
        outer.addWidget(body)
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 12)
        header = QFrame(body)
        header.setObjectName("cardHeader")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(16, 10, 16, 10)
        title = QLabel(header)
        live.bind(lambda: title.setText(self.tr("도장은행 보안카드")))
        title.setStyleSheet("font-size: 16px; font-weight: 700;")
        hl.addWidget(title)
        hl.addStretch(1)
        serial_label = QLabel(header)
        live.bind(lambda: serial_label.setText(self.tr("일련번호 {0}").format(mask_serial(serial))))
        serial_label.setObjectName("cardSerial")
        hl.addWidget(serial_label)
        bl.addWidget(header)
        grid = QGridLayout()
        grid.setContentsMargins(18, 10, 18, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        columns = 5
        rows = (len(cells) + columns - 1) // columns
        self.cell_labels: dict[int, QLabel] = {}
        for n in sorted(cells):
            col, row = (n - 1) // rows, (n - 1) % rows      # numbered down the columns, as printed
            no = QLabel(f"{n:02d}", body)
            no.setProperty("class", "cellNo")
            value = QLabel(cells[n], body)
            value.setObjectName(f"cardCell_{n}")
            value.setProperty("class", "cellValue")
            value.setProperty("hi", n in highlight)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(no, row, col * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, col * 2 + 1)
            self.cell_labels[n] = value
        for c in range(columns - 1):
            grid.setColumnMinimumWidth(c * 2 + 1, 56)
        bl.addLayout(grid)
        note = QLabel(body)
        live.bind(lambda: note.setText(self.tr("요청한 번호의 앞 2자리·뒤 2자리를 입력합니다. 보안카드 번호를 전화·문자·메신저로 "
                                               "알려 달라는 요구는 모두 사기입니다. (모의 보안카드 — {0})").format(owner or "-")))
        note.setProperty("class", "note")
        note.setWordWrap(True)
        note.setContentsMargins(18, 6, 18, 0)
        bl.addWidget(note)
        self.setFixedWidth(560)

    def cell(self, n: int) -> str:
        return self.cell_labels[n].text()

    def set_highlight(self, *numbers: int) -> None:
        for n, lab in self.cell_labels.items():
            lab.setProperty("hi", n in numbers)
            lab.style().unpolish(lab)
            lab.style().polish(lab)


_open: dict[tuple[int, str, str], QWidget] = {}


def _remember(ctx: AppContext, kind: str, serial: str, window: QWidget) -> QWidget:
    key = (id(ctx), kind, serial)
    _open[key] = window
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: _open.pop(key, None))
    return window


def open_device_windows(ctx: AppContext) -> list[QWidget]:
    """The OTP / 보안카드 windows of `ctx` open right now."""
    return [w for (cid, _kind, _serial), w in _open.items() if cid == id(ctx)]


def show_otp_window(parent: QWidget | None, ctx: AppContext, serial_or_customer: str) -> OtpWindow:
    """The OTP token of a serial (OTP…) or of a customer (id, name, RRN or account)."""
    serial, owner = _resolve(ctx, str(serial_or_customer), "otp")
    window = _open.get((id(ctx), "otp", serial)) or _remember(ctx, "otp", serial, OtpWindow(ctx, serial, owner, parent))
    window.show()
    window.raise_()
    return window


def show_card_viewer(parent: QWidget | None, ctx: AppContext, serial_or_customer: str,
                     highlight: tuple[int, ...] = ()) -> CardViewer:
    """The 보안카드 of a serial (SC…) or of a customer; `highlight` marks the cells being asked for."""
    serial, owner = _resolve(ctx, str(serial_or_customer), "card")
    window = _open.get((id(ctx), "card", serial))
    if window is None:
        window = _remember(ctx, "card", serial, CardViewer(ctx, serial, owner, parent, highlight))
    elif highlight:
        window.set_highlight(*highlight)
    window.show()
    window.raise_()
    return window
