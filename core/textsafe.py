"""Text from media or the bank made safe to show (docs/hostile-input.md).

A USB stick holds whatever someone else put on it: folder names and certificate fields may carry
terminal escape sequences, right-to-left overrides or bytes that are not UTF-8. Everything read from
media or the bank goes through `visible()` before a terminal or a widget shows it:

- C0/C1 control characters become visible: U+0000–U+001F → the Control Pictures (␀…␟, so ESC is ␛),
  DEL → ␡, U+0080–U+009F → `\\x80`…`\\x9f` (a C1 CSI would otherwise start an escape sequence);
- bidirectional controls (LRE/RLE/PDF/LRO/RLO, the isolates, LRM/RLM/ALM) and the line/paragraph
  separators become `<U+202E>`-style text, so a name cannot reorder what follows it;
- bytes that were not UTF-8 (kept by the file system layer as surrogate escapes U+DC80–U+DCFF) become
  `\\xNN`; any other lone surrogate becomes `\\udXXX`;
- anything longer than `limit` characters is cut with `…`.

The result is always encodable as UTF-8. `raw_b64()` keeps the exact bytes of a name losslessly for
JSON output, so scripts can still address a folder whose name is not valid UTF-8.
"""
from __future__ import annotations

import base64
import binascii
import os
import re

# bidirectional formatting characters (Unicode Bidi_Control) and the line/paragraph separators
_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029])


def _char(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x20:
        return chr(0x2400 + cp)            # ␀ … ␟ (ESC → ␛)
    if cp == 0x7F:
        return "\u2421"                    # ␡
    if 0x80 <= cp <= 0x9F:
        return f"\\x{cp:02x}"
    if 0xDC80 <= cp <= 0xDCFF:             # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{cp - 0xDC00:02x}"
    if 0xD800 <= cp <= 0xDFFF:
        return f"\\u{cp:04x}"
    if cp in _BIDI:
        return f"<U+{cp:04X}>"
    return ch


# Any character `_char` changes: C0, DEL and C1, surrogates, the bidi controls. One regex search in C
# (a listing of 2,000 certificates checks about 100,000 strings; a loop over characters dominated it).
_NEEDS_WORK = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff"
                         + "".join(re.escape(chr(cp)) for cp in sorted(_BIDI)) + "]")


def _needs_work(text: str) -> bool:
    # str.isprintable() is False for every character `_char` changes (control, format, surrogate and
    # separator characters; tests/test_textsafe_fast_check.py checks all of Unicode) and is about
    # twice as fast as the search: a printable text is done with; any other is searched.
    return not text.isprintable() and _NEEDS_WORK.search(text) is not None


def visible(value, limit: int | None = None) -> str:
    """`value` (str, bytes, a path or anything else) as text safe to show on a terminal or a widget."""
    if type(value) is str and limit is None and not _needs_work(value):
        return value                       # the common case, checked first (a listing has 100,000)
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        text = bytes(value).decode("utf-8", "surrogateescape")
    elif isinstance(value, os.PathLike):
        text = os.fspath(value)
        if isinstance(text, bytes):
            text = text.decode("utf-8", "surrogateescape")
    else:
        text = str(value)
    if limit is not None and len(text) > limit:
        text = text[:max(limit - 1, 0)] + "…"
    if not _needs_work(text):
        return text
    return "".join(_char(ch) for ch in text)


def is_clean(text: str) -> bool:
    """True when `visible(text)` would return `text` unchanged (before any cut)."""
    return not _needs_work(text)


def raw_bytes(value) -> bytes:
    """The exact bytes of a name or path as the file system has them."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    text = os.fspath(value) if isinstance(value, os.PathLike) else str(value)
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8", "surrogateescape") if os.name != "nt" else text.encode("utf-16-le", "surrogatepass")


_POSIX = os.name != "nt"


def raw_b64(value) -> str:
    """Base64 of `raw_bytes(value)` (UTF-16-LE on Windows, where names are UTF-16)."""
    if _POSIX and type(value) is str:      # the common case first: a listing makes 4,000 of these
        return binascii.b2a_base64(value.encode("utf-8", "surrogateescape"), newline=False).decode("ascii")
    return base64.b64encode(raw_bytes(value)).decode("ascii")


def from_b64(text: str) -> str:
    """The name `raw_b64` encoded, back as the str the file system layer uses."""
    data = base64.b64decode(text, validate=True)
    return data.decode("utf-16-le", "surrogatepass") if os.name == "nt" else data.decode("utf-8", "surrogateescape")


def visible_tree(value):
    """`visible()` applied to every string (keys too) in a JSON-like structure; other values as they are."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {visible_tree(k) if isinstance(k, str) else k: visible_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [visible_tree(v) for v in value]
    return value
