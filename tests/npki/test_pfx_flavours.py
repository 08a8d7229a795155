"""PFX files of every flavour of issue 14 item 2, built here the way the ecosystem's software writes
them: the shrouded key bag in PBES2/SEED (Korean banking software), 3DES, AES-256, RC2-40; the MAC in
SHA-1, SHA-256 or PBMAC1 (RFC 9579); R inside the PKCS#8 or as a bag attribute. Each imports with R
byte for byte, goes into an NPKI folder and comes back out. OpenSSL is the oracle where it reads the
format (its 3.0 reads neither PBMAC1 nor, without the legacy provider, SEED/RC2)."""
from __future__ import annotations

import hashlib
import hmac
import os
import shutil
import subprocess

import pytest
from asn1crypto import algos, cms, core, keys as a_keys, pkcs12 as a_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from core.errors import PfxWrongPassword
from core.npki import asn1, keyfile, oids, pfx
from core.npki.certfolder import SIGN_KEY
from core.storage import operations as ops
from tests import factory
from tests.npki.test_codec_variants import pbes2

PW = "vendor#Pass2026"   # the PFX password, as test_codec_variants' builders use it
R = bytes(range(70, 90))
HAVE_OPENSSL = shutil.which("openssl") is not None


@pytest.fixture(scope="module")
def made():
    key = factory._cached_key(0)
    files = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="홍길동", idn=factory.RRN,
                                            password=PW, policy_oid="1.2.410.200005.1.1.4", private_key=key)
    bare = key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    return files.sign_cert, keyfile.build_private_key_info(key, R), bare


@pytest.fixture
def hdd(npki_root):
    from core.storage.base import hard_disk
    return hard_disk(npki_root)


def _p12_epki(oid: str, plain: bytes, iterations: int = 2048) -> bytes:
    salt = os.urandom(8)
    return asn1.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": oid,
                                 "parameters": asn1.SaltAndCount({"salt": salt, "iterations": iterations})},
        "encrypted_data": keyfile.p12_encrypt(oid, PW.encode(), salt, iterations, plain)}).dump()


KEY_BAGS = {
    "pbes2-seed": lambda p: keyfile.encrypt_key(p, PW, "B", iterations=2048, prf="sha256"),
    "pbes2-seed-sha1-len": lambda p: keyfile.encrypt_key(p, PW, "B", iterations=1024, explicit_key_length=True),
    "seedcbcwithsha1": lambda p: keyfile.encrypt_key(p, PW, "A"),
    "3des": lambda p: _p12_epki(oids.PBE_SHA1_3DES, p),
    "aes256": lambda p: pbes2(p, 2048, "sha256", oids.AES256_CBC, False),
    "rc2-40": lambda p: _p12_epki(oids.PBE_SHA1_RC2_40, p),
}
CERT_PARTS = ("3des", "rc2-40", "aes256", "plain")
MACS = ("sha1", "sha256", "pbmac1")


def _encrypted_part(kind: str, data: bytes) -> cms.ContentInfo:
    if kind == "plain":
        return cms.ContentInfo({"content_type": "data", "content": core.OctetString(data)})
    if kind == "aes256":
        alg_der, ct = _pbes2_alg_and_ct(data)
    else:
        oid = oids.PBE_SHA1_3DES if kind == "3des" else oids.PBE_SHA1_RC2_40
        salt = os.urandom(8)
        alg_der = asn1.AlgorithmIdentifier({"algorithm": oid, "parameters": asn1.SaltAndCount(
            {"salt": salt, "iterations": 2048})}).dump()
        ct = keyfile.p12_encrypt(oid, PW.encode(), salt, 2048, data)
    return cms.ContentInfo({"content_type": "encrypted_data", "content": cms.EncryptedData({
        "version": "v0", "encrypted_content_info": {
            "content_type": "data", "content_encryption_algorithm": algos.EncryptionAlgorithm.load(alg_der),
            "encrypted_content": ct}})})


def _pbes2_alg_and_ct(data: bytes) -> tuple[bytes, bytes]:
    epki = asn1.EncryptedPrivateKeyInfo.load(pbes2(data, 2048, "sha256", oids.AES256_CBC, True))
    return epki["encryption_algorithm"].dump(), epki["encrypted_data"].native


