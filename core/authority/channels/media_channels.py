"""The security media of STEP 3 (보안매체): the security card and the OTP token (docs/bank-flows.md "STEP 3 본인인증", "Limits").

Each channel also manages its devices — the teller issues cards and tokens through it, the demo
panel and scripted issuance read them (the customer's printed card, the token's display) — and
keeps its attempt counter on the device: 5 wrong card answers / 10 wrong OTP codes lock the device
until a teller unlocks it. Each OTP time step is accepted once."""
from __future__ import annotations

import datetime as dt
import hmac
import json
import secrets
from dataclasses import dataclass

import pyotp

from ...i18n import Text
from .. import errors as E
from ..timeutil import iso
from .base import MEDIA, Challenge, Channel, ChannelEnv, ChannelSpec, SessionInfo
from ...validation.numbers import normalise_code


@dataclass(frozen=True, kw_only=True)
class CardChallenge(Challenge):
    first: int                   # enter the first two digits of this cell
    second: int                  # and the last two digits of this one
    card_serial_masked: str


def mask_serial(serial: str) -> str:
    """The device's letters and last four digits: SC******1234."""
    head = serial[:len(serial) - len(serial.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]     # SC, OTP, MOTP
    return head + "*" * max(0, len(serial) - len(head) - 4) + serial[-4:]


def _device_failure(conn, env: ChannelEnv, table: str, device, s: SessionInfo, channel: str, limit: int,
                    replay: bool = False):
    """Count a wrong answer on the device (inside the transaction); the error to raise."""
    failures = device["failures"] + 1
    locked = failures >= limit
    conn.execute(f"UPDATE {table} SET failures = ?, locked = ? WHERE id = ?", (failures, int(locked), device["id"]))
    env.store.audit(conn, f"{channel}.check", "locked_now" if locked else ("replay" if replay else "wrong"),
                    customer_id=s.customer_id, session_id=s.id, failures=failures)
    if locked:
        return E.FactorLocked(channel)
    if replay:
        return E.OtpReplay(limit - failures)
    return E.WrongFactorAnswer(channel, limit - failures)


class DeviceChannel(Channel):
    """A channel answered from a device the teller hands out (one active per customer, in `TABLE`),
    whose failures and lock are kept on the device's row."""
    TABLE: str

    def active_device(self, env: ChannelEnv, customer_id: int, conn=None):
        return env.row(conn, f"SELECT * FROM {self.TABLE} WHERE customer_id = ? AND active = 1", (customer_id,))

    def available(self, env: ChannelEnv, customer_id: int) -> bool:
        return self.active_device(env, customer_id) is not None

    def unlock(self, env: ChannelEnv, conn, customer_id: int) -> bool:
        cur = conn.execute(f"UPDATE {self.TABLE} SET failures = 0, locked = 0 WHERE customer_id = ? AND active = 1 "
                           "AND (failures > 0 OR locked = 1)", (customer_id,))
        return cur.rowcount > 0

    def lock_state(self, env: ChannelEnv, customer_id: int) -> tuple[int, bool]:
        dev = self.active_device(env, customer_id)
        return (dev["failures"], bool(dev["locked"])) if dev else (0, False)

    def refusal(self, dev) -> E.AuthorityError | None:
        """Why this device cannot be used at all (none handed out, or locked); None when it can."""
        if dev is None:
            return E.NoDevice(self.spec.id)
        return E.FactorLocked(self.spec.id) if dev["locked"] else None


class CardChannel(DeviceChannel):
    spec = ChannelSpec("card", MEDIA, Text("보안카드", "Security card"), answer_digits=4, order=1,
                       field="card_answer", fresh_after_wrong=True)
    TABLE = "cards"

    # devices ----------------------------------------------------------------------------------------
    def issue(self, env: ChannelEnv, conn, customer_id: int, cells: dict[int, str] | None = None,
              count: int | None = None) -> tuple[str, dict[int, str]]:
        """A new card (30–35 random cells of 4 digits) inside the caller's transaction; the previous
        card stops working."""
        if cells is None:
            count = count or 30 + secrets.randbelow(6)
            if not 30 <= count <= 35:
                raise E.InvalidInput()
            cells = {i: f"{secrets.randbelow(10000):04d}" for i in range(1, count + 1)}
        if not 30 <= len(cells) <= 35 or sorted(cells) != list(range(1, len(cells) + 1)) or \
                not all(len(v) == 4 and v.isascii() and v.isdigit() for v in cells.values()):
            raise E.InvalidInput()
        serial = "SC" + "".join(str(secrets.randbelow(10)) for _ in range(10))
        conn.execute("UPDATE cards SET active = 0 WHERE customer_id = ?", (customer_id,))
        conn.execute("INSERT INTO cards(customer_id, serial, cell_count, cells_enc, created_at) VALUES (?,?,?,?,?)",
                     (customer_id, serial, len(cells), env.store.seal(json.dumps(cells).encode(), f"card:{serial}"),
                      iso(env.now())))
        env.store.audit(conn, "teller.issue_card", "ok", customer_id=customer_id, card=mask_serial(serial))
        return serial, dict(cells)

    def cells(self, env: ChannelEnv, serial: str) -> dict[int, str]:
        """The printed card (the customer's own copy: demo panel, scripted issuance)."""
        row = env.store.one("SELECT * FROM cards WHERE serial = ?", (serial,))
        if row is None:
            raise E.NoDevice("card")
        return self._cells(env, row)

    @staticmethod
    def _cells(env: ChannelEnv, card) -> dict[int, str]:
        cells = json.loads(env.store.unseal(card["cells_enc"], f"card:{card['serial']}"))
        return {int(k): v for k, v in cells.items()}

    # verification -----------------------------------------------------------------------------------
    def start(self, env: ChannelEnv, s: SessionInfo) -> CardChallenge:
        refusal = None
        with env.store.transaction() as conn:
            card = self.active_device(env, s.customer_id, conn)
            refusal = self.refusal(card)
            if refusal is None:
                first = secrets.randbelow(card["cell_count"]) + 1
                second = first
                while second == first:
                    second = secrets.randbelow(card["cell_count"]) + 1
                env.open_challenge(conn, s, "card", cell_a=first, cell_b=second)
                env.store.audit(conn, "card.challenge", "asked", customer_id=s.customer_id, session_id=s.id,
                                cells=[first, second])
        if refusal is not None:
            raise refusal
        return CardChallenge(channel="card", first=first, second=second,
                             card_serial_masked=mask_serial(card["serial"]))

    def answer(self, env: ChannelEnv, s: SessionInfo, answer: str) -> None:
        """The first two digits of the first cell, then the last two of the second."""
        digits = normalise_code(answer or "")
        if digits is None or len(digits) != 4:
            raise E.InvalidInput("보안카드 번호 4자리 숫자를 입력하세요.", "Enter the 4 security-card digits.")
        with env.store.transaction() as conn:
            card = self.active_device(env, s.customer_id, conn)
            ch = conn.execute("SELECT * FROM challenges WHERE session_id = ? AND kind = 'card' AND status = 'open' "
                              "ORDER BY id DESC LIMIT 1", (s.id,)).fetchone()
            outcome = self.refusal(card) or (E.NoChallenge() if ch is None else None)
            if outcome is None:
                cells = self._cells(env, card)
                if hmac.compare_digest(cells[ch["cell_a"]][:2] + cells[ch["cell_b"]][2:], digits):
                    conn.execute("UPDATE cards SET failures = 0 WHERE id = ?", (card["id"],))
                    env.set_challenge(conn, ch["id"], "done")
                    env.complete(conn, s.id, self.spec)
                    env.store.audit(conn, "card.check", "ok", customer_id=s.customer_id, session_id=s.id)
                else:
                    outcome = _device_failure(conn, env, "cards", card, s, "card", env.config.card_limit)
        if outcome is not None:
            raise outcome


class OtpChannel(DeviceChannel):
    spec = ChannelSpec("otp", MEDIA, Text("OTP", "OTP"), answer_digits=6, needs_start=False, order=2,
                       field="otp_code")
    TABLE = "otp_devices"
    PREFIX = "OTP"               # the serial's letters; also the sealing context of the secret

    def issue(self, env: ChannelEnv, conn, customer_id: int, secret: str | None = None) -> tuple[str, str]:
        """A new token inside the caller's transaction; returns (serial, base32 secret)."""
        return self._issue(env, conn, customer_id, secret)

    def _issue(self, env: ChannelEnv, conn, customer_id: int, secret: str | None, **columns) -> tuple[str, str]:
        secret = secret or pyotp.random_base32()
        serial = self.PREFIX + "".join(str(secrets.randbelow(10)) for _ in range(12 - len(self.PREFIX)))
        names = ", ".join(["customer_id", "serial", "secret_enc", "created_at", *columns])
        conn.execute(f"UPDATE {self.TABLE} SET active = 0 WHERE customer_id = ?", (customer_id,))
        conn.execute(f"INSERT INTO {self.TABLE}({names}) VALUES ({', '.join('?' * (4 + len(columns)))})",
                     (customer_id, serial, env.store.seal(secret.encode("ascii"), self._context(serial)),
                      iso(env.now()), *columns.values()))
        env.store.audit(conn, f"teller.issue_{self.spec.id}", "ok", customer_id=customer_id,
                        device=mask_serial(serial))
        return serial, secret

    def _context(self, serial: str) -> str:
        return f"{self.PREFIX.lower()}:{serial}"

    def _totp(self, env: ChannelEnv, device) -> pyotp.TOTP:
        secret = env.store.unseal(device["secret_enc"], self._context(device["serial"])).decode("ascii")
        return pyotp.TOTP(secret, digits=6, interval=env.config.otp_interval)

    def code_at(self, env: ChannelEnv, serial: str, at: dt.datetime | None = None) -> str:
        """What the token shows at `at` (default: the bank's clock)."""
        row = env.store.one(f"SELECT * FROM {self.TABLE} WHERE serial = ?", (serial,))
        if row is None:
            raise E.NoDevice(self.spec.id)
        return self._totp(env, row).at(at or env.now())

    def start(self, env: ChannelEnv, s: SessionInfo) -> Challenge:
        refusal = self.refusal(self.active_device(env, s.customer_id))
        if refusal is not None:
            raise refusal
        return Challenge(channel=self.spec.id)

    def answer(self, env: ChannelEnv, s: SessionInfo, answer: str) -> None:
        """RFC 6238, 6 digits, 60-second steps; each code (time step) is accepted once."""
        digits = normalise_code(answer or "")
        if digits is None or len(digits) != 6:
            raise E.InvalidInput("OTP 번호 6자리 숫자를 입력하세요.", "Enter the 6-digit OTP code.")
        cfg = env.config
        step_now = int(env.now().timestamp()) // cfg.otp_interval
        outcome = None
        with env.store.transaction() as conn:
            dev = self.active_device(env, s.customer_id, conn)
            outcome = self.refusal(dev)
            if outcome is None:
                totp = self._totp(env, dev)
                matched = None
                for step in range(step_now - cfg.otp_window, step_now + cfg.otp_window + 1):
                    if hmac.compare_digest(totp.generate_otp(step), digits):
                        matched = step
                        if step > dev["last_step"]:
                            break
                if matched is not None and matched > dev["last_step"]:
                    conn.execute(f"UPDATE {self.TABLE} SET last_step = ?, failures = 0 WHERE id = ?",
                                 (matched, dev["id"]))
                    env.complete(conn, s.id, self.spec)
                    env.store.audit(conn, f"{self.spec.id}.check", "ok", customer_id=s.customer_id, session_id=s.id)
                else:
                    outcome = _device_failure(conn, env, self.TABLE, dev, s, self.spec.id, cfg.otp_limit,
                                              replay=matched is not None)
        if outcome is not None:
            raise outcome


class MobileOtpChannel(OtpChannel):
    """모바일 OTP: the same time-based codes, generated by the bank app of the customer's registered
    phone instead of a token (docs/bank-flows.md "모바일 발급"). The teller registers it on that phone;
    its own attempt counter and lock, like the token's."""
    spec = ChannelSpec("mobile_otp", MEDIA, Text("모바일 OTP", "Mobile OTP"), answer_digits=6, needs_start=False,
                       order=3, field="mobile_otp_code")
    TABLE = "mobile_otp_devices"
    PREFIX = "MOTP"

    def issue(self, env: ChannelEnv, conn, customer_id: int, secret: str | None = None,
              phone: str | None = None) -> tuple[str, str]:
        """Registered in the app of `phone` (default: the customer's registered phone)."""
        from ..phones import digits_of
        if phone is None:
            phone = conn.execute("SELECT phone FROM customers WHERE id = ?", (customer_id,)).fetchone()["phone"]
        return self._issue(env, conn, customer_id, secret, phone=digits_of(phone))

    def on_phone(self, env: ChannelEnv, phone: str):
        """The active 모바일 OTP registered in the app of this phone, if any."""
        from ..phones import digits_of
        return env.store.one(f"SELECT * FROM {self.TABLE} WHERE phone = ? AND active = 1 ORDER BY id DESC LIMIT 1",
                             (digits_of(phone),))
