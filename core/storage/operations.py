"""Certificate operations across storages, all-or-nothing (docs/storage-security.md "All-or-nothing writes").

- copy: snapshot the source files (size-capped), build the folder under a temporary name on the
  destination, read back on removable media, rename into place, re-read it as a certificate;
- move: copy with read-back, compare every file with the snapshot, then delete the source;
- delete: rename the folder to a hidden name (the certificate disappears at once), unlink its files,
  then remove the empty folder — never a recursive delete;
- export a folder to any path, import a folder or a PFX file, export a PFX;
- password change through `certfolder.change_password` (both keys or neither);
- conflicts: the same certificate → "already there"; a different one under the same name → the
  caller's `on_conflict` decides (replace / keep both / cancel); without one, `Conflict` is raised;
- operations on one drive are serialised (`base.drive_lock`); bulk runs report progress and can be
  cancelled between certificates.

Secrets: passwords are passed through to the key codec and never logged or put into errors.
"""
from __future__ import annotations

import enum
import errno
import logging
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Generic, Iterable, TypeVar

from ..errors import (AlreadyExists, BrokenEntry, Cancelled, Conflict, DojangError, KeyMismatch,
                      StorageError, StorageFull, UnsafeFolderName)
from ..npki.certfolder import (KM_CERT, KM_KEY, KNOWN_FILES, MAX_EXTRA_FILE, MAX_FILE, SIGN_CERT, SIGN_KEY,
                               BrokenFolder, CertFolder, read_capped, read_cert_folder)
from ..npki.certificate import CertInfo, parse_certificate
from ..npki.foldername import contained, sanitize
from . import safewrite
from .base import Storage, drive_lock
from .safewrite import storage_error
from .scan import DEL_PREFIX, Entry, is_junk_name
from .switch import switch_folder

log = logging.getLogger(__name__)

MAX_PFX_FILE = 1024 * 1024
FREE_SPACE_MARGIN = 0          # extra room asked for beyond the block-rounded need
DEFAULT_BLOCK = 4096           # when the file system cannot be asked


class ConflictChoice(str, enum.Enum):
    REPLACE = "replace"
    KEEP_BOTH = "keep-both"
    CANCEL = "cancel"


@dataclass(frozen=True)
class ConflictInfo:
    """What the caller is asked about: `existing` sits where `incoming` would go."""
    target: Path
    existing: Entry | None      # None when the name is taken by something that is not a folder
    incoming: CertInfo


ConflictResolver = Callable[[ConflictInfo], ConflictChoice]


@dataclass
class OpResult:
    status: str                 # copied | already_there | replaced | kept_both | moved | deleted | exported | imported
    path: Path | None = None
    notes: list[str] = field(default_factory=list)


# --- reading the source ---------------------------------------------------------------------------

def snapshot(cert: CertFolder) -> dict[str, bytes]:
    """The bytes of a certificate folder, under canonical names; extra files copied along.

    Known files are capped at MAX_FILE, extra files at MAX_EXTRA_FILE; links, folders, junk and
    names that could not be written safely are skipped."""
    files: dict[str, bytes] = {}
    where = cert.location
    paths = {k: os.path.join(where, v) for k, v in cert.file_names.items()}   # strings: no Path objects
    try:
        for name in KNOWN_FILES:
            if name in paths:
                files[name] = read_capped(paths[name])
        for name, path in paths.items():
            if name in KNOWN_FILES or is_junk_name(name):
                continue
            if "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
                continue
            try:
                files[name] = read_capped(path, MAX_EXTRA_FILE)
            except DojangError:
                log.info("an extra file in a certificate folder was skipped (too large or not a file)")
    except OSError as exc:
        raise storage_error(exc) from exc
    if SIGN_CERT not in files or SIGN_KEY not in files or not files[SIGN_KEY]:
        raise BrokenEntry()
    # the same bytes as listed need no second parse; anything else is parsed and compared
    data = files[SIGN_CERT]
    if data.startswith(cert.info.der):       # the listed element (its DER header fixes its end)
        return files
    if parse_certificate(data).sha256_fingerprint != cert.info.sha256_fingerprint:
        raise StorageError("원본 인증서가 읽는 도중 바뀌었습니다. 다시 시도하세요.",
                           "The source certificate changed while it was being read. Try again.")
    return files


def _require_cert(entry: Entry) -> CertFolder:
    if isinstance(entry, BrokenFolder):
        raise entry.error
    return entry


