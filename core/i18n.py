"""Language choice for messages produced outside Qt (CLI, error texts).

Korean is the first language; English is used when the user's locale is not Korean.
`DOJANG_LANG` (ko|en) overrides the locale.
"""
from __future__ import annotations

import os

SUPPORTED = ("ko", "en")

_chosen: str | None = None


def set_language(lang: str | None) -> None:
    """Use `lang` for core messages from now on (the GUI's language setting); None = automatic."""
    global _chosen
    _chosen = lang if lang in SUPPORTED else None


def current_language() -> str:
    if _chosen:
        return _chosen
    forced = os.environ.get("DOJANG_LANG", "").strip().lower()
    if forced in SUPPORTED:
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    import locale           # only when no variable says (a GUI start reads the setting first)
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ko" if loc.lower().startswith("ko") else "en"


def pick(ko: str, en: str, lang: str | None = None) -> str:
    """Return the text for `lang` (default: the current language)."""
    return ko if (lang or current_language()) == "ko" else en


class Text:
    """A message in both UI languages (product names, flow notices, stage labels).

    A plain immutable value rather than a frozen dataclass: this module is imported before the GUI's
    first paint, and `dataclasses` is not needed there (docs/gui-state.md "Snappy")."""
    __slots__ = ("ko", "en")

    def __init__(self, ko: str, en: str):
        object.__setattr__(self, "ko", ko)
        object.__setattr__(self, "en", en)

    def __setattr__(self, name, value):
        raise AttributeError(f"Text is immutable (cannot set {name!r})")

    def __delattr__(self, name):
        raise AttributeError(f"Text is immutable (cannot delete {name!r})")

    def __reduce__(self):
        return Text, (self.ko, self.en)

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.ko, self.en) == (other.ko, other.en)

    def __hash__(self) -> int:
        return hash((self.ko, self.en))

    def __repr__(self) -> str:
        return f"Text(ko={self.ko!r}, en={self.en!r})"

    def __str__(self) -> str:
        return pick(self.ko, self.en)

    def message(self, lang: str | None = None) -> str:
        return pick(self.ko, self.en, lang)
