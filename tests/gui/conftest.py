"""Shared fixtures for GUI tests (ask for what you need; only the translator reset is automatic).

- every test ends with exactly the Qt translators it started with (a window or a test that switched
  the language must not turn the next test's Korean source strings into English); core's language
  choice is reset by tests/conftest.py.

- `no_real_drives`: removable-drive discovery sees only DOJANG_FAKE_REMOVABLE folders (not this
  machine's USB sticks).
- `fake_usb`: a plugged-in fake stick (`<tmp>/usb/SANDISK`, listed in DOJANG_FAKE_REMOVABLE); its
  NPKI root is `fake_usb / "NPKI"`. Implies `no_real_drives`.
- `mock_phone`: the mock phone 010-1234-5678 (홍길동) as a `Storage` (`.root` = its sdcard/NPKI).
- `hdd_cert`: one certificate (홍길동, yessign, banking) on the temporary hard-disk NPKI root, as
  `tests.factory.MadeCert` (password `tests.factory.PASSWORD`).
- `test_clock`: a settable clock (`.advance(days=1)`), `gui_ctx`: an `AppContext` whose bank opens
  fast (in-memory keyring, cheap scrypt, pooled RSA keys), language English, clock `test_clock`.
- `dialog_answers`: forgets pre-set dialog answers before and after the test (`gui.dialogs`).
"""
from __future__ import annotations

import keyring
import pytest

from core.storage import registry
from core.storage.discovery import DiscoveryConfig
from tests import factory
from tests.authority.conftest import FakeClock, MemoryKeyring, open_bank


@pytest.fixture(autouse=True)
def _restore_translators():
    from PySide6.QtWidgets import QApplication

    from gui import i18n
    app = QApplication.instance()
    before, before_lang = list(i18n._installed), i18n._installed_lang
    yield
    if app is None:
        app = QApplication.instance()
    if app is None:
        return
    for t in i18n._installed:
        app.removeTranslator(t)
    i18n._installed[:] = before
    for t in before:
        app.installTranslator(t)
    i18n._installed_lang = before_lang


@pytest.fixture
def no_real_drives(monkeypatch):
    monkeypatch.setattr(registry, "discovery_config", DiscoveryConfig(include_real=False))


@pytest.fixture
def fake_usb(tmp_path, monkeypatch, no_real_drives):
    stick = tmp_path / "usb" / "SANDISK"
    stick.mkdir(parents=True)
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(stick))
    return stick


@pytest.fixture
def mock_phone():
    return registry.create_phone("010-1234-5678", "홍길동")


@pytest.fixture
def hdd_cert(npki_root):
    return factory.make_cert(factory.user_dir(npki_root))


@pytest.fixture
def test_clock():
    return FakeClock()


@pytest.fixture
def gui_ctx(tmp_path, test_clock):
    from gui.context import AppContext

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    ctx = AppContext(open_authority=lambda: open_bank(tmp_path / "home", test_clock, backend),
                     clock=test_clock, language="en")
    yield ctx
    ctx.close()
    keyring.set_keyring(previous)


@pytest.fixture
def dialog_answers():
    from gui.dialogs import reset_answers

    reset_answers()
    yield
    reset_answers()
