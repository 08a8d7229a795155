"""Bounded number types of the CLI (core/cli/argtypes.py) and the secret-shaped customer references."""
from __future__ import annotations

import argparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.cli import argtypes
from core.cli.customers import looks_secret


@given(st.text(max_size=60))
def test_any_text_is_a_bounded_int_or_a_usage_error(text):
    try:
        value = argtypes.balance(text)
    except argparse.ArgumentTypeError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert 0 <= value <= argtypes.MAX_BALANCE


@given(st.integers())
def test_integers_in_range_round_trip(n):
    if 1 <= n <= argtypes.MAX_AUDIT_LIMIT:
        assert argtypes.audit_limit(str(n)) == n
    else:
        with pytest.raises(argparse.ArgumentTypeError):
            argtypes.audit_limit(str(n))


def test_forms_people_type():
    assert argtypes.balance("100,000") == 100_000
    assert argtypes.balance("１２３") == 123          # full-width digits
    assert argtypes.balance("1_000") == 1000
    for bad in ("", "1e3", "0x10", "12.5", "99999999999999999999", "-1", "٣"):
        with pytest.raises(argparse.ArgumentTypeError):
            argtypes.balance(bad)


@pytest.mark.parametrize("text, secret", [
    ("850315-1234566", True), ("8503151234566", True), ("100212345678", True), ("100-2123-45678", True),
    ("850315-1******", False), ("100******678", False), ("3", False), ("#12", False), ("김보안", False),
    ("card", False), ("010-1234", False),
])
def test_secret_shaped_references(text, secret):
    assert looks_secret(text) is secret
