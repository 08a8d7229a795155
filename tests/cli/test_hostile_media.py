"""Hostile names and fields on a (fake) USB stick: the exact bytes `list`, `show` and `list --json`
write (docs/hostile-input.md). Run as real processes so the bytes are the terminal's bytes."""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import factory

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_CN = "\x1b[2J\x1b[31mPWNED\x1b]0;TITLE\x07\u202eabc\u2066x\x9b1m"
BAD_BYTES = b"bad\xff\xfe\x1b[31m\xe2\x80\xaename"            # not UTF-8, an ESC and an RLO
LONG = "cn=" + "가" * 80 + ",o=yessign"                          # 253 bytes: near the limit


@pytest.fixture
def stick(tmp_path):
    usb = tmp_path / "usb"
    user = factory.user_dir(usb / "NPKI")
    made = factory.make_cert(user, name=HOSTILE_CN)
    os.mkdir(os.fsencode(user) + b"/" + BAD_BYTES)                 # a broken entry with a byte name
    good_copy = os.fsencode(user) + b"/cn=" + BAD_BYTES + b"()1,o=yessign,c=kr"
    shutil.copytree(made.path, os.fsdecode(good_copy))           # a valid certificate under a byte name
    long_one = factory.make_cert(user / "tmp", name="홍길동", key_index=1)
    long_one.path.rename(user / LONG)
    (user / "tmp").rmdir()
    return usb


def run(tmp_path, stick, *argv, encoding="utf-8:strict", lang="C.UTF-8"):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env.update(DOJANG_HOME=str(tmp_path / "home"), DOJANG_NPKI_ROOT=str(tmp_path / "hdd"),
               DOJANG_FAKE_REMOVABLE=str(stick), DOJANG_LANG="en", LANG=lang, LC_ALL=lang,
               PYTHONIOENCODING=encoding)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, env=env,
                          timeout=120, cwd=tmp_path)


def no_control_bytes(data: bytes) -> None:
    assert b"\x1b" not in data and b"\x07" not in data
    text = data.decode("utf-8")                                       # valid UTF-8 or this raises
    assert "\u202e" not in text and "\u2066" not in text
    assert not any((ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f) and c != "\n" for c in text)  # no C0/C1


def test_list_shows_hostile_names_as_visible_text(tmp_path, stick):
    r = run(tmp_path, stick, "list")
    assert r.returncode == 0, r.stderr
    no_control_bytes(r.stdout)
    text = r.stdout.decode()
    assert "␛[2J␛[31mPWNED␛]0;TITLE␇<U+202E>abc<U+2066>x\\x9b1m" in text
    assert "bad\\xff\\xfe␛[31m<U+202E>name" in text
    assert r.stderr == b""


def test_list_json_is_valid_utf8_and_the_raw_name_recoverable(tmp_path, stick):
    r = run(tmp_path, stick, "list", "--json")
    assert r.returncode == 0, r.stderr
    no_control_bytes(r.stdout)
    rows = json.loads(r.stdout.decode("utf-8"))
    user = os.fsencode(stick / "NPKI" / "yessign" / "USER")
    raw_names = {base64.b64decode(row["folder_raw_b64"]) for row in rows}
    assert BAD_BYTES in raw_names and b"cn=" + BAD_BYTES + b"()1,o=yessign,c=kr" in raw_names
    for row in rows:                                              # every raw path addresses its folder
        raw_path = base64.b64decode(row["path_raw_b64"])
        assert raw_path.startswith(user) and os.path.isdir(raw_path)
    good = [row for row in rows if row["status"] == "ok" and row["cn"].startswith("␛")]
    assert len(good) == 2 and all(row["name"].startswith("␛[2J") for row in good)


def test_show_by_id_and_by_raw_path(tmp_path, stick):
    rows = json.loads(run(tmp_path, stick, "list", "--json").stdout)
    hostile = next(row for row in rows if row["status"] == "ok" and b"\xff" in base64.b64decode(row["folder_raw_b64"]))
    for ref in (hostile["id"], os.fsdecode(base64.b64decode(hostile["path_raw_b64"]))):
        r = run(tmp_path, stick, "show", ref)
        assert r.returncode == 0, r.stderr
        no_control_bytes(r.stdout)
        assert "Name: ␛[2J␛[31mPWNED" in r.stdout.decode()
        r = run(tmp_path, stick, "show", ref, "--json")
        no_control_bytes(r.stdout)
        assert json.loads(r.stdout)["folder_raw_b64"] == hostile["folder_raw_b64"]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_any_terminal_encoding_works(tmp_path, stick, encoding):
    """A terminal that cannot hold Korean or the names still gets every line, and JSON stays JSON."""
    r = run(tmp_path, stick, "list", encoding=encoding)
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    assert b"\x1b" not in r.stdout and r.stdout.count(b"\n") == 4
    r = run(tmp_path, stick, "list", "--json", encoding=encoding)
    assert r.returncode == 0
    rows = json.loads(r.stdout.decode("ascii"))
    assert len(rows) == 4 and any(row["folder"] == LONG for row in rows)


def test_storages_json_keeps_a_stick_path_with_bytes_that_are_not_utf8(tmp_path):
    stick = tmp_path / "sticks"
    stick.mkdir()
    raw = os.fsencode(stick) + b"/LABEL\xff\x1b[31m"
    os.mkdir(raw)
    r = run(tmp_path, Path(os.fsdecode(raw)), "storages", "--json")
    assert r.returncode == 0, r.stderr
    no_control_bytes(r.stdout)
    rows = json.loads(r.stdout)
    assert any(base64.b64decode(row["root_raw_b64"]) == raw + b"/NPKI" for row in rows)
