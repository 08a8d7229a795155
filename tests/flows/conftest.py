"""Fixtures for the flows: a fast test bank, a customer with card + OTP, and three storages
(hard disk, a fake removable drive, a mock phone), plus a snapshot of everything a Cancel must not touch."""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import re
from pathlib import Path

import pytest

from core.cli import main as cli_main
from core.flows import KeyMaker
from core.storage import base as storage_base
from core.storage.registry import create_phone
from tests.authority.conftest import (ACCOUNT, ACCOUNT_PW, NAME, PHONE, RRN, FakeClock, bank, clock,  # noqa: F401
                                      customer, home, memory_keyring, pool_key)


@pytest.fixture
def keys():
    """Pre-made key pairs instead of fresh RSA-2048 generation (speed; the flow code path is the same)."""
    return KeyMaker(factory=lambda: pool_key(5))


@pytest.fixture
def hdd(npki_root):
    return storage_base.hard_disk(npki_root)


@pytest.fixture
def usb(tmp_path):
    mount = tmp_path / "usb"
    mount.mkdir()
    return storage_base.removable(mount, "usb-test", "TESTSTICK")


@pytest.fixture
def phone():
    return create_phone(PHONE, NAME)


@pytest.fixture
def storages(hdd, usb, phone):
    return [hdd, usb, phone]


@pytest.fixture
def flow_kw(bank, storages, keys, clock):
    return dict(storages=lambda: list(storages), keys=keys, clock=clock)


def tree(*roots: Path) -> dict[str, str]:
    """Every file under the roots with its hash (what a Cancel must leave unchanged)."""
    out = {}
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for f in files:
                p = Path(dirpath) / f
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def bank_state(bank) -> dict:
    """Certificates (any status), balances and the ledger: what Cancel must not change."""
    return {
        "certs": [tuple(r) for r in bank.db.all("SELECT serial, status FROM certificates ORDER BY serial")],
        "balances": [tuple(r) for r in bank.db.all("SELECT id, balance, locked FROM accounts ORDER BY id")],
        "ledger": [tuple(r) for r in bank.db.all("SELECT * FROM ledger ORDER BY id")],
    }


def sms_code(bank, number=PHONE) -> str:
    return re.search(r"\[(\d{6})\]", bank.phone_messages(number)[-1].text).group(1)


GOOD_PASSWORD = "Sky#Lantern7x"


# --- the command line, in process (python main.py …) ------------------------------------------------

@pytest.fixture
def cli(monkeypatch, capsys, tmp_path):
    counter = itertools.count()
    monkeypatch.setattr("core.authority.ca.default_key_factory", lambda: pool_key(next(counter) % 4))
    monkeypatch.setattr("core.flows.base._rsa2048", lambda: pool_key(5))
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(usb))

    def run(*argv, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = cli_main(list(argv))
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err
    run.usb = usb
    return run


def listing(cli):
    code, out, _ = cli("list", "--json")
    assert code == 0
    return json.loads(out)