# --- placing a folder on a destination --------------------------------------------------------------

def _mkdir(path: Path) -> None:
    try:
        safewrite.ops.mkdir(path)
    except FileExistsError:
        pass
    except OSError as exc:
        raise storage_error(exc) from exc


def _child_ci(parent: Path, name: str) -> Path:
    """An existing folder of `parent` named `name` in any letter case, else `parent/name`."""
    exact = parent / name
    if exact.is_dir() and not exact.is_symlink():
        return exact
    try:
        for e in os.scandir(parent):
            if e.name.lower() == name.lower() and e.is_dir(follow_symlinks=False):
                return Path(e.path)
    except OSError:
        pass
    return exact


def ensure_user_dir(root: Path, ca: str) -> Path:
    """`<root>/<CA>/USER`, creating what is missing (existing letter-case variants are reused)."""
    fast = root / ca / "USER"
    if ca == sanitize(ca) and ca not in (".", "..") and not any(
            os.path.islink(p) for p in (root, root / ca, fast)) and fast.is_dir():
        return fast  # the common case: everything is there already
    parent = root.parent
    if not parent.is_dir():
        raise safewrite.storage_error(FileNotFoundError(errno.ENOENT, "missing"))
    if root.is_symlink():
        raise UnsafeFolderName(path=str(root))
    if not root.is_dir():
        _mkdir(root)
    ca_dir = _child_ci(root, contained(root, sanitize(ca)).name)
    if ca_dir.is_symlink():
        raise UnsafeFolderName(path=str(ca_dir))
    if not ca_dir.is_dir():
        _mkdir(ca_dir)
    user = _child_ci(ca_dir, "USER")
    if user.is_symlink():
        raise UnsafeFolderName(path=str(user))
    if not user.is_dir():
        _mkdir(user)
    return user


def _target_for(user_dir: Path, name: str, info: CertInfo) -> Path:
    """The existing folder name when it is already clean (real names are), else a sanitised one;
    in every case checked to stay directly inside `user_dir`."""
    clean = sanitize(name)
    for candidate in (clean, sanitize(info.subject)):
        try:
            return contained(user_dir, candidate)
        except UnsafeFolderName:
            continue
    raise UnsafeFolderName(path=str(user_dir))


def _free_name(user_dir: Path, name: str, taken=()) -> Path:
    for n in range(2, 1000):
        candidate = contained(user_dir, sanitize(f"{name} ({n})"))
        if not os.path.lexists(candidate) and candidate.name not in taken:
            return candidate
    raise Conflict()


def block_size(where: Path | str | None) -> int:
    """The allocation unit of the file system holding `where` (a FAT cluster, an ext4 block)."""
    if where is not None and hasattr(os, "statvfs"):
        probe = os.fspath(where)
        while probe and not os.path.exists(probe):
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
        try:
            st = os.statvfs(probe)
            return max(512, st.f_frsize or st.f_bsize)
        except OSError:
            pass
    return DEFAULT_BLOCK


