import os
import stat

import pytest

from core.authority.secrets_store import Vault, is_secure_backend, load_master_key

from .conftest import MemoryKeyring, key_factory


class PlaintextKeyring(MemoryKeyring):
    pass


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_plaintext_and_fail_backends_are_refused(tmp_path):
    from keyring.backends import fail
    assert not is_secure_backend(PlaintextKeyring())
    assert not is_secure_backend(fail.Keyring())
    assert is_secure_backend(MemoryKeyring())


def test_file_fallback_with_one_notice(tmp_path):
    plain = PlaintextKeyring()
    first = load_master_key(tmp_path, plain)
    assert first.source == "file" and first.notice
    assert str(tmp_path) in first.notice_text("en") and "키링" in first.notice_text("ko")
    assert plain.store == {}                       # nothing went into the plaintext keyring
    path = tmp_path / "authority-master.key"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = load_master_key(tmp_path, plain)
    assert second.key == first.key and second.notice is None


def test_keyring_preferred(tmp_path):
    mem = MemoryKeyring()
    k = load_master_key(tmp_path, mem)
    assert k.source == "keyring" and not (tmp_path / "authority-master.key").exists()
    assert load_master_key(tmp_path, mem).key == k.key


def test_vault_roundtrip_and_binding():
    v = Vault(b"k" * 32)
    blob = v.seal(b"secret", "rrn:1")
    assert v.open(blob, "rrn:1") == b"secret"
    from core.authority.errors import MasterKeyError
    with pytest.raises(MasterKeyError):
        v.open(blob, "rrn:2")          # a sealed value cannot be moved to another row
    assert v.mac("rrn", "1") != v.mac("account", "1")


def test_account_password_hash_is_salted_and_needs_the_pepper():
    v = Vault(b"k" * 32)
    h = v.hash_password("1234")
    assert h.startswith("hmac-sha256$") and "1234" not in h
    assert v.check_password("1234", h) == (True, False) and v.check_password("1235", h)[0] is False
    assert v.hash_password("1234") != h                        # salted
    # the database alone is not enough: another master key (another pepper) cannot check it
    assert Vault(b"m" * 32).check_password("1234", h)[0] is False
    # a copied database brute-forced without the pepper: all 10,000 PINs fail
    import base64
    import hashlib
    import hmac
    _, salt, digest = h.split("$")
    guesses = [hmac.new(b"", base64.b64decode(salt) + f"{pin:04d}".encode(), hashlib.sha256).digest()
               for pin in range(10_000)]
    assert base64.b64decode(digest) not in guesses


def test_scrypt_hashes_of_earlier_versions_still_check_and_ask_to_be_rehashed():
    import base64
    import hashlib
    salt = b"s" * 16
    old = "scrypt$1024$8$1${}${}".format(base64.b64encode(salt).decode(), base64.b64encode(
        hashlib.scrypt(b"1234", salt=salt, n=1024, r=8, p=1, dklen=32)).decode())
    v = Vault(b"k" * 32)
    assert v.check_password("1234", old) == (True, True)
    assert v.check_password("1235", old) == (False, False)


def test_portable_mode_keeps_the_key_in_the_data_folder(tmp_path):
    mem = MemoryKeyring()                           # a secure keyring exists, but is not used
    first = load_master_key(tmp_path, mem, portable=True)
    assert first.source == "file" and mem.store == {}
    assert "Portable" in first.notice_text("en") and "휴대용" in first.notice_text("ko")
    # another computer (its own, empty keyring) opens the same folder with the same key
    again = load_master_key(tmp_path, MemoryKeyring(), portable=True)
    assert again.key == first.key and again.notice is None


def test_key_file_is_never_overwritten(tmp_path):
    """Two Dojangs creating the key at once: the first file wins and both use it."""
    from core.authority.secrets_store import _write_key_file
    path = tmp_path / "authority-master.key"
    assert _write_key_file(path, b"a" * 32) == b"a" * 32
    assert _write_key_file(path, b"b" * 32) == b"a" * 32
    assert [p.name for p in tmp_path.iterdir()] == ["authority-master.key"]     # no temporary left


def _portable(tmp_path, monkeypatch):
    import sys
    exe_dir = tmp_path / "stick" / "Dojang"
    (exe_dir / "dojang-data").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe_dir / "Dojang"))
    monkeypatch.delenv("DOJANG_HOME", raising=False)
    return exe_dir / "dojang-data"


def _open(keyring, **kw):
    from core.authority import Authority
    return Authority.open(keyring_backend=keyring, key_factory=key_factory(), seed_demo=False, **kw)


def test_portable_bank_from_an_earlier_version_moves_its_key_into_the_folder(tmp_path, monkeypatch):
    from core.authority.errors import MasterKeyError, PortableKeyMissing
    data = _portable(tmp_path, monkeypatch)
    computer_a = MemoryKeyring()
    _open(computer_a, home=data).close()             # as an earlier version did: key in A's keyring
    key_file = data / "authority" / "authority-master.key"
    assert not key_file.exists()
    # computer B first: nothing to migrate from, so it says why and writes nothing
    with pytest.raises(PortableKeyMissing):
        _open(MemoryKeyring())
    assert not key_file.exists()
    # a keyring holding some other Dojang key: refused by the database, still nothing written
    other = MemoryKeyring()
    load_master_key(tmp_path / "elsewhere", other)
    with pytest.raises(MasterKeyError):
        _open(other)
    assert not key_file.exists()
    # computer A: the key is accepted by the database, then kept in the folder
    with _open(computer_a) as bank:
        assert bank.master_key_source == "file"
    assert key_file.exists()
    with _open(MemoryKeyring()) as bank:               # and now B opens it too
        assert bank.master_key_source == "file"


def test_frozen_app_with_dojang_data_opens_its_bank_on_another_computer(tmp_path, monkeypatch):
    data = _portable(tmp_path, monkeypatch)
    with _open(MemoryKeyring()) as bank:
        assert bank.master_key_source == "file"
        assert (data / "authority" / "authority-master.key").exists()
    with _open(MemoryKeyring()) as bank:   # computer 2
        assert bank.master_key_source == "file"
