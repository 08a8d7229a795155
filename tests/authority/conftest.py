"""Fixtures for the simulated bank: an in-memory keyring, a settable clock, a reused RSA key pool."""
from __future__ import annotations

import datetime as dt
import itertools
from functools import lru_cache

import keyring
import keyring.backend
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from core.authority import Authority, Config, make_csr
from core.npki import builder

ACCOUNT_PW = "8049"
RRN = "9003151234567"
OTHER_RRN = "9003152234568"
ACCOUNT = "12345678901234"
PHONE = "010-1111-2222"
NAME = "홍길동"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A secure-looking in-memory backend (tests only)."""
    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


class FakeClock:
    def __init__(self, start: dt.datetime | None = None):
        now = start or dt.datetime.now(dt.timezone.utc)
        self.t = now.replace(microsecond=0)

    def __call__(self) -> dt.datetime:
        return self.t

    def advance(self, seconds: float = 0, **kw) -> None:
        self.t += dt.timedelta(seconds=seconds, **kw)


@lru_cache(maxsize=None)
def pool_key(i: int) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 2048)


def key_factory():
    counter = itertools.count()
    return lambda: pool_key(next(counter) % 4)


@lru_cache(maxsize=None)
def user_csr(i: int = 4) -> bytes:
    return make_csr(pool_key(i))


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clock():
    return FakeClock()


TEST_CONFIG = Config()


def open_bank(home, clock, memory_keyring, **kw) -> Authority:
    kw.setdefault("seed_demo", False)
    kw.setdefault("config", TEST_CONFIG)
    return Authority.open(home, clock=clock, keyring_backend=memory_keyring, key_factory=key_factory(), **kw)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def bank(home, clock, memory_keyring):
    a = open_bank(home, clock, memory_keyring)
    yield a
    a.close()


@pytest.fixture
def customer(bank):
    """A customer with a security card and an OTP device; returns its id."""
    t = bank.teller()
    cid = t.add_customer(name=NAME, rrn=RRN, phone=PHONE, account=ACCOUNT, account_password=ACCOUNT_PW,
                         balance=10_000)
    t.issue_card(cid, cells={i: f"{(i * 7919 + 1234) % 10000:04d}" for i in range(1, 36)})
    t.issue_otp(cid)
    return cid


def login(bank, *, password=ACCOUNT_PW):
    return bank.verify_customer(NAME, RRN, ACCOUNT, password)


def agree_all(bank, session):
    bank.agree_terms(session, {t.id: t.version for t in bank.terms()})


def sms_code(bank, number=PHONE) -> str:
    import re
    return re.search(r"\[(\d{6})\]", bank.phone_messages(number)[-1].text).group(1)


def full_session(bank, *, second="card"):
    s = login(bank)
    agree_all(bank, s)
    bank.send_sms(s)
    bank.check_sms(s, sms_code(bank))
    if second == "card":
        ch = bank.card_challenge(s)
        serial = bank.devices.card_serial_of(NAME)
        bank.check_card(s, bank.devices.card_answer(serial, ch.first, ch.second))
    else:
        bank.check_otp(s, bank.devices.otp_code(bank.devices.otp_serial_of(NAME)))
    return s


def new_r() -> bytes:
    return builder.new_random_num()
