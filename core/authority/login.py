"""인증서 로그인 at the simulated bank (docs/bank-flows.md "Certificate login").

The bank hands out a fresh one-time challenge; the client signs it with the certificate's private
key (proof.sign_possession(key, "login", cert_der, nonce)) and sends the certificate, the signature
and R. The bank accepts only when, in this order:

1. the challenge is one it issued, unused and not expired (it is used up by this attempt, whatever
   the outcome, in the same transaction that reads it — a signature cannot be replayed);
2. the signature verifies with the certificate's public key;
3. the certificate is the bank's own, byte for byte, or another institution's certificate a customer
   registered here (타기관 인증서 등록);
4. the VID in the certificate matches that customer's 주민등록번호 with R;
5. it is in force: within its validity, and — for the bank's own — active (not revoked, not replaced
   by a reissue or a renewal, not an issuance that was never completed).

A refusal says which, in the bank's words (errors.LOGIN_REFUSALS), and is written to the audit log.
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from cryptography import x509

from ..npki.vid import verify_vid
from . import errors as E
from .proof import verify_possession
from .timeutil import iso, parse_time

CHALLENGE_TTL = 120        # seconds
OWN, REGISTERED = "own", "registered"


@dataclass(frozen=True)
class LoginChallenge:
    id: str
    nonce: bytes
    expires_at: dt.datetime


@dataclass(frozen=True)
class LoginResult:
    customer_name: str
    serial: int
    kind: str                # OWN: issued by this bank; REGISTERED: another institution's, registered here
    product_id: str | None   # the bank's product for its own certificates


class LoginService:
    def __init__(self, store, identity, issuance):
        self.store, self.identity, self.issuance = store, identity, issuance

    def challenge(self) -> LoginChallenge:
        now = self.store.now()
        c = LoginChallenge(secrets.token_hex(16), secrets.token_bytes(32), now + dt.timedelta(seconds=CHALLENGE_TTL))
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM login_challenges WHERE expires_at < ?", (iso(now - dt.timedelta(hours=1)),))
            conn.execute("INSERT INTO login_challenges(id, nonce, created_at, expires_at) VALUES (?,?,?,?)",
                         (c.id, c.nonce, iso(now), iso(c.expires_at)))
        return c

    def _use_challenge(self, challenge_id: str) -> bytes:
        with self.store.transaction() as conn:
            row = conn.execute("SELECT * FROM login_challenges WHERE id = ?", (str(challenge_id),)).fetchone()
            if row is None or row["used"] or parse_time(row["expires_at"]) < self.store.now():
                raise E.LoginChallengeInvalid()
            conn.execute("UPDATE login_challenges SET used = 1 WHERE id = ?", (row["id"],))
            return bytes(row["nonce"])

    def login(self, challenge_id: str, cert_der: bytes, r: bytes, signature: bytes) -> LoginResult:
        nonce = self._use_challenge(challenge_id)
        try:
            cert = x509.load_der_x509_certificate(bytes(cert_der))
        except (ValueError, TypeError) as exc:
            raise E.BadRequest() from exc
        customer_id = None
        try:
            if not verify_possession(cert, "login", signature, nonce):
                raise E.LoginRefused("signature")
            own = self.store.one("SELECT * FROM certificates WHERE serial = ? AND cert_der = ?",
                                 (format(cert.serial_number, "x"), bytes(cert_der)))
            registered = None if own is not None else self.store.one(
                "SELECT * FROM registered_certs WHERE cert_der = ? ORDER BY id DESC LIMIT 1", (bytes(cert_der),))
            if own is None and registered is None:
                raise E.LoginRefused("unregistered")
            customer_id = (own or registered)["customer_id"]
            if not isinstance(r, (bytes, bytearray)) or not r or \
                    not verify_vid(cert, bytes(r), self.identity.customer_rrn(customer_id)):
                raise E.LoginRefused("vid")
            now = self.store.now()
            if now < cert.not_valid_before_utc:
                raise E.LoginRefused("not_yet_valid")
            if now > cert.not_valid_after_utc:
                raise E.LoginRefused("expired")
            if own is not None:
                refusal = self._status_refusal(own)
                if refusal:
                    raise E.LoginRefused(refusal)
        except E.LoginRefused as exc:
            self.store.record("login", exc.reason, customer_id=customer_id, serial=format(cert.serial_number, "x"))
            raise
        self.store.record("login", "ok", customer_id=customer_id, serial=format(cert.serial_number, "x"),
                          kind=OWN if own is not None else REGISTERED)
        name = self.store.one("SELECT name FROM customers WHERE id = ?", (customer_id,))["name"]
        return LoginResult(name, cert.serial_number,
                           OWN if own is not None else REGISTERED, own["cert_type"] if own is not None else None)

    def _status_refusal(self, row) -> str | None:
        status = row["status"]
        if status == "active":
            return None
        if status in ("pending", "cancelled"):
            return "not_issued"
        if status == "superseded":
            return "renewed"
        # a reissue revokes the certificate it replaces, marking why
        return "reissued" if row["end_reason"] == "superseded" else "revoked"


__all__ = ["CHALLENGE_TTL", "LoginChallenge", "LoginResult", "LoginService", "OWN", "REGISTERED"]
