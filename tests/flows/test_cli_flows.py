"""Scripted issuance through `python main.py issue | reissue | renew | register | revoke`."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from core.authority.demo import DEMO_CERT_PASSWORD, DEMO_CUSTOMERS
from tests.factory import PASSWORD, make_cert

from .conftest import listing

PW = "Sky#Lantern7x"
DEMO = {d.key: d for d in DEMO_CUSTOMERS}


def customer(cli, name):
    code, out, _ = cli("bank", "customers", "--json")
    return next(r for r in json.loads(out) if r["name"] == name)


def openssl_verify(cli, tmp_path, cert_dir):
    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    chain = tmp_path / "chain.pem"
    assert cli("bank", "ca-chain", str(chain))[0] == 0
    pem = subprocess.run(["openssl", "x509", "-inform", "DER", "-in", f"{cert_dir}/signCert.der"],
                         capture_output=True, check=True).stdout
    res = subprocess.run(["openssl", "verify", "-CAfile", str(chain)], input=pem, capture_output=True)
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("to,kind", [("hdd", "hdd"), ("usb", "removable"), ("phone", "phone")])
def test_issue_to_each_storage_opens_and_verifies(cli, tmp_path, to, kind):
    card = DEMO["card"]
    code, out, err = cli("issue", "--customer", card.name, "--to", to, "--json",
                         stdin=f"{card.account_password}\n{PW}\n")
    assert code == 0, err
    done = json.loads(out)
    assert done["operation"] == "issue" and done["fee"] == 0
    assert PW not in out + err and card.rrn not in out + err and card.account not in out + err
    mine = [c for c in listing(cli) if c["path"] == done["path"]]
    assert mine and mine[0]["storage_kind"] == kind and mine[0]["name"] == card.name
    assert cli("check-password", done["path"], stdin=PW + "\n")[0] == 0
    assert cli("check-password", done["path"], stdin="Wrong#pass123\n")[0] == 1
    openssl_verify(cli, tmp_path, done["path"])


def test_general_purpose_with_ars_and_otp_debits(cli):
    otp = DEMO["otp"]
    before = customer(cli, otp.name)["accounts"][0]["balance"]
    code, out, err = cli("issue", "--customer", "otp", "--type", "범용", "--first", "ars", "--to", "usb",
                         stdin=f"{otp.account_password}\n{PW}\n")
    assert code == 0, err
    assert "ARS" in err and "4,400" in out
    assert customer(cli, otp.name)["accounts"][0]["balance"] == before - 4400


def test_wrong_account_password_and_missing_input(cli):
    card = DEMO["card"]
    code, _, err = cli("issue", "--customer", card.name, stdin="0000\n" + PW + "\n")
    assert code == 1 and "4" in err
    code, _, err = cli("issue", "--customer", card.name, stdin="")
    assert code == 2
    code, _, err = cli("issue", "--customer", card.name, "--type", "silver", stdin="")
    assert code == 2
    assert [c for c in listing(cli) if c["name"] == card.name] == []


def test_locked_customer_is_told_to_see_a_teller(cli):
    locked = DEMO["locked"]
    code, _, err = cli("issue", "--customer", locked.name, stdin=f"{locked.account_password}\n{PW}\n")
    assert code == 1 and "unlock" in err


def test_reissue_replaces_the_expired_demo_certificate(cli):
    expired = DEMO["expired"]
    assert cli("bank", "demo")[0] == 0                          # the bank's first start seeds the demo
    old = [c for c in listing(cli) if c["name"] == expired.name]
    assert len(old) == 1 and old[0]["status"] == "expired"
    code, _, err = cli("reissue", "--customer", expired.name, stdin=f"{expired.account_password}\n{PW}\n")
    assert code == 2 and "--yes" in err                       # no silent revocation from a script
    code, out, err = cli("reissue", "--customer", expired.name, "--yes", "--json",
                         stdin=f"{expired.account_password}\n{PW}\n")
    assert code == 0, err
    done = json.loads(out)
    assert done["removed"] == [old[0]["path"]]
    now = [c for c in listing(cli) if c["name"] == expired.name]
    assert [c["path"] for c in now] == [done["path"]] and now[0]["status"] == "ok"


def test_renew_the_expiring_demo_certificate_in_place(cli):
    expiring = DEMO["expiring"]
    assert cli("bank", "demo")[0] == 0
    old = next(c for c in listing(cli) if c["name"] == expiring.name)
    assert old["days_left"] <= 30
    code, out, err = cli("renew", old["id"], "--json", stdin=f"{DEMO_CERT_PASSWORD}\n{PW}\n")
    assert code == 0, err
    done = json.loads(out)
    assert done["path"] == old["path"]
    new = next(c for c in listing(cli) if c["name"] == expiring.name)
    assert new["serial"] != old["serial"] and new["days_left"] >= 364
    assert cli("check-password", new["path"], stdin=PW + "\n")[0] == 0
    code, out, _ = cli("bank", "certs", "--json")
    statuses = {c["serial"].upper().lstrip("0"): c["status"] for c in json.loads(out)}
    assert statuses[old["serial"].lstrip("0")] == "superseded"
    assert statuses[new["serial"].lstrip("0")] == "active"
    # Renewing again right away: too early.
    code, _, err = cli("renew", new["id"], stdin=f"{PW}\n")
    assert code == 1 and "30" in err


def test_register_and_revoke(cli):
    card = DEMO["card"]
    foreign = make_cert(cli.usb / "NPKI" / "yessign" / "USER", name=card.name, idn=card.rrn)
    code, out, err = cli("register", str(foreign.path), "--customer", card.key, "--json",
                         stdin=f"{card.account_password}\n{PASSWORD}\n")
    assert code == 0, err and json.loads(out)["operation"] == "register"
    code, out, err = cli("issue", "--customer", card.name, "--json", stdin=f"{card.account_password}\n{PW}\n")
    path = json.loads(out)["path"]
    code, _, err = cli("revoke", path, stdin=f"{PW}\n")
    assert code == 2                                            # needs --yes without a terminal
    code, out, err = cli("revoke", path, "--yes", "--json", stdin=f"{PW}\n")
    assert code == 0, err and json.loads(out)["removed"] == [path]
    code, out, _ = cli("bank", "certs", "--json")
    assert any(c["status"] == "revoked" for c in json.loads(out))


def test_list_reads_the_banks_word_on_its_own_certificates(cli):
    card = DEMO["card"]
    code, out, err = cli("issue", "--customer", card.name, "--json", stdin=f"{card.account_password}\n{PW}\n")
    assert code == 0, err
    path = json.loads(out)["path"]
    assert next(c for c in listing(cli) if c["path"] == path)["status"] == "ok"
    code, _, err = cli("revoke", path, "--yes", "--keep-files", stdin=f"{PW}\n")
    assert code == 0, err
    assert next(c for c in listing(cli) if c["path"] == path)["status"] == "revoked"   # files kept, not valid
    code, out, _ = cli("list")
    line = next(ln for ln in out.splitlines() if card.name in ln and "revoked" in ln)
    assert "valid" not in line
    code, out, _ = cli("show", path, "--json")
    assert json.loads(out)["status"] == "revoked"


def test_mobile_otp_from_the_teller_answers_the_second_factor(cli):
    """`bank issue-mobile-otp` registers it in the customer's phone app; `issue --second mobile_otp`
    answers STEP 3 with the code that app shows."""
    import json as _json
    from core.authority.demo import DEMO_CUSTOMERS
    c = next(d for d in DEMO_CUSTOMERS if d.key == "card")
    code, out, err = cli("issue", "--customer", c.key, "--second", "mobile_otp", stdin=f"{c.account_password}\n")
    assert code == 1 and ("모바일 OTP" in err or "mobile OTP" in err)
    code, out, err = cli("bank", "issue-mobile-otp", c.key, "--json")     # the demo key, as elsewhere
    assert code == 0, err
    assert _json.loads(out)["serial"].startswith("MOTP") and "****" in _json.loads(out)["phone"]
    code, out, err = cli("issue", "--customer", c.key, "--second", "mobile_otp", "--json",
                         stdin=f"{c.account_password}\nSky#Lantern7x\nSky#Lantern7x\n")
    assert code == 0, err
    assert _json.loads(out)["path"]
