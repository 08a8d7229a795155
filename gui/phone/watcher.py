"""`PhoneWatcher`: watches every registered phone and opens the right window when the bank calls or
texts (`ensure_phone_windows`)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.authority import phones as bank_phones
from core.storage import registry
from core.storage import phone_transfer as pt

from ..context import AppContext
from .common import POLL_MS
from .window import phone_window_for, show_phone_window


class PhoneWatcher(QObject):
    """Watches every registered phone and pops its window when the bank calls or texts."""

    popped = Signal(str)     # the phone number whose window was brought up

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, relay_factory: Callable[[], pt.Relay] | None = None,
                 interval_ms: int = POLL_MS * 2):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.relay_factory = relay_factory
        self._seen: dict[str, tuple[int | None, set[str]]] = {}
        self._snapshot(initial=True)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _state(self, digits: str) -> tuple[int | None, set[str]]:
        a = self.ctx.authority()
        call = bank_phones.incoming_call(digits, a.now(), a.home)
        return (call.challenge if call else None), {m.id for m in a.phone_messages(digits)}

    def _snapshot(self, initial: bool = False) -> list[str]:
        """Numbers with something new since the last look."""
        changed = []
        if not initial and not self.ctx.authority_open:
            return changed      # nothing can ring before the bank is open; never wait on its opening here
        for storage in registry.list_phones():
            digits = storage.mount.name if storage.mount else None
            if not digits:
                continue
            try:
                call, msgs = self._state(digits)
            except (OSError, ValueError):
                continue
            before = self._seen.get(digits)
            self._seen[digits] = (call, msgs)
            if initial:
                continue
            seen_call, seen_msgs = before if before else (None, set())
            if (call is not None and call != seen_call) or (msgs - seen_msgs):
                changed.append((digits, seen_msgs))
        return changed

    def check(self) -> None:
        for digits, seen in self._snapshot():
            existing = phone_window_for(self.ctx, digits)
            window = existing or show_phone_window(self.parent_widget, self.ctx, digits, seen_messages=seen,
                                                   relay=self.relay_factory() if self.relay_factory else None)
            window.poll()
            window.bring_up()
            self.popped.emit(window.number)


def ensure_phone_windows(parent: QWidget | None, ctx: AppContext, **kw) -> PhoneWatcher:
    """Start watching every registered phone (keep the returned watcher; it is parented to `parent`)."""
    return PhoneWatcher(ctx, parent, **kw)
