"""The bank's back office (teller / admin) and the customers' simulated devices.

Neither is part of the client interface (`AuthorityClient`): the teller surface is for the `bank` CLI
and an admin panel; `SimulatedDevices` stands for the printed security card and the OTP token a
customer holds, so the demo help panel and scripted issuance can read them.
"""
from __future__ import annotations

import datetime as dt
import json
import secrets
import unicodedata
from dataclasses import dataclass, field

import pyotp

from . import errors as E
from . import phones
from .api import Authority, _iso, _t, ascii_digits, mask_account, mask_rrn
from .secrets_store import hash_password


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


def _valid_rrn(rrn: str) -> bool:
    """13 digits, a real date in the century named by the 7th digit (check digit is not enforced)."""
    if len(rrn) != 13:
        return False
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000,
               "9": 1800, "0": 1800}[rrn[6]]
    try:
        dt.date(century + int(rrn[:2]), int(rrn[2:4]), int(rrn[4:6]))
    except ValueError:
        return False
    return True


class Teller:
    def __init__(self, authority: Authority):
        self.a = authority
        self.db = authority.db
        self.vault = authority._vault

    def find_customer(self, ref: str | int) -> int:
        """A customer by id, exact name (when unique), RRN or account number."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isascii() and ref.isdigit() and len(ref) < 10):
            row = self.db.one("SELECT id FROM customers WHERE id = ?", (int(ref),))
            if row:
                return row["id"]
        text = unicodedata.normalize("NFKC", str(ref)).strip()
        digits = ascii_digits(text, allow_separators=True)
        if digits:
            row = self.db.one("SELECT id FROM customers WHERE rrn_mac = ?", (self.vault.mac("rrn", digits),))
            if row:
                return row["id"]
            row = self.db.one("SELECT customer_id AS id FROM accounts WHERE number_mac = ?",
                              (self.vault.mac("account", digits),))
            if row:
                return row["id"]
        rows = self.db.all("SELECT id FROM customers WHERE name = ?", (text,))
        if len(rows) == 1:
            return rows[0]["id"]
        raise E.CustomerNotFound("고객을 찾을 수 없거나 같은 이름의 고객이 여러 명입니다. 고객 번호를 사용하세요.",
                                 "No such customer, or several share the name; use the customer id.")

    def add_customer(self, *, name: str, rrn: str, phone: str, account: str, account_password: str,
                     balance: int = 0, demo_key: str | None = None) -> int:
        name_n = unicodedata.normalize("NFKC", name or "").strip()
        rrn_n = ascii_digits(rrn or "", allow_separators=True)
        acct = ascii_digits(account or "", allow_separators=True)
        pw = ascii_digits(account_password or "")
        ph = ascii_digits(phone or "", allow_separators=True)
        problems = []
        if not name_n or len(name_n) > 40:
            problems.append(("이름", "name"))
        if not rrn_n or not _valid_rrn(rrn_n):
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
        if self.db.one("SELECT 1 FROM customers WHERE rrn_mac = ?", (self.vault.mac("rrn", rrn_n),)):
            raise E.InvalidInput("이미 등록된 주민등록번호입니다.", "That resident registration number is already registered.")
        if self.db.one("SELECT 1 FROM accounts WHERE number_mac = ?", (self.vault.mac("account", acct),)):
            raise E.InvalidInput("이미 등록된 계좌번호입니다.", "That account number is already registered.")
        pw_hash = hash_password(pw, n=self.a.config.scrypt_n)
        now = _iso(self.a.now())
        with self.db.transaction() as conn:
            cid = conn.execute("INSERT INTO customers(name, rrn_mac, rrn_enc, phone, created_at, demo_key) "
                               "VALUES (?,?,?,?,?,?)", (name_n, self.vault.mac("rrn", rrn_n), b"", phones.format_number(ph),
                                                        now, demo_key)).lastrowid
            conn.execute("UPDATE customers SET rrn_enc = ? WHERE id = ?",
                         (self.vault.seal(rrn_n.encode("ascii"), f"rrn:{cid}"), cid))
            aid = conn.execute("INSERT INTO accounts(customer_id, number_mac, number_enc, password_hash, balance, "
                               "created_at) VALUES (?,?,?,?,?,?)",
                               (cid, self.vault.mac("account", acct), b"", pw_hash, balance, now)).lastrowid
            conn.execute("UPDATE accounts SET number_enc = ? WHERE id = ?",
                         (self.vault.seal(acct.encode("ascii"), f"account:{aid}"), aid))
            self.a._audit(conn, "teller.add_customer", "ok", customer_id=cid)
            phones.ensure_phone(ph, name_n, self.a.home)
        return cid

    def _account_number(self, row) -> str:
        return self.vault.open(row["number_enc"], f"account:{row['id']}").decode("ascii")

    def unlock(self, ref: str | int, factor: str = "all") -> int:
        """Reset the failure counters and lock of the account password, card and/or OTP device."""
        if factor not in ("all", "account", "card", "otp"):
            raise E.InvalidInput()
        cid = self.find_customer(ref)
        with self.db.transaction() as conn:
            if factor in ("all", "account"):
                conn.execute("UPDATE accounts SET failures = 0, locked = 0 WHERE customer_id = ?", (cid,))
            if factor in ("all", "card"):
                conn.execute("UPDATE cards SET failures = 0, locked = 0 WHERE customer_id = ?", (cid,))
            if factor in ("all", "otp"):
                conn.execute("UPDATE otp_devices SET failures = 0, locked = 0 WHERE customer_id = ?", (cid,))
            self.a._audit(conn, "teller.unlock", "ok", customer_id=cid, factor=factor)
        return cid

    def lock_account(self, ref: str | int) -> int:
        cid = self.find_customer(ref)
        with self.db.transaction() as conn:
            conn.execute("UPDATE accounts SET locked = 1, failures = ? WHERE customer_id = ?",
                         (self.a.config.account_password_limit, cid))
            self.a._audit(conn, "teller.lock", "ok", customer_id=cid)
        return cid

    def issue_card(self, ref: str | int, *, cells: dict[int, str] | None = None,
                   count: int | None = None) -> tuple[str, dict[int, str]]:
        """A new security card (30–35 cells of 4 digits); the customer's previous card stops working."""
        cid = self.find_customer(ref)
        if cells is None:
            count = count or 30 + secrets.randbelow(6)
            if not 30 <= count <= 35:
                raise E.InvalidInput()
            cells = {i: f"{secrets.randbelow(10000):04d}" for i in range(1, count + 1)}
        if not 30 <= len(cells) <= 35 or sorted(cells) != list(range(1, len(cells) + 1)) or \
                not all(len(v) == 4 and v.isascii() and v.isdigit() for v in cells.values()):
            raise E.InvalidInput()
        serial = "SC" + "".join(str(secrets.randbelow(10)) for _ in range(10))
        with self.db.transaction() as conn:
            conn.execute("UPDATE cards SET active = 0 WHERE customer_id = ?", (cid,))
            conn.execute("INSERT INTO cards(customer_id, serial, cell_count, cells_enc, created_at) VALUES (?,?,?,?,?)",
                         (cid, serial, len(cells), self.vault.seal(json.dumps(cells).encode(), f"card:{serial}"),
                          _iso(self.a.now())))
            self.a._audit(conn, "teller.issue_card", "ok", customer_id=cid, card=serial)
        return serial, dict(cells)

    def issue_otp(self, ref: str | int, *, secret: str | None = None) -> tuple[str, str]:
        """A new OTP device; returns (serial, base32 secret) — the secret is what the token holds."""
        cid = self.find_customer(ref)
        secret = secret or pyotp.random_base32()
        serial = "OTP" + "".join(str(secrets.randbelow(10)) for _ in range(9))
        with self.db.transaction() as conn:
            conn.execute("UPDATE otp_devices SET active = 0 WHERE customer_id = ?", (cid,))
            conn.execute("INSERT INTO otp_devices(customer_id, serial, secret_enc, created_at) VALUES (?,?,?,?)",
                         (cid, serial, self.vault.seal(secret.encode("ascii"), f"otp:{serial}"), _iso(self.a.now())))
            self.a._audit(conn, "teller.issue_otp", "ok", customer_id=cid, otp=serial)
        return serial, secret

    def revoke(self, serial: str | int, reason: str = "unspecified") -> None:
        """Revoke an active certificate at the counter (the customer identified in person).

        `serial` is the hex serial as listed by `certificates()` (or an int). The CRL is regenerated."""
        key = format(serial, "x") if isinstance(serial, int) else str(serial).strip().lower()
        if reason not in ("unspecified", "key_compromise", "affiliation_changed", "superseded",
                          "cessation_of_operation"):
            raise E.InvalidInput()
        row = self.db.one("SELECT serial, customer_id, status FROM certificates WHERE serial = ?", (key,))
        if row is None:
            raise E.CertificateUnknown()
        if row["status"] != "active":
            raise E.NotActive(row["status"])
        with self.db.transaction() as conn:
            conn.execute("UPDATE certificates SET status = 'revoked', ended_at = ?, end_reason = ? WHERE serial = ?",
                         (_iso(self.a.now()), reason, key))
            self.a._audit(conn, "teller.revoke", "revoked", customer_id=row["customer_id"], serial=key, reason=reason)
            self.a._regenerate_crl()

    def set_balance(self, ref: str | int, balance: int) -> None:
        cid = self.find_customer(ref)
        with self.db.transaction() as conn:
            conn.execute("UPDATE accounts SET balance = ? WHERE customer_id = ?", (balance, cid))
            self.a._audit(conn, "teller.set_balance", "ok", customer_id=cid)

    def identity_of(self, ref: str | int) -> tuple[str, str, str, str]:
        """(name, RRN, account number, phone) of a customer — what the customer would type.

        Back-office only: scripted issuance uses it to play the customer for test certificates."""
        cid = self.find_customer(ref)
        c = self.db.one("SELECT * FROM customers WHERE id = ?", (cid,))
        a = self.db.one("SELECT * FROM accounts WHERE customer_id = ? ORDER BY id LIMIT 1", (cid,))
        if a is None:
            raise E.CustomerNotFound()
        rrn = self.vault.open(c["rrn_enc"], f"rrn:{cid}").decode("ascii")
        return c["name"], rrn, self._account_number(a), c["phone"]

    def customers(self) -> list[CustomerSummary]:
        out = []
        now = self.a.now()
        for c in self.db.all("SELECT * FROM customers ORDER BY id"):
            rrn = self.vault.open(c["rrn_enc"], f"rrn:{c['id']}").decode("ascii")
            accounts = [{"number": mask_account(self._account_number(a)), "balance": a["balance"],
                         "locked": bool(a["locked"]), "failures": a["failures"]}
                        for a in self.db.all("SELECT * FROM accounts WHERE customer_id = ? ORDER BY id", (c["id"],))]
            card = self.db.one("SELECT * FROM cards WHERE customer_id = ? AND active = 1", (c["id"],))
            otp = self.db.one("SELECT * FROM otp_devices WHERE customer_id = ? AND active = 1", (c["id"],))
            certs = []
            for r in self.db.all("SELECT serial, cert_type, status, not_after FROM certificates WHERE customer_id = ? "
                                 "ORDER BY created_at", (c["id"],)):
                status = r["status"]
                if status == "active" and _t(r["not_after"]) < now:
                    status = "expired"
                certs.append({"serial": r["serial"], "type": r["cert_type"], "status": status,
                              "not_after": r["not_after"]})
            out.append(CustomerSummary(
                c["id"], c["name"], mask_rrn(rrn), c["phone"], accounts,
                {"serial": card["serial"], "cells": card["cell_count"], "locked": bool(card["locked"]),
                 "failures": card["failures"]} if card else None,
                {"serial": otp["serial"], "locked": bool(otp["locked"]), "failures": otp["failures"]} if otp else None,
                certs, c["demo_key"]))
        return out

    def certificates(self) -> list[dict]:
        return [{"serial": r["serial"], "customer_id": r["customer_id"], "type": r["cert_type"], "status": r["status"],
                 "operation": r["operation"], "not_before": r["not_before"], "not_after": r["not_after"],
                 "subject": r["subject"]}
                for r in self.db.all("SELECT * FROM certificates ORDER BY created_at")]

    def audit(self, limit: int = 100) -> list[dict]:
        rows = self.db.all("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
        return [{"id": r["id"], "at": r["at"], "customer_id": r["customer_id"], "session_id": r["session_id"],
                 "action": r["action"], "outcome": r["outcome"],
                 "detail": json.loads(r["detail"]) if r["detail"] else None} for r in reversed(rows)]

    def ledger(self, ref: str | int) -> list[dict]:
        cid = self.find_customer(ref)
        return [dict(r) for r in self.db.all(
            "SELECT l.amount, l.memo, l.serial, l.at FROM ledger l JOIN accounts a ON a.id = l.account_id "
            "WHERE a.customer_id = ? ORDER BY l.id", (cid,))]


class SimulatedDevices:
    """The customers' physical devices, simulated: read a security card, show an OTP token's code."""

    def __init__(self, authority: Authority):
        self.a = authority

    def card_cells(self, serial: str) -> dict[int, str]:
        row = self.a.db.one("SELECT * FROM cards WHERE serial = ?", (serial,))
        if row is None:
            raise E.NoDevice("card")
        return self.a._card_cells(row)

    def card_answer(self, serial: str, first: int, second: int) -> str:
        cells = self.card_cells(serial)
        return cells[first][:2] + cells[second][2:]

    def otp_code(self, serial: str, at: dt.datetime | None = None) -> str:
        """What the OTP token shows at `at` (default: the authority's clock)."""
        row = self.a.db.one("SELECT * FROM otp_devices WHERE serial = ?", (serial,))
        if row is None:
            raise E.NoDevice("otp")
        return self.a._totp(row).at(at or self.a.now())

    def card_serial_of(self, ref: str | int) -> str | None:
        cid = self.a.teller().find_customer(ref)
        row = self.a.db.one("SELECT serial FROM cards WHERE customer_id = ? AND active = 1", (cid,))
        return row["serial"] if row else None

    def otp_serial_of(self, ref: str | int) -> str | None:
        cid = self.a.teller().find_customer(ref)
        row = self.a.db.one("SELECT serial FROM otp_devices WHERE customer_id = ? AND active = 1", (cid,))
        return row["serial"] if row else None
