"""Where things live: the hard-disk NPKI roots and Dojang's own data folder.

Environment overrides (documented in the README):
- DOJANG_NPKI_ROOT: the hard-disk NPKI root (and no legacy root is read then);
- DOJANG_HOME: the app data folder (settings, the simulated bank, mock phones).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import DojangError

APP_NAME = "Dojang"


def _windows_local_low() -> Path:
    """FOLDERID_LocalLow through SHGetKnownFolderPath (never by string concatenation)."""
    import ctypes
    from ctypes import wintypes
    import uuid

    class GUID(ctypes.Structure):
        _fields_ = [("Data1", wintypes.DWORD), ("Data2", wintypes.WORD),
                    ("Data3", wintypes.WORD), ("Data4", wintypes.BYTE * 8)]

    folder_id = uuid.UUID("{A520A1A4-1780-4FF6-BD18-167343C5AF16}")  # FOLDERID_LocalLow
    guid = GUID.from_buffer_copy(folder_id.bytes_le)
    out = ctypes.c_wchar_p()
    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    ole32 = ctypes.windll.ole32  # type: ignore[attr-defined]
    hr = shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(out))
    try:
        if hr != 0 or not out.value:
            raise OSError(f"SHGetKnownFolderPath failed ({hr:#x})")
        return Path(out.value)
    finally:
        ole32.CoTaskMemFree(out)


def npki_root(platform: str | None = None) -> Path:
    """The hard-disk NPKI root for this user (the one Dojang writes to)."""
    override = os.environ.get("DOJANG_NPKI_ROOT")
    if override:
        return Path(override)
    platform = platform or sys.platform
    if platform == "win32":
        try:
            return _windows_local_low() / "NPKI"
        except (OSError, AttributeError):
            return Path(os.environ.get("USERPROFILE", str(Path.home()))) / "AppData" / "LocalLow" / "NPKI"
    if platform == "darwin":
        return Path.home() / "Library" / "Preferences" / "NPKI"
    return Path.home() / "NPKI"


def legacy_npki_roots(platform: str | None = None) -> list[Path]:
    """Older hard-disk roots, read-only (Windows `%ProgramFiles%\\NPKI`)."""
    if os.environ.get("DOJANG_NPKI_ROOT"):
        return []
    platform = platform or sys.platform
    if platform == "win32":
        roots = []
        for var in ("ProgramFiles", "ProgramFiles(x86)"):
            base = os.environ.get(var)
            if base:
                p = Path(base) / "NPKI"
                if p not in roots:
                    roots.append(p)
        return roots
    return []


def _portable_home() -> Path | None:
    """Portable mode: a `dojang-data` folder next to the executable (frozen builds only)."""
    if getattr(sys, "frozen", False):
        candidate = Path(sys.executable).resolve().parent / "dojang-data"
        if candidate.is_dir():
            return candidate
    return None


def is_portable() -> bool:
    """True when app_home() is the portable `dojang-data` folder (no DOJANG_HOME override)."""
    return not os.environ.get("DOJANG_HOME") and _portable_home() is not None


def app_home() -> Path:
    """Dojang's data folder; created on demand by the code that writes into it."""
    override = os.environ.get("DOJANG_HOME")
    if override:
        return Path(override)
    portable = _portable_home()
    if portable:
        return portable
    # Roaming AppData on Windows, ~/Library/Application Support on macOS, XDG data dir on Linux.
    # Imported here: with DOJANG_HOME (tests, `make try`) or a portable folder it is not needed (~5 ms).
    import platformdirs
    return platformdirs.user_data_path(APP_NAME, appauthor=False, roaming=True)


class DataFolderUnusable(DojangError):
    code = "data_folder_unusable"

    def __init__(self, path: Path, why_ko: str, why_en: str):
        super().__init__(f"도장의 데이터 폴더를 쓸 수 없습니다 ({why_ko}): {path}. DOJANG_HOME을 확인하세요.",
                         f"Dojang's data folder cannot be used ({why_en}): {path}. Check DOJANG_HOME.",
                         path=str(path))


def check_app_home() -> Path:
    """app_home() if it is a folder or can become one; else DataFolderUnusable naming it (a bad
    DOJANG_HOME: a file, a path under a file, a folder without write permission)."""
    home = app_home()
    if home.is_dir():
        if not os.access(home, os.W_OK | os.X_OK):
            raise DataFolderUnusable(home, "쓰기 권한 없음", "not writable")
        return home
    if home.exists() or home.is_symlink():
        raise DataFolderUnusable(home, "폴더가 아님", "not a folder")
    parent = home.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise DataFolderUnusable(home, "상위 경로가 폴더가 아님", "a parent is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DataFolderUnusable(home, "만들 수 없음", "cannot be created")
    return home


# what Dojang keeps directly in app_home() (core/fsperm tightens these on start, nothing else there)
OWN_ENTRIES = frozenset({"authority", "phones", "operations", "relay", "demo-certificates", "crash-reports",
                         "storages.json", "dojang.ini"})
OWN_PREFIXES = ("authority.backup-", "storages.json.broken-", ".storages.json.", ".dojang.ini")


def is_own_entry(name: str) -> bool:
    return name in OWN_ENTRIES or name.startswith(OWN_PREFIXES)


BANK_FOLDER = "authority"            # the simulated bank's folder under app_home()
BANK_DB = "authority.sqlite3"


def bank_exists(home: Path | None = None) -> bool:
    """Has the simulated bank been created under `home` (default app_home())? Cheap: no bank import."""
    return ((home or app_home()) / BANK_FOLDER / BANK_DB).is_file()


def ensure_dir(path: Path, private: bool = True) -> Path:
    """Create `path`; private (the default): every folder created 0700 whatever the umask (core/fsperm)."""
    if not private:
        path.mkdir(parents=True, exist_ok=True)
        return path
    from .fsperm import ensure_private_dir
    return ensure_private_dir(path)
