"""Fault injection on every write path (docs/storage-security.md "All-or-nothing writes").

Each operation is first run with counting file-system ops to learn its number of steps; then,
for every step, a fresh setup runs the operation with that step failing with ENOSPC, EIO, or the
drive vanishing (that step and every later one fail). Afterwards — the drive "reconnected" —
the source must be intact (or, for move/delete, the certificate complete in exactly the places
the operation allows), the destination must hold nothing or a complete valid pair, and after the
next scan no temporary junk may remain.
"""
from __future__ import annotations

import errno

import pytest

from core.errors import DojangError, WrongPassword
from core.npki import keyfile
from core.npki.certfolder import KM_KEY, SIGN_CERT, SIGN_KEY, CertFolder, read_cert_folder
from core.storage import operations as ops, registry, safewrite
from tests import factory
from tests.storage.conftest import FaultyOps, count_steps, folder_bytes, junk_under

MODES = [("enospc", errno.ENOSPC, False), ("eio", errno.EIO, False), ("vanish", errno.ENODEV, True)]
NEW_PASSWORD = "changed-pass!77"


def _setup(tmp_path, monkeypatch, name):
    """A fresh hard disk with one certificate (km pair + extra file) and a fresh USB stick."""
    base_dir = tmp_path / name
    hdd_root = base_dir / "hdd" / "NPKI"
    monkeypatch.setenv("DOJANG_NPKI_ROOT", str(hdd_root))
    mount = base_dir / "usb"
    mount.mkdir(parents=True)
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(mount))
    m = factory.make_cert(factory.user_dir(hdd_root), with_km=True)
    (m.path / "note.txt").write_bytes(b"left by the user")
    hdd = registry.find_storage("hdd")
    usb = next(s for s in registry.all_storages() if s.kind == "removable")
    return m, hdd, usb


def _complete_pairs(storage) -> list[CertFolder]:
    """Scan (which cleans leftovers) and insist every entry is a complete, valid certificate."""
    entries = storage.scan()
    assert all(isinstance(e, CertFolder) for e in entries), [getattr(e, "reason", lambda: "")() for e in entries]
    return entries


def _run_faulted(monkeypatch, action, fail_at, err, vanish):
    faulty = FaultyOps(fail_at, err, vanish)
    monkeypatch.setattr(safewrite, "ops", faulty)
    try:
        action()
        outcome = "ok"
    except DojangError:
        outcome = "error"
    finally:
        monkeypatch.setattr(safewrite, "ops", safewrite.FileOps())  # the drive is back
    return outcome, faulty.failed


def _each_step(tmp_path, monkeypatch, make_action):
    """Yield (label, setup, outcome) for every step × mode."""
    m, hdd, usb = _setup(tmp_path, monkeypatch, "count")
    steps = count_steps(monkeypatch, make_action(m, hdd, usb))
    assert steps > 3
    for mode, err, vanish in MODES:
        for i in range(1, steps + 1):
            label = f"{mode}-{i}"
            m, hdd, usb = _setup(tmp_path, monkeypatch, label)
            outcome, failed = _run_faulted(monkeypatch, make_action(m, hdd, usb), i, err, vanish)
            assert failed, label
            yield label, (m, hdd, usb), outcome


def test_copy_faults(tmp_path, monkeypatch):
    def make(m, hdd, usb):
        return lambda: ops.copy_cert(hdd.certificates()[0], usb, source=hdd)

    runs = 0
    for label, (m, hdd, usb), outcome in _each_step(tmp_path, monkeypatch, make):
        original = {"signCert.der": m.sign_cert, "signPri.key": m.sign_key}
        assert folder_bytes(m.path)[SIGN_CERT] == original["signCert.der"], label
        assert folder_bytes(m.path)[SIGN_KEY] == original["signPri.key"], label
        dest = _complete_pairs(usb)
        assert len(dest) <= 1, label
        if dest:
            assert folder_bytes(dest[0].path) == folder_bytes(m.path), label
        if outcome == "ok":
            assert dest, label
        assert junk_under(usb.root) == [] and junk_under(hdd.root) == [], label
        runs += 1
    assert runs >= 3 * 10


