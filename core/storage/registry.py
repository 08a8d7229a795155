"""Every storage the manager knows: hard disk (+ legacy root), removable drives, mock phones, folders.

Persistent state lives in `<app_home>/storages.json` (folders the user added, Windows drives the
user marked as removable). Mock phones are folders `<app_home>/phones/<id>/` holding `phone.json`
(number, owner label) and the Android layout `sdcard/NPKI`.
"""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

from ..errors import AmbiguousCertificate, DojangError, UnknownCertificate, UnknownStorage
from ..locations import app_home, ensure_dir, legacy_npki_roots, npki_root
from ..npki.certfolder import read_cert_folder
from . import base
from .base import FOLDER, PHONE, Storage
from .discovery import DiscoveryConfig, discover_removable
from .safewrite import write_file_atomic
from .scan import Entry

SETTINGS_FILE = "storages.json"
PHONE_META = "phone.json"
MAX_SETTINGS = 256 * 1024

# Tests and embedders replace this to control discovery (e.g. DiscoveryConfig(include_real=False)).
discovery_config: DiscoveryConfig | None = None


# --- settings ---------------------------------------------------------------------------------

def _settings_path() -> Path:
    return app_home() / SETTINGS_FILE


# the settings this module reads, each a list of strings; anything else is malformed
_LIST_KEYS = ("folders", "marked_removable")
_warned: set[tuple] = set()


def _malformed(path: Path, why: str) -> None:
    """A broken settings file: one warning per process and file state, a copy kept next to it
    (`storages.json.broken-<time>`); the next save writes a good file (docs/hostile-input.md)."""
    import datetime as dt
    import logging
    import shutil
    try:
        st = path.stat()
        key = (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        return
    if key in _warned:
        return
    _warned.add(key)
    keep = path.with_name(f"{path.name}.broken-{dt.datetime.now():%Y-%m-%dT%H.%M.%S}")
    try:
        data = path.read_bytes()
        same = next((p for p in path.parent.glob(f"{path.name}.broken-*") if p.read_bytes() == data), None)
        if same is not None:
            keep = same                     # this broken content is already kept
        elif not keep.exists():
            shutil.copyfile(path, keep)
    except OSError:
        keep = None
    logging.getLogger("dojang.storage").warning(
        "%s is malformed (%s) and was ignored; it is rewritten on the next change%s",
        path, why, f" (a copy is kept as {keep.name})" if keep else "")


def load_settings() -> dict:
    """storages.json as a dict whose known keys hold lists of strings. A malformed file (not JSON,
    not an object, a key of the wrong type) is ignored with a one-line warning, its copy kept."""
    path = _settings_path()
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_SETTINGS + 1)
    except OSError:
        return {}
    try:
        if len(raw) > MAX_SETTINGS:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        _malformed(path, str(exc).splitlines()[0][:80] if str(exc) else "not JSON")
        return {}
    bad = [k for k in _LIST_KEYS if k in data and not (isinstance(data[k], list)
                                                       and all(isinstance(x, str) for x in data[k]))]
    if bad:
        _malformed(path, "wrong type: " + ", ".join(bad))
        for k in bad:
            data[k] = [x for x in data[k] if isinstance(x, str)] if isinstance(data[k], list) else []
    return data


