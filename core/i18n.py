"""Language choice for messages produced outside Qt (CLI, error texts).

Korean is the first language; English is used when the user's locale is not Korean.
`DOJANG_LANG` (ko|en) overrides the locale.
"""
from __future__ import annotations

import locale
import os
from dataclasses import dataclass

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
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ko" if loc.lower().startswith("ko") else "en"


def pick(ko: str, en: str, lang: str | None = None) -> str:
    """Return the text for `lang` (default: the current language)."""
    return ko if (lang or current_language()) == "ko" else en


@dataclass(frozen=True)
class Text:
    """A message in both UI languages (product names, flow notices, stage labels)."""
    ko: str
    en: str

    def __str__(self) -> str:
        return pick(self.ko, self.en)

    def message(self, lang: str | None = None) -> str:
        return pick(self.ko, self.en, lang)
