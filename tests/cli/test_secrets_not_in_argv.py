"""Secrets never in a process's arguments: `issue` and `bank add-customer` run the documented way,
and while each waits for input, /proc/<pid>/cmdline (what `ps` shows every user) holds no
주민등록번호, account number or password (docs/hostile-input.md)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.authority.demo import DEMO_CUSTOMERS

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
ROOT = Path(__file__).resolve().parents[2]
CARD = next(d for d in DEMO_CUSTOMERS if d.key == "card")
NEW_RRN, NEW_ACCOUNT, NEW_PW = "9901011234568", "123456789012", "7391"
CERT_PW = "Sky#Lantern7x"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    base = tmp_path_factory.mktemp("argv")
    usb = base / "usb"
    usb.mkdir()
    e = {k: v for k, v in os.environ.items() if not k.startswith("DOJANG_")}
    e.update(DOJANG_HOME=str(base / "home"), DOJANG_NPKI_ROOT=str(base / "NPKI"), DOJANG_LANG="en",
             DOJANG_FAKE_REMOVABLE=str(usb), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return e


def reading_stdin(pid: int) -> bool:
    """Is some thread of `pid` blocked reading its standard input (a pipe)?"""
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            wchan = (task / "wchan").read_text()
            syscall = (task / "syscall").read_text()
        except OSError:
            continue
        if "pipe_read" in wchan or "pipe_wait" in wchan or syscall.startswith("0 0x0 "):
            return True
    return False


def wait_for_question(proc: subprocess.Popen, timeout: float = 90) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()
        if reading_stdin(proc.pid):
            return
        time.sleep(0.05)
    raise AssertionError("the command never asked for input")


def assert_clean_cmdline(pid: int, *secrets: str) -> str:
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").replace("\0", " ")
    digits = "".join(ch for ch in cmdline if ch.isdigit())
    for secret in secrets:
        plain = secret.replace("-", "")
        assert secret not in cmdline and plain not in digits, f"{secret!r} visible in argv: {cmdline!r}"
    return cmdline


def answer_each(env, argv, answers, secrets):
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *argv], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        for line in answers:
            wait_for_question(proc)
            assert_clean_cmdline(proc.pid, *secrets)
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc.returncode, out.decode(), err.decode()


def test_bank_add_customer_reads_every_secret_from_stdin(env):
    code, out, err = answer_each(env, ["bank", "add-customer", "--name", "나신규", "--phone", "010-5555-1234"],
                                 [NEW_RRN, NEW_ACCOUNT, NEW_PW], [NEW_RRN, NEW_ACCOUNT, NEW_PW])
    assert code == 0, err
    assert "Added customer" in out and "Warning" not in err
    rows = json.loads(subprocess.run([sys.executable, str(ROOT / "main.py"), "bank", "customers", "--json"],
                                     env=env, capture_output=True, check=True).stdout)
    added = next(r for r in rows if r["name"] == "나신규")
    assert added["rrn"] == "990101-1******" and NEW_RRN not in json.dumps(rows)


@pytest.mark.parametrize("who", ["김보안", "masked"])
def test_issue_names_the_customer_without_a_secret(env, who):
    ref = "850315-1******" if who == "masked" else CARD.name
    assert CARD.rrn.startswith("8503151")
    kind = "범용" if who == "masked" else "일반용"      # one certificate of each type: no reissue needed
    code, out, err = answer_each(env, ["issue", "--customer", ref, "--to", "usb", "--type", kind],
                                 [CARD.account_password, CERT_PW], [CARD.rrn, CARD.account, CERT_PW])
    assert code == 0, err
    assert "complete" in out


def test_masked_reference_that_matches_nobody_is_one_line(env):
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "issue", "--customer", "111111-1******"],
                       env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0 and "masked" in r.stderr


def test_a_second_issue_of_the_same_type_is_refused_before_any_question(env):
    subprocess.run([sys.executable, str(ROOT / "main.py"), "issue", "--customer", "card"], env=env,   # if not yet
                   capture_output=True, input=f"{CARD.account_password}\n{CERT_PW}\n".encode(), timeout=120)
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "issue", "--customer", "card"], env=env,
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert r.returncode == 1 and "reissue" in r.stderr and "No answer" not in r.stderr
