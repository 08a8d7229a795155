"""`dojang sync`: lists old copies, replaces them with the new certificate, leaves a copy with another
password alone unless --include-different; the password comes from stdin, never argv."""
from __future__ import annotations

import datetime as dt
import io
import json
import shutil

import pytest

from core.cli import main
from core.storage import copies, registry
from tests import factory
from tests.storage.test_copies import OTHER_PASSWORD, SUFFIX


@pytest.fixture
def run(monkeypatch, capsys):
    def _run(argv, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return _run


@pytest.fixture
def stale(npki_root, usb, phone):
    """Renewed on the hard disk; the old one on the stick; the old one with another password on the phone."""
    old = dt.date(2026, 1, 10)
    factory.make_cert(factory.user_dir(usb.root), start=old, cn_suffix=SUFFIX)
    factory.make_cert(factory.user_dir(phone.root), start=old, cn_suffix=SUFFIX, password=OTHER_PASSWORD)
    new = factory.make_cert(factory.user_dir(npki_root), start=dt.date(2026, 11, 20), key_index=1, cn_suffix=SUFFIX)
    return new


def _group():
    located = [(s, c) for s in registry.all_storages() if s.present() for c in s.certificates()]
    (g,) = copies.group_copies(located)
    return g


def test_list_then_sync(run, stale, usb, phone, hdd):
    code, out, _ = run(["sync"])
    assert code == 0 and "2" in out and str(usb.root) in out and str(phone.root) in out
    code, out, _ = run(["sync", "--json"])
    (data,) = json.loads(out)
    assert len(data["outdated"]) == 2 and data["current"][0]["storage"] == "hdd"
    cert_id = hdd.cert_id(hdd.certificates()[0])
    code, out, err = run(["sync", cert_id, "--dry-run"], factory.PASSWORD + "\n")
    assert code == 0 and str(usb.root) in out and len(_group().outdated) == 2       # nothing written
    code, out, err = run(["sync", cert_id], factory.PASSWORD + "\n")
    assert code == 0, err
    assert "--include-different" in out and str(phone.root) in out                 # named, left alone
    g = _group()
    assert [m.storage.id for m in g.outdated] == [phone.id]
    code, out, err = run(["sync", cert_id, "--include-different"], factory.PASSWORD + "\n")
    assert code == 0, err
    assert not _group().outdated
    code, out, _ = run(["sync"])
    assert code == 0 and "current certificate" in out


def test_wrong_password_changes_nothing(run, stale, usb, hdd):
    before = {p: p.read_bytes() for p in usb.root.rglob("*") if p.is_file()}
    code, _out, err = run(["sync", hdd.cert_id(hdd.certificates()[0])], "Wrong#pw12345\n")
    assert code == 1 and err.strip()
    assert "Wrong#pw12345" not in err
    assert {p: p.read_bytes() for p in usb.root.rglob("*") if p.is_file()} == before
