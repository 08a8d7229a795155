"""The phone channels of STEP 3 (휴대폰 본인확인): the ARS call and the SMS code (docs/bank-flows.md "STEP 3 본인인증", "Limits").

ARS: the screen shows two digits, the bank calls the customer's registered (mock) phone, the customer
keys the digits into the phone; the screen polls. SMS: a 6-digit code to the registered phone, valid
`sms_ttl` seconds, typed on the screen. Besides the per-call / per-code limits, wrong answers count
towards a lock of the channel for this customer (`ars_lock_limit`, `sms_lock_limit`, persisted;
a right answer resets it, a teller unlocks it)."""
from __future__ import annotations

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass

from ...i18n import Text
from .. import errors as E
from .. import phones
from ..timeutil import parse_time
from .base import PHONE, Challenge, Channel, ChannelEnv, ChannelSpec, SessionInfo
from ...validation.numbers import normalise_code


@dataclass(frozen=True, kw_only=True)
class ArsStarted(Challenge):
    code: str                    # the 2 digits shown on screen
    phone_masked: str


@dataclass(frozen=True, kw_only=True)
class SmsSent(Challenge):
    phone_masked: str
    resends_left: int


def _matches(env: ChannelEnv, label: str, challenge_id: int, answer: str | None, stored: str | None) -> bool:
    return answer is not None and stored is not None and hmac.compare_digest(
        env.store.mac(f"{label}:{challenge_id}", answer), stored)


class ArsChannel(Channel):
    spec = ChannelSpec("ars", PHONE, Text("ARS 전화인증", "ARS phone call"), answer_digits=None, order=1, field="ars")
    SCRIPT = "도장은행 ARS 본인인증입니다. 화면에 표시된 2자리 숫자를 눌러 주세요."

    def start(self, env: ChannelEnv, s: SessionInfo) -> ArsStarted:
        cfg = env.config
        now = env.now()
        expires = now + dt.timedelta(seconds=cfg.ars_ttl)
        code = f"{secrets.randbelow(100):02d}"
        refusal = None
        with env.store.transaction() as conn:
            if env.channel_lock(conn, s.customer_id, "ars")[1]:
                refusal = E.FactorLocked("ars")
            elif env.challenges_started(conn, s, "ars") >= cfg.ars_call_limit:
                refusal = E.ResendLimit()
            else:
                cid = env.open_challenge(conn, s, "ars", expires_at=expires, phone=s.phone)
                conn.execute("UPDATE challenges SET code_mac = ? WHERE id = ?", (env.store.mac(f"ars:{cid}", code), cid))
                env.store.audit(conn, "ars.start", "calling", customer_id=s.customer_id, session_id=s.id)
                # the call rings before the transaction commits: no open call the phone never got
                phones.ensure_phone(s.phone, s.name, env.home)
                phones.place_call(s.phone, cid, self.SCRIPT, now, expires, env.home)
            if refusal is not None:
                env.store.audit(conn, "ars.start", refusal.code, customer_id=s.customer_id, session_id=s.id)
        if refusal is not None:
            raise refusal
        return ArsStarted(channel="ars", expires_at=expires, code=code, phone_masked=phones.mask_number(s.phone))

    def poll(self, env: ChannelEnv, s: SessionInfo) -> bool:
        """True once the code was keyed on the phone; False while the call is still ringing."""
        now = env.now()
        expired_call = None
        with env.store.transaction() as conn:
            row = env.latest_challenge(conn, s, "ars")
            if row is None:
                status = "missing"
            else:
                status = row["status"]
                if status == "open" and now >= parse_time(row["expires_at"]):
                    env.set_challenge(conn, row["id"], "expired")
                    env.store.audit(conn, "ars.check", "expired", customer_id=s.customer_id, session_id=s.id)
                    status, expired_call = "expired", row
        if expired_call is not None:
            call = phones.current_call(expired_call["phone"], now, env.home)
            if call and call.challenge == expired_call["id"]:
                phones.set_call_state(expired_call["phone"], "expired", env.home)
        if status == "done":
            return True
        if status == "open":
            return False
        raise {"expired": E.CodeExpired, "failed": E.TooManyAttempts, "declined": E.CallDeclined}.get(
            status, E.NoChallenge)()

    def answer(self, env: ChannelEnv, s: SessionInfo, answer: str) -> None:
        raise E.NoChallenge()      # the code is keyed on the phone, not on the screen

    # the phone's side of the call -------------------------------------------------------------------
    def key_on_phone(self, env: ChannelEnv, number: str, digits: str) -> None:
        """The customer keys the code into the mock phone during the call."""
        cfg = env.config
        now = env.now()
        call = phones.current_call(number, now, env.home)
        if call is None or call.state not in ("ringing", "expired"):
            raise E.NoChallenge()
        code = normalise_code(digits or "")
        outcome, phone_state, wrong = None, None, 0
        with env.store.transaction() as conn:
            row = conn.execute("SELECT c.*, s.customer_id FROM challenges c JOIN sessions s ON s.id = c.session_id "
                               "WHERE c.id = ? AND c.kind = 'ars'", (call.challenge,)).fetchone()
            if row is None or row["status"] != "open" or phones.digits_of(row["phone"]) != phones.digits_of(number):
                outcome = E.NoChallenge()
            elif now >= parse_time(row["expires_at"]):
                env.set_challenge(conn, row["id"], "expired")
                env.store.audit(conn, "ars.answer", "expired", customer_id=row["customer_id"],
                                session_id=row["session_id"])
                outcome, phone_state = E.CodeExpired(), "expired"
            elif env.channel_lock(conn, row["customer_id"], "ars")[1]:
                outcome, phone_state = E.FactorLocked("ars"), "failed"
            elif _matches(env, "ars", row["id"], code, row["code_mac"]):
                env.set_challenge(conn, row["id"], "done")
                env.complete(conn, row["session_id"], self.spec)
                env.reset_channel(conn, row["customer_id"], "ars")
                env.store.audit(conn, "ars.answer", "ok", customer_id=row["customer_id"], session_id=row["session_id"])
                phone_state = "completed"
            else:
                wrong = env.count_challenge_wrong(conn, row["id"])
                _, locked = env.count_channel_failure(conn, row["customer_id"], "ars", cfg.ars_lock_limit)
                failed = locked or wrong >= cfg.ars_wrong_limit
                if failed:
                    env.set_challenge(conn, row["id"], "failed")
                env.store.audit(conn, "ars.answer", "locked_now" if locked else ("failed" if failed else "wrong"),
                                customer_id=row["customer_id"], session_id=row["session_id"], wrong=wrong)
                phone_state = "failed" if failed else "ringing"
                outcome = E.FactorLocked("ars") if locked else (
                    E.TooManyAttempts() if failed else E.CodeMismatch(cfg.ars_wrong_limit - wrong, "ars"))
        if phone_state is not None:
            phones.set_call_state(number, phone_state, env.home, wrong=wrong if wrong else None)
        if outcome is not None:
            raise outcome

    def decline_on_phone(self, env: ChannelEnv, number: str) -> None:
        call = phones.current_call(number, env.now(), env.home)
        if call is None or call.state != "ringing":
            return
        with env.store.transaction() as conn:
            conn.execute("UPDATE challenges SET status = 'declined' WHERE id = ? AND status = 'open'", (call.challenge,))
            env.store.audit(conn, "ars.decline", "declined")
        phones.set_call_state(number, "declined", env.home)


