"""der.algorithm_oid's inline read of the common key-file header answers exactly like the general
walk, for real key files and for any bytes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from core.npki import der
from tests import factory


def _both(data: bytes):
    out = []
    for fn in (der.algorithm_oid, der._algorithm_oid):
        try:
            out.append(("ok", fn(data)))
        except der.DerError:
            out.append(("error", None))
    return out


@pytest.mark.parametrize("variant", ["A", "B"])
def test_real_key_files(tmp_path, variant):
    key = factory.make_cert(factory.user_dir(tmp_path / "NPKI"), variant=variant).sign_key
    fast, slow = _both(key)
    assert fast == slow and fast[0] == "ok"


_HEAD = st.builds(lambda a, b, c, d, e, f, rest: bytes([0x30, 0x82, a, b, 0x30, c, 0x06, d]) + bytes(e) + rest,
                  st.integers(0, 2), st.integers(0, 255), st.integers(0, 0x81), st.integers(0, 0x81),
                  st.lists(st.integers(0, 255), max_size=20), st.just(b""), st.binary(max_size=300))


@given(st.one_of(_HEAD, st.binary(max_size=40)))
@settings(max_examples=3000, deadline=None)
def test_inline_and_general_walk_agree_on_any_bytes(data):
    fast, slow = _both(data)
    assert fast == slow
