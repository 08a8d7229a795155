"""Password change: identical plaintext, fresh salt, both key files or neither."""
from __future__ import annotations

import errno

import pytest

from core.errors import StorageError, WrongPassword
from core.npki import keyfile
from core.npki.certfolder import change_password, read_cert_folder
from core.storage import safewrite
from core.storage.scan import scan_report
from tests import factory

NEW = "n3w!Password#2026"


def _plain(path, name, pw):
    return keyfile.decrypt_key((path / name).read_bytes(), pw)


def test_change_password_keeps_plaintext_and_r(npki_root):
    made = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    before = _plain(made.path, "signPri.key", factory.PASSWORD)
    old_salt = keyfile.parse_encrypted_key(made.sign_key).encryption.salt
    change_password(read_cert_folder(made.path), factory.PASSWORD, NEW)
    entry = read_cert_folder(made.path)
    assert entry.check_password(NEW) == before
    assert keyfile.random_num(before) == keyfile.random_num(entry.check_password(NEW))
    assert _plain(made.path, "kmPri.key", NEW) == before
    assert keyfile.parse_encrypted_key(entry.key_bytes()).encryption.salt != old_salt
    with pytest.raises(WrongPassword):
        entry.check_password(factory.PASSWORD)
    assert not [p for p in made.path.iterdir() if p.name.startswith(".dojang")]


def test_wrong_old_password_changes_nothing(npki_root):
    made = factory.make_cert(factory.user_dir(npki_root))
    with pytest.raises(WrongPassword):
        change_password(read_cert_folder(made.path), "wrong-password1!", NEW)
    assert (made.path / "signPri.key").read_bytes() == made.sign_key


@pytest.mark.parametrize("step", ["mkdir", "open_exclusive:1", "open_exclusive:3", "write", "fsync:2",
                                  "fsync_dir:1", "fsync_dir:2", "rename:1", "rename:2", "fsync_dir:3",
                                  "unlink:1", "rmdir"])
@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO])
def test_failure_at_any_step_leaves_both_or_neither(npki_root, monkeypatch, step, err):
    """A failing step either fails the change (old pair kept) or comes after the switch (new pair
    in place, the rest tidied by the next scan); never a mixed pair, never junk after the scan."""
    made = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    name, _, nth = step.partition(":")
    nth = int(nth or 1)
    real = getattr(safewrite.ops, name)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == nth:
            raise OSError(err, "injected")
        return real(*args, **kwargs)

    monkeypatch.setattr(safewrite.ops, name, failing)
    try:
        change_password(read_cert_folder(made.path), factory.PASSWORD, NEW)
        failed = False
    except StorageError:
        failed = True
    monkeypatch.undo()
    assert calls["n"] >= nth, "the step was never reached"
    scan_report(npki_root, clean=True, own_writes_idle=True)
    sign_ok_old = _try(made.path, "signPri.key", factory.PASSWORD)
    km_ok_old = _try(made.path, "kmPri.key", factory.PASSWORD)
    sign_ok_new = _try(made.path, "signPri.key", NEW)
    km_ok_new = _try(made.path, "kmPri.key", NEW)
    assert (sign_ok_old and km_ok_old and failed) or (sign_ok_new and km_ok_new)
    assert not [p for p in made.path.parent.iterdir() if p.name.startswith(".dojang")]
    assert not [p for p in made.path.iterdir() if p.name.startswith(".dojang")]


def _try(path, name, pw):
    try:
        _plain(path, name, pw)
        return True
    except WrongPassword:
        return False