def space_needed(files: dict[str, bytes], block: int, folders: int = 1) -> int:
    """What `files` in `folders` new folders really take: each rounded up to whole blocks."""
    return sum(-(-len(d) // block) * block for d in files.values()) + folders * block


def check_space(dest_free: int | None, files: dict[str, bytes], where: Path | None = None,
                folders: int = 1, block: int | None = None) -> None:
    """Refuse a write only when it really does not fit (docs/storage-safety.md): the need is estimated
    from the file system's block size at `where` (or `block`, when known), not from a flat margin."""
    if dest_free is not None and dest_free < space_needed(
            files, block or block_size(where), folders) + FREE_SPACE_MARGIN:
        raise StorageFull()


def remove_hidden(folder: Path, names: Iterable[str]) -> None:
    """Delete a hidden (renamed-away) folder: private key first, then the rest, then the folder."""
    order = [SIGN_KEY, KM_KEY, SIGN_CERT, KM_CERT]
    names = sorted(set(names), key=lambda n: order.index(n) if n in order else len(order))
    for name in names:
        safewrite.ops.unlink(folder / name)
    safewrite.ops.rmdir(folder)


def _resolve_target(user_dir: Path, name: str, files: dict[str, bytes], info: CertInfo, *,
                    on_conflict: ConflictResolver | None, source: Path | None,
                    taken: dict[str, str] | None = None) -> tuple[str, Path]:
    """Where a folder goes: ("already_there" | "copied" | "kept_both" | "replace", target).
    `taken`: folder name -> fingerprint of the folders already planned in the same batch."""
    taken = taken or {}
    target = _target_for(user_dir, name, info)
    exists = os.path.lexists(target)        # once: a batch of 200 asked the disk 400 times
    if source is not None and exists and os.path.realpath(target) == os.path.realpath(source):
        return "already_there", target
    if taken.get(target.name) == info.sha256_fingerprint:
        return "already_there", target
    if exists or target.name in taken:
        existing: Entry | None = None
        if target.is_dir() and not target.is_symlink():
            existing = read_cert_folder(target, user_dir.parent.name)
            if isinstance(existing, CertFolder) and existing.info.sha256_fingerprint == info.sha256_fingerprint:
                return "already_there", target
        if on_conflict is None:
            raise Conflict()
        choice = ConflictChoice(on_conflict(ConflictInfo(target, existing, info)))
        if choice is ConflictChoice.CANCEL:
            raise Cancelled()
        if choice is ConflictChoice.REPLACE and existing is not None:
            return "replace", target
        target = _free_name(user_dir, target.name, taken)
        return "kept_both", target
    return "copied", target


def place_folder(user_dir: Path, name: str, files: dict[str, bytes], info: CertInfo, *,
                 verify: bool, on_conflict: ConflictResolver | None, free: int | None = None,
                 source: Path | None = None) -> OpResult:
    """Write a certificate folder into `user_dir`, resolving a name conflict. Caller holds the lock."""
    status, target = _resolve_target(user_dir, name, files, info, on_conflict=on_conflict, source=source)
    if status == "already_there":
        return OpResult(status, target)
    check_space(free, files, user_dir)
    if status == "replace":
        switch_folder(target, files, verify=verify)
        _confirm(target, user_dir, info)
        return OpResult("replaced", target)
    safewrite.write_folder_atomic(user_dir, target.name, files, verify=verify)
    _confirm(target, user_dir, info)
    return OpResult(status, target)


def _confirm(target: Path, user_dir: Path, info: CertInfo) -> None:
    """The written folder must read back as the same certificate."""
    entry = read_cert_folder(target, user_dir.parent.name)
    if not isinstance(entry, CertFolder) or entry.info.sha256_fingerprint != info.sha256_fingerprint:
        raise StorageError("저장 후 확인 결과 인증서를 읽을 수 없습니다. 저장매체를 확인하세요.",
                           "After writing, the certificate could not be read back. Check the storage.")


# --- the operations -------------------------------------------------------------------------------

def copy_cert(cert: Entry, dest: Storage, *, source: Storage | None = None,
              on_conflict: ConflictResolver | None = None, verify: bool | None = None) -> OpResult:
    """Copy a certificate folder into `dest` under the same CA folder and folder name."""
    cert = _require_cert(cert)
    dest.require_writable()
    files = snapshot(cert)
    locked = (dest,) if source is None else (dest, source)
    with drive_lock(*locked):
        user_dir = ensure_user_dir(dest.root, cert.ca_folder or cert.info.subject_o or "NPKI")
        return place_folder(user_dir, cert.name, files, cert.info,
                            verify=dest.verify_writes if verify is None else verify,
                            on_conflict=on_conflict, free=dest.free_space(), source=cert.path)


def delete_cert(cert: Entry, storage: Storage | None = None) -> OpResult:
    """Delete a certificate folder (good or broken): hide it, unlink its files, remove the folder."""
    if storage is not None:
        storage.require_writable()
    folder = cert.path
    with drive_lock(*((storage,) if storage else ())):
        try:
            st = os.lstat(folder)
            if not stat.S_ISDIR(st.st_mode):
                raise BrokenEntry("폴더가 아니어서 지우지 않았습니다.", "Not a folder; nothing was deleted.")
            names = []
            with os.scandir(folder) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False):
                        raise StorageError("인증서 폴더 안에 다른 폴더가 있어 지우지 않았습니다.",
                                           "The certificate folder holds other folders; nothing was deleted.")
                    names.append(e.name)
        except OSError as exc:
            raise storage_error(exc) from exc
        hidden = safewrite.temp_name(folder.parent, DEL_PREFIX)
        try:
            safewrite.ops.rename(folder, hidden)
        except OSError as exc:
            raise storage_error(exc) from exc
        try:
            remove_hidden(hidden, names)
        except OSError as exc:
            # Nothing removed yet? Put the certificate back; otherwise it is gone and the rest
            # of the folder is removed by the next scan.
            if os.path.exists(hidden / SIGN_KEY) or SIGN_KEY not in names:
                try:
                    if not os.path.lexists(folder):
                        safewrite.ops.rename(hidden, folder)
                except OSError:
                    pass
            raise storage_error(exc) from exc
        try:
            safewrite.ops.fsync_dir(folder.parent)
        except OSError as exc:
            raise storage_error(exc) from exc
    return OpResult("deleted", folder)


def move_cert(cert: Entry, source: Storage, dest: Storage, *,
              on_conflict: ConflictResolver | None = None) -> OpResult:
    """Copy with read-back, compare every file with the source, then delete the source."""
    cert = _require_cert(cert)
    source.require_writable()
    dest.require_writable()
    files = snapshot(cert)
    with drive_lock(source, dest):
        result = copy_cert(cert, dest, source=source, on_conflict=on_conflict, verify=True)
        if result.path is None or os.path.realpath(result.path) == os.path.realpath(cert.path):
            raise AlreadyExists()
        written = read_cert_folder(result.path, result.path.parent.parent.name)
        if not isinstance(written, CertFolder):
            raise StorageError()
        for name in (SIGN_CERT, SIGN_KEY, KM_CERT, KM_KEY):
            if name in files:
                try:
                    same = name in written.files and read_capped(written.files[name]) == files[name]
                except (OSError, DojangError):
                    same = False
                if not same:
                    if result.status == "already_there":
                        raise AlreadyExists(
                            "같은 인증서가 이미 있지만 개인키 파일이 달라 원본을 지우지 않았습니다.",
                            "The same certificate is already there with a different key file; "
                            "the original was kept.")
                    raise StorageError()
        delete_cert(cert, source)
    return OpResult("moved", result.path, result.notes)


def export_folder(cert: Entry, target_dir: Path, *, on_conflict: ConflictResolver | None = None) -> OpResult:
    """Write the certificate folder as `<target_dir>/<folder name>` (e.g. a backup)."""
    cert = _require_cert(cert)
    files = snapshot(cert)
    target_dir = Path(target_dir)
    if not target_dir.is_dir():
        raise safewrite.storage_error(FileNotFoundError(errno.ENOENT, "missing"))
    result = place_folder(target_dir, cert.name, files, cert.info, verify=True, on_conflict=on_conflict)
    result.status = "exported" if result.status == "copied" else result.status
    return result


def import_folder(path: Path, dest: Storage, *, on_conflict: ConflictResolver | None = None) -> OpResult:
    """Import a certificate folder from anywhere (a backup, an unpacked archive) into `dest`."""
    path = Path(path)
    ca = path.parent.parent.name if path.parent.name.lower() == "user" else None
    entry = _require_cert(read_cert_folder(path, ca or ""))
    if not ca:
        ca = entry.info.subject_o or entry.info.issuer_o or "NPKI"
        entry = entry.replace(ca_folder=ca)
    result = copy_cert(entry, dest, on_conflict=on_conflict)
    result.status = "imported" if result.status == "copied" else result.status
    return result


def import_pfx(pfx_file: Path, pfx_password, dest: Storage, *, key_password=None,
               on_conflict: ConflictResolver | None = None) -> OpResult:
    """Import a PFX (PKCS#12) as `signCert.der` + `signPri.key` (variant A) into `dest`.

    The key is encrypted with `key_password` (default: the PFX password). The decrypted key bytes
    are kept as they are, so a randomNum attribute in the PFX survives."""
    from ..npki import pfx as pfx_codec

    dest.require_writable()
    try:
        data = read_capped(Path(pfx_file), MAX_PFX_FILE)
    except OSError as exc:
        raise storage_error(exc) from exc
    contents = pfx_codec.import_pfx(data, pfx_password)
    info = parse_certificate(contents.cert_der)
    from ..npki import keyfile
    if not keyfile.public_key_matches(contents.key_plain, info.certificate()):
        raise KeyMismatch()
    key = keyfile.encrypt_key(contents.key_plain, key_password if key_password is not None else pfx_password, "A")
    files = {SIGN_CERT: bytes(contents.cert_der), SIGN_KEY: key}
    notes = []
    if not getattr(contents, "random_num_kept", True):
        notes.append("no_random_num")
    with drive_lock(dest):
        user_dir = ensure_user_dir(dest.root, info.subject_o or info.issuer_o or "NPKI")
        result = place_folder(user_dir, sanitize(info.subject), files, info, verify=dest.verify_writes,
                              on_conflict=on_conflict, free=dest.free_space())
    result.status = "imported" if result.status == "copied" else result.status
    result.notes += notes
    return result


def export_pfx(cert: Entry, password, out_file: Path, *, flavour: str = "legacy",
               overwrite: bool = False) -> OpResult:
    """Write the certificate and its key as a PFX protected by the certificate password."""
    from ..npki import pfx as pfx_codec

    cert = _require_cert(cert)
    out_file = Path(out_file)
    if os.path.lexists(out_file) and not overwrite:
        raise StorageError("같은 이름의 파일이 이미 있습니다.", "A file with that name already exists.")
    plain = cert.check_password(password)
    data = pfx_codec.export_pfx(cert.info.der, plain, password, flavour=flavour)
    safewrite.write_file_atomic(out_file, data, verify=True)
    return OpResult("exported", out_file)


def change_password(cert: Entry, old_password, new_password, storage: Storage | None = None) -> OpResult:
    """Re-encrypt signPri.key (and kmPri.key) under a new password, both or neither."""
    from ..npki.certfolder import change_password as _change

    cert = _require_cert(cert)
    if storage is not None:
        storage.require_writable()
    with drive_lock(*((storage,) if storage else ())):
        _change(cert, old_password, new_password, verify=bool(storage and storage.verify_writes))
    return OpResult("changed", cert.path)


def verify_owner(cert: Entry, password, rrn: str) -> bool:
    """본인확인: does the certificate's VID match this 주민등록번호 (with R from the key)?"""
    from ..npki import vid

    cert = _require_cert(cert)
    plain = cert.check_password(password)
    from ..npki import keyfile
    return vid.verify_vid(cert.info.certificate(), keyfile.random_num(plain), rrn)


# --- bulk -----------------------------------------------------------------------------------------

T = TypeVar("T")


@dataclass
class BulkResult(Generic[T]):
    done: list[tuple[T, OpResult]] = field(default_factory=list)
    failed: list[tuple[T, DojangError]] = field(default_factory=list)
    cancelled: bool = False


def run_bulk(items: Iterable[T], action: Callable[[T], OpResult], *,
             progress: Callable[[int, int, T, OpResult | DojangError], None] | None = None,
             cancel: threading.Event | Callable[[], bool] | None = None) -> BulkResult[T]:
    """Run `action` on each item; failures are collected, cancellation is honoured between items."""
    items = list(items)
    out: BulkResult[T] = BulkResult()

    def cancelled() -> bool:
        if cancel is None:
            return False
        return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())

    for i, item in enumerate(items):
        if cancelled():
            out.cancelled = True
            break
        try:
            result: OpResult | DojangError = action(item)
            out.done.append((item, result))  # type: ignore[arg-type]
        except DojangError as exc:
            result = exc
            out.failed.append((item, exc))
        if progress is not None:
            progress(i + 1, len(items), item, result)
    return out


