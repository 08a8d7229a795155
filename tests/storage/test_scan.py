"""Scanning hostile media: links, huge files, garbage, unknown OIDs, odd names, junk; leftovers."""
from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from core.npki import asn1
from core.npki.certfolder import BrokenFolder, CertFolder
from core.storage import operations as ops, safewrite
from core.storage.scan import MAX_ENTRIES_PER_DIR, scan_report, scan_root, verify_keys
from tests import factory
from tests.storage.conftest import folder_bytes, junk_under

TRAVERSAL_NAMES = ["..\\..\\..\\Windows\\evil", "a\nb\x1bc", "CON", " trailing. ", "..."]


@pytest.fixture
def hostile(usb_mount, tmp_path):
    """A USB stick built by an attacker, with two good certificates among the junk."""
    root = usb_mount / "NPKI"
    outside = tmp_path / "outside"
    outside.mkdir()
    good = factory.make_cert(factory.user_dir(root, "yessign"), name="정상")
    # a second good one under "User" with a differently-cased file name
    sk_user = root / "SignKorea" / "User"
    sk = factory.make_cert(sk_user, name="정상둘", org="SignKorea", usage="general", key_index=1)
    os.rename(sk.path / "signCert.der", sk.path / "SignCert.der")
    user = root / "yessign" / "USER"
    # symlinks pointing outside: a certificate folder, a CA folder, a USER folder, a file
    secret_cert = factory.make_cert(outside / "NPKI" / "yessign" / "USER", name="바깥")
    os.symlink(secret_cert.path, user / "linked-cert")
    os.symlink(outside / "NPKI" / "yessign", root / "LinkedCA")
    (root / "KICA").mkdir()
    os.symlink(outside / "NPKI" / "yessign" / "USER", root / "KICA" / "USER")
    linked_file = user / "linked-file"
    linked_file.mkdir()
    os.symlink(secret_cert.path / "signCert.der", linked_file / "signCert.der")
    shutil.copy(good.path / "signPri.key", linked_file / "signPri.key")
    # a 100 MB signCert.der (sparse) with a key
    huge = user / "huge"
    huge.mkdir()
    with open(huge / "signCert.der", "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    shutil.copy(good.path / "signPri.key", huge / "signPri.key")
    # garbage DER
    garbage = user / "garbage"
    garbage.mkdir()
    (garbage / "signCert.der").write_bytes(b"\x30\x82\xff\xff" + os.urandom(300))
    (garbage / "signPri.key").write_bytes(os.urandom(200))
    # a valid certificate with a key under an unknown OID
    odd = user / "unknown-oid"
    odd.mkdir()
    shutil.copy(good.path / "signCert.der", odd / "signCert.der")
    (odd / "signPri.key").write_bytes(asn1.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": "1.2.3.4.5.6", "parameters": asn1.core.Null()},
        "encrypted_data": os.urandom(64)}).dump())
    # half pairs, an empty key, a FIFO posing as a certificate
    (user / "half").mkdir()
    shutil.copy(good.path / "signCert.der", user / "half" / "signCert.der")
    (user / "empty-key").mkdir()
    shutil.copy(good.path / "signCert.der", user / "empty-key" / "signCert.der")
    (user / "empty-key" / "signPri.key").write_bytes(b"")
    (user / "fifo").mkdir()
    os.mkfifo(user / "fifo" / "signCert.der")
    shutil.copy(good.path / "signPri.key", user / "fifo" / "signPri.key")
    # traversal-shaped folder names holding a valid certificate
    for name in TRAVERSAL_NAMES:
        shutil.copytree(good.path, user / name)
    # a file where a USER folder should be, and 10,000 junk files
    (root / "CrossCert").mkdir()
    (root / "CrossCert" / "USER").write_bytes(b"not a folder")
    junk = user.parent / "junk"
    for i in range(10_000):
        (user / f"junk{i:05d}.tmp").write_bytes(b"")
    return {"root": root, "good": good, "sk": sk, "outside": outside, "user": user}


def test_hostile_drive_scans_without_crash_or_hang(hostile, usb):
    result: dict = {}
    t = threading.Thread(target=lambda: result.setdefault("report", scan_report(usb.root, clean=True)))
    started = time.monotonic()
    t.start()
    t.join(60)  # a hang fails the test instead of blocking the run
    assert not t.is_alive(), "scan hung"
    elapsed = time.monotonic() - started
    report = result["report"]
    # the scan only sees the key files; the bad keys are found by the listing's lazy key check
    listed = {e.name for e in report.entries if isinstance(e, CertFolder)}
    assert listed == {hostile["good"].folder_name, hostile["sk"].folder_name, *TRAVERSAL_NAMES,
                      "unknown-oid", "empty-key"}
    entries = verify_keys(report.entries)
    assert [e.name for e in entries] == [e.name for e in report.entries]        # same order, same count
    good = {e.name for e in entries if isinstance(e, CertFolder)}
    broken = {e.name: e for e in entries if isinstance(e, BrokenFolder)}
    assert good == {hostile["good"].folder_name, hostile["sk"].folder_name, *TRAVERSAL_NAMES}
    codes = {name: e.error.code for name, e in broken.items()}
    assert codes["linked-cert"] == "symlink_not_followed"
    assert codes["LinkedCA"] == "symlink_not_followed"
    assert codes["USER"] == "symlink_not_followed"        # KICA/USER
    assert codes["linked-file"] == "broken_entry"         # the linked signCert.der is not followed
    assert codes["huge"] == "file_too_large"
    assert codes["garbage"] == "malformed_certificate"
    assert codes["unknown-oid"] == "unsupported_key_encryption"
    assert "1.2.3.4.5.6" in broken["unknown-oid"].reason("en")
    assert codes["half"] == "broken_entry" and codes["fifo"] == "broken_entry"
    assert codes["empty-key"] == "malformed_key"
    for e in broken.values():
        assert e.reason("en") and e.reason("ko")
    assert elapsed < 30
    # nothing outside the stick was touched or listed
    assert not any(str(hostile["outside"]) in str(e.path) for e in report.entries)


