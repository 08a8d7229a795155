"""All-or-nothing writes of certificate material (docs/storage-security.md "All-or-nothing writes").

- files: temporary name in the destination folder (exclusive create, 0600), write, flush, fsync,
  `os.replace`, fsync the folder;
- certificate folders: built completely under a temporary name, then renamed into place, so a
  half-written pair is never visible as a certificate;
- on removable media, read back and compare a hash before reporting success;
- a failed fsync is never retried: the whole write is redone by the caller.

Every file-system call goes through `ops`, so tests can make any single step fail.
"""
from __future__ import annotations

import errno
import hashlib
import os
import secrets
import sys
import time
from pathlib import Path

from ..errors import StorageError, StorageFull, StorageGone

TEMP_PREFIX = ".dojang-tmp-"
OLD_PREFIX = ".dojang-old-"
# A renewal's old folder, kept (hidden) until the bank confirms the new certificate: never swept by a
# scan, only by the renewal itself or its journal recovery (docs/bank-core.md "Crash recovery").
KEEP_PREFIX = ".dojang-keep-"


class FileOps:
    """The file-system primitives used by safe writes (replaced by tests for fault injection)."""

    def open_exclusive(self, path: Path) -> int:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        return os.open(path, flags, 0o600)

    def write(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def replace(self, src: Path, dst: Path) -> None:
        os.replace(src, dst)

    def link(self, src: Path, dst: Path) -> None:
        os.link(src, dst)

    def rename(self, src: Path, dst: Path) -> None:
        # os.rename refuses to overwrite an existing directory on every OS we support.
        os.rename(src, dst)

    def mkdir(self, path: Path) -> None:
        os.mkdir(path, 0o700)

    def unlink(self, path: Path) -> None:
        os.unlink(path)

    def rmdir(self, path: Path) -> None:
        os.rmdir(path)

    def read(self, path: Path) -> bytes:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            chunks = []
            while chunk := os.read(fd, 1 << 16):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            os.close(fd)

    def syncfs(self, path: Path) -> bool:
        """Flush the whole file system holding `path` (Linux syncfs(2)); False when not available,
        and the caller then syncs file by file."""
        fn = _syncfs_function()
        if fn is None:
            return False
        fd = os.open(path, os.O_RDONLY)
        try:
            if fn(fd) != 0:
                import ctypes
                err = ctypes.get_errno()
                raise OSError(err, os.strerror(err))
        finally:
            os.close(fd)
        return True

    def fsync_dir(self, path: Path) -> None:
        if os.name != "posix":
            return
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        except OSError as exc:  # some file systems (e.g. vfat via FUSE) refuse directory fsync
            if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
                raise
        finally:
            os.close(fd)


_SYNCFS: list = []


def _syncfs_function():
    """libc's syncfs, looked up once (None outside Linux or without it)."""
    if not _SYNCFS:
        fn = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes
                fn = ctypes.CDLL(None, use_errno=True).syncfs
                fn.argtypes = [ctypes.c_int]
            except (OSError, AttributeError):
                fn = None
        _SYNCFS.append(fn)
    return _SYNCFS[0]


ops = FileOps()


_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.ENOENT)}
_DENIED = {errno.EROFS, errno.EACCES, errno.EPERM}


def storage_error(exc: OSError) -> StorageError:
    """Map an OSError to the user-facing storage error (no paths or secrets in the text)."""
    if exc.errno in _FULL:
        return StorageFull()
    if exc.errno in _GONE:
        return StorageGone()
    if exc.errno == errno.EIO:
        return StorageError(
            "저장매체 입출력 오류가 발생했습니다. 매체가 분리되었거나 손상되었을 수 있습니다. 원본 인증서는 그대로입니다.",
            "An I/O error occurred; the storage may have been removed or be damaged. "
            "The original certificate is untouched.")
    if exc.errno in _DENIED:
        return StorageError("저장매체에 쓸 수 없습니다 (읽기 전용이거나 권한이 없음).",
                            "Cannot write to the storage (read-only or no permission).")
    return StorageError()


def _temp_name(directory: Path, suffix: str = "", prefix: str = TEMP_PREFIX) -> Path:
    # The writer's process id is part of the name, so a scan in another process can tell a
    # leftover of a dead writer from a write in progress (see core.storage.scan).
    return directory / f"{prefix}{os.getpid()}-{secrets.token_hex(6)}{suffix}"


def temp_name(directory: Path, prefix: str = TEMP_PREFIX) -> Path:
    """A fresh temporary name in `directory` (`<prefix><pid>-<random>`), for callers outside."""
    return _temp_name(directory, prefix=prefix)


def _write_temp(directory: Path, data: bytes) -> Path:
    tmp = _temp_name(directory)
    fd = ops.open_exclusive(tmp)
    try:
        try:
            ops.write(fd, data)
            ops.fsync(fd)
        finally:
            ops.close(fd)
    except BaseException:
        _silent_unlink(tmp)
        raise
    return tmp


def _silent_unlink(path: Path) -> None:
    try:
        ops.unlink(path)
    except OSError:
        pass


