"""Copy, move, delete, export/import folders, conflicts, bulk runs and per-drive serialisation."""
from __future__ import annotations

import threading

import pytest

from core.errors import (AlreadyExists, BrokenEntry, Cancelled, Conflict, ReadOnlyStorage, StorageGone,
                         UnknownCertificate, UnknownStorage)
from core.npki.certfolder import SIGN_CERT, SIGN_KEY, CertFolder, read_cert_folder
from core.storage import base, operations as ops, registry
from tests import factory
from tests.storage.conftest import folder_bytes, junk_under


def test_chain_hdd_usb_phone_hdd_is_byte_identical(made, hdd, usb, phone, tmp_path):
    original = folder_bytes(made.path)
    c = hdd.certificates()[0]
    ops.copy_cert(c, usb, source=hdd)
    on_usb = usb.certificates()[0]
    ops.copy_cert(on_usb, phone, source=usb)
    on_phone = phone.certificates()[0]
    # back to a fresh hard disk: move the original away first so the copy really lands
    backup = tmp_path / "moved-away"
    made.path.rename(backup)
    result = ops.copy_cert(on_phone, hdd, source=phone)
    assert result.status == "copied"
    assert result.path.name == made.folder_name and result.path.parent.name == "USER"
    assert folder_bytes(result.path) == original
    back = read_cert_folder(result.path)
    assert isinstance(back, CertFolder)
    back.check_password(factory.PASSWORD)  # still opens with its password
    for s in (hdd, usb, phone):
        assert junk_under(s.root) == []


def test_copy_same_certificate_is_already_there(made, hdd, usb):
    c = hdd.certificates()[0]
    assert ops.copy_cert(c, usb).status == "copied"
    assert ops.copy_cert(c, usb).status == "already_there"
    assert ops.copy_cert(c, hdd, source=hdd).status == "already_there"


def _different_cert_same_name(usb, made):
    """Put a different certificate under `made`'s folder name on the USB stick."""
    other = factory.make_cert(factory.user_dir(usb.root), name="김철수")
    target = other.path.parent / made.folder_name
    other.path.rename(target)
    return target, other


def test_conflict_policies(made, hdd, usb):
    target, other = _different_cert_same_name(usb, made)
    c = hdd.certificates()[0]
    with pytest.raises(Conflict):
        ops.copy_cert(c, usb)
    with pytest.raises(Cancelled):
        ops.copy_cert(c, usb, on_conflict=lambda info: ops.ConflictChoice.CANCEL)
    assert folder_bytes(target)[SIGN_CERT] == other.sign_cert  # untouched by the refusals
    asked = []
    kept = ops.copy_cert(c, usb, on_conflict=lambda info: asked.append(info) or ops.ConflictChoice.KEEP_BOTH)
    assert kept.status == "kept_both" and kept.path != target and kept.path.parent == target.parent
    assert asked[0].existing.info.display_name == "김철수" and asked[0].incoming.display_name == "홍길동"
    assert {e.info.display_name for e in usb.certificates()} == {"김철수", "홍길동"}
    ops.delete_cert(read_cert_folder(kept.path), usb)
    replaced = ops.copy_cert(c, usb, on_conflict=lambda info: ops.ConflictChoice.REPLACE)
    assert replaced.status == "replaced" and replaced.path == target
    assert folder_bytes(target) == folder_bytes(made.path)
    assert [e.info.display_name for e in usb.certificates()] == ["홍길동"]
    assert junk_under(usb.root) == []


def test_move_copies_verifies_then_deletes(made, hdd, usb):
    original = folder_bytes(made.path)
    result = ops.move_cert(hdd.certificates()[0], hdd, usb)
    assert result.status == "moved"
    assert not made.path.exists() and hdd.certificates() == []
    assert folder_bytes(result.path) == original


def test_move_onto_itself_never_deletes(made, hdd):
    with pytest.raises(AlreadyExists):
        ops.move_cert(hdd.certificates()[0], hdd, hdd)
    assert folder_bytes(made.path)


def test_move_keeps_original_when_destination_key_differs(made, hdd, usb):
    c = hdd.certificates()[0]
    ops.copy_cert(c, usb)
    on_usb = usb.certificates()[0]
    ops.change_password(on_usb, factory.PASSWORD, "another-pass-1!", usb)
    with pytest.raises(AlreadyExists):
        ops.move_cert(c, hdd, usb)
    assert made.path.exists()


def test_delete_removes_known_files_and_folder_only(made, hdd):
    user = made.path.parent
    keep = user / "unrelated.txt"
    keep.write_text("mine")
    ops.delete_cert(hdd.certificates()[0], hdd)
    assert not made.path.exists() and keep.read_text() == "mine"
    assert junk_under(hdd.root) == []


def test_delete_refuses_folder_with_subfolders(made, hdd):
    (made.path / "sub").mkdir()
    with pytest.raises(Exception):
        ops.delete_cert(hdd.certificates()[0], hdd)
    assert (made.path / SIGN_KEY).exists()


def test_delete_broken_entry(npki_root, hdd):
    half = factory.user_dir(npki_root) / "half"
    half.mkdir()
    (half / "signCert.der").write_bytes(b"x")
    entry = hdd.scan()[0]
    assert not isinstance(entry, CertFolder)
    ops.delete_cert(entry, hdd)
    assert not half.exists()


