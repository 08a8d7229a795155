"""Fixtures for the device-window tests (phone, OTP, card, demo and teller panels).

Import the fixtures into a test module with `from tests.gui.phone_helpers import *  # noqa`.
A fast bank (cheap scrypt, pooled RSA keys, in-memory keyring, settable clock) behind an AppContext.
"""
from __future__ import annotations

import re

import keyring
import pytest

from core.authority.demo import DEMO_CUSTOMERS
from core.storage import phone_transfer as pt
from core.storage import registry
from core.storage.discovery import DiscoveryConfig
from gui.context import AppContext
from gui.phone_window import close_phone_windows
from tests.authority.conftest import FakeClock, MemoryKeyring, open_bank

__all__ = ["bank_keyring", "fake_clock", "demo_bank", "ctx", "relay", "demo", "sms_code_of", "no_real_drives"]


@pytest.fixture(autouse=True)
def no_real_drives(monkeypatch):
    monkeypatch.setattr(registry, "discovery_config", DiscoveryConfig(include_real=False))


@pytest.fixture
def bank_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def fake_clock():
    return FakeClock()


@pytest.fixture
def demo_bank(tmp_path, fake_clock, bank_keyring):
    from core.locations import app_home
    bank = open_bank(app_home(), fake_clock, bank_keyring, seed_demo=True)
    yield bank
    bank.close()


@pytest.fixture
def ctx(demo_bank, fake_clock):
    context = AppContext(open_authority=lambda: demo_bank, clock=fake_clock, language="en")
    yield context
    close_phone_windows(context)


@pytest.fixture
def relay(fake_clock):
    return pt.Relay(clock=fake_clock, scrypt_n=2 ** 8)


def demo(key: str):
    return next(c for c in DEMO_CUSTOMERS if c.key == key)


def sms_code_of(text: str) -> str:
    return re.search(r"\[(\d{6})\]", text).group(1)