def _replace_with_retry(src: Path, dst: Path) -> None:
    attempts = 5 if sys.platform == "win32" else 1
    for i in range(attempts):
        try:
            ops.replace(src, dst)
            return
        except PermissionError:
            # Windows: another program (antivirus, indexer) briefly holds the file open.
            if i == attempts - 1:
                raise
            time.sleep(0.05 * (i + 1))


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def verify_files(folder: Path, files: dict[str, bytes]) -> None:
    """Read back every file and compare hashes; raise StorageError on any difference."""
    base = os.fspath(folder)
    for name, data in files.items():
        try:
            back = ops.read(os.path.join(base, name))
        except OSError as exc:
            raise storage_error(exc) from exc
        if back != data:       # the bytes themselves: a compare is cheaper than two hashes
            raise StorageError("저장 후 확인 결과 파일 내용이 다릅니다. 저장매체를 확인하세요.",
                               "Verification after writing found different content. Check the storage.")


def write_file_atomic(path: Path, data: bytes, *, verify: bool = False) -> None:
    """Replace (or create) one file all-or-nothing."""
    directory = path.parent
    try:
        tmp = _write_temp(directory, data)
        try:
            _replace_with_retry(tmp, path)
        except BaseException:
            _silent_unlink(tmp)
            raise
        ops.fsync_dir(directory)
    except OSError as exc:
        raise storage_error(exc) from exc
    if verify:
        verify_files(directory, {path.name: data})


def create_file_atomic(path: Path, data: bytes) -> bool:
    """Create one file all-or-nothing, never replacing an existing one (another writer's file wins).
    Returns False when the file was already there. Without hard links (FAT/exFAT) it falls back to a
    rename after an existence check."""
    directory = path.parent
    try:
        tmp = _write_temp(directory, data)
        try:
            try:
                ops.link(tmp, path)
                created = True
            except FileExistsError:
                created = False
            except OSError:
                created = not path.exists()
                if created:
                    _replace_with_retry(tmp, path)
        finally:
            _silent_unlink(tmp)
        ops.fsync_dir(directory)
    except OSError as exc:
        raise storage_error(exc) from exc
    return created


def write_folder_atomic(parent: Path, name: str, files: dict[str, bytes], *, verify: bool = False) -> Path:
    """Create `parent/name` holding `files`, built under a temporary name and renamed into place.

    The target must not exist (the caller resolves conflicts first). On failure nothing is left."""
    target = parent / name
    tmp_dir = build_temp_folder(parent, files, verify=verify)
    try:
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "exists", str(target))
        ops.rename(tmp_dir, target)
        ops.fsync_dir(parent)
    except OSError as exc:
        remove_folder_files(tmp_dir, files.keys())
        if isinstance(exc, FileExistsError):
            raise StorageError("같은 이름의 폴더가 이미 있습니다.", "A folder with that name already exists.") from exc
        raise storage_error(exc) from exc
    except BaseException:
        remove_folder_files(tmp_dir, files.keys())
        raise
    if verify:
        verify_files(target, files)
    return target


def remove_folder_files(folder: Path, names) -> None:
    """Best-effort removal of a folder Dojang created (known file names only, then the folder)."""
    for fname in names:
        try:
            ops.unlink(folder / fname)
        except OSError:
            pass
    try:
        ops.rmdir(folder)
    except OSError:
        pass


def build_temp_folder(parent: Path, files: dict[str, bytes], *, verify: bool = False,
                      durable: bool = True) -> Path:
    """Build a complete folder under a temporary name in `parent` and return its path.

    The caller renames it into place (see core.storage.operations for replace). On failure
    nothing is left behind (best effort; a vanished drive leaves junk the next scan removes).
    With `durable=False` nothing is fsynced: the caller syncs a whole batch before renaming
    (`sync_folders`)."""
    tmp_dir = _temp_name(parent)
    try:
        ops.mkdir(tmp_dir)
    except OSError as exc:
        raise storage_error(exc) from exc
    try:
        base = os.fspath(tmp_dir)
        for fname, data in files.items():
            fd = ops.open_exclusive(os.path.join(base, fname))   # (no Path object per file)
            try:
                ops.write(fd, data)
                if durable:
                    ops.fsync(fd)
            finally:
                ops.close(fd)
        if durable:
            ops.fsync_dir(tmp_dir)
        if verify:
            verify_files(tmp_dir, files)
    except OSError as exc:
        remove_folder_files(tmp_dir, files.keys())
        raise storage_error(exc) from exc
    except BaseException:
        remove_folder_files(tmp_dir, files.keys())
        raise
    return tmp_dir


def sync_folders(root: Path, folders: dict[Path, list[str]]) -> None:
    """Make a batch of written folders durable: one syncfs of the file system holding `root`, or
    (where there is none) an fsync of every file and every folder. Raises OSError."""
    if ops.syncfs(root):
        return
    for folder, names in folders.items():
        for name in names:
            fd = os.open(folder / name, os.O_RDONLY)
            try:
                ops.fsync(fd)
            finally:
                os.close(fd)
        ops.fsync_dir(folder)
