"""PC ↔ mock-phone certificate transfer with a 12-digit code (docs/bank-flows.md "Phone transfer").

The sender (the PC, or a phone's bank app) picks a certificate, types its password and gets a
12-digit code shown as 4-4-4. The receiver (the phone for PC → phone, the PC for phone → PC) types
the code and the same certificate password; the certificate then lands in its storage.

What travels, and why it is safe
--------------------------------
The payload is a real password-protected PKCS#12 file in a local relay folder
(`<app_home>/relay/<id>.pfx`, written by `core.npki.pfx.export_pfx`, modern flavour: AES-256 /
PBKDF2-SHA256), with a small metadata file `<id>.json` beside it (no secrets: direction, phone,
times, salts, attempt counter, the certificate's display name).

- PFX password = base64(scrypt(certificate password ‖ code, salt)). The code alone does not open
  the file and neither does the password alone; scrypt makes guessing the 10¹² codes offline
  impractical even for someone who copies the relay folder while the code is valid.
- The key inside the PFX is the exact decrypted PKCS#8 of `signPri.key` (so the randomNum R
  survives), encrypted under that PFX password; it is never on disk unencrypted. The receiver
  decrypts it in memory and writes `signPri.key` encrypted again with the certificate's own
  password, in the same scheme as the original (variant A or PBES2/SEED, same iteration count) —
  so the certificate opens with the same password on both sides and nothing else changes.
  The receiver must type the certificate password: the PFX MAC proves it is the right one,
  which is how "the same password" is enforced rather than hoped for.
- A code verifier (scrypt of the code, its own salt) lets the receiver tell "wrong code" from
  "wrong password" and count them. Both count towards `max_wrong`; at the limit the transfer is
  cancelled and its PFX deleted. A code works once: after a successful import the PFX is deleted
  and the metadata stays behind as a "used" marker until it is swept.
- Codes expire after `ttl` seconds (default 5 minutes, by the injected clock); an expired transfer's
  PFX is deleted the next time the relay is looked at.
- kmCert.der / kmPri.key travel in a second PFX (`<id>.km.pfx`) under the same password when the
  certificate has them and they open with the same password.

No Qt here. The GUI (gui/phone_window.py) and the CLI (core/cli/phone_cmds.py) call `Relay`.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import DojangError, PfxWrongPassword, WrongPassword
from ..locations import app_home, ensure_dir
from ..npki import keyfile, oids
from ..npki import pfx as pfx_codec
from ..npki.certfolder import KM_CERT, KM_KEY, SIGN_CERT, SIGN_KEY, CertFolder, read_capped
from ..npki.certificate import parse_certificate
from ..npki.foldername import sanitize
from .base import Storage, drive_lock
from .operations import ConflictResolver, OpResult, ensure_user_dir, place_folder
from .registry import create_phone, normalise_phone_number, format_phone_number, phone_storage
from .safewrite import TEMP_PREFIX, write_file_atomic

log = logging.getLogger(__name__)

PC_TO_PHONE = "pc-to-phone"
PHONE_TO_PC = "phone-to-pc"
DIRECTIONS = (PC_TO_PHONE, PHONE_TO_PC)

WAITING, USED, FAILED, EXPIRED, CANCELLED = "waiting", "used", "failed", "expired", "cancelled"
# An offer being written: its metadata goes first (with the writer's pid), then the payload, then the
# state becomes WAITING — so a killed offer leaves a record the sweep can attribute and remove.
PREPARING = "preparing"

DEFAULT_TTL = 300            # seconds a code stays valid
DEFAULT_MAX_WRONG = 5        # wrong codes / passwords before the transfer is cancelled
DEFAULT_SCRYPT_N = 2 ** 15
TOMBSTONE_SECONDS = 24 * 3600   # how long "used"/"failed" markers stay (so reuse gets a clear message)
MAX_META = 64 * 1024

Clock = Callable[[], dt.datetime]


def _system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# --- errors ---------------------------------------------------------------------------------------

class TransferError(DojangError):
    code = "transfer_error"


class TransferNotFound(TransferError):
    code = "transfer_not_found"
    ko = "기다리고 있는 인증서 이동이 없습니다. 보내는 쪽에서 인증번호를 다시 받으세요."
    en = "No certificate transfer is waiting. Get a new code on the sending side."


class TransferCodeWrong(TransferError):
    code = "transfer_code_wrong"

    def __init__(self, left: int):
        self.left = left
        super().__init__(f"인증번호가 올바르지 않습니다. 남은 입력 횟수: {left}회",
                         f"The code is incorrect. Tries left: {left}.")


class TransferPasswordWrong(TransferError, WrongPassword):
    code = "transfer_password_wrong"

    def __init__(self, left: int):
        self.left = left
        DojangError.__init__(self, f"인증서 비밀번호가 올바르지 않습니다. 보내는 쪽에서 입력한 인증서 비밀번호를 "
                                   f"입력하세요. 남은 입력 횟수: {left}회",
                             f"The certificate password is incorrect. Type the certificate password used on the "
                             f"sending side. Tries left: {left}.")


class TransferExpired(TransferError):
    code = "transfer_expired"
    ko = "인증번호의 유효시간이 지났습니다. 보내는 쪽에서 인증번호를 다시 받으세요."
    en = "The code has expired. Get a new code on the sending side."


class TransferUsed(TransferError):
    code = "transfer_used"
    ko = "이미 사용한 인증번호입니다. 인증번호는 한 번만 쓸 수 있습니다."
    en = "That code was already used; a code works only once."


class TransferLocked(TransferError):
    code = "transfer_locked"
    ko = "잘못 입력한 횟수가 한도를 넘어 이 인증서 이동을 취소했습니다. 보내는 쪽에서 인증번호를 다시 받으세요."
    en = "Too many wrong entries: this transfer was cancelled. Get a new code on the sending side."


class TransferCodeFormat(TransferError):
    code = "transfer_code_format"
    ko = "인증번호 12자리 숫자를 입력하세요."
    en = "Enter the 12-digit code."


# --- value objects ----------------------------------------------------------------------------------

def format_code(code: str) -> str:
    """'123456789012' → '1234-5678-9012'."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def normalise_code(text: str) -> str | None:
    """The 12 ASCII digits of a typed code (spaces, dashes and full-width digits allowed), else None."""
    import unicodedata
    if not isinstance(text, str):
        return None
    s = unicodedata.normalize("NFKC", text)
    s = "".join(ch for ch in s if ch not in " -\t")
    return s if len(s) == 12 and s.isascii() and s.isdigit() else None


