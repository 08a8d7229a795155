"""Build certificates with the real Korean personal-certificate profile (docs/npki-format.md "The certificate profile").

Used by the simulated authority to issue, and by tests and benchmarks to make realistic files.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID, ObjectIdentifier

from . import keyfile, oids
from .certificate import KST
from .vid import compute_vid, identify_data_value

TEST_NOTICE = "이 인증서는 시험용 인증서입니다 (Dojang test certificate)"


def kst_day_bounds(start: dt.date, years: int = 1) -> tuple[dt.datetime, dt.datetime]:
    """notBefore 00:00:00 KST on `start`; notAfter 23:59:59 KST on the same date `years` later."""
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    nb = dt.datetime.combine(start, dt.time(0, 0, 0), KST)
    na = dt.datetime.combine(end, dt.time(23, 59, 59), KST)
    return nb, na


def personal_subject(name: str, cn_suffix: str, bank_ou: str, ca_o: str, country: str = "kr") -> x509.Name:
    """`cn=<name>()<digits>,ou=<bank>,ou=personal4IB,o=<CA>,c=kr` (listed here in DER order)."""
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, ca_o),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "personal4IB"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, bank_ou),
        x509.NameAttribute(NameOID.COMMON_NAME, f"{name}(){cn_suffix}"),
    ])


@dataclass(frozen=True)
class Issuer:
    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    crl_url: str | None = None
    ocsp_url: str | None = None
    cps_uri: str | None = None


def build_user_certificate(*, issuer: Issuer, public_key, subject: x509.Name, real_name: str,
                           idn: str, r: bytes, policy_oid: str, serial: int | None = None,
                           start: dt.date | None = None, years: int = 1,
                           notice: str | None = TEST_NOTICE) -> x509.Certificate:
    """Sign a personal certificate with KeyUsage, policies, identifyData (VID), AKI/SKI, CRL DP."""
    start = start or dt.datetime.now(KST).date()
    not_before, not_after = kst_day_bounds(start, years)
    qualifiers: list = []
    if issuer.cps_uri:
        qualifiers.append(issuer.cps_uri)
    if notice:
        qualifiers.append(x509.UserNotice(None, notice))
    vid = compute_vid(idn, r, "sha256")
    san = x509.SubjectAlternativeName([
        x509.OtherName(ObjectIdentifier(oids.IDENTIFY_DATA), identify_data_value(real_name, vid, "sha256")),
    ])
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.certificate.subject)
        .public_key(public_key)
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.private_key.public_key()), False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), True)
        .add_extension(x509.CertificatePolicies([
            x509.PolicyInformation(ObjectIdentifier(policy_oid), qualifiers or None)]), True)
        .add_extension(san, False)
    )
    if issuer.crl_url:
        builder = builder.add_extension(x509.CRLDistributionPoints([
            x509.DistributionPoint([x509.UniformResourceIdentifier(issuer.crl_url)], None, None, None)]), False)
    if issuer.ocsp_url:
        builder = builder.add_extension(x509.AuthorityInformationAccess([
            x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP,
                                   x509.UniformResourceIdentifier(issuer.ocsp_url))]), False)
    return builder.sign(issuer.private_key, hashes.SHA256())


def build_ca(common_name: str, organization: str, *, parent: Issuer | None = None,
             key: rsa.RSAPrivateKey | None = None, years: int = 20, start: dt.date | None = None,
             path_length: int | None = None) -> Issuer:
    """A root (parent=None) or intermediate CA certificate, RSA-2048 / SHA-256."""
    key = key or rsa.generate_private_key(65537, 2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "KR"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    not_before, not_after = kst_day_bounds(start or dt.datetime.now(KST).date(), years)
    signer_key = parent.private_key if parent else key
    builder = (
        x509.CertificateBuilder().subject_name(name)
        .issuer_name(parent.certificate.subject if parent else name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()), False)
    )
    return Issuer(builder.sign(signer_key, hashes.SHA256()), key)


def new_random_num() -> bytes:
    """R: 20 random bytes, the randomNum attribute of a new private key."""
    return os.urandom(20)


@dataclass(frozen=True)
class IssuedFiles:
    """The two files of a new certificate folder plus the folder name (no plaintext key kept)."""
    folder_name: str
    sign_cert: bytes
    sign_key: bytes


def make_cert_files(*, issuer: Issuer, name: str, idn: str, password, policy_oid: str,
                    bank_ou: str = "DOJANG", ca_o: str | None = None, cn_suffix: str | None = None,
                    start: dt.date | None = None, private_key: rsa.RSAPrivateKey | None = None,
                    variant: str = "A", iterations: int = keyfile.DEFAULT_ITERATIONS) -> IssuedFiles:
    """Generate a key (unless given), sign a certificate and encrypt the key: ready-to-save files."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from .foldername import safe_folder_name

    key = private_key or rsa.generate_private_key(65537, 2048)
    r = new_random_num()
    ca_o = ca_o or issuer.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    suffix = cn_suffix or "".join(str(b % 10) for b in os.urandom(22))
    subject = personal_subject(name, suffix, bank_ou, ca_o)
    cert = build_user_certificate(issuer=issuer, public_key=key.public_key(), subject=subject,
                                  real_name=name, idn=idn, r=r, policy_oid=policy_oid, start=start)
    plain = keyfile.build_private_key_info(key, r)
    enc = keyfile.encrypt_key(plain, password, variant, iterations=iterations)
    return IssuedFiles(safe_folder_name(subject), cert.public_bytes(Encoding.DER), enc)
