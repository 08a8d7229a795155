"""Private by default under a permissive umask (022): the data folder, the bank's folder and every file
in it are 0700/0600; a loose tree is fixed on start with a notice (docs/hostile-input.md)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from core.fsperm import ensure_private_dir, is_private, make_private, tighten_tree
from tests.authority.conftest import clock, home, memory_keyring  # noqa: F401 (fixtures)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, int]:
    out = {".": stat.S_IMODE(os.lstat(root).st_mode)}
    for dirpath, dirs, files in os.walk(root):
        for name in dirs + files:
            p = Path(dirpath) / name
            out[str(p.relative_to(root))] = stat.S_IMODE(os.lstat(p).st_mode)
    return out


def test_ensure_private_dir_creates_every_missing_level_0700(tmp_path, umask022):
    target = ensure_private_dir(tmp_path / "a" / "b" / "c")
    assert [stat.S_IMODE((tmp_path / p).stat().st_mode) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
    (tmp_path / "loose").mkdir(mode=0o755)
    ensure_private_dir(tmp_path / "loose")
    assert stat.S_IMODE((tmp_path / "loose").stat().st_mode) == 0o700 and target.is_dir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        ensure_private_dir(tmp_path / "file")


def test_tighten_tree_fixes_loose_modes_and_leaves_links(tmp_path, umask022):
    root = tmp_path / "home"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "data").write_text("x")
    (root / "run.sh").write_text("#!/bin/sh")
    os.chmod(root / "run.sh", 0o755)
    outside = tmp_path / "outside"
    outside.write_text("not mine to change")
    os.chmod(outside, 0o644)
    (root / "link").symlink_to(outside)
    fixed = tighten_tree(root)
    assert {p.name for p in fixed} == {"home", "sub", "data", "run.sh"}
    got = modes(root)
    assert got["."] == got["sub"] == 0o700 and got["sub/data"] == 0o600 and got["run.sh"] == 0o700
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644          # a link is never followed
    assert tighten_tree(root) == []                                # nothing left to do
    assert make_private(root / "sub") is False and is_private(root / "sub")


def test_bank_folder_and_files_are_private_under_umask_022(home, clock, memory_keyring, umask022):
    from tests.authority.conftest import open_bank
    bank = open_bank(home, clock, memory_keyring)
    try:
        bank.teller().customers()
    finally:
        bank.close()
    got = modes(home / "authority")
    assert got and all(m & 0o077 == 0 for m in got.values()), got
    assert got["authority.sqlite3"] == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_loose_bank_from_an_older_version_is_fixed_on_open(home, clock, memory_keyring, umask022, caplog):
    from tests.authority.conftest import open_bank
    open_bank(home, clock, memory_keyring).close()
    os.chmod(home / "authority", 0o755)
    os.chmod(home / "authority" / "authority.sqlite3", 0o644)
    bank = open_bank(home, clock, memory_keyring)
    try:
        assert {"authority", "authority.sqlite3"} <= {p.name for p in bank.store.permissions_fixed}
    finally:
        bank.close()
    assert "private" in caplog.text
    assert all(m & 0o077 == 0 for m in modes(home / "authority").values())


def test_main_sets_umask_and_fixes_the_data_folder_with_a_notice(tmp_path):
    home = tmp_path / "home"
    (home / "phones").mkdir(parents=True)
    os.chmod(home / "phones", 0o755)            # explicit: another test may have run main() (umask 077)
    os.chmod(home, 0o755)
    (home / "storages.json").write_text("{}")
    os.chmod(home / "storages.json", 0o644)
    (home / "not-dojangs").write_text("someone else's file in a shared DOJANG_HOME")
    os.chmod(home / "not-dojangs", 0o644)
    env = dict(os.environ, DOJANG_HOME=str(home), DOJANG_NPKI_ROOT=str(tmp_path / "NPKI"), DOJANG_LANG="en")
    script = "import os, sys; os.umask(0o022); sys.argv[1:] = ['add-folder', sys.argv[1]]; import main; sys.exit(main.main())"
    (tmp_path / "backup").mkdir()
    r = subprocess.run([sys.executable, "-c", script, str(tmp_path / "backup")], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "Notice: made 3 item(s) in the data folder readable by you only" in r.stderr
    got = modes(home)
    assert got.pop("not-dojangs") == 0o644                       # not Dojang's: left alone
    assert all(m & 0o077 == 0 for m in got.values()), got


def test_an_uncaught_window_exception_is_one_line_and_a_masked_report(tmp_path, monkeypatch, capsys):
    import main
    monkeypatch.setenv("DOJANG_HOME", str(tmp_path / "home"))
    try:
        raise ValueError("account 100212345678 rejected, pin=2580")
    except ValueError as exc:
        main._report_unexpected(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "ValueError" in err and "Full report:" in err
    report = Path(err.rsplit(" ", 1)[-1])
    text = report.read_text()
    assert report.parent == tmp_path / "home" / "crash-reports" and "test_fsperm.py" in text
    assert "100212345678" not in text and "2580" not in text
    assert stat.S_IMODE(report.stat().st_mode) == 0o600 and stat.S_IMODE(report.parent.stat().st_mode) == 0o700