@dataclass
class _Staged:
    index: int
    cert: CertFolder
    user_dir: Path
    target: Path
    status: str
    files: dict[str, bytes]
    tmp: Path


def copy_many(certs: Iterable[Entry], dest: Storage, *, on_conflict: ConflictResolver | None = None,
              source: Storage | None = None,
              progress: Callable[[int, int, Entry, OpResult | DojangError], None] | None = None,
              cancel: threading.Event | Callable[[], bool] | None = None) -> BulkResult[Entry]:
    """Copy many certificates to `dest` with the same all-or-nothing result per certificate as
    `copy_cert`, but with batched durability (docs/storage-safety.md "Copies, moves, imports"): every new folder is
    written under its temporary name first, then one syncfs of the target file system (or an fsync
    of each file and folder where there is none), then the renames, then one more sync.

    `progress` is called once per certificate when it is prepared (its planned result); should the
    final step fail for it, it is called again with the error, and it ends in `failed`. Cancelling
    stops before the next certificate; the ones prepared so far are finished."""
    items = list(certs)
    out: BulkResult[Entry] = BulkResult()

    def cancelled() -> bool:
        if cancel is None:
            return False
        return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())

    def report(i: int, item, result) -> None:
        if progress is not None:
            progress(i, len(items), item, result)

    try:
        dest.require_writable()
    except DojangError as exc:
        for i, item in enumerate(items):
            out.failed.append((item, exc))
            report(i + 1, item, exc)
        return out
    verify = dest.verify_writes
    staged: list[_Staged] = []
    locked = (dest,) if source is None else (dest, source)
    with drive_lock(*locked):
        free = dest.free_space()
        taken: dict[Path, dict[str, str]] = {}
        user_dirs: dict[str, Path] = {}
        blocks: dict[Path, int] = {}
        for i, item in enumerate(items):
            if cancelled():
                out.cancelled = True
                break
            try:
                cert = _require_cert(item)
                files = snapshot(cert)
                ca = cert.ca_folder or cert.info.subject_o or "NPKI"
                user_dir = user_dirs.get(ca) or user_dirs.setdefault(ca, ensure_user_dir(dest.root, ca))
                names = taken.setdefault(user_dir, {})
                status, target = _resolve_target(user_dir, cert.name, files, cert.info, on_conflict=on_conflict,
                                                 source=cert.path, taken=names)
                if status in ("already_there", "replace"):     # nothing to batch: done on the spot
                    result = OpResult(status, target) if status == "already_there" else \
                        place_folder(user_dir, cert.name, files, cert.info, verify=verify,
                                     on_conflict=lambda _info: ConflictChoice.REPLACE, free=free)
                    out.done.append((item, result))
                    report(i + 1, item, result)
                    continue
                block = blocks.get(user_dir) or blocks.setdefault(user_dir, block_size(user_dir))
                check_space(free, files, user_dir, block=block)
                tmp = safewrite.build_temp_folder(user_dir, files, verify=verify, durable=False)
                if free is not None:
                    free -= space_needed(files, block)
                names[target.name] = cert.info.sha256_fingerprint
                staged.append(_Staged(i + 1, cert, user_dir, target, status, files, tmp))
                report(i + 1, item, OpResult(status, target))
            except DojangError as exc:
                out.failed.append((item, exc))
                report(i + 1, item, exc)
        _commit(staged, dest, out, lambda s, exc: report(s.index, s.cert, exc))
    return out


