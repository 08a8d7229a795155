"""The mock phone window: one phone-shaped window per registered number (docs/bank-flows.md
"Mock phones"), and the registry of open windows.

Screens (a QStackedWidget inside a rounded "phone body"): lock screen with notifications, home
screen, SMS app (the bank's messages), incoming ARS call, in-call keypad, and a small bank app with
인증서 가져오기 / 내보내기 (12-digit code, core/storage/phone_transfer.py) and the list of
certificates stored on the phone. A 0.5 s QTimer reads the phone's small JSON files through the
authority, so calls and messages from any window or process show up."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QListWidget,
                               QListWidgetItem, QProgressBar, QStackedWidget, QTabWidget, QVBoxLayout,
                               QWidget)

from core.authority import phones as bank_phones
from core.errors import DojangError
from core.npki.certfolder import CertFolder
from core.npki.certificate import KST
from core.storage import registry
from core.storage import phone_transfer as pt

from ..context import AppContext
from ..safetext import shown
from ..workers import Workers
from .common import (BatteryIcon, POLL_MS, PHONE_STYLE, make_button, make_card, fit_round, in_background, to_kst, make_label,
                     make_code_label,
                     message_of, set_status, call_script, lock_date_text)


class PhoneWindow(QWidget):
    """The mock phone for one number. Pages: lock, home, sms, call, keypad, bank."""

    PAGES = ("lock", "home", "sms", "call", "keypad", "bank", "center")
    callChanged = Signal(str)        # the call's state as the window shows it
    messagesChanged = Signal(int)    # number of messages in the inbox

    def __init__(self, ctx: AppContext, number: str, parent: QWidget | None = None, *,
                 relay: pt.Relay | None = None, seen_messages: set[str] | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.digits = registry.normalise_phone_number(number)
        self.number = registry.format_phone_number(self.digits)
        self.relay = relay or pt.Relay(clock=ctx.clock)
        self.workers = Workers(self, max_threads=1)
        self.setObjectName(f"phoneWindow_{self.digits}")
        # every text set through _i18n is set again when the language changes (retranslate)
        self._retranslators: list[Callable[[], None]] = []
        self._i18n(lambda: self.setWindowTitle(self.tr("휴대폰 (모의) — {0}").format(self.number)))
        self.setStyleSheet(PHONE_STYLE)
        self.setFixedSize(390, 800)
        self._call_id: int | None = None          # challenge id of the call on screen
        self._call_state: str | None = None
        self._call_raw = ""                        # the bank's call text as sent (translated when shown)
        self._keyed = ""
        self._offer: pt.Offer | None = None
        self.center_wizard = None                  # the certificate centre's wizard while one is open
        self._message_ids = [m.id for m in self._messages()]
        self._unread: list = [m for m in self._messages() if seen_messages is not None and m.id not in seen_messages]
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.show_page("lock")
        self.poll()

    # --- language -----------------------------------------------------------------------------------

    def _i18n(self, apply: Callable[[], None]) -> None:
        """Run `apply` (it sets a translated text) now, and again after every language change."""
        apply()
        self._retranslators.append(apply)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "stack"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text of the phone in the language now installed (static labels and what is on screen)."""
        for apply in self._retranslators:
            apply()
        fit_round(self.decline_button, self.accept_button)
        fit_round(self.hangup_button)
        self._tick_clock()
        if self._call_state == "ringing" or not self._call_state:
            self.call_text.setText(call_script(self._call_raw))
        if self.keypad_prompt.text():
            self.keypad_prompt.setText(self.tr("PC 화면에 표시된 2자리 숫자를 누르세요."))
        self._refresh_notifications()
        self._refresh_badge()
        if self.page() == "bank":
            self._refresh_certs()

    # --- data -------------------------------------------------------------------------------------

    def _authority(self):
        return self.ctx.authority()

    def _messages(self) -> list:
        try:
            return self._authority().phone_messages(self.digits)
        except (OSError, ValueError):
            return []

    def _now(self) -> dt.datetime:
        return self._authority().now()

    def owner(self) -> str:
        storage = registry.phone_storage(self.digits)
        return storage.meta.get("owner", "") if storage else ""

    # --- layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QFrame(self)
        body.setObjectName("phoneBody")
        outer.addWidget(body)
        bl = QVBoxLayout(body)
        bl.setContentsMargins(14, 14, 14, 14)
        screen = QFrame(body)
        screen.setObjectName("phoneScreen")
        bl.addWidget(screen)
        sl = QVBoxLayout(screen)
        sl.setContentsMargins(18, 10, 18, 10)
        sl.setSpacing(8)

        bar = QWidget(screen)
        bar.setObjectName("phoneStatusBar")
        hl = QHBoxLayout(bar)
        hl.setContentsMargins(6, 2, 6, 2)
        self.status_time = make_label("", bar, name="phoneStatusTime")
        hl.addWidget(self.status_time)
        hl.addStretch(1)
        notch = QFrame(bar)
        notch.setFixedSize(84, 20)
        notch.setStyleSheet("background: #17181c; border-radius: 10px;")
        hl.addWidget(notch)
        hl.addStretch(1)
        hl.addWidget(make_label("5G", bar))
        hl.addWidget(make_label("82%", bar))
        hl.addWidget(BatteryIcon(82, bar))
        sl.addWidget(bar)

        self.stack = QStackedWidget(screen)
        self.stack.setObjectName("phoneStack")
        sl.addWidget(self.stack, 1)
        self._pages: dict[str, QWidget] = {}
        for name, build in (("lock", self._build_lock), ("home", self._build_home), ("sms", self._build_sms),
                            ("call", self._build_call), ("keypad", self._build_keypad), ("bank", self._build_bank),
                            ("center", self._build_center)):
            page = QWidget(self.stack)
            page.setObjectName(f"phonePage_{name}")
            build(page)
            self.stack.addWidget(page)
            self._pages[name] = page

        self.nav = QWidget(screen)
        nl = QHBoxLayout(self.nav)
        nl.setContentsMargins(0, 0, 0, 0)
        self.back_button = make_button("", "phoneBack", "nav")
        self.home_button = make_button("", "phoneHome", "nav")
        self._i18n(lambda: self.back_button.setText(self.tr("◀ 뒤로")))
        self._i18n(lambda: self.home_button.setText(self.tr("● 홈")))
        self.back_button.clicked.connect(self._back)
        self.home_button.clicked.connect(lambda: self.show_page("home"))
        nl.addWidget(self.back_button)
        nl.addStretch(1)
        nl.addWidget(self.home_button)
        nl.addStretch(1)
        nl.addSpacing(self.back_button.sizeHint().width())
        sl.addWidget(self.nav)
        self._tick_clock()

    def _build_lock(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 24, 0, 0)
        self.lock_time = make_label("", page, name="phoneLockTime", align=Qt.AlignmentFlag.AlignHCenter)
        self.lock_date = make_label("", page, name="phoneLockDate", align=Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.lock_time)
        lay.addWidget(self.lock_date)
        lay.addSpacing(18)
        self.notifications = QVBoxLayout()
        self.notifications.setSpacing(8)
        lay.addLayout(self.notifications)
        self.no_notifications = make_label("", page, name="phoneNoNotifications", align=Qt.AlignmentFlag.AlignHCenter)
        self._i18n(lambda: self.no_notifications.setText(self.tr("새 알림이 없습니다")))
        lay.addWidget(self.no_notifications)
        lay.addStretch(1)
        self.unlock_button = make_button("", "phoneUnlock")
        self._i18n(lambda: self.unlock_button.setText(self.tr("밀어서 잠금 해제  ›")))
        self.unlock_button.clicked.connect(lambda: self.show_page("home"))
        lay.addWidget(self.unlock_button)

    def _build_home(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 18, 4, 0)
        self.home_owner = make_label("", page, name="phoneOwner", align=Qt.AlignmentFlag.AlignHCenter)
        self.home_owner.setStyleSheet("font-size: 15px;")
        lay.addWidget(self.home_owner)
        lay.addSpacing(20)
        grid = QGridLayout()
        grid.setSpacing(18)
        apps = (("phoneAppSms", lambda: self.tr("메시지"), "#34c759", lambda: self.show_page("sms")),
                ("phoneAppBank", lambda: self.tr("도장은행"), "#2f6fed", lambda: self.show_page("bank")))
        for i, (name, text, colour, slot) in enumerate(apps):
            b = make_button("", name, "appIcon")
            self._i18n(lambda b=b, text=text: b.setText(text()))
            b.setFixedSize(QSize(76, 76))
            b.setStyleSheet(f"background: {colour};")
            b.clicked.connect(slot)
            grid.addWidget(b, 0, i, Qt.AlignmentFlag.AlignHCenter)
        self.sms_badge = make_label("", page, name="phoneSmsBadge", align=Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.sms_badge, 1, 0)
        lay.addLayout(grid)
        lay.addStretch(1)
        hint = make_label("", page, wrap=True, align=Qt.AlignmentFlag.AlignHCenter)
        self._i18n(lambda: hint.setText(self.tr("모의 휴대폰입니다. 은행의 전화와 문자가 이곳으로 옵니다.")))
        lay.addWidget(hint)

    def _build_sms(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 6, 0, 0)
        title = make_label("", page, name="phoneAppTitle")
        sender = make_label("", page)
        self._i18n(lambda: title.setText(self.tr("메시지")))
        self._i18n(lambda: sender.setText(self.tr("보낸 사람 {0} (도장은행)").format(bank_phones.BANK_SMS_SENDER)))
        lay.addWidget(title)
        lay.addWidget(sender)
        self.sms_list = QListWidget(page)
        self.sms_list.setObjectName("phoneSmsList")
        self.sms_list.setWordWrap(True)
        self.sms_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sms_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.sms_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        lay.addWidget(self.sms_list, 1)
        self.sms_empty = make_label("", page, name="phoneSmsEmpty", align=Qt.AlignmentFlag.AlignHCenter)
        self._i18n(lambda: self.sms_empty.setText(self.tr("받은 메시지가 없습니다.")))
        lay.addWidget(self.sms_empty)
        self.sms_copy = make_button("", "phoneSmsCopy")
        self._i18n(lambda: self.sms_copy.setText(self.tr("최근 인증번호 복사")))
        self.sms_copy.clicked.connect(self._copy_latest_code)
        lay.addWidget(self.sms_copy)

    def _build_call(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 36, 0, 10)
        heading = make_label("", page, name="phoneCallHeading", align=Qt.AlignmentFlag.AlignHCenter)
        self._i18n(lambda: heading.setText(self.tr("수신 전화")))
        lay.addWidget(heading)
        caller = make_label("", page, name="phoneCaller", align=Qt.AlignmentFlag.AlignHCenter)
        self._i18n(lambda: caller.setText(self.tr("도장은행 ARS")))
        caller.setStyleSheet("font-size: 28px; font-weight: 600;")
        lay.addWidget(caller)
        lay.addWidget(make_label(bank_phones.BANK_CALLER, page, align=Qt.AlignmentFlag.AlignHCenter))
        lay.addSpacing(16)
        self.call_text = make_label("", page, name="phoneCallText", wrap=True, align=Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.call_text)
        self.call_countdown = make_label("", page, name="phoneCallCountdown", align=Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.call_countdown)
        lay.addStretch(1)
        row = QHBoxLayout()
        self.decline_button = make_button("", "phoneDeclineCall", parent=page)
        self.accept_button = make_button("", "phoneAcceptCall", parent=page)
        self._i18n(lambda: self.decline_button.setText(self.tr("거절")))
        self._i18n(lambda: self.accept_button.setText(self.tr("받기")))
        fit_round(self.decline_button, self.accept_button)
        self.decline_button.clicked.connect(self.decline)
        self.accept_button.clicked.connect(self.accept)
        row.addStretch(1)
        row.addWidget(self.decline_button)
        row.addStretch(2)
        row.addWidget(self.accept_button)
        row.addStretch(1)
        lay.addLayout(row)

    def _build_keypad(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 10, 0, 6)
        in_call = make_label("", page, align=Qt.AlignmentFlag.AlignHCenter)
        self._i18n(lambda: in_call.setText(self.tr("도장은행 ARS · 통화 중")))
        lay.addWidget(in_call)
        self.keypad_prompt = make_label(self.tr("PC 화면에 표시된 2자리 숫자를 누르세요."), page, name="phoneKeypadPrompt",
                                    wrap=True, align=Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.keypad_prompt)
        self.key_display = make_label("", page, name="phoneKeyDisplay", align=Qt.AlignmentFlag.AlignHCenter)
        self.key_display.setStyleSheet("font-size: 34px; font-weight: 600; min-height: 44px;")
        lay.addWidget(self.key_display)
        self.call_status = make_label("", page, name="phoneCallStatus", wrap=True, align=Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.call_status)
        grid = QGridLayout()
        grid.setSpacing(12)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]
        for i, k in enumerate(keys):
            name = {"*": "phoneKeypad_star", "#": "phoneKeypad_hash"}.get(k, f"phoneKeypad_{k}")
            b = make_button(k, name, "key")
            b.setFixedSize(QSize(64, 64))
            b.clicked.connect(lambda _=False, key=k: self.press_key(key))
            grid.addWidget(b, i // 3, i % 3, Qt.AlignmentFlag.AlignHCenter)
        lay.addLayout(grid)
        lay.addStretch(1)
        row = QHBoxLayout()
        self.hangup_button = make_button("", "phoneHangUp", parent=page)
        self._i18n(lambda: self.hangup_button.setText(self.tr("종료")))
        fit_round(self.hangup_button)
        self.hangup_button.clicked.connect(self.hang_up)
        row.addStretch(1)
        row.addWidget(self.hangup_button)
        row.addStretch(1)
        lay.addLayout(row)

    def _build_bank(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 6, 0, 0)
        title = make_label("", page, name="phoneAppTitle")
        self._i18n(lambda: title.setText(self.tr("도장은행 · 인증센터")))
        lay.addWidget(title)
        # 인증센터: the certificate centre's flows, as on the PC (certcenter.py)
        centre = QGridLayout()
        centre.setSpacing(6)
        for i, (kind, name, text) in enumerate((
                ("issue", "phoneCenterIssue", lambda: self.tr("인증서 발급")),
                ("reissue", "phoneCenterReissue", lambda: self.tr("재발급")),
                ("renew", "phoneCenterRenew", lambda: self.tr("갱신")),
                ("register", "phoneCenterRegister", lambda: self.tr("타기관 인증서 등록")))):
            b = make_button("", name, "primary" if kind == "issue" else None, parent=page)
            self._i18n(lambda b=b, text=text: b.setText(text()))
            b.clicked.connect(lambda _=False, kind=kind: self.open_center(kind))
            centre.addWidget(b, i // 2, i % 2)
        lay.addLayout(centre)
        self.bank_tabs = QTabWidget(page)
        self.bank_tabs.setObjectName("phoneBankTabs")
        self.bank_tabs.setStyleSheet("QTabBar::tab { padding: 6px 10px; }")
        lay.addWidget(self.bank_tabs, 1)

        # certificates on the phone
        certs = QWidget()
        cl = QVBoxLayout(certs)
        cl.setContentsMargins(0, 8, 0, 0)
        self.cert_list = QListWidget(certs)
        self.cert_list.setObjectName("phoneCertList")
        self.cert_list.setWordWrap(True)
        self.cert_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cl.addWidget(self.cert_list, 1)
        self.cert_empty = make_label("", certs, name="phoneCertEmpty", wrap=True)
        self._i18n(lambda: self.cert_empty.setText(
            self.tr("이 휴대폰에 저장된 공동인증서가 없습니다. 'PC에서 가져오기'로 옮겨 오거나 '인증서 발급'으로 새로 발급받으세요.")))
        cl.addWidget(self.cert_empty)
        self.bank_tabs.addTab(certs, "")
        self._i18n(lambda: self.bank_tabs.setTabText(0, self.tr("내 인증서")))

        # import: the PC shows the code
        imp = QWidget()
        il = QVBoxLayout(imp)
        il.setContentsMargins(0, 8, 0, 0)
        card, cl2 = make_card(imp)
        imp_hint = make_label("", card, wrap=True)
        self._i18n(lambda: imp_hint.setText(self.tr("PC에서 '휴대폰으로 보내기'를 누르면 표시되는 인증번호 12자리와 "
                                                    "인증서 비밀번호를 입력하세요.")))
        cl2.addWidget(imp_hint)
        self.import_code = QLineEdit(card)
        self.import_code.setObjectName("phoneImportCode")
        self._i18n(lambda: self.import_code.setPlaceholderText(self.tr("0000-0000-0000")))
        self.import_code.setMaxLength(16)
        self.import_code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        cl2.addWidget(self.import_code)
        self.import_password = QLineEdit(card)
        self.import_password.setObjectName("phoneImportPassword")
        self.import_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._i18n(lambda: self.import_password.setPlaceholderText(self.tr("인증서 비밀번호")))
        cl2.addWidget(self.import_password)
        self.import_button = make_button("", "phoneImportButton", "primary")
        self._i18n(lambda: self.import_button.setText(self.tr("인증서 가져오기")))
        self.import_button.clicked.connect(self.do_import)
        self.import_password.returnPressed.connect(self.do_import)
        cl2.addWidget(self.import_button)
        self.import_status = make_label("", card, name="phoneImportStatus", wrap=True)
        cl2.addWidget(self.import_status)
        il.addWidget(card)
        il.addStretch(1)
        self.bank_tabs.addTab(imp, "")
        self._i18n(lambda: self.bank_tabs.setTabText(1, self.tr("PC에서 가져오기")))

        # export: the phone shows the code
        exp = QWidget()
        el = QVBoxLayout(exp)
        el.setContentsMargins(0, 8, 0, 0)
        card, cl3 = make_card(exp)
        exp_hint = make_label("", card, wrap=True)
        self._i18n(lambda: exp_hint.setText(self.tr("PC로 보낼 인증서를 고르고 비밀번호를 입력하면 인증번호가 표시됩니다. "
                                                    "PC의 '휴대폰에서 받기'에 입력하세요.")))
        cl3.addWidget(exp_hint)
        self.export_cert = QComboBox(card)
        self.export_cert.setObjectName("phoneExportCert")
        cl3.addWidget(self.export_cert)
        self.export_password = QLineEdit(card)
        self.export_password.setObjectName("phoneExportPassword")
        self.export_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._i18n(lambda: self.export_password.setPlaceholderText(self.tr("인증서 비밀번호")))
        cl3.addWidget(self.export_password)
        self.export_button = make_button("", "phoneExportButton", "primary")
        self._i18n(lambda: self.export_button.setText(self.tr("인증번호 받기")))
        self.export_button.clicked.connect(self.do_export)
        self.export_password.returnPressed.connect(self.do_export)
        cl3.addWidget(self.export_button)
        self.export_code = make_label("", card, name="phoneExportCode", align=Qt.AlignmentFlag.AlignHCenter)
        self.export_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cl3.addWidget(self.export_code)
        self.export_expiry = QProgressBar(card)
        self.export_expiry.setObjectName("phoneExportExpiry")
        self.export_expiry.setTextVisible(True)
        self.export_expiry.setFixedHeight(14)
        cl3.addWidget(self.export_expiry)
        self.export_status = make_label("", card, name="phoneExportStatus", wrap=True)
        cl3.addWidget(self.export_status)
        el.addWidget(card)
        el.addStretch(1)
        self.bank_tabs.addTab(exp, "")
        self._i18n(lambda: self.bank_tabs.setTabText(2, self.tr("PC로 보내기")))

        # 모바일 OTP: the codes of the OTP the teller registered in this app (docs/bank-flows.md "모바일 발급")
        motp = QWidget()
        ml = QVBoxLayout(motp)
        ml.setContentsMargins(0, 8, 0, 0)
        card, cl4 = make_card(motp)
        self.motp_hint = make_label("", card, name="phoneMobileOtpHint", wrap=True)
        cl4.addWidget(self.motp_hint)
        self.motp_code = make_code_label(card, "phoneMobileOtpCode", 26, 4)
        cl4.addWidget(self.motp_code)
        self.motp_left = QProgressBar(card)
        self.motp_left.setObjectName("phoneMobileOtpLeft")
        self.motp_left.setTextVisible(False)
        self.motp_left.setFixedHeight(8)
        cl4.addWidget(self.motp_left)
        ml.addWidget(card)
        ml.addStretch(1)
        self.bank_tabs.addTab(motp, "")
        self._i18n(lambda: self.bank_tabs.setTabText(3, self.tr("모바일 OTP")))
        # read from the bank only when the tab is looked at (the window may open before the bank does)
        self._i18n(lambda: self.bank_tabs.currentIndex() == self.MOBILE_OTP_TAB and self._refresh_mobile_otp())
        self.bank_tabs.currentChanged.connect(
            lambda i: i == self.MOBILE_OTP_TAB and self._refresh_mobile_otp())
        self.export_code.hide()
        self.export_expiry.hide()
        self.import_status.hide()
        self.export_status.hide()

    def _build_center(self, page: QWidget) -> None:
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.setSpacing(6)
        # a message that arrives while the app is open shows on top of it (heads-up notification)
        self.heads_up, hl = make_card(page, "notice")
        self.heads_up.setObjectName("phoneHeadsUp")
        self.heads_up_head = make_label("", self.heads_up, cls="noticeHead")
        hl.addWidget(self.heads_up_head)
        self.heads_up_text = make_label("", self.heads_up, name="phoneHeadsUpText", wrap=True)
        self.heads_up_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hl.addWidget(self.heads_up_text)
        self.heads_up.hide()
        lay.addWidget(self.heads_up)
        self.center_host = QVBoxLayout()
        self.center_host.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.center_host, 1)

    # --- the certificate centre (모바일 발급) ------------------------------------------------------------

    def open_center(self, kind: str, cert=None):
        """The certificate centre's wizard of `kind` in the phone's screen (the open one, if any)."""
        import shiboken6

        from .certcenter import open_phone_wizard
        wizard = self.center_wizard
        if wizard is None or not shiboken6.isValid(wizard):
            page = self._pages["center"]
            wizard = self.center_wizard = open_phone_wizard(self, page, kind, cert, **self._center_options)
            wizard.finished.connect(lambda *_ , w=wizard: self._center_closed(w))
            self.center_host.addWidget(wizard)
            wizard.show()
        self.heads_up.hide()
        self.show_page("center")
        return wizard

    _center_options: dict = {}        # tests: pooled keys (key_factory)

    def _center_closed(self, wizard) -> None:
        import shiboken6
        if self.center_wizard is wizard:
            self.center_wizard = None
        if shiboken6.isValid(wizard):
            self.center_host.removeWidget(wizard)
            wizard.hide()
            wizard.deleteLater()
        self.heads_up.hide()
        if self.page() == "center":
            self.show_page("bank")
        else:
            self._refresh_certs()

    def close_center(self) -> None:
        """End an open certificate centre as its Cancel would, without asking (the phone goes away):
        the flow leaves nothing. One busy saving is left to finish or stop by itself."""
        import shiboken6
        wizard = self.center_wizard
        if wizard is not None and shiboken6.isValid(wizard) and not wizard.busy:
            wizard.done(0)

    def show_heads_up(self, message=None) -> None:
        """The newest message (or `message`) as a notification on top of the open app."""
        if message is None:
            messages = self._messages()
            message = messages[-1] if messages else None
        if message is None:
            return
        self._heads_up_id = message.id
        self.heads_up_head.setText(self.tr("메시지 · {0}").format(to_kst(message.at).strftime("%H:%M")))
        self.heads_up_text.setText(shown(message.text))
        self.heads_up.show()
        self._unread = [m for m in self._unread if m.id != message.id]
        self._refresh_badge()

    # --- navigation -------------------------------------------------------------------------------

    def page(self) -> str:
        return self.PAGES[self.stack.currentIndex()]

    def show_page(self, name: str) -> None:
        self.stack.setCurrentWidget(self._pages[name])
        in_call = name in ("call", "keypad")
        # the certificate centre is left by its own Cancel / 확인, as its flow decides
        self.nav.setVisible(not in_call and name not in ("lock", "center"))
        if name == "sms":
            self._unread = []
            self._refresh_sms()
        elif name == "bank":
            self._refresh_certs()
        elif name == "lock":
            self._refresh_notifications()
        self._refresh_badge()

    def _back(self) -> None:
        page = self.page()
        self.show_page("home" if page in ("sms", "bank") else "lock")

    def bring_up(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    # --- polling ------------------------------------------------------------------------------------

    def _tick_clock(self) -> None:
        try:
            now = to_kst(self.ctx.clock())
        except Exception:   # noqa: BLE001 — a broken clock must not break the window
            now = dt.datetime.now(KST)
        self.status_time.setText(now.strftime("%H:%M"))
        self.lock_time.setText(now.strftime("%H:%M"))
        # the date in the locale of the UI language (month and weekday names from Qt's locale data):
        # "12월 1일 화요일" / "Tue 1 Dec"; the format itself is translated with the rest of the window
        self.lock_date.setText(lock_date_text(now.date(), self.ctx.language,
                                              self.tr("M월 d일 dddd", "QLocale date format of the lock screen")))

    def poll(self) -> None:
        """Look at the phone's call and inbox; switch screens when something new happened."""
        self._tick_clock()
        try:
            a = self._authority()
            call = bank_phones.current_call(self.digits, a.now(), a.home)
        except (OSError, ValueError):
            call = None
        if call is not None and call.ringing and call.challenge != self._call_id:
            self._call_id = call.challenge
            self._keyed = ""
            self.key_display.setText("")
            set_status(self.call_status, "", None)
            self._call_raw = call.text
            self.call_text.setText(call_script(call.text))
            self.show_page("call")
            self.bring_up()
        if call is not None and call.challenge == self._call_id:
            self._update_call(call)
        messages = self._messages()
        new = [m for m in messages if m.id not in self._message_ids]
        if new:
            self._message_ids = [m.id for m in messages]
            if self.page() != "sms" or not self.isVisible():
                self._unread += new
            if self.page() == "center":
                self.show_heads_up(new[-1])
            elif self.page() not in ("call", "keypad", "sms"):
                self.show_page("lock")
            self._refresh_sms()
            self._refresh_notifications()
            self._refresh_badge()
            self.messagesChanged.emit(len(messages))
            self.bring_up()
        if self._offer is not None:
            self._update_offer()
        if self.page() == "bank" and self.bank_tabs.currentIndex() == self.MOBILE_OTP_TAB:
            self._refresh_mobile_otp()

    MOBILE_OTP_TAB = 3

    def show_mobile_otp(self) -> None:
        """The bank app on its 모바일 OTP tab (the PC wizard sends the customer here)."""
        self.show_page("bank")
        self.bank_tabs.setCurrentIndex(self.MOBILE_OTP_TAB)
        self._refresh_mobile_otp()
        self.bring_up()

    def mobile_otp_code(self) -> str | None:
        """The code the app shows now (None: no 모바일 OTP in this app)."""
        try:
            return self._authority().devices.mobile_otp_code(self.digits)
        except DojangError:
            return None

    def _refresh_mobile_otp(self) -> None:
        code = self.mobile_otp_code()
        if code is None:
            self.motp_hint.setText(self.tr("이 휴대폰에는 모바일 OTP가 없습니다. 은행 창구에서 이 휴대폰으로 발급받으면 "
                                           "여기에 번호가 표시됩니다."))
            self.motp_code.setText("")
            self.motp_left.hide()
            return
        self.motp_hint.setText(self.tr("본인인증에서 모바일 OTP를 고르고 아래 6자리 번호를 입력하세요. 번호는 잠시 "
                                       "뒤에 바뀝니다."))
        self.motp_code.setText(f"{code[:3]} {code[3:]}")
        try:
            a = self._authority()
            step = a.config.otp_interval
            passed = int(a.now().timestamp()) % step
        except (DojangError, AttributeError):
            step, passed = 60, 0
        self.motp_left.setRange(0, step)
        self.motp_left.setValue(step - passed)
        self.motp_left.show()

    def _update_call(self, call) -> None:
        state = call.state
        if state == "ringing":
            left = max(0, int((call.expires - self._now()).total_seconds()))
            self.call_countdown.setText(self.tr("남은 시간 {0}초").format(left))
        if state != self._call_state:
            self._call_state = state
            self.callChanged.emit(state)
            if state != "ringing" and self.page() in ("call", "keypad"):
                text = {"completed": self.tr("인증이 완료되었습니다. 통화를 종료합니다."),
                        "failed": self.tr("입력 횟수를 초과했습니다. PC에서 다시 시도하세요."),
                        "expired": self.tr("응답 시간이 지났습니다. PC에서 다시 요청하세요."),
                        "declined": self.tr("통화를 거절했습니다.")}.get(state, self.tr("통화가 끝났습니다."))
                set_status(self.call_status, text, state == "completed")
                self.keypad_prompt.setText("")
                if self.page() == "call":
                    self.call_text.setText(text)
                QTimer.singleShot(2500, self._leave_call)

    def _leave_call(self) -> None:
        if self.page() in ("call", "keypad") and self._call_state != "ringing":
            self.show_page("lock")

    # --- call actions ---------------------------------------------------------------------------------

    def accept(self) -> None:
        self._keyed = ""
        self.key_display.setText("")
        self.keypad_prompt.setText(self.tr("PC 화면에 표시된 2자리 숫자를 누르세요."))
        set_status(self.call_status, "", None)
        self.show_page("keypad")

    def decline(self) -> None:
        try:
            self._authority().decline_call(self.digits)
        except DojangError as exc:
            set_status(self.call_status, message_of(exc, self.ctx), False)
        self.poll()
        self.show_page("lock")

    def hang_up(self) -> None:
        if self._call_state == "ringing":
            self.decline()
        else:
            self.show_page("lock")

    def press_key(self, key: str) -> None:
        if self.page() != "keypad" or self._call_state != "ringing":
            return
        if key in "0123456789":
            self._keyed += key
            self.key_display.setText(" ".join(self._keyed))
        if len(self._keyed) >= 2 or (key == "#" and self._keyed):
            digits, self._keyed = self._keyed, ""
            try:
                self._authority().answer_call(self.digits, digits)
            except DojangError as exc:
                self.key_display.setText("")
                set_status(self.call_status, message_of(exc, self.ctx), False)
            self.poll()

    # --- SMS ------------------------------------------------------------------------------------------

    def _refresh_sms(self) -> None:
        messages = self._messages()
        self.sms_list.clear()
        for m in messages:
            at = to_kst(m.at)
            item = QListWidgetItem(f"{shown(m.sender)} · {at.strftime('%m/%d %H:%M')}\n{shown(m.text)}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.sms_list.addItem(item)
        self.sms_list.scrollToBottom()
        self.sms_empty.setVisible(not messages)
        self.sms_copy.setEnabled(any(re.search(r"\[(\d{6})\]", m.text) for m in messages))

    def latest_code(self) -> str | None:
        for m in reversed(self._messages()):
            found = re.search(r"\[(\d{6})\]", m.text)
            if found:
                return found.group(1)
        return None

    def _copy_latest_code(self) -> None:
        code = self.latest_code()
        if code:
            QGuiApplication.clipboard().setText(code)

    def _refresh_notifications(self) -> None:
        while self.notifications.count():
            w = self.notifications.takeAt(0).widget()
            if w:
                w.hide()
                w.deleteLater()
        for m in self._unread[-3:][::-1]:
            card, lay = make_card(self._pages["lock"], "notice")
            card.setObjectName("phoneNotification")
            head = make_label(self.tr("메시지 · {0}").format(to_kst(m.at).strftime("%H:%M")), card, cls="noticeHead")
            lay.addWidget(head)
            lay.addWidget(make_label(shown(m.text), card, wrap=True))
            card.mouseReleaseEvent = lambda _e: self.show_page("sms")
            self.notifications.addWidget(card)
        self.no_notifications.setVisible(not self._unread)

    def _refresh_badge(self) -> None:
        n = len(self._unread)
        self.sms_badge.setText(self.tr("새 메시지 {0}").format(n) if n else "")
        owner = shown(self.owner(), 40)
        self.home_owner.setText(f"{owner} · {self.number}" if owner else self.number)

    # --- bank app -------------------------------------------------------------------------------------

    def _phone_certs(self) -> list[CertFolder]:
        storage = registry.phone_storage(self.digits)
        return storage.certificates() if storage else []

    def _refresh_certs(self) -> None:
        certs = self._phone_certs()
        self.cert_list.clear()
        self.export_cert.clear()
        now = to_kst(self.ctx.clock())
        for c in certs:
            info = c.info
            days = info.days_left(now)
            state = self.tr("만료됨") if days < 0 else self.tr("{0}일 남음").format(days)
            name = shown(info.display_name, 80)      # from the certificate file: made visible
            text = f"{name} · {info.usage.label(self.ctx.language)}\n" + self.tr("{0} · 만료일 {1} ({2})").format(
                shown(info.issuer_o or c.ca_folder, 80), info.not_after.strftime('%Y-%m-%d'), state)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(c.path))
            self.cert_list.addItem(item)
            self.export_cert.addItem(f"{name} · {info.not_after.strftime('%Y-%m-%d')}", str(c.path))
        self.cert_empty.setVisible(not certs)
        self.export_button.setEnabled(bool(certs))

    def do_import(self) -> None:
        if self.workers.busy:           # Return pressed while a transfer runs
            return
        code = self.import_code.text()
        password = self.import_password.text()
        if pt.normalise_code(code) is None:
            set_status(self.import_status, self.tr("인증번호 12자리 숫자를 입력하세요."), False)
            return
        if not password:
            set_status(self.import_status, self.tr("인증서 비밀번호를 입력하세요."), False)
            return
        self.import_password.clear()        # typed again after a wrong one, never kept

        def done(got) -> None:
            self.import_code.clear()
            text = self.tr("인증서를 휴대폰에 저장했습니다.") if got.result.status != "already_there" \
                else self.tr("같은 인증서가 이미 휴대폰에 있습니다.")
            set_status(self.import_status, text, True)
            self._refresh_certs()

        in_background(self, self.import_button, self.import_status,
                       lambda: self.relay.import_on_phone(self.digits, code, password), done)

    def do_export(self) -> None:
        if self.workers.busy:
            return
        path = self.export_cert.currentData()
        password = self.export_password.text()
        if not path:
            set_status(self.export_status, self.tr("보낼 인증서를 고르세요."), False)
            return
        if not password:
            set_status(self.export_status, self.tr("인증서 비밀번호를 입력하세요."), False)
            return
        cert = next((c for c in self._phone_certs() if str(c.path) == path), None)
        self.export_password.clear()
        if cert is None:
            set_status(self.export_status, self.tr("인증서를 찾을 수 없습니다."), False)
            return
        in_background(self, self.export_button, self.export_status,
                       lambda: self.relay.export_from_phone(self.digits, cert, password), self._show_offer)

    def _show_offer(self, offer) -> None:
        self._offer = offer
        self.export_code.setText(self._offer.formatted)
        self.export_code.show()
        self.export_expiry.setRange(0, self.relay.ttl)
        self.export_expiry.show()
        set_status(self.export_status, self.tr("PC의 '휴대폰에서 받기'에 이 번호와 인증서 비밀번호를 입력하세요."), None)
        self._update_offer()

    def _update_offer(self) -> None:
        offer = self._offer
        state = self.relay.status(offer.transfer_id)
        left = max(0, int((offer.expires_at - self.relay.clock()).total_seconds()))
        if state == pt.WAITING:
            self.export_expiry.setValue(left)
            self.export_expiry.setFormat(self.tr("{0}분 {1:02d}초 남음").format(left // 60, left % 60))
            return
        self._offer = None
        self.export_code.setText("")
        self.export_code.hide()
        self.export_expiry.hide()
        text = {pt.USED: self.tr("PC로 보냈습니다."),
                pt.EXPIRED: self.tr("유효시간이 지났습니다. 다시 인증번호를 받으세요.")}.get(
            state, self.tr("인증서 보내기가 취소되었습니다."))
        set_status(self.export_status, text, state == pt.USED)

    def closeEvent(self, event) -> None:
        # Hiding, not destroying: the watcher brings the same window back when the bank calls again.
        event.ignore()
        self.hide()


# --- one window per number ---------------------------------------------------------------------------

_windows: dict[tuple[int, str], PhoneWindow] = {}


def _key(ctx: AppContext, number: str) -> tuple[int, str]:
    return id(ctx), registry.normalise_phone_number(number)


def phone_window_for(ctx: AppContext, number: str) -> PhoneWindow | None:
    return _windows.get(_key(ctx, number))


def show_phone_window(parent: QWidget | None, ctx: AppContext, number: str, *,
                      relay: pt.Relay | None = None, seen_messages: set[str] | None = None) -> PhoneWindow:
    """The window of the phone `number` (created on first use), shown and raised."""
    key = _key(ctx, number)
    window = _windows.get(key)
    if window is None:
        if registry.phone_storage(number) is None:
            registry.create_phone(number)
        window = PhoneWindow(ctx, number, parent, relay=relay, seen_messages=seen_messages)
        _windows[key] = window
        window.destroyed.connect(lambda *_: _windows.pop(key, None))
    window.bring_up()
    return window


def close_phone_windows(ctx: AppContext) -> None:
    """Destroy the windows of `ctx` (app exit, tests)."""
    for key in [k for k in _windows if k[0] == id(ctx)]:
        w = _windows.pop(key)
        w._timer.stop()
        w.close_center()
        w.deleteLater()