def test_replace_faults(tmp_path, monkeypatch):
    """Copy with 'replace' over a different certificate: old or new, never neither, never half."""
    def make(m, hdd, usb):
        if not usb.root.exists():
            other = factory.make_cert(factory.user_dir(usb.root), name="김철수")
            other.path.rename(other.path.parent / m.folder_name)
        return lambda: ops.copy_cert(hdd.certificates()[0], usb, on_conflict=lambda i: ops.ConflictChoice.REPLACE)

    for label, (m, hdd, usb), outcome in _each_step(tmp_path, monkeypatch, make):
        dest = _complete_pairs(usb)
        names = sorted(e.info.display_name for e in dest)
        assert names in (["김철수"], ["홍길동"], ["김철수", "홍길동"]), (label, names)
        if outcome == "ok":
            assert "홍길동" in names, label
        assert junk_under(usb.root) == [], label
        assert folder_bytes(m.path)[SIGN_KEY] == m.sign_key, label


def test_move_faults(tmp_path, monkeypatch):
    def make(m, hdd, usb):
        return lambda: ops.move_cert(hdd.certificates()[0], hdd, usb)

    for label, (m, hdd, usb), outcome in _each_step(tmp_path, monkeypatch, make):
        src = _complete_pairs(hdd)
        dest = _complete_pairs(usb)
        # the certificate exists completely in at least one place
        assert src or dest, label
        for e in src + dest:
            assert read_cert_folder(e.path).files.keys() >= {SIGN_CERT, SIGN_KEY}
            assert e.path.joinpath(SIGN_KEY).read_bytes() == m.sign_key, label
        if outcome == "ok":
            assert dest and not src, label
        assert junk_under(usb.root) == [] and junk_under(hdd.root) == [], label


def test_delete_faults(tmp_path, monkeypatch):
    def make(m, hdd, usb):
        return lambda: ops.delete_cert(hdd.certificates()[0], hdd)

    for label, (m, hdd, usb), outcome in _each_step(tmp_path, monkeypatch, make):
        left = _complete_pairs(hdd)   # intact or gone, never half
        if left:
            assert folder_bytes(left[0].path)[SIGN_KEY] == m.sign_key, label
        if outcome == "ok":
            assert not left, label
        assert junk_under(hdd.root) == [], label


def test_change_password_faults(tmp_path, monkeypatch):
    def make(m, hdd, usb):
        return lambda: ops.change_password(hdd.certificates()[0], factory.PASSWORD, NEW_PASSWORD, hdd)

    for label, (m, hdd, usb), outcome in _each_step(tmp_path, monkeypatch, make):
        (entry,) = _complete_pairs(hdd)
        opened = []
        for pw in (factory.PASSWORD, NEW_PASSWORD):
            try:
                entry.check_password(pw)
                opened.append(pw)
            except WrongPassword:
                pass
        assert len(opened) == 1, label
        km = entry.files[KM_KEY].read_bytes()
        km_pw = [pw for pw in (factory.PASSWORD, NEW_PASSWORD) if _decrypts(km, pw)]
        if outcome == "ok":
            assert opened == [NEW_PASSWORD] and km_pw == [NEW_PASSWORD], label
        elif not label.startswith("vanish"):
            # a plain failure rolls back: both keys keep the old password
            assert opened == [factory.PASSWORD] and km_pw == [factory.PASSWORD], label
        assert junk_under(hdd.root) == [], label


def _decrypts(data: bytes, pw: str) -> bool:
    try:
        keyfile.decrypt_key(data, pw)
        return True
    except WrongPassword:
        return False


def test_import_pfx_faults(tmp_path, monkeypatch):
    pfx = pytest.importorskip("core.npki.pfx")
    m0, hdd0, _ = _setup(tmp_path, monkeypatch, "pfx-source")
    c = hdd0.certificates()[0]
    plain = c.check_password(factory.PASSWORD)
    pfx_file = tmp_path / "cert.pfx"
    pfx_file.write_bytes(pfx.export_pfx(c.info.der, plain, factory.PASSWORD))

    def make(m, hdd, usb):
        return lambda: ops.import_pfx(pfx_file, factory.PASSWORD, usb)

    for label, (m, hdd, usb), outcome in _each_step(tmp_path, monkeypatch, make):
        dest = _complete_pairs(usb)
        assert len(dest) <= 1, label
        if dest:
            assert dest[0].path.joinpath(SIGN_CERT).read_bytes() == m0.sign_cert, label
            dest[0].check_password(factory.PASSWORD)
        if outcome == "ok":
            assert dest, label
        assert junk_under(usb.root) == [], label

