"""One certificate folder on disk: `signCert.der` + `signPri.key` [+ `kmCert.der` + `kmPri.key`].

File names are matched case-insensitively when reading and written exactly when writing.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from . import oids
from .certificate import CertInfo, parse_certificate
from .der import DerError, algorithm_oid, decode_oid, encode_oid
from ..errors import BrokenEntry, DojangError, FileTooLarge, MalformedKey, UnsupportedKeyEncryption

SIGN_CERT, SIGN_KEY, KM_CERT, KM_KEY = "signCert.der", "signPri.key", "kmCert.der", "kmPri.key"
KNOWN_FILES = (SIGN_CERT, SIGN_KEY, KM_CERT, KM_KEY)
MAX_FILE = 64 * 1024          # certificates and keys are a few KB
MAX_EXTRA_FILE = 16 * 1024 * 1024  # extra files users leave (e.g. .pfx) copied along up to this size


_CANONICAL = {n.lower(): n for n in KNOWN_FILES}
_EXACT = frozenset(KNOWN_FILES)


def find_file_names(folder: Path | str) -> dict[str, str]:
    """Map canonical names (extra files: their own name) to the actual file names, case-insensitive.

    Returns plain names (no Path objects: building thousands of them dominates a large scan)."""
    found: dict[str, str] = {}
    canonical = _CANONICAL
    with os.scandir(folder) as it:
        for entry in it:
            if entry.is_file(follow_symlinks=False):
                name = entry.name
                key = name if name in _EXACT else canonical.get(name.lower(), name)
                if key not in found:
                    found[key] = name
    return found


def find_files(folder: Path) -> dict[str, Path]:
    """Like find_file_names, with full paths."""
    return {k: Path(folder) / v for k, v in find_file_names(folder).items()}


def read_capped(path: Path | str, limit: int = MAX_FILE) -> bytes:
    """Read a regular file (never through a symlink, never blocking on a FIFO) of at most `limit`
    bytes: read_small, with a link reported like any other entry that is not a regular file."""
    where = os.fspath(path)
    if not _NOFOLLOW and stat.S_ISLNK(os.lstat(where).st_mode):    # Windows: no O_NOFOLLOW
        raise BrokenEntry("일반 파일이 아닙니다.", "Not a regular file.", path=where)
    try:
        return read_small(where, limit)
    except OSError as exc:
        if exc.errno == errno.ELOOP:          # O_NOFOLLOW met a symbolic link
            raise BrokenEntry("일반 파일이 아닙니다.", "Not a regular file.", path=where) from exc
        raise


class CertFolder:
    """A readable certificate folder (treat as read-only; `replace` makes a changed copy). `path` is
    built on first use: a scan of thousands of folders keeps plain strings (docs/npki-codec.md)."""
    __slots__ = ("_where", "_path", "ca_folder", "info", "file_names")

    def __init__(self, path: Path | str, ca_folder: str, info: CertInfo, file_names: dict[str, str]):
        self._where = os.fspath(path)
        self._path = path if isinstance(path, Path) else None
        self.ca_folder = ca_folder
        self.info = info
        self.file_names = file_names      # canonical name -> actual name

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self._where)
        return self._path

    @property
    def location(self) -> str:
        """The folder as a string (no Path object made)."""
        return self._where

    def __eq__(self, other) -> bool:
        return isinstance(other, CertFolder) and (self._where, self.ca_folder, self.info) == \
            (other._where, other.ca_folder, other.info)

    def __hash__(self) -> int:
        return hash((self._where, self.ca_folder))

    def __repr__(self) -> str:
        return f"CertFolder(path={self._where!r}, ca_folder={self.ca_folder!r}, info={self.info!r})"

    def replace(self, **changes) -> "CertFolder":
        fields = {"path": self._where, "ca_folder": self.ca_folder, "info": self.info,
                  "file_names": self.file_names}
        fields.update(changes)
        return CertFolder(**fields)

    @property
    def files(self) -> dict[str, Path]:
        return {k: self.path / v for k, v in self.file_names.items()}

    @property
    def name(self) -> str:
        return os.path.basename(self._where)

    @property
    def has_km(self) -> bool:
        return KM_CERT in self.file_names and KM_KEY in self.file_names

    @property
    def has_vid(self) -> bool:
        return self.info.has_identify_data

    @property
    def extra_files(self) -> list[str]:
        return [n for n in self.file_names if n not in _EXACT]

    def key_bytes(self) -> bytes:
        return read_capped(os.path.join(self._where, self.file_names[SIGN_KEY]))

    def key_file(self) -> keyfile.EncryptedKey:
        from . import keyfile
        return keyfile.parse_encrypted_key(self.key_bytes())

    def key_encryption(self) -> keyfile.KeyEncryption:
        return self.key_file().encryption

    def check_password(self, password) -> bytes:
        """Decrypted PKCS#8 bytes of signPri.key, or WrongPassword / KeyMismatch."""
        from . import keyfile
        return keyfile.check_password(self.key_bytes(), self.info.certificate(), password)


