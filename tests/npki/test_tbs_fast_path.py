"""The DER fast path of the listed fields (core/npki/tbs.py) gives what cryptography gives."""
from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from core.npki import certificate, tbs
from core.npki.certificate import CertInfo
from tests import factory


def _both(der: bytes) -> tuple[CertInfo, CertInfo]:
    fast = certificate.parse_certificate(der)
    slow = certificate.parse_certificate(der)
    slow.__dict__["_fields"] = None          # force the cryptography path
    return fast, slow


FIELDS = ("cn", "subject", "issuer_o", "issuer_cn", "subject_o", "policy_oids", "has_identify_data",
          "display_name", "key_algorithm", "key_size")


@pytest.mark.parametrize("org", ["yessign", "KICA", "CrossCert", "Dojang"])
@pytest.mark.parametrize("usage", ["banking", "general"])
def test_npki_certificates_read_alike(tmp_path, org, usage):
    m = factory.make_cert(factory.user_dir(tmp_path / "NPKI", org), org=org, usage=usage)
    fast, slow = _both(m.sign_cert)
    assert fast._fields is not None
    for name in FIELDS:
        assert getattr(fast, name) == getattr(slow, name), name


def _custom(subject: x509.Name, issuer: x509.Name, extensions=(), public_key=None) -> bytes:
    key = factory._cached_key(0)
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
         .public_key(public_key or key.public_key())
         .serial_number(7).not_valid_before(dt.datetime(2025, 1, 1)).not_valid_after(dt.datetime(2027, 1, 1)))
    for ext in extensions:
        b = b.add_extension(ext, critical=False)
    from cryptography.hazmat.primitives.serialization import Encoding
    return b.sign(key, hashes.SHA256()).public_bytes(Encoding.DER)


def test_string_types_and_unusual_names_read_alike():
    from cryptography.x509.name import _ASN1Type
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KR", _ASN1Type.PrintableString),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "은행", _ASN1Type.BMPString),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "ou.one", _ASN1Type.IA5String),
        x509.NameAttribute(NameOID.LOCALITY_NAME, "서울"),
        x509.NameAttribute(x509.ObjectIdentifier("1.2.3.4"), "other"),
        x509.NameAttribute(NameOID.COMMON_NAME, "홍길동()0001"),
    ])
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA"),
                        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Org")])
    san = x509.SubjectAlternativeName([x509.OtherName(x509.ObjectIdentifier("1.2.410.200004.10.1.1"), b"\x30\x00")])
    pol = x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier("1.2.410.200005.1.1.4"), None),
                                    x509.PolicyInformation(x509.ObjectIdentifier("1.2.3.9"), ["cps"])])
    fast, slow = _both(_custom(subject, issuer, [san, pol]))
    assert fast._fields is not None
    for name in FIELDS:
        assert getattr(fast, name) == getattr(slow, name), name
    assert fast.has_identify_data and fast.policy_oids == ("1.2.410.200005.1.1.4", "1.2.3.9")


def _key_of(kind: str):
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    if kind.startswith("rsa"):
        bits, exponent = (int(x) for x in kind[3:].split("/"))
        return rsa.generate_private_key(exponent, bits).public_key()
    return ec.generate_private_key(ec.SECP256R1()).public_key() if kind == "ec" else \
        ed25519.Ed25519PrivateKey.generate().public_key()


