"""How a customer is named on the command line without putting a secret in argv (docs/hostile-input.md).

Accepted: a demo key or demo name (`card`, `김보안`), the customer id (`3` or `#3`, see `bank customers`),
the name when unique, or a masked form as `bank customers` prints it (`850315-1******`, `100******678`).
A full 주민등록번호 or account number still works, with a warning: every user on the machine can
read a command line (`ps`)."""
from __future__ import annotations

import sys
import unicodedata

from ..i18n import pick


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


def looks_secret(text: str) -> bool:
    """A full RRN (13 digits) or account number (10–14 digits), hyphens or not."""
    t = unicodedata.normalize("NFKC", text).strip()
    return "*" not in t and all(ch.isdigit() or ch in "- " for ch in t) and 10 <= len(_digits(t)) <= 14


def warn_secret_argument(option: str) -> None:
    print(pick(f"주의: {option}에 주민등록번호나 계좌번호를 쓰면 이 컴퓨터의 다른 사용자도 볼 수 있습니다(ps). "
               "고객 번호(bank customers)나 가린 형태(예: 850315-1******)를 쓰세요.",
               f"Warning: a resident registration or account number in {option} is visible to every user on "
               "this machine (ps). Use the customer id (bank customers) or the masked form (e.g. 850315-1******)."),
          file=sys.stderr)


def refuse_if_locked(bank, ref: str) -> None:
    """Refuse early (before any secret is asked) when the customer's account is locked."""
    from ..authority.errors import AccountLocked
    teller = bank.teller()
    cid = teller.find_customer(ref)
    row = next((c for c in teller.customers() if c.id == cid), None)
    if row is not None and any(a.get("locked") for a in row.accounts[:1]):
        raise AccountLocked()


def customer_ref(bank, text: str, option: str = "--customer") -> str:
    """`text` as a reference the bank's teller resolves (core/authority/teller.find_customer)."""
    from ..authority.errors import CustomerNotFound
    t = unicodedata.normalize("NFKC", text).strip()
    if t.startswith("#") and t[1:].isdigit():
        return t[1:]
    if "*" in t:
        wanted = t.replace(" ", "")
        found = {r.id for r in bank.teller().customers()
                 if wanted in ([r.rrn_masked] + [a["number"] for a in r.accounts])}
        if len(found) == 1:
            return str(found.pop())
        raise CustomerNotFound(
            "가린 번호에 맞는 고객이 없거나 여러 명입니다. 고객 번호를 쓰세요 (bank customers)." if found else
            "가린 번호에 맞는 고객이 없습니다 (bank customers로 확인).",
            "Several customers match that masked number; use the customer id (bank customers)." if found else
            "No customer matches that masked number (see bank customers).")
    if looks_secret(t):
        warn_secret_argument(option)
    return t
