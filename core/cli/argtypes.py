"""argparse types with bounds for every number the CLI takes (docs/hostile-input.md): a value out
of range or not a number is a one-line usage error (exit 2), never an OverflowError from SQLite."""
from __future__ import annotations

import argparse
import unicodedata

from ..i18n import pick

MAX_BALANCE = 1_000_000_000_000      # 1조원: far above any demo balance, far below SQLite's 2**63
MAX_AUDIT_LIMIT = 100_000


def bounded_int(low: int, high: int, what_ko: str, what_en: str):
    """An argparse `type`: a whole number low..high (full-width digits and `_`/`,` separators allowed)."""
    def parse(text: str) -> int:
        cleaned = unicodedata.normalize("NFKC", text).strip().replace("_", "").replace(",", "")
        body = cleaned[1:] if cleaned[:1] in "+-" else cleaned
        if not body or len(body) > 30 or not body.isascii() or not body.isdigit():
            raise argparse.ArgumentTypeError(pick(f"{what_ko}은(는) 정수여야 합니다: {text[:40]!r}",
                                                  f"{what_en} must be a whole number: {text[:40]!r}"))
        value = int(cleaned)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(pick(f"{what_ko}은(는) {low:,}~{high:,} 사이여야 합니다",
                                                  f"{what_en} must be between {low:,} and {high:,}"))
        return value
    parse.__name__ = what_en          # argparse names the type in its messages
    return parse


balance = bounded_int(0, MAX_BALANCE, "잔액", "the balance")
audit_limit = bounded_int(1, MAX_AUDIT_LIMIT, "개수", "the limit")
