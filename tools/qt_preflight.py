"""Before `make run` / `make try` open a window on Linux: can Qt's X11 plugin load here?

Qt aborts with a terse "could not load the Qt platform plugin xcb" when a system library is
missing (PySide6 wheels bundle Qt but not the X11 client libraries). This finds the missing ones
with `ldd` and prints the packages to install, then exits 1 so `make` stops with that message.
Silent and exit 0 elsewhere (Windows, macOS, Wayland-only sessions, forced platforms, no ldd).

`python tools/qt_preflight.py`
"""
from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian/Ubuntu package names for the libraries Qt's xcb plugin needs that minimal desktops and
# containers often lack; the Fedora names in the hint follow the same libraries.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def xcb_plugin() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    found = sorted(Path(PySide6.__file__).parent.glob("Qt/plugins/platforms/libqxcb.so"))
    return found[0] if found else None


def missing_libraries(plugin: Path) -> list[str]:
    """Sonames `ldd` cannot resolve for the plugin, plus libxcb-cursor (Qt ≥ 6.5 opens it itself)."""
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return []                       # cannot tell: let Qt try
    missing = re.findall(r"^\s*(\S+) => not found", out, flags=re.MULTILINE)
    if ctypes.util.find_library("xcb-cursor") is None and "libxcb-cursor.so.0" not in missing:
        missing.append("libxcb-cursor.so.0")
    return sorted(set(missing))


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    forced = os.environ.get("QT_QPA_PLATFORM", "")
    if forced and not forced.startswith("xcb"):
        return 0                       # offscreen, wayland, vnc…: not the xcb plugin
    if not os.environ.get("DISPLAY"):
        if os.environ.get("WAYLAND_DISPLAY"):
            return 0
        print("Dojang needs a desktop session to open its window: no DISPLAY is set.\n"
              "Run `make run` from a terminal inside your desktop, or for a headless machine:\n"
              "  Xvfb :1 & DISPLAY=:1 make run      (or QT_QPA_PLATFORM=offscreen for tests only)",
              file=sys.stderr)
        return 1
    plugin = xcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        return 0
    missing = missing_libraries(plugin)
    if not missing:
        return 0
    known = [DEBIAN_PACKAGES[m] for m in missing if m in DEBIAN_PACKAGES]
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    print(("Qt's X11 plugin cannot load" if wayland else "Qt cannot open a window here") +
          ": these system libraries are missing:\n  " + "\n  ".join(missing) +
          "\nInstall them, then run the command again." +
          (f" Debian/Ubuntu:\n  sudo apt-get install {' '.join(known)}" if known else "") +
          "\nFedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image "
          "xcb-util-renderutil libxkbcommon-x11", file=sys.stderr)
    # under Wayland Qt may not need the X11 plugin: a warning, not a stop
    return 0 if wayland else 1


if __name__ == "__main__":
    sys.exit(main())
