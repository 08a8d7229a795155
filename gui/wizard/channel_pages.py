"""STEP 3 본인인증: one page per verification factor, one panel per channel.

The page asks the flow which channels this customer can use for its factor (`flow.channel_options`)
and shows a radio button for each and the channel's panel below. The built-in channels have their own
panels (the ARS call, the SMS code, the 보안카드 cells, the OTP code); any other channel registered at
the bank gets `GenericPanel` — its label, a start button when it needs one, the bank's prompt and an
answer field — or its own panel through `register_channel_panel` (docs/bank-core.md "Channels").
Object names: `{first|second}{Id}Radio` for the radios (firstArsRadio, secondCardRadio, …),
`{id}Panel` for the panels, `{field}Error` for each channel's error line.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QRadioButton, QStackedWidget, QVBoxLayout, QWidget)

from core.authority.channels import MEDIA, PHONE, ChannelSpec
from core.errors import DojangError
from core.flows import ARS, CARD, OTP, SMS, FlowError

from ..icons import icon
from .common import ARS_POLL_MS, Page, make_box, make_label, ui_lang, make_line, mmss, message_text


class ChannelPanel(QWidget):
    """One channel on its factor's page. Subclasses fill in the widgets; the page calls the hooks."""

    def __init__(self, page: "FactorPage", spec: ChannelSpec):
        super().__init__(page.stack)
        self.page = page
        self.spec = spec
        self.setObjectName(f"{spec.id}Panel")
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)

    @property
    def flow(self):
        return self.page.flow

    @property
    def wizard(self):
        return self.page.wizard

    def radio_text(self) -> str:
        return self.spec.label.message(ui_lang())

    def challenge(self):
        c = self.flow.challenge(self.spec.factor) if self.flow.step == self.page.step else None
        return c if c is not None and c.channel == self.spec.id else None

    # hooks
    def enter(self) -> None:
        """The panel became the chosen channel on an entered page."""

    def leave(self) -> None:
        """Clear every secret typed here."""

    def show_state(self) -> None:
        """Refresh from the flow (countdown, codes)."""

    def tick(self) -> None:
        """Called every ARS_POLL_MS while the page is shown."""
        self.show_state()

    def after_error(self, exc: DojangError) -> None:
        self.leave()
        self.show_state()

    def can_next(self) -> bool:
        return False

    def submit(self) -> None:
        raise NotImplementedError

    # shared by the panels that start their channel with a button
    def start(self) -> None:
        self.page.clear_errors()
        self.wizard.clear_top_error()
        try:
            self.flow.start_channel(self.spec.id)
        except FlowError as exc:
            if not self.page.show_error(exc.field, message_text(exc)):
                self.wizard.show_flow_error(exc)
            return
        self.leave()
        self.show_state()
        self.page.timer.start()

    def poll(self) -> None:
        """For a channel answered elsewhere: ask the flow whether it is done."""
        if self.challenge() is None:
            self.show_state()
            return
        try:
            done = self.flow.poll_channel()
        except FlowError as exc:          # expired / declined / too many wrong keys
            self.page.show_error(exc.field or self.spec.field, message_text(exc))
            self.show_state()
            return
        if done:
            self.page.advance.emit()
            return
        self.show_state()


class ArsPanel(ChannelPanel):
    """The bank calls the registered phone; the person keys the two digits shown here."""

    def __init__(self, page, spec):
        super().__init__(page, spec)
        self.lay.addWidget(make_label(Q.translate("Wizard", "'전화 요청'을 누르면 은행이 등록된 휴대폰으로 전화합니다. 전화를 받고 "
                                                         "아래 두 자리 숫자를 휴대폰 키패드로 누르세요. 전화가 끝나면 다음 "
                                                         "단계로 넘어갑니다."), self, cls="intro"))
        box, bl = make_box(self)
        self.code = make_label("", box, name="arsCodeLabel", cls="big", wrap=False)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bl.addWidget(self.code)
        self.info = make_label("", box, name="arsInfoLabel")
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bl.addWidget(self.info)
        self.bar = QProgressBar(box)
        self.bar.setObjectName("arsCountdownBar")
        self.bar.hide()
        bl.addWidget(self.bar)
        self.lay.addWidget(box)
        self.button = QPushButton(Q.translate("Wizard", "전화 요청"), self)
        self.button.setObjectName("arsStartButton")
        self.button.clicked.connect(self.start)
        self.lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.lay.addWidget(page.error_label(spec.field, self))
        self.lay.addStretch(1)

    def radio_text(self) -> str:
        return Q.translate("Wizard", "ARS 전화인증")

    def tick(self) -> None:
        self.poll()

    def leave(self) -> None:
        self.code.clear()

    def show_state(self) -> None:
        flow = self.flow
        started = self.challenge()
        masked = flow.session.phone_masked if flow.session else ""
        if started is not None:
            left = flow.seconds_left() or 0
            self.code.setText(started.code)
            self.info.setText(Q.translate("Wizard", "전화를 걸고 있습니다: {0}. 전화를 받아 위 두 자리 숫자를 "
                                                    "누르세요.").format(started.phone_masked))
            total = self.wizard.bank_config("ars_ttl", 120)
            self.bar.setRange(0, total)
            self.bar.setValue(left)
            self.bar.setFormat(Q.translate("Wizard", "남은 시간 {0}").format(mmss(left)))
            self.bar.show()
            self.button.setText(Q.translate("Wizard", "다시 전화 요청"))
        else:
            self.code.setText("– –")
            self.info.setText(Q.translate("Wizard", "전화 받을 번호: {0}").format(masked) if masked else "")
            self.bar.hide()
            self.button.setText(Q.translate("Wizard", "전화 요청"))


