"""Issue, reissue, renew, register and revoke at the bank (docs/bank-flows.md "The certificate centre"), as two-phase operations
(docs/bank-core.md "Two phases").

`issue` / `reissue` / `renew` sign the certificate and record it *pending*: no fee, nothing retired.
The client saves the key and certificate, then calls `confirm`, which in ONE transaction re-checks
everything that may have changed meanwhile (another certificate of that kind activated by a
parallel issuance, the balance), takes the fee, retires what the new one replaces and activates
it. A client that cannot save calls `cancel`; a client that died is cleaned up by `cancel_request`
(its recovery journal names the request id) or, at the latest, by the sweep of stale pending
certificates on start. Pending certificates are signed, so cancelled ones are listed in the CRL.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..npki.foldername import safe_folder_name
from ..npki.vid import verify_vid
from . import errors as E
from .ca import CA_ORG, REASONS, CertificateAuthority
from .identity import Identity, Session
from .products import Product, product
from .proof import verify_possession
from .timeutil import days_left, iso, kst_today, parse_time

ISSUE, REISSUE, RENEW = "issue", "reissue", "renew"
DEMO = "demo"          # seeded by the bank itself (demo.py): active from the start, demo password


@dataclass(frozen=True)
class IssuedCert:
    serial: int
    cert_der: bytes = field(repr=False)
    status: str
    cert_type: str                  # the product id
    operation: str
    not_before: dt.datetime
    not_after: dt.datetime
    fee: int
    folder_name: str
    ca_folder: str = CA_ORG


@dataclass(frozen=True)
class RegisteredCert:
    issuer: str
    serial: int
    subject: str
    not_after: dt.datetime


def serial_key(serial: int) -> str:
    return format(serial, "x")


def load_csr(csr_der: bytes, r: bytes):
    """The public key of a valid RSA ≥ 2048 CSR, with a plausible R; BadRequest otherwise."""
    try:
        csr = x509.load_der_x509_csr(bytes(csr_der))
        ok = csr.is_signature_valid
        key = csr.public_key()
    except (ValueError, TypeError) as exc:
        raise E.BadRequest() from exc
    if not ok or not isinstance(key, rsa.RSAPublicKey) or key.key_size < 2048:
        raise E.BadRequest()
    if not isinstance(r, (bytes, bytearray)) or not 16 <= len(r) <= 64:
        raise E.BadRequest()
    return key


class Issuance:
    def __init__(self, store, ca: CertificateAuthority, identity: Identity, config):
        self.store = store
        self.ca = ca
        self.identity = identity
        self.config = config

    # --- reading ---------------------------------------------------------------------------------------
    def row(self, serial: int):
        return self.store.one("SELECT * FROM certificates WHERE serial = ?", (serial_key(serial),))

    @staticmethod
    def issued(row) -> IssuedCert:
        return IssuedCert(int(row["serial"], 16), bytes(row["cert_der"]), row["status"], row["cert_type"],
                          row["operation"], parse_time(row["not_before"]), parse_time(row["not_after"]), row["fee"],
                          row["subject"])

    def own(self, cert_der: bytes):
        """(certificate, row) for a certificate this bank issued, byte for byte; CertificateUnknown else."""
        try:
            cert = x509.load_der_x509_certificate(bytes(cert_der))
        except (ValueError, TypeError) as exc:
            raise E.CertificateUnknown() from exc
        row = self.row(cert.serial_number)
        if row is None or bytes(row["cert_der"]) != bytes(cert_der):
            raise E.CertificateUnknown()
        return cert, row

    def status(self, cert_der: bytes) -> str:
        """'active', 'expired', 'pending', 'superseded', 'revoked' or 'cancelled'."""
        _, row = self.own(cert_der)
        if row["status"] == "active" and self.store.now() > parse_time(row["not_after"]):
            return "expired"
        return row["status"]

    def active_of(self, customer_id: int, product_id: str, conn=None) -> list:
        """The customer's active, unexpired certificates of this product."""
        sql = ("SELECT serial, not_after FROM certificates WHERE customer_id = ? AND cert_type = ? "
               "AND status = 'active'")
        rows = (conn.execute(sql, (customer_id, product_id)).fetchall() if conn is not None
                else self.store.all(sql, (customer_id, product_id)))
        now = self.store.now()
        return [r for r in rows if parse_time(r["not_after"]) > now]

    # --- before anything is asked ----------------------------------------------------------------------
    def precheck(self, customer_id: int, operation: str, p: Product) -> None:
        """What the bank can refuse before the customer types a secret (refuse early)."""
        if operation == ISSUE and self.active_of(customer_id, p.id):
            raise E.AlreadyIssued()
        account = self.store.one("SELECT locked, balance FROM accounts WHERE customer_id = ? ORDER BY id LIMIT 1",
                                 (customer_id,))
        if account is not None and account["locked"]:
            raise E.AccountLocked()
        if account is not None and p.fee and account["balance"] < p.fee:
            raise E.InsufficientBalance(p.fee, account["balance"])

    # --- phase 1: sign, record pending ------------------------------------------------------------------
    def request(self, session: Session | str, csr_der: bytes, r: bytes, product_id: str, operation: str,
                request_id: str | None = None) -> IssuedCert:
        """Issue or reissue: sign a new certificate for the session's customer, recorded *pending*."""
        s = self.identity.session(session)
        self.identity.require_complete(s)
        p = product(product_id)
        public_key = load_csr(csr_der, r)
        if operation == ISSUE and self.active_of(s.customer_id, p.id):
            raise E.AlreadyIssued()
        self._check_balance(s.account_id, p.fee)
        cert = self.ca.sign_user(public_key=public_key, name=s.name, idn=self.identity.customer_rrn(s.customer_id),
                                 r=r, policy_oid=p.policy_oid, start=kst_today(self.store.now()),
                                 years=p.validity_years)
        with self.store.transaction() as conn:
            self._insert(conn, cert, customer_id=s.customer_id, account_id=s.account_id, product_id=p.id,
                         status="pending", operation=operation, fee=p.fee, request_id=request_id)
            self.store.audit(conn, operation, "pending", customer_id=s.customer_id, session_id=s.id,
                             serial=serial_key(cert.serial_number), type=p.id)
        return self.issued(self.row(cert.serial_number))

    def renew(self, old_cert_der: bytes, csr_der: bytes, r: bytes, signature: bytes,
              request_id: str | None = None) -> IssuedCert:
        """Renew inside the product's renewal window while valid; `signature` =
        sign_possession(old key, "renew", old_cert_der, csr_der). Pending until confirmed."""
        old, row = self.own(old_cert_der)
        p = product(row["cert_type"])
        now = self.store.now()
        if row["status"] != "active":
            raise E.NotActive(row["status"])
        if now > parse_time(row["not_after"]):
            raise E.NotActive("expired")
        left = days_left(parse_time(row["not_after"]), now)
        if left > p.renewal_window_days:
            self.store.record("renew", "too_early", customer_id=row["customer_id"], serial=row["serial"],
                              days_left=left)
            raise E.RenewalNotAllowed(left, p.renewal_window_days)
        if not verify_possession(old, "renew", signature, bytes(csr_der)):
            self.store.record("renew", "no_possession", customer_id=row["customer_id"], serial=row["serial"])
            raise E.PossessionFailed()
        public_key = load_csr(csr_der, r)
        name = self.store.one("SELECT name FROM customers WHERE id = ?", (row["customer_id"],))["name"]
        fee = p.fee if row["account_id"] is not None else 0
        if fee:
            self._check_balance(row["account_id"], fee)
        # The renewed certificate keeps its subject (and so its NPKI folder name): it takes the old
        # one's place, as the banks' renewal does.
        cert = self.ca.sign_user(public_key=public_key, name=name, idn=self.identity.customer_rrn(row["customer_id"]),
                                 r=r, policy_oid=p.policy_oid, start=kst_today(now), years=p.validity_years,
                                 subject=old.subject)
        with self.store.transaction() as conn:
            self._insert(conn, cert, customer_id=row["customer_id"], account_id=row["account_id"], product_id=p.id,
                         status="pending", operation=RENEW, fee=fee, replaces=row["serial"], request_id=request_id)
            self.store.audit(conn, RENEW, "pending", customer_id=row["customer_id"],
                             serial=serial_key(cert.serial_number), replaces=row["serial"])
        return self.issued(self.row(cert.serial_number))

    def issue_now(self, conn, *, customer_id: int, account_id: int | None, product_id: str, public_key, r: bytes,
                  start: dt.date) -> x509.Certificate:
        """Back office (demo seeding): sign and record an active certificate inside `conn`'s transaction."""
        p = product(product_id)
        name = conn.execute("SELECT name FROM customers WHERE id = ?", (customer_id,)).fetchone()["name"]
        cert = self.ca.sign_user(public_key=public_key, name=name, idn=self.identity.customer_rrn(customer_id), r=r,
                                 policy_oid=p.policy_oid, start=start, years=p.validity_years)
        self._insert(conn, cert, customer_id=customer_id, account_id=account_id, product_id=p.id, status="active",
                     operation=DEMO, fee=0)
        return cert

    def _insert(self, conn, cert: x509.Certificate, *, customer_id: int, account_id: int | None, product_id: str,
                status: str, operation: str, fee: int, replaces: str | None = None,
                request_id: str | None = None) -> None:
        now = iso(self.store.now())
        conn.execute(
            "INSERT INTO certificates(serial, customer_id, account_id, cert_type, status, operation, not_before, "
            "not_after, subject, cert_der, fee, replaces, created_at, activated_at, request_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (serial_key(cert.serial_number), customer_id, account_id, product_id, status, operation,
             iso(cert.not_valid_before_utc), iso(cert.not_valid_after_utc), safe_folder_name(cert.subject),
             cert.public_bytes(serialization.Encoding.DER), fee, replaces, now,
             now if status == "active" else None, request_id))

    def _check_balance(self, account_id: int, fee: int) -> None:
        if fee:
            bal = self.store.one("SELECT balance FROM accounts WHERE id = ?", (account_id,))["balance"]
            if bal < fee:
                raise E.InsufficientBalance(fee, bal)

    # --- phase 2: confirm or cancel ---------------------------------------------------------------------
    def confirm(self, serial: int) -> IssuedCert:
        """The client saved the key and certificate: in one transaction, re-check, take the fee,
        retire what it replaces, activate. Refused (and cancelled) when a parallel issuance of the
        same kind for the same customer won."""
        key = serial_key(serial)
        refusal = None
        with self.store.transaction() as conn:
            row = conn.execute("SELECT * FROM certificates WHERE serial = ?", (key,)).fetchone()
            if row is None:
                refusal = E.CertificateUnknown()
            elif row["status"] == "active":
                pass
            elif row["status"] != "pending":
                refusal = E.NotActive(row["status"])
            else:
                refusal = self._activate(conn, row)
        if refusal is not None:
            raise refusal
        return self.issued(self.row(serial))

    def _activate(self, conn, row) -> E.AuthorityError | None:
        now = iso(self.store.now())
        key = row["serial"]
        if row["operation"] == ISSUE and [r for r in self.active_of(row["customer_id"], row["cert_type"], conn)
                                           if r["serial"] != key]:
            self._end(conn, key, "cancelled", "cessation_of_operation", f"{ISSUE}.confirm", row["customer_id"],
                      outcome="already_issued")
            return E.AlreadyIssued()
        if row["fee"]:
            bal = conn.execute("SELECT balance FROM accounts WHERE id = ?", (row["account_id"],)).fetchone()[0]
            if bal < row["fee"]:
                return E.InsufficientBalance(row["fee"], bal)
            conn.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (row["fee"], row["account_id"]))
            conn.execute("INSERT INTO ledger(account_id, amount, memo, serial, at) VALUES (?,?,?,?,?)",
                         (row["account_id"], -row["fee"], product(row["cert_type"]).fee_memo, key, now))
        retired = 0
        if row["operation"] == REISSUE:
            retired = conn.execute("UPDATE certificates SET status = 'revoked', ended_at = ?, end_reason = 'superseded' "
                                   "WHERE customer_id = ? AND cert_type = ? AND status = 'active' AND serial != ?",
                                   (now, row["customer_id"], row["cert_type"], key)).rowcount
        elif row["operation"] == RENEW and row["replaces"]:
            retired = conn.execute("UPDATE certificates SET status = 'superseded', ended_at = ?, "
                                   "end_reason = 'superseded' WHERE serial = ? AND status = 'active'",
                                   (now, row["replaces"])).rowcount
        conn.execute("UPDATE certificates SET status = 'active', activated_at = ? WHERE serial = ?", (now, key))
        self.store.audit(conn, f"{row['operation']}.confirm", "active", customer_id=row["customer_id"], serial=key,
                         fee=row["fee"])
        if retired:
            self.ca.regenerate_crl(conn)
        return None

    def _end(self, conn, key: str, status: str, reason: str, action: str, customer_id: int, outcome: str) -> None:
        conn.execute("UPDATE certificates SET status = ?, ended_at = ?, end_reason = ? WHERE serial = ?",
                     (status, iso(self.store.now()), reason, key))
        self.store.audit(conn, action, outcome, customer_id=customer_id, serial=key)
        self.ca.regenerate_crl(conn)

    def cancel(self, serial: int) -> None:
        """The client could not save the certificate: it never becomes active (and is listed in the CRL)."""
        refusal = None
        with self.store.transaction() as conn:
            row = conn.execute("SELECT * FROM certificates WHERE serial = ?", (serial_key(serial),)).fetchone()
            if row is None:
                refusal = E.CertificateUnknown()
            elif row["status"] == "pending":
                self._end(conn, row["serial"], "cancelled", "cessation_of_operation", f"{row['operation']}.cancel",
                          row["customer_id"], outcome="cancelled")
            elif row["status"] != "cancelled":
                refusal = E.NotActive(row["status"])
        if refusal is not None:
            raise refusal

    def cancel_request(self, request_id: str) -> int:
        """Cancel whatever is still pending for a client's request (crash recovery); how many."""
        with self.store.transaction() as conn:
            rows = conn.execute("SELECT serial, operation, customer_id FROM certificates WHERE request_id = ? "
                                "AND status = 'pending'", (request_id,)).fetchall()
            for row in rows:
                self._end(conn, row["serial"], "cancelled", "cessation_of_operation", f"{row['operation']}.cancel",
                          row["customer_id"], outcome="recovered")
        return len(rows)

    def request_status(self, request_id: str) -> list[tuple[int, str]]:
        """(serial, status) of what the bank holds for a client's request id."""
        return [(int(r["serial"], 16), r["status"]) for r in self.store.all(
            "SELECT serial, status FROM certificates WHERE request_id = ?", (request_id,))]

    def sweep_pending(self) -> None:
        """Pending certificates older than `pending_ttl` are cancelled (a client that never came back)."""
        limit = iso(self.store.now() - dt.timedelta(seconds=self.config.pending_ttl))
        for r in self.store.all("SELECT serial FROM certificates WHERE status = 'pending' AND created_at < ?", (limit,)):
            self.cancel(int(r["serial"], 16))

    # --- revoke ----------------------------------------------------------------------------------------
    def revoke(self, cert_der: bytes, *, signature: bytes | None = None, session: Session | str | None = None,
               reason: str = "unspecified") -> None:
        """Revoke on request: authorised by possession (sign_possession(key, "revoke", cert_der)) or by
        an identity session of the certificate's owner. The CRL is regenerated."""
        cert, row = self.own(cert_der)
        if reason not in REASONS:
            raise E.InvalidInput()
        if session is not None:
            if self.identity.session(session).customer_id != row["customer_id"]:
                raise E.NotOwner()
        elif signature is None or not verify_possession(cert, "revoke", signature):
            self.store.record("revoke", "no_possession", customer_id=row["customer_id"], serial=row["serial"])
            raise E.PossessionFailed()
        self.revoke_serial(row["serial"], reason, "revoke")

    def revoke_serial(self, key: str, reason: str, action: str) -> None:
        """Revoke an active certificate by its hex serial (the teller identified the customer)."""
        if reason not in REASONS:
            raise E.InvalidInput()
        refusal = None
        with self.store.transaction() as conn:
            row = conn.execute("SELECT serial, customer_id, status FROM certificates WHERE serial = ?", (key,)).fetchone()
            if row is None:
                refusal = E.CertificateUnknown()
            elif row["status"] != "active":
                refusal = E.NotActive(row["status"])
            else:
                self._end(conn, key, "revoked", reason, action, row["customer_id"], outcome="revoked")
        if refusal is not None:
            raise refusal

    # --- register another institution's certificate -----------------------------------------------------
    def register(self, session: Session | str, cert_der: bytes, r: bytes) -> RegisteredCert:
        """타기관 인증서 등록: after the identity steps, the certificate's VID must match the customer's
        RRN with R (which the client took from the decrypted key)."""
        s = self.identity.session(session)
        self.identity.require_complete(s)
        try:
            cert = x509.load_der_x509_certificate(bytes(cert_der))
        except (ValueError, TypeError) as exc:
            raise E.BadRequest() from exc
        if self.store.now() > cert.not_valid_after_utc:
            raise E.NotActive("expired")
        if not isinstance(r, (bytes, bytearray)) or not r:
            raise E.BadRequest()
        if not verify_vid(cert, bytes(r), self.identity.customer_rrn(s.customer_id)):
            self.store.record("register", "vid_mismatch", customer_id=s.customer_id, session_id=s.id)
            raise E.VidMismatch()
        issuer = cert.issuer.rfc4514_string()
        key = serial_key(cert.serial_number)
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO registered_certs(customer_id, issuer, serial, subject, not_after, cert_der, "
                         "registered_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(customer_id, issuer, serial) DO UPDATE "
                         "SET registered_at = excluded.registered_at",
                         (s.customer_id, issuer, key, safe_folder_name(cert.subject),
                          iso(cert.not_valid_after_utc), bytes(cert_der), iso(self.store.now())))
            self.store.audit(conn, "register", "ok", customer_id=s.customer_id, session_id=s.id, serial=key,
                             issuer=issuer)
        return RegisteredCert(issuer, cert.serial_number, safe_folder_name(cert.subject), cert.not_valid_after_utc)

    def registered(self, session: Session | str) -> list[RegisteredCert]:
        s = self.identity.session(session)
        return [RegisteredCert(r["issuer"], int(r["serial"], 16), r["subject"], parse_time(r["not_after"]))
                for r in self.store.all("SELECT * FROM registered_certs WHERE customer_id = ? ORDER BY id",
                                        (s.customer_id,))]
