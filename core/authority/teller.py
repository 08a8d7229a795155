"""The bank's back office (teller / admin), on the bank's public interfaces only.

Not part of the client interface (`AuthorityClient`): the `bank` CLI and the teller panel use it to
add customers, unlock, hand out security cards and OTP tokens, revoke at the counter and read the
books. The customers' devices themselves (reading the printed card, the token's code) are in
devices.py.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..i18n import Text
from ..validation.numbers import mask_account, mask_rrn, validate_rrn
from . import errors as E
from . import phones
from .channels import REGISTRY, mask_serial
from .identity import digits_of
from .issuance import serial_key
from .timeutil import iso, kst_today, parse_time

if TYPE_CHECKING:
    from .api import Authority

ACCOUNT = "account"
ACCOUNT_NAME = Text("계좌 비밀번호", "account password")


@dataclass(frozen=True)
class CustomerSummary:
    id: int
    name: str
    rrn_masked: str
    phone: str
    accounts: list[dict]           # number_masked, balance, locked, failures
    card: dict | None              # serial, cells, locked, failures
    otp: dict | None               # serial, locked, failures
    certificates: list[dict] = field(default_factory=list)   # serial, type, status, not_after
    demo_key: str | None = None

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "rrn": self.rrn_masked, "phone": self.phone,
                "accounts": self.accounts, "card": self.card, "otp": self.otp,
                "certificates": self.certificates, "demo_key": self.demo_key}


@dataclass(frozen=True)
class UnlockResult:
    """What the teller found: `unlocked` — what was locked or had failures and is now clear;
    `checked` — what this customer has of what was asked (so a message names only what exists)."""
    customer_id: int
    unlocked: tuple[Text, ...]
    checked: tuple[Text, ...]


class Teller:
    def __init__(self, authority: "Authority"):
        self.a = authority
        self.store = authority.store

    def find_customer(self, ref: str | int) -> int:
        """A customer by id, exact name (when unique), RRN, account number or demo key."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isascii() and ref.isdigit() and len(ref) < 10):
            row = self.store.one("SELECT id FROM customers WHERE id = ?", (int(ref),))
            if row:
                return row["id"]
        text = unicodedata.normalize("NFKC", str(ref)).strip()
        digits = digits_of(text)
        if digits:
            row = self.store.one("SELECT id FROM customers WHERE rrn_mac = ?", (self.store.mac("rrn", digits),))
            if row:
                return row["id"]
            row = self.store.one("SELECT customer_id AS id FROM accounts WHERE number_mac = ?",
                                 (self.store.mac("account", digits),))
            if row:
                return row["id"]
        rows = self.store.all("SELECT id FROM customers WHERE name = ?", (text,))
        if len(rows) == 1:
            return rows[0]["id"]
        row = self.store.one("SELECT id FROM customers WHERE demo_key = ?", (text,))     # `card`, `otp`, …
        if row:
            return row["id"]
        raise E.CustomerNotFound("고객을 찾을 수 없거나 같은 이름의 고객이 여러 명입니다. 고객 번호를 사용하세요.",
                                 "No such customer, or several share the name; use the customer id.")

    def customer_name(self, customer_id: int) -> str:
        row = self.store.one("SELECT name FROM customers WHERE id = ?", (customer_id,))
        if row is None:
            raise E.CustomerNotFound()
        return row["name"]

    # --- customers --------------------------------------------------------------------------------------
    def add_customer(self, *, name: str, rrn: str, phone: str, account: str, account_password: str,
                     balance: int = 0, demo_key: str | None = None, conn=None) -> int:
        """A new customer with one account (inside `conn`'s transaction when given)."""
        name_n = unicodedata.normalize("NFKC", name or "").strip()
        rrn_n, acct, pw, ph = digits_of(rrn), digits_of(account), digits_of(account_password), digits_of(phone)
        problems = []
        if not name_n or len(name_n) > 40:
            problems.append(("이름", "name"))
        if not rrn_n or not validate_rrn(rrn_n, kst_today(self.a.now())).ok:
            problems.append(("주민등록번호", "resident registration number"))
        if not acct or not 10 <= len(acct) <= 14:
            problems.append(("계좌번호(10~14자리)", "account number (10-14 digits)"))
        if not pw or len(pw) != 4:
            problems.append(("계좌 비밀번호(4자리)", "account password (4 digits)"))
        if not ph or not ph.startswith("01") or not 10 <= len(ph) <= 11:
            problems.append(("휴대폰 번호", "mobile number"))
        if balance < 0:
            problems.append(("잔액", "balance"))
        if problems:
            raise E.InvalidInput("형식이 올바르지 않습니다: " + ", ".join(p[0] for p in problems),
                                 "Invalid: " + ", ".join(p[1] for p in problems))
        if conn is None:
            with self.store.transaction() as conn:
                return self._insert_customer(conn, name_n, rrn_n, ph, acct, pw, balance, demo_key)
        return self._insert_customer(conn, name_n, rrn_n, ph, acct, pw, balance, demo_key)

    def _insert_customer(self, conn, name: str, rrn: str, phone: str, account: str, password: str, balance: int,
                         demo_key: str | None) -> int:
        if conn.execute("SELECT 1 FROM customers WHERE rrn_mac = ?", (self.store.mac("rrn", rrn),)).fetchone():
            raise E.InvalidInput("이미 등록된 주민등록번호입니다.", "That resident registration number is already registered.")
        if conn.execute("SELECT 1 FROM accounts WHERE number_mac = ?", (self.store.mac("account", account),)).fetchone():
            raise E.InvalidInput("이미 등록된 계좌번호입니다.", "That account number is already registered.")
        now = iso(self.a.now())
        cid = conn.execute("INSERT INTO customers(name, rrn_mac, rrn_enc, phone, created_at, demo_key) "
                           "VALUES (?,?,?,?,?,?)", (name, self.store.mac("rrn", rrn), b"",
                                                    phones.format_number(phone), now, demo_key)).lastrowid
        conn.execute("UPDATE customers SET rrn_enc = ? WHERE id = ?",
                     (self.store.seal(rrn.encode("ascii"), f"rrn:{cid}"), cid))
        aid = conn.execute("INSERT INTO accounts(customer_id, number_mac, number_enc, password_hash, balance, "
                           "created_at) VALUES (?,?,?,?,?,?)",
                           (cid, self.store.mac("account", account), b"", self.store.vault.hash_password(password),
                            balance, now)).lastrowid
        conn.execute("UPDATE accounts SET number_enc = ? WHERE id = ?",
                     (self.store.seal(account.encode("ascii"), f"account:{aid}"), aid))
        self.store.audit(conn, "teller.add_customer", "ok", customer_id=cid)
        phones.ensure_phone(phone, name, self.a.home)
        return cid

    def identity_of(self, ref: str | int) -> tuple[str, str, str, str]:
        """(name, RRN, account number, phone) of a customer — what the customer would type.

        Back-office only: scripted issuance uses it to play the customer for test certificates."""
        cid = self.find_customer(ref)
        c = self.store.one("SELECT name, phone FROM customers WHERE id = ?", (cid,))
        a = self.store.one("SELECT id FROM accounts WHERE customer_id = ? ORDER BY id LIMIT 1", (cid,))
        if a is None:
            raise E.CustomerNotFound()
        return c["name"], self.a.identity.customer_rrn(cid), self.a.identity.account_number(a["id"]), c["phone"]

    def precheck(self, ref: str | int, operation: str, product_id: str) -> int:
        """Refuse early (before the customer is asked for anything): an existing certificate of that
        kind for `issue`, a locked account, a balance below the fee. Returns the customer id."""
        from .products import product
        cid = self.find_customer(ref)
        self.a.issuance.precheck(cid, operation, product(product_id))
        return cid

    # --- locks and devices ----------------------------------------------------------------------------
    def unlock(self, ref: str | int, factor: str = "all") -> UnlockResult:
        """Reset the failure counters and locks of the account password and/or a channel."""
        channels = REGISTRY.all()
        if factor not in ("all", ACCOUNT, *(c.spec.id for c in channels)):
            raise E.InvalidInput()
        cid = self.find_customer(ref)
        unlocked, checked = [], []
        with self.store.transaction() as conn:
            if factor in ("all", ACCOUNT):
                checked.append(ACCOUNT_NAME)
                cur = conn.execute("UPDATE accounts SET failures = 0, locked = 0 WHERE customer_id = ? "
                                   "AND (failures > 0 OR locked = 1)", (cid,))
                if cur.rowcount:
                    unlocked.append(ACCOUNT_NAME)
            for ch in channels:
                if factor not in ("all", ch.spec.id):
                    continue
                if ch.available(self.a.channel_env, cid):
                    checked.append(ch.spec.label)
                if ch.unlock(self.a.channel_env, conn, cid):
                    unlocked.append(ch.spec.label)
            self.store.audit(conn, "teller.unlock", "ok", customer_id=cid, factor=factor,
                             unlocked=[t.en for t in unlocked])
        return UnlockResult(cid, tuple(unlocked), tuple(checked))

    def lock_account(self, ref: str | int, conn=None) -> int:
        cid = self.find_customer(ref)

        def lock(c):
            c.execute("UPDATE accounts SET locked = 1, failures = ? WHERE customer_id = ?",
                      (self.a.config.account_password_limit, cid))
            self.store.audit(c, "teller.lock", "ok", customer_id=cid)
        if conn is not None:
            lock(conn)
        else:
            with self.store.transaction() as c:
                lock(c)
        return cid

    def issue_card(self, ref: str | int, *, cells: dict[int, str] | None = None, count: int | None = None,
                   conn=None) -> tuple[str, dict[int, str]]:
        """A new security card (30–35 random cells of 4 digits); the previous card stops working."""
        cid = self.find_customer(ref)
        card = REGISTRY.get("card")
        if conn is not None:
            return card.issue(self.a.channel_env, conn, cid, cells, count)
        with self.store.transaction() as c:
            return card.issue(self.a.channel_env, c, cid, cells, count)

    def issue_otp(self, ref: str | int, *, secret: str | None = None, conn=None) -> tuple[str, str]:
        """A new OTP device; returns (serial, base32 secret) — the secret is what the token holds."""
        cid = self.find_customer(ref)
        otp = REGISTRY.get("otp")
        if conn is not None:
            return otp.issue(self.a.channel_env, conn, cid, secret)
        with self.store.transaction() as c:
            return otp.issue(self.a.channel_env, c, cid, secret)

    def issue_mobile_otp(self, ref: str | int, *, phone: str | None = None, conn=None) -> str:
        """A 모바일 OTP in the bank app of `phone` (default: the customer's registered phone); the
        serial. The app shows the codes; the previous 모바일 OTP stops working."""
        cid = self.find_customer(ref)
        channel = REGISTRY.get("mobile_otp")
        if conn is not None:
            return channel.issue(self.a.channel_env, conn, cid, phone=phone)[0]
        with self.store.transaction() as c:
            return channel.issue(self.a.channel_env, c, cid, phone=phone)[0]

    # --- certificates and money -----------------------------------------------------------------------
    def revoke(self, serial: str | int, reason: str = "unspecified") -> None:
        """Revoke an active certificate at the counter (the customer identified in person).

        `serial` is the hex serial as listed by `certificates()` (or an int). The CRL is regenerated."""
        key = serial_key(serial) if isinstance(serial, int) else str(serial).strip().lower()
        with self.store.transaction() as conn:      # a 금융인증서's key goes with it (docs/bank-flows.md "금융인증서")
            self.a.issuance.revoke_serial(key, reason, "teller.revoke")
            conn.execute("DELETE FROM cloud_keys WHERE serial = ?", (key,))

    def set_balance(self, ref: str | int, balance: int) -> None:
        cid = self.find_customer(ref)
        with self.store.transaction() as conn:
            conn.execute("UPDATE accounts SET balance = ? WHERE customer_id = ?", (balance, cid))
            self.store.audit(conn, "teller.set_balance", "ok", customer_id=cid)

    # --- the books ------------------------------------------------------------------------------------
    def customers(self) -> list[CustomerSummary]:
        out = []
        now = self.a.now()
        env = self.a.channel_env
        card_ch, otp_ch = REGISTRY.get("card"), REGISTRY.get("otp")
        for c in self.store.all("SELECT * FROM customers ORDER BY id"):
            accounts = [{"number": mask_account(self.a.identity.account_number(a["id"])), "balance": a["balance"],
                         "locked": bool(a["locked"]), "failures": a["failures"]}
                        for a in self.store.all("SELECT * FROM accounts WHERE customer_id = ? ORDER BY id", (c["id"],))]
            card = card_ch.active_device(env, c["id"])
            otp = otp_ch.active_device(env, c["id"])
            certs = []
            for r in self.store.all("SELECT serial, cert_type, status, not_after FROM certificates WHERE customer_id = ? "
                                    "ORDER BY created_at", (c["id"],)):
                status = r["status"]
                if status == "active" and parse_time(r["not_after"]) < now:
                    status = "expired"
                certs.append({"serial": r["serial"], "type": r["cert_type"], "status": status,
                              "not_after": r["not_after"]})
            out.append(CustomerSummary(
                c["id"], c["name"], mask_rrn(self.a.identity.customer_rrn(c["id"])), c["phone"], accounts,
                {"serial": card["serial"], "cells": card["cell_count"], "locked": bool(card["locked"]),
                 "failures": card["failures"]} if card else None,
                {"serial": otp["serial"], "locked": bool(otp["locked"]), "failures": otp["failures"]} if otp else None,
                certs, c["demo_key"]))
        return out

    def certificates(self) -> list[dict]:
        return [{"serial": r["serial"], "customer_id": r["customer_id"], "type": r["cert_type"], "status": r["status"],
                 "operation": r["operation"], "not_before": r["not_before"], "not_after": r["not_after"],
                 "subject": r["subject"]}
                for r in self.store.all("SELECT * FROM certificates ORDER BY created_at")]

    def audit(self, limit: int = 100) -> list[dict]:
        rows = self.store.all("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
        return [{"id": r["id"], "at": r["at"], "customer_id": r["customer_id"], "session_id": r["session_id"],
                 "action": r["action"], "outcome": r["outcome"],
                 "detail": json.loads(r["detail"]) if r["detail"] else None} for r in reversed(rows)]

    def ledger(self, ref: str | int) -> list[dict]:
        cid = self.find_customer(ref)
        return [dict(r) for r in self.store.all(
            "SELECT l.amount, l.memo, l.serial, l.at FROM ledger l JOIN accounts a ON a.id = l.account_id "
            "WHERE a.customer_id = ? ORDER BY l.id", (cid,))]


__all__ = ["CustomerSummary", "Teller", "UnlockResult", "mask_serial"]
