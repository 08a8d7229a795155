"""The simulated 금융결제원 cloud that keeps 금융인증서 (docs/bank-flows.md "금융인증서").

The key pair of a 금융인증서 is generated here and kept in the bank's database, sealed with the vault
like the CA keys (AAD `cloud:<serial>`); no device ever holds it and it is never written to a file.
A device asks the cloud to sign; the cloud checks that the device is connected to the customer's
cloud (이용 기기 지정), then the 6-digit PIN — 5 wrong entries in a row lock the certificate, counted in
one BEGIN IMMEDIATE transaction — and signs.

- issue: after the identity steps; the certificate is signed *pending*, then the sealed key is
  stored and the certificate activated in ONE transaction (docs/bank-core.md "Two phases"): a failure
  or a kill leaves either nothing usable (a pending certificate the sweep cancels) or both.
- renew / revoke: authorised by the PIN; the old key is removed in the transaction that retires it.
- 자동갱신: with the customer's agreement, a login inside the renewal window renews in place first.
- PIN 재설정: only with a completed identity session (본인확인 + 휴대폰 + 보안매체); it also unlocks.
- one 금융인증서 per customer: the bank's one-active-certificate-per-product rule (issuance.py).
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization

from . import errors as E
from . import phones
from .identity import Session
from .issuance import ISSUE, REISSUE, IssuedCert, serial_key
from .products import KEY_CLOUD, product
from .proof import make_csr, sign_possession
from .timeutil import days_left, iso, parse_time

PIN_LIMIT = 5                  # wrong PINs in a row before the certificate locks
CODE_TTL = 180                 # seconds an SMS code to connect a device is valid
CODE_WRONG_LIMIT = 5
DEVICE_IDLE_DAYS = 365         # a device unused this long is no longer connected
SMS_TEXT = "[도장은행] 금융인증서 이용 기기 지정 인증번호 [{code}]. 타인에게 알려주지 마세요."


@dataclass(frozen=True)
class CloudCode:
    """An SMS code sent to connect a device."""
    id: int
    phone_masked: str


@dataclass(frozen=True)
class CloudCert:
    serial: int
    cert_der: bytes = field(repr=False)
    status: str                # the bank's status: active / expired / …
    not_before: dt.datetime
    not_after: dt.datetime
    locked: bool
    failures: int
    auto_renew: bool = False


@dataclass(frozen=True)
class CloudAccount:
    """A customer's cloud as a connected device sees it."""
    customer_id: int
    customer_name: str
    phone_masked: str
    device_name: str
    connected_at: dt.datetime
    certificate: CloudCert | None


@dataclass(frozen=True)
class CloudSignature:
    cert_der: bytes = field(repr=False)
    r: bytes = field(repr=False)          # the certificate's random number, for the bank's VID check
    signature: bytes = field(repr=False)


def _text(secret) -> str:
    if isinstance(secret, (bytes, bytearray)):
        return bytes(secret).decode("utf-8", "replace")
    return str(secret or "")


def pin_problem(pin, birth6: str | None = None) -> str | None:
    """Why a new PIN is refused (a key of errors.PinRejected), or None."""
    p = _text(pin)
    if len(p) != 6 or not all("0" <= ch <= "9" for ch in p):
        return "format"
    if len(set(p)) == 1:
        return "same"
    steps = {int(b) - int(a) for a, b in zip(p, p[1:])}
    if steps in ({1}, {-1}):
        return "run"
    if birth6 and p == birth6:
        return "birth"
    return None


def _pack(key, r: bytes) -> bytes:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return bytes([len(r)]) + bytes(r) + der


def _unpack(blob: bytes):
    n = blob[0]
    return serialization.load_der_private_key(blob[1 + n:], None), bytes(blob[1:1 + n])


