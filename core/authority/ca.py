"""The simulated CA: a root and an issuing CA (RSA-2048, SHA-256), keys sealed with the master key.

Created on first start in one transaction. User certificates are signed through
`core.npki.builder` with the real personal-certificate profile and the product's policy OID; the CRL
is signed by the issuing CA and rebuilt inside the transaction that revokes.
"""
from __future__ import annotations

import datetime as dt
import secrets

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..npki import builder
from .timeutil import iso, kst_today, parse_time

from .status import CA_ORG  # noqa: E402  (one name, also read by listings without the CA)
BANK_OU = "DOJANGBANK"                # ou=<bank>
ROOT_CN = "Dojang Test Root CA"
ISSUING_CN = "Dojang Test CA"
CRL_URL = "http://crl.dojang.invalid/DojangTestCA.crl"
CPS_URI = "http://www.dojang.invalid/cps.html"
CRL_VALIDITY = dt.timedelta(days=7)
REASONS = ("unspecified", "key_compromise", "affiliation_changed", "superseded", "cessation_of_operation")


def default_key_factory() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 2048)


def key_to_der(key) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def create_hierarchy(key_factory, today: dt.date) -> tuple[builder.Issuer, builder.Issuer]:
    root = builder.build_ca(ROOT_CN, CA_ORG, key=key_factory(), years=20, start=today)
    issuing = builder.build_ca(ISSUING_CN, CA_ORG, parent=root, key=key_factory(), years=10, start=today,
                               path_length=0)
    return root, issuing


def issuer_for_signing(issuing: builder.Issuer) -> builder.Issuer:
    return builder.Issuer(issuing.certificate, issuing.private_key, crl_url=CRL_URL, cps_uri=CPS_URI)


def build_crl(issuing: builder.Issuer, entries: list[tuple[int, dt.datetime, str]], number: int,
              now: dt.datetime) -> bytes:
    """entries: (serial, revocation time, reason name of x509.ReasonFlags)."""
    b = (x509.CertificateRevocationListBuilder()
         .issuer_name(issuing.certificate.subject)
         .last_update(now)
         .next_update(now + CRL_VALIDITY)
         .add_extension(x509.CRLNumber(number), False)
         .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuing.private_key.public_key()), False))
    for serial, when, reason in entries:
        rb = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when)
        flag = getattr(x509.ReasonFlags, reason, None)
        if flag is not None and flag != x509.ReasonFlags.unspecified:
            rb = rb.add_extension(x509.CRLReason(flag), False)
        b = b.add_revoked_certificate(rb.build())
    return b.sign(issuing.private_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


class CertificateAuthority:
    """The CA service over the bank's store: keys, signing, the CRL, the chain."""

    def __init__(self, store, key_factory):
        self.store = store
        self.key_factory = key_factory
        self._issuing: builder.Issuer | None = None

    def ensure(self) -> None:
        """First start (the caller holds the bank's open lock): root and issuing CA, one transaction."""
        if self.store.one("SELECT 1 FROM ca WHERE role = 'issuing'"):
            return
        root, issuing = create_hierarchy(self.key_factory, kst_today(self.store.now()))
        with self.store.transaction() as conn:
            for role, issuer in (("root", root), ("issuing", issuing)):
                conn.execute("INSERT INTO ca(role, cert_der, key_enc) VALUES (?,?,?)", (
                    role, issuer.certificate.public_bytes(serialization.Encoding.DER),
                    self.store.seal(key_to_der(issuer.private_key), f"ca:{role}")))
            self.store.audit(conn, "ca.create", "ok", root=root.certificate.subject.rfc4514_string())
            self.regenerate_crl(conn)

    def issuer(self) -> builder.Issuer:
        if self._issuing is None:
            row = self.store.one("SELECT cert_der, key_enc FROM ca WHERE role = 'issuing'")
            key = serialization.load_der_private_key(self.store.unseal(row["key_enc"], "ca:issuing"), None)
            self._issuing = issuer_for_signing(builder.Issuer(x509.load_der_x509_certificate(row["cert_der"]), key))
        return self._issuing

    def certificates(self) -> tuple[bytes, bytes]:
        """(root DER, issuing CA DER)."""
        rows = {r["role"]: bytes(r["cert_der"]) for r in self.store.all("SELECT role, cert_der FROM ca")}
        return rows["root"], rows["issuing"]

    def chain_pem(self) -> bytes:
        """The issuing CA then the root, PEM (for `openssl verify -CAfile`)."""
        root, issuing = self.certificates()
        return b"".join(x509.load_der_x509_certificate(d).public_bytes(serialization.Encoding.PEM)
                        for d in (issuing, root))

    def crl_der(self) -> bytes:
        row = self.store.one("SELECT der FROM crl WHERE id = 1")
        return bytes(row["der"])

    def regenerate_crl(self, conn) -> None:
        """Rebuild the CRL from the certificates table, inside the caller's transaction."""
        rows = conn.execute("SELECT serial, status, ended_at, end_reason FROM certificates "
                            "WHERE status IN ('revoked', 'superseded', 'cancelled')").fetchall()
        entries = []
        for r in rows:
            reason = {"superseded": "superseded", "cancelled": "cessation_of_operation"}.get(
                r["status"], r["end_reason"] or "unspecified")
            entries.append((int(r["serial"], 16), parse_time(r["ended_at"]), reason))
        prev = conn.execute("SELECT number FROM crl WHERE id = 1").fetchone()
        number = (prev["number"] + 1) if prev else 1
        now = self.store.now()
        der = build_crl(self.issuer(), entries, number, now)
        conn.execute("INSERT INTO crl(id, number, der, at) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
                     "SET number = excluded.number, der = excluded.der, at = excluded.at", (number, der, iso(now)))

    def sign_user(self, *, public_key, name: str, idn: str, r: bytes, policy_oid: str, start: dt.date,
                  years: int, subject: x509.Name | None = None) -> x509.Certificate:
        """A personal certificate for `name` (a fresh cn=<name>()<22 digits> unless `subject` is kept)."""
        if subject is None:
            suffix = "".join(str(secrets.randbelow(10)) for _ in range(22))
            subject = builder.personal_subject(name, suffix, BANK_OU, CA_ORG)
        return builder.build_user_certificate(issuer=self.issuer(), public_key=public_key, subject=subject,
                                              real_name=name, idn=idn, r=bytes(r), policy_oid=policy_oid,
                                              start=start, years=years)
