"""Demo customers seeded on the bank's first start (docs/bank-flows.md "Demo data").

Every value a newcomer needs to finish each flow is in `DEMO_CUSTOMERS` (fixed) and, for the
per-installation parts (security-card cells, the OTP token's current code, the demo certificates'
folders), in `demo_info(authority)` — the source of the GUI's "demo customers" help panel and of
`python main.py bank demo`.

Exactly once, whatever is killed when (docs/bank-core.md "First start"): the customers, their
devices, the two demo certificates AND an outbox of what still has to happen outside the database
(write each demo certificate folder, list the demo folder as a storage) are created in ONE
transaction that also marks the bank as seeded. The outbox is then delivered; each item is
idempotent and deleted only after it took effect, so a start after a kill delivers what is left and
nothing twice.

All names, RRNs, accounts and phone numbers are fictitious. The two demo certificates (expiring in
under 30 days / already expired) carry `DEMO_CERT_PASSWORD`.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.serialization import Encoding

from ..locations import npki_root
from ..npki import builder, keyfile, policies
from ..npki.certfolder import SIGN_CERT, SIGN_KEY
from ..npki.foldername import safe_folder_name
from . import ca as ca_mod
from .issuance import DEMO
from .timeutil import iso, kst_today, one_year_before

if TYPE_CHECKING:
    from .api import Authority

DEMO_CERT_PASSWORD = "Dojang#demo24"
EXPIRING_IN_DAYS = 20
EXPIRED_DAYS_AGO = 10
SEEDED = "demo_seeded"


def rrn_with_check(first12: str) -> str:
    """Append the (pre-2020) check digit so the fictitious RRNs also pass old validators."""
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    s = sum(int(d) * w for d, w in zip(first12, weights))
    return first12 + str((11 - s % 11) % 10)


@dataclass(frozen=True)
class DemoCustomer:
    key: str
    name: str
    rrn: str                 # 13 digits
    account: str             # digits
    account_password: str
    phone: str
    balance: int
    device: str              # "card" or "otp"
    certificate: str | None  # None, "expiring" or "expired"
    locked: bool
    note_ko: str
    note_en: str


DEMO_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer("card", "김보안", rrn_with_check("850315123456"), "100212345678", "2580", "010-2222-3333",
                 500_000, "card", None, False,
                 "보안카드 고객. 일반용·범용 발급, ARS/SMS 인증을 모두 해볼 수 있습니다.",
                 "Security-card customer: try issuing either type, with ARS or SMS."),
    DemoCustomer("otp", "이오티", rrn_with_check("920704234567"), "333301234567", "1357", "010-4444-5555",
                 300_000, "otp", None, False,
                 "OTP 고객. 지금의 OTP 번호는 'OTP 보기'(발급 마법사에서는 'OTP 발생기 보기 (모의)')를 누르면 보입니다.",
                 "OTP customer: press 'Show OTP' (in the issuance wizard: 'Show OTP device (simulated)') to see the current code."),
    DemoCustomer("locked", "박잠금", rrn_with_check("780212134567"), "110098765432", "4826", "010-6666-7777",
                 200_000, "card", None, True,
                 "계좌 비밀번호 오류로 잠긴 계좌. 도구 > 은행 창구에서 잠금을 해제해 보세요 (명령줄: python main.py bank unlock 박잠금).",
                 "Account locked after wrong passwords; unlock it in Tools > Teller or with 'python main.py bank unlock 박잠금'."),
    DemoCustomer("expiring", "최갱신", rrn_with_check("010525345678"), "220011112222", "7391", "010-8888-9999",
                 150_000, "card", "expiring", False,
                 f"만료 {EXPIRING_IN_DAYS}일 전인 데모 인증서가 있습니다: 갱신을 해보세요.",
                 f"Has a demo certificate expiring in {EXPIRING_IN_DAYS} days: try renewal."),
    DemoCustomer("expired", "정만료", rrn_with_check("670909256789"), "440022223333", "6024", "010-3030-4040",
                 100_000, "otp", "expired", False,
                 "이미 만료된 데모 인증서가 있습니다: 재발급을 해보세요.",
                 "Has an expired demo certificate: try reissue."),
    DemoCustomer("low-balance", "한잔고", rrn_with_check("950101167890"), "550033334444", "8462", "010-5050-6060",
                 1_000, "card", None, False,
                 "잔액 1,000원: 범용(4,400원)은 잔액 부족으로 거절되고 일반용은 발급됩니다.",
                 "Balance 1,000 KRW: general purpose (4,400 KRW) is refused, banking is free."),
)

DEMO_FOLDER = "demo-certificates"
CERT_FOLDER, STORAGE_FOLDER = "cert_folder", "storage_folder"     # outbox kinds


def demo_folder(authority: "Authority") -> Path | None:
    """Where the demo customers' certificates live, when not on the hard disk: a folder of Dojang's
    own, listed as an added folder. None in a sandbox (DOJANG_NPKI_ROOT set: that hard disk is
    itself a throw-away folder, and the demo certificates go there)."""
    return None if os.environ.get("DOJANG_NPKI_ROOT") else authority.home / DEMO_FOLDER


def demo_npki_root(authority: "Authority") -> Path:
    # Never the user's real NPKI folder: other banking software reads it and would list the
    # test certificates (an expired one among them) as the user's own.
    folder = demo_folder(authority)
    return npki_root() if folder is None else folder / "NPKI"


def seed_demo(authority: "Authority") -> bool:
    """Create the demo customers once and deliver what is owed outside the database; True when this
    call created them. The caller holds the bank's open lock."""
    created = False
    if authority.store.meta(SEEDED) is None:
        _create(authority)
        created = True
    deliver_outbox(authority)
    return created


