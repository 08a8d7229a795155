"""Demo customers seeded on the bank's first start (bank-flows.md §5 "Demo data").

Every value a newcomer needs to finish each flow is in `DEMO_CUSTOMERS` (fixed) and, for the
per-installation parts (security-card cells, the OTP token's current code, the demo certificates'
folders), in `demo_info(authority)` — the source of the GUI's "demo customers" help panel and of
`python main.py bank demo`.

All names, RRNs, accounts and phone numbers are fictitious. The two demo certificates (expiring in
under 30 days / already expired) are written into the hard-disk NPKI root with `DEMO_CERT_PASSWORD`.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..locations import npki_root
from ..npki import builder, keyfile
from ..npki.certfolder import SIGN_CERT, SIGN_KEY, write_cert_folder
from . import ca as ca_mod
from .api import BANKING, Authority, _iso, kst_today

DEMO_CERT_PASSWORD = "Dojang#demo24"
EXPIRING_IN_DAYS = 20
EXPIRED_DAYS_AGO = 10


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

# The example of bank-flows.md §3: cell 8 = 2442, cell 35 = 8808.
DEMO_CARD_FIXED = {8: "2442", 35: "8808"}


def _one_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _demo_certificate(authority: Authority, cid: int, c: DemoCustomer) -> None:
    today = kst_today(authority.now())
    end = today + dt.timedelta(days=EXPIRING_IN_DAYS) if c.certificate == "expiring" \
        else today - dt.timedelta(days=EXPIRED_DAYS_AGO)
    key = authority.key_factory()
    r = builder.new_random_num()
    cert = authority._sign(cid, c.name, key.public_key(), r, BANKING, _one_year_before(end))
    aid = authority.db.one("SELECT id FROM accounts WHERE customer_id = ?", (cid,))["id"]
    plain = keyfile.build_private_key_info(key, r)
    enc = keyfile.encrypt_key(plain, DEMO_CERT_PASSWORD, "A")
    from cryptography.hazmat.primitives.serialization import Encoding
    der = cert.public_bytes(Encoding.DER)
    with authority.db.transaction() as conn:
        authority._record(conn, cert, customer_id=cid, account_id=aid, cert_type=BANKING, status="active",
                          operation="issue", fee=0)
        user_dir = demo_npki_root(authority) / ca_mod.CA_ORG / "USER"
        user_dir.mkdir(parents=True, exist_ok=True)
        from ..npki.foldername import safe_folder_name
        write_cert_folder(user_dir, safe_folder_name(cert.subject), {SIGN_CERT: der, SIGN_KEY: enc})


DEMO_FOLDER = "demo-certificates"


def demo_folder(authority: Authority) -> Path | None:
    """Where the demo customers' certificates live, when not on the hard disk: a folder of Dojang's
    own, listed as an added folder. None in a sandbox (DOJANG_NPKI_ROOT set: that hard disk is
    itself a throw-away folder, and the demo certificates go there)."""
    return None if os.environ.get("DOJANG_NPKI_ROOT") else authority.home / DEMO_FOLDER


def demo_npki_root(authority: Authority) -> Path:
    # Never the user's real NPKI folder: other banking software reads it and would list the
    # test certificates (an expired one among them) as the user's own.
    folder = demo_folder(authority)
    return npki_root() if folder is None else folder / "NPKI"


def seed_demo(authority: Authority) -> None:
    """Create the demo customers (once; marked in the meta table)."""
    teller = authority.teller()
    with authority.db.transaction() as conn:
        for c in DEMO_CUSTOMERS:
            cid = teller.add_customer(name=c.name, rrn=c.rrn, phone=c.phone, account=c.account,
                                      account_password=c.account_password, balance=c.balance, demo_key=c.key)
            if c.device == "card":
                import secrets
                cells = {i: f"{secrets.randbelow(10000):04d}" for i in range(1, 36)}
                cells.update(DEMO_CARD_FIXED)
                teller.issue_card(cid, cells=cells)
            else:
                teller.issue_otp(cid)
            if c.locked:
                teller.lock_account(cid)
            if c.certificate:
                _demo_certificate(authority, cid, c)
        authority._set_meta(conn, "demo_seeded", _iso(authority.now()))
    folder = demo_folder(authority)
    if folder is not None:
        from ..storage import registry
        registry.add_folder(folder)


def demo_info(authority: Authority) -> list[dict]:
    """Everything needed to finish each flow with each demo customer (for the help panel).

    Keys: key, name, rrn, account, account_password, phone, balance, device, card_serial, card_cells,
    otp_serial, otp_code (the token's code now), certificate, cert_password, cert_folders, locked,
    note_ko, note_en. Customers deleted or changed by a teller show their current state."""
    teller = authority.teller()
    devices = authority.devices
    summaries = {s.demo_key: s for s in teller.customers() if s.demo_key}
    out = []
    for c in DEMO_CUSTOMERS:
        s = summaries.get(c.key)
        if s is None:
            continue
        card_serial = s.card["serial"] if s.card else None
        otp_serial = s.otp["serial"] if s.otp else None
        folders = []
        user_dir = demo_npki_root(authority) / ca_mod.CA_ORG / "USER"
        for cert in s.certificates:
            row = authority.db.one("SELECT subject FROM certificates WHERE serial = ?", (cert["serial"],))
            if row and (user_dir / row["subject"]).is_dir():
                folders.append(str(user_dir / row["subject"]))
        out.append({
            "key": c.key, "name": c.name, "rrn": f"{c.rrn[:6]}-{c.rrn[6:]}", "account": c.account,
            "account_password": c.account_password, "phone": c.phone,
            "balance": s.accounts[0]["balance"] if s.accounts else None,
            "locked": bool(s.accounts and s.accounts[0]["locked"]),
            "device": c.device, "card_serial": card_serial,
            "card_cells": devices.card_cells(card_serial) if card_serial else None,
            "otp_serial": otp_serial, "otp_code": devices.otp_code(otp_serial) if otp_serial else None,
            "certificate": c.certificate, "cert_password": DEMO_CERT_PASSWORD if c.certificate else None,
            "cert_folders": folders, "note_ko": c.note_ko, "note_en": c.note_en,
        })
    return out
