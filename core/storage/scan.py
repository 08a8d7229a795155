"""Walking an NPKI root: `<root>/<CA>/USER/<cert folder>` (names matched case-insensitively).

Every storage is treated as hostile (docs/storage-security.md "Hostile media"):
- only the fixed layout is walked (depth is capped by construction) and symlinks are never
  followed — a linked CA, USER or certificate folder is listed as a broken entry with a reason;
- the number of entries examined per folder and the number of certificate folders are capped;
- file sizes are capped before reading (`certfolder.read_capped`);
- every bad entry becomes a `BrokenFolder` with a reason; nothing raises.

With `clean=True` leftovers of interrupted writes (`.dojang-tmp-*`, `.dojang-old-*`,
`.dojang-del-*`) are removed: files only, then the empty folder — never a recursive delete. A
`.dojang-old-*` folder that still holds a complete certificate (a replace interrupted between
its two renames) is put back under the certificate's own name instead of being deleted.
"""
from __future__ import annotations

import logging
import operator
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SymlinkNotFollowed, TooManyEntries
from ..npki.certfolder import BrokenFolder, CertFolder, check_key_structure, read_cert_folder, verify_key
from ..npki.der import algorithm_oid
from . import switch
from .safewrite import KEEP_PREFIX, OLD_PREFIX, TEMP_PREFIX

log = logging.getLogger(__name__)

DEL_PREFIX = ".dojang-del-"
JUNK_PREFIXES = (TEMP_PREFIX, OLD_PREFIX, DEL_PREFIX)
MAX_ENTRIES_PER_DIR = 20_000   # directory entries examined in any one folder
MAX_CA_FOLDERS = 500
MAX_CERT_FOLDERS = 10_000      # certificate folders per storage
STALE_AGE = 600.0              # seconds after which another live process's temp counts as junk

Entry = CertFolder | BrokenFolder


@dataclass
class ScanReport:
    entries: list[Entry] = field(default_factory=list)
    cleaned: int = 0           # leftovers removed
    restored: list[Path] = field(default_factory=list)
    truncated: bool = False    # a cap was hit

    @property
    def good(self) -> list[CertFolder]:
        return [e for e in self.entries if isinstance(e, CertFolder)]

    @property
    def broken(self) -> list[BrokenFolder]:
        return [e for e in self.entries if isinstance(e, BrokenFolder)]


def is_junk_name(name: str) -> bool:
    return name.startswith(JUNK_PREFIXES)


def writer_pid(name: str) -> int | None:
    for prefix in (*JUNK_PREFIXES, switch.SWITCH_PREFIX):
        if name.startswith(prefix):
            head = name[len(prefix):].split("-", 1)[0]
            return int(head) if head.isdigit() else None
    return None


def pid_alive(pid: int) -> bool:
    try:
        import psutil
        return psutil.pid_exists(pid)
    except Exception:  # noqa: BLE001 - unknown: assume alive, the age rule still applies
        return True


def _is_leftover(entry: os.DirEntry, own_writes_idle: bool, now: float) -> bool:
    """May this temporary entry be removed? Never while its writer may still be at work."""
    pid = writer_pid(entry.name)
    if pid is None:
        return True  # not a name Dojang writes now (older version): a leftover
    if pid == os.getpid():
        return own_writes_idle
    if not pid_alive(pid):
        return True
    try:
        age = now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > STALE_AGE


def _remove_files_then_dir(path: Path) -> bool:
    """Unlink the files (and links) directly in `path`, then rmdir it. No recursion."""
    try:
        with os.scandir(path) as it:
            for i, child in enumerate(it):
                if i >= MAX_ENTRIES_PER_DIR:
                    break
                if not child.is_dir(follow_symlinks=False):
                    try:
                        os.unlink(child.path)
                    except OSError:
                        pass
        os.rmdir(path)
        return True
    except OSError:
        return False


