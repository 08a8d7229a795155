"""No RRN, account number/password, OTP secret or card cell in plain text in the files or the logs."""
import json
import logging

from .conftest import ACCOUNT, ACCOUNT_PW, NAME, PHONE, RRN, full_session, login, new_r, sms_code, user_csr


def _needles(bank):
    serial = bank.devices.otp_serial_of(NAME)
    row = bank.db.one("SELECT * FROM otp_devices WHERE serial = ?", (serial,))
    otp_secret = bank.store.vault.open(row["secret_enc"], f"otp:{serial}").decode()
    cells = bank.devices.card_cells(bank.devices.card_serial_of(NAME))
    needles = {
        "rrn": RRN, "rrn-hyphen": f"{RRN[:6]}-{RRN[6:]}", "rrn-back": RRN[6:],
        "account": ACCOUNT, "account-password-quoted": f'"{ACCOUNT_PW}"', "otp-secret": otp_secret,
        "card-json": json.dumps(cells), "card-run": "".join(cells[i] for i in sorted(cells)),
    }
    needles.update({f"cell-{i}": f'"{v}"' for i, v in cells.items()})
    return needles


def _scan(data: bytes, needles: dict[str, str]) -> list[str]:
    found = []
    for label, needle in needles.items():
        for encoding in ("utf-8", "utf-16-le"):
            if needle.encode(encoding) in data:
                found.append(f"{label}/{encoding}")
    return found


def test_nothing_secret_in_the_database_files_or_logs(bank, customer, caplog, home):
    caplog.set_level(logging.DEBUG)
    s = login(bank)                                   # account password in the hash path
    bank.agree_terms(s, {t.id: t.version for t in bank.terms()})
    bank.send_sms(s)
    bank.check_sms(s, sms_code(bank))
    ch = bank.card_challenge(s)
    bank.check_card(s, bank.devices.card_answer(bank.devices.card_serial_of(NAME), ch.first, ch.second))
    issued = bank.issue(s, user_csr(4), new_r(), "banking")
    bank.confirm_delivery(issued.serial)
    s2 = full_session(bank, second="otp")
    bank.teller().customers()
    bank.teller().audit()
    needles = _needles(bank)
    files = sorted((home / "authority").glob("authority.sqlite3*"))
    assert files
    while_open = {p.name: p.read_bytes() for p in files}
    bank.close()
    after = {p.name: p.read_bytes() for p in sorted((home / "authority").iterdir()) if p.is_file()}
    for name, data in {**{"open:" + k: v for k, v in while_open.items()}, **after}.items():
        if name.endswith(".key"):
            continue
        assert _scan(data, needles) == [], name
    # positive control: the scan does see plain values that are stored (the phone number, the name)
    assert _scan(after["authority.sqlite3"], {"phone": PHONE, "name": NAME})
    log_text = caplog.text + "\n".join(json.dumps(r.args, default=str) for r in caplog.records)
    assert _scan(log_text.encode(), needles) == []
    assert ACCOUNT_PW not in log_text
