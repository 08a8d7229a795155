"""The simulated CA: a root and an issuing CA (RSA-2048, SHA-256), keys sealed with the master key.

Created on first start. User certificates are signed through `core.npki.builder` with the real
personal-certificate profile and Dojang's own policy OIDs; the CRL is signed by the issuing CA.
"""
from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..npki import builder, policies

CA_ORG = "Dojang"                     # o= of user certificates, and the NPKI CA folder name
BANK_OU = "DOJANGBANK"                # ou=<bank>
ROOT_CN = "Dojang Test Root CA"
ISSUING_CN = "Dojang Test CA"
CRL_URL = "http://crl.dojang.invalid/DojangTestCA.crl"
CPS_URI = "http://www.dojang.invalid/cps.html"
CRL_VALIDITY = dt.timedelta(days=7)

POLICY_BY_TYPE = {policies.GENERAL: policies.DOJANG_GENERAL, policies.BANKING: policies.DOJANG_BANKING}


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