def test_traversal_named_folder_copies_inside_user(hostile, usb, hdd):
    entries = {e.name: e for e in usb.certificates()}
    for name in TRAVERSAL_NAMES:
        result = ops.copy_cert(entries[name], hdd, source=usb, on_conflict=lambda i: ops.ConflictChoice.KEEP_BOTH)
        assert result.path.parent == hdd.root / "yessign" / "USER"
        assert os.path.realpath(result.path).startswith(os.path.realpath(hdd.root / "yessign" / "USER") + os.sep)
        assert not any(ch in result.path.name for ch in "\\\n\x1b") and result.path.name.upper() != "CON"


def test_huge_file_is_not_read(hostile, usb, monkeypatch):
    import builtins
    real_open = builtins.open
    opened = []

    def spy(file, *a, **kw):
        opened.append(str(file))
        return real_open(file, *a, **kw)

    monkeypatch.setattr(builtins, "open", spy)
    scan_root(usb.root)
    assert not any(p.endswith(os.path.join("huge", "signCert.der")) for p in opened)


def test_entry_cap(npki_root, monkeypatch):
    import core.storage.scan as scan
    user = factory.user_dir(npki_root)
    factory.make_cert(user)
    for i in range(30):
        (user / f"empty{i:02d}").mkdir()
    report = scan.scan_report(npki_root, max_cert_folders=10)
    assert report.truncated and len(report.entries) == 11
    assert report.entries[-1].error.code == "too_many_entries"
    monkeypatch.setattr(scan, "MAX_ENTRIES_PER_DIR", 5)
    assert scan.scan_report(npki_root).truncated
    assert MAX_ENTRIES_PER_DIR >= 10_000  # the real cap leaves room for a messy stick


def test_symlinked_root_of_a_removable_drive_is_not_followed(usb_mount, tmp_path, usb):
    elsewhere = tmp_path / "elsewhere"
    factory.make_cert(factory.user_dir(elsewhere))
    os.symlink(elsewhere, usb_mount / "NPKI")
    entries = usb.scan()
    assert len(entries) == 1 and entries[0].error.code == "symlink_not_followed"


def test_leftovers_are_cleaned_on_next_scan(made, hdd):
    user = made.path.parent
    tmp_dir = safewrite.temp_name(user)
    tmp_dir.mkdir()
    (tmp_dir / "signCert.der").write_bytes(made.sign_cert)      # half-built copy
    (made.path / ".dojang-tmp-99999999-abc").write_bytes(b"x")  # dead writer, inside a cert folder
    old_format = user / ".dojang-tmp-0a1b2c"                       # name without a pid (older version)
    old_format.write_bytes(b"")
    nested = safewrite.temp_name(user)
    (nested / "sub").mkdir(parents=True)                         # never removed recursively
    report = hdd.scan_report()
    assert report.cleaned == 3
    assert junk_under(hdd.root) == [str(nested)] and (nested / "sub").is_dir()
    assert [e.name for e in report.entries] == [made.folder_name]


def test_live_writer_temp_is_kept(made, hdd):
    """A temp of another live process (e.g. the GUI writing) is not touched until it is stale."""
    import subprocess, sys
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        name = made.path.parent / f".dojang-tmp-{proc.pid}-abcdef"
        name.mkdir()
        hdd.scan()
        assert name.exists()
        old = time.time() - 3600
        os.utime(name, (old, old))
        hdd.scan()
        assert not name.exists()
    finally:
        proc.stdin.close()
        proc.wait(10)


def test_interrupted_replace_is_restored(made, hdd):
    """A `.dojang-old-*` folder with a complete pair whose place is empty is put back."""
    old = safewrite.temp_name(made.path.parent, safewrite.OLD_PREFIX)
    original = folder_bytes(made.path)
    os.rename(made.path, old)
    report = hdd.scan_report()
    assert report.restored == [made.path]
    assert folder_bytes(made.path) == original and junk_under(hdd.root) == []


def test_read_only_root_is_never_cleaned(made, npki_root):
    from core.storage import base
    junk = made.path.parent / ".dojang-tmp-1-abc"
    junk.write_bytes(b"")
    base.hard_disk(npki_root, legacy_index=0).scan()
    assert junk.exists()


def test_usable_certificates_have_their_keys_checked(hostile, usb):
    """Storage.certificates() (what the phone window, the transfer and the flows' pickers offer)
    runs the lazy key check: a key Dojang cannot read is not offered as a usable certificate."""
    listed = {e.name for e in usb.scan() if isinstance(e, CertFolder)}
    usable = {c.name for c in usb.certificates()}
    assert {"unknown-oid", "empty-key"} <= listed
    assert not {"unknown-oid", "empty-key"} & usable
    assert hostile["good"].folder_name in usable
