"""Private by default: Dojang's data folder and the simulated bank readable by the user only
(docs/hostile-input.md "Private by default").

On POSIX every folder Dojang creates under its data folder is 0700 and every file 0600, whatever the
umask; `tighten_tree()` checks an existing tree on start and fixes what a looser umask (or an older
version) left group- or world-accessible, returning what it changed so the caller can say so once.
Symbolic links are never followed or changed. On Windows the user's profile folder ACLs already keep
other users out; nothing is changed there.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_LOOSE = stat.S_IRWXG | stat.S_IRWXO


def _posix() -> bool:
    return os.name == "posix"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) as 0700; an existing folder is tightened to 0700."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            os.mkdir(d, PRIVATE_DIR)
        except FileExistsError:
            pass
    if not path.is_dir():
        raise NotADirectoryError(str(path))
    make_private(path)
    return path


def make_private(path: Path) -> bool:
    """chmod a folder to 0700 / a file to 0600 when group or others have any access; True if changed.
    Symbolic links and file systems without permissions (FAT) are left alone."""
    if not _posix():
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode) or not st.st_mode & _LOOSE:
        return False
    wanted = PRIVATE_DIR if stat.S_ISDIR(st.st_mode) else PRIVATE_FILE | (st.st_mode & stat.S_IXUSR)
    try:
        os.chmod(path, wanted)
    except OSError:
        return False
    try:
        return not os.lstat(path).st_mode & _LOOSE
    except OSError:
        return False


def private_file_opener(path, flags):
    """`open(..., opener=private_file_opener)`: a new file is created 0600."""
    return os.open(path, flags, PRIVATE_FILE)


def tighten_tree(root: Path, limit: int = 20_000, *, only=None) -> list[Path]:
    """Make `root` and everything under it private (not following links); the paths changed.
    At most `limit` entries are looked at (a data folder is small; this bounds a hostile one).
    `only(name)`: which entries directly in `root` to go into (DOJANG_HOME may be a folder that
    also holds other things, which are not Dojang's to change)."""
    if not _posix():
        return []
    root = Path(root)
    changed: list[Path] = []
    if not root.is_dir() or root.is_symlink():
        return changed
    if make_private(root):
        changed.append(root)
    seen = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if only is not None and dirpath == str(root):
            dirnames[:] = [d for d in dirnames if only(d)]
            filenames = [f for f in filenames if only(f)]
        for name in dirnames + filenames:
            seen += 1
            if seen > limit:
                return changed
            p = Path(dirpath) / name
            if make_private(p):
                changed.append(p)
    return changed


def is_private(path: Path) -> bool:
    """True when group and others have no access to `path` (always True off POSIX)."""
    if not _posix():
        return True
    return not os.lstat(path).st_mode & _LOOSE
