"""The certificate password policy (docs/bank-flows.md "The certificate password") and a strength estimate.

Rules of all licensed CAs since 2014: at least 10 characters with letters, digits and special
characters; `'` `"` `₩` `|` not allowed. Dojang also rejects what makes a password guessable:
the customer's own birth date / RRN parts / phone / account number, runs, sequences and keyboard
walks, and anything the estimator (zxcvbn, with Korean words typed in English mode added to its
dictionary) scores as too easy to guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .hangul_keys import KEYSTROKE_WORDS
from .numbers import normalise, rrn_birth_date
from .result import Problem, Result

MIN_LENGTH = 10
FORBIDDEN = "'\"|\\₩"  # on Korean keyboards the backslash key is the ₩ key
MIN_SCORE = 2            # zxcvbn 0–4; below this the password is refused as easy to guess
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_COLUMNS = ("1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/")
STRENGTH_LABELS = [("매우 약함", "Very weak"), ("약함", "Weak"), ("보통", "Fair"), ("강함", "Strong"),
                   ("매우 강함", "Very strong")]


@dataclass(frozen=True)
class PersonalInfo:
    """What a password must not contain (all optional). Never logged."""
    rrn: str | None = None
    phone: str | None = None
    account: str | None = None
    name_keystrokes: str | None = None


@dataclass(frozen=True)
class PasswordResult(Result):
    score: int = 0                                   # 0..4
    feedback: tuple[str, ...] = field(default_factory=tuple)

    @property
    def strength_label(self) -> tuple[str, str]:
        return STRENGTH_LABELS[self.score]


def _p(code, ko, en):
    return Problem(code, ko, en)


def _has_run(pw: str, n: int = 4) -> bool:
    return any(pw[i] == pw[i + 1] == pw[i + 2] == pw[i + 3] for i in range(len(pw) - n + 1))


def _has_sequence(pw: str, n: int = 4) -> bool:
    low = pw.lower()
    for i in range(len(low) - n + 1):
        chunk = low[i:i + n]
        if not (chunk.isalnum() and (chunk.isdigit() or chunk.isalpha())):
            continue
        steps = {ord(b) - ord(a) for a, b in zip(chunk, chunk[1:])}
        if steps in ({1}, {-1}):
            return True
    return False


def _has_keyboard_walk(pw: str, n: int = 4) -> bool:
    low = pw.lower()
    lines = list(_ROWS) + list(_COLUMNS)
    for line in lines:
        for candidate in (line, line[::-1]):
            for i in range(len(candidate) - n + 1):
                if candidate[i:i + n] in low:
                    return True
    # zig-zag walks such as 1q2w3e4r / q1w2e3r4
    zig = "".join(a + b for a, b in zip(_ROWS[0], _ROWS[1]))
    zag = "".join(b + a for a, b in zip(_ROWS[0], _ROWS[1]))
    return any(z[i:i + 6] in low for z in (zig, zag) for i in range(0, len(z) - 5, 2))


def _personal_fragments(info: PersonalInfo) -> list[str]:
    frags: list[str] = []
    if info.rrn:
        rrn = normalise(info.rrn)
        frags += [rrn[:6], rrn[6:]]
        born = rrn_birth_date(rrn)
        if born:
            frags += [born.strftime("%Y%m%d"), born.strftime("%m%d%Y"), born.strftime("%y%m%d")]
    if info.phone:
        phone = normalise(info.phone)
        frags += [phone[-8:], phone[-4:]]
        if len(phone) >= 10:
            frags.append(phone[3:-4])
    if info.account:
        account = normalise(info.account)
        frags += [account[i:i + 6] for i in range(0, len(account) - 5)]
    return [f for f in frags if len(f) >= 4]


def check_password(password: str, personal: PersonalInfo | None = None) -> PasswordResult:
    """Validate a new certificate password. The value is never put into messages."""
    problems: list[Problem] = []
    if any(not (" " <= ch <= "~") for ch in password if ch != "₩"):
        problems.append(_p("non_ascii",
                           "영문·숫자·특수문자만 쓸 수 있습니다. 한/영 키가 한글 상태인지 확인하세요.",
                           "Only English letters, digits and symbols are allowed. Check that the keyboard "
                           "is not in Hangul input mode (한/영 key)."))
    if len(password) < MIN_LENGTH:
        problems.append(_p("too_short", f"{MIN_LENGTH}자 이상이어야 합니다.", f"Use at least {MIN_LENGTH} characters."))
    if not any(c.isascii() and c.isalpha() for c in password):
        problems.append(_p("no_letter", "영문자를 넣어야 합니다.", "Include a letter."))
    if not any(c in "0123456789" for c in password):
        problems.append(_p("no_digit", "숫자를 넣어야 합니다.", "Include a digit."))
    if not any(c.isascii() and not c.isalnum() and c != " " for c in password if c not in FORBIDDEN):
        problems.append(_p("no_special", "특수문자를 넣어야 합니다 (예: ! @ # $).", "Include a special character (e.g. ! @ # $)."))
    if any(c in FORBIDDEN for c in password):
        problems.append(_p("forbidden_char", "' \" ₩ | 문자는 쓸 수 없습니다.", "The characters ' \" ₩ (\\) | are not allowed."))
    if password != password.strip(" "):
        problems.append(_p("edge_space", "앞뒤에 공백을 둘 수 없습니다.", "No spaces at the beginning or end."))
    low = password.lower()
    if personal and any(f in low for f in _personal_fragments(personal)):
        problems.append(_p("personal", "생년월일, 주민등록번호, 전화번호, 계좌번호를 포함할 수 없습니다.",
                           "Do not use your date of birth, resident number, phone or account number."))
    if _has_run(password):
        problems.append(_p("run", "같은 문자를 4번 이상 연속으로 쓸 수 없습니다 (예: aaaa).",
                           "Do not repeat a character 4 or more times (e.g. aaaa)."))
    if _has_sequence(password):
        problems.append(_p("sequence", "연속된 숫자나 문자를 쓸 수 없습니다 (예: 1234, abcd).",
                           "Do not use sequences such as 1234 or abcd."))
    if _has_keyboard_walk(password):
        problems.append(_p("keyboard", "키보드 배열 순서를 쓸 수 없습니다 (예: qwer, 1q2w3e4r).",
                           "Do not use keyboard patterns such as qwer or 1q2w3e4r."))
    score, feedback = estimate(password, personal)
    if score < MIN_SCORE and not problems:
        problems.append(_p("guessable", "추측하기 쉬운 비밀번호입니다. 단어 대신 여러 문자를 섞어 더 길게 만드세요.",
                           "This password is easy to guess. Make it longer and mix more characters instead of words."))
    return PasswordResult(value="", problems=tuple(problems), score=score, feedback=feedback)


def estimate(password: str, personal: PersonalInfo | None = None) -> tuple[int, tuple[str, ...]]:
    """zxcvbn score 0–4, with Korean words typed in English mode and personal data as dictionary."""
    if not password:
        return 0, ()
    from zxcvbn import zxcvbn

    inputs = list(KEYSTROKE_WORDS)
    if personal:
        inputs += _personal_fragments(personal)
        if personal.name_keystrokes:
            inputs.append(personal.name_keystrokes)
    result = zxcvbn(password[:100], user_inputs=inputs)
    fb = result.get("feedback") or {}
    messages = tuple(m for m in [fb.get("warning") or "", *(fb.get("suggestions") or [])] if m)
    return int(result["score"]), messages


def passwords_match(first: str, second: str) -> Result:
    if first != second:
        return Result("", (Problem("mismatch", "두 비밀번호가 일치하지 않습니다.", "The two passwords do not match."),))
    return Result("")
