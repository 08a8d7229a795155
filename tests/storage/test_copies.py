"""Copies across storages: grouped by identity, the newer one current, the older ones outdated; the
sync replaces them all or nothing and leaves a copy with another password alone."""
from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from core.errors import StorageFull, StorageGone, WrongPassword
from core.npki.certfolder import CertFolder, read_cert_folder
from core.storage import copies
from core.storage.base import Storage
from tests import factory

SUFFIX = "1234567890123456789012"
OTHER_PASSWORD = "Other#pass9876"


def _storage(tmp_path, name, kind="removable") -> Storage:
    root = tmp_path / name / "NPKI"
    root.mkdir(parents=True, exist_ok=True)
    return Storage(id=name, kind=kind, root=root, mount=tmp_path / name)


def _cert(storage, *, start, key_index=0, password=factory.PASSWORD, name="홍길동", suffix=SUFFIX):
    made = factory.make_cert(factory.user_dir(storage.root), name=name, start=start, key_index=key_index,
                             password=password, cn_suffix=suffix)
    entry = read_cert_folder(made.path, "yessign")
    assert isinstance(entry, CertFolder)
    return entry


def _all(*storages):
    return [(s, c) for s in storages for c in s.certificates()]


OLD, NEW = dt.date(2026, 1, 10), dt.date(2026, 11, 20)


@pytest.fixture
def three(tmp_path):
    """hdd holds the renewed certificate; the stick and the phone still hold the old one."""
    hdd, usb, phone = (_storage(tmp_path, n) for n in ("hdd", "usb", "phone"))
    old_usb = _cert(usb, start=OLD)
    shutil.copytree(old_usb.path, factory.user_dir(phone.root) / old_usb.path.name)
    # the renewal writes the same folder name on the hard disk: copy the old there, then renew it
    new = _cert(_storage(tmp_path, "staging"), start=NEW, key_index=1)
    shutil.copytree(new.path, factory.user_dir(hdd.root) / new.path.name)
    return hdd, usb, phone


def test_grouping_copies_and_the_current_one(three):
    hdd, usb, phone = three
    groups = copies.group_copies(_all(hdd, usb, phone))
    assert len(groups) == 1
    g = groups[0]
    assert len(g.members) == 3 and g.current[0].storage.id == "hdd"
    assert sorted(m.storage.id for m in g.outdated) == ["phone", "usb"]
    old_serial = g.outdated[0].serial
    assert len(g.copies(old_serial)) == 2 and g.can_sync
    other = _cert(hdd, start=NEW, name="김철수", suffix="9" * 22, key_index=2)     # another person: own group
    assert len(copies.group_copies(_all(hdd, usb, phone))) == 2
    assert copies.group_of(copies.group_copies(_all(hdd)), other).members[0].cert.path == other.path


def test_the_bank_knows_better_than_the_dates(three):
    hdd, usb, phone = three
    new_serial = hdd.certificates()[0].info.serial
    # the bank revoked the "newer" one: nothing current, but the old copies are not current either if
    # the bank says so
    status = {new_serial: "revoked"}
    g = copies.group_copies(_all(hdd, usb, phone),
                            lambda der: status.get(read_serial(der)))[0]
    assert g.current_serial != new_serial and g.is_outdated(new_serial)

    def unknown(_der):
        from core.errors import DojangError
        raise DojangError("모름", "unknown")
    g = copies.group_copies(_all(hdd, usb, phone), unknown)[0]
    assert g.current_serial == new_serial and g.bank == {}


def read_serial(der):
    from cryptography import x509
    return x509.load_der_x509_certificate(der).serial_number


def test_sync_replaces_every_old_copy(three):
    hdd, usb, phone = three
    g = copies.group_copies(_all(hdd, usb, phone))[0]
    plan = copies.plan_sync(g, bytearray(factory.PASSWORD.encode()))
    assert sorted(t.storage.id for t in plan.targets) == ["phone", "usb"] and not plan.different_password
    result = copies.run_sync(plan)
    assert len(result.replaced) == 2
    after = copies.group_copies(_all(hdd, usb, phone))[0]
    assert not after.outdated and len(after.current) == 3
    for s in (usb, phone):
        (c,) = s.certificates()
        c.check_password(factory.PASSWORD)


def test_a_copy_with_another_password_is_left_alone_unless_included(tmp_path):
    hdd, usb, phone = (_storage(tmp_path, n) for n in ("hdd", "usb", "phone"))
    _cert(usb, start=OLD)
    _cert(phone, start=OLD, password=OTHER_PASSWORD)          # same certificate, its password changed
    _cert(hdd, start=NEW, key_index=1)
    g = copies.group_copies(_all(hdd, usb, phone))[0]
    plan = copies.plan_sync(g, factory.PASSWORD)
    assert [t.storage.id for t in plan.targets] == ["usb"]
    assert [d.storage.id for d in plan.different_password] == ["phone"]
    before = {p: p.read_bytes() for p in phone.root.rglob("*") if p.is_file()}
    result = copies.run_sync(plan)
    assert [l.storage.id for l in result.left] == ["phone"]
    assert {p: p.read_bytes() for p in phone.root.rglob("*") if p.is_file()} == before
    # asked and agreed: it is replaced too
    g = copies.group_copies(_all(hdd, usb, phone))[0]
    plan = copies.plan_sync(g, factory.PASSWORD, include=[str(phone.certificates()[0].path)])
    assert [t.storage.id for t in plan.targets] == ["phone"]
    copies.run_sync(plan)
    assert not copies.group_copies(_all(hdd, usb, phone))[0].outdated


def test_reissued_folder_name_differs_old_folder_goes(tmp_path):
    hdd, usb = _storage(tmp_path, "hdd"), _storage(tmp_path, "usb")
    old = _cert(usb, start=OLD)
    new = _cert(hdd, start=NEW, key_index=1)
    assert old.path.name == new.path.name
    # a reissue's folder under another CA spelling: the same identity, a different folder name
    other_dir = usb.root / "yessign" / "USER"
    renamed = other_dir / (old.path.name + "x")
    os.rename(old.path, renamed)
    g = copies.group_copies(_all(hdd, usb))[0]
    copies.run_sync(copies.plan_sync(g, factory.PASSWORD))
    names = sorted(p.name for p in other_dir.iterdir())
    assert names == [new.path.name]


def test_nothing_is_written_when_one_target_cannot_be(three, monkeypatch):
    hdd, usb, phone = three
    g = copies.group_copies(_all(hdd, usb, phone))[0]
    snapshot = {p: p.read_bytes() for s in (usb, phone) for p in s.root.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassword):
        copies.plan_sync(g, "Wrong#pass0000")
    shutil.rmtree(phone.mount)                      # the phone went away
    with pytest.raises(StorageGone):
        copies.plan_sync(g, factory.PASSWORD)
    assert {p: p.read_bytes() for p in usb.root.rglob("*") if p.is_file()} == \
        {p: b for p, b in snapshot.items() if str(p).startswith(str(usb.root))}


def test_no_room_refuses_before_writing(three, monkeypatch):
    hdd, usb, phone = three
    monkeypatch.setattr(Storage, "free_space", lambda self: 10)
    g = copies.group_copies(_all(hdd, usb, phone))[0]
    with pytest.raises(StorageFull):
        copies.plan_sync(g, factory.PASSWORD)
