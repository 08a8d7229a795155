"""Every key-encryption variant and vendor quirk of issue 14 item 1, built here as synthetic files:
trailing bytes after the DER, seedCBCWithSHA1, PBES2 (any HMAC, ± keyLength) with SEED-CBC, bare
SEED-CBC with the fixed IV, PKCS#12 PBEs (3DES, 2-key 3DES, RC2-40/128, RC4), iteration counts from
100, R in the PKCS#8 attributes. Each opens, re-keys and keeps its PKCS#8 bytes (R) unchanged."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from cryptography import x509
from hypothesis import given, settings, strategies as st

from core.errors import MalformedCertificate, MalformedKey, WrongPassword
from core.npki import asn1, der, keyfile, oids, rc2
from core.npki.certificate import parse_certificate
from core.npki.kdf import pbkdf1_sha1, pbkdf2
from core.npki.seed import seed_cbc_encrypt
from tests import factory

PW = "vendor#Pass2026"
NEW = "changed!Pass77"
R = bytes(range(40, 60))


@pytest.fixture(scope="module")
def made():
    key = factory._cached_key(0)
    files = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="홍길동", idn=factory.RRN,
                                            password=PW, policy_oid="1.2.410.200005.1.1.4", private_key=key)
    return files.sign_cert, keyfile.build_private_key_info(key, R)


def _epki(oid: str, params, ciphertext: bytes) -> bytes:
    return asn1.EncryptedPrivateKeyInfo({"encryption_algorithm": {"algorithm": oid, "parameters": params},
                                         "encrypted_data": ciphertext}).dump()


def variant_c(plain: bytes, iterations: int) -> bytes:
    salt = os.urandom(8)
    key = pbkdf1_sha1(PW.encode(), salt, iterations)[:16]
    return _epki(oids.SEED_CBC, asn1.SaltAndCount({"salt": salt, "iterations": iterations}),
                 seed_cbc_encrypt(key, b"0123456789012345", plain))


def pbes2(plain: bytes, iterations: int, prf: str, cipher: str, with_length: bool) -> bytes:
    """PBES2 written independently of keyfile.encrypt_key (the cipher through `cryptography`)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.padding import PKCS7
    key_len = {oids.SEED_CBC: 16, oids.AES128_CBC: 16, oids.AES192_CBC: 24, oids.AES256_CBC: 32,
               oids.DES_EDE3_CBC: 24}[cipher]
    salt, iv = os.urandom(16), os.urandom(8 if cipher == oids.DES_EDE3_CBC else 16)
    key = pbkdf2(PW.encode(), salt, iterations, key_len, prf)
    if cipher == oids.SEED_CBC:
        ct = seed_cbc_encrypt(key, iv, plain)
    else:
        if cipher == oids.DES_EDE3_CBC:
            from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
            algo, block = TripleDES(key), 64
        else:
            algo, block = algorithms.AES(key), 128
        padder = PKCS7(block).padder()
        e = Cipher(algo, modes.CBC(iv)).encryptor()
        ct = e.update(padder.update(plain) + padder.finalize()) + e.finalize()
    kdf = {"salt": salt, "iterations": iterations}
    if with_length:
        kdf["key_length"] = key_len
    if prf != "sha1":
        kdf["prf"] = {"algorithm": keyfile.OID_BY_PRF[prf], "parameters": asn1.core.Null()}
    return _epki(oids.PBES2, asn1.Pbes2Params({
        "key_derivation_func": {"algorithm": oids.PBKDF2, "parameters": asn1.Pbkdf2Params(kdf)},
        "encryption_scheme": {"algorithm": cipher, "parameters": asn1.core.OctetString(iv)}}), ct)


def p12(plain: bytes, oid: str, iterations: int) -> bytes:
    salt = os.urandom(8)
    return _epki(oid, asn1.SaltAndCount({"salt": salt, "iterations": iterations}),
                 keyfile.p12_encrypt(oid, PW.encode(), salt, iterations, plain))


VARIANTS = {
    "A-2048": lambda p: keyfile.encrypt_key(p, PW, "A"),
    "A-100": lambda p: keyfile.encrypt_key(p, PW, "A", iterations=100),
    "A-1031": lambda p: keyfile.encrypt_key(p, PW, "A", iterations=1031),
    "C-2048": lambda p: variant_c(p, 2048),
    "C-100": lambda p: variant_c(p, 100),
    **{f"B-{prf}-{'len' if ln else 'nolen'}-{name}": (
        lambda p, prf=prf, ln=ln, c=c: pbes2(p, 1000 if prf == "sha1" else 2049, prf, c, ln))
       for prf in ("sha1", "sha224", "sha256", "sha384", "sha512") for ln in (False, True)
       for name, c in (("seed", oids.SEED_CBC),)},
    "B-sha256-aes128": lambda p: pbes2(p, 100, "sha256", oids.AES128_CBC, True),
    "B-sha256-aes192": lambda p: pbes2(p, 100, "sha256", oids.AES192_CBC, False),
    "B-sha512-aes256": lambda p: pbes2(p, 4096, "sha512", oids.AES256_CBC, False),
    "B-sha1-3des": lambda p: pbes2(p, 2048, "sha1", oids.DES_EDE3_CBC, False),
    **{f"P12-{name}": (lambda p, o=o: p12(p, o, 100 if "RC" in keyfile.P12_PBES[o][0] else 2048))
       for name, o in (("3des", oids.PBE_SHA1_3DES), ("2des", oids.PBE_SHA1_2DES),
                       ("rc2-40", oids.PBE_SHA1_RC2_40), ("rc2-128", oids.PBE_SHA1_RC2_128),
                       ("rc4-128", oids.PBE_SHA1_RC4_128), ("rc4-40", oids.PBE_SHA1_RC4_40))},
}


