"""RRN (주민등록번호), account numbers, mobile numbers and names (docs/storage-security.md "Input validation").

Numeric input is NFKC-normalised and then matched against ASCII digits only ([0-9], never \\d,
which would accept other scripts' digits)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .result import Problem, Result

_ASCII_DIGITS = re.compile(r"[0-9]+")
KST = dt.timezone(dt.timedelta(hours=9))


def normalise(text: str) -> str:
    """NFKC, with the usual separators removed (hyphens, spaces, dots). Idempotent."""
    # Removing a separator can let a combining mark compose anew, so repeat to a fixed point.
    for _ in range(4):
        new = re.sub(r"[\s\-.‐‑–—]", "", unicodedata.normalize("NFKC", text))
        if new == text:
            break
        text = new
    return text


def ascii_digits(text: str) -> bool:
    return bool(_ASCII_DIGITS.fullmatch(text))


def normalise_code(text: str) -> str | None:
    """A one-time code / card / OTP answer: NFKC then ASCII digits only, else None."""
    value = normalise(text)
    return value if ascii_digits(value) else None


_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000,
            "9": 1800, "0": 1800}


def rrn_birth_date(rrn: str) -> dt.date | None:
    value = normalise(rrn)
    if len(value) != 13 or not ascii_digits(value):
        return None
    try:
        return dt.date(_CENTURY[value[6]] + int(value[:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None


def _rrn_check_digit_ok(value: str) -> bool:
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    total = sum(int(d) * w for d, w in zip(value[:12], weights))
    return (11 - total % 11) % 10 == int(value[12])


def validate_rrn(text: str, today: dt.date | None = None) -> Result:
    value = normalise(text)
    if not ascii_digits(value) or len(value) != 13:
        return Result(value, (Problem("rrn_format", "주민등록번호 13자리 숫자를 입력하세요 (예: 900101-1234567).",
                                      "Enter the 13-digit resident registration number (e.g. 900101-1234567)."),))
    born = rrn_birth_date(value)
    if born is None:
        return Result(value, (Problem("rrn_date", "주민등록번호 앞 6자리가 올바른 생년월일이 아닙니다.",
                                      "The first six digits are not a valid date of birth."),))
    if born > (today or dt.datetime.now(KST).date()):
        return Result(value, (Problem("rrn_future", "주민등록번호의 생년월일이 미래 날짜입니다.",
                                      "The date of birth in the number lies in the future."),))
    problems = []
    # Since Oct 2020 new numbers have random digits and no check digit: only ever a soft hint.
    if born < dt.date(2020, 10, 5) and not _rrn_check_digit_ok(value):
        problems.append(Problem("rrn_check_digit", "주민등록번호를 다시 한 번 확인하세요 (검증번호가 맞지 않음).",
                                "Please double-check the number (its check digit does not match).", hard=False))
    return Result(value, tuple(problems))


def mask_rrn(text: str) -> str:
    """`900101-1******`: never shows the last six digits."""
    value = normalise(text)
    if len(value) < 7:
        return "*" * len(value)
    return f"{value[:6]}-{value[6]}{'*' * max(0, len(value) - 7)}"


def validate_account(text: str) -> Result:
    value = normalise(text)
    if not ascii_digits(value) or not 10 <= len(value) <= 14:
        return Result(value, (Problem("account_format", "계좌번호는 숫자 10~14자리입니다 (하이픈은 입력해도 됩니다).",
                                      "An account number has 10 to 14 digits (hyphens are allowed)."),))
    return Result(value)


def mask_account(text: str) -> str:
    value = normalise(text)
    return value[:3] + "*" * max(0, len(value) - 6) + value[-3:] if len(value) > 6 else "*" * len(value)


def validate_account_password(text: str) -> Result:
    value = normalise(text)
    if not ascii_digits(value) or len(value) != 4:
        return Result(value, (Problem("account_pw_format", "계좌 비밀번호는 숫자 4자리입니다.",
                                      "The account password has 4 digits."),))
    return Result(value)


def validate_mobile(text: str) -> Result:
    value = normalise(text)
    if not ascii_digits(value) or not re.fullmatch(r"01[016789][0-9]{7,8}", value):
        return Result(value, (Problem("mobile_format", "휴대폰 번호를 확인하세요 (예: 010-1234-5678).",
                                      "Check the mobile number (e.g. 010-1234-5678)."),))
    return Result(value)


def format_mobile(value: str) -> str:
    v = normalise(value)
    return f"{v[:3]}-{v[3:-4]}-{v[-4:]}" if len(v) >= 10 else v


def mask_mobile(value: str) -> str:
    v = normalise(value)
    return f"{v[:3]}-****-{v[-4:]}" if len(v) >= 10 else "*" * len(v)


def validate_name(text: str) -> Result:
    value = unicodedata.normalize("NFC", text).strip()
    if not 1 <= len(value) <= 30 or not all(ch.isalpha() or ch in " ·." for ch in value):
        return Result(value, (Problem("name_format", "이름을 한글 또는 영문으로 입력하세요.",
                                      "Enter the name in Hangul or Latin letters."),))
    return Result(value)
