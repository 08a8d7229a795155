"""Every failure is one line (docs/hostile-input.md): for each bad use of each command, exit 1
(refused/failed) or 2 (bad usage), exactly one line on stderr, no Traceback. The cases of issue 15
first, then more of each command × missing / extra / invalid arguments and closed standard input."""
from __future__ import annotations

import io
import itertools
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main as cli_main
from tests import factory
from tests.authority.conftest import memory_keyring, pool_key  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
CLOSED = None          # stdin closed (`<&-`): sys.stdin is None
BIG = "99999999999999999999"


def _home() -> Path:
    return Path(os.environ["DOJANG_HOME"])


def corrupt_db():
    db = _home() / "authority" / "authority.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database at all" * 100)


def newer_db():
    db = _home() / "authority" / "authority.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA user_version = 999")


def home_is_a_file(monkeypatch, tmp_path):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("DOJANG_HOME", str(tmp_path / "file"))


def home_under_a_file(monkeypatch, tmp_path):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("DOJANG_HOME", str(tmp_path / "file" / "sub"))


# (argv with {cert}/{tmp} placeholders, stdin, exit status, setup or None, a fragment of the message)
CASES = [
    # --- the cases named in issue 15 ---
    (["check-password", "{cert}"], CLOSED, 2, None, "standard input"),
    (["change-password", "{cert}"], CLOSED, 2, None, "standard input"),
    (["export-pfx", "{cert}", "{tmp}/out.pfx"], CLOSED, 2, None, "standard input"),
    (["issue", "--customer", "김보안"], CLOSED, 2, None, "Account password"),
    (["bank", "add-customer", "--name", "나신규", "--phone", "010-5555-1234"], CLOSED, 2, None, "Resident"),
    (["bank", "add-customer", "--name", "X", "--phone", "010-5555-1234", "--balance", BIG], "", 2, None, "balance"),
    (["bank", "audit", "--limit", BIG], "", 2, None, "limit"),
    (["list"], "", 1, home_is_a_file, "DOJANG_HOME"),
    (["bank", "customers"], "", 1, corrupt_db, "bank reset --keep-backup"),
    (["bank", "customers"], "", 1, newer_db, "newer"),
    (["remove-folder", "bogus-id"], "", 1, None, "No added folder"),
    # --- more: each command × missing / extra / invalid arguments, closed or empty stdin ---
    ([], "", 2, None, "command"),
    (["frobnicate"], "", 2, None, "invalid choice"),
    (["bank"], "", 2, None, "sub-command"),
    (["phone"], "", 2, None, "sub-command"),
    (["list", "--storage", "nowhere"], "", 1, None, "storage"),
    (["list", "extra"], "", 2, None, "unrecognized"),
    (["storages", "--bogus"], "", 2, None, "unrecognized"),
    (["show"], "", 2, None, "required"),
    (["show", "deadbeef"], "", 1, None, "No such certificate"),
    (["show", "ab"], "", 1, None, "No such certificate"),
    (["show", "{tmp}/no/such/folder"], "", 1, None, "No such certificate"),
    (["check-password", "{cert}"], "", 2, None, "standard input"),
    (["check-password", "{cert}"], "wrong-password\n", 1, None, "incorrect"),
    (["copy", "{cert}"], "", 2, None, "--to"),
    (["copy", "{cert}", "--to", "nowhere"], "", 1, None, "storage"),
    (["move", "{cert}", "--to", "hdd", "--on-conflict", "maybe"], "", 2, None, "invalid choice"),
    (["delete", "{cert}"], CLOSED, 2, None, "standard input"),
    (["export-pfx", "{cert}"], "", 2, None, "required"),
    (["export-pfx", "{cert}", "{tmp}/x.pfx", "--flavour", "weird"], "", 2, None, "invalid choice"),
    (["import-pfx", "{tmp}/missing.pfx", "--to", "hdd"], "", 1, None, "not found"),
    (["import-pfx", "{tmp}/garbage.pfx", "--to", "hdd"], CLOSED, 2, None, "PFX password"),
    (["import-pfx", "{tmp}/garbage.pfx", "--to", "hdd"], "pw\n", 1, None, "PFX"),
    (["verify-owner", "{cert}"], CLOSED, 2, None, "standard input"),
    (["verify-owner", "{cert}"], f"{factory.PASSWORD}\n12\n", 2, None, "13 digits"),
    (["add-folder"], "", 2, None, "required"),
    (["add-folder", "{tmp}/no/such/dir"], "", 1, None, "No such folder"),
    (["remove-folder"], "", 2, None, "required"),
    (["bank", "audit", "--limit", "0"], "", 2, None, "limit"),
    (["bank", "audit", "--limit", "abc"], "", 2, None, "whole number"),
    (["bank", "add-customer", "--name", "X", "--phone", "010-5555-1234", "--balance", "-5"], "", 2, None, "balance"),
    (["bank", "add-customer", "--phone", "010-5555-1234"], "", 2, None, "--name"),
    (["bank", "add-customer", "--name", "X", "--phone", "010-5555-1234"], "12\n", 2, None, "Account number"),
    (["bank", "add-customer", "--name", "X", "--phone", "010-5555-1234"], "990101-1234568\n123\n1234\n", 1, None,
     "invalid: account number"),
    (["bank", "unlock", "아무개"], "", 1, None, "customer"),
    (["bank", "unlock"], "", 2, None, "required"),
    (["bank", "unlock", "123456-1******"], "", 1, None, "masked"),
    (["bank", "issue-card", "999"], "", 1, None, "customer"),
    (["bank", "reset"], "", 2, None, "--keep-backup"),
    (["bank", "crl"], "", 2, None, "required"),
    (["bank", "ca-chain", "{tmp}/no/such/dir/chain.pem"], "", 1, None, ""),
    (["issue", "--customer", "nobody"], "", 1, None, "customer"),
    (["issue"], "", 2, None, "--customer"),
    (["issue", "--customer", "김보안", "--type", "기업용"], "", 2, None, "--type"),
    (["issue", "--customer", "김보안", "--first", "fax"], "", 2, None, "invalid choice"),
    (["issue", "--customer", "김보안", "--to", "usb"], "", 2, None, "removable"),
    (["issue", "--customer", "김보안"], "", 2, None, "standard input"),
    (["renew", "deadbeef"], "", 1, None, "No such certificate"),
    (["revoke", "{cert}"], "", 1, None, "another institution"),       # refused before any question
    (["register", "{cert}", "--customer", "nobody"], "", 1, None, "customer"),
    (["register", "{cert}", "--customer", "locked"], CLOSED, 1, None, "unlock"),     # refused before asking
    (["issue", "--customer", "locked"], CLOSED, 1, None, "unlock"),
    (["phone", "messages", "123"], "", 1, None, "mobile number"),
    (["phone", "import", "010-2222-3333", "123412341234"], CLOSED, 2, None, "standard input"),
    (["phone", "receive", "123412341234"], CLOSED, 2, None, "standard input"),
    (["phone", "export", "{cert}"], "", 2, None, "--to"),
    (["list"], "", 1, home_under_a_file, "DOJANG_HOME"),
]


