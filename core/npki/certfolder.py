"""One certificate folder on disk: `signCert.der` + `signPri.key` [+ `kmCert.der` + `kmPri.key`].

File names are matched case-insensitively when reading and written exactly when writing.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import keyfile
from .certificate import CertInfo, parse_certificate
from ..errors import BrokenEntry, DojangError, FileTooLarge, MalformedKey

SIGN_CERT, SIGN_KEY, KM_CERT, KM_KEY = "signCert.der", "signPri.key", "kmCert.der", "kmPri.key"
KNOWN_FILES = (SIGN_CERT, SIGN_KEY, KM_CERT, KM_KEY)
MAX_FILE = 64 * 1024          # certificates and keys are a few KB
MAX_EXTRA_FILE = 16 * 1024 * 1024  # extra files users leave (e.g. .pfx) copied along up to this size


_CANONICAL = {n.lower(): n for n in KNOWN_FILES}


def find_file_names(folder: Path | str) -> dict[str, str]:
    """Map canonical names (extra files: their own name) to the actual file names, case-insensitive.

    Returns plain names (no Path objects: building thousands of them dominates a large scan)."""
    found: dict[str, str] = {}
    with os.scandir(folder) as it:
        for entry in it:
            if entry.is_file(follow_symlinks=False):
                found.setdefault(_CANONICAL.get(entry.name.lower(), entry.name), entry.name)
    return found


def find_files(folder: Path) -> dict[str, Path]:
    """Like find_file_names, with full paths."""
    return {k: Path(folder) / v for k, v in find_file_names(folder).items()}


def read_capped(path: Path | str, limit: int = MAX_FILE) -> bytes:
    """Read a regular file (never through a symlink) of at most `limit` bytes."""
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        raise BrokenEntry("일반 파일이 아닙니다.", "Not a regular file.", path=str(path))
    if st.st_size > limit:
        raise FileTooLarge(os.path.basename(path), st.st_size, limit, path=str(path))
    with open(path, "rb") as fh:
        # st_size + 1 notices a file that grew since lstat without allocating `limit` bytes
        data = fh.read(st.st_size + 1)
    if len(data) > limit:
        raise FileTooLarge(os.path.basename(path), len(data), limit, path=str(path))
    return data


@dataclass(frozen=True)
class CertFolder:
    """A readable certificate folder."""
    path: Path
    ca_folder: str
    info: CertInfo
    file_names: dict[str, str] = field(repr=False, compare=False)  # canonical name -> actual name

    @property
    def files(self) -> dict[str, Path]:
        return {k: self.path / v for k, v in self.file_names.items()}

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def has_km(self) -> bool:
        return KM_CERT in self.file_names and KM_KEY in self.file_names

    @property
    def has_vid(self) -> bool:
        return self.info.has_identify_data

    @property
    def extra_files(self) -> list[str]:
        return [n for n in self.file_names if n not in KNOWN_FILES]

    def key_bytes(self) -> bytes:
        return read_capped(os.path.join(self.path, self.file_names[SIGN_KEY]))

    def key_file(self) -> keyfile.EncryptedKey:
        return keyfile.parse_encrypted_key(self.key_bytes())

    def key_encryption(self) -> keyfile.KeyEncryption:
        return self.key_file().encryption

    def check_password(self, password) -> bytes:
        """Decrypted PKCS#8 bytes of signPri.key, or WrongPassword / KeyMismatch."""
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


def read_cert_folder(folder: Path, ca_folder: str | None = None) -> CertFolder | BrokenFolder:
    """Read one certificate folder. Never raises for bad content: returns BrokenFolder instead."""
    if not isinstance(folder, Path):
        folder = Path(folder)
    ca = ca_folder if ca_folder is not None else folder.parent.parent.name
    try:
        files = find_file_names(folder)
    except OSError:
        return BrokenFolder(folder, ca, BrokenEntry("폴더를 읽을 수 없습니다.", "The folder cannot be read.",
                                                    path=str(folder)))
    has_cert, has_key = SIGN_CERT in files, SIGN_KEY in files
    if not has_cert and not has_key:
        return BrokenFolder(folder, ca, BrokenEntry("인증서 파일(signCert.der)과 개인키 파일(signPri.key)이 없습니다.",
                                                    "Neither signCert.der nor signPri.key is present.",
                                                    path=str(folder)))
    if not has_key:
        return BrokenFolder(folder, ca, BrokenEntry("개인키 파일(signPri.key)이 없습니다.",
                                                    "The private-key file signPri.key is missing.",
                                                    path=str(folder)))
    if not has_cert:
        return BrokenFolder(folder, ca, BrokenEntry("인증서 파일(signCert.der)이 없습니다.",
                                                    "The certificate file signCert.der is missing.",
                                                    path=str(folder)))
    try:
        base = os.fspath(folder)
        info = parse_certificate(read_capped(os.path.join(base, files[SIGN_CERT])))
        key_size = os.lstat(os.path.join(base, files[SIGN_KEY])).st_size
        if key_size > MAX_FILE:
            raise FileTooLarge(SIGN_KEY, key_size, MAX_FILE)
        if key_size == 0:
            raise MalformedKey()
    except DojangError as exc:
        return BrokenFolder(folder, ca, exc)
    except OSError:
        return BrokenFolder(folder, ca, BrokenEntry("파일을 읽을 수 없습니다.", "A file cannot be read.",
                                                    path=str(folder)))
    return CertFolder(folder, ca, info, files)


def change_password(cert: CertFolder, old_password, new_password, *, verify: bool = False) -> None:
    """Re-encrypt the identical key bytes under a new password (fresh salt/IV, same variant).

    signPri.key and kmPri.key change together or not at all: the whole folder is rebuilt with the
    new keys (every other file as it is, under its own name) and switched in as one
    (core.storage.switch, docs/storage-safety.md)."""
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
