"""PKCS#12 export/import that keeps R; the OpenSSL command line is the independent oracle."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from asn1crypto import pkcs12 as a_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from hypothesis import given, settings, strategies as st

from core.errors import (DojangError, FileTooLarge, KeyMismatch, MalformedPfx, NonAsciiPassword,
                         PfxWrongPassword)
from core.npki import keyfile, pfx
from tests import factory

PW = "pfx-Pass!2026"
R = bytes(range(100, 120))

HAVE_OPENSSL = shutil.which("openssl") is not None
needs_openssl = pytest.mark.skipif(not HAVE_OPENSSL, reason="the openssl command line is not installed")


@pytest.fixture(scope="module")
def made():
    """(cert_der, PKCS#8 bytes with R) from a realistic NPKI certificate; key from the cached pool."""
    key = factory._cached_key(0)
    files = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="홍길동", idn=factory.RRN,
                                            password=PW, policy_oid="1.2.410.200005.1.1.4", private_key=key)
    plain = keyfile.decrypt_key(files.sign_key, PW)
    assert keyfile.random_num(plain)
    # Use a fixed, known R so the tests can compare it.
    plain = keyfile.build_private_key_info(key, R)
    return files.sign_cert, plain


@pytest.fixture(scope="module")
def exported(made):
    cert_der, plain = made
    return {flavour: pfx.export_pfx(cert_der, plain, PW, flavour, friendly_name="홍길동 인증서")
            for flavour in pfx.FLAVOURS}


def _openssl(*args, check=True, **kw):
    return subprocess.run(["openssl", *args], capture_output=True, check=check, **kw)


def _pem_files(tmp_path, made, with_ca=False):
    cert_der, plain = made
    key = factory._cached_key(0)
    (tmp_path / "key.pem").write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(x509.load_der_x509_certificate(cert_der).public_bytes(Encoding.PEM))
    args = ["-in", str(tmp_path / "cert.pem"), "-inkey", str(tmp_path / "key.pem")]
    if with_ca:
        ca = factory.test_issuer().certificate
        (tmp_path / "ca.pem").write_bytes(ca.public_bytes(Encoding.PEM))
        args += ["-certfile", str(tmp_path / "ca.pem")]
    return args


# --- registry ---------------------------------------------------------------------------------

def test_flavour_registry_has_texts_for_users():
    assert set(pfx.FLAVOURS) == {pfx.LEGACY, pfx.MODERN}
    for texts in pfx.FLAVOURS.values():
        assert len(texts) == 4 and all(isinstance(t, str) and t for t in texts)


# --- export, checked by OpenSSL ---------------------------------------------------------------

@needs_openssl
@pytest.mark.parametrize("flavour", [pfx.LEGACY, pfx.MODERN])
def test_openssl_reads_export_and_sees_random_num(flavour, exported, made, tmp_path):
    cert_der, _ = made
    path = tmp_path / "f.pfx"
    path.write_bytes(exported[flavour])
    # OpenSSL 3's default provider has PBE-SHA1-3DES, so neither flavour needs -legacy.
    info = _openssl("pkcs12", "-info", "-nodes", "-in", str(path), "-passin", f"pass:{PW}")
    out = info.stdout.decode("latin-1") + info.stderr.decode("latin-1")
    assert "Key Attributes" in out
    key_attrs = out.split("Key Attributes", 1)[1]
    assert "1.2.410.200004.10.1.1.3: " + " ".join(f"{b:02X}" for b in R) in key_attrs
    assert ("MAC: sha1" if flavour == pfx.LEGACY else "MAC: sha256") in out
    if flavour == pfx.LEGACY:
        assert "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC" in out
        assert "Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC" in out
    else:
        assert "AES-256-CBC" in out and "hmacWithSHA256" in out
        assert "pbeWithSHA1" not in out
    # The certificate in the PFX is the original, byte for byte.
    _openssl("pkcs12", "-in", str(path), "-passin", f"pass:{PW}", "-nokeys", "-clcerts",
             "-out", str(tmp_path / "c.pem"))
    der = _openssl("x509", "-in", str(tmp_path / "c.pem"), "-outform", "DER").stdout
    assert der == cert_der
    # Wrong password: OpenSSL refuses the MAC.
    assert _openssl("pkcs12", "-info", "-nodes", "-in", str(path), "-passin", "pass:wrong",
                    check=False).returncode != 0


