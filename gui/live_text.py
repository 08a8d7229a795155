"""Texts that follow a live language switch (docs/gui-state.md "Translations, live").

    live = LiveText(window)
    live.bind(lambda: label.setText(self.tr_text()))      # any setter; its translated text inside

`bind` runs the setter at once and again after the LanguageChange events the window receives (Qt sends
one to every top-level widget for each translator installed or removed; the setters run once, from the
event loop, after the last of them), so a window built once keeps speaking the language of the moment. The translation call stays inside the lambda, where lupdate
finds it.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class LiveText(QObject):
    def __init__(self, window: QObject):
        super().__init__(window)
        self._window = window
        self._setters: list[Callable[[], None]] = []
        self._pending = False
        window.installEventFilter(self)

    def bind(self, setter: Callable[[], None]) -> Callable[[], None]:
        self._setters.append(setter)
        setter()
        return setter

    def apply(self) -> None:
        for setter in list(self._setters):
            setter()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        # one switch removes and installs several translators (one event each): apply once, after them
        if obj is self._window and event.type() == QEvent.Type.LanguageChange and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._apply_pending)
        return False

    def _apply_pending(self) -> None:
        self._pending = False
        self.apply()
