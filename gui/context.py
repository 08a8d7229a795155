"""What every window of one running app shares: the bank (opened lazily), the clock, the language.

Passed explicitly to windows and dialogs (no module-level singletons), so a test builds its own
context around a temporary bank with an in-memory keyring and a fake clock."""
from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:       # imported on first use: the bank's modules cost ~0.2 s of start-up
    from core.authority import Authority

Clock = Callable[[], dt.datetime]
log = logging.getLogger(__name__)


def _system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class AppContext:
    """open_authority: builds the bank on first use (default: `Authority.open()` under app_home()).

    A plain class, not a dataclass: it is made before the first paint of the window, and `dataclasses`
    is not needed there (docs/gui-state.md "Snappy")."""

    def __init__(self, open_authority: Callable[[], Authority] | None = None, clock: Clock = _system_clock,
                 language: str = "ko"):
        self.open_authority = open_authority
        self.clock = clock
        self.language = language
        self._authority: Authority | None = None
        # called (on the opening thread) with the bank right after it was opened, e.g. to refresh a
        # window when the first open wrote the demo customers' certificates
        self.opened_listeners: list[Callable[[Authority], None]] = []
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"AppContext(language={self.language!r}, authority_open={self.authority_open})"

    def authority(self) -> Authority:
        """The bank, opened on first use (on any thread: a second caller waits for the first)."""
        if self._authority is not None:
            return self._authority
        with self._lock:
            if self._authority is not None:           # opened meanwhile by the caller we waited for
                return self._authority
            self._authority = opened = (self.open_authority or self._open_default)()
            _recover(opened)
        for listener in list(self.opened_listeners):
            try:
                listener(opened)
            except Exception:  # noqa: BLE001 - the bank is open; a listener's failure must not undo that
                log.exception("a listener of the bank's opening failed")
        return opened

    def _open_default(self) -> Authority:
        from core.authority import Authority
        return Authority.open(clock=self.clock)

    @property
    def authority_open(self) -> bool:
        return self._authority is not None

    def close(self) -> None:
        with self._lock:            # waits for an opening still running (e.g. the first start's)
            if self._authority is not None:
                self._authority.close()
                self._authority = None


def _recover(bank) -> None:
    """Finish or undo what a killed Dojang left half done (docs/bank-core.md "Crash recovery")."""
    from core.flows.journal import recover
    try:
        recover(bank)
    except Exception:  # noqa: BLE001 - recovery retries on the next start; the bank is open
        log.exception("recovery of interrupted operations failed")