@dataclass(frozen=True)
class BrokenFolder:
    """A folder that looks like a certificate but cannot be used; `error` says why."""
    path: Path
    ca_folder: str
    error: DojangError

    @property
    def name(self) -> str:
        return self.path.name

    def reason(self, lang: str | None = None) -> str:
        return self.error.message(lang)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KEY_OIDS = {encode_oid(o) for o in oids.KEY_ENCRYPTION}


def read_small(path: str, limit: int = MAX_FILE) -> bytes:
    """Read a regular file of at most `limit` bytes: no symlinks, no FIFOs/devices, no big buffer."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BrokenEntry("일반 파일이 아닙니다.", "Not a regular file.", path=path)
        if st.st_size > limit:
            raise FileTooLarge(os.path.basename(path), st.st_size, limit, path=path)
        data = os.read(fd, st.st_size + 1)
        if len(data) > st.st_size:          # grew since fstat: read on, within the limit
            chunks, total = [data], len(data)
            while chunk := os.read(fd, 65536):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise FileTooLarge(os.path.basename(path), total, limit, path=path)
            data = b"".join(chunks)
        return data
    finally:
        os.close(fd)


def check_key_structure(data: bytes) -> None:
    """The listing's cheap look at a key file: an EncryptedPrivateKeyInfo whose algorithm Dojang
    reads (extra bytes after it are allowed). Raises MalformedKey / UnsupportedKeyEncryption; the
    full structure is checked when the key is decrypted."""
    try:
        oid = algorithm_oid(data)
    except DerError as exc:
        raise MalformedKey() from exc
    if oid not in _KEY_OIDS:
        raise UnsupportedKeyEncryption(decode_oid(oid))


def check_key_file(path: str) -> None:
    """Read a key file (read_small) and check it as the listing does (check_key_structure); an
    empty file is a damaged key. Raises DojangError with the reason, OSError when unreadable."""
    data = read_small(path)
    if not data:
        raise MalformedKey()
    check_key_structure(data)


def _broken(folder: str, ca: str, ko: str, en: str) -> BrokenFolder:
    return BrokenFolder(Path(folder), ca, BrokenEntry(ko, en, path=folder))


_QUICK = 16 * 1024         # the quick path's read size: a certificate or key file is a few KB
_PLAIN_NAMES = {SIGN_CERT: SIGN_CERT, SIGN_KEY: SIGN_KEY}
_PLAIN_NAMES_KC = {SIGN_KEY: SIGN_KEY, SIGN_CERT: SIGN_CERT}


def _quick_read(path: str) -> bytes | None:
    """A small file's bytes in one read — no fstat: an empty read (a FIFO without a writer), a full
    one (not a small file) or a failed one (a directory, a missing file) is None, and the caller
    takes the careful path, which stats before it reads and names the problem."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
        try:
            data = os.read(fd, _QUICK)
        finally:
            os.close(fd)
    except OSError:
        return None
    return data if 0 < len(data) < _QUICK else None


def read_plain_folder(folder, base: str, ca: str, check_key: bool) -> CertFolder | BrokenFolder | None:
    """The common case of read_cert_folder, with one `scandir` whose entry types (no stat calls) say
    that every file is a regular one. Returns None for anything else (a missing or odd file, a
    link, a sub-folder) so that the careful path gives its usual answer; a listing of thousands of
    folders pays the careful path only for unusual ones.

    Without `check_key` the key file is not opened at all: the listing's key check is lazy
    (verify_key, docs/npki-codec.md "Listing speed")."""
    with os.scandir(base) as it:
        entries = list(it)
    if len(entries) == 2 and entries[0].is_file(follow_symlinks=False) and \
            entries[1].is_file(follow_symlinks=False):
        first, second = entries[0].name, entries[1].name
        # shared, in the listing's order: a CertFolder's file_names are never changed in place
        if first == SIGN_CERT and second == SIGN_KEY:          # by far the most common
            found = _PLAIN_NAMES
        elif first == SIGN_KEY and second == SIGN_CERT:
            found = _PLAIN_NAMES_KC
        else:
            found = _general_names(entries)
    else:
        found = _general_names(entries)
    if found is None:
        return None
    cert_name, key_name = found.get(SIGN_CERT), found.get(SIGN_KEY)
    if cert_name is None or key_name is None:
        return None
    # one bounded read per file, no fstat (_quick_read; the open itself was always first)
    prefix = base + os.sep
    cert = _quick_read(prefix + cert_name)
    if cert is None:
        return None
    key_data = None
    if check_key:
        key_data = _quick_read(prefix + key_name)
        if key_data is None:
            return None
    try:
        info = parse_certificate(cert)
        if key_data is not None and algorithm_oid(key_data) not in _KEY_OIDS:
            check_key_structure(key_data)         # raises with the reason
    except DerError:
        return BrokenFolder(Path(base), ca, MalformedKey())
    except DojangError as exc:
        return BrokenFolder(Path(base), ca, exc)
    return CertFolder(folder, ca, info, found)