def _id(case):
    argv, stdin, code, setup, _ = case
    what = " ".join(argv) or "(none)"
    return f"{what} <{'closed' if stdin is CLOSED else repr(stdin)[:12]}>{' +' + setup.__name__ if setup else ''}"


@pytest.fixture
def run(monkeypatch, capsys, tmp_path, npki_root, memory_keyring):  # noqa: F811
    counter = itertools.count()
    monkeypatch.setattr("core.authority.ca.default_key_factory", lambda: pool_key(next(counter) % 4))
    monkeypatch.setattr("core.flows.base._rsa2048", lambda: pool_key(5))
    made = factory.make_cert(factory.user_dir(npki_root))
    (tmp_path / "garbage.pfx").write_bytes(b"\x30\x03junk")

    def _run(argv, stdin):
        from core.storage import base
        cert = base.hard_disk(npki_root).cert_id(base.hard_disk(npki_root).certificates()[0])
        argv = [a.replace("{cert}", cert).replace("{tmp}", str(tmp_path)) for a in argv]
        monkeypatch.setattr("sys.stdin", None if stdin is CLOSED else io.StringIO(stdin))
        try:
            code = cli_main(argv)
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    _run.made = made
    return _run


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_bad_usage_is_one_line(run, case, monkeypatch, tmp_path):
    argv, stdin, want, setup, fragment = case
    if setup is not None:
        if setup.__code__.co_argcount:
            setup(monkeypatch, tmp_path)
        else:
            setup()
    code, out, err = run(argv, stdin)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == want, (code, err)
    assert "Traceback" not in err + out
    assert len(lines) == 1, err
    assert fragment.lower() in lines[0].lower(), lines[0]


