"""tools/qt_preflight.py: a clear message instead of Qt's abort when X11 client libraries are missing."""
import importlib.util
import subprocess
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("qt_preflight", Path(__file__).parent.parent / "tools" / "qt_preflight.py")
pf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pf)

LDD = """\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
"""


@pytest.fixture
def linux_x11(monkeypatch, tmp_path):
    monkeypatch.setattr(pf.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(pf, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(pf.shutil, "which", lambda name: "/usr/bin/ldd")


def _ldd(out):
    return lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=out, stderr="")


def test_missing_libraries_are_named_with_their_packages(linux_x11, monkeypatch, capsys):
    monkeypatch.setattr(pf.subprocess, "run", _ldd(LDD))
    monkeypatch.setattr(pf.ctypes.util, "find_library", lambda name: None)      # no libxcb-cursor either
    assert pf.main() == 1
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err and "libxcb-keysyms.so.1" in err and "libxcb-cursor.so.0" in err
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in err


def test_all_there_is_silent(linux_x11, monkeypatch, capsys):
    monkeypatch.setattr(pf.subprocess, "run", _ldd(LDD.replace("not found", "/lib/x.so (0x1)")))
    monkeypatch.setattr(pf.ctypes.util, "find_library", lambda name: "libxcb-cursor.so.0")
    assert pf.main() == 0 and capsys.readouterr().err == ""


def test_no_display_says_what_to_do(linux_x11, monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert pf.main() == 1 and "DISPLAY" in capsys.readouterr().err


@pytest.mark.parametrize("env,value", [("QT_QPA_PLATFORM", "offscreen"), ("QT_QPA_PLATFORM", "wayland")])
def test_other_platforms_are_not_checked(linux_x11, monkeypatch, env, value):
    monkeypatch.setenv(env, value)
    monkeypatch.setattr(pf.subprocess, "run", lambda *a, **k: pytest.fail("ldd must not run"))
    assert pf.main() == 0


def test_not_linux_is_not_checked(monkeypatch):
    monkeypatch.setattr(pf.sys, "platform", "win32")
    assert pf.main() == 0


def test_wayland_with_xwayland_only_warns(linux_x11, monkeypatch, capsys):
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr(pf.subprocess, "run", _ldd(LDD))
    monkeypatch.setattr(pf.ctypes.util, "find_library", lambda name: "libxcb-cursor.so.0")
    assert pf.main() == 0 and "libxcb-icccm.so.4" in capsys.readouterr().err


def test_ldd_that_hangs_or_fails_lets_qt_try(linux_x11, monkeypatch):
    def hang(*a, **k):
        raise subprocess.TimeoutExpired("ldd", 30)
    monkeypatch.setattr(pf.subprocess, "run", hang)
    monkeypatch.setattr(pf.ctypes.util, "find_library", lambda name: "libxcb-cursor.so.0")
    assert pf.main() == 0


def test_unknown_libraries_get_no_empty_install_line(linux_x11, monkeypatch, capsys):
    monkeypatch.setattr(pf.subprocess, "run", _ldd("\tlibweird.so.9 => not found\n"))
    monkeypatch.setattr(pf.ctypes.util, "find_library", lambda name: "libxcb-cursor.so.0")
    assert pf.main() == 1
    err = capsys.readouterr().err
    assert "libweird.so.9" in err and "apt-get install\n" not in err and "apt-get" not in err