def _attributes(local_id: bytes, r_der: bytes | None = None) -> a_pkcs12.Attributes:
    attrs = [a_pkcs12.Attribute({"type": "local_key_id", "values": [local_id]})]
    if r_der is not None:
        attrs.append(a_pkcs12.Attribute({"type": oids.RANDOM_NUM, "values": [core.Any.load(r_der)]}))
    return a_pkcs12.Attributes(attrs)


def build_pfx(cert_der: bytes, key_plain: bytes, *, key_bag: str, cert_part: str, mac: str,
              r_in_bag: bytes | None = None) -> bytes:
    local_id = hashlib.sha1(cert_der).digest()
    cert_bag = a_pkcs12.SafeBag({"bag_id": "cert_bag", "bag_value": a_pkcs12.CertBag(
        {"cert_id": "x509", "cert_value": a_pkcs12.ParsableOctetString(cert_der)}),
        "bag_attributes": _attributes(local_id)})
    key_bag_value = a_keys.EncryptedPrivateKeyInfo.load(KEY_BAGS[key_bag](key_plain))
    shrouded = a_pkcs12.SafeBag({"bag_id": "pkcs8_shrouded_key_bag", "bag_value": key_bag_value,
                                 "bag_attributes": _attributes(local_id, r_in_bag)})
    auth_safe = a_pkcs12.AuthenticatedSafe([
        _encrypted_part(cert_part, a_pkcs12.SafeContents([cert_bag]).dump()),
        cms.ContentInfo({"content_type": "data",
                         "content": core.OctetString(a_pkcs12.SafeContents([shrouded]).dump())}),
    ]).dump()
    if mac == "pbmac1":
        # RFC 9579, computed here with hashlib: PBKDF2-HMAC-SHA256 (keyLength 32) keys HMAC-SHA256.
        salt, count = os.urandom(16), 2048
        mac_key = hashlib.pbkdf2_hmac("sha256", PW.encode(), salt, count, 32)
        params = pfx._Pbmac1Params({
            "key_derivation_func": {"algorithm": oids.PBKDF2, "parameters": asn1.Pbkdf2Params({
                "salt": salt, "iterations": count, "key_length": 32,
                "prf": {"algorithm": oids.HMAC_SHA256, "parameters": core.Null()}})},
            "message_auth_scheme": {"algorithm": oids.HMAC_SHA256, "parameters": core.Null()}})
        digest_alg = {"algorithm": oids.PBMAC1, "parameters": params}
        digest = hmac.new(mac_key, auth_safe, "sha256").digest()
        mac_salt, iterations = b"NOT USED", 1
    else:
        mac_salt, iterations = os.urandom(8), 2048
        digest_alg = {"algorithm": mac, "parameters": core.Null()}
        digest = pfx._mac(PW.encode(), mac_salt, iterations, mac, auth_safe)
    return a_pkcs12.Pfx({
        "version": "v3",
        "auth_safe": cms.ContentInfo({"content_type": "data", "content": core.OctetString(auth_safe)}),
        "mac_data": {"mac": {"digest_algorithm": digest_alg, "digest": digest},
                     "mac_salt": mac_salt, "iterations": iterations},
    }).dump(force=True)


def _r_der() -> bytes:
    return core.OctetBitString(R).dump()


CASES = [(k, c, m, where) for k in KEY_BAGS for c, m in zip(CERT_PARTS * 2, MACS * 2)
         for where in ("pkcs8", "bag")]


@pytest.mark.parametrize("key_bag,cert_part,mac,where", CASES,
                         ids=[f"{k}-{c}-{m}-R_{w}" for k, c, m, w in CASES])