@pytest.mark.parametrize("trailing", [b"", b"\x00" * 46, b"vendor-trailer\r\n"], ids=["none", "46-nul", "text"])
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_variant_opens_rekeys_and_keeps_r(made, name, trailing):
    cert_der, plain = made
    key_file = VARIANTS[name](plain) + trailing
    parsed = keyfile.parse_encrypted_key(key_file)
    assert parsed.trailing_bytes == len(trailing)
    cert = x509.load_der_x509_certificate(cert_der)
    opened = keyfile.check_password(key_file, cert, PW)
    assert opened == plain and keyfile.random_num(opened) == R
    with pytest.raises(WrongPassword):
        keyfile.check_password(key_file, cert, "wrong#Pass2026")
    rekeyed = keyfile.reencrypt(key_file, opened, NEW)
    assert keyfile.parse_encrypted_key(rekeyed).trailing_bytes == 0
    assert keyfile.check_password(rekeyed, cert, NEW) == plain      # R byte for byte


def test_describe_names_every_variant(made):
    _, plain = made
    for name, build in VARIANTS.items():
        text = keyfile.parse_encrypted_key(build(plain)).encryption.describe()
        assert text and "None" not in text, name


def test_certificate_with_trailing_bytes_parses_to_the_element(made):
    cert_der, _ = made
    info = parse_certificate(cert_der + b"\x00" * 46)
    assert info.der == cert_der and info.trailing_bytes == 46
    assert parse_certificate(cert_der).trailing_bytes == 0
    assert info.sha256_fingerprint == parse_certificate(cert_der).sha256_fingerprint
    for broken in (cert_der[:-1], cert_der[:100] + b"\x00" * 46, b"\x30\x80" + cert_der[2:], cert_der[:1]):
        with pytest.raises(MalformedCertificate):
            parse_certificate(broken)


def test_truncated_key_is_still_malformed(made):
    _, plain = made
    data = keyfile.encrypt_key(plain, PW, "A")
    for broken in (data[:-1], data[:60] + b"\x00" * 4, data[:3]):
        with pytest.raises(MalformedKey):
            keyfile.parse_encrypted_key(broken)


def test_rsa_1024_certificate_with_its_key(tmp_path):
    """Older CAs issued RSA-1024 certificates; the codec does not assume a key size."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    key = rsa.generate_private_key(65537, 1024)
    files = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="김철수", idn=factory.RRN,
                                            password=PW, policy_oid="1.2.410.200005.1.1.4", private_key=key)
    cert = x509.load_der_x509_certificate(files.sign_cert)
    assert cert.public_key().key_size == 1024
    assert keyfile.random_num(keyfile.check_password(files.sign_key + b"\x00\x00", cert, PW))


# --- der.element_end --------------------------------------------------------------------------

@given(st.binary(max_size=300), st.binary(max_size=40))
@settings(max_examples=300, deadline=None)
def test_element_end_on_a_valid_element_and_any_tail(content, tail):
    element = asn1.core.OctetString(content).dump()
    assert der.element_end(element + tail) == len(element)
    assert der.split_element(element + tail) == (element, len(tail))


@given(st.binary(max_size=64))
@settings(max_examples=500, deadline=None)
def test_element_end_on_arbitrary_bytes_is_in_range_or_derror(data):
    try:
        end = der.element_end(data)
    except der.DerError:
        return
    assert 2 <= end <= len(data)


def test_element_end_refuses_indefinite_and_overlong_lengths():
    for bad in (b"\x30\x80\x00\x00", b"\x30\x85\x01\x00\x00\x00\x00", b"\x30\x82\x01", b"\x30\x05\x00", b"\x1f"):
        with pytest.raises(der.DerError):
            der.element_end(bad)
    assert der.element_end(b"\x1f\x81\x01\x00") == 4     # high tag number form


# --- RC2 (RFC 2268) -------------------------------------------------------------------------

@pytest.mark.parametrize("key,bits,plain,cipher", [
    ("0000000000000000", 63, "0000000000000000", "ebb773f993278eff"),
    ("ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"),
    ("3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"),
    ("88", 64, "0000000000000000", "61a8a244adacccf0"),
    ("88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f"),
    ("88bca90e90875a7f0f79c384627bafb2", 64, "0000000000000000", "1a807d272bbe5db1"),
    ("88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6"),
])
def test_rc2_rfc2268_known_answers(key, bits, plain, cipher):
    assert rc2.ecb_encrypt_block(bytes.fromhex(key), bits, bytes.fromhex(plain)).hex() == cipher
    k = rc2.expand_key(bytes.fromhex(key), bits)
    assert rc2._decrypt_block(k, bytes.fromhex(cipher)).hex() == plain


@pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl command line")
def test_rc2_cbc_agrees_with_openssl(tmp_path):
    key, iv, data = os.urandom(16), os.urandom(8), os.urandom(77)
    (tmp_path / "in").write_bytes(data)
    result = subprocess.run(["openssl", "enc", "-rc2-cbc", "-provider", "legacy", "-provider", "default",
                             "-K", key.hex(), "-iv", iv.hex(), "-in", str(tmp_path / "in")],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("this OpenSSL has no RC2 (legacy provider)")
    assert result.stdout == rc2.cbc_encrypt(key, 128, iv, data)
