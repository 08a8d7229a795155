"""`signCert.der` → a plain value object with what a user and the manager need to see."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, ed448, rsa
from cryptography.x509.oid import ExtensionOID, NameOID

from . import oids
from .foldername import folder_name_for
from .policies import Usage, usage_for
from ..errors import FileTooLarge, MalformedCertificate

KST = dt.timezone(dt.timedelta(hours=9), "KST")
MAX_CERT_FILE = 64 * 1024

# yessign "홍길동()0088…", "홍길동(HONG GIL DONG)0088…"; SignKorea "홍길동-0001…", "홍길동_0000…"
_CN_SUFFIX = re.compile(r"(\([^()]*\)[0-9]*|[-_][0-9]+)$")


def display_name(cn: str) -> str:
    """The person's (or company's) name without the digits real CAs append to the CN."""
    stripped = _CN_SUFFIX.sub("", cn).strip()
    return stripped or cn


def _attr(name: x509.Name, oid) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    v = values[0].value
    return v if isinstance(v, str) else v.hex()


@dataclass(frozen=True)
class ExtensionInfo:
    oid: str
    name: str
    critical: bool
    value: str


@dataclass(frozen=True)
class CertInfo:
    der: bytes = field(repr=False)
    cn: str
    display_name: str
    subject: str                 # folder-style: cn=…,ou=…,o=…,c=…
    subject_rfc4514: str
    issuer_o: str | None
    issuer_cn: str | None
    subject_o: str | None
    serial: int
    not_before: dt.datetime      # KST
    not_after: dt.datetime       # KST
    usage: Usage
    policy_oids: tuple[str, ...]
    key_algorithm: str
    key_size: int | None
    signature_algorithm: str
    sha256_fingerprint: str      # upper-case hex, colon-free
    has_identify_data: bool
    version: int

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x").upper().rjust(2, "0")

    @property
    def fingerprint_display(self) -> str:
        f = self.sha256_fingerprint
        return ":".join(f[i:i + 2] for i in range(0, len(f), 2))

    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.der)

    def days_left(self, now: dt.datetime) -> int:
        """Whole KST calendar days until expiry (0 on the last day, negative once expired)."""
        return (self.not_after.astimezone(KST).date() - now.astimezone(KST).date()).days

    def is_expired(self, now: dt.datetime) -> bool:
        return now >= self.not_after

    def is_not_yet_valid(self, now: dt.datetime) -> bool:
        return now < self.not_before


def _key_description(public_key) -> tuple[str, int | None]:
    if isinstance(public_key, rsa.RSAPublicKey):
        return "RSA", public_key.key_size
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return f"EC ({public_key.curve.name})", public_key.key_size
    if isinstance(public_key, dsa.DSAPublicKey):
        return "DSA", public_key.key_size
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return "Ed25519", 256
    if isinstance(public_key, ed448.Ed448PublicKey):
        return "Ed448", 456
    return type(public_key).__name__, None


def _has_identify_data(cert: x509.Certificate) -> bool:
    try:
        san = cert.extensions.get_extension_for_oid(ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value
    except x509.ExtensionNotFound:
        return False
    return any(o.type_id.dotted_string == oids.IDENTIFY_DATA for o in san.get_values_for_type(x509.OtherName))


def _policy_oids(cert: x509.Certificate) -> tuple[str, ...]:
    try:
        policies = cert.extensions.get_extension_for_oid(ExtensionOID.CERTIFICATE_POLICIES).value
    except x509.ExtensionNotFound:
        return ()
    return tuple(p.policy_identifier.dotted_string for p in policies)


def parse_certificate(der: bytes) -> CertInfo:
    """Parse DER bytes. Any problem with the bytes is MalformedCertificate, nothing else."""
    if len(der) > MAX_CERT_FILE:
        raise FileTooLarge("signCert.der", len(der), MAX_CERT_FILE)
    try:
        der = bytes(der)
        cert = x509.load_der_x509_certificate(der)
        cn = _attr(cert.subject, NameOID.COMMON_NAME) or ""
        policies = _policy_oids(cert)
        key_alg, key_size = _key_description(cert.public_key())
        sig_oid = cert.signature_algorithm_oid
        return CertInfo(
            der=der, cn=cn, display_name=display_name(cn),
            subject=folder_name_for(cert.subject), subject_rfc4514=cert.subject.rfc4514_string(),
            issuer_o=_attr(cert.issuer, NameOID.ORGANIZATION_NAME),
            issuer_cn=_attr(cert.issuer, NameOID.COMMON_NAME),
            subject_o=_attr(cert.subject, NameOID.ORGANIZATION_NAME),
            serial=cert.serial_number,
            not_before=cert.not_valid_before_utc.astimezone(KST),
            not_after=cert.not_valid_after_utc.astimezone(KST),
            usage=usage_for(list(policies)), policy_oids=policies,
            key_algorithm=key_alg, key_size=key_size,
            signature_algorithm=getattr(sig_oid, "_name", None) or sig_oid.dotted_string,
            sha256_fingerprint=hashlib.sha256(der).hexdigest().upper(),
            has_identify_data=_has_identify_data(cert),
            version=cert.version.value + 1,
        )
    except FileTooLarge:
        raise
    except Exception as exc:  # hostile bytes: cryptography raises ValueError and friends lazily
        raise MalformedCertificate() from exc


def describe_extensions(info: CertInfo) -> list[ExtensionInfo]:
    """A readable list of the certificate's extensions for the details view."""
    cert = info.certificate()
    out = []
    try:
        extensions = list(cert.extensions)
    except Exception:  # noqa: BLE001 - a malformed extension is reported, not raised
        return [ExtensionInfo("?", "?", False, "확장 필드를 읽을 수 없습니다 / unreadable extensions")]
    for ext in extensions:
        name = getattr(ext.oid, "_name", ext.oid.dotted_string)
        value = ext.value
        if isinstance(value, x509.KeyUsage):
            flags = [f for f in ("digital_signature", "content_commitment", "key_encipherment",
                                 "data_encipherment", "key_agreement", "key_cert_sign", "crl_sign")
                     if getattr(value, f)]
            text = ", ".join(flags)
        elif isinstance(value, x509.CertificatePolicies):
            text = "; ".join(p.policy_identifier.dotted_string for p in value)
        elif isinstance(value, x509.SubjectAlternativeName):
            parts = []
            for gn in value:
                if isinstance(gn, x509.OtherName):
                    label = "identifyData (VID)" if gn.type_id.dotted_string == oids.IDENTIFY_DATA \
                        else gn.type_id.dotted_string
                    parts.append(f"otherName: {label}")
                else:
                    parts.append(f"{type(gn).__name__}: {gn.value}")
            text = "; ".join(parts)
        elif isinstance(value, (x509.SubjectKeyIdentifier,)):
            text = value.digest.hex().upper()
        elif isinstance(value, x509.AuthorityKeyIdentifier):
            text = (value.key_identifier or b"").hex().upper()
        elif isinstance(value, x509.CRLDistributionPoints):
            text = "; ".join(str(n.value) for dp in value for n in (dp.full_name or []))
        elif isinstance(value, x509.BasicConstraints):
            text = f"CA={value.ca}, pathlen={value.path_length}"
        else:
            text = str(value)
        out.append(ExtensionInfo(ext.oid.dotted_string, name, ext.critical, text))
    return out