@pytest.mark.parametrize("kind", ["rsa1024/65537", "rsa2048/3", "rsa2047/65537", "rsa3072/65537", "ec", "ed25519"])
def test_key_description_read_from_the_der_agrees(kind):
    """RSA keys of old CAs (1024), odd sizes and exponents are read from the DER; other keys are left
    to cryptography. Either way the listing shows what cryptography says."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "k")])
    fast, slow = _both(_custom(name, name, public_key=_key_of(kind)))
    assert (fast._fields.rsa_bits is not None) == kind.startswith("rsa")
    assert (fast.key_algorithm, fast.key_size) == (slow.key_algorithm, slow.key_size)
    if kind.startswith("rsa"):
        assert fast.key_size == int(kind[3:].split("/")[0])


def test_multi_valued_rdn_falls_back():
    subject = x509.Name([x509.RelativeDistinguishedName([
        x509.NameAttribute(NameOID.COMMON_NAME, "a"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "b")])])
    der = _custom(subject, subject)
    assert tbs.read_fields(der) is None
    assert certificate.parse_certificate(der).cn == "a"


def test_truncated_or_garbage_falls_back():
    assert tbs.read_fields(b"") is None and tbs.read_fields(b"\x30\x03\x30\x01\x00") is None


@pytest.fixture(scope="module")
def npki_der(tmp_path_factory):
    return factory.make_cert(factory.user_dir(tmp_path_factory.mktemp("t") / "NPKI")).sign_cert


from hypothesis import given, settings, strategies as st  # noqa: E402


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_mutated_certificates_never_raise_and_agree_when_parsed(npki_der, data):
    """Flip bytes anywhere: the fast path returns None or fields; when cryptography still parses the
    result and the fast path answered, both agree on the names."""
    der = bytearray(npki_der)
    for _ in range(data.draw(st.integers(1, 4))):
        der[data.draw(st.integers(0, len(der) - 1))] = data.draw(st.integers(0, 255))
    der = bytes(der)
    fields = tbs.read_fields(der)            # must not raise
    try:
        cert = x509.load_der_x509_certificate(der)
        slow_cn = [a.value for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    except Exception:  # noqa: BLE001 - cryptography refuses it: nothing to compare
        return
    if fields is not None:
        fast_cn = [v for oid, v in fields.subject if oid == tbs._CN]
        assert fast_cn == [v if isinstance(v, str) else v.hex() for v in slow_cn]
        if fields.rsa_bits is not None:        # a key the DER read accepts: cryptography agrees
            try:
                size = cert.public_key().key_size
            except Exception:  # noqa: BLE001 - the byte flip broke the key for cryptography only
                return
            assert fields.rsa_bits == size


_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xD7FF, blacklist_categories=("Cs",)),
                min_size=1, max_size=40)
_PRINTABLE = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?"),
                     min_size=1, max_size=30)
_OIDS = [NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.COUNTRY_NAME,
         NameOID.LOCALITY_NAME, NameOID.SERIAL_NUMBER, x509.ObjectIdentifier("1.2.410.200004.99.1")]


@st.composite
def _names(draw):
    from cryptography.x509.name import _ASN1Type
    attrs = []
    for _ in range(draw(st.integers(1, 6))):
        oid = draw(st.sampled_from(_OIDS))
        kind = draw(st.sampled_from(["utf8", "printable", "bmp", "ia5"]))
        if oid == NameOID.COUNTRY_NAME:
            attrs.append(x509.NameAttribute(oid, draw(st.sampled_from(["KR", "kr", "US"])), _ASN1Type.PrintableString))
        elif kind == "printable" or oid == NameOID.SERIAL_NUMBER:
            attrs.append(x509.NameAttribute(oid, draw(_PRINTABLE), _ASN1Type.PrintableString))
        elif kind == "ia5":
            attrs.append(x509.NameAttribute(oid, draw(_PRINTABLE), _ASN1Type.IA5String))
        elif kind == "bmp":
            attrs.append(x509.NameAttribute(oid, draw(_TEXT), _ASN1Type.BMPString))
        else:
            attrs.append(x509.NameAttribute(oid, draw(_TEXT)))
    return x509.Name(attrs)


@given(subject=_names(), issuer=_names(), data=st.data())
@settings(max_examples=120, deadline=None)
def test_generated_certificates_read_alike(subject, issuer, data):
    """Random names (string types, repeated and unknown attributes), policies and SubjectAltNames:
    whenever the fast path answers, every listed field equals cryptography's."""
    extensions = []
    if data.draw(st.booleans()):
        arcs = data.draw(st.lists(st.integers(0, 2 ** 40), min_size=1, max_size=4))
        extensions.append(x509.CertificatePolicies([
            x509.PolicyInformation(x509.ObjectIdentifier("1.2.410." + ".".join(map(str, arcs[i:] or [1]))), None)
            for i in range(data.draw(st.integers(1, 3)))]))
    if data.draw(st.booleans()):
        names = [x509.DNSName("a.example")]
        if data.draw(st.booleans()):
            names.append(x509.OtherName(x509.ObjectIdentifier("1.2.410.200004.10.1.1"), b"\x30\x00"))
        if data.draw(st.booleans()):
            names.append(x509.OtherName(x509.ObjectIdentifier("1.2.3.4"), b"\x05\x00"))
        extensions.append(x509.SubjectAlternativeName(names))
    extensions.append(x509.BasicConstraints(ca=False, path_length=None))
    fast, slow = _both(_custom(subject, issuer, extensions))
    if fast._fields is None:
        return
    for name in FIELDS:
        assert getattr(fast, name) == getattr(slow, name), name
