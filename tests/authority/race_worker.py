"""One process of a race (tests/authority/test_races.py): `python -m tests.authority.race_worker
ACTION SYNC INDEX`.

The worker prepares whatever it needs (its own bank connection, a verified session, a challenge)
under a shared preparation lock, says it is ready (`SYNC/ready-INDEX`), waits for `SYNC/go`, then does
the one racing step and prints one JSON line: {"result": "<outcome or error class>", ...}.
DOJANG_HOME is the shared bank; the master key is in a file (no keyring in these processes)."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from core.authority import Authority, make_csr
from core.authority.api import GENERAL
from core.oslock import process_lock
from tests.authority.conftest import ACCOUNT, ACCOUNT_PW, NAME, PHONE, RRN, agree_all, login, sms_code

WRONG_PW = "0000"
CLOUD_PIN, CLOUD_DEVICE = "274915", "pc:race"


def _keys(sync: Path):
    data = json.loads((sync / "keys.json").read_text())
    return [serialization.load_pem_private_key(k.encode(), None) for k in data]


def _factory(sync: Path):
    keys = _keys(sync)
    state = {"i": 0}

    def make():
        state["i"] += 1
        return keys[(state["i"] - 1) % len(keys)]
    return make


def _open(sync: Path, **kw) -> Authority:
    return Authority.open(key_factory=_factory(sync), **kw)


def _wait_for_go(sync: Path, index: int) -> None:
    (sync / f"ready-{index}").touch()
    while not (sync / "go").exists():
        time.sleep(0.001)


def _sms_done(bank):
    s = login(bank)
    agree_all(bank, s)
    bank.send_sms(s)
    bank.check_sms(s, sms_code(bank))
    return s


def _card_answer(bank, challenge) -> str:
    serial = bank.devices.card_serial_of(NAME)
    return bank.devices.card_answer(serial, challenge.first, challenge.second)


def _wrong_card_answer(bank, challenge) -> str:
    right = _card_answer(bank, challenge)
    return "".join(str((int(d) + 1) % 10) for d in right)


def _outcome(fn) -> str:
    try:
        fn()
        return "ok"
    except Exception as exc:  # noqa: BLE001 - the outcome is the error's class
        return type(exc).__name__


def run(action: str, sync: Path, index: int) -> dict:
    if action == "setup":                        # the bank and one customer with a card and an OTP token
        bank = _open(sync, seed_demo=False)
        t = bank.teller()
        cid = t.add_customer(name=NAME, rrn=RRN, phone=PHONE, account=ACCOUNT, account_password=ACCOUNT_PW,
                             balance=10_000)
        t.issue_card(cid)
        t.issue_otp(cid)
        bank.close()
        return {"result": "ok"}

    if action == "first_start":
        _wait_for_go(sync, index)
        return {"result": _outcome(lambda: _open(sync).close())}

    if action == "inspect":
        bank = _open(sync, seed_demo=False)
        db = bank.db
        out = {"result": "ok",
               "customers": db.one("SELECT COUNT(*) FROM customers")[0],
               "demo_keys": db.one("SELECT COUNT(DISTINCT demo_key) FROM customers")[0],
               "ca_roles": [r[0] for r in db.all("SELECT role FROM ca ORDER BY role")],
               "outbox": db.one("SELECT COUNT(*) FROM outbox")[0],
               "active_general": db.one("SELECT COUNT(*) FROM certificates WHERE cert_type = ? AND status = 'active'",
                                        (GENERAL,))[0],
               "debited": -(db.one("SELECT COALESCE(SUM(amount), 0) FROM ledger")[0]),
               "balance": db.one("SELECT balance FROM accounts WHERE id = (SELECT MIN(id) FROM accounts)")[0],
               "account_failures": db.one("SELECT MAX(failures) FROM accounts")[0],
               "pin_failures": db.one("SELECT MAX(failures) FROM cloud_keys")[0],
               "pin_locked": db.one("SELECT MAX(locked) FROM cloud_keys")[0]}
        bank.close()
        return out

    bank = _open(sync, seed_demo=False)
    try:
        with process_lock(sync / "prepare.lock"):    # SMS codes are read from one shared inbox: take turns
            if action == "issue_general":
                s = _sms_done(bank)
                bank.check_card(s, _card_answer(bank, bank.card_challenge(s)))
                key = _keys(sync)[-1 - index % 2]
                csr = make_csr(key)
            elif action in ("wrong_card", "right_card"):
                s = _sms_done(bank)
                try:
                    challenge = bank.card_challenge(s)
                except Exception as exc:  # noqa: BLE001 - a locked card refuses to ask
                    if action == "right_card":
                        return {"result": type(exc).__name__}
                    raise
            elif action in ("wrong_otp", "right_otp"):
                s = _sms_done(bank)
            elif action == "cloud_issue":
                s = _sms_done(bank)
                bank.check_card(s, _card_answer(bank, bank.card_challenge(s)))
            elif action in ("wrong_pin", "right_pin"):
                serial = bank.cloud_accounts(CLOUD_DEVICE)[0].certificate.serial
            elif action in ("wrong_sms", "right_sms"):
                s = login(bank)
                agree_all(bank, s)
                try:
                    bank.send_sms(s)
                except Exception as exc:  # noqa: BLE001 - a locked channel may refuse to send
                    if action == "right_sms":
                        return {"result": type(exc).__name__}
                    raise
                code = sms_code(bank)
        _wait_for_go(sync, index)
        if action == "issue_general":
            from core.npki import builder

            def issue():
                issued = bank.issue(s, csr, builder.new_random_num(), GENERAL)
                bank.confirm_delivery(issued.serial)
            return {"result": _outcome(issue)}
        if action == "cloud_issue":
            return {"result": _outcome(lambda: bank.cloud_issue(s, CLOUD_PIN, CLOUD_PIN, "finance", CLOUD_DEVICE, "PC"))}
        if action in ("wrong_pin", "right_pin"):
            pin = CLOUD_PIN if action == "right_pin" else "000000"
            return {"result": _outcome(lambda: bank.cloud_sign(CLOUD_DEVICE, serial, pin, "login", b"race"))}
        if action == "wrong_password":
            return {"result": _outcome(lambda: bank.verify_customer(NAME, RRN, ACCOUNT, WRONG_PW))}
        if action == "right_password":
            return {"result": _outcome(lambda: bank.verify_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW))}
        if action == "wrong_card":
            return {"result": _outcome(lambda: bank.check_card(s, _wrong_card_answer(bank, challenge)))}
        if action == "right_card":
            return {"result": _outcome(lambda: bank.check_card(s, _card_answer(bank, challenge)))}
        if action == "wrong_otp":
            right = bank.devices.otp_code(bank.devices.otp_serial_of(NAME))
            wrong = f"{(int(right) + 500_000) % 1_000_000:06d}"
            return {"result": _outcome(lambda: bank.check_otp(s, wrong))}
        if action == "right_otp":
            return {"result": _outcome(lambda: bank.check_otp(s, bank.devices.otp_code(bank.devices.otp_serial_of(NAME))))}
        if action == "wrong_sms":
            return {"result": _outcome(lambda: bank.check_sms(s, f"{(int(code) + 1) % 1_000_000:06d}"))}
        if action == "right_sms":
            return {"result": _outcome(lambda: bank.check_sms(s, code))}
        raise SystemExit(f"unknown action {action}")
    finally:
        bank.close()


def run_transfer(action: str, sync: Path, index: int) -> dict:
    """Phone → PC transfer codes: each worker types a code into its own hard-disk folder."""
    from core.storage import base as storage_base
    from core.storage.phone_transfer import Relay
    offer = json.loads((sync / "offer.json").read_text())
    dest_root = sync / f"pc-{index}" / "NPKI"
    dest_root.mkdir(parents=True)
    dest = storage_base.hard_disk(dest_root)
    relay = Relay(scrypt_n=2 ** 10)
    code = offer["code"] if action == "right_code" else f"{(int(offer['code']) + 1 + index) % 10**12:012d}"
    _wait_for_go(sync, index)
    return {"result": _outcome(lambda: relay.import_on_pc(code, bytearray(offer["password"].encode()), dest))}


if __name__ == "__main__":
    _action, _sync, _index = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    fn = run_transfer if _action in ("wrong_code", "right_code") else run
    print(json.dumps(fn(_action, _sync, _index)), flush=True)
