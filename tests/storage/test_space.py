"""The free-space check counts what files really take: whole blocks of the target file system."""
from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from core.errors import StorageFull
from core.storage import operations as ops
from tests import factory


def _fake_statvfs(monkeypatch, frsize):
    monkeypatch.setattr(os, "statvfs", lambda path: SimpleNamespace(f_frsize=frsize, f_bsize=frsize))


@pytest.fixture
def cert_files(npki_root):
    m = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    return {p.name: p.read_bytes() for p in m.path.iterdir()}


def test_empty_64k_stick_takes_a_certificate(cert_files, tmp_path, monkeypatch):
    _fake_statvfs(monkeypatch, 1024)                     # a tiny FAT/ext2 with 1 KiB blocks
    ops.check_space(64 * 1024, cert_files, tmp_path)     # fits: about 8 KiB of blocks
    _fake_statvfs(monkeypatch, 4096)
    ops.check_space(64 * 1024, cert_files, tmp_path)     # 4 files + 1 folder = 20 KiB


def test_refused_only_when_the_blocks_do_not_fit(cert_files, tmp_path, monkeypatch):
    _fake_statvfs(monkeypatch, 4096)
    need = ops.space_needed(cert_files, 4096)
    assert need == 5 * 4096                              # each small file one block, plus the folder
    ops.check_space(need, cert_files, tmp_path)
    with pytest.raises(StorageFull):
        ops.check_space(need - 1, cert_files, tmp_path)
    _fake_statvfs(monkeypatch, 32 * 1024)                # big FAT32 clusters: 64 KiB is not enough
    with pytest.raises(StorageFull):
        ops.check_space(64 * 1024, cert_files, tmp_path)


def test_block_size_of_a_missing_path_is_asked_of_its_existing_parent(tmp_path):
    assert ops.block_size(tmp_path / "not" / "yet") == ops.block_size(tmp_path) >= 512
    assert ops.block_size(None) == ops.DEFAULT_BLOCK


def test_copy_to_a_nearly_full_stick(npki_root, hdd, usb, monkeypatch):
    factory.make_cert(factory.user_dir(npki_root), with_km=True)
    [cert] = hdd.certificates()
    monkeypatch.setattr(type(usb), "free_space", lambda self: 8 * 1024)
    with pytest.raises(StorageFull):
        ops.copy_cert(cert, usb, source=hdd)
    assert usb.scan() == [] and not any(p.name.startswith(".dojang") for p in usb.root.rglob("*"))
    monkeypatch.setattr(type(usb), "free_space", lambda self: 64 * 1024)
    assert ops.copy_cert(cert, usb, source=hdd).status == "copied"
