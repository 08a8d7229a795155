"""인증서 로그인 at the simulated bank (docs/bank-flows.md "Certificate login"): a fresh certificate logs
in; a revoked, expired, replaced (the old copy after a renewal or a reissue) or unregistered foreign
one is refused with the bank's reason; a wrong password never reaches the bank; a challenge works
once and only for the certificate's own key."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.authority import errors as AE
from core.authority.demo import DEMO_CERT_PASSWORD, DEMO_CUSTOMERS
from core.authority.proof import sign_possession
from tests.factory import PASSWORD, make_cert

from .conftest import listing, pool_key

PW = "Sky#Lantern7x"
DEMO = {d.key: d for d in DEMO_CUSTOMERS}


def _issue(cli, c) -> str:
    code, out, err = cli("issue", "--customer", c.key, "--json", stdin=f"{c.account_password}\n{PW}\n")
    assert code == 0, err
    return json.loads(out)["path"]


def _mine(cli, name):
    return [row for row in listing(cli) if row.get("name") == name]


def test_a_fresh_certificate_logs_in(cli):
    path = _issue(cli, DEMO["card"])
    code, out, err = cli("login", path, "--json", stdin=PW + "\n")
    assert code == 0, err
    assert json.loads(out) == {"result": "ok", "customer": DEMO["card"].name, "serial": json.loads(out)["serial"],
                               "kind": "own", "product": "banking"}
    assert PW not in out + err


def test_a_wrong_password_never_reaches_the_bank(cli):
    path = _issue(cli, DEMO["card"])
    code, _, err = cli("login", path, stdin="Wrong#pass123\n")
    assert code == 1 and "password" in err.lower()
    code, out, _ = cli("bank", "audit", "--json")
    assert not [e for e in json.loads(out) if e.get("action") == "login"]


def test_revoked_and_expired_are_refused_with_the_reason(cli):
    path = _issue(cli, DEMO["card"])
    assert cli("revoke", path, "--yes", "--keep-files", stdin=PW + "\n")[0] == 0
    code, _, err = cli("login", path, stdin=PW + "\n")
    assert code == 1 and "revoked" in err
    expired = _mine(cli, DEMO["expired"].name)[0]["path"]          # the demo certificate that expired
    code, _, err = cli("login", expired, stdin=DEMO_CERT_PASSWORD + "\n")
    assert code == 1 and "expired" in err


@pytest.mark.parametrize("how", ["renew", "reissue"])
def test_the_old_copy_after_a_renewal_or_reissue_is_refused(cli, how, tmp_path):
    c = DEMO["expiring"]
    assert cli("bank", "demo")[0] == 0
    old = _mine(cli, c.name)[0]
    # a backup copy somewhere Dojang does not list (a reissue deletes the copies it can see)
    copy = tmp_path / "backup" / "NPKI" / "Dojang" / "USER" / Path(old["path"]).name
    shutil.copytree(old["path"], copy)
    assert cli("login", str(copy), stdin=DEMO_CERT_PASSWORD + "\n")[0] == 0          # before: fine
    if how == "renew":
        code, _, err = cli("renew", old["path"], "--same-password", stdin=DEMO_CERT_PASSWORD + "\n")
    else:
        code, _, err = cli("reissue", "--customer", c.key, "--yes", "--to", "hdd",
                           stdin=f"{c.account_password}\n{DEMO_CERT_PASSWORD}\n")
    assert code == 0, err
    code, _, err = cli("login", str(copy), stdin=DEMO_CERT_PASSWORD + "\n")
    assert code == 1 and ("renewal" if how == "renew" else "reissue") in err and "use the new one" in err
    new = next(r["path"] for r in _mine(cli, c.name) if r["path"] != str(copy))
    assert cli("login", new, stdin=DEMO_CERT_PASSWORD + "\n")[0] == 0


def test_another_institutions_certificate_logs_in_once_registered(cli):
    c = DEMO["card"]
    foreign = make_cert(cli.usb / "NPKI" / "yessign" / "USER", name=c.name, idn=c.rrn)
    code, _, err = cli("login", str(foreign.path), stdin=PASSWORD + "\n")
    assert code == 1 and "not registered" in err
    assert cli("register", str(foreign.path), "--customer", c.key, stdin=f"{c.account_password}\n{PASSWORD}\n")[0] == 0
    code, out, err = cli("login", str(foreign.path), "--json", stdin=PASSWORD + "\n")
    assert code == 0, err and json.loads(out)["kind"] == "registered"


def test_a_challenge_works_once_and_only_for_the_certificates_key(bank, customer, npki_root):
    from tests.authority.conftest import full_session, new_r, user_csr
    issued = bank.issue(full_session(bank), user_csr(4), new_r(), "banking")
    bank.confirm_delivery(issued.serial)
    ch = bank.login_challenge()
    with pytest.raises(AE.LoginRefused) as exc:
        bank.login(ch.id, issued.cert_der, b"x" * 20, sign_possession(pool_key(6), "login", issued.cert_der, ch.nonce))
    assert exc.value.reason == "signature"
    with pytest.raises(AE.LoginChallengeInvalid):     # used up by the failed attempt
        bank.login(ch.id, issued.cert_der, b"x" * 20, sign_possession(pool_key(4), "login", issued.cert_der, ch.nonce))
    ch = bank.login_challenge()
    with pytest.raises(AE.LoginRefused) as exc:       # the right key, but R does not give this customer's VID
        bank.login(ch.id, issued.cert_der, b"x" * 20, sign_possession(pool_key(4), "login", issued.cert_der, ch.nonce))
    assert exc.value.reason == "vid"
