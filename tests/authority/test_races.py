"""Races with real processes on one data folder (docs/bank-core.md "Several processes").

Each test starts N processes (tests/authority/race_worker.py) that prepare on their own, line up on a
start file and then do one racing step at the same moment: first starts, two 범용 issuances for one
customer, bursts of wrong account passwords, card answers, OTP codes, SMS codes and transfer codes,
and one transfer code typed on two PCs. Every check-then-act in the bank is one BEGIN IMMEDIATE
transaction and the relay takes turns, so a burst never gets more checks than the limit, and the
right answer fails once the limit is reached."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from core.authority.api import Config
from tests.authority.conftest import pool_key

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process start-up in the harness")

ROOT = Path(__file__).resolve().parents[2]
LIMITS = Config()


@pytest.fixture
def race(tmp_path):
    home, sync = tmp_path / "home", tmp_path / "sync"
    home.mkdir()
    sync.mkdir()
    keys = [pool_key(i).private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()).decode() for i in range(6)]
    (sync / "keys.json").write_text(json.dumps(keys))
    env = dict(os.environ, DOJANG_HOME=str(home), DOJANG_NPKI_ROOT=str(tmp_path / "NPKI"),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    round_no = [0]

    def run(*actions: str) -> list[dict]:
        """Start one process per action, let them all go at once, return their outcomes in order."""
        round_no[0] += 1
        rsync = sync / f"round-{round_no[0]}"
        rsync.mkdir()
        for name in ("keys.json", "offer.json"):
            if (sync / name).exists():
                (rsync / name).write_text((sync / name).read_text())
        procs = [subprocess.Popen([sys.executable, "-m", "tests.authority.race_worker", a, str(rsync), str(i)],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for i, a in enumerate(actions)]
        deadline = time.monotonic() + 120
        while sum((rsync / f"ready-{i}").exists() for i in range(len(actions))) < len(actions):
            if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
                break                                  # one failed while preparing: report below
            time.sleep(0.01)
        (rsync / "go").touch()
        out = []
        for p in procs:
            stdout, stderr = p.communicate(timeout=120)
            assert p.returncode == 0, stderr.decode()[-2000:]
            out.append(json.loads(stdout.decode().strip().splitlines()[-1]))
        return out

    run.home, run.sync = home, sync
    return run


def results(rows: list[dict]) -> Counter:
    return Counter(r["result"] for r in rows)


def test_three_first_starts_at_once(race):
    got = race("first_start", "first_start", "first_start")
    assert results(got) == {"ok": 3}
    (state,) = race("inspect")
    assert state["ca_roles"] == ["issuing", "root"]
    assert state["customers"] == state["demo_keys"] == 6 and state["outbox"] == 0


def test_two_general_issuances_for_one_customer(race):
    race("setup")
    got = results(race("issue_general", "issue_general"))
    assert got["ok"] == 1 and sum(got.values()) == 2, got
    (state,) = race("inspect")
    assert state["active_general"] == 1
    assert state["debited"] == 4_400 and state["balance"] == 10_000 - 4_400


def test_a_burst_of_wrong_account_passwords(race):
    race("setup")
    got = results(race(*["wrong_password"] * 9))
    assert got["WrongAccountPassword"] == LIMITS.account_password_limit - 1, got
    assert got["AccountLocked"] == 9 - got["WrongAccountPassword"], got   # the 5th wrong one locks
    (state,) = race("inspect")
    assert state["account_failures"] == LIMITS.account_password_limit
    assert results(race("right_password")) == {"AccountLocked": 1}


@pytest.mark.parametrize("channel,limit,n", [("card", LIMITS.card_limit, LIMITS.card_limit + 3),
                                             ("otp", LIMITS.otp_limit, LIMITS.otp_limit + 3),
                                             ("sms", LIMITS.sms_lock_limit, LIMITS.sms_lock_limit + 3)])
def test_a_burst_of_wrong_answers_locks_the_channel(race, channel, limit, n):
    """SMS: wrong codes across sessions count toward the SMS channel's lock, like card and OTP answers."""
    race("setup")
    got = results(race(*[f"wrong_{channel}"] * n))
    wrong = got["WrongFactorAnswer"] + got["CodeMismatch"]
    assert wrong == limit - 1 and got["FactorLocked"] == n - wrong, got
    assert set(results(race(f"right_{channel}"))) == {"FactorLocked"}


def test_a_burst_of_wrong_finance_certificate_pins(race):
    """금융인증서 PINs (docs/bank-flows.md "금융인증서"): the count is read and written in one transaction."""
    race("setup")
    assert results(race("cloud_issue")) == {"ok": 1}
    got = results(race(*["wrong_pin"] * 8))
    assert got["WrongPin"] == 4 and got["PinLocked"] == 4, got
    (state,) = race("inspect")
    assert state["pin_failures"] == 5 and state["pin_locked"] == 1
    assert results(race("right_pin")) == {"PinLocked": 1}


@pytest.fixture
def offer(race, tmp_path):
    """A phone → PC transfer waiting for its code (the phone's certificate, password PASSWORD)."""
    from core.npki.certfolder import read_cert_folder
    from core.storage.phone_transfer import Relay
    from tests.factory import PASSWORD, make_cert
    made = make_cert(tmp_path / "phone" / "NPKI" / "yessign" / "USER")
    cert = read_cert_folder(made.path, "yessign")
    o = Relay(race.home, scrypt_n=2 ** 10).export_from_phone(PHONE_NUMBER, cert, bytearray(PASSWORD.encode()))
    (race.sync / "offer.json").write_text(json.dumps({"code": o.code, "password": PASSWORD}))
    return o


PHONE_NUMBER = "010-7777-8888"


def test_a_burst_of_wrong_transfer_codes(race, offer):
    from core.storage.phone_transfer import DEFAULT_MAX_WRONG
    n = DEFAULT_MAX_WRONG + 4
    got = results(race(*["wrong_code"] * n))
    assert got["TransferCodeWrong"] == DEFAULT_MAX_WRONG - 1, got
    assert got["TransferLocked"] == n - got["TransferCodeWrong"], got
    assert results(race("right_code")) == {"TransferLocked": 1}


def test_one_transfer_code_typed_on_two_pcs(race, offer):
    got = results(race("right_code", "right_code"))
    assert got == {"ok": 1, "TransferUsed": 1}, got
