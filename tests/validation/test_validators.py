"""Validators: RRN, account, mobile, name, certificate password policy."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from core.validation import numbers
from core.validation.hangul_keys import to_keystrokes
from core.validation.password import PersonalInfo, check_password, estimate, passwords_match

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("rrn,ok", [
    ("900101-1234567", True), ("9001011234567", True), ("050505-3123456", True),
    ("991231-2000000", True), ("900230-1234567", False), ("901301-1234567", False),
    ("300101-3123456", False),  # born 2030: in the future
    ("90010-11234567", True),   # a hyphen in an odd place is only formatting
    ("900101-123456", False), ("abcdef-1234567", False),
])
def test_rrn(rrn, ok):
    assert numbers.validate_rrn(rrn, TODAY).ok is ok


def test_rrn_check_digit_is_only_a_hint():
    result = numbers.validate_rrn("900101-1234560", TODAY)
    assert result.ok and "rrn_check_digit" in result.codes()
    assert not numbers.validate_rrn("201201-3123456", TODAY).hints  # post-2020 numbers: no check digit


def test_full_width_digits_are_not_digits():
    # NFKC turns full-width digits into ASCII: the *value* is accepted after normalisation,
    # but other scripts' digits (Arabic-Indic, Devanagari) never pass as digits.
    assert numbers.validate_rrn("９００１０１－１２３４５６７", TODAY).ok
    assert not numbers.validate_rrn("٩٠٠١٠١١٢٣٤٥٦٧", TODAY).ok
    assert numbers.normalise_code("١٢٣٤٥٦") is None
    assert numbers.normalise_code(" 12-34 ") == "1234"


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_normalisation_is_idempotent(text):
    once = numbers.normalise(text)
    assert numbers.normalise(once) == once


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-", min_size=7, max_size=20))
def test_mask_never_shows_the_last_six_rrn_digits(text):
    digits = numbers.normalise(text)
    masked = numbers.mask_rrn(text)
    visible = [c for c in masked if c in "0123456789"]
    assert len(visible) <= 7
    if len(digits) == 13:
        assert masked == f"{digits[:6]}-{digits[6]}******"


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=12))
def test_codes_accept_only_ascii_digits(text):
    value = numbers.normalise_code(text)
    assert value is None or (value.isascii() and value.isdigit())


@pytest.mark.parametrize("account,ok", [("1002-123-456789", True), ("123456789", False), ("123456789012345", False),
                                        ("12345678901a", False), ("110 123 456789", True)])
def test_account(account, ok):
    assert numbers.validate_account(account).ok is ok


def test_masks():
    assert numbers.mask_account("1002123456789") == "100*******789"
    assert numbers.mask_mobile("010-1234-5678") == "010-****-5678"


@pytest.mark.parametrize("phone,ok", [("010-1234-5678", True), ("01612345678", True), ("02-123-4567", False),
                                      ("010-123-45678", True), ("010123456789", False)])
def test_mobile(phone, ok):
    assert numbers.validate_mobile(phone).ok is ok


def test_names():
    assert numbers.validate_name("홍길동").ok and numbers.validate_name("John Smith").ok
    assert not numbers.validate_name("").ok and not numbers.validate_name("홍길동1").ok


ME = PersonalInfo(rrn="9001011234567", phone="010-2345-6789", account="1002-123-456789")


@pytest.mark.parametrize("password,code", [
    ("short1!", "too_short"), ("nodigits!!abc", "no_digit"), ("1234567890!", "no_letter"),
    ("nospecial1234x", "no_special"), ("has'quote123a", "forbidden_char"), ("pipe|char123a", "forbidden_char"),
    ("won₩sign123a", "forbidden_char"), (" lead1234!xy", "edge_space"), ("비밀번호1234!ab", "non_ascii"),
    ("ab900101!xyz", "personal"), ("x1234567!abz", "personal"), ("k23456789!ab", "personal"),
    ("q9aaaa!2kz7x", "run"), ("x1234!kq9z7m", "sequence"), ("zabcd!29x7kq", "sequence"),
    ("q9!qwer7kz2m", "keyboard"), ("1q2w3e4r!zk", "keyboard"), ("9!asdf27kxqz", "keyboard"),
])
def test_password_rules(password, code):
    result = check_password(password, ME)
    assert not result.ok and code in result.codes()
    for p in result.problems:
        assert password not in p.message("ko") and password not in p.message("en")


@pytest.mark.parametrize("password", ["Zx7#mK2@pL9q", "dojang!2026test", "9fj#Kd82!pQz"])
def test_good_passwords_pass(password):
    result = check_password(password, ME)
    assert result.ok, result.codes()
    assert result.score >= 2 and result.strength_label[0]


def test_korean_words_typed_in_english_mode_are_not_overrated():
    from zxcvbn import zxcvbn
    assert to_keystrokes("사랑해") == "tkfkdgo" and to_keystrokes("비밀번호") == "qlalfqjsgh"
    for pw in ("qlalfqjsgh12!", "dkssudgktpdy!9"):
        assert estimate(pw)[0] < zxcvbn(pw)["score"]
    result = check_password("qlalfqjsgh12!")
    assert not result.ok and "guessable" in result.codes()


def test_passwords_match():
    assert passwords_match("a", "a").ok and not passwords_match("a", "b").ok