def _restore_old(user_dir: Path, old: Path, report: ScanReport) -> bool:
    """A `.dojang-old-*` folder holding a complete certificate: put it back or drop a duplicate."""
    from ..npki.foldername import contained, sanitize

    entry = read_cert_folder(old, user_dir.parent.name)
    if not isinstance(entry, CertFolder):
        return False
    base = sanitize(entry.info.subject)
    for n in range(1, 100):
        name = base if n == 1 else f"{base} ({n})"
        try:
            target = contained(user_dir, name)
        except Exception:  # noqa: BLE001
            return False
        existing = read_cert_folder(target, user_dir.parent.name) if os.path.lexists(target) else None
        if existing is None:
            try:
                os.rename(old, target)
            except OSError:
                return False
            report.restored.append(target)
            log.info("restored a certificate folder left by an interrupted replace")
            return True
        if isinstance(existing, CertFolder) and \
                existing.info.sha256_fingerprint == entry.info.sha256_fingerprint:
            return False  # the same certificate is in place: the old copy is a plain leftover
    return False


def _clean_dir(directory: Path, *, own_writes_idle: bool, now: float, report: ScanReport,
               user_dir: Path | None = None) -> None:
    try:
        with os.scandir(directory) as it:
            junk = [e for _, e in zip(range(MAX_ENTRIES_PER_DIR), it)
                    if is_junk_name(e.name) or switch.is_record(e.name)]
    except OSError:
        return
    for e in junk:
        if not _is_leftover(e, own_writes_idle, now):
            continue
        path = Path(e.path)
        try:
            if switch.is_record(e.name):     # an interrupted folder switch: finish or undo it
                restored = switch.recover(directory, e.name)
                if restored is not None:
                    report.restored.append(restored)
                continue
            if e.is_dir(follow_symlinks=False):
                if user_dir is not None and e.name.startswith(OLD_PREFIX) and _restore_old(user_dir, path, report):
                    continue
                if _remove_files_then_dir(path):
                    report.cleaned += 1
            else:
                os.unlink(path)
                report.cleaned += 1
        except OSError:
            pass


_HIDDEN = (*JUNK_PREFIXES, KEEP_PREFIX)     # junk and kept folders are never listed
_NAME = operator.attrgetter("name")


def _list_dirs(directory: Path, report: ScanReport, ca: str, out: list[Entry],
               junk: list | None = None) -> list[os.DirEntry]:
    """Sub-folders of `directory` (no links), capped; links are reported as broken entries.
    `junk`: gets a True for each leftover or switch record seen (the cleaning scan's cue)."""
    dirs: list[os.DirEntry] = []
    with os.scandir(directory) as it:
        for i, e in enumerate(it):
            if i >= MAX_ENTRIES_PER_DIR:
                report.truncated = True
                out.append(BrokenFolder(directory, ca, TooManyEntries(path=str(directory))))
                break
            if e.name.startswith(_HIDDEN):
                if junk is not None and (is_junk_name(e.name) or switch.is_record(e.name)):
                    junk.append(True)
                continue
            try:
                if e.is_dir(follow_symlinks=False):     # a real folder (a link is never one)
                    dirs.append(e)
                elif e.is_symlink():
                    out.append(BrokenFolder(Path(e.path), ca, SymlinkNotFollowed(path=e.path)))
            except OSError:
                continue
    dirs.sort(key=_NAME)
    return dirs


def peek_key_algorithm(data: bytes) -> str:
    """Check the top-level encryption OID of a key file (certfolder.check_key_structure); returns its
    content octets in hex. Raises MalformedKey / UnsupportedKeyEncryption."""
    check_key_structure(data)
    return algorithm_oid(data).hex()


