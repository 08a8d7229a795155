"""Logging set-up with a filter that masks secret-shaped values (docs/storage-security.md "Logs and crash reports").

Code never logs secrets on purpose; this is the second line of defence: RRN-shaped numbers,
account-shaped digit runs and `password=…`-style pairs are masked in every record.
"""
from __future__ import annotations

import logging
import re

_RRN = re.compile(r"(?<![0-9])([0-9]{6})[-\s]?([0-9])[0-9]{6}(?![0-9])")
_LONG_DIGITS = re.compile(r"(?<![0-9])[0-9][0-9-]{8,}[0-9](?![0-9])")
_SECRET_PAIR = re.compile(r"(?i)\b(password|passwd|pw|pin|otp|secret|비밀번호|암호)(\s*[=:]\s*)(\S+)")


def mask_text(text: str) -> str:
    text = _SECRET_PAIR.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    text = _RRN.sub(lambda m: f"{m.group(1)}-{m.group(2)}******", text)
    return _LONG_DIGITS.sub(lambda m: m.group(0)[:3] + "*" * (len(m.group(0)) - 3)
                            if sum(c.isdigit() for c in m.group(0)) >= 10 else m.group(0), text)


class SecretMaskFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not break logging
            return True
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure_logging(level: int = logging.WARNING) -> None:
    """Root logging to stderr with the mask filter on every handler."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, SecretMaskFilter) for f in handler.filters):
            handler.addFilter(SecretMaskFilter())