def _general_names(entries) -> dict[str, str] | None:
    """find_file_names' answer from scandir entries, or None when any entry is not a regular file
    (a link, a sub-folder, a FIFO): the careful path then says what is wrong."""
    found: dict[str, str] = {}
    canonical = _CANONICAL
    for entry in entries:
        if not entry.is_file(follow_symlinks=False):
            return None
        name = entry.name
        key = name if name in _EXACT else canonical.get(name.lower(), name)
        if key not in found:
            found[key] = name
    return found


def verify_key(entry: CertFolder | BrokenFolder) -> CertFolder | BrokenFolder:
    """The listing's lazy key check: `entry` itself when its signPri.key is readable, of sane size,
    and encrypted with an algorithm Dojang reads; otherwise a BrokenFolder saying why. The same
    answer as read_cert_folder(..., check_key=True) (tests/npki/test_folder_fast_path.py)."""
    if not isinstance(entry, CertFolder):
        return entry
    base = entry.location
    path = base + os.sep + entry.file_names[SIGN_KEY]
    data = _quick_read(path)
    if data is not None and _algorithm_oid_or_none(data) in _KEY_OIDS:
        return entry                                  # the common case: one bounded read
    try:
        check_key_file(path)
    except DojangError as exc:
        return BrokenFolder(Path(base), entry.ca_folder, exc)
    except OSError:
        return _broken(base, entry.ca_folder, "파일을 읽을 수 없습니다.", "A file cannot be read.")
    return entry


def _algorithm_oid_or_none(data: bytes) -> bytes | None:
    try:
        return algorithm_oid(data)
    except DerError:
        return None


def read_cert_folder(folder: Path | str, ca_folder: str | None = None, *,
                     check_key: bool = False) -> CertFolder | BrokenFolder:
    """Read one certificate folder. Never raises for bad content: returns BrokenFolder instead.

    One scandir of the folder, one read of signCert.der; signPri.key is only seen in the listing
    (a regular file), or with `check_key` read and its structure checked (an unknown algorithm makes
    the entry broken). verify_key does that check later, for a listing that shows rows first."""
    base = os.fspath(folder)
    ca = ca_folder if ca_folder is not None else os.path.basename(os.path.dirname(os.path.dirname(base)))
    try:
        fast = read_plain_folder(folder, base, ca, check_key)
    except OSError:
        fast = None
    if fast is not None:
        return fast
    try:
        files = find_file_names(base)
    except OSError:
        return _broken(base, ca, "폴더를 읽을 수 없습니다.", "The folder cannot be read.")
    cert_name, key_name = files.get(SIGN_CERT), files.get(SIGN_KEY)
    if key_name is None:
        if cert_name is None:
            return _broken(base, ca, "인증서 파일(signCert.der)과 개인키 파일(signPri.key)이 없습니다.",
                           "Neither signCert.der nor signPri.key is present.")
        return _broken(base, ca, "개인키 파일(signPri.key)이 없습니다.", "The private-key file signPri.key is missing.")
    if cert_name is None:
        return _broken(base, ca, "인증서 파일(signCert.der)이 없습니다.", "The certificate file signCert.der is missing.")
    try:
        info = parse_certificate(read_small(base + os.sep + cert_name))
        if check_key:
            check_key_file(base + os.sep + key_name)
    except DojangError as exc:
        return BrokenFolder(Path(base), ca, exc)
    except OSError:
        return _broken(base, ca, "파일을 읽을 수 없습니다.", "A file cannot be read.")
    return CertFolder(folder, ca, info, files)


def change_password(cert: CertFolder, old_password, new_password, *, verify: bool = False) -> None:
    """Re-encrypt the identical key bytes under a new password (fresh salt/IV, same variant).

    signPri.key and kmPri.key change together or not at all: the whole folder is rebuilt with the
    new keys (every other file as it is, under its own name) and switched in as one
    (core.storage.switch, docs/storage-safety.md)."""
    from . import keyfile
    from ..storage.switch import switch_folder

    key_data = cert.key_bytes()
    sign_plain = cert.check_password(old_password)
    updates = {SIGN_KEY: keyfile.reencrypt(key_data, sign_plain, new_password)}
    if cert.has_km:
        km_key = read_capped(os.path.join(cert.path, cert.file_names[KM_KEY]))
        km_plain = keyfile.decrypt_key(km_key, old_password)
        updates[KM_KEY] = keyfile.reencrypt(km_key, km_plain, new_password)
    files: dict[str, bytes] = {}
    for canonical, actual in cert.file_names.items():
        path = os.path.join(cert.path, actual)
        files[actual] = updates[canonical] if canonical in updates else \
            read_capped(path, MAX_FILE if canonical in KNOWN_FILES else MAX_EXTRA_FILE)
    switch_folder(cert.path, files, verify=verify)


def write_cert_folder(user_dir: Path, name: str, files: dict[str, bytes], *, verify: bool = False) -> Path:
    """Create a new certificate folder under `USER/` all-or-nothing, with a contained name."""
    from ..storage.safewrite import write_folder_atomic
    from .foldername import contained, sanitize

    target = contained(user_dir, sanitize(name))
    return write_folder_atomic(user_dir, target.name, files, verify=verify)
