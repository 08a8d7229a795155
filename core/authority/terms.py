"""The bank's terms texts: versioned resource files under `resources/terms/` (terms.json lists them)."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import pick


def resources_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)  # PyInstaller bundles
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


@dataclass(frozen=True)
class Terms:
    id: str
    version: str
    required: bool
    title_ko: str
    title_en: str
    text: str

    def title(self, lang: str | None = None) -> str:
        return pick(self.title_ko, self.title_en, lang)


@lru_cache(maxsize=4)
def load_terms(directory: str | None = None) -> tuple[Terms, ...]:
    d = Path(directory) if directory else resources_dir() / "terms"
    index = json.loads((d / "terms.json").read_text("utf-8"))
    out = []
    for t in index["terms"]:
        out.append(Terms(t["id"], t["version"], bool(t.get("required", True)), t["title_ko"], t["title_en"],
                         (d / t["file"]).read_text("utf-8")))
    return tuple(out)