def _commit(staged: list[_Staged], dest: Storage, out: BulkResult, on_error) -> None:
    """Sync every staged folder, rename each into place, sync again, read each back."""
    if not staged:
        return

    def fail(s: _Staged, exc: DojangError) -> None:
        safewrite.remove_folder_files(s.tmp, s.files.keys())
        out.failed.append((s.cert, exc))
        on_error(s, exc)

    try:
        safewrite.sync_folders(dest.root, {s.tmp: list(s.files) for s in staged})
    except OSError as exc:
        for s in staged:
            fail(s, storage_error(exc))
        return
    placed: list[_Staged] = []
    for s in staged:
        try:
            if os.path.lexists(s.target):      # taken since it was planned (another program)
                raise FileExistsError(errno.EEXIST, "exists")
            safewrite.ops.rename(s.tmp, s.target)
            placed.append(s)
        except OSError as exc:
            fail(s, StorageError("같은 이름의 폴더가 이미 있습니다.", "A folder with that name already exists.")
                 if isinstance(exc, FileExistsError) else storage_error(exc))
    try:
        safewrite.sync_folders(dest.root, {s.user_dir: [] for s in placed})
    except OSError as exc:
        for s in placed:   # in place but not known to be durable: say so, leave the folder
            out.failed.append((s.cert, storage_error(exc)))
            on_error(s, storage_error(exc))
        return
    for s in placed:
        try:
            # Removable media: every staged file was read back and compared before the rename (a
            # rename changes no bytes); elsewhere the folder is read back as the same certificate.
            if not dest.verify_writes:
                _confirm(s.target, s.user_dir, s.cert.info)
            out.done.append((s.cert, OpResult(s.status, s.target)))
        except DojangError as exc:
            out.failed.append((s.cert, exc))
            on_error(s, exc)


def delete_many(certs: Iterable[Entry], storage: Storage, **kw) -> BulkResult[Entry]:
    return run_bulk(certs, lambda c: delete_cert(c, storage), **kw)


__all__ = ["ConflictChoice", "ConflictInfo", "OpResult", "BulkResult", "copy_cert", "move_cert", "delete_cert",
           "export_folder", "import_folder", "import_pfx", "export_pfx", "change_password", "verify_owner",
           "run_bulk", "copy_many", "delete_many", "snapshot", "ensure_user_dir", "place_folder"]