def _read_entry(folder: str, ca: str, check_keys: bool, clean: bool, own_writes_idle: bool, now: float,
                report: ScanReport) -> Entry:
    """Read a certificate folder; with `check_keys`, a key file with an unknown algorithm OID or
    garbage structure makes the entry broken with that reason (not only at password time)."""
    entry = read_cert_folder(folder, ca, check_key=check_keys)
    if clean:
        names = entry.file_names if isinstance(entry, CertFolder) else None
        if names is None or _has_junk(names):
            _clean_dir(Path(folder), own_writes_idle=own_writes_idle, now=now, report=report)
            entry = read_cert_folder(folder, ca, check_key=check_keys) if names is not None else entry
    return entry


def _has_junk(names) -> bool:
    for n in names:
        if n.startswith(JUNK_PREFIXES):
            return True
    return False


def scan_report(root: Path, *, clean: bool = False, own_writes_idle: bool = False,
                follow_root_symlink: bool = True, max_cert_folders: int = MAX_CERT_FOLDERS,
                check_keys: bool = False) -> ScanReport:
    """Scan one NPKI root. Never raises for bad content or a vanished storage.

    Key files are only seen in the folder listing (present, a regular file); their structure is
    checked by `verify_keys` (or here with `check_keys`): a listing shows its rows first and
    checks the keys after (docs/npki-codec.md "Listing speed")."""
    report = ScanReport()
    root = Path(root)
    try:
        st = os.lstat(root)
    except OSError:
        return report
    if stat.S_ISLNK(st.st_mode):
        if not follow_root_symlink:
            report.entries.append(BrokenFolder(root, "", SymlinkNotFollowed(path=str(root))))
            return report
    elif not stat.S_ISDIR(st.st_mode):
        return report
    now = time.time()
    count = 0
    try:
        cas = _list_dirs(root, report, "", report.entries)
    except OSError:
        return report
    for ca in cas[:MAX_CA_FOLDERS]:
        try:
            users = [e for e in _list_dirs(Path(ca.path), report, ca.name, report.entries)
                     if e.name.lower() == "user"]
        except OSError:
            continue
        for user in users:
            user_dir = Path(user.path)
            try:
                if clean:
                    # One pass both lists and spots leftovers; only when there are some is the
                    # folder cleaned (its interrupted switches settled) and listed again.
                    junk: list = []
                    first = ScanReport()
                    listed: list[Entry] = []
                    cert_dirs = _list_dirs(user_dir, first, ca.name, listed, junk)
                    if junk:
                        _clean_dir(user_dir, own_writes_idle=own_writes_idle, now=now, report=report,
                                   user_dir=user_dir)
                        first, listed = ScanReport(), []
                        cert_dirs = _list_dirs(user_dir, first, ca.name, listed)
                    report.truncated = report.truncated or first.truncated
                    report.entries += listed
                else:
                    cert_dirs = _list_dirs(user_dir, report, ca.name, report.entries)
            except OSError:
                continue
            entries = report.entries
            ca_name = ca.name
            for entry in cert_dirs:
                if count >= max_cert_folders:
                    report.truncated = True
                    entries.append(BrokenFolder(user_dir, ca_name, TooManyEntries(path=str(user_dir))))
                    break
                count += 1
                entries.append(_read_entry(entry.path, ca_name, check_keys, clean, own_writes_idle, now, report))
    if len(cas) > MAX_CA_FOLDERS:
        report.truncated = True
        report.entries.append(BrokenFolder(root, "", TooManyEntries(path=str(root))))
    return report


def scan_root(root: Path, *, clean: bool = False) -> list[Entry]:
    """Every certificate folder under an NPKI root, good and broken, in a stable order (keys not yet
    checked: verify_keys)."""
    return scan_report(root, clean=clean).entries


def verify_keys(entries: list[Entry]) -> list[Entry]:
    """The listing's lazy key check over `entries`: each certificate whose signPri.key is
    unreadable, empty, too large, not DER or under an algorithm Dojang does not read becomes a
    BrokenFolder saying so (certfolder.verify_key); the rest are returned as they are."""
    return [verify_key(e) if type(e) is CertFolder else e for e in entries]