class CodePanel(ChannelPanel):
    """A code typed into the wizard (SMS, OTP, a generic channel): one line edit, Enter = 다음."""

    def _code_row(self, label_text: str, name: str, *, secret: bool) -> None:
        row = QHBoxLayout()
        label = QLabel(label_text, self)
        row.addWidget(label)
        digits = self.spec.answer_digits or 0
        self.edit = make_line(name, self, secret=secret, max_len=digits or 64,
                          placeholder=Q.translate("Wizard", "{0}자리 숫자").format(digits) if digits else "")
        self.edit.setMaximumWidth(160)
        label.setBuddy(self.edit)
        # Enter: the wizard's default button (a returnPressed link as well would submit twice)
        self.edit.textChanged.connect(lambda *_: self.page.changed.emit())
        row.addWidget(self.edit)
        self.countdown = make_label("", self, name=f"{self.spec.id}CountdownLabel", wrap=False)
        row.addWidget(self.countdown)
        row.addStretch(1)
        self.lay.addLayout(row)

    def leave(self) -> None:
        self.edit.clear()

    def can_next(self) -> bool:
        return bool(self.edit.text().strip())

    def submit(self) -> None:
        code = self.edit.text()
        self.edit.clear()
        self.flow.answer_channel(code)


class SmsPanel(CodePanel):
    def __init__(self, page, spec):
        super().__init__(page, spec)
        self.lay.addWidget(make_label(Q.translate("Wizard", "'인증번호 받기'를 누르면 등록된 휴대폰으로 6자리 인증번호를 보냅니다. "
                                                         "인증번호는 3분 동안 쓸 수 있습니다."), self, cls="intro"))
        row = QHBoxLayout()
        self.button = QPushButton(Q.translate("Wizard", "인증번호 받기"), self)
        self.button.setObjectName("smsSendButton")
        self.button.clicked.connect(self.start)
        row.addWidget(self.button)
        self.info = make_label("", self, name="smsInfoLabel")
        row.addWidget(self.info, 1)
        self.lay.addLayout(row)
        self._code_row(Q.translate("Wizard", "인증번호(&C)"), "smsCodeEdit", secret=False)
        self.edit.setPlaceholderText(Q.translate("Wizard", "6자리 숫자"))
        self.lay.addWidget(page.error_label(spec.field, self))
        self.lay.addStretch(1)

    def radio_text(self) -> str:
        return Q.translate("Wizard", "SMS 인증 (1회용 인증번호)")

    def start(self) -> None:
        super().start()
        if self.challenge() is not None:
            self.edit.setFocus()

    def show_state(self) -> None:
        flow = self.flow
        sent = self.challenge()
        masked = flow.session.phone_masked if flow.session else ""
        if sent is not None:
            left = flow.seconds_left()
            self.button.setText(Q.translate("Wizard", "인증번호 다시 받기"))
            self.info.setText(Q.translate("Wizard", "보낸 번호: {0}. 다시 받기 {1}회 남음.").format(
                sent.phone_masked, sent.resends_left))
            self.countdown.setText(Q.translate("Wizard", "남은 시간 {0}").format(mmss(left)) if left else
                                   Q.translate("Wizard", "입력 시간이 지났습니다. 인증번호를 다시 받으세요."))
        else:
            self.button.setText(Q.translate("Wizard", "인증번호 받기"))
            self.info.setText(Q.translate("Wizard", "받을 번호: {0}").format(masked) if masked else "")
            self.countdown.setText("")


