"""Reading signCert.der and certificate folders."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from core.errors import DojangError, FileTooLarge, MalformedCertificate
from core.npki import policies
from core.npki.certfolder import BrokenFolder, CertFolder, read_cert_folder
from core.npki.certificate import KST, describe_extensions, display_name, parse_certificate
from tests import factory


@pytest.mark.parametrize("cn,name", [
    ("김혜원()008804520190315188002010", "김혜원"),
    ("홍길동(HONG GIL DONG)0088045201903", "홍길동"),
    ("김흥재_0000033643", "김흥재"),
    ("이순신-0001234", "이순신"),
    ("(주)도장상사()0012345", "(주)도장상사"),
    ("PlainName", "PlainName"),
])
def test_display_name(cn, name):
    assert display_name(cn) == name


def test_reads_a_real_profile_folder(npki_root):
    made = factory.make_cert(factory.user_dir(npki_root), start=dt.date(2026, 3, 15))
    entry = read_cert_folder(made.path)
    assert isinstance(entry, CertFolder)
    info = entry.info
    assert info.display_name == "홍길동" and info.cn.startswith("홍길동()")
    assert entry.ca_folder == "yessign" and info.issuer_o == "yessign"
    assert info.subject == made.folder_name
    assert info.not_before == dt.datetime(2026, 3, 15, 0, 0, tzinfo=KST)
    assert info.not_after == dt.datetime(2027, 3, 15, 23, 59, 59, tzinfo=KST)
    assert info.usage.kind == policies.BANKING and info.usage.label("ko") == "은행·신용카드·보험용"
    assert info.key_algorithm == "RSA" and info.key_size == 2048
    assert len(info.sha256_fingerprint) == 64 and info.has_identify_data
    assert not entry.has_km
    names = {e.name for e in describe_extensions(info)}
    assert {"keyUsage", "certificatePolicies", "subjectAltName"} <= names


def test_usage_from_policy_table():
    assert policies.usage_for(["1.2.410.200005.1.1.1"]).label("ko") == "범용"
    assert policies.usage_for(["1.2.410.200004.5.2.1.7.3"]).kind == policies.CREDIT_CARD
    unknown = policies.usage_for(["1.2.3.4"])
    assert unknown.kind == policies.UNKNOWN and "1.2.3.4" in unknown.label("en")


def test_expiry_arithmetic(npki_root):
    info = parse_certificate(factory.make_cert(factory.user_dir(npki_root), start=dt.date(2026, 1, 1)).sign_cert)
    assert info.days_left(dt.datetime(2026, 12, 2, 12, 0, tzinfo=KST)) == 30
    assert info.days_left(dt.datetime(2027, 1, 1, 23, 0, tzinfo=KST)) == 0
    assert not info.is_expired(dt.datetime(2027, 1, 1, 23, 59, 58, tzinfo=KST))
    assert info.is_expired(dt.datetime(2027, 1, 2, 0, 0, tzinfo=KST))


def test_case_insensitive_names_and_km_pair(npki_root):
    made = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    (made.path / "signCert.der").rename(made.path / "SignCert.der")
    (made.path / "signPri.key").rename(made.path / "SIGNPRI.KEY")
    (made.path / "backup.pfx").write_bytes(b"x")
    entry = read_cert_folder(made.path)
    assert isinstance(entry, CertFolder) and entry.has_km
    assert entry.extra_files == ["backup.pfx"]
    assert entry.check_password(factory.PASSWORD)


@pytest.mark.parametrize("missing,needle", [("signPri.key", "signPri.key"), ("signCert.der", "signCert.der")])
def test_half_pair_is_a_broken_entry_with_reason(npki_root, missing, needle):
    made = factory.make_cert(factory.user_dir(npki_root))
    (made.path / missing).unlink()
    entry = read_cert_folder(made.path)
    assert isinstance(entry, BrokenFolder)
    assert needle in entry.reason("en") and needle in entry.reason("ko")


def test_garbage_and_huge_certificates_are_broken(npki_root):
    made = factory.make_cert(factory.user_dir(npki_root))
    (made.path / "signCert.der").write_bytes(b"\x30\x82garbage")
    entry = read_cert_folder(made.path)
    assert isinstance(entry, BrokenFolder) and isinstance(entry.error, MalformedCertificate)
    with open(made.path / "signCert.der", "wb") as fh:
        fh.truncate(10 * 1024 * 1024)
    entry = read_cert_folder(made.path)
    assert isinstance(entry, BrokenFolder) and isinstance(entry.error, FileTooLarge)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_certificate_reader_raises_only_typed_errors(data):
    try:
        parse_certificate(data)
    except DojangError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=32), st.integers(min_value=0, max_value=1200))
def test_mutated_certificate_raises_only_typed_errors(patch, offset):
    base = _sample_cert()
    mutated = base[:offset] + patch + base[offset + len(patch):]
    try:
        info = parse_certificate(mutated)
        for attr in ("cn", "display_name", "subject", "subject_rfc4514", "issuer_o", "issuer_cn", "serial",
                     "policy_oids", "usage", "key_algorithm", "key_size", "signature_algorithm",
                     "has_identify_data", "version", "serial_hex"):
            getattr(info, attr)
        describe_extensions(info)
    except DojangError:
        pass


_SAMPLE: list[bytes] = []


def _sample_cert() -> bytes:
    if not _SAMPLE:
        files = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="홍길동", idn=factory.RRN,
                                                password=factory.PASSWORD, policy_oid="1.2.410.200005.1.1.4",
                                                private_key=factory._cached_key(0))
        _SAMPLE.append(files.sign_cert)
    return _SAMPLE[0]
