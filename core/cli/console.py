"""Printing for the CLI under any terminal encoding, with media/bank text made visible (docs/hostile-input.md).

- `configure()` (once, at CLI start): stdout/stderr never raise UnicodeEncodeError — a character the
  terminal's encoding cannot hold is written as a backslash escape instead.
- `say(line)` / `warn(line)`: one line each, through core.textsafe.visible (control characters —
  a newline inside a name too — bidi overrides and undecodable bytes shown, never interpreted).
- `print_json(data)`: every string made visible; the output is valid UTF-8 (or pure ASCII with
  `\\uXXXX` escapes when the terminal's encoding is not UTF-8).
"""
from __future__ import annotations

import codecs
import json
import sys

from ..textsafe import visible, visible_tree


def configure() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream that cannot change (already written to, closed)
                pass


def say(line: str = "") -> None:
    """Print one line to stdout, made visible."""
    print(visible(line))


def warn(line: str) -> None:
    """Print one line to stderr, made visible."""
    print(visible(line), file=sys.stderr)


def is_utf8(stream) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def print_json(data, *, default=None) -> None:
    print(json.dumps(visible_tree(data), ensure_ascii=not is_utf8(sys.stdout), indent=2, default=default))


def need_subcommand(parser):
    """The `func` of a command group run without a sub-command: its help on stdout, one line on
    stderr, exit 2."""
    def run(_args) -> int:
        from ..i18n import pick
        from . import UsageError
        parser.print_help()
        raise UsageError(pick(f"사용법 오류: {parser.prog} 다음에 하위 명령이 필요합니다.",
                              f"usage error: {parser.prog} needs a sub-command."))
    return run
