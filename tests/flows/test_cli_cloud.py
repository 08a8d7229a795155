"""The 금융인증서 on the command line (docs/bank-flows.md "금융인증서"): issue --type 금융인증서, cloud
list/connect/disconnect/change-pin/reset-pin/renew/revoke and login --cloud — PINs only on stdin."""
from __future__ import annotations

import json

from core.authority.demo import DEMO_CUSTOMERS

DEMO = {d.key: d for d in DEMO_CUSTOMERS}
PIN = "274915"
NEW = "582913"


def _issue(cli, c):
    code, out, err = cli("issue", "--customer", c.key, "--type", "금융인증서", "--json",
                         stdin=f"{c.account_password}\n{PIN}\n{PIN}\n")
    assert code == 0, err
    return json.loads(out)


def _list(cli, *argv):
    code, out, err = cli("cloud", "list", "--json", *argv)
    assert code == 0, err
    return json.loads(out)["accounts"]


def test_issue_login_and_no_pin_in_output(cli):
    c = DEMO["card"]
    done = _issue(cli, c)
    assert done["path"] is None and done["storage"] is None and done["type"] == "finance" and done["fee"] == 0
    [account] = _list(cli)
    assert account["customer"] == c.name and account["certificate"]["serial"] == done["serial"]
    code, out, err = cli("login", "--cloud", c.key, "--json", stdin=PIN + "\n")
    assert code == 0, err
    assert json.loads(out)["product"] == "finance" and json.loads(out)["serial"] == done["serial"]
    assert PIN not in out + err
    code, _, err = cli("login", "--cloud", c.key, stdin="000000\n")
    assert code == 1 and "PIN" in err
    # one per customer
    code, _, err = cli("issue", "--customer", c.key, "--type", "금융인증서", stdin=f"{c.account_password}\n{PIN}\n{PIN}\n")
    assert code == 1
    # reissue does not take it
    assert cli("reissue", "--customer", c.key, "--type", "금융인증서", "--yes", stdin="")[0] == 2


def test_a_weak_or_mismatched_pin_is_refused(cli):
    c = DEMO["card"]
    code, _, err = cli("issue", "--customer", c.key, "--type", "금융인증서", stdin=f"{c.account_password}\n123456\n123456\n")
    assert code == 1 and ("123456" in err or "run" in err or "연속" in err)
    code, _, err = cli("issue", "--customer", c.key, "--type", "금융인증서", stdin=f"{c.account_password}\n{PIN}\n{NEW}\n")
    assert code == 1
    assert _list(cli) == []


def test_phone_connect_disconnect(cli):
    c = DEMO["card"]
    _issue(cli, c)
    assert _list(cli, "--customer", c.key, "--device", "phone") == []
    code, _, err = cli("login", "--cloud", c.key, "--device", "phone", stdin=PIN + "\n")
    assert code == 1 and "connect" in err.lower()
    assert cli("cloud", "connect", "--customer", c.key, "--device", "phone")[0] == 0
    assert len(_list(cli, "--customer", c.key, "--device", "phone")) == 1
    assert cli("login", "--cloud", c.key, "--device", "phone", stdin=PIN + "\n")[0] == 0
    assert cli("cloud", "disconnect", "--customer", c.key, "--device", "phone")[0] == 0
    assert _list(cli, "--customer", c.key, "--device", "phone") == []


def test_lockout_reset_change_and_revoke(cli):
    c = DEMO["card"]
    _issue(cli, c)
    for _ in range(5):
        assert cli("login", "--cloud", c.key, stdin="000000\n")[0] == 1
    code, _, err = cli("login", "--cloud", c.key, stdin=PIN + "\n")
    assert code == 1 and "locked" in err
    assert _list(cli)[0]["certificate"]["locked"] is True
    code, _, err = cli("cloud", "reset-pin", "--customer", c.key, stdin=f"{c.account_password}\n{NEW}\n{NEW}\n")
    assert code == 0, err
    assert cli("login", "--cloud", c.key, stdin=NEW + "\n")[0] == 0
    code, _, err = cli("cloud", "change-pin", "--customer", c.key, stdin=f"{NEW}\n{PIN}\n{PIN}\n")
    assert code == 0, err
    assert cli("login", "--cloud", c.key, stdin=PIN + "\n")[0] == 0
    assert cli("cloud", "renew", "--customer", c.key, stdin=PIN + "\n")[0] == 1          # not in the window
    assert cli("cloud", "auto-renew", "on", "--customer", c.key, stdin=PIN + "\n")[0] == 0
    assert _list(cli)[0]["certificate"]["auto_renew"] is True
    code, _, err = cli("cloud", "revoke", "--customer", c.key, "--yes", stdin=PIN + "\n")
    assert code == 0, err
    assert _list(cli)[0]["certificate"] is None


def test_reissue_on_the_command_line(cli):
    c = DEMO["otp"]
    old = _issue(cli, c)
    code, out, err = cli("reissue", "--customer", c.key, "--type", "금융인증서", "--yes", "--json",
                         stdin=f"{c.account_password}\n{NEW}\n{NEW}\n")
    assert code == 0, err
    new = json.loads(out)
    assert new["serial"] != old["serial"] and new["path"] is None
    [account] = _list(cli)
    assert account["certificate"]["serial"] == new["serial"]
    code, out, err = cli("login", "--cloud", c.key, "--json", stdin=NEW + "\n")
    assert code == 0, err
    assert NEW not in out + err