def test_export_rejects_mismatched_key_and_bad_input(made):
    cert_der, _ = made
    other = keyfile.build_private_key_info(factory._cached_key(1), R)
    with pytest.raises(KeyMismatch):
        pfx.export_pfx(cert_der, other, PW)
    with pytest.raises(NonAsciiPassword):
        pfx.export_pfx(cert_der, made[1], "비밀번호")
    with pytest.raises(ValueError):
        pfx.export_pfx(cert_der, made[1], PW, "fancy")


# --- round trip -------------------------------------------------------------------------------

@pytest.mark.parametrize("flavour", [pfx.LEGACY, pfx.MODERN])
def test_round_trip_keeps_exact_key_bytes_and_r(flavour, exported, made):
    cert_der, plain = made
    got = pfx.import_pfx(exported[flavour], PW)
    assert got.cert_der == cert_der
    assert got.key_plain == plain
    assert keyfile.random_num(got.key_plain) == R
    assert got.random_num_kept and not got.used_fallback
    assert got.extra_certs == ()
    # bytes and bytearray passwords work the same way
    assert pfx.import_pfx(exported[flavour], PW.encode()).key_plain == plain


@pytest.mark.parametrize("flavour", [pfx.LEGACY, pfx.MODERN])
def test_wrong_and_non_ascii_password(flavour, exported):
    with pytest.raises(PfxWrongPassword):
        pfx.import_pfx(exported[flavour], PW + "x")
    with pytest.raises(NonAsciiPassword):
        pfx.import_pfx(exported[flavour], "ㅔㄹㅌ")


def test_cryptography_reads_our_export(exported, made):
    """A second reader: cryptography's loader accepts both flavours (and drops R, as the spec says)."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    cert_der, _ = made
    for data in exported.values():
        loaded = pkcs12.load_pkcs12(data, PW.encode())
        assert loaded.cert.certificate.public_bytes(Encoding.DER) == cert_der
        assert loaded.cert.friendly_name == "홍길동 인증서".encode()


# --- import of OpenSSL-made files --------------------------------------------------------------

@needs_openssl
@pytest.mark.parametrize("options", [
    [],                                                                         # OpenSSL 3 default: PBES2/AES-256, SHA-256 MAC
    ["-legacy"],                                                                # RC2-40 certificates, 3DES key
    ["-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1"],
], ids=["default", "legacy", "sha1-3des"])
def test_import_openssl_made_pfx(options, made, tmp_path):
    cert_der, plain = made
    out = tmp_path / "o.pfx"
    result = _openssl("pkcs12", "-export", *_pem_files(tmp_path, made, with_ca=True), *options,
                      "-passout", f"pass:{PW}", "-out", str(out), check=False)
    if result.returncode != 0 and options == ["-legacy"]:
        pytest.skip("this OpenSSL has no legacy provider: " + result.stderr.decode(errors="replace"))
    assert result.returncode == 0, result.stderr
    got = pfx.import_pfx(out.read_bytes(), PW)
    assert got.cert_der == cert_der
    assert keyfile.public_key_matches(got.key_plain, x509.load_der_x509_certificate(got.cert_der))
    assert keyfile.parse_private_key_info(got.key_plain).modulus == \
        keyfile.parse_private_key_info(plain).modulus
    assert got.extra_certs == (factory.test_issuer().certificate.public_bytes(Encoding.DER),)
    # The key came from our own decoder (OpenSSL's PEM input had no R, so none is kept).
    assert not got.used_fallback and not got.random_num_kept
    with pytest.raises(PfxWrongPassword):
        pfx.import_pfx(out.read_bytes(), "not-the-password")


@needs_openssl
def test_import_pfx_without_mac(made, tmp_path):
    out = tmp_path / "nomac.pfx"
    _openssl("pkcs12", "-export", *_pem_files(tmp_path, made), "-nomac", "-passout", f"pass:{PW}",
             "-out", str(out))
    got = pfx.import_pfx(out.read_bytes(), PW)
    assert got.cert_der == made[0] and not got.used_fallback
    # Without a MAC a wrong password shows up as bad padding (rarely as garbage that fails to parse).
    with pytest.raises((PfxWrongPassword, MalformedPfx)):
        pfx.import_pfx(out.read_bytes(), "not-the-password")


# --- fallback to cryptography -----------------------------------------------------------------

@needs_openssl
def test_rc4_key_bag_is_read_by_our_decoder(made, tmp_path):
    """OpenSSL writes the key bag with PBE-SHA1-RC4-128; our decoder reads it (no fallback)."""
    out = tmp_path / "rc4.pfx"
    result = _openssl("pkcs12", "-export", "-provider", "legacy", "-provider", "default",
                      *_pem_files(tmp_path, made), "-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-RC4-128",
                      "-passout", f"pass:{PW}", "-out", str(out), check=False)
    if result.returncode != 0:
        pytest.skip("this OpenSSL cannot write RC4 key bags (no legacy provider)")
    got = pfx.import_pfx(out.read_bytes(), PW)
    assert not got.used_fallback
    assert got.cert_der == made[0]
    assert keyfile.public_key_matches(got.key_plain, x509.load_der_x509_certificate(got.cert_der))
    with pytest.raises(PfxWrongPassword):   # the MAC is still ours to check
        pfx.import_pfx(out.read_bytes(), "not-the-password")


def test_fallback_when_our_key_decoder_fails(exported, made, monkeypatch):
    """Via monkeypatch: our key-bag decoder fails for a non-password reason -> cryptography's loader."""
    def broken(*args, **kw):
        raise pfx._NeedFallback()
    monkeypatch.setattr(pfx, "_decrypt_key_bag", broken)
    got = pfx.import_pfx(exported[pfx.LEGACY], PW)
    assert got.used_fallback and not got.random_num_kept
    assert got.cert_der == made[0]
    assert keyfile.parse_private_key_info(got.key_plain).modulus == \
        keyfile.parse_private_key_info(made[1]).modulus
    assert got.key_plain != made[1]   # R is gone: exactly why the caller must warn


