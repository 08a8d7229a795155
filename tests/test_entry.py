"""The entry point: version, CLI dispatch, and where things live."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import main
from core import locations


def test_version_flag(capsys):
    assert main.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "Dojang 0.1.0"


def test_version_in_a_real_process():
    out = subprocess.run([sys.executable, "main.py", "--version"], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, check=True)
    assert out.stdout.startswith("Dojang ")


def test_unknown_command_is_usage_error(capsys):
    try:
        rc = main.main(["no-such-command"])
    except SystemExit as exc:
        rc = exc.code
    assert rc == 2


def test_environment_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("DOJANG_NPKI_ROOT", str(tmp_path / "N"))
    monkeypatch.setenv("DOJANG_HOME", str(tmp_path / "H"))
    assert locations.npki_root() == tmp_path / "N"
    assert locations.app_home() == tmp_path / "H"
    assert locations.legacy_npki_roots() == []


def test_default_roots_per_os(monkeypatch):
    monkeypatch.delenv("DOJANG_NPKI_ROOT")
    home = Path.home()
    assert locations.npki_root("linux") == home / "NPKI"
    assert locations.npki_root("darwin") == home / "Library" / "Preferences" / "NPKI"
    monkeypatch.setenv("ProgramFiles", r"C:\Program Files")
    assert locations.legacy_npki_roots("win32") == [Path(r"C:\Program Files") / "NPKI"]
