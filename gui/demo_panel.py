"""The demo customers panel: who they are and every value needed to finish each flow.

This is the one place where demo 주민등록번호 are shown in full: they are fictitious demo data (the
banner says so). Values come from `core.authority.demo.demo_info`, so a teller's changes (unlocking,
a new card) show up after 새로 고침.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from core.authority.demo import demo_info

from .context import AppContext
from .safetext import plain_label, shown


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoPanel", text)


_STYLE = """
#demoPanel { background: #f3f5f9; }
#demoBanner { background: #fff4d6; border: 1px solid #f0c659; border-radius: 8px; color: #5c4400; padding: 8px; }
QFrame.customer { background: white; border: 1px solid #d5dbe6; border-radius: 10px; }
QLabel.name { font-size: 16px; font-weight: 700; color: #1d2433; }
QLabel.tag { background: #e3ecff; color: #1f4fa8; border-radius: 8px; padding: 2px 8px; font-size: 11px;
             font-weight: 600; }
QLabel.tagWarn { background: #ffe3e3; color: #a61b1b; border-radius: 8px; padding: 2px 8px; font-size: 11px;
                 font-weight: 600; }
QLabel.key { color: #5b6478; }
QLabel.value { color: #1d2433; font-family: 'DejaVu Sans Mono', monospace; font-size: 13px; }
QLabel.note { color: #3c4558; }
QPushButton.copy { padding: 1px 8px; font-size: 11px; }
QPushButton.copy[copied="true"] { background: #dff3e6; color: #1b7f3b; font-weight: 600; }
QLabel#demoCopied { background: #dff3e6; color: #1b7f3b; border-radius: 6px; padding: 6px; font-weight: 600; }
"""
COPIED_MS = 2000          # how long the pressed 복사 button says ✔ 복사됨

PURPOSES = {
    "card": ("보안카드", "card"),
    "otp": ("OTP", "otp"),
    "locked": ("잠긴 계좌", "locked"),
    "expiring": ("만료 임박 (갱신)", "expiring"),
    "expired": ("만료됨 (재발급)", "expired"),
    "low-balance": ("잔액 부족", "low balance"),
}


class DemoPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("demoPanel")
        self.setStyleSheet(_STYLE)
        self.resize(820, 760)
        lay = QVBoxLayout(self)
        self.banner = banner = QLabel(self)
        banner.setObjectName("demoBanner")
        banner.setWordWrap(True)
        lay.addWidget(banner)
        top = QHBoxLayout()
        top.addStretch(1)
        self.refresh_button = refresh = QPushButton(self)
        refresh.setObjectName("demoRefresh")
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        lay.addLayout(top)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay.addWidget(self.scroll, 1)
        # the confirmation of a 복사: on the pressed button (✔ 복사됨) and in this line, not in a status bar
        self.copied = QLabel("", self)
        self.copied.setObjectName("demoCopied")
        self.copied.hide()
        lay.addWidget(self.copied)
        self._copied_what: str | None = None
        self._copied_button: QPushButton | None = None
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(COPIED_MS)
        self._copied_timer.timeout.connect(self._uncopy_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language; the cards are built again (live language switch)."""
        self.setWindowTitle(self.tr("데모 고객 안내"))
        self.banner.setText(self.tr("아래 고객과 주민등록번호·계좌·전화번호는 모두 가짜 데모 데이터입니다. 실제 사람이나 "
                                    "계좌와 관계가 없으며, 여기서 발급한 공동인증서는 실제 은행에서 쓸 수 없는 "
                                    "테스트 인증서입니다. 인증서 발급 단계에서 이 값을 그대로 입력하세요."))
        self.refresh_button.setText(self.tr("새로 고침"))
        self._copied_button = None
        self.refresh()
        if self._copied_what is not None:
            self.copied.setText("✔ " + self.tr("클립보드에 복사했습니다: {0}").format(self._field_name(self._copied_what)))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _field_name(self, what: str) -> str:
        return {"name": self.tr("이름"), "rrn": self.tr("주민등록번호"), "account": self.tr("계좌번호"),
                "accountPassword": self.tr("계좌 비밀번호"), "phone": self.tr("휴대폰"),
                "certPassword": self.tr("인증서 비밀번호")}.get(what, what)

    def refresh(self) -> None:
        self.customers = demo_info(self.ctx.authority())
        inner = QWidget()
        inner.setObjectName("demoList")
        il = QVBoxLayout(inner)
        il.setSpacing(10)
        self._grids: list[QGridLayout] = []
        self._names: list[QLabel] = []
        for info in self.customers:
            il.addWidget(self._customer_card(inner, info))
        if not self.customers:
            il.addWidget(QLabel(self.tr("데모 고객이 없습니다."), inner))
        il.addStretch(1)
        self.scroll.setWidget(inner)
        self._align_columns()

    def _align_columns(self) -> None:
        """The same column widths in every customer card, so labels, values and 복사 buttons line up."""
        widths: dict[int, int] = {}
        for grid in self._grids:
            for i in range(grid.count()):
                item = grid.itemAt(i)
                w = item.widget()
                if w is None:
                    continue
                w.ensurePolished()
                _row, col, _rs, _cs = grid.getItemPosition(i)
                widths[col] = max(widths.get(col, 0), w.sizeHint().width())
        for grid in self._grids:
            for col, width in widths.items():
                grid.setColumnMinimumWidth(col, width)
        for lab in self._names:
            lab.ensurePolished()
        widest = max((lab.sizeHint().width() for lab in self._names), default=0)
        for lab in self._names:
            lab.setMinimumWidth(widest)      # the name's 복사 button at one x in every card

    def _copy(self, what: str, value: str, button: QPushButton | None = None) -> None:
        QGuiApplication.clipboard().setText(value)
        self._copied_what = what
        self.copied.setText("✔ " + self.tr("클립보드에 복사했습니다: {0}").format(self._field_name(what)))
        self.copied.show()
        self._uncopy_button()
        if button is not None:
            self._copied_button = button
            button.setText("✔ " + self.tr("복사됨"))
            button.setProperty("copied", True)
            button.style().unpolish(button)
            button.style().polish(button)
            self._copied_timer.start()

    def _uncopy_button(self) -> None:
        import shiboken6
        b, self._copied_button = self._copied_button, None
        if b is not None and shiboken6.isValid(b):
            b.setText(self.tr("복사"))
            b.setProperty("copied", False)
            b.style().unpolish(b)
            b.style().polish(b)

    def _customer_card(self, parent: QWidget, info: dict) -> QFrame:
        key = info["key"]
        card = QFrame(parent)
        card.setObjectName(f"demoCustomer_{key}")
        card.setProperty("class", "customer")
        lay = QVBoxLayout(card)
        head = QHBoxLayout()
        name = plain_label(QLabel(shown(info["name"]), card))     # the bank's data: shown, never interpreted
        name.setProperty("class", "name")
        self._names.append(name)
        head.addWidget(name)
        copy_name = QPushButton(self.tr("복사"), card)    # for keyboards without Hangul input
        copy_name.setObjectName(f"demoCopy_name_{key}")
        copy_name.setProperty("class", "copy")
        copy_name.setToolTip(self.tr("이름을 클립보드에 복사합니다 (한글 입력기가 없을 때 붙여넣기용)"))
        copy_name.clicked.connect(lambda _=False, n=info["name"], b=copy_name: self._copy("name", n, b))
        head.addWidget(copy_name)        # right after the name (same width in every card), before the tags
        ko, en = PURPOSES.get(key, (key, key))
        tag = QLabel(ko if self.ctx.language == "ko" else en, card)
        tag.setProperty("class", "tagWarn" if key in ("locked", "expired", "low-balance") else "tag")
        head.addWidget(tag)
        if info["locked"]:
            locked = QLabel(self.tr("현재 잠김"), card)
            locked.setObjectName(f"demoLocked_{key}")
            locked.setProperty("class", "tagWarn")
            head.addWidget(locked)
        head.addStretch(1)
        lay.addLayout(head)
        note = QLabel(info["note_ko"] if self.ctx.language == "ko" else info["note_en"], card)
        note.setProperty("class", "note")
        note.setWordWrap(True)
        lay.addWidget(note)

        # two halves: key · value · 복사 | gap | key · value · 복사 — widths equalised over all cards
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self._grids.append(grid)
        copyable = {"rrn", "account", "accountPassword", "phone", "certPassword"}
        rows = [("rrn", self.tr("주민등록번호"), info["rrn"]),
                ("account", self.tr("계좌번호"), info["account"]),
                ("accountPassword", self.tr("계좌 비밀번호"), info["account_password"]),
                ("phone", self.tr("휴대폰"), info["phone"])]
        if info["balance"] is not None:
            rows.append(("balance", self.tr("잔액"), self.tr("{0:,}원").format(info["balance"])))
        if info["card_serial"]:
            rows.append(("card", self.tr("보안카드"), self.tr("있음 (카드 보기에서 번호 확인)")))
        if info["otp_serial"]:
            rows.append(("otp", self.tr("OTP"), self.tr("있음 (OTP 보기에서 번호 확인)")))
        demo_password = next((c["password"] for c in info["certificates"] if c["password"]), None)
        if demo_password:
            rows.append(("certPassword", self.tr("인증서 비밀번호"), demo_password))
        for r, (field, label, value) in enumerate(rows):
            k = QLabel(label, card)
            k.setProperty("class", "key")
            v = plain_label(QLabel(shown(value), card))
            v.setObjectName(f"demo_{field}_{key}")
            v.setProperty("class", "value" if field in copyable or field == "balance" else "note")
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(k, r // 2, (r % 2) * 4)
            grid.addWidget(v, r // 2, (r % 2) * 4 + 1)
            if field in copyable:
                b = QPushButton(self.tr("복사"), card)
                b.setObjectName(f"demoCopy_{field}_{key}")
                b.setProperty("class", "copy")
                plain = value.replace("-", "") if field in ("rrn", "account") else value
                b.clicked.connect(lambda _=False, f=field, val=plain, btn=b: self._copy(f, val, btn))
                grid.addWidget(b, r // 2, (r % 2) * 4 + 2)
        grid.setColumnStretch(3, 1)
        lay.addLayout(grid)

        buttons = QHBoxLayout()
        if info["card_serial"]:
            b = QPushButton(self.tr("보안카드 보기"), card)
            b.setObjectName(f"demoOpenCard_{key}")
            b.clicked.connect(lambda _=False, s=info["card_serial"]: self._open_card(s))
            buttons.addWidget(b)
        if info["otp_serial"]:
            b = QPushButton(self.tr("OTP 보기"), card)
            b.setObjectName(f"demoOpenOtp_{key}")
            b.clicked.connect(lambda _=False, s=info["otp_serial"]: self._open_otp(s))
            buttons.addWidget(b)
        b = QPushButton(self.tr("휴대폰 열기"), card)
        b.setObjectName(f"demoOpenPhone_{key}")
        b.clicked.connect(lambda _=False, n=info["phone"]: self._open_phone(n))
        buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        return card

    def _open_card(self, serial: str) -> None:
        from .devices import show_card_viewer
        show_card_viewer(self, self.ctx, serial)

    def _open_otp(self, serial: str) -> None:
        from .devices import show_otp_window
        show_otp_window(self, self.ctx, serial)

    def _open_phone(self, number: str) -> None:
        from .phone_window import show_phone_window
        show_phone_window(self, self.ctx, number)


def show_demo_panel(parent: QWidget | None, ctx: AppContext) -> DemoPanel:
    panel = DemoPanel(ctx, parent)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.show()
    return panel
