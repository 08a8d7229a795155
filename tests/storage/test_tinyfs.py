"""A real tiny file system that fills up (loop-mounted ext4 image; needs root, mkfs.ext4 and mount)."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from core.errors import StorageError, StorageFull
from core.npki.certfolder import CertFolder
from core.storage import operations as ops, registry
from tests import factory
from tests.storage.conftest import folder_bytes, junk_under


@pytest.fixture
def tiny_drive(tmp_path, monkeypatch):
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to loop-mount a file-system image")
    mkfs = shutil.which("mkfs.ext4") or shutil.which("mke2fs")
    if not mkfs or not shutil.which("mount"):
        pytest.skip("mkfs.ext4 or mount is not installed")
    image, mount = tmp_path / "tiny.img", tmp_path / "tiny"
    mount.mkdir()
    with open(image, "wb") as fh:
        fh.truncate(1024 * 1024)  # 1 MiB: room for a few dozen certificate folders
    subprocess.run([mkfs, "-q", "-F", "-m", "0", str(image)], check=True, capture_output=True)
    done = subprocess.run(["mount", "-o", "loop", str(image), str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"loop mount not permitted here: {done.stderr.decode(errors='replace').strip()}")
    try:
        monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(mount))
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_filling_a_real_tiny_drive(tiny_drive, npki_root, hdd, monkeypatch):
    usb = next(s for s in registry.all_storages() if s.kind == "removable")
    # the free-space pre-check would refuse early; switch it off so ENOSPC hits the real writes
    margin = ops.FREE_SPACE_MARGIN
    monkeypatch.setattr(ops, "FREE_SPACE_MARGIN", -(1 << 40))
    ud = factory.user_dir(npki_root)
    made = [factory.make_cert(ud, name=f"사용자{i:03d}", key_index=i % 4, with_km=True) for i in range(200)]
    for m in made:  # a 40 KB extra file per folder makes the drive fill up quickly
        (m.path / "backup.pfx").write_bytes(os.urandom(40 * 1024))
    sources = hdd.certificates()
    copied, full_error = 0, None
    for cert in sources:
        try:
            ops.copy_cert(cert, usb, source=hdd)
            copied += 1
        except StorageError as exc:
            full_error = exc
            break
    assert full_error is not None, "the tiny drive never filled up"
    assert isinstance(full_error, StorageFull), type(full_error)
    assert copied > 0
    entries = usb.scan()   # the next scan cleans up the failed write
    assert all(isinstance(e, CertFolder) for e in entries)
    assert len(entries) == copied
    by_name = {m.folder_name: m for m in made}
    for e in entries:
        assert folder_bytes(e.path) == folder_bytes(by_name[e.name].path)
    assert junk_under(usb.root) == []
    for m in made:  # the sources are intact
        assert (m.path / "signPri.key").read_bytes() == m.sign_key
    # with the pre-check back on, a copy to the full drive is refused before writing anything
    monkeypatch.setattr(ops, "FREE_SPACE_MARGIN", margin)
    with pytest.raises(StorageFull):
        ops.copy_cert(sources[copied], usb, source=hdd)
    assert junk_under(usb.root) == []