def test_at_least_twenty_more_than_the_issue_names():
    assert len(CASES) - 11 >= 20


def test_corrupt_bank_then_reset_keeps_a_backup_and_starts_afresh(run):
    corrupt_db()
    code, _, err = run(["bank", "customers"], "")
    db = _home() / "authority" / "authority.sqlite3"
    assert code == 1 and str(db) in err and "bank reset --keep-backup" in err
    code, out, err = run(["bank", "reset", "--keep-backup"], "")
    assert code == 0, err
    backups = list(_home().glob("authority.backup-*"))
    assert len(backups) == 1 and (backups[0] / "authority.sqlite3").read_bytes().startswith(b"this is not")
    code, out, _ = run(["bank", "customers", "--json"], "")
    assert code == 0 and json.loads(out)                      # a fresh bank with the demo customers
    code, _, _ = run(["bank", "reset", "--keep-backup"], "")
    assert code == 0 and len(list(_home().glob("authority.backup-*"))) == 2   # nothing overwritten


def test_malformed_storages_json_is_ignored_kept_and_rewritten(run, tmp_path, caplog):
    settings = _home() / "storages.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"folders": 5}')
    code, out, err = run(["storages"], "")
    assert code == 0 and "hdd" in out
    warnings = [r for r in caplog.records if "malformed" in r.getMessage()]
    assert len(warnings) == 1
    kept = list(settings.parent.glob("storages.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == '{"folders": 5}'
    (tmp_path / "backup").mkdir()
    assert run(["add-folder", str(tmp_path / "backup")], "")[0] == 0
    assert json.loads(settings.read_text())["folders"] == [str(tmp_path / "backup")]
    for text in ("not json", "[1, 2]", '{"folders": [1, null, "/x"]}', '{"marked_removable": {"a": 1}}'):
        settings.write_text(text)
        assert run(["storages"], "")[0] == 0


def _real(tmp_path, shell: str):
    env = dict(os.environ, DOJANG_LANG="en", DOJANG_HOME=str(tmp_path / "home"),
               DOJANG_NPKI_ROOT=str(tmp_path / "NPKI"), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.run(["sh", "-c", shell.replace("@dojang", f"'{sys.executable}' '{ROOT / 'main.py'}'")],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("shell, want", [
    ("exec @dojang bank add-customer --name X --phone 010-5555-1234 <&-", 2),
    ("exec @dojang issue --customer 김보안 <&-", 2),
    ("exec @dojang bank audit --limit 99999999999999999999", 2),
    ("DOJANG_HOME=/dev/null exec @dojang list", 1),
])
def test_real_processes_with_closed_stdin_and_bad_values(tmp_path, shell, want):
    r = _real(tmp_path, shell)
    lines = [line for line in r.stderr.splitlines() if line.strip() and not line.startswith("No secure keyring")]
    assert r.returncode == want and "Traceback" not in r.stderr and len(lines) == 1, r.stderr


def test_an_unexpected_error_is_one_line_and_a_report_without_secrets(run, monkeypatch):
    from core.cli import storage_cmds

    def boom(_args):
        raise RuntimeError("failed near 850315-1234566 with password=hunter2")
    monkeypatch.setattr(storage_cmds, "cmd_storages", boom)
    from core import cli
    monkeypatch.setattr(cli, "build_parser", _parser_with(storages=boom))
    code, _, err = run(["storages"], "")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Full report:" in err
    report = Path(err.strip().rsplit(" ", 1)[-1])
    text = report.read_text()
    assert "RuntimeError" in text and "1234566" not in text and "hunter2" not in text
    assert oct(report.stat().st_mode & 0o777) == "0o600"


def _parser_with(**funcs):
    from core import cli
    original = cli.build_parser

    def build(*args):
        parser = original(*args)
        for action in parser._subparsers._group_actions:
            for name, func in funcs.items():
                action.choices[name].set_defaults(func=func)
        return parser
    return build
