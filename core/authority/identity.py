"""STEP 1 and 2 at the bank: who is the customer (name, 주민등록번호, account, account password),
the identity session that later steps refer to, and the terms agreement (docs/bank-flows.md "Issuance in four steps").

Every check-then-act is one `BEGIN IMMEDIATE` transaction: the account-password check reads the
failure counter, compares, and counts in one go, so a parallel burst of wrong passwords is checked
one at a time and stops at the limit; once locked, the right password is refused too.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping

from ..validation.numbers import normalise_code
from . import errors as E
from . import phones
from .channels import REGISTRY, ChannelEnv, SessionInfo
from .terms import Terms, load_terms
from .timeutil import iso, parse_time


@dataclass(frozen=True)
class Session:
    """Proof that STEP 1 succeeded; pass it to the later steps. Holds no secrets but the token."""
    token: str = field(repr=False)
    customer_name: str
    phone_masked: str
    channels: tuple[str, ...]          # the channels this customer can use (devices they hold)
    expires_at: dt.datetime

    @property
    def has_card(self) -> bool:
        return "card" in self.channels

    @property
    def has_otp(self) -> bool:
        return "otp" in self.channels


@dataclass(frozen=True)
class SessionStatus:
    terms_ok: bool
    first_factor: str | None     # the channel that satisfied the phone factor
    second_factor: str | None    # … and the security-media factor

    @property
    def complete(self) -> bool:
        return self.terms_ok and bool(self.first_factor) and bool(self.second_factor)


def token_of(session: Session | str) -> str:
    token = session.token if isinstance(session, Session) else session
    if not isinstance(token, str):
        raise E.SessionInvalid()
    return token


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def digits_of(value: str | None) -> str | None:
    """NFKC, separators removed, ASCII digits only — else None."""
    return normalise_code(value) if isinstance(value, str) else None


class Identity:
    def __init__(self, store, env: ChannelEnv):
        self.store = store
        self.env = env

    @property
    def config(self):
        return self.env.config

    # customers ---------------------------------------------------------------------------------------
    def customer_rrn(self, customer_id: int) -> str:
        row = self.store.one("SELECT rrn_enc FROM customers WHERE id = ?", (customer_id,))
        if row is None:
            raise E.CustomerNotFound()
        return self.store.unseal(row["rrn_enc"], f"rrn:{customer_id}").decode("ascii")

    def account_number(self, account_id: int) -> str:
        row = self.store.one("SELECT number_enc FROM accounts WHERE id = ?", (account_id,))
        return self.store.unseal(row["number_enc"], f"account:{account_id}").decode("ascii")

    def customer_channels(self, customer_id: int) -> tuple[str, ...]:
        return tuple(c.spec.id for c in REGISTRY.all() if c.available(self.env, customer_id))

    # STEP 1 -----------------------------------------------------------------------------------------
    def verify_customer(self, name: str, rrn: str, account: str, account_password: str) -> Session:
        """Name + RRN + account number + 4-digit account password → a session."""
        name_n = unicodedata.normalize("NFKC", name or "").strip() if isinstance(name, str) else ""
        rrn_n, acct_n, pw_n = digits_of(rrn), digits_of(account), digits_of(account_password)
        if not name_n or not rrn_n or len(rrn_n) != 13 or not acct_n or not 10 <= len(acct_n) <= 14 \
                or not pw_n or len(pw_n) != 4:
            raise E.InvalidInput()
        limit = self.config.account_password_limit
        token = secrets.token_urlsafe(32)
        now = self.store.now()
        expires = now + dt.timedelta(seconds=self.config.session_ttl)
        outcome, row = None, None
        with self.store.transaction() as conn:
            row = conn.execute(
                "SELECT a.id AS account_id, a.password_hash, a.locked, a.failures, c.id AS customer_id, c.name, "
                "c.rrn_mac, c.phone FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE a.number_mac = ?",
                (self.store.mac("account", acct_n),)).fetchone()
            if row is None or not hmac.compare_digest(row["rrn_mac"], self.store.mac("rrn", rrn_n)) \
                    or row["name"] != name_n:
                self.store.audit(conn, "verify_customer", "no_match")
                outcome = E.CustomerNotFound()
            elif row["locked"]:
                self.store.audit(conn, "verify_customer", "locked", customer_id=row["customer_id"])
                outcome = E.AccountLocked()
            else:
                cid, aid = row["customer_id"], row["account_id"]
                ok, rehash = self.store.vault.check_password(pw_n, row["password_hash"])
                if not ok:
                    failures = row["failures"] + 1
                    locked = failures >= limit
                    conn.execute("UPDATE accounts SET failures = ?, locked = ? WHERE id = ?",
                                 (failures, int(locked), aid))
                    self.store.audit(conn, "verify_customer", "locked_now" if locked else "wrong_password",
                                     customer_id=cid, failures=failures)
                    outcome = E.AccountLocked() if locked else E.WrongAccountPassword(limit - failures)
                else:
                    conn.execute("UPDATE accounts SET failures = 0 WHERE id = ?", (aid,))
                    if rehash:
                        conn.execute("UPDATE accounts SET password_hash = ? WHERE id = ?",
                                     (self.store.vault.hash_password(pw_n), aid))
                    cur = conn.execute("INSERT INTO sessions(token_hash, customer_id, account_id, created_at, expires_at) "
                                       "VALUES (?,?,?,?,?)", (_token_hash(token), cid, aid, iso(now), iso(expires)))
                    self.store.audit(conn, "verify_customer", "ok", customer_id=cid, session_id=cur.lastrowid)
        if outcome is not None:
            raise outcome
        return Session(token, row["name"], phones.mask_number(row["phone"]),
                       self.customer_channels(row["customer_id"]), expires)

    def session(self, session: Session | str) -> SessionInfo:
        """The live session (expired, unknown and locked-account sessions are refused)."""
        row = self.store.one(
            "SELECT s.*, c.phone, c.name, a.locked FROM sessions s JOIN customers c ON c.id = s.customer_id "
            "JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?", (_token_hash(token_of(session)),))
        if row is None or self.store.now() >= parse_time(row["expires_at"]):
            raise E.SessionInvalid()
        if row["locked"]:
            raise E.AccountLocked()
        return SessionInfo(row["id"], row["customer_id"], row["account_id"], row["name"], row["phone"],
                           bool(row["terms_ok"]), row["first_factor"], row["second_factor"])

    def status(self, session: Session | str) -> SessionStatus:
        s = self.session(session)
        return SessionStatus(s.terms_ok, s.first_factor, s.second_factor)

    def end(self, session: Session | str) -> None:
        """Forget the session (Cancel, or after the flow's last step)."""
        try:
            s = self.session(session)
        except E.AuthorityError:
            return
        with self.store.transaction() as conn:
            conn.execute("UPDATE sessions SET expires_at = ? WHERE id = ?", (iso(self.store.now()), s.id))
            self.store.audit(conn, "session.end", "ok", customer_id=s.customer_id, session_id=s.id)

    @staticmethod
    def require_complete(s: SessionInfo) -> None:
        if not s.terms_ok:
            raise E.StepMissing("terms")
        if not s.first_factor:
            raise E.StepMissing("first_factor")
        if not s.second_factor:
            raise E.StepMissing("second_factor")

    # STEP 2 -----------------------------------------------------------------------------------------
    @staticmethod
    def terms() -> list[Terms]:
        return list(load_terms())

    def agree_terms(self, session: Session | str, agreed: Mapping[str, str]) -> None:
        """`agreed` maps terms id → the version the customer saw and agreed to."""
        s = self.session(session)
        current = self.terms()
        missing = [t.id for t in current if t.required and agreed.get(t.id) != t.version]
        if missing:
            self.store.record("agree_terms", "missing", customer_id=s.customer_id, session_id=s.id, missing=missing)
            raise E.TermsNotAgreed(missing)
        now = iso(self.store.now())
        with self.store.transaction() as conn:
            for t in current:
                if agreed.get(t.id) == t.version:
                    conn.execute("INSERT INTO terms_agreements(customer_id, session_id, terms_id, version, agreed_at) "
                                 "VALUES (?,?,?,?,?)", (s.customer_id, s.id, t.id, t.version, now))
            conn.execute("UPDATE sessions SET terms_ok = 1 WHERE id = ?", (s.id,))
            self.store.audit(conn, "agree_terms", "ok", customer_id=s.customer_id, session_id=s.id,
                             versions={t.id: t.version for t in current if agreed.get(t.id) == t.version})


__all__ = ["Identity", "Session", "SessionStatus", "digits_of", "token_of"]
