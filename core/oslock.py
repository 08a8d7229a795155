"""An exclusive lock between processes on one data folder (docs/bank-core.md "Several processes").

`with process_lock(path):` holds an OS-level lock on `path` (created if missing) until the block
ends. The operating system drops the lock when its process dies, so a killed Dojang never leaves a
lock behind; no pid files, no staleness guesses."""
from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

_local = threading.Lock()     # fcntl locks are per process: threads of one process take turns here


@contextlib.contextmanager
def process_lock(path: Path, *, timeout: float = 60.0):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with _local:
            _acquire(fd, timeout)
            try:
                yield
            finally:
                _release(fd)
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _acquire(fd: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError("the bank is busy in another Dojang window") from None
                time.sleep(0.05)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _acquire(fd: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError("the bank is busy in another Dojang window") from None
                time.sleep(0.02)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def try_lock(path: Path):
    """A non-blocking probe: an open fd holding the lock, or None when another process holds it.
    The caller closes the fd (which releases the lock)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if os.name == "nt":  # pragma: no cover
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd
