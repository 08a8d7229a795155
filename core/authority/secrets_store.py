"""The authority's master key and what it protects (docs/storage-security.md "The master key").

The master key (32 random bytes) lives in the OS keyring through `keyring` under service "Dojang".
Backends that store secrets in plain text (`keyrings.alt`) and the `fail`/`null` backends are refused.
Where no secure backend exists (typically headless Linux), the key is kept in a 0600 file in the app
data folder and `MasterKey.notice` carries one clear sentence saying so (returned only when that file
is created, so the GUI/CLI shows it once).
In portable mode (a `dojang-data` folder next to the executable, e.g. on a USB stick) the key is
always that file, so the bank opens on any computer the stick is plugged into.

`Vault` derives three sub-keys from the master key: one for AES-256-GCM (encrypted columns, CA keys),
one for HMAC-SHA256 (keyed lookups of RRNs and account numbers) and the pepper of the account-password
hashes — a secret that is never in the database, so a copied database alone cannot be brute-forced
(docs/bank-core.md "Secrets").
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import MasterKeyError, PortableKeyMissing

SERVICE = "Dojang"
USERNAME = "authority-master-key"
KEY_FILE = "authority-master.key"

NOTICE_KO = ("이 컴퓨터에는 안전한 키 저장소(OS 키링)가 없어, 모의 은행의 마스터 키를 데이터 폴더의 "
             "파일({path}, 본인만 읽기 가능)에 저장했습니다. 모의 은행 데이터 보호 수준이 그만큼 낮습니다.")
NOTICE_EN = ("No secure keyring is available on this computer, so the simulated bank's master key was "
             "stored in a file readable only by you ({path}). The simulated bank's data is protected "
             "only as well as that file.")
PORTABLE_KO = ("휴대용 모드: 다른 컴퓨터에서도 열 수 있도록 모의 은행의 마스터 키를 데이터 폴더의 파일({path})에 "
               "저장했습니다. 이 폴더를 가진 사람은 모의 은행 데이터를 열 수 있습니다.")
PORTABLE_EN = ("Portable mode: the simulated bank's master key was stored in a file in the data folder "
               "({path}) so the bank opens on any computer. Whoever has this folder can open the "
               "simulated bank's data.")


@dataclass(frozen=True)
class MasterKey:
    key: bytes
    source: str                 # "keyring" or "file"
    notice: tuple[str, str] | None = None   # (ko, en), only when the key file was just created
    save_to: Path | None = None     # portable migration: write the key here once the database accepted it

    def notice_text(self, lang: str | None = None) -> str | None:
        from ..i18n import pick
        return pick(*self.notice, lang) if self.notice else None


def is_secure_backend(backend) -> bool:
    """False for plaintext (keyrings.alt), fail, null and empty chainer backends."""
    if backend is None:
        return False
    module = type(backend).__module__ or ""
    if module.startswith("keyrings.alt") or module.startswith("keyrings_alt"):
        return False
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return False
    if module == "keyring.backends.chainer":
        return any(is_secure_backend(b) for b in getattr(backend, "backends", []))
    try:
        if float(getattr(backend, "priority", 1)) <= 0:
            return False
    except Exception:  # noqa: BLE001 - priority may raise when the backend is unusable
        return False
    return True


def _secure_part(backend):
    """For a chainer, the first secure sub-backend; the backend itself otherwise."""
    if type(backend).__module__ == "keyring.backends.chainer":
        for b in getattr(backend, "backends", []):
            if is_secure_backend(b):
                return b
        return None
    return backend if is_secure_backend(backend) else None


def _decode(text: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (ValueError, TypeError) as exc:
        raise MasterKeyError() from exc
    if len(key) != 32:
        raise MasterKeyError()
    return key


def _write_key_file(path: Path, key: bytes) -> bytes:
    """Write the key file all-or-nothing (0600) and never over an existing one: a file another
    process created meanwhile wins, and its key is returned (read the result, not `key`)."""
    from ..storage.safewrite import create_file_atomic
    path.parent.mkdir(parents=True, exist_ok=True)
    create_file_atomic(path, base64.b64encode(key) + b"\n")
    return _decode(path.read_text("ascii"))


def save_key_file(master: MasterKey) -> None:
    """Portable migration, after the database accepted the key: keep it in the data folder."""
    if master.save_to is not None and not master.save_to.exists():
        _write_key_file(master.save_to, master.key)


def load_master_key(home: Path, backend=None, *, portable: bool = False) -> MasterKey:
    """Find or create the master key. `backend` overrides `keyring.get_keyring()` (tests).

    portable: the key lives in `home/authority-master.key` whatever keyring exists; a bank created
    by an earlier version with its key in this computer's keyring has that key copied to the file."""
    import keyring.errors

    if portable:
        return _portable_key(home, backend)
    secure = _secure_backend(backend)
    if secure is not None:
        try:
            stored = secure.get_password(SERVICE, USERNAME)
        except keyring.errors.KeyringError:
            secure, stored = None, None
        if stored:
            return MasterKey(_decode(stored), "keyring")
    path = home / KEY_FILE
    if path.exists():
        return MasterKey(_decode(path.read_text("ascii")), "file")
    if secure is not None:
        key = secrets.token_bytes(32)
        try:
            secure.set_password(SERVICE, USERNAME, base64.b64encode(key).decode("ascii"))
            return MasterKey(key, "keyring")
        except keyring.errors.KeyringError:
            pass
    return _new_key_file(path, NOTICE_KO, NOTICE_EN)


