"""Folder-level switch: a certificate folder changes as a whole or not at all (docs/storage-safety.md).

A password change (signPri.key and kmPri.key), a replace and a renewal's file swap all change a
pair of files that must stay on one password and one certificate. Replacing files one by one can be
cut by a power failure between the two; so instead:

1. the complete new folder is built under a hidden temporary name next to the old one
   (`.dojang-tmp-<pid>-<rnd>`), every file written and fsynced, then the folder;
2. a small switch record `.dojang-keep-sw-<pid>-<rnd>.switch` names the target folder (fsynced);
3. rename: the old folder → `.dojang-keep-sw-<pid>-<rnd>` (hidden, kept whole);
4. rename: the new folder → the target name; fsync the parent;
5. the kept old folder is removed (private keys first), then the record.

Whatever step a kill interrupts, the next scan (`recover`) finds either the complete old folder or
the complete new one under the target name: a record whose kept folder exists and whose target is
missing puts the old folder back (killed between 3 and 4); a record whose target exists removes what
is left of the kept folder (killed after 4); a record alone is dropped (killed before 3). A staged
temporary folder of a dead writer is junk the scan already removes.
"""
from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from ..errors import StorageError
from . import safewrite
from .safewrite import KEEP_PREFIX, storage_error

log = logging.getLogger(__name__)

SWITCH_PREFIX = KEEP_PREFIX + "sw-"
RECORD_SUFFIX = ".switch"
MAX_RECORD = 4096
_KEY_FIRST = ("signPri.key", "kmPri.key")


def is_record(name: str) -> bool:
    return name.startswith(SWITCH_PREFIX) and name.endswith(RECORD_SUFFIX)


def _names_of(folder: Path) -> list[str]:
    """The files of `folder`; a folder holding anything but regular files is left alone."""
    names = []
    with os.scandir(folder) as it:
        for e in it:
            if not e.is_file(follow_symlinks=False):
                raise StorageError("바꿀 폴더 안에 다른 폴더나 링크가 있어 바꾸지 않았습니다.",
                                   "The folder to change holds other folders or links; it was left as it is.")
            names.append(e.name)
    return names


def _remove_kept(folder: Path, names) -> None:
    """Private keys first (a half-removed old folder never holds a usable key), then the rest."""
    ordered = sorted(names, key=lambda n: (n not in _KEY_FIRST, n))
    for name in ordered:
        try:
            safewrite.ops.unlink(folder / name)
        except FileNotFoundError:
            pass
    safewrite.ops.rmdir(folder)


def stage(parent: Path, files: dict[str, bytes], *, verify: bool = False) -> Path:
    """Step 1: the complete new folder under a temporary name in `parent` (fsynced)."""
    return safewrite.build_temp_folder(parent, files, verify=verify)


def exchange(staged: Path, target: Path, keep: Path) -> None:
    """Steps 3–4: old folder → `keep`, staged folder → `target`, fsync the parent. If the second
    rename fails the old folder goes back. Raises StorageError."""
    parent = target.parent
    try:
        safewrite.ops.rename(target, keep)
    except OSError as exc:
        raise storage_error(exc) from exc
    swapped = False
    try:
        safewrite.ops.rename(staged, target)
        swapped = True
        safewrite.ops.fsync_dir(parent)
    except OSError as exc:
        # a plain failure rolls back: the new folder out again, the old one back in
        try:
            if swapped:
                safewrite.ops.rename(target, staged)
            if not os.path.lexists(target):
                safewrite.ops.rename(keep, target)
        except OSError:
            pass   # the drive is gone: recovery settles it on the next scan
        raise storage_error(exc) from exc


def switch_folder(target: Path, files: dict[str, bytes], *, verify: bool = False) -> None:
    """Replace the folder `target` by one holding exactly `files`, as one switch. Raises StorageError."""
    target = Path(target)
    parent = target.parent
    try:
        old_names = _names_of(target)
    except OSError as exc:
        raise storage_error(exc) from exc
    staged = stage(parent, files, verify=verify)
    keep = safewrite.temp_name(parent, SWITCH_PREFIX)
    record = keep.with_name(keep.name + RECORD_SUFFIX)
    try:
        _write_record(record, target.name)
    except BaseException:
        safewrite.remove_folder_files(staged, files.keys())
        raise
    try:
        exchange(staged, target, keep)
    except BaseException:
        safewrite.remove_folder_files(staged, files.keys())
        if not os.path.lexists(keep):
            _drop_record(record)   # the old folder is back in place (or never left)
        # else: both renames happened but the sync failed; the record lets the next scan finish
        raise
    # (with `verify` the staged folder was read back before the switch; a rename changes no bytes)
    try:
        _remove_kept(keep, old_names)
        _drop_record(record)
        safewrite.ops.fsync_dir(parent)
    except OSError:
        log.info("the replaced folder could not be removed now; the next scan removes it")


def _write_record(record: Path, target_name: str) -> None:
    data = os.fsencode(target_name)
    try:
        fd = safewrite.ops.open_exclusive(record)
        try:
            safewrite.ops.write(fd, data)
            safewrite.ops.fsync(fd)
        finally:
            safewrite.ops.close(fd)
        safewrite.ops.fsync_dir(record.parent)
    except OSError as exc:
        raise storage_error(exc) from exc


def _drop_record(record: Path) -> None:
    try:
        safewrite.ops.unlink(record)
    except OSError:
        pass


def recover(parent: Path, record_name: str) -> Path | None:
    """Finish or undo an interrupted switch in `parent` (the writer is gone). Returns the target
    folder when the old folder was put back, else None. Never raises."""
    record = parent / record_name
    keep = parent / record_name[:-len(RECORD_SUFFIX)]
    restored = None
    try:
        fd = os.open(record, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            raw = os.read(fd, MAX_RECORD + 1)
        finally:
            os.close(fd)
        name = os.fsdecode(raw)
        valid = 0 < len(raw) <= MAX_RECORD and "/" not in name and "\\" not in name and \
            name not in (".", "..") and "\x00" not in name
        if valid:
            target = parent / name
            kept = _is_dir(keep)
            if kept and not os.path.lexists(target):
                os.rename(keep, target)            # killed between the two renames: the old folder is back
                restored = target
                log.info("an interrupted certificate change was undone")
            elif kept:
                _remove_kept(keep, [e.name for e in os.scandir(keep)])
                log.info("an interrupted certificate change was finished")
        os.unlink(record)
        safewrite.ops.fsync_dir(parent)
    except OSError:
        log.info("an interrupted certificate change could not be settled now")
    return restored


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False
