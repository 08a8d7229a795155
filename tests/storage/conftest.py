"""Fixtures for the storage tests: no real drives, a fake USB stick, a mock phone, fault injection."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from core.storage import registry, safewrite
from core.storage.base import Storage
from core.storage.discovery import DiscoveryConfig
from tests import factory


@pytest.fixture(autouse=True)
def _no_real_drives(monkeypatch):
    """Discovery sees only DOJANG_FAKE_REMOVABLE folders, never this machine's drives."""
    monkeypatch.setattr(registry, "discovery_config", DiscoveryConfig(include_real=False))


@pytest.fixture
def hdd(npki_root) -> Storage:
    return registry.find_storage("hdd")


@pytest.fixture
def usb_mount(tmp_path, monkeypatch) -> Path:
    mount = tmp_path / "usb1"
    mount.mkdir()
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(mount))
    return mount


@pytest.fixture
def usb(usb_mount) -> Storage:
    return next(s for s in registry.all_storages() if s.kind == "removable")


@pytest.fixture
def phone() -> Storage:
    return registry.create_phone("010-1234-5678", "홍길동")


@pytest.fixture
def made(npki_root):
    """One certificate on the hard disk (with a km pair and an extra file users leave)."""
    m = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    (m.path / "backup.pfx").write_bytes(b"not really a pfx")
    return m


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def junk_under(root: Path) -> list[str]:
    """Names of Dojang temporary leftovers anywhere under `root`."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        out += [os.path.join(dirpath, n) for n in dirnames + filenames if n.startswith(".dojang-")]
    return out


class FaultyOps(safewrite.FileOps):
    """Counts every file-system step; makes step number `fail_at` fail with `err`.

    With `vanish=True` every step from `fail_at` on fails (the drive was pulled)."""

    def __init__(self, fail_at: int | None = None, err: int = errno.EIO, vanish: bool = False):
        self.calls = 0
        self.fail_at, self.err, self.vanish = fail_at, err, vanish
        self.failed = False
        self.log: list[str] = []

    def _step(self, name: str) -> None:
        self.calls += 1
        self.log.append(name)
        n = self.calls
        if self.fail_at is not None and (n == self.fail_at or (self.vanish and n > self.fail_at)):
            self.failed = True
            raise OSError(self.err, os.strerror(self.err))

    def open_exclusive(self, path):
        self._step("open"); return super().open_exclusive(path)

    def write(self, fd, data):
        self._step("write"); return super().write(fd, data)

    def fsync(self, fd):
        self._step("fsync"); return super().fsync(fd)

    def close(self, fd):
        try:
            self._step("close")
        except OSError:
            super().close(fd)  # the descriptor is gone either way
            raise
        return super().close(fd)

    def replace(self, src, dst):
        self._step("replace"); return super().replace(src, dst)

    def rename(self, src, dst):
        self._step("rename"); return super().rename(src, dst)

    def mkdir(self, path):
        self._step("mkdir"); return super().mkdir(path)

    def unlink(self, path):
        self._step("unlink"); return super().unlink(path)

    def rmdir(self, path):
        self._step("rmdir"); return super().rmdir(path)

    def read(self, path):
        self._step("read"); return super().read(path)

    def fsync_dir(self, path):
        self._step("fsync_dir"); return super().fsync_dir(path)

    def syncfs(self, path):
        self._step("syncfs"); return super().syncfs(path)


def count_steps(monkeypatch, action) -> int:
    """Run `action` once with counting ops (no failure) and return the number of steps."""
    counter = FaultyOps()
    monkeypatch.setattr(safewrite, "ops", counter)
    action()
    monkeypatch.setattr(safewrite, "ops", safewrite.FileOps())
    return counter.calls
