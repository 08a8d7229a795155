"""`main.py --self-check`: the smoke test of a build, run here from source in a real process."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import main
from tests.factory import make_cert, user_dir

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "main.py", "--self-check", *args], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60)
    return out, time.monotonic() - t0


def test_self_check_passes_on_fresh_data(tmp_path):
    out, seconds = _run(str(tmp_path))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    for name in ("qt", "translations", "icons", "terms", "bank", "main window", "demo certificates",
                 "welcome page"):
        assert any(line.startswith(f"OK   {name}:") for line in lines), (name, out.stdout)
    assert not any(line.startswith("FAIL") for line in lines)
    assert lines[-1].startswith("PASSED")
    assert seconds < 20, f"self-check took {seconds:.1f} s"
    # DIR keeps the data it made: the bank and the two demo certificate folders.
    assert (tmp_path / "home" / "authority").is_dir()
    assert len(list((tmp_path / "NPKI").rglob("signCert.der"))) == 2
    assert "Dojang#demo24" not in out.stdout + out.stderr  # the demo password is used, never printed


def test_self_check_fails_when_a_check_fails(tmp_path):
    # A third certificate in the NPKI root: "the two demo certificates" no longer holds.
    make_cert(user_dir(tmp_path / "NPKI"))
    out, _ = _run(str(tmp_path))
    assert out.returncode == 1, out.stdout + out.stderr
    assert any(line.startswith("FAIL demo certificates:") for line in out.stdout.splitlines())
    assert out.stdout.splitlines()[-1].startswith("FAILED: demo certificates")


def test_a_lone_pfx_argument_opens_the_gui_import(tmp_path, monkeypatch):
    pfx = tmp_path / "내 인증서.P12"
    pfx.write_bytes(b"not checked here")
    calls = []
    monkeypatch.setattr(main, "_run_with_import", lambda path: calls.append(path) or 0)
    assert main.main([str(pfx)]) == 0
    assert calls == [str(pfx)]


def test_a_missing_pfx_is_not_a_gui_start(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(main, "_run_with_import", lambda path: (_ for _ in ()).throw(AssertionError(path)))
    try:
        rc = main.main([str(tmp_path / "missing.pfx")])
    except SystemExit as exc:
        rc = exc.code
    assert rc == 2  # the CLI's usage error