class CardPanel(ChannelPanel):
    """보안카드: the bank picks two cells; the person types two digits of each."""

    def __init__(self, page, spec):
        super().__init__(page, spec)
        self.prompt = make_label("", self, name="cardPromptLabel")
        self.lay.addWidget(self.prompt)
        grid = QGridLayout()
        self.first_label = QLabel("", self)
        self.first_label.setObjectName("cardFirstLabel")
        # words, not dots: grey "● ●" looked like digits already typed
        self.first = make_line("cardFirstEdit", self, secret=True, max_len=2,
                           placeholder=Q.translate("Wizard", "앞 2자리"))
        self.second_label = QLabel("", self)
        self.second_label.setObjectName("cardSecondLabel")
        self.second = make_line("cardSecondEdit", self, secret=True, max_len=2,
                            placeholder=Q.translate("Wizard", "뒤 2자리"))
        for e in (self.first, self.second):
            e.setMaximumWidth(90)
            e.textChanged.connect(lambda *_: self.page.changed.emit())
        self.first.textEdited.connect(lambda t: self.second.setFocus() if len(t) == 2 else None)
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        grid.addWidget(self.first_label, 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(self.second_label, 1, 0)
        grid.addWidget(self.second, 1, 1)
        grid.setColumnStretch(2, 1)
        self.lay.addLayout(grid)
        self.lay.addWidget(page.error_label(spec.field, self))
        self.button = QPushButton(icon("card"), Q.translate("Wizard", "보안카드 보기 (모의)"), self)
        self.button.setObjectName("showCardButton")
        self.button.clicked.connect(self.open_card)
        self.lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.lay.addStretch(1)

    def radio_text(self) -> str:
        return Q.translate("Wizard", "보안카드")

    def enter(self) -> None:
        self.show_challenge()

    def tick(self) -> None:
        pass

    def show_challenge(self) -> None:
        try:
            ch = self.challenge() or self.flow.start_channel(self.spec.id)
        except FlowError as exc:
            self.wizard.show_flow_error(exc)
            return
        self.prompt.setText(Q.translate("Wizard", "보안카드({0})에서 {1}번 칸의 앞 2자리와 {2}번 칸의 뒤 2자리를 "
                                                  "입력하세요.").format(ch.card_serial_masked, ch.first, ch.second))
        self.first_label.setText(Q.translate("Wizard", "{0}번 앞 2자리").format(ch.first))
        self.second_label.setText(Q.translate("Wizard", "{0}번 뒤 2자리").format(ch.second))
        viewer = self.wizard.find_open("card")
        if viewer is not None:
            viewer.set_highlight(ch.first, ch.second)

    def leave(self) -> None:
        self.first.clear()
        self.second.clear()

    def after_error(self, exc: DojangError) -> None:
        self.leave()
        if self.flow.step == self.page.step:
            self.show_challenge()       # the bank asks for two new cells after a wrong answer
            self.prompt.setText(self.prompt.text() + " " + Q.translate("Wizard", "(새로 요청한 칸입니다)"))
            self.first.setFocus()

    def open_card(self) -> None:
        ch = self.challenge()
        self.wizard.open_device("card", (ch.first, ch.second) if ch else ())

    def can_next(self) -> bool:
        return len(self.first.text()) == 2 and len(self.second.text()) == 2

    def submit(self) -> None:
        answer = self.first.text() + self.second.text()
        self.leave()
        self.flow.answer_channel(answer)


class OtpPanel(CodePanel):
    def __init__(self, page, spec):
        super().__init__(page, spec)
        self.lay.addWidget(make_label(Q.translate("Wizard", "OTP 발생기의 버튼을 눌러 나온 6자리 번호를 입력하세요. 한 번 쓴 번호는 "
                                                         "다시 쓸 수 없으니, 다시 입력할 때는 새 번호를 기다리세요."),
                                  self, cls="intro"))
        self._code_row(Q.translate("Wizard", "OTP 번호(&O)"), "otpCodeEdit", secret=True)
        self.edit.setPlaceholderText(Q.translate("Wizard", "6자리 숫자"))
        self.lay.addWidget(page.error_label(spec.field, self))
        self.button = QPushButton(icon("otp"), Q.translate("Wizard", "OTP 발생기 보기 (모의)"), self)
        self.button.setObjectName("showOtpButton")
        self.button.clicked.connect(lambda: self.wizard.open_device("otp"))
        self.lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.lay.addStretch(1)

    def radio_text(self) -> str:
        return Q.translate("Wizard", "OTP")

    def tick(self) -> None:
        pass


class MobileOtpPanel(CodePanel):
    """모바일 OTP: the code the bank app of the customer's phone shows (on the phone itself, the app
    fills it in — as the real apps do after their own PIN)."""

    def __init__(self, page, spec):
        super().__init__(page, spec)
        self.lay.addWidget(make_label(Q.translate("Wizard", "휴대폰 은행 앱의 '모바일 OTP'에 표시된 6자리 번호를 입력하세요. "
                                                         "한 번 쓴 번호는 다시 쓸 수 없습니다."), self, cls="intro"))
        self._code_row(Q.translate("Wizard", "모바일 OTP 번호(&M)"), "mobileOtpCodeEdit", secret=True)
        self.lay.addWidget(page.error_label(spec.field, self))
        self.button = QPushButton(icon("phone"), Q.translate("Wizard", "휴대폰에서 모바일 OTP 보기 (모의)"), self)
        self.button.setObjectName("showMobileOtpButton")
        self.button.clicked.connect(lambda: self.wizard.show_mobile_otp(self))
        self.lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.lay.addStretch(1)

    def radio_text(self) -> str:
        return Q.translate("Wizard", "모바일 OTP")

    def tick(self) -> None:
        pass


class GenericPanel(CodePanel):
    """Any other channel the bank offers: its name, a start button when it has to be started, the
    bank's prompt, and an answer field when it is answered here (else it is polled, like ARS)."""

    def __init__(self, page, spec):
        super().__init__(page, spec)
        self.prompt = make_label(spec.label.message(ui_lang()), self, name=f"{spec.id}PromptLabel", cls="intro")
        self.lay.addWidget(self.prompt)
        self.button = None
        if spec.needs_start:
            self.button = QPushButton(Q.translate("Wizard", "인증 요청"), self)
            self.button.setObjectName(f"{spec.id}StartButton")
            self.button.clicked.connect(self.start)
            self.lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self._code_row(Q.translate("Wizard", "인증번호"), f"{spec.id}AnswerEdit", secret=True)
        self.lay.addWidget(page.error_label(spec.field, self))
        self.lay.addStretch(1)

    def tick(self) -> None:
        if self.spec.answer_digits is None and self.spec.needs_start:
            self.poll()
        else:
            self.show_state()

    def show_state(self) -> None:
        c = self.challenge()
        text = self.spec.label.message(ui_lang())
        if c is not None and c.prompt is not None:
            text = c.prompt.message(ui_lang())
        self.prompt.setText(text)
        left = self.flow.seconds_left() if c is not None else None
        self.countdown.setText(Q.translate("Wizard", "남은 시간 {0}").format(mmss(left)) if left else "")


PANELS: dict[str, type[ChannelPanel]] = {ARS: ArsPanel, SMS: SmsPanel, CARD: CardPanel, OTP: OtpPanel,
                                         "mobile_otp": MobileOtpPanel}


def register_channel_panel(channel_id: str, panel: type[ChannelPanel]) -> None:
    """A channel's own panel (without one, a channel gets GenericPanel)."""
    PANELS[channel_id] = panel


def unregister_channel_panel(channel_id: str) -> None:
    PANELS.pop(channel_id, None)


class FactorPage(Page):
    """The channels of one factor (PHONE: 휴대폰; MEDIA: 보안카드 / OTP / …)."""

    def __init__(self, wizard, step: str, factor: int, prefix: str):
        if factor == PHONE:
            title = Q.translate("Wizard", "본인인증 (1/2): 휴대폰")
            intro = Q.translate("Wizard", "은행에 등록된 휴대폰으로 본인인증을 합니다. 한 가지를 고르세요.")
        else:
            title = Q.translate("Wizard", "본인인증 (2/2): 보안카드 또는 OTP")
            intro = Q.translate("Wizard", "은행에서 받은 보안카드나 OTP 발생기로 한 번 더 확인합니다.")
        super().__init__(wizard, f"{prefix}FactorPage", title, intro)
        self.step, self.factor, self.prefix = step, factor, prefix
        self.radio_row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.radio_row.addStretch(1)
        if factor == PHONE:
            self.phone_button = QPushButton(icon("phone"), Q.translate("Wizard", "휴대폰(모의) 보기"), self)
            self.phone_button.setObjectName("showPhoneButton")
            self.phone_button.clicked.connect(lambda: self.wizard.open_customer_phone())
            self.radio_row.addWidget(self.phone_button)
        self.lay.addLayout(self.radio_row)
        self.stack = QStackedWidget(self)
        self.lay.addWidget(self.stack)
        self.radios: dict[str, QRadioButton] = {}
        self.panels: dict[str, ChannelPanel] = {}
        self._options: list[ChannelSpec] = []
        self.timer = QTimer(self)
        self.timer.setInterval(ARS_POLL_MS)
        self.timer.timeout.connect(self.tick)

    # the channels ---------------------------------------------------------------------------------
    def _ensure(self, spec: ChannelSpec) -> None:
        if spec.id in self.panels:
            return
        panel = PANELS.get(spec.id, GenericPanel)(self, spec)
        self.panels[spec.id] = panel
        self.stack.addWidget(panel)
        radio = QRadioButton(panel.radio_text(), self)
        radio.setObjectName(f"{self.prefix}{spec.id.capitalize()}Radio")
        radio.toggled.connect(lambda on, cid=spec.id: self._chosen(cid) if on else None)
        self.group.addButton(radio)
        self.radio_row.insertWidget(len(self.radios), radio)
        self.radios[spec.id] = radio

    def channel(self) -> str | None:
        return next((cid for cid, r in self.radios.items() if r.isChecked()), None)

    @property
    def panel(self) -> ChannelPanel | None:
        cid = self.channel()
        return self.panels.get(cid) if cid is not None else None

    def _chosen(self, channel_id: str) -> None:
        panel = self.panels[channel_id]
        self.stack.setCurrentWidget(panel)
        if self.flow.step == self.step:
            if self.flow.data.get(self._choice_key()) != channel_id:
                self.flow.choose_channel(channel_id)
            panel.enter()
        panel.show_state()
        self.changed.emit()

    def _choice_key(self) -> str:
        from core.flows.base import CHOICE_KEY
        return CHOICE_KEY[self.factor]

    def choose(self, channel_id: str) -> None:
        """Pick a channel as a click on its radio would."""
        self.radios[channel_id].setChecked(True)

    # page hooks -----------------------------------------------------------------------------------
    def enter(self) -> None:
        try:
            self._options = self.flow.channel_options(self.factor)
        except FlowError as exc:
            self.wizard.show_flow_error(exc)
            self._options = []
        for spec in self._options:
            self._ensure(spec)
        offered = {s.id for s in self._options}
        for cid, radio in self.radios.items():
            radio.setVisible(cid in offered and len(offered) > 1)
        if self.factor == MEDIA:
            names = [self.panels[s.id].radio_text() for s in self._options]
            self.title.setText(Q.translate("Wizard", "본인인증 (2/2): 보안카드") if [s.id for s in self._options] == [CARD]
                               else Q.translate("Wizard", "본인인증 (2/2): OTP") if [s.id for s in self._options] == [OTP]
                               else Q.translate("Wizard", "본인인증 (2/2): 보안카드 또는 OTP") if offered <= {CARD, OTP}
                               else Q.translate("Wizard", "본인인증 (2/2): {0}").format(" / ".join(names)))
        for panel in self.panels.values():
            panel.leave()
        chosen = self.flow.data.get(self._choice_key())
        if chosen not in offered and self._options:
            chosen = self._options[0].id
        if chosen is not None:
            radio = self.radios[chosen]
            if radio.isChecked():
                self._chosen(chosen)
            else:
                radio.setChecked(True)
        self.timer.start()

    def leave(self) -> None:
        self.timer.stop()
        for panel in self.panels.values():
            panel.leave()

    def tick(self) -> None:
        if self.flow.step != self.step:
            return
        panel = self.panel
        if panel is not None:
            panel.tick()

    def after_error(self, exc: DojangError) -> None:
        panel = self.panel
        if panel is not None:
            panel.after_error(exc)

    def can_next(self) -> bool:
        panel = self.panel
        return panel is not None and panel.can_next()

    def submit(self) -> None:
        self.panel.submit()

    # the names the screenshots and older callers use
    @property
    def ars_radio(self) -> QRadioButton:
        return self.radios[ARS]

    @property
    def sms_radio(self) -> QRadioButton:
        return self.radios[SMS]

    def start_ars(self) -> None:
        self.panels[ARS].start()

    def send_sms(self) -> None:
        self.panels[SMS].start()


def factor_page(factor: int):
    """The page builder for the step of `factor` (the frame's `{step: page}` map)."""
    from core.flows import FIRST_FACTOR, SECOND_FACTOR
    if factor == PHONE:
        return lambda wizard: FactorPage(wizard, FIRST_FACTOR, PHONE, "first")
    return lambda wizard: FactorPage(wizard, SECOND_FACTOR, MEDIA, "second")