def test_legacy_root_is_read_only(made, npki_root):
    legacy = base.hard_disk(npki_root, legacy_index=0)
    c = legacy.certificates()[0]
    with pytest.raises(ReadOnlyStorage):
        ops.delete_cert(c, legacy)
    with pytest.raises(ReadOnlyStorage):
        ops.copy_cert(c, legacy)
    assert "read-only" in legacy.label("en")


def test_vanished_drive(made, hdd, usb, usb_mount):
    usb_mount.rmdir()
    assert not usb.present() and usb.free_space() is None and usb.scan() == []
    with pytest.raises(StorageGone):
        ops.copy_cert(hdd.certificates()[0], usb)
    with pytest.raises(UnknownStorage):
        registry.find_storage(usb.id)


def test_export_and_import_folder(made, hdd, usb, tmp_path):
    out = tmp_path / "backup"
    out.mkdir()
    exported = ops.export_folder(hdd.certificates()[0], out)
    assert exported.status == "exported" and folder_bytes(exported.path) == folder_bytes(made.path)
    imported = ops.import_folder(exported.path, usb)
    assert imported.status == "imported"
    assert imported.path.parent.parent.name == "yessign"  # CA folder from the subject's O=
    assert folder_bytes(imported.path) == folder_bytes(made.path)


def test_import_broken_folder_is_refused(tmp_path, usb):
    f = tmp_path / "only-cert"
    f.mkdir()
    (f / "signCert.der").write_bytes(b"\x30\x03\x02\x01\x01")
    with pytest.raises(BrokenEntry):
        ops.import_folder(f, usb)
    assert usb.scan() == []


def test_bulk_copy_progress_and_cancel(npki_root, hdd, usb):
    ud = factory.user_dir(npki_root)
    for i in range(5):
        factory.make_cert(ud, name=f"사용자{i}", key_index=i % 2)
    certs = hdd.certificates()
    seen = []
    stop = threading.Event()

    def progress(done, total, item, result):
        seen.append((done, total, result.status))
        if done == 2:
            stop.set()

    result = ops.copy_many(certs, usb, progress=progress, cancel=stop)
    assert result.cancelled and len(result.done) == 2 and seen == [(1, 5, "copied"), (2, 5, "copied")]
    rest = ops.copy_many(certs, usb)
    assert not rest.cancelled and [r.status for _, r in rest.done].count("already_there") == 2
    assert len(usb.certificates()) == 5


def test_bulk_collects_failures(npki_root, hdd, usb):
    factory.make_cert(factory.user_dir(npki_root))
    broken = factory.user_dir(npki_root) / "broken"
    broken.mkdir()
    (broken / "signPri.key").write_bytes(b"k")
    result = ops.copy_many(hdd.scan(), usb)
    assert len(result.done) == 1 and len(result.failed) == 1
    assert isinstance(result.failed[0][1], BrokenEntry)


def test_operations_on_one_drive_are_serialised(made, hdd, usb):
    """While one thread holds the drive, another's copy to it waits."""
    order: list[str] = []
    holding = threading.Event()
    release = threading.Event()

    def holder():
        with base.drive_lock(usb):
            holding.set()
            order.append("holder-start")
            release.wait(10)
            order.append("holder-end")

    t = threading.Thread(target=holder)
    t.start()
    assert holding.wait(10)
    c = hdd.certificates()[0]
    worker = threading.Thread(target=lambda: (ops.copy_cert(c, usb), order.append("copy-done")))
    worker.start()
    worker.join(0.3)  # bounded wait: the copy must still be blocked on the lock
    assert worker.is_alive() and order == ["holder-start"]
    release.set()
    t.join(10)
    worker.join(10)
    assert order == ["holder-start", "holder-end", "copy-done"]


def test_resolve_cert_by_id_prefix_and_path(made, hdd, usb):
    c = hdd.certificates()[0]
    ops.copy_cert(c, usb)
    cid = hdd.cert_id(c)
    s, e = registry.resolve_cert(cid)
    assert s.id == "hdd" and e.path == c.path
    s, e = registry.resolve_cert(cid[:5])
    assert s.id == "hdd"
    s, e = registry.resolve_cert(str(usb.certificates()[0].path))
    assert s.id == usb.id
    with pytest.raises(UnknownCertificate):
        registry.resolve_cert("ffffffff")
    assert usb.cert_id(usb.certificates()[0]) != cid  # ids differ per storage


def test_phones_and_folders_persist(tmp_path):
    p = registry.create_phone("０１０-９８７６-５４３２", "김영희")  # full-width digits are NFKC-normalised
    assert p.id == "phone-01098765432" and p.root.is_dir() and p.verify_writes
    assert registry.phone_storage("010 9876 5432").id == p.id
    assert [x.id for x in registry.list_phones()] == [p.id]
    with pytest.raises(Exception):
        registry.create_phone("12345")
    f = tmp_path / "share"
    (f / "NPKI").mkdir(parents=True)
    added = registry.add_folder(f)
    assert added.root == f / "NPKI"
    assert added.id in [s.id for s in registry.all_storages()]
    registry.remove_folder(added.id)
    assert added.id not in [s.id for s in registry.all_storages()]