def save_settings(data: dict) -> None:
    ensure_dir(app_home())
    write_file_atomic(_settings_path(), json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def added_folders() -> list[Path]:
    return [Path(p) for p in load_settings().get("folders", []) if isinstance(p, str)]


def add_folder(path: Path) -> Storage:
    path = Path(os.path.abspath(path))
    data = load_settings()
    folders = [p for p in data.get("folders", []) if isinstance(p, str)]
    if str(path) not in folders:
        folders.append(str(path))
    data["folders"] = folders
    save_settings(data)
    return base.folder(path)


def remove_folder(path_or_id: str) -> None:
    """Take an added folder off the list; UnknownStorage when no added folder has that id or path."""
    data = load_settings()
    folders = [p for p in data.get("folders", []) if isinstance(p, str)]
    keep = [p for p in folders if p != path_or_id and base.folder(Path(p)).id != path_or_id]
    if len(keep) == len(folders):
        raise UnknownStorage("추가한 폴더 중에 그런 ID나 경로가 없습니다 ('storages' 명령으로 확인).",
                             "No added folder has that id or path (see the 'storages' command).")
    data["folders"] = keep
    save_settings(data)


def marked_removable() -> list[str]:
    return [p for p in load_settings().get("marked_removable", []) if isinstance(p, str)]


# --- mock phones --------------------------------------------------------------------------------

def normalise_phone_number(number: str) -> str:
    """ASCII digits of a phone number (NFKC first, so full-width digits count); 10–11 digits."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", number) if ch in "0123456789")
    if not (10 <= len(digits) <= 11 and digits.startswith("01")):
        raise DojangError("휴대폰 번호 형식이 올바르지 않습니다 (예: 010-1234-5678).",
                          "Not a valid mobile number (e.g. 010-1234-5678).")
    return digits


def format_phone_number(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"


def phones_dir() -> Path:
    return app_home() / "phones"


def _phone_storage(folder: Path, meta: dict) -> Storage:
    number = str(meta.get("number", folder.name))
    owner = str(meta.get("owner", ""))
    name = f"{owner} {number}".strip() if owner else number
    return Storage(f"phone-{folder.name}", PHONE, folder / "sdcard" / "NPKI", name=name,
                   verify_writes=True, mount=folder, meta={"number": number, "owner": owner})


def list_phones() -> list[Storage]:
    out = []
    try:
        entries = sorted(os.scandir(phones_dir()), key=lambda e: e.name)
    except OSError:
        return out
    for e in entries:
        if not e.is_dir(follow_symlinks=False):
            continue
        try:
            with open(Path(e.path) / PHONE_META, "rb") as fh:
                meta = json.loads(fh.read(64 * 1024).decode("utf-8"))
            if not isinstance(meta, dict):
                meta = {}
        except (OSError, ValueError):
            meta = {}
        out.append(_phone_storage(Path(e.path), meta))
    return out


def phone_storage(number: str) -> Storage | None:
    digits = normalise_phone_number(number)
    folder = phones_dir() / digits
    if not folder.is_dir():
        return None
    return next((p for p in list_phones() if p.mount == folder), None)


def create_phone(number: str, owner: str = "") -> Storage:
    """The mock phone for `number`, created (with an empty `sdcard/NPKI`) if it does not exist."""
    digits = normalise_phone_number(number)
    folder = ensure_dir(phones_dir() / digits)
    meta_path = folder / PHONE_META
    meta = {"number": format_phone_number(digits), "owner": owner}
    if meta_path.exists():
        existing = next((p for p in list_phones() if p.mount == folder), None)
        if existing is not None and (not owner or existing.meta.get("owner") == owner):
            (folder / "sdcard" / "NPKI").mkdir(parents=True, exist_ok=True)
            return existing
    write_file_atomic(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    (folder / "sdcard" / "NPKI").mkdir(parents=True, exist_ok=True)
    return _phone_storage(folder, meta)


# --- all storages ---------------------------------------------------------------------------------

def removable_storages(config: DiscoveryConfig | None = None) -> list[Storage]:
    cfg = config or discovery_config or DiscoveryConfig()
    if not cfg.marked_removable:
        cfg.marked_removable = marked_removable()
    return [base.removable(d.mount, d.drive_id, d.label) for d in discover_removable(cfg)]


def all_storages(config: DiscoveryConfig | None = None) -> list[Storage]:
    storages = [base.hard_disk(npki_root())]
    storages += [base.hard_disk(r, legacy_index=i) for i, r in enumerate(legacy_npki_roots()) if r.is_dir()]
    storages += removable_storages(config)
    storages += list_phones()
    storages += [base.folder(p) for p in added_folders()]
    seen, unique = set(), []
    for s in storages:
        if s.id not in seen:
            seen.add(s.id)
            unique.append(s)
    return unique


def find_storage(ident: str, storages: list[Storage] | None = None) -> Storage:
    """A storage by id (or unique id prefix); raises UnknownStorage."""
    storages = all_storages() if storages is None else storages
    ident = ident.strip()
    exact = [s for s in storages if s.id == ident]
    if exact:
        return exact[0]
    prefix = [s for s in storages if ident and s.id.startswith(ident)]
    if len(prefix) == 1:
        return prefix[0]
    raise UnknownStorage()


def storage_for_path(path: Path, storages: list[Storage] | None = None) -> Storage:
    """The known storage holding `path` (deepest root wins), else an ad-hoc folder storage."""
    storages = all_storages() if storages is None else storages
    holders = [s for s in storages if s.contains(path)]
    if holders:
        return max(holders, key=lambda s: len(str(s.root)))
    cert_dir = Path(os.path.abspath(path))
    root = cert_dir.parent.parent.parent  # <root>/<CA>/USER/<cert>
    return Storage(f"path-{base.short_id(str(root))}", FOLDER, root, name=str(root), mount=root)


def resolve_cert(ref: str, storages: list[Storage] | None = None) -> tuple[Storage, Entry]:
    """A certificate by its short id (or unique prefix of at least 4 characters) or folder path."""
    storages = all_storages() if storages is None else storages
    looks_like_path = os.sep in ref or (os.altsep and os.altsep in ref) or ref.startswith(".")
    if looks_like_path or (len(ref) > 12 and Path(ref).is_dir()):
        path = Path(ref)
        if not path.is_dir():
            raise UnknownCertificate()
        storage = storage_for_path(path, storages)
        return storage, read_cert_folder(Path(os.path.abspath(path)))
    ref = ref.strip().lower()
    if len(ref) < 4:
        raise UnknownCertificate()
    matches: list[tuple[Storage, Entry]] = []
    for storage in storages:
        for entry in storage.scan():
            cid = storage.cert_id(entry)
            if cid == ref:
                return storage, entry
            if cid.startswith(ref):
                matches.append((storage, entry))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousCertificate()
    raise UnknownCertificate()
