"""A report of an unexpected exception, written to a private file, with secrets masked
(docs/hostile-input.md "Every failure is one line").

The user sees one line naming the file; the file holds the traceback (file names, line numbers,
exception types and messages — never local variables), every line passed through
core.logsafe.mask_text so an RRN- or account-shaped number or a `password=…` pair is masked.
"""
from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from . import __version__
from .logsafe import mask_text

REPORTS = "crash-reports"
KEEP = 20


def _folder() -> Path:
    from .fsperm import ensure_private_dir
    from .locations import app_home
    try:
        return ensure_private_dir(app_home() / REPORTS)
    except OSError:
        return ensure_private_dir(Path(tempfile.gettempdir()) / f"dojang-{os.getuid() if hasattr(os, 'getuid') else 'user'}")


def report_text(exc: BaseException, command: str | None = None) -> str:
    lines = [f"Dojang {__version__} on Python {platform.python_version()} ({sys.platform})",
             f"command: {command or '-'}", f"time: {dt.datetime.now(dt.timezone.utc).isoformat()}", ""]
    lines += traceback.format_exception(type(exc), exc, exc.__traceback__)
    return mask_text("".join(lines))


def write_report(exc: BaseException, command: str | None = None) -> Path | None:
    """Write the report (0600); its path, or None when no folder could take it."""
    try:
        folder = _folder()
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(report_text(exc, command))
        old = sorted(folder.glob("crash-*.txt"))[:-KEEP]
        for p in old:
            try:
                p.unlink()
            except OSError:
                pass
        return path
    except Exception:  # noqa: BLE001 - the report is best effort; the one-line message still goes out
        return None