@dataclass(frozen=True)
class Offer:
    """What the sending side shows: the code (secret until typed), its expiry, what is sent."""
    transfer_id: str
    code: str
    direction: str
    phone: str                    # formatted number of the phone involved
    subject: str                  # the certificate's display name (folder name)
    expires_at: dt.datetime

    @property
    def formatted(self) -> str:
        return format_code(self.code)

    def __repr__(self) -> str:    # never print the code by accident
        return f"Offer({self.transfer_id!r}, {self.direction}, expires {self.expires_at.isoformat()})"


@dataclass(frozen=True)
class TransferInfo:
    transfer_id: str
    direction: str
    phone: str
    subject: str
    state: str
    created_at: dt.datetime
    expires_at: dt.datetime
    wrong: int


@dataclass(frozen=True)
class Received:
    result: OpResult
    storage: Storage
    subject: str
    random_num_kept: bool


# --- the relay ----------------------------------------------------------------------------------------

def _now(clock: Clock) -> dt.datetime:
    t = clock()
    if t.tzinfo is None:
        raise ValueError("the clock must return aware datetimes")
    return t.astimezone(dt.timezone.utc)


RECEIVE_LOCK = ".receive.lock"


class Relay:
    """The local relay folder both sides use. Cheap to create; holds no state of its own."""

    def __init__(self, home: Path | None = None, *, clock: Clock | None = None, ttl: int = DEFAULT_TTL,
                 max_wrong: int = DEFAULT_MAX_WRONG, scrypt_n: int = DEFAULT_SCRYPT_N):
        self.folder = (Path(home) if home else app_home()) / "relay"
        self.clock = clock or _system_clock
        self.ttl = ttl
        self.max_wrong = max_wrong
        self.scrypt_n = scrypt_n

    # --- files ---

    def _meta_path(self, tid: str) -> Path:
        return self.folder / f"{tid}.json"

    def _pfx_path(self, tid: str, km: bool = False) -> Path:
        return self.folder / (f"{tid}.km.pfx" if km else f"{tid}.pfx")

    def _load(self, tid: str) -> dict | None:
        try:
            data = json.loads(read_capped(self._meta_path(tid), MAX_META).decode("utf-8"))
        except (OSError, ValueError, DojangError):
            return None
        return data if isinstance(data, dict) and data.get("id") == tid else None

    def _save(self, meta: dict) -> None:
        ensure_dir(self.folder)
        write_file_atomic(self._meta_path(meta["id"]), json.dumps(meta, ensure_ascii=False).encode("utf-8"))

    def _drop_payload(self, tid: str) -> None:
        for km in (False, True):
            try:
                os.unlink(self._pfx_path(tid, km))
            except FileNotFoundError:
                pass
            except OSError:
                log.warning("a relay payload could not be deleted now; the next sweep retries")

    def _forget(self, tid: str) -> None:
        self._drop_payload(tid)
        try:
            os.unlink(self._meta_path(tid))
        except OSError:
            pass

    def _all(self) -> list[dict]:
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return []
        names = self._sweep_files(names)
        out = []
        for name in names:
            if name.endswith(".json") and not name.startswith("."):
                meta = self._load(name[:-5])
                if meta:
                    out.append(meta)
        return out

    def _sweep_files(self, names: list[str]) -> list[str]:
        """Remove temporary files of dead writers and payloads without metadata (a killed write or
        deletion); returns the names that remain."""
        from .scan import pid_alive, writer_pid
        metas = {n[:-5] for n in names if n.endswith(".json") and not n.startswith(".")}
        keep = []
        for name in names:
            path = self.folder / name
            drop = False
            if name.startswith(TEMP_PREFIX):
                pid = writer_pid(name)
                drop = pid is None or (pid != os.getpid() and not pid_alive(pid)) or self._stale(path)
            elif name.startswith(".") and name.endswith(".tmp"):
                drop = True
            elif name.endswith(".pfx") and not name.startswith("."):
                drop = name.split(".", 1)[0] not in metas
            if drop:
                try:
                    os.unlink(path)
                    continue
                except OSError:
                    pass
            keep.append(name)
        return keep

    @staticmethod
    def _stale(path: Path) -> bool:
        from .scan import STALE_AGE
        try:
            return _now(_system_clock).timestamp() - os.lstat(path).st_mtime > STALE_AGE
        except OSError:
            return False

    def _settle(self, meta: dict) -> dict:
        """Apply expiry (deleting the payload) and drop old markers; returns the current meta."""
        now = _now(self.clock)
        if meta.get("state") == PREPARING:
            from .scan import pid_alive
            pid = meta.get("pid")
            if not isinstance(pid, int) or (pid != os.getpid() and not pid_alive(pid)) or \
                    self._stale(self._meta_path(meta["id"])):
                self._forget(meta["id"])     # an offer killed while it was written: never shown
            return meta
        if meta.get("state") == WAITING and now >= dt.datetime.fromisoformat(meta["expires"]):
            meta["state"] = EXPIRED
            self._drop_payload(meta["id"])
            self._save(meta)
        elif meta.get("state") != WAITING:
            self._drop_payload(meta["id"])
            ended = dt.datetime.fromisoformat(meta.get("ended") or meta["expires"])
            if now - ended > dt.timedelta(seconds=TOMBSTONE_SECONDS):
                self._forget(meta["id"])
        return meta

    def sweep(self) -> None:
        """Delete expired payloads, old markers, killed offers and temporary files (also done on
        every look-up)."""
        for meta in self._all():
            self._settle(meta)

    def _info(self, meta: dict) -> TransferInfo:
        return TransferInfo(meta["id"], meta["direction"], meta["phone"], meta.get("subject", ""), meta["state"],
                            dt.datetime.fromisoformat(meta["created"]), dt.datetime.fromisoformat(meta["expires"]),
                            int(meta.get("wrong", 0)))

    def transfers(self, *, direction: str | None = None, phone: str | None = None,
                  waiting_only: bool = False) -> list[TransferInfo]:
        digits = normalise_phone_number(phone) if phone else None
        out = []
        for meta in self._all():
            meta = self._settle(meta)
            if not self._meta_path(meta["id"]).exists():
                continue
            if direction and meta["direction"] != direction:
                continue
            if digits and normalise_phone_number(meta["phone"]) != digits:
                continue
            if meta["state"] == PREPARING or (waiting_only and meta["state"] != WAITING):
                continue
            out.append(self._info(meta))
        return out

    def status(self, transfer_id: str) -> str | None:
        meta = self._load(transfer_id)
        return self._settle(meta)["state"] if meta else None

    def cancel(self, transfer_id: str) -> None:
        meta = self._load(transfer_id)
        if meta and meta["state"] == WAITING:
            meta.update(state=CANCELLED, ended=_now(self.clock).isoformat())
            self._save(meta)
        self._drop_payload(transfer_id)

    # --- key derivation ---

    def _scrypt(self, secret: bytes, salt: bytes, n: int) -> bytes:
        return hashlib.scrypt(secret, salt=salt, n=n, r=8, p=1, dklen=32, maxmem=256 * 1024 * 1024)

    def _pfx_password(self, password, code: str, salt: bytes, n: int) -> str:
        pw = keyfile.password_bytes(password)
        try:
            material = bytes(pw) + b"\x00" + code.encode("ascii")
        finally:
            keyfile.wipe(pw)
        return base64.urlsafe_b64encode(self._scrypt(material, salt, n)).decode("ascii").rstrip("=")

    # --- sending ---

    def offer(self, cert: CertFolder, password, *, direction: str, phone: str) -> Offer:
        """Put `cert` into the relay for the other side; returns the code to show.

        The password is checked first (WrongPassword / KeyMismatch as usual). One waiting transfer
        per phone and direction: a new offer cancels the previous one."""
        if direction not in DIRECTIONS:
            raise ValueError(direction)
        if not isinstance(cert, CertFolder):
            raise getattr(cert, "error", TransferError())
        digits = normalise_phone_number(phone)
        certificate = cert.info.certificate()
        try:
            cert_der = read_capped(cert.files[SIGN_CERT])
            key_file = read_capped(cert.files[SIGN_KEY])
        except OSError as exc:
            from .safewrite import storage_error
            raise storage_error(exc) from exc
        plain = keyfile.check_password(key_file, certificate, password)
        enc = keyfile.parse_encrypted_key(key_file).encryption
        km_plain = km_cert = None
        if KM_CERT in cert.files and KM_KEY in cert.files:
            try:
                km_cert = read_capped(cert.files[KM_CERT])
                from cryptography import x509
                km_plain = keyfile.check_password(read_capped(cert.files[KM_KEY]),
                                                  x509.load_der_x509_certificate(km_cert), password)
            except (DojangError, OSError, ValueError):
                km_cert = km_plain = None
                log.info("the key-management pair did not open with the same password; it is not sent")
        for old in self.transfers(direction=direction, phone=digits, waiting_only=True):
            self.cancel(old.transfer_id)
        code = "".join(str(secrets.randbelow(10)) for _ in range(12))
        tid = secrets.token_hex(8)
        salt_v, salt_k = os.urandom(16), os.urandom(16)
        now = _now(self.clock)
        expires = now + dt.timedelta(seconds=self.ttl)
        pfx_pw = self._pfx_password(password, code, salt_k, self.scrypt_n)
        try:
            payload = pfx_codec.export_pfx(cert_der, plain, pfx_pw, pfx_codec.MODERN)
            km_payload = pfx_codec.export_pfx(km_cert, km_plain, pfx_pw, pfx_codec.MODERN) if km_plain else None
        finally:
            plain = km_plain = None
        meta = {
            "id": tid, "direction": direction, "phone": format_phone_number(digits), "state": WAITING,
            "created": now.isoformat(), "expires": expires.isoformat(), "ended": None, "wrong": 0,
            "n": self.scrypt_n, "salt_v": salt_v.hex(), "salt_k": salt_k.hex(),
            "verifier": self._scrypt(code.encode("ascii"), salt_v, self.scrypt_n).hex(),
            "subject": cert.name, "ca": cert.ca_folder or cert.info.subject_o or "NPKI",
            # how the original signPri.key was encrypted (no secrets), so the copy matches it
            "key": {"variant": enc.variant, "iterations": enc.iterations, "prf": enc.prf,
                    "seed_pbes2": enc.variant == "B" and enc.cipher_oid == oids.SEED_CBC},
            "km": km_payload is not None,
        }
        ensure_dir(self.folder)
        self._save(dict(meta, state=PREPARING, pid=os.getpid()))
        write_file_atomic(self._pfx_path(tid), payload)
        if km_payload:
            write_file_atomic(self._pfx_path(tid, True), km_payload)
        self._save(meta)
        return Offer(tid, code, direction, meta["phone"], cert.name, expires)

    def export_to_phone(self, cert: CertFolder, password, number: str) -> Offer:
        """PC → phone: the PC shows the code; the phone `number` types it."""
        return self.offer(cert, password, direction=PC_TO_PHONE, phone=number)

    def export_from_phone(self, number: str, cert: CertFolder, password) -> Offer:
        """Phone → PC: the phone `number` shows the code; the PC types it."""
        return self.offer(cert, password, direction=PHONE_TO_PC, phone=number)

    # --- receiving ---

    def _wrong(self, meta: dict) -> int:
        meta["wrong"] = int(meta.get("wrong", 0)) + 1
        left = self.max_wrong - meta["wrong"]
        if left <= 0:
            meta.update(state=FAILED, ended=_now(self.clock).isoformat())
            self._drop_payload(meta["id"])
        self._save(meta)
        return left

    def _key_file(self, plain: bytes, password, spec: dict) -> bytes:
        if spec.get("variant") == "B" and spec.get("seed_pbes2"):
            return keyfile.encrypt_key(plain, password, "B", iterations=int(spec["iterations"]),
                                       prf=spec.get("prf") or "sha1")
        iterations = int(spec["iterations"]) if spec.get("variant") in ("A", "C") else keyfile.DEFAULT_ITERATIONS
        return keyfile.encrypt_key(plain, password, "A", iterations=iterations)

    def receive(self, code: str, password, dest: Storage, *, direction: str, phone: str | None = None,
                on_conflict: ConflictResolver | None = None) -> Received:
        """Type the code (and the certificate password) on the receiving side; write into `dest`.

        One receiver at a time across processes: the attempt count and the "used" mark are
        read-modify-writes of the transfer's metadata, so parallel guesses must take turns to be
        counted one by one, and one code must never be received twice (docs/bank-core.md
        "Several processes")."""
        from ..oslock import process_lock
        ensure_dir(self.folder)
        with process_lock(self.folder / RECEIVE_LOCK):
            return self._receive(code, password, dest, direction=direction, phone=phone, on_conflict=on_conflict)

    def _receive(self, code: str, password, dest: Storage, *, direction: str, phone: str | None = None,
                 on_conflict: ConflictResolver | None = None) -> Received:
        digits = normalise_code(code)
        if digits is None:
            raise TransferCodeFormat()
        candidates = [self._load(t.transfer_id) for t in self.transfers(direction=direction, phone=phone)]
        candidates = [m for m in candidates if m]
        if not candidates:
            raise TransferNotFound()
        waiting = [m for m in candidates if m["state"] == WAITING]
        # A code that matches a finished transfer gets its own message (used / expired / cancelled).
        for meta in waiting + [m for m in candidates if m["state"] != WAITING]:
            n = int(meta.get("n", self.scrypt_n))
            verifier = self._scrypt(digits.encode("ascii"), bytes.fromhex(meta["salt_v"]), n).hex()
            if hmac.compare_digest(verifier, meta["verifier"]):
                break
        else:
            if not waiting:
                state = candidates[-1]["state"]
                raise {USED: TransferUsed, FAILED: TransferLocked}.get(state, TransferExpired)()
            left = min(self._wrong(m) for m in waiting)
            if left <= 0:
                raise TransferLocked()
            raise TransferCodeWrong(left)
        if meta["state"] != WAITING:
            raise {USED: TransferUsed, FAILED: TransferLocked, EXPIRED: TransferExpired,
                   CANCELLED: TransferExpired}.get(meta["state"], TransferNotFound)()
        tid = meta["id"]
        try:
            data = read_capped(self._pfx_path(tid), pfx_codec.MAX_PFX_SIZE)
            km_data = read_capped(self._pfx_path(tid, True), pfx_codec.MAX_PFX_SIZE) if meta.get("km") else None
        except (OSError, DojangError) as exc:
            raise TransferExpired() from exc
        pfx_pw = self._pfx_password(password, digits, bytes.fromhex(meta["salt_k"]), int(meta.get("n", self.scrypt_n)))
        try:
            contents = pfx_codec.import_pfx(data, pfx_pw)
            km_contents = pfx_codec.import_pfx(km_data, pfx_pw) if km_data else None
        except PfxWrongPassword:
            left = self._wrong(meta)
            if left <= 0:
                raise TransferLocked() from None
            raise TransferPasswordWrong(left) from None
        info = parse_certificate(contents.cert_der)
        if not keyfile.public_key_matches(contents.key_plain, info.certificate()):
            from ..errors import KeyMismatch
            raise KeyMismatch()
        files = {SIGN_CERT: bytes(contents.cert_der), SIGN_KEY: self._key_file(contents.key_plain, password, meta["key"])}
        if km_contents is not None:
            files[KM_CERT] = bytes(km_contents.cert_der)
            files[KM_KEY] = self._key_file(km_contents.key_plain, password, meta["key"])
        dest.require_writable()
        # The code is used up before the certificate is handed over: a kill from here on can never
        # let the same code be typed again. If the write fails (no room, a cancelled conflict), the
        # transfer is waiting again and the code still works.
        meta.update(state=USED, ended=_now(self.clock).isoformat())
        self._save(meta)
        try:
            with drive_lock(dest):
                user_dir = ensure_user_dir(dest.root, sanitize(meta.get("ca") or info.subject_o or "NPKI"))
                result = place_folder(user_dir, meta.get("subject") or sanitize(info.subject), files, info,
                                      verify=dest.verify_writes, on_conflict=on_conflict, free=dest.free_space())
        except DojangError:
            meta.update(state=WAITING, ended=None)
            self._save(meta)
            raise
        result.status = "imported" if result.status == "copied" else result.status
        self._drop_payload(tid)
        return Received(result, dest, meta.get("subject", ""), contents.random_num_kept)

    def import_on_phone(self, number: str, code: str, password, *,
                        on_conflict: ConflictResolver | None = None) -> Received:
        """PC → phone: the phone `number` types the code shown on the PC."""
        digits = normalise_phone_number(number)
        dest = phone_storage(digits) or create_phone(digits)
        return self.receive(code, password, dest, direction=PC_TO_PHONE, phone=digits, on_conflict=on_conflict)

    def import_on_pc(self, code: str, password, dest: Storage, *,
                     on_conflict: ConflictResolver | None = None) -> Received:
        """Phone → PC: the PC types the code the phone shows and saves into `dest`."""
        return self.receive(code, password, dest, direction=PHONE_TO_PC, on_conflict=on_conflict)