def test_flavour_imports_with_r_byte_for_byte(made, key_bag, cert_part, mac, where, tmp_path, hdd):
    cert_der, with_r, bare = made
    data = build_pfx(cert_der, with_r if where == "pkcs8" else bare, key_bag=key_bag, cert_part=cert_part,
                     mac=mac, r_in_bag=_r_der() if where == "bag" else None)
    got = pfx.import_pfx(data, PW)
    assert not got.used_fallback and got.random_num_kept and got.cert_der == cert_der
    assert keyfile.random_num(got.key_plain) == R
    # R in the PKCS#8: the exact bytes; R in the bag: added as the attribute, giving the same DER
    assert got.key_plain == with_r
    with pytest.raises(PfxWrongPassword):
        pfx.import_pfx(data, "wrong#Pass2026")
    # into an NPKI folder, re-keyed, and out again as a PFX: R unchanged all the way
    (tmp_path / "in.pfx").write_bytes(data)
    result = ops.import_pfx(tmp_path / "in.pfx", PW, hdd, key_password="npki!Pass2026")
    assert result.status == "imported" and "no_random_num" not in result.notes
    [entry] = hdd.certificates()
    plain = entry.check_password("npki!Pass2026")
    assert plain == with_r
    ops.change_password(entry, "npki!Pass2026", "again!Pass2026", hdd)
    [entry] = hdd.certificates()
    out = pfx.export_pfx(entry.info.der, entry.check_password("again!Pass2026"), "out!Pass2026", pfx.MODERN)
    assert pfx.import_pfx(out, "out!Pass2026").key_plain == with_r
    ops.delete_cert(entry, hdd)


def test_pbmac1_with_a_wrong_password_or_changed_content(made):
    cert_der, with_r, _ = made
    data = bytearray(build_pfx(cert_der, with_r, key_bag="3des", cert_part="3des", mac="pbmac1"))
    with pytest.raises(PfxWrongPassword):
        pfx.import_pfx(bytes(data), "wrong#Pass2026")
    data[len(data) // 2] ^= 1       # a changed byte inside the authenticated content
    with pytest.raises(Exception) as info:
        pfx.import_pfx(bytes(data), PW)
    assert isinstance(info.value, pfx.DojangError)


def _openssl(*args):
    return subprocess.run(["openssl", *args], capture_output=True)


@pytest.mark.skipif(not HAVE_OPENSSL, reason="no openssl command line")
@pytest.mark.parametrize("key_bag,cert_part", [("3des", "3des"), ("aes256", "aes256"), ("rc2-40", "rc2-40"),
                                                ("pbes2-seed", "3des")])
def test_openssl_reads_our_synthetic_files_and_gets_the_same_key(made, key_bag, cert_part, tmp_path):
    cert_der, with_r, _ = made
    path = tmp_path / "f.pfx"
    path.write_bytes(build_pfx(cert_der, with_r, key_bag=key_bag, cert_part=cert_part, mac="sha256"))
    result = _openssl("pkcs12", "-in", str(path), "-nodes", "-passin", f"pass:{PW}",
                      "-provider", "legacy", "-provider", "default")
    if result.returncode != 0 and (b"legacy" in result.stderr or b"unsupported" in result.stderr.lower()):
        pytest.skip("this OpenSSL lacks the legacy provider for " + key_bag)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    key_pem = text[text.index("-----BEGIN PRIVATE KEY-----"):text.index("-----END PRIVATE KEY-----") + 25]
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    assert load_pem_private_key(key_pem.encode(), None).private_numbers() == \
        factory._cached_key(0).private_numbers()
    assert "1.2.410.200004.10.1.1.3" in text or "randomNum" in text or key_bag == "pbes2-seed"


@pytest.mark.skipif(not HAVE_OPENSSL, reason="no openssl command line")
def test_openssl_written_rc2_40_key_bag_is_read_natively(made, tmp_path):
    key = factory._cached_key(0)
    cert_der = made[0]
    (tmp_path / "key.pem").write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(x509.load_der_x509_certificate(cert_der).public_bytes(Encoding.PEM))
    out = tmp_path / "rc2.pfx"
    result = _openssl("pkcs12", "-export", "-legacy", "-in", str(tmp_path / "cert.pem"),
                      "-inkey", str(tmp_path / "key.pem"), "-keypbe", "PBE-SHA1-RC2-40",
                      "-passout", f"pass:{PW}", "-out", str(out))
    if result.returncode != 0:
        pytest.skip("this OpenSSL cannot write RC2 (no legacy provider)")
    got = pfx.import_pfx(out.read_bytes(), PW)
    assert not got.used_fallback and got.cert_der == cert_der
    assert keyfile.parse_private_key_info(got.key_plain).modulus == key.private_numbers().public_numbers.n
