"""core.textsafe: whatever comes from media or the bank, what is shown is inert and printable."""
from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from core.textsafe import from_b64, is_clean, raw_b64, visible, visible_tree

FORBIDDEN = {*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000),
             0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029}


def inert(text: str) -> bool:
    return not any(ord(c) in FORBIDDEN for c in text)


@given(st.text())
def test_any_text_comes_out_inert_and_utf8(text):
    shown = visible(text)
    assert inert(shown)
    shown.encode("utf-8")                      # never raises (no surrogates left)
    assert visible(shown) == shown             # idempotent
    if is_clean(text):
        assert shown == text                   # ordinary text (Korean, ASCII, emoji) untouched


@given(st.binary(min_size=1, max_size=300))
def test_any_bytes_show_inert_and_round_trip_through_b64(data):
    name = data.decode("utf-8", "surrogateescape")
    assert inert(visible(name)) and inert(visible(data))
    if os.name != "nt":
        assert from_b64(raw_b64(name)).encode("utf-8", "surrogateescape") == data


@settings(max_examples=50)
@given(st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                    lambda kids: st.lists(kids) | st.dictionaries(st.text(), kids), max_leaves=20))
def test_visible_tree_leaves_no_hostile_string(tree):
    def strings(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for k, x in v.items():
                yield k
                yield from strings(x)
        elif isinstance(v, list):
            for x in v:
                yield from strings(x)
    assert all(inert(s) for s in strings(visible_tree(tree)))


def test_known_forms():
    assert visible("\x1b[2J\x07") == "␛[2J␇"
    assert visible("a\u202eb\u2066c") == "a<U+202E>b<U+2066>c"
    assert visible(b"x\xff\xfey") == "x\\xff\\xfey"
    assert visible("\x7f\x9b") == "␡\\x9b"
    assert visible("line\nnext") == "line␊next"
    assert visible("김보안 Kim 🙂") == "김보안 Kim 🙂"
    assert visible("가" * 10, limit=5) == "가가가가…"
    assert visible(None) == ""