class Cloud:
    def __init__(self, store, identity, issuance, key_factory):
        self.store, self.identity, self.issuance, self.key_factory = store, identity, issuance, key_factory

    # --- devices (이용 기기 지정) ----------------------------------------------------------------------
    def this_pc(self) -> str:
        """The id of this PC as a cloud device (one per data folder)."""
        device = self.store.meta("cloud_this_pc")
        if device is None:
            with self.store.transaction() as conn:
                conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('cloud_this_pc', ?)",
                             ("pc:" + secrets.token_hex(8),))
            device = self.store.meta("cloud_this_pc")
        return device

    def connect(self, name: str, phone: str, device: str, device_name: str) -> CloudCode:
        """Start connecting `device` to the cloud of the customer with this name and registered phone
        number: a 6-digit code goes by SMS to that phone."""
        wanted = phones.digits_of(phone)
        row = next((r for r in self.store.all("SELECT id, phone FROM customers WHERE name = ?", (str(name).strip(),))
                    if phones.digits_of(r["phone"]) == wanted and wanted), None)
        if row is None:
            raise E.CustomerNotFound("성명과 휴대폰 번호가 일치하는 고객이 없습니다.",
                                     "No customer has that name and phone number.")
        code = f"{secrets.randbelow(10 ** 6):06d}"
        now = self.store.now()
        with self.store.transaction() as conn:
            conn.execute("UPDATE cloud_codes SET status = 'replaced' WHERE customer_id = ? AND device = ? "
                         "AND status = 'open'", (row["id"], str(device)))
            cur = conn.execute("INSERT INTO cloud_codes(customer_id, device, name, code_mac, expires_at) "
                               "VALUES (?,?,?,?,?)", (row["id"], str(device), str(device_name)[:60],
                                                      self.store.mac("cloud-code", code),
                                                      iso(now + dt.timedelta(seconds=CODE_TTL))))
            self.store.audit(conn, "cloud.connect", "code_sent", customer_id=row["id"], device=str(device))
        phones.deliver_sms(row["phone"], SMS_TEXT.format(code=code), now, self.store.home)
        return CloudCode(cur.lastrowid, phones.mask_number(row["phone"]))

    def confirm_connect(self, code_id: int, code: str) -> None:
        refusal = None
        with self.store.transaction() as conn:
            row = conn.execute("SELECT * FROM cloud_codes WHERE id = ?", (int(code_id),)).fetchone()
            if row is None or row["status"] != "open":
                refusal = E.NoChallenge()
            elif parse_time(row["expires_at"]) < self.store.now():
                conn.execute("UPDATE cloud_codes SET status = 'expired' WHERE id = ?", (row["id"],))
                refusal = E.CodeExpired()
            elif self.store.mac("cloud-code", str(code).strip()) != row["code_mac"]:
                wrong = row["wrong"] + 1
                conn.execute("UPDATE cloud_codes SET wrong = ?, status = ? WHERE id = ?",
                             (wrong, "failed" if wrong >= CODE_WRONG_LIMIT else "open", row["id"]))
                refusal = E.TooManyAttempts() if wrong >= CODE_WRONG_LIMIT else E.CodeMismatch(
                    CODE_WRONG_LIMIT - wrong)
            else:
                conn.execute("UPDATE cloud_codes SET status = 'used' WHERE id = ?", (row["id"],))
                self._connect(conn, row["customer_id"], row["device"], row["name"])
        if refusal is not None:
            raise refusal

    def _connect(self, conn, customer_id: int, device: str, name: str) -> None:
        now = iso(self.store.now())
        conn.execute("INSERT INTO cloud_devices(customer_id, device, name, connected_at, last_used) VALUES "
                     "(?,?,?,?,?) ON CONFLICT(customer_id, device) DO UPDATE SET name = excluded.name, "
                     "last_used = excluded.last_used", (customer_id, str(device), str(name)[:60], now, now))
        self.store.audit(conn, "cloud.connect", "connected", customer_id=customer_id, device=str(device))

    def disconnect(self, device: str, customer_id: int | None = None) -> int:
        """Disconnect `device` from one customer's cloud (or from all); how many connections ended."""
        with self.store.transaction() as conn:
            if customer_id is None:
                n = conn.execute("DELETE FROM cloud_devices WHERE device = ?", (str(device),)).rowcount
            else:
                n = conn.execute("DELETE FROM cloud_devices WHERE device = ? AND customer_id = ?",
                                 (str(device), int(customer_id))).rowcount
            self.store.audit(conn, "cloud.disconnect", "ok", customer_id=customer_id, device=str(device), count=n)
        return n

    def _connected(self, device: str, customer_id: int) -> bool:
        row = self.store.one("SELECT last_used FROM cloud_devices WHERE device = ? AND customer_id = ?",
                             (str(device), customer_id))
        return row is not None and \
            self.store.now() - parse_time(row["last_used"]) <= dt.timedelta(days=DEVICE_IDLE_DAYS)

    def accounts(self, device: str) -> list[CloudAccount]:
        """The clouds `device` is connected to, each with its 금융인증서 (or None)."""
        out = []
        for row in self.store.all("SELECT d.*, c.name AS customer_name, c.phone FROM cloud_devices d "
                                  "JOIN customers c ON c.id = d.customer_id WHERE d.device = ? ORDER BY c.id",
                                  (str(device),)):
            if not self._connected(device, row["customer_id"]):
                continue
            out.append(CloudAccount(row["customer_id"], row["customer_name"], phones.mask_number(row["phone"]),
                                    row["name"], parse_time(row["connected_at"]), self._current(row["customer_id"])))
        return out

    def _current(self, customer_id: int) -> CloudCert | None:
        row = self.store.one("SELECT k.*, c.cert_der, c.not_before, c.not_after FROM cloud_keys k "
                             "JOIN certificates c ON c.serial = k.serial WHERE k.customer_id = ? AND "
                             "c.status = 'active' ORDER BY c.activated_at DESC LIMIT 1", (customer_id,))
        if row is None:
            return None
        return CloudCert(int(row["serial"], 16), bytes(row["cert_der"]), self.issuance.status(bytes(row["cert_der"])),
                         parse_time(row["not_before"]), parse_time(row["not_after"]), bool(row["locked"]),
                         row["failures"], bool(row["auto_renew"]))

    def require_certificate(self, customer_id: int) -> None:
        """NoCloudCertificate unless the customer has a 금융인증서 in the cloud (PIN 재설정's precheck)."""
        if self._current(customer_id) is None:
            raise E.NoCloudCertificate()

    # --- the key and its PIN ------------------------------------------------------------------------
    def _access(self, device: str, serial: int):
        """The key row of `serial`, when `device` is connected to its owner's cloud."""
        row = self.store.one("SELECT k.customer_id, c.cert_der FROM cloud_keys k JOIN certificates c "
                             "ON c.serial = k.serial WHERE k.serial = ?", (serial_key(int(serial)),))
        if row is None:
            raise E.NoCloudCertificate()
        if not self._connected(device, row["customer_id"]):
            raise E.DeviceNotConnected()
        with self.store.transaction() as conn:
            conn.execute("UPDATE cloud_devices SET last_used = ? WHERE device = ? AND customer_id = ?",
                         (iso(self.store.now()), str(device), row["customer_id"]))
        return row

    def _check_pin(self, serial: int, pin) -> None:
        """Count a wrong PIN (and lock at PIN_LIMIT), reset the count on a right one — read and
        written in one BEGIN IMMEDIATE transaction, so parallel guesses cannot exceed the limit."""
        key = serial_key(int(serial))
        refusal = None
        with self.store.transaction() as conn:
            row = conn.execute("SELECT * FROM cloud_keys WHERE serial = ?", (key,)).fetchone()
            if row is None:
                refusal = E.NoCloudCertificate()
            elif row["locked"]:
                refusal = E.PinLocked()
            elif self.store.vault.check_password(_text(pin), row["pin_hash"])[0]:
                if row["failures"]:
                    conn.execute("UPDATE cloud_keys SET failures = 0 WHERE serial = ?", (key,))
            else:
                failures = row["failures"] + 1
                locked = failures >= PIN_LIMIT
                conn.execute("UPDATE cloud_keys SET failures = ?, locked = ? WHERE serial = ?",
                             (failures, int(locked), key))
                self.store.audit(conn, "cloud.pin", "locked" if locked else "wrong", customer_id=row["customer_id"],
                                 serial=key, failures=failures)
                refusal = E.PinLocked() if locked else E.WrongPin(PIN_LIMIT - failures)
        if refusal is not None:
            raise refusal

    def _key(self, serial: int):
        row = self.store.one("SELECT key_enc FROM cloud_keys WHERE serial = ?", (serial_key(int(serial)),))
        return _unpack(self.store.unseal(bytes(row["key_enc"]), f"cloud:{serial_key(int(serial))}"))

    def _new_pin(self, customer_id: int, pin, repeat) -> str:
        if repeat is not None and _text(pin) != _text(repeat):
            raise E.PinRejected("mismatch")
        reason = pin_problem(pin, self.identity.customer_rrn(customer_id)[:6])
        if reason:
            raise E.PinRejected(reason)
        return self.store.vault.hash_password(_text(pin))

    def sign(self, device: str, serial: int, pin, action: str, payload: bytes = b"") -> CloudSignature:
        """The cloud signs proof.possession_message(action, serial, payload) after the PIN. Only a
        login is signed on request; renewal and revocation are the cloud's own operations."""
        if action != "login":
            raise E.InvalidInput()
        row = self._access(device, serial)
        self._check_pin(serial, pin)
        if self._auto_renew_due(serial):       # 자동갱신: renewed in place, then the new one signs
            serial = self._renew(row, serial).serial
            row = self._access(device, serial)
        key, r = self._key(serial)
        cert_der = bytes(row["cert_der"])
        return CloudSignature(cert_der, r, sign_possession(key, action, cert_der, bytes(payload)))

    def _auto_renew_due(self, serial: int) -> bool:
        row = self.store.one("SELECT k.auto_renew, c.cert_type, c.status, c.not_after FROM cloud_keys k JOIN "
                             "certificates c ON c.serial = k.serial WHERE k.serial = ?", (serial_key(int(serial)),))
        if row is None or not row["auto_renew"] or row["status"] != "active":
            return False
        not_after = parse_time(row["not_after"])
        now = self.store.now()
        return now <= not_after and days_left(not_after, now) <= product(row["cert_type"]).renewal_window_days

    def set_auto_renew(self, device: str, serial: int, pin, on: bool) -> None:
        """자동갱신 agreement: used inside its renewal window, the certificate is renewed in place."""
        row = self._access(device, serial)
        self._check_pin(serial, pin)
        with self.store.transaction() as conn:
            conn.execute("UPDATE cloud_keys SET auto_renew = ? WHERE serial = ?", (int(bool(on)), serial_key(serial)))
            self.store.audit(conn, "cloud.auto_renew", "on" if on else "off", customer_id=row["customer_id"],
                             serial=serial_key(serial))

    def change_pin(self, device: str, serial: int, pin, new_pin, repeat=None) -> None:
        row = self._access(device, serial)
        self._check_pin(serial, pin)
        pin_hash = self._new_pin(row["customer_id"], new_pin, repeat)
        with self.store.transaction() as conn:
            conn.execute("UPDATE cloud_keys SET pin_hash = ?, failures = 0 WHERE serial = ?",
                         (pin_hash, serial_key(int(serial))))
            self.store.audit(conn, "cloud.pin", "changed", customer_id=row["customer_id"], serial=serial_key(serial))

    def reset_pin(self, session: Session | str, new_pin, repeat=None) -> int:
        """PIN 재설정 after the identity steps: a new PIN, and the lock lifted. The serial."""
        s = self.identity.session(session)
        self.identity.require_complete(s)
        current = self._current(s.customer_id)
        if current is None:
            raise E.NoCloudCertificate()
        pin_hash = self._new_pin(s.customer_id, new_pin, repeat)
        with self.store.transaction() as conn:
            conn.execute("UPDATE cloud_keys SET pin_hash = ?, failures = 0, locked = 0 WHERE serial = ?",
                         (pin_hash, serial_key(current.serial)))
            self.store.audit(conn, "cloud.pin", "reset", customer_id=s.customer_id, session_id=s.id,
                             serial=serial_key(current.serial))
        return current.serial

    # --- issue, renew, revoke --------------------------------------------------------------------------
    def _store_and_confirm(self, issued: IssuedCert, customer_id: int, key, r: bytes, pin_hash: str, *,
                           device: tuple[str, str] | None = None, retire: str | None = None,
                           retire_all: bool = False, auto_renew: bool = False) -> IssuedCert:
        """Phase 2: the sealed key stored and the certificate activated in one transaction; on any
        failure the pending certificate is cancelled and no key is kept."""
        k = serial_key(issued.serial)
        try:
            with self.store.transaction() as conn:
                conn.execute("INSERT INTO cloud_keys(serial, customer_id, key_enc, pin_hash, auto_renew, created_at) "
                             "VALUES (?,?,?,?,?,?)", (k, customer_id, self.store.seal(_pack(key, r), f"cloud:{k}"),
                                                      pin_hash, int(auto_renew), iso(self.store.now())))
                if retire is not None:
                    conn.execute("DELETE FROM cloud_keys WHERE serial = ?", (retire,))
                if retire_all:        # 재발급: the bank revokes the old certificates as it activates this one
                    conn.execute("DELETE FROM cloud_keys WHERE customer_id = ? AND serial != ?", (customer_id, k))
                if device is not None:
                    self._connect(conn, customer_id, *device)
                return self.issuance.confirm(issued.serial)
        except BaseException:
            try:
                self.issuance.cancel(issued.serial)
            except E.AuthorityError:
                pass
            raise

    def issue(self, session: Session | str, pin, repeat, product_id: str, device: str, device_name: str, *,
              request_id: str | None = None, operation: str = ISSUE) -> IssuedCert:
        """발급, or 재발급 (`operation` REISSUE: the customer's current 금융인증서 — locked, PIN forgotten,
        expired — is revoked and its key deleted in the transaction that activates the new one)."""
        if operation not in (ISSUE, REISSUE):
            raise E.InvalidInput()
        s = self.identity.session(session)
        self.identity.require_complete(s)
        p = product(product_id)
        if p.key_home != KEY_CLOUD:
            raise E.InvalidInput()
        pin_hash = self._new_pin(s.customer_id, pin, repeat)
        key = self.key_factory()
        r = secrets.token_bytes(20)
        issued = self.issuance.request(session, make_csr(key), r, p.id, operation, request_id)
        return self._store_and_confirm(issued, s.customer_id, key, r, pin_hash, device=(device, device_name),
                                       retire_all=operation == REISSUE)

    def renew(self, device: str, serial: int, pin, *, request_id: str | None = None) -> IssuedCert:
        """갱신 inside the product's window: a new key in the cloud; the PIN stays."""
        row = self._access(device, serial)
        self._check_pin(serial, pin)
        return self._renew(row, serial, request_id)

    def _renew(self, row, serial: int, request_id: str | None = None) -> IssuedCert:
        """The renewal itself, once the device and the PIN were checked."""
        old_key, _ = self._key(serial)
        old_der = bytes(row["cert_der"])
        key = self.key_factory()
        r = secrets.token_bytes(20)
        csr = make_csr(key)
        issued = self.issuance.renew(old_der, csr, r, sign_possession(old_key, "renew", old_der, csr), request_id)
        old = self.store.one("SELECT pin_hash, auto_renew FROM cloud_keys WHERE serial = ?", (serial_key(serial),))
        return self._store_and_confirm(issued, row["customer_id"], key, r, old["pin_hash"], retire=serial_key(serial),
                                       auto_renew=bool(old["auto_renew"]))

    def revoke(self, device: str, serial: int, pin) -> None:
        """폐기: the bank revokes the certificate and the cloud deletes its key, in one transaction."""
        row = self._access(device, serial)
        self._check_pin(serial, pin)
        key, _ = self._key(serial)
        der = bytes(row["cert_der"])
        with self.store.transaction() as conn:
            self.issuance.revoke(der, signature=sign_possession(key, "revoke", der), reason="unspecified")
            conn.execute("DELETE FROM cloud_keys WHERE serial = ?", (serial_key(serial),))


__all__ = ["CODE_TTL", "Cloud", "CloudAccount", "CloudCert", "CloudCode", "CloudSignature", "PIN_LIMIT",
           "pin_problem"]
