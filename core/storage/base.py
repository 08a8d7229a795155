"""The storage interface and its four kinds: 하드디스크, 이동식디스크, 휴대폰 (모의), 폴더.

A storage is an NPKI root plus what the manager needs to know about the medium: a stable id, a
label, whether it is present, free space, whether it is read-only, and whether writes must be
read back (removable media). Listing goes through the hardened scanner; writes go through
`core.storage.operations`, which serialises them per drive with `drive_lock()`.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import ReadOnlyStorage, StorageGone, UnknownCertificate
from ..i18n import pick
from ..npki.certfolder import BrokenFolder, CertFolder, read_cert_folder
from .scan import Entry, ScanReport, scan_report, verify_keys

HDD, REMOVABLE, PHONE, FOLDER = "hdd", "removable", "phone", "folder"
KIND_LABELS = {
    HDD: ("하드디스크", "Hard disk"),
    REMOVABLE: ("이동식디스크", "Removable disk"),
    PHONE: ("휴대폰 (모의)", "Phone (simulated)"),
    FOLDER: ("폴더", "Folder"),
}

# --- per-drive locks -------------------------------------------------------------------------

_locks: dict[str, threading.RLock] = {}
_locks_guard = threading.Lock()


def _lock_for(key: str) -> threading.RLock:
    with _locks_guard:
        return _locks.setdefault(key, threading.RLock())


@contextmanager
def drive_lock(*storages: "Storage") -> Iterator[None]:
    """Hold the locks of the drives behind `storages` (in a fixed order: no deadlock)."""
    keys = sorted({s.lock_key for s in storages})
    locks = [_lock_for(k) for k in keys]
    for lock in locks:
        lock.acquire()
    try:
        yield
    finally:
        for lock in reversed(locks):
            lock.release()


def short_id(*parts: str, length: int = 8) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:length]


# --- the interface ----------------------------------------------------------------------------

@dataclass
class Storage:
    """One place certificates live. Subclasses only set the fields; behaviour is shared."""
    id: str
    kind: str
    root: Path                       # the NPKI folder (may not exist yet)
    name: str = ""                   # volume label, phone number, folder name…
    read_only: bool = False
    verify_writes: bool = False      # read back after writing (removable media, phones)
    mount: Path | None = None        # the medium's mount point; presence is judged by it
    meta: dict = field(default_factory=dict)
    _lock_key: str | None = field(default=None, repr=False, compare=False)
    _root_prefix: tuple | None = field(default=None, repr=False, compare=False)

    # identity and description
    @property
    def lock_key(self) -> str:
        key = self._lock_key
        if key is None:
            base = self.mount or self.root
            try:
                key = os.path.realpath(base)
            except OSError:
                key = str(base)
            self._lock_key = key
        return key

    def label(self, lang: str | None = None) -> str:
        kind = pick(*KIND_LABELS[self.kind], lang)
        if self.read_only:
            kind += pick(" (이전 위치, 읽기 전용)", " (old location, read-only)", lang) if self.kind == HDD \
                else pick(" (읽기 전용)", " (read-only)", lang)
        return f"{kind} — {self.name}" if self.name else kind

    # state of the medium
    def present(self) -> bool:
        if self.mount is not None:
            return self.mount.is_dir()
        if self.kind == HDD and not self.read_only:
            return True  # the hard-disk root is created on the first write
        return self.root.is_dir()

    def free_space(self) -> int | None:
        """Free bytes on the medium, or None when unknown (never raises)."""
        if not self.present():
            return None
        probe = self.root
        while not probe.exists() and probe.parent != probe:
            probe = probe.parent
        try:
            return shutil.disk_usage(probe).free
        except OSError:
            return None

    def require_present(self) -> None:
        if not self.present():
            raise StorageGone()

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStorage()
        self.require_present()

    # listing
    def scan_report(self) -> ScanReport:
        if not self.present():
            return ScanReport()
        clean = not self.read_only
        if clean:
            with drive_lock(self):  # our own writes to this drive are idle while we hold it
                return scan_report(self.root, clean=True, own_writes_idle=True,
                                   follow_root_symlink=self.kind == HDD)
        return scan_report(self.root, follow_root_symlink=self.kind == HDD)

    def scan(self) -> list[Entry]:
        return self.scan_report().entries

    def certificates(self) -> list[CertFolder]:
        """The usable certificates: listed, and their key files checked (scan.verify_keys)."""
        return [e for e in verify_keys(self.scan()) if isinstance(e, CertFolder)]

    def cert_id(self, entry: Entry) -> str:
        """A short id for an entry, stable while it stays in the same place on this storage."""
        where = getattr(entry, "location", None) or os.fspath(entry.path)
        prefix = self._root_prefix
        if prefix is None or prefix[0] is not self.root:   # the root as a string, made once per root
            prefix = self._root_prefix = (self.root, os.fspath(self.root) + os.sep)
        if where.startswith(prefix[1]):           # plain strings: no Path objects for 2,000 rows
            rel = where[len(prefix[1]):]
            if os.sep != "/":
                rel = rel.replace(os.sep, "/")
        else:
            try:
                rel = Path(where).relative_to(self.root).as_posix()
            except ValueError:
                rel = where
        return short_id(self.id, rel)

    def read(self, cert_id: str) -> CertFolder | BrokenFolder:
        for entry in self.scan():
            if self.cert_id(entry) == cert_id:
                return read_cert_folder(entry.path, entry.ca_folder)
        raise UnknownCertificate()

    def contains(self, path: Path) -> bool:
        try:
            Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root))
            return True
        except ValueError:
            return False

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": self.label(), "name": self.name,
                "root": str(self.root), "present": self.present(), "read_only": self.read_only,
                "free_bytes": self.free_space()}


def hard_disk(root: Path, *, legacy_index: int | None = None) -> Storage:
    if legacy_index is None:
        return Storage("hdd", HDD, Path(root))
    return Storage("hdd-legacy" if legacy_index == 0 else f"hdd-legacy{legacy_index + 1}", HDD, Path(root),
                   name=str(root), read_only=True)


def removable(mount: Path, drive_id: str, name: str = "") -> Storage:
    return Storage(f"usb-{short_id(drive_id)}", REMOVABLE, Path(mount) / "NPKI", name=name or str(mount),
                   verify_writes=True, mount=Path(mount), meta={"drive_id": drive_id})


def folder(path: Path) -> Storage:
    """A user-chosen folder: its `NPKI` sub-folder when it has one, else the folder itself."""
    path = Path(path)
    root = path
    try:
        for e in os.scandir(path):
            if e.name.lower() == "npki" and e.is_dir(follow_symlinks=False):
                root = Path(e.path)
                break
    except OSError:
        pass
    return Storage(f"folder-{short_id(os.path.abspath(path))}", FOLDER, root, name=str(path),
                   mount=path, meta={"path": str(path)})