def _portable_key(home: Path, backend) -> MasterKey:
    path = home / KEY_FILE
    if path.exists():
        return MasterKey(_decode(path.read_text("ascii")), "file")
    if any(home.glob("*.sqlite3")):
        # a portable bank from before this rule: its key is in the keyring of the computer that made
        # it. Written to the file only after the database accepted it (Authority.open), so a wrong
        # key can never be pinned into the folder; elsewhere nothing is written and it says why.
        key = _keyring_key(backend)
        if key is None:
            raise PortableKeyMissing()
        return MasterKey(key, "file", save_to=path)
    return _new_key_file(path, PORTABLE_KO, PORTABLE_EN)


def _new_key_file(path: Path, notice_ko: str, notice_en: str) -> MasterKey:
    """A fresh key in a new key file, with its one-time notice; another Dojang's file, made meanwhile,
    wins (its key, no notice)."""
    key = secrets.token_bytes(32)
    written = _write_key_file(path, key)
    if written != key:
        return MasterKey(written, "file")
    return MasterKey(key, "file", (notice_ko.format(path=path), notice_en.format(path=path)))


def _secure_backend(backend):
    """The secure part of `backend` (default: the configured keyring), or None."""
    if backend is None:
        import keyring
        try:
            backend = keyring.get_keyring()
        except Exception:  # noqa: BLE001 - a broken keyring configuration means "no keyring"
            return None
    return _secure_part(backend)


def _keyring_key(backend) -> bytes | None:
    secure = _secure_backend(backend)
    try:
        stored = secure.get_password(SERVICE, USERNAME) if secure is not None else None
    except Exception:  # noqa: BLE001 - no usable keyring: nothing to migrate
        return None
    return _decode(stored) if stored else None


class Vault:
    """AES-256-GCM sealing and HMAC-SHA256 keyed hashes under sub-keys of the master key."""

    def __init__(self, master: bytes):
        self._enc = hmac.new(master, b"dojang/authority/aes-gcm", hashlib.sha256).digest()
        self._mac = hmac.new(master, b"dojang/authority/hmac", hashlib.sha256).digest()
        self._check = hmac.new(master, b"dojang/authority/key-check", hashlib.sha256).hexdigest()
        self._pepper = hmac.new(master, b"dojang/authority/password-pepper", hashlib.sha256).digest()

    @property
    def check_value(self) -> str:
        """Stored in the database to detect a different master key on a later start."""
        return self._check

    def seal(self, plaintext: bytes, aad: str) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + AESGCM(self._enc).encrypt(nonce, bytes(plaintext), aad.encode("utf-8"))

    def open(self, blob: bytes, aad: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        try:
            return AESGCM(self._enc).decrypt(blob[:12], blob[12:], aad.encode("utf-8"))
        except (InvalidTag, ValueError) as exc:
            raise MasterKeyError() from exc

    def mac(self, label: str, value: str) -> str:
        return hmac.new(self._mac, f"{label}\x00{value}".encode("utf-8"), hashlib.sha256).hexdigest()

    # --- account passwords: salted, keyed with the pepper ------------------------------------------

    def hash_password(self, password: str) -> str:
        salt = secrets.token_bytes(16)
        return "hmac-sha256${}${}".format(base64.b64encode(salt).decode(), base64.b64encode(
            self._peppered(salt, password)).decode())

    def check_password(self, password: str, stored: str) -> tuple[bool, bool]:
        """(matches, should be re-hashed). Hashes of earlier versions (scrypt without a pepper) are
        still checked and reported for re-hashing, so they disappear on the next right password."""
        try:
            scheme, *parts = stored.split("$")
            if scheme == "hmac-sha256":
                salt, digest = (base64.b64decode(x) for x in parts)
                return hmac.compare_digest(self._peppered(salt, password), digest), False
            if scheme == "scrypt":
                n, r, p, salt, digest = parts
                expected = base64.b64decode(digest)
                got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                     p=int(p), dklen=len(expected))
                ok = hmac.compare_digest(got, expected)
                return ok, ok
        except (ValueError, TypeError):
            pass
        return False, False

    def _peppered(self, salt: bytes, password: str) -> bytes:
        return hmac.new(self._pepper, salt + password.encode("utf-8"), hashlib.sha256).digest()
