"""The small interfaces through which a flow reaches the person using it.

A flow never prints, never opens a dialog and never sleeps: it asks for a password through a
`PasswordPrompt`, reports long work through `Progress` and tells the user about things through
`Notices`. The GUI plugs in widgets, the CLI plugs in the terminal, tests plug in scripted fakes
(docs/bank-flows.md "Prompts, progress and notices").
"""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..i18n import Text


@runtime_checkable
class PasswordPrompt(Protocol):
    def ask(self, purpose: str, prompt: Text, *, confirm: bool = False) -> bytearray | None:
        """Ask for a secret. `purpose` is a stable id ("account_password", "cert_password",
        "new_password", …); `confirm` asks twice and returns only a matching pair.
        Return None when the user cancels. The caller wipes the returned bytearray."""


@runtime_checkable
class Progress(Protocol):
    def update(self, fraction: float, text: Text) -> None:
        """0.0 … 1.0 with what is being done. Called from whatever thread runs the work."""

    def cancelled(self) -> bool:
        """True when the user asked to stop; the work stops at the next safe point."""


@runtime_checkable
class Notices(Protocol):
    def notice(self, level: str, text: Text) -> None:
        """level: "info" or "warning"."""


class NoProgress:
    def update(self, fraction: float, text: Text) -> None:
        pass

    def cancelled(self) -> bool:
        return False


class NoNotices:
    def notice(self, level: str, text: Text) -> None:
        pass


class CollectingNotices:
    """Keeps notices in a list (tests, and the CLI prints them at the end)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Text]] = []

    def notice(self, level: str, text: Text) -> None:
        self.items.append((level, text))
