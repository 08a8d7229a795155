"""`signCert.der` → a plain value object with what a user and the manager need to see."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, ed448, rsa
from cryptography.x509.oid import ExtensionOID, NameOID

from . import oids, tbs
from .der import split_element
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


class cached_property:  # noqa: N801 - used like functools.cached_property
    """Computed on first access and stored in the instance (then a plain attribute lookup).
    Unlike functools.cached_property in Python 3.11 it takes no lock: a listing reads a dozen fields
    of each of thousands of certificates, and two threads computing the same value is harmless."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


def _lazy(fallback):
    """A cached property computed on first use; hostile content gives `fallback`, never an exception.

    `load_der_x509_certificate` validates the certificate's structure up front; turning names and
    extension values into Python objects is the expensive part, so it is done only when asked
    for (a list of 2,000 certificates paints long before every field of every one is needed)."""
    def wrap(fn):
        def getter(self):
            try:
                return fn(self)
            except Exception:  # noqa: BLE001 - malformed names/extensions in a hostile file
                return fallback() if callable(fallback) else fallback
        getter.__name__ = fn.__name__
        getter.__doc__ = fn.__doc__
        return cached_property(getter)
    return wrap


_usages: dict[tuple[str, ...], Usage] = {}


class CertInfo:
    """What Dojang shows about a certificate; every field is computed on first access (cached)."""

    def __init__(self, der: bytes, cert: x509.Certificate, trailing: int = 0):
        self.der = der
        self._cert = cert
        # bytes after the DER in the file (some vendors write them; docs/npki-codec.md)
        self.trailing_bytes = trailing

    # Computed on first use: a scan of thousands of folders needs none of them until it is shown.
    @cached_property
    def not_before(self) -> dt.datetime:
        return self._cert.not_valid_before_utc.astimezone(KST)

    @cached_property
    def not_after(self) -> dt.datetime:
        return self._cert.not_valid_after_utc.astimezone(KST)

    @cached_property
    def sha256_fingerprint(self) -> str:
        return hashlib.sha256(self.der).hexdigest().upper()

    def __repr__(self) -> str:
        return f"CertInfo(cn={self.cn!r}, not_after={self.not_after:%Y-%m-%d}, sha256={self.sha256_fingerprint[:16]}…)"

    def __eq__(self, other) -> bool:
        return isinstance(other, CertInfo) and other.der == self.der

    def __hash__(self) -> int:
        return hash(self.sha256_fingerprint)

    @cached_property
    def _fields(self) -> tbs.Fields | None:
        """The listed fields read straight from the DER; None: use cryptography (core/npki/tbs.py)."""
        return tbs.read_fields(self.der)

    @_lazy("")
    def cn(self) -> str:
        if self._fields is not None:
            return self._fields.first("subject", tbs._CN) or ""
        return _attr(self._cert.subject, NameOID.COMMON_NAME) or ""

    @cached_property
    def display_name(self) -> str:
        return display_name(self.cn)

    @_lazy("")
    def subject(self) -> str:
        """Folder-style subject: cn=…,ou=…,o=…,c=…"""
        if self._fields is not None:
            return self._fields.folder_name()
        return folder_name_for(self._cert.subject)

    @_lazy("")
    def subject_rfc4514(self) -> str:
        return self._cert.subject.rfc4514_string()

    @_lazy(None)
    def issuer_o(self) -> str | None:
        if self._fields is not None:
            return self._fields.first("issuer", tbs._O)
        return _attr(self._cert.issuer, NameOID.ORGANIZATION_NAME)

    @_lazy(None)
    def issuer_cn(self) -> str | None:
        if self._fields is not None:
            return self._fields.first("issuer", tbs._CN)
        return _attr(self._cert.issuer, NameOID.COMMON_NAME)

    @_lazy(None)
    def subject_o(self) -> str | None:
        if self._fields is not None:
            return self._fields.first("subject", tbs._O)
        return _attr(self._cert.subject, NameOID.ORGANIZATION_NAME)

    @_lazy(0)
    def serial(self) -> int:
        return self._cert.serial_number

    @_lazy(())
    def policy_oids(self) -> tuple[str, ...]:
        if self._fields is not None:
            return self._fields.policies
        return _policy_oids(self._cert)

    @cached_property
    def usage(self) -> Usage:
        # Usage is frozen, and a listing meets the same few policy lists thousands of times
        oids_ = self.policy_oids
        usage = _usages.get(oids_)
        if usage is None:
            usage = usage_for(list(oids_))
            if len(_usages) < 256:
                _usages[oids_] = usage
        return usage

    @_lazy(("?", None))
    def _key(self) -> tuple[str, int | None]:
        fields = self._fields
        if fields is not None and fields.rsa_bits:     # read from the DER: no key object built
            return "RSA", fields.rsa_bits
        return _key_description(self._cert.public_key())

    @property
    def key_algorithm(self) -> str:
        return self._key[0]

    @property
    def key_size(self) -> int | None:
        return self._key[1]

    @_lazy("?")
    def signature_algorithm(self) -> str:
        sig_oid = self._cert.signature_algorithm_oid
        return getattr(sig_oid, "_name", None) or sig_oid.dotted_string

    @_lazy(False)
    def has_identify_data(self) -> bool:
        if self._fields is not None:
            return self._fields.identify_data
        return _has_identify_data(self._cert)

    @_lazy(3)
    def version(self) -> int:
        return self._cert.version.value + 1

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "X").rjust(2, "0")

    @property
    def fingerprint_display(self) -> str:
        f = self.sha256_fingerprint
        return ":".join(f[i:i + 2] for i in range(0, len(f), 2))

    def certificate(self) -> x509.Certificate:
        return self._cert

    def days_left(self, now: dt.datetime) -> int:
        """Whole KST calendar days until expiry (0 on the last day, negative once expired)."""
        return (self.not_after.date() - now.astimezone(KST).date()).days

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


_load = x509.load_der_x509_certificate


def parse_certificate(der: bytes) -> CertInfo:
    """Parse DER bytes. Any problem with the bytes is MalformedCertificate, nothing else."""
    n = len(der)
    # the common shape, 30 82 LL LL filling the whole file, without der.split_element's walk
    if 4 < n <= MAX_CERT_FILE and der[0] == 0x30 and der[1] == 0x82 and \
            4 + ((der[2] << 8) | der[3]) == n and type(der) is bytes:
        try:
            return CertInfo(der, _load(der), 0)
        except Exception as exc:  # hostile bytes: cryptography raises ValueError and friends
            raise MalformedCertificate() from exc
    if n > MAX_CERT_FILE:
        raise FileTooLarge("signCert.der", len(der), MAX_CERT_FILE)
    try:
        element, trailing = split_element(bytes(der))
        return CertInfo(element, x509.load_der_x509_certificate(element), trailing)
    except Exception as exc:  # hostile bytes: cryptography raises ValueError and friends
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