# --- hostile input ----------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"\x00", b"garbage" * 10, b"\x30\x80", b"\x30\x03\x02\x01\x03",
                                  bytes(range(256))])
def test_garbage_is_malformed(data):
    with pytest.raises(MalformedPfx):
        pfx.import_pfx(data, PW)


@pytest.mark.parametrize("flavour", [pfx.LEGACY, pfx.MODERN])
def test_truncated_files_are_malformed(flavour, exported):
    data = exported[flavour]
    for cut in (1, 2, 4, 16, 100, len(data) // 2, len(data) - 1):
        with pytest.raises(MalformedPfx):
            pfx.import_pfx(data[:cut], PW)


def test_too_large_is_refused_before_parsing():
    with pytest.raises(FileTooLarge):
        pfx.import_pfx(b"\x30" * (pfx.MAX_PFX_SIZE + 1), PW)


def test_trailing_junk_is_malformed(exported):
    with pytest.raises(MalformedPfx):
        pfx.import_pfx(exported[pfx.LEGACY] + b"\x00junk", PW)


def test_huge_mac_iteration_count_is_refused_quickly(exported):
    parsed = a_pkcs12.Pfx.load(exported[pfx.LEGACY])
    parsed["mac_data"]["iterations"] = 2_000_000_000
    with pytest.raises(MalformedPfx):
        pfx.import_pfx(parsed.dump(force=True), PW)


def test_no_key_and_key_without_certificate(exported, made):
    parsed = a_pkcs12.Pfx.load(exported[pfx.MODERN])
    parts = a_pkcs12.AuthenticatedSafe.load(parsed["auth_safe"]["content"].native)
    # Only the certificate part, re-MACed with the right password -> "no private key".
    only_cert = a_pkcs12.AuthenticatedSafe([parts[0]]).dump()
    with pytest.raises(MalformedPfx):
        pfx.import_pfx(_remac(parsed, only_cert), PW)
    # Only the key part -> no certificate.
    only_key = a_pkcs12.AuthenticatedSafe([parts[1]]).dump()
    with pytest.raises(MalformedPfx):
        pfx.import_pfx(_remac(parsed, only_key), PW)


def _remac(parsed, auth_safe: bytes) -> bytes:
    from asn1crypto import cms, core
    salt = b"12345678"
    digest = pfx._mac(bytearray(PW.encode()), salt, 2048, "sha256", auth_safe)
    return a_pkcs12.Pfx({
        "version": "v3",
        "auth_safe": cms.ContentInfo({"content_type": "data", "content": core.OctetString(auth_safe)}),
        "mac_data": {"mac": {"digest_algorithm": {"algorithm": "sha256"}, "digest": digest},
                     "mac_salt": salt, "iterations": 2048},
    }).dump()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_only_typed_errors(data):
    try:
        pfx.import_pfx(data, PW)
    except DojangError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_pfx_raises_only_typed_errors(exported, data):
    original = bytearray(exported[data.draw(st.sampled_from(sorted(exported)))])
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(original) - 1))
        original[pos] = data.draw(st.integers(0, 255))
    try:
        pfx.import_pfx(bytes(original), PW)
    except DojangError:
        pass
