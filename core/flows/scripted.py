"""Scripted issuance: the same flows, with the customer played by a script.

A developer who needs realistic test certificates runs `python main.py issue …`. The script types
what the customer would type (name, RRN, account number from the bank's records; the passwords
from the terminal or standard input) and answers the verification channels from the customer's
*simulated* devices: it reads the SMS on the mock phone, keys the ARS code into the mock phone,
reads the security card and the OTP token. Nothing is skipped: every check of the flow runs.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Callable

from ..authority import errors as AE
from ..validation import numbers
from .base import ARS, CARD, OTP, SMS, FieldError, FlowError, IdentityFlow

MOBILE_OTP = "mobile_otp"

_SMS_CODE = re.compile(r"\[([0-9]{6})\]")


@dataclass(frozen=True)
class Persona:
    """What the customer knows by heart (never printed: the repr masks it)."""
    name: str
    rrn: str = field(repr=False)
    account: str = field(repr=False)
    phone: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Persona({self.name!r}, {numbers.mask_rrn(self.rrn)}, {numbers.mask_account(self.account)})"


def persona_for(authority, ref: str) -> Persona:
    """A customer by demo key, name, RRN or account number, as the bank's back office knows them."""
    from ..authority.demo import DEMO_CUSTOMERS
    for demo in DEMO_CUSTOMERS:
        if ref in (demo.key, demo.name):
            ref = demo.rrn
            break
    name, rrn, account, phone = authority.teller().identity_of(ref)
    return Persona(name, rrn, account, phone)


class SimulatedCustomer:
    """Answers the channels from the customer's simulated phone, security card and OTP token."""

    def __init__(self, authority, persona: Persona, *, sleep: Callable[[float], None] = time.sleep,
                 say: Callable[[str, str], None] | None = None):
        self.bank = authority
        self.persona = persona
        self.sleep = sleep
        self.say = say or (lambda ko, en: None)

    def sms_code(self) -> str:
        for message in reversed(self.bank.phone_messages(self.persona.phone)):
            m = _SMS_CODE.search(message.text)
            if m:
                return m.group(1)
        raise FlowError("휴대폰(모의)에 인증번호 문자가 없습니다.", "No code arrived on the mock phone.")

    def key_ars_code(self, code: str) -> None:
        self.bank.answer_call(self.persona.phone, code)

    def card_answer(self, first: int, second: int) -> str:
        serial = self.bank.devices.card_serial_of(self.persona.rrn)
        return self.bank.devices.card_answer(serial, first, second)

    def otp_code(self) -> str:
        return self.bank.devices.otp_code(self.bank.devices.otp_serial_of(self.persona.rrn))

    def mobile_otp_code(self) -> str:
        """What the bank app of the customer's mock phone shows as its 모바일 OTP."""
        code = self.bank.devices.mobile_otp_code(self.persona.phone)
        if code is None:
            raise FlowError("휴대폰(모의)의 은행 앱에 모바일 OTP가 없습니다.", "The mock phone's bank app has no mobile OTP.")
        return code

    def _once_per_step(self, submit: Callable[[], None]) -> None:
        """Type the code; a token or app shows a code only once per time step: when it was already
        used, wait for the next one, as a person would."""
        try:
            submit()
        except FieldError as exc:
            if not isinstance(exc.cause, AE.OtpReplay):
                raise
            wait = self.seconds_to_next_otp()
            self.say(f"OTP 번호가 이미 사용되어 다음 번호까지 {wait:.0f}초 기다립니다.",
                     f"That OTP code was already used; waiting {wait:.0f} s for the next one.")
            self.sleep(wait)
            submit()

    def seconds_to_next_otp(self) -> float:
        step = self.bank.config.otp_interval
        now = self.bank.now().timestamp()
        return step - (now % step) + 0.2

    # the identity steps -----------------------------------------------------------------------------

    def verify(self, flow: IdentityFlow, account_password, *, first: str = SMS, second: str = "auto") -> None:
        """STEP 1–3 of `flow`, typed and answered as the customer would."""
        p = self.persona
        pw = account_password.decode() if isinstance(account_password, (bytes, bytearray)) else account_password
        flow.submit_customer(p.name, p.rrn, p.account, pw)
        flow.submit_terms([t.id for t in flow.terms()])            # 모두 동의
        if first == ARS:
            started = flow.start_ars()
            self.say(f"ARS 인증: 휴대폰(모의) {started.phone_masked}에 걸려온 전화에 {started.code}를 누릅니다.",
                     f"ARS: keying {started.code} into the call on the mock phone {started.phone_masked}.")
            self.key_ars_code(started.code)
            if not flow.poll_ars():
                raise FlowError("ARS 인증이 끝나지 않았습니다.", "The ARS call did not complete.")
        else:
            sent = flow.send_sms()
            self.say(f"SMS 인증: 휴대폰(모의) {sent.phone_masked}로 받은 인증번호를 입력합니다.",
                     f"SMS: entering the code received on the mock phone {sent.phone_masked}.")
            flow.submit_sms(self.sms_code())
        kind = flow.data.get("second_kind") if second == "auto" else second
        if kind not in flow.second_options:
            names = {CARD: ("보안카드", "security card"), OTP: ("OTP", "OTP device"),
                     MOBILE_OTP: ("모바일 OTP", "mobile OTP")}
            ko, en = names.get(kind, (kind, kind))
            raise FlowError(f"이 고객에게는 {ko}가 없습니다.", f"This customer has no {en}.")
        flow.choose_second(kind)
        if kind == CARD:
            ch = flow.card_challenge()
            self.say(f"보안카드 {ch.first}번 앞 두 자리와 {ch.second}번 뒤 두 자리를 입력합니다.",
                     f"Security card: first two digits of cell {ch.first}, last two of cell {ch.second}.")
            flow.submit_card(self.card_answer(ch.first, ch.second))
        elif kind == MOBILE_OTP:
            self.say("휴대폰(모의) 은행 앱의 모바일 OTP 번호를 입력합니다.", "Entering the mobile OTP from the mock phone's app.")
            self._once_per_step(lambda: flow.answer_channel(self.mobile_otp_code()))
        elif kind == OTP:
            self._once_per_step(lambda: flow.submit_otp(self.otp_code()))
