"""PC ↔ phone certificate transfer with a 12-digit code (core/storage/phone_transfer.py)."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from core.errors import NonAsciiPassword, WrongPassword
from core.locations import app_home
from core.npki import keyfile
from core.npki.certfolder import CertFolder, KM_KEY, SIGN_KEY, read_cert_folder
from core.storage import phone_transfer as pt
from core.storage import registry
from tests import factory

NUMBER = "010-2222-3333"


class Clock:
    def __init__(self):
        self.t = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def relay(clock):
    return pt.Relay(clock=clock, scrypt_n=2 ** 8)


@pytest.fixture
def hdd_cert(npki_root):
    made = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    entry = read_cert_folder(made.path, "yessign")
    assert isinstance(entry, CertFolder)
    return entry


def _only_cert(storage) -> CertFolder:
    certs = storage.certificates()
    assert len(certs) == 1
    return certs[0]


def _assert_same_key(original: CertFolder, copy: CertFolder, password=factory.PASSWORD):
    plain_a = original.check_password(password)
    plain_b = copy.check_password(password)
    assert plain_a == plain_b                                     # exact PKCS#8 bytes, R included
    assert keyfile.random_num(plain_b) == keyfile.random_num(plain_a)


def _relay_bytes() -> bytes:
    folder = app_home() / "relay"
    return b"".join((folder / n).read_bytes() for n in os.listdir(folder))


def test_pc_to_phone_happy_path(relay, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    assert len(offer.code) == 12 and offer.code.isdigit()
    assert offer.formatted.count("-") == 2 and offer.formatted.replace("-", "") == offer.code
    assert offer.code not in repr(offer)

    # nothing readable in the relay: no plain PKCS#8, no R, no code
    plain = hdd_cert.check_password(factory.PASSWORD)
    blob = _relay_bytes()
    assert plain not in blob and keyfile.random_num(plain) not in blob
    assert offer.code.encode() not in blob and factory.PASSWORD.encode() not in blob

    got = relay.import_on_phone(NUMBER, offer.formatted, factory.PASSWORD)
    assert got.result.status == "imported" and got.random_num_kept
    phone = registry.phone_storage(NUMBER)
    copy = _only_cert(phone)
    _assert_same_key(hdd_cert, copy)
    assert copy.name == hdd_cert.name and copy.ca_folder == "yessign"
    assert copy.has_km
    assert keyfile.check_password(copy.files[KM_KEY].read_bytes(), copy.info.certificate(), factory.PASSWORD)
    # same encryption scheme as the original (variant A, same iteration count)
    assert copy.key_encryption().variant == hdd_cert.key_encryption().variant == "A"
    assert copy.key_encryption().iterations == hdd_cert.key_encryption().iterations
    # the payload is gone once used
    assert not any(n.endswith(".pfx") for n in os.listdir(app_home() / "relay"))
    with pytest.raises(WrongPassword):
        copy.check_password("not-the-password1!")


def test_phone_to_pc_happy_path(relay, npki_root, tmp_path):
    phone = registry.create_phone(NUMBER, "김보안")
    made = factory.make_cert(factory.user_dir(phone.root), variant="B", key_index=1)
    source = read_cert_folder(made.path, "yessign")
    offer = relay.export_from_phone(NUMBER, source, factory.PASSWORD)
    assert offer.direction == pt.PHONE_TO_PC
    hdd = registry.find_storage("hdd")
    got = relay.import_on_pc(offer.code, factory.PASSWORD, hdd)
    copy = _only_cert(hdd)
    assert got.storage.id == "hdd"
    _assert_same_key(source, copy)
    assert copy.key_encryption().variant == "B"
    # the phone still has its copy (a transfer copies)
    assert len(phone.certificates()) == 1


def test_code_expires_and_payload_is_deleted(relay, clock, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    clock.advance(pt.DEFAULT_TTL - 1)
    assert relay.status(offer.transfer_id) == pt.WAITING
    clock.advance(1)
    with pytest.raises(pt.TransferExpired):
        relay.import_on_phone(NUMBER, offer.code, factory.PASSWORD)
    assert not list((app_home() / "relay").glob("*.pfx"))
    assert registry.phone_storage(NUMBER).certificates() == []


def test_wrong_codes_are_counted_and_limited(relay, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    wrong = f"{(int(offer.code) + 1) % 10 ** 12:012d}"
    for left in range(pt.DEFAULT_MAX_WRONG - 1, 0, -1):
        with pytest.raises(pt.TransferCodeWrong) as exc:
            relay.import_on_phone(NUMBER, wrong, factory.PASSWORD)
        assert exc.value.left == left
        assert offer.code not in exc.value.message("ko") + exc.value.message("en")
    with pytest.raises(pt.TransferLocked):
        relay.import_on_phone(NUMBER, wrong, factory.PASSWORD)
    # now even the right code is refused, and the payload is gone
    with pytest.raises(pt.TransferLocked):
        relay.import_on_phone(NUMBER, offer.code, factory.PASSWORD)
    assert not list((app_home() / "relay").glob("*.pfx"))


def test_wrong_password_counts_too(relay, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    with pytest.raises(pt.TransferPasswordWrong) as exc:
        relay.import_on_phone(NUMBER, offer.code, "wrong-password-1!")
    assert exc.value.left == pt.DEFAULT_MAX_WRONG - 1
    with pytest.raises(NonAsciiPassword):
        relay.import_on_phone(NUMBER, offer.code, "비밀번호")
    got = relay.import_on_phone(NUMBER, offer.code, factory.PASSWORD)
    assert got.result.status == "imported"


def test_used_code_cannot_be_reused(relay, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    relay.import_on_phone(NUMBER, offer.code, factory.PASSWORD)
    with pytest.raises(pt.TransferUsed):
        relay.import_on_phone(NUMBER, offer.code, factory.PASSWORD)


def test_code_is_for_its_phone_and_direction(relay, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    with pytest.raises(pt.TransferNotFound):
        relay.import_on_phone("010-9999-8888", offer.code, factory.PASSWORD)
    with pytest.raises(pt.TransferNotFound):
        relay.import_on_pc(offer.code, factory.PASSWORD, registry.find_storage("hdd"))
    with pytest.raises(pt.TransferCodeFormat):
        relay.import_on_phone(NUMBER, "1234", factory.PASSWORD)


def test_export_checks_the_password_and_a_new_offer_replaces_the_old(relay, hdd_cert):
    with pytest.raises(WrongPassword):
        relay.export_to_phone(hdd_cert, "wrong-password-1!", NUMBER)
    assert not list((app_home() / "relay").glob("*.pfx"))
    first = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    second = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    assert relay.status(first.transfer_id) == pt.CANCELLED
    if first.code != second.code:    # equal codes: one chance in 10¹²
        with pytest.raises(pt.TransferExpired):
            relay.import_on_phone(NUMBER, first.code, factory.PASSWORD)
    relay.import_on_phone(NUMBER, second.code, factory.PASSWORD)


def test_full_width_and_spaced_codes_are_accepted(relay, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    typed = " ".join(offer.formatted.split("-")).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    relay.import_on_phone(NUMBER, typed, factory.PASSWORD)
    assert len(registry.phone_storage(NUMBER).certificates()) == 1


def test_sweep_removes_old_markers(relay, clock, hdd_cert):
    offer = relay.export_to_phone(hdd_cert, factory.PASSWORD, NUMBER)
    relay.import_on_phone(NUMBER, offer.code, factory.PASSWORD)
    clock.advance(pt.TOMBSTONE_SECONDS + 1)
    relay.sweep()
    assert relay.status(offer.transfer_id) is None
    assert [n for n in os.listdir(app_home() / "relay") if n != pt.RECEIVE_LOCK] == []   # the lock file stays