class SmsChannel(Channel):
    spec = ChannelSpec("sms", PHONE, Text("SMS 인증", "SMS code"), answer_digits=6, order=2, field="sms_code")

    def start(self, env: ChannelEnv, s: SessionInfo) -> SmsSent:
        """Send a 6-digit code (valid `sms_ttl` seconds) to the customer's mock phone's inbox."""
        cfg = env.config
        now = env.now()
        expires = now + dt.timedelta(seconds=cfg.sms_ttl)
        code = f"{secrets.randbelow(10 ** 6):06d}"
        refusal, sent = None, 0
        with env.store.transaction() as conn:
            sent = env.challenges_started(conn, s, "sms")
            if env.channel_lock(conn, s.customer_id, "sms")[1]:
                refusal = E.FactorLocked("sms")
            elif sent >= 1 + cfg.sms_resend_limit:
                refusal = E.ResendLimit()
            else:
                cid = env.open_challenge(conn, s, "sms", expires_at=expires, phone=s.phone)
                conn.execute("UPDATE challenges SET code_mac = ? WHERE id = ?", (env.store.mac(f"sms:{cid}", code), cid))
                env.store.audit(conn, "sms.send", "sent", customer_id=s.customer_id, session_id=s.id, count=sent + 1)
                phones.ensure_phone(s.phone, s.name, env.home)
                phones.deliver_sms(s.phone, f"[도장은행] 인증번호 [{code}]를 {cfg.sms_ttl // 60}분 안에 입력하세요. "
                                            "타인에게 절대 알려주지 마세요.", now, env.home)
            if refusal is not None:
                env.store.audit(conn, "sms.send", refusal.code, customer_id=s.customer_id, session_id=s.id)
        if refusal is not None:
            raise refusal
        return SmsSent(channel="sms", expires_at=expires, phone_masked=phones.mask_number(s.phone),
                       resends_left=cfg.sms_resend_limit - sent)

    def answer(self, env: ChannelEnv, s: SessionInfo, answer: str) -> None:
        cfg = env.config
        code = normalise_code(answer or "")
        if code is None or len(code) != 6:
            raise E.InvalidInput("인증번호 6자리 숫자를 입력하세요.", "Enter the 6-digit code.")
        now = env.now()
        outcome = None
        with env.store.transaction() as conn:
            row = env.latest_challenge(conn, s, "sms")
            if env.channel_lock(conn, s.customer_id, "sms")[1]:
                outcome = E.FactorLocked("sms")
            elif row is None:
                outcome = E.NoChallenge()
            elif row["status"] == "done":
                outcome = None
            elif row["status"] == "failed":
                outcome = E.TooManyAttempts()
            elif row["status"] == "expired" or now >= parse_time(row["expires_at"]):
                env.set_challenge(conn, row["id"], "expired")
                env.store.audit(conn, "sms.check", "expired", customer_id=s.customer_id, session_id=s.id)
                outcome = E.CodeExpired()
            elif _matches(env, "sms", row["id"], code, row["code_mac"]):
                env.set_challenge(conn, row["id"], "done")
                env.complete(conn, s.id, self.spec)
                env.reset_channel(conn, s.customer_id, "sms")
                env.store.audit(conn, "sms.check", "ok", customer_id=s.customer_id, session_id=s.id)
            else:
                wrong = env.count_challenge_wrong(conn, row["id"])
                _, locked = env.count_channel_failure(conn, s.customer_id, "sms", cfg.sms_lock_limit)
                failed = locked or wrong >= cfg.sms_wrong_limit
                if failed:
                    env.set_challenge(conn, row["id"], "failed")
                env.store.audit(conn, "sms.check", "locked_now" if locked else ("failed" if failed else "wrong"),
                                customer_id=s.customer_id, session_id=s.id, wrong=wrong)
                outcome = E.FactorLocked("sms") if locked else (
                    E.TooManyAttempts() if failed else E.CodeMismatch(cfg.sms_wrong_limit - wrong, "sms"))
        if outcome is not None:
            raise outcome