def _create(authority: "Authority") -> None:
    store, teller = authority.store, authority.teller()
    certs = [(c, authority.key_factory(), builder.new_random_num()) for c in DEMO_CUSTOMERS if c.certificate]
    with store.transaction() as conn:
        for c in DEMO_CUSTOMERS:
            cid = teller.add_customer(name=c.name, rrn=c.rrn, phone=c.phone, account=c.account,
                                      account_password=c.account_password, balance=c.balance, demo_key=c.key,
                                      conn=conn)
            if c.device == "card":
                teller.issue_card(cid, conn=conn)      # random cells, like any card the teller hands out
            else:
                teller.issue_otp(cid, conn=conn)
            if c.locked:
                teller.lock_account(cid, conn=conn)
        user_dir = demo_npki_root(authority) / ca_mod.CA_ORG / "USER"
        for c, key, r in certs:
            cid = teller.find_customer(c.rrn)
            aid = conn.execute("SELECT id FROM accounts WHERE customer_id = ?", (cid,)).fetchone()["id"]
            today = kst_today(authority.now())
            end = today + dt.timedelta(days=EXPIRING_IN_DAYS) if c.certificate == "expiring" \
                else today - dt.timedelta(days=EXPIRED_DAYS_AGO)
            cert = authority.issuance.issue_now(conn, customer_id=cid, account_id=aid, product_id=policies.BANKING,
                                                public_key=key.public_key(), r=r, start=one_year_before(end))
            files = {SIGN_CERT: cert.public_bytes(Encoding.DER),
                     SIGN_KEY: keyfile.encrypt_key(keyfile.build_private_key_info(key, r), DEMO_CERT_PASSWORD, "A")}
            _owe(authority, conn, CERT_FOLDER, str(user_dir), {
                "name": safe_folder_name(cert.subject),
                "files": {n: base64.b64encode(d).decode("ascii") for n, d in files.items()}})
        folder = demo_folder(authority)
        if folder is not None:
            _owe(authority, conn, STORAGE_FOLDER, str(folder), {})
        store.set_meta(conn, SEEDED, iso(authority.now()))


def _owe(authority: "Authority", conn, kind: str, target: str, payload: dict) -> None:
    sealed = authority.store.seal(json.dumps(payload).encode("utf-8"), f"outbox:{kind}:{target}")
    conn.execute("INSERT INTO outbox(kind, target, payload, created_at) VALUES (?,?,?,?)",
                 (kind, target, sealed, iso(authority.now())))


def deliver_outbox(authority: "Authority") -> None:
    """Carry out what the bank still owes outside its database, oldest first; each item is deleted
    only after it took effect (and doing it again changes nothing)."""
    from ..npki.certificate import parse_certificate
    from ..storage import operations as ops
    from ..storage import registry

    for row in authority.store.all("SELECT * FROM outbox ORDER BY id"):
        payload = json.loads(authority.store.unseal(row["payload"], f"outbox:{row['kind']}:{row['target']}"))
        if row["kind"] == CERT_FOLDER:
            files = {n: base64.b64decode(d) for n, d in payload["files"].items()}
            user_dir = Path(row["target"])
            user_dir.mkdir(parents=True, exist_ok=True)   # may be the user's NPKI folder: normal modes
            ops.place_folder(user_dir, payload["name"], files, parse_certificate(files[SIGN_CERT]), verify=False,
                             on_conflict=lambda _c: ops.ConflictChoice.KEEP_BOTH)
        elif row["kind"] == STORAGE_FOLDER:
            registry.add_folder(Path(row["target"]))
        with authority.store.transaction() as conn:
            conn.execute("DELETE FROM outbox WHERE id = ?", (row["id"],))


def demo_info(authority: "Authority") -> list[dict]:
    """Everything needed to finish each flow with each demo customer (for the help panel).

    Keys: key, name, rrn, account, account_password, phone, balance, device, card_serial, card_cells,
    otp_serial, otp_code (the token's code now), certificate, certificates (the customer's current
    certificates from this bank that are on disk: path, password — the demo password for a seeded
    one, None for one whose password the customer chose), locked, note_ko, note_en. Customers
    changed by a teller show their current state."""
    teller = authority.teller()
    devices = authority.devices
    summaries = {s.demo_key: s for s in teller.customers() if s.demo_key}
    user_dir = demo_npki_root(authority) / ca_mod.CA_ORG / "USER"
    out = []
    for c in DEMO_CUSTOMERS:
        s = summaries.get(c.key)
        if s is None:
            continue
        card_serial = s.card["serial"] if s.card else None
        otp_serial = s.otp["serial"] if s.otp else None
        certificates = []
        for row in authority.store.all("SELECT subject, operation, status FROM certificates WHERE customer_id = ? "
                                       "AND status = 'active' ORDER BY created_at", (s.id,)):
            path = user_dir / row["subject"]
            if path.is_dir():
                certificates.append({"path": str(path),
                                     "password": DEMO_CERT_PASSWORD if row["operation"] == DEMO else None})
        out.append({
            "key": c.key, "name": c.name, "rrn": f"{c.rrn[:6]}-{c.rrn[6:]}", "account": c.account,
            "account_password": c.account_password, "phone": c.phone,
            "balance": s.accounts[0]["balance"] if s.accounts else None,
            "locked": bool(s.accounts and s.accounts[0]["locked"]),
            "device": c.device, "card_serial": card_serial,
            "card_cells": devices.card_cells(card_serial) if card_serial else None,
            "otp_serial": otp_serial, "otp_code": devices.otp_code(otp_serial) if otp_serial else None,
            "certificate": c.certificate, "certificates": certificates,
            "note_ko": c.note_ko, "note_en": c.note_en,
        })
    return out
