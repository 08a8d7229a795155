"""Hot-plug watching without Qt: a daemon thread polls drive discovery and reports changes.

    watcher = DriveWatcher(on_appear=..., on_disappear=..., interval=1.5)
    watcher.start()
    ...
    watcher.stop()

Callbacks run on the watcher's thread; a GUI forwards them to its own thread (e.g. a Qt signal).
A callback that raises is logged and does not stop the watcher.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from .discovery import DiscoveryConfig, Drive, discover_removable

log = logging.getLogger(__name__)

DriveCallback = Callable[[Drive], None]


class DriveWatcher:
    def __init__(self, on_appear: DriveCallback | None = None, on_disappear: DriveCallback | None = None, *,
                 interval: float = 1.5, discover: Callable[[], list[Drive]] | None = None,
                 config: DiscoveryConfig | None = None):
        self.on_appear = on_appear
        self.on_disappear = on_disappear
        self.interval = interval
        self._discover = discover or (lambda: discover_removable(config))
        self._known: dict[str, Drive] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
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

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll_once()
            self._stop.wait(self.interval)

    def start(self) -> "DriveWatcher":
        if self._thread and self._thread.is_alive():
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="dojang-drive-watcher", daemon=True)
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

    def __enter__(self) -> "DriveWatcher":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
