"""What the mock phone's windows share: the phone look (style sheet), small widget helpers, the
ARS script in the GUI language and the lock-screen date (docs/bank-flows.md "Mock phones")."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from core.errors import DojangError
from core.npki.certificate import KST

from ..context import AppContext

POLL_MS = 500

PHONE_STYLE = """
#phoneBody { background: #17181c; border-radius: 44px; }
#phoneScreen { background: qlineargradient(x1:0, y1:0, x2:0.6, y2:1, stop:0 #23395d, stop:1 #101828);
               border-radius: 30px; }
#phoneScreen QLabel { color: #f4f6fb; }
#phoneStatusBar QLabel { color: #f4f6fb; font-size: 12px; font-weight: 600; }
QLabel#phoneLockTime { font-size: 60px; font-weight: 300; }
QLabel#phoneLockDate { font-size: 15px; }
QLabel.appTitle, QLabel#phoneAppTitle { font-size: 19px; font-weight: 700; }
QFrame.card { background: rgba(255,255,255,0.95); border-radius: 16px; }
#phoneScreen QFrame.card QLabel { color: #1d2433; }
QFrame.notice { background: rgba(255,255,255,0.90); border-radius: 16px; }
#phoneScreen QFrame.notice QLabel { color: #1d2433; }
#phoneScreen QFrame.notice QLabel.noticeHead { color: #5b6478; font-size: 11px; }
QListWidget { background: rgba(255,255,255,0.95); border-radius: 14px; color: #1d2433; padding: 4px;
              font-size: 13px; }
QListWidget::item { padding: 8px 6px; border-bottom: 1px solid #e3e7ef; }
QListWidget::item:selected { background: #dbe7ff; color: #1d2433; }
QLineEdit, QComboBox { background: white; color: #1d2433; border: 1px solid #c6cedd; border-radius: 10px;
                       padding: 8px; font-size: 14px; }
QPushButton { background: rgba(255,255,255,0.16); color: white; border: none; border-radius: 12px;
              padding: 9px 12px; font-size: 14px; }
QPushButton:hover { background: rgba(255,255,255,0.26); }
QPushButton.primary { background: #2f6fed; font-weight: 600; }
QPushButton.primary:disabled { background: #5b6b8c; color: #c9d1e0; }
QPushButton#phoneAcceptCall { background: #22b357; border-radius: 36px; font-size: 14px; font-weight: 700;
              padding: 0; }
QPushButton#phoneDeclineCall, QPushButton#phoneHangUp { background: #e5484d; border-radius: 36px;
              font-size: 14px; font-weight: 700; padding: 0; }
QPushButton.key { background: rgba(255,255,255,0.14); border-radius: 32px; font-size: 24px; }
QPushButton.appIcon { border-radius: 18px; font-size: 13px; font-weight: 600; padding: 6px; }
QPushButton.nav { background: transparent; font-size: 13px; color: #c9d1e0; }
#phoneScreen QLabel.error { color: #ffb4b4; }
#phoneScreen QFrame.card QLabel.error { color: #c62828; }
#phoneScreen QLabel.ok { color: #a6f4c5; }
#phoneScreen QFrame.card QLabel.ok { color: #1b7f3b; font-weight: 600; }
#phoneScreen QLabel#phoneCertEmpty { color: #1d2433; background: rgba(255,255,255,0.95); border-radius: 12px;
                                     padding: 10px; }
#phoneScreen QLabel#phoneExportCode { font-size: 26px; font-weight: 700; letter-spacing: 2px; color: #1d2433; }
"""


# What the bank says when it calls (core/authority stores it in Korean only); shown in the GUI language.
ARS_SCRIPT_KO = "도장은행 ARS 본인인증입니다. 화면에 표시된 2자리 숫자를 눌러 주세요."


def call_script(text: str) -> str:
    """The bank's call text in the GUI language: known scripts are translated, others shown as sent."""
    if text == ARS_SCRIPT_KO:
        return QCoreApplication.translate("PhoneWindow", "도장은행 ARS 본인인증입니다. 화면에 표시된 2자리 숫자를 눌러 주세요.")
    return text


ROUND_BUTTON = 72     # the call screen's round buttons: at least this wide, wider when a label needs it


def fit_round(*buttons: QPushButton) -> None:
    """Keep round call buttons round, one size, and big enough for their (translated) labels."""
    for b in buttons:
        b.ensurePolished()
    side = max([ROUND_BUTTON] + [b.fontMetrics().horizontalAdvance(b.text()) + 20 for b in buttons])
    for b in buttons:
        b.setFixedSize(QSize(side, side))
        b.setStyleSheet(f"border-radius: {side // 2}px;")


def message_of(exc: Exception, ctx: AppContext) -> str:
    if isinstance(exc, DojangError):
        return exc.message(ctx.language)
    return QCoreApplication.translate("PhoneWindow", "처리하지 못했습니다. 다시 시도하세요.")


def to_kst(t: dt.datetime) -> dt.datetime:
    return t.astimezone(KST)


class BatteryIcon(QWidget):
    """A small drawn battery (emoji glyphs are not in every font)."""

    def __init__(self, level: int = 82, parent=None):
        super().__init__(parent)
        self.level = level
        self.setFixedSize(26, 13)

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#f4f6fb"), 1.2))
        p.drawRoundedRect(QRectF(0.5, 0.5, 22, 12), 3, 3)
        p.fillRect(QRectF(23, 4, 2, 5), QColor("#f4f6fb"))
        p.fillRect(QRectF(2.5, 2.5, 18 * self.level / 100, 8), QColor("#f4f6fb"))
        p.end()


def make_label(text: str = "", parent=None, *, name: str | None = None, wrap: bool = False, cls: str | None = None,
           align=None) -> QLabel:
    lab = QLabel(text, parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)     # texts may come from the bank or a medium: never HTML
    if name:
        lab.setObjectName(name)
    if wrap:
        lab.setWordWrap(True)
    if cls:
        lab.setProperty("class", cls)
    if align is not None:
        lab.setAlignment(align)
    return lab


def make_code_label(parent, name: str, px: int, spacing: int) -> QLabel:
    """A one-time code shown large and centred, selectable so it can be copied."""
    lab = make_label("", parent, name=name, align=Qt.AlignmentFlag.AlignHCenter)
    lab.setStyleSheet(f"font-size: {px}px; font-weight: 700; letter-spacing: {spacing}px;")
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def make_button(text: str, name: str, cls: str | None = None, parent=None) -> QPushButton:
    b = QPushButton(text, parent)
    b.setObjectName(name)
    if cls:
        b.setProperty("class", cls)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    return b


def make_card(parent=None, cls: str = "card") -> tuple[QFrame, QVBoxLayout]:
    f = QFrame(parent)
    f.setProperty("class", cls)
    lay = QVBoxLayout(f)
    lay.setContentsMargins(14, 12, 14, 12)
    lay.setSpacing(6)
    return f, lay


def in_background(owner: QWidget, button: QWidget, status: QLabel, work: Callable, done: Callable) -> None:
    """Run a transfer step (scrypt + PKCS#12: 0.1-0.3 s) off the GUI thread; its button waits meanwhile.

    done(result) runs on the GUI thread; an error goes to `status`."""
    button.setEnabled(False)
    set_status(status, QCoreApplication.translate("PhoneWindow", "처리 중…"), None)

    def finished(result) -> None:
        button.setEnabled(True)
        done(result)

    def failed(err) -> None:
        button.setEnabled(True)
        set_status(status, message_of(err, owner.ctx), False)

    owner.workers.submit(work, name="phone-transfer", on_done=finished, on_error=failed)


def set_status(label: QLabel, text: str, ok: bool | None) -> None:
    label.setProperty("class", "ok" if ok else ("error" if ok is False else None))
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def lock_date_text(day: dt.date, lang: str, fmt: str) -> str:
    """`day` written with QLocale's names for `lang` (ko: Korean/South Korea, else English/UK day-month)."""
    from PySide6.QtCore import QDate, QLocale
    locale = (QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea) if lang == "ko"
              else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return locale.toString(QDate(day.year, day.month, day.day), fmt)
