"""Hot-plug and content watching without Qt.

`DriveWatcher`: a daemon thread polls drive discovery and reports drives that appear or go.
`StorageWatcher`: a daemon thread polls a cheap `stat` fingerprint of each storage's NPKI root
(`tree_signature`) and reports the storages whose certificates changed — another window, the CLI or
a phone transfer wrote there while the app runs.

    watcher = DriveWatcher(on_appear=..., on_disappear=..., interval=1.5)
    watcher.start()
    ...
    watcher.stop()

Callbacks run on the watcher's thread; a GUI forwards them to its own thread (e.g. a Qt signal).
A callback that raises is logged and does not stop the watcher.
"""
from __future__ import annotations

import logging
import os
import stat
import threading
from pathlib import Path
from typing import Callable

from .discovery import DiscoveryConfig, Drive, discover_removable

log = logging.getLogger(__name__)

DriveCallback = Callable[[Drive], None]


class _Poller:
    """A daemon thread that calls `poll_once()` every `interval` seconds until stopped."""
    interval: float
    thread_name = "dojang-watcher"

    def _init_thread(self) -> None:
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll_once(self):
        raise NotImplementedError

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll_once()
            self._stop.wait(self.interval)

    def start(self):
        if self._thread and self._thread.is_alive():
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


class DriveWatcher(_Poller):
    thread_name = "dojang-drive-watcher"

    def __init__(self, on_appear: DriveCallback | None = None, on_disappear: DriveCallback | None = None, *,
                 interval: float = 1.5, discover: Callable[[], list[Drive]] | None = None,
                 config: DiscoveryConfig | None = None):
        self.on_appear = on_appear
        self.on_disappear = on_disappear
        self.interval = interval
        self._discover = discover or (lambda: discover_removable(config))
        self._known: dict[str, Drive] = {}
        self._init_thread()
        self._lock = threading.Lock()

    @property
    def drives(self) -> list[Drive]:
        with self._lock:
            return list(self._known.values())

    def poll_once(self) -> tuple[list[Drive], list[Drive]]:
        """Compare with the last poll; call back and return (appeared, disappeared)."""
        try:
            current = {d.drive_id: d for d in self._discover()}
        except Exception as exc:  # noqa: BLE001 - discovery is best effort; keep the last state
            log.warning("drive discovery failed (%s)", type(exc).__name__)
            return [], []
        with self._lock:
            appeared = [d for k, d in current.items() if k not in self._known]
            disappeared = [d for k, d in self._known.items() if k not in current]
            self._known = current
        for drive in appeared:
            self._call(self.on_appear, drive)
        for drive in disappeared:
            self._call(self.on_disappear, drive)
        return appeared, disappeared

    @staticmethod
    def _call(cb: DriveCallback | None, drive: Drive) -> None:
        if cb is None:
            return
        try:
            cb(drive)
        except Exception:  # noqa: BLE001
            log.exception("drive watcher callback failed")


    def __enter__(self) -> "DriveWatcher":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- contents of the storages -----------------------------------------------------------------------

def tree_signature(root: Path, *, max_folders: int = 20_000) -> tuple:
    """A cheap fingerprint of an NPKI root's certificate layout: the modification times of the root, of
    every `<CA>` and `<CA>/USER` folder, and the names of the certificate folders in each USER folder.
    Dojang writes a certificate as a whole folder renamed into USER (docs/crash-safety.md), so adding,
    deleting, replacing or renaming one changes USER's time; files changed inside a folder in place (a
    password change) do not change what the list shows. One `lstat` per folder level and one `scandir`
    per USER folder — no file is read, no symlink followed. A missing root is `()`."""
    out: list[tuple] = []

    def mtime(path: str) -> int | None:
        try:
            st = os.lstat(path)
        except OSError:
            return None
        return st.st_mtime_ns if stat.S_ISDIR(st.st_mode) else None

    def subdirs(path: str) -> list[str]:
        try:
            with os.scandir(path) as it:
                return sorted(e.path for e in it if e.is_dir(follow_symlinks=False))
        except OSError:
            return []

    top = mtime(str(root))
    if top is None:
        return ()
    out.append((str(root), top))
    for ca in subdirs(str(root)):
        out.append((ca, mtime(ca) or 0))
        for user in subdirs(ca):
            if os.path.basename(user).lower() != "user":
                continue
            names = tuple(os.path.basename(p) for p in subdirs(user)[:max_folders])
            out.append((user, mtime(user) or 0, names))
    return tuple(out)


ChangeCallback = Callable[[str], None]


class StorageWatcher(_Poller):
    """Notices changes inside the listed storages (another window, the CLI, a phone transfer) by
    polling `tree_signature` of each root on a daemon thread; `on_change(storage_id)` is called on that
    thread when a root's signature differs from the last poll. The GUI thread sets what to watch with
    `set_targets({storage_id: root})` (a snapshot; the watcher never touches GUI objects).
    docs/gui-state.md "Live state"."""
    thread_name = "dojang-storage-watcher"

    def __init__(self, on_change: ChangeCallback | None = None, *, interval: float = 1.0,
                 signature: Callable[[Path], tuple] = tree_signature):
        self.on_change = on_change
        self.interval = interval
        self._signature = signature
        self._targets: dict[str, Path] = {}
        self._known: dict[str, tuple] = {}
        self._lock = threading.Lock()
        self._init_thread()

    def set_targets(self, targets: dict[str, Path]) -> None:
        """Watch these roots from now on; a new one is baselined at the next poll (no change reported)."""
        with self._lock:
            self._targets = {k: Path(v) for k, v in targets.items()}
            self._known = {k: v for k, v in self._known.items() if k in self._targets}

    def baseline(self, storage_id: str, signature: tuple) -> None:
        """What a scan saw: its `tree_signature`, taken just before it listed the folder. A change made
        after that moment — even before this watcher's first poll of the storage — is reported."""
        with self._lock:
            if storage_id in self._targets:
                self._known[storage_id] = signature

    def poll_once(self) -> list[str]:
        """Compare with the last poll; call back and return the ids whose contents changed."""
        with self._lock:
            targets = dict(self._targets)
        changed: list[str] = []
        for sid, root in targets.items():
            try:
                sig = self._signature(root)
            except Exception as exc:  # noqa: BLE001 - best effort, like discovery
                log.warning("storage signature failed (%s)", type(exc).__name__)
                continue
            with self._lock:
                if sid not in self._targets:
                    continue
                before = self._known.get(sid)
                self._known[sid] = sig
            if before is not None and before != sig:
                changed.append(sid)
        for sid in changed:
            if self.on_change is not None:
                try:
                    self.on_change(sid)
                except Exception:  # noqa: BLE001
                    log.exception("storage watcher callback failed")
        return changed

