import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_der_private_key

from core.authority import errors as E
from core.authority import make_csr, sign_possession
from core.authority.api import BANKING, GENERAL
from core.authority.timeutil import days_left
from core.authority.demo import DEMO_CERT_PASSWORD, EXPIRED_DAYS_AGO, EXPIRING_IN_DAYS, demo_info
from core.cli import main as cli_main
from core.npki import keyfile
from core.npki.vid import verify_vid

from .conftest import new_r, open_bank, pool_key, user_csr


@pytest.fixture
def demo_bank(home, clock, memory_keyring):
    a = open_bank(home, clock, memory_keyring, seed_demo=True)
    yield a
    a.close()


def _demo(bank, key):
    return next(d for d in demo_info(bank) if d["key"] == key)


def _login(bank, d):
    s = bank.verify_customer(d["name"], d["rrn"], d["account"], d["account_password"])
    bank.agree_terms(s, {t.id: t.version for t in bank.terms()})
    return s


def _ars(bank, s, d):
    started = bank.start_ars(s)
    bank.answer_call(d["phone"], started.code)
    assert bank.check_ars(s)


def test_card_customer_finishes_a_general_issue_with_help_panel_values(demo_bank):
    d = _demo(demo_bank, "card")
    # every demo card is a card of its own (the spec's example cells stay in the spec)
    cards = [c["card_cells"] for c in demo_info(demo_bank) if c["card_cells"]]
    assert len(cards) == 4 and len({tuple(sorted(c.items())) for c in cards}) == 4
    s = _login(demo_bank, d)
    _ars(demo_bank, s, d)
    ch = demo_bank.card_challenge(s)
    demo_bank.check_card(s, d["card_cells"][ch.first][:2] + d["card_cells"][ch.second][2:])
    issued = demo_bank.issue(s, user_csr(4), new_r(), GENERAL)
    demo_bank.confirm_delivery(issued.serial)
    assert _demo(demo_bank, "card")["balance"] == d["balance"] - 4400


def test_otp_customer_with_sms(demo_bank):
    d = _demo(demo_bank, "otp")
    s = _login(demo_bank, d)
    demo_bank.send_sms(s)
    import re
    code = re.search(r"\[(\d{6})\]", demo_bank.phone_messages(d["phone"])[-1].text).group(1)
    demo_bank.check_sms(s, code)
    demo_bank.check_otp(s, _demo(demo_bank, "otp")["otp_code"])
    assert demo_bank.session_status(s).complete


def test_locked_customer(demo_bank):
    d = _demo(demo_bank, "locked")
    assert d["locked"]
    with pytest.raises(E.AccountLocked):
        demo_bank.verify_customer(d["name"], d["rrn"], d["account"], d["account_password"])
    demo_bank.teller().unlock(d["name"])
    _login(demo_bank, d)


def test_low_balance_customer(demo_bank):
    d = _demo(demo_bank, "low-balance")
    s = _login(demo_bank, d)
    _ars(demo_bank, s, d)
    ch = demo_bank.card_challenge(s)
    demo_bank.check_card(s, d["card_cells"][ch.first][:2] + d["card_cells"][ch.second][2:])
    with pytest.raises(E.InsufficientBalance):
        demo_bank.issue(s, user_csr(4), new_r(), GENERAL)
    demo_bank.confirm_delivery(demo_bank.issue(s, user_csr(4), new_r(), BANKING).serial)


def _open_demo_cert(d):
    (entry,) = d["certificates"]
    assert entry["password"] == DEMO_CERT_PASSWORD
    folder = entry["path"]
    cert = x509.load_der_x509_certificate((Path(folder) / "signCert.der").read_bytes())
    plain = keyfile.check_password((Path(folder) / "signPri.key").read_bytes(), cert, DEMO_CERT_PASSWORD)
    return cert, plain


def test_expiring_certificate_on_disk_renews(demo_bank, clock):
    d = _demo(demo_bank, "expiring")
    cert, plain = _open_demo_cert(d)
    assert Path(d["certificates"][0]["path"]).parent.parent.name == "Dojang"
    assert days_left(cert.not_valid_after_utc, clock()) == EXPIRING_IN_DAYS
    assert verify_vid(cert, keyfile.random_num(plain), d["rrn"])
    old_key = load_der_private_key(plain, None)
    der = (Path(d["certificates"][0]["path"]) / "signCert.der").read_bytes()
    csr = user_csr(5)
    new = demo_bank.renew(der, csr, new_r(), sign_possession(old_key, "renew", der, csr))
    demo_bank.confirm_delivery(new.serial)
    assert demo_bank.certificate_status(der) == "superseded"


def test_expired_certificate_on_disk(demo_bank, clock):
    d = _demo(demo_bank, "expired")
    cert, plain = _open_demo_cert(d)
    assert days_left(cert.not_valid_after_utc, clock()) == -EXPIRED_DAYS_AGO
    der = (Path(d["certificates"][0]["path"]) / "signCert.der").read_bytes()
    assert demo_bank.certificate_status(der) == "expired"
    csr = user_csr(5)
    with pytest.raises(E.NotActive):
        demo_bank.renew(der, csr, new_r(), sign_possession(load_der_private_key(plain, None), "renew", der, csr))
    s = _login(demo_bank, d)
    _ars(demo_bank, s, d)
    demo_bank.check_otp(s, d["otp_code"])
    demo_bank.confirm_delivery(demo_bank.reissue(s, user_csr(4), new_r(), BANKING).serial)
    assert demo_bank.certificate_status(der) == "revoked"


def test_demo_seeded_once(home, clock, memory_keyring, demo_bank):
    n = len(demo_bank.teller().customers())
    demo_bank.close()
    again = open_bank(home, clock, memory_keyring, seed_demo=True)
    try:
        assert len(again.teller().customers()) == n == 6
    finally:
        again.close()


# --- CLI ---------------------------------------------------------------------------------------------

@pytest.fixture
def cli(monkeypatch, capsys):
    import itertools
    counter = itertools.count()
    monkeypatch.setattr("core.authority.ca.default_key_factory", lambda: pool_key(next(counter) % 4))

    def run(*argv, stdin=None):
        if stdin is not None:
            import io
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = cli_main(list(argv))
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_cli_customers_json_and_unlock(cli):
    code, out, _ = cli("bank", "customers", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["name"] for r in rows} >= {"김보안", "이오티", "박잠금", "최갱신", "정만료"}
    locked = next(r for r in rows if r["name"] == "박잠금")
    assert locked["accounts"][0]["locked"] and locked["rrn"].endswith("******")
    assert cli("bank", "unlock", "박잠금")[0] == 0
    rows = json.loads(cli("bank", "customers", "--json")[1])
    assert not next(r for r in rows if r["name"] == "박잠금")["accounts"][0]["locked"]
    assert cli("bank", "unlock", "아무개")[0] == 1
    assert cli("bank", "unlock")[0] == 2


def test_cli_add_customer_card_otp(cli):
    code, out, err = cli("bank", "add-customer", "--name", "나신규", "--rrn", "990101-1234567", "--phone",
                         "010-9999-0000", "--account", "777788889999", "--json", stdin="4321\n")
    assert code == 0, err
    cid = json.loads(out)["id"]
    code, out, _ = cli("bank", "issue-card", str(cid), "--json")
    card = json.loads(out)
    assert code == 0 and 30 <= len(card["cells"]) <= 35
    code, out, _ = cli("bank", "issue-otp", "나신규", "--json")
    assert code == 0 and json.loads(out)["serial"].startswith("OTP")
    code, _, err = cli("bank", "add-customer", "--name", "X", "--rrn", "991301-1234567", "--phone",
                       "010-9999-0001", "--account", "777788889990", stdin="4321\n")
    assert code == 1 and "resident registration number" in err


def test_cli_chain_crl_audit(cli, tmp_path):
    chain, crl = tmp_path / "chain.pem", tmp_path / "dojang.crl"
    assert cli("bank", "ca-chain", str(chain))[0] == 0
    assert cli("bank", "crl", str(crl))[0] == 0
    r = subprocess.run(["openssl", "crl", "-inform", "DER", "-in", str(crl), "-noout", "-CAfile", str(chain)],
                       capture_output=True, text=True)
    assert r.returncode == 0
    code, out, _ = cli("bank", "audit", "--json")
    assert code == 0 and any(e["action"] == "teller.add_customer" for e in json.loads(out))
    code, out, _ = cli("bank", "demo", "--json")
    assert code == 0 and len(json.loads(out)) == 6
    code, out, _ = cli("bank", "certs", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_demo_certificates_never_go_into_the_real_npki_folder(tmp_path, home, clock, memory_keyring, monkeypatch):
    """Outside a sandbox the demo certificates live in Dojang's own folder, listed as an added folder:
    other banking software reads the real NPKI folder and must not see test certificates."""
    from core.locations import npki_root
    from core.storage import registry
    from core.storage.base import FOLDER
    monkeypatch.delenv("DOJANG_NPKI_ROOT")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "user"))
    monkeypatch.setenv("DOJANG_HOME", str(home))
    real = npki_root()
    assert str(real).startswith(str(tmp_path / "user"))
    with open_bank(home, clock, memory_keyring, seed_demo=True) as bank:
        folders = [c["path"] for d in demo_info(bank) for c in d["certificates"]]
    assert len(folders) == 2 and not real.exists()
    assert all(Path(f).is_relative_to(home / "demo-certificates" / "NPKI") for f in folders)
    [demo_storage] = [s for s in registry.all_storages() if s.kind == FOLDER]
    assert sorted(str(c.path) for c in demo_storage.certificates()) == sorted(folders)
