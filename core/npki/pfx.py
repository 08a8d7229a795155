"""PKCS#12 (.pfx / .p12) export and import that keep the randomNum attribute (R).

`cryptography`'s PKCS#12 reader and writer round-trip the key through a key object and drop the
PKCS#8 attributes, R included (docs/npki-format.md "The randomNum R", "PKCS#12"). So Dojang writes and reads the PFX itself:

- export: AuthenticatedSafe -> [encryptedData(certBag), data(pkcs8ShroudedKeyBag over the original
  PKCS#8 bytes)], localKeyId on both bags, password MAC (PKCS#12 KDF, RFC 7292 Appendix B);
- import: verify the MAC, decrypt encryptedData parts, read the bags, decrypt the shrouded key with
  `keyfile.decrypt_key` (exact PKCS#8 bytes). Only when that fails for a non-password reason is
  `cryptography`'s loader used (`used_fallback`), and then R is lost.

All ASN.1 goes through asn1crypto. Input is treated as hostile: size cap, per-call iteration caps and
a total work budget, nesting and part-count limits; only `DojangError` subclasses escape.
"""
from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from asn1crypto import algos, cms, core, keys as a_keys, pkcs12 as a_pkcs12
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.padding import PKCS7

from . import asn1, keyfile, oids
from .kdf import pbkdf2, pkcs12_kdf
from ..errors import (DojangError, FileTooLarge, KeyMismatch, MalformedCertificate, MalformedKey,
                      MalformedPfx, PfxWrongPassword, UnsupportedKeyEncryption, WrongPassword)

LEGACY = "legacy"
MODERN = "modern"

# One registry of export formats: (ko label, en label, ko explanation, en explanation).
FLAVOURS: dict[str, tuple[str, str, str, str]] = {
    LEGACY: (
        "호환성 우선 (SHA-1 / 3DES)",
        "Compatibility (SHA-1 / 3DES)",
        "은행·증권사 프로그램, 오래된 Windows와 브라우저 대부분이 읽을 수 있는 전통적인 형식입니다. "
        "암호 방식이 오래되었으므로 PFX 비밀번호를 길고 추측하기 어렵게 정하세요.",
        "The traditional format that banking software and most older Windows versions and browsers "
        "can read. Its algorithms are old, so choose a long, hard-to-guess PFX password.",
    ),
    MODERN: (
        "최신 방식 (AES-256 / PBKDF2-SHA256)",
        "Modern (AES-256 / PBKDF2-SHA256)",
        "AES-256 암호화와 SHA-256 무결성 검사를 쓰는 더 안전한 형식입니다. OpenSSL 1.1.1 이후, "
        "Windows 10(1709) 이후, 최신 macOS·브라우저에서 열 수 있지만 오래된 프로그램은 읽지 못할 수 있습니다.",
        "A stronger format using AES-256 encryption and a SHA-256 integrity check. OpenSSL 1.1.1 or "
        "later, Windows 10 (1709) or later and current macOS and browsers read it; older software may not.",
    ),
}
DEFAULT_FLAVOUR = LEGACY

LEGACY_ITERATIONS = 2048     # what OpenSSL and Korean software write
MODERN_ITERATIONS = 10_000   # PBKDF2 and the SHA-256 MAC of the modern flavour

MAX_PFX_SIZE = 1024 * 1024
# The PKCS#12 KDF runs in Python (about 2 µs an iteration); PBKDF2 runs in OpenSSL.
MAX_P12_KDF_ITERATIONS = 200_000
MAX_PBKDF2_ITERATIONS = keyfile.MAX_PBKDF2_ITERATIONS
MAX_WORK = 3_000_000          # total KDF iterations (PBKDF2 counted at 1/8) for one file
MAX_PARTS = 32                # ContentInfos in the AuthenticatedSafe
MAX_BAGS = 512
MAX_NESTING = 4               # safeContents bags inside safeContents bags
MAX_FRIENDLY_NAME = 256

_MAC_HASHES = {"sha1", "sha224", "sha256", "sha384", "sha512"}
_CIPHERS = {  # PBES2 encryption schemes read from encryptedData parts: (key length, iv length)
    oids.AES128_CBC: (16, 16), "2.16.840.1.101.3.4.1.22": (24, 16), oids.AES256_CBC: (32, 16),
    oids.DES_EDE3_CBC: (24, 8), oids.SEED_CBC: (16, 16),
}

_PARSE_ERRORS = keyfile.PARSE_ERRORS + (UnsupportedAlgorithm,)


@dataclass(frozen=True)
class PfxContents:
    cert_der: bytes                    # the certificate whose public key matches the key
    key_plain: bytes                   # decrypted PKCS#8 bytes (secret), exactly as stored when possible
    extra_certs: tuple[bytes, ...]     # other certificates in the file (e.g. the CA chain)
    random_num_kept: bool              # key_plain carries the randomNum attribute (R)
    used_fallback: bool                # the key came from cryptography's loader (R lost)


class _NeedFallback(Exception):
    """Our decoder cannot read this part for a reason other than the password."""


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_WORK

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise MalformedPfx("PFX 파일의 반복 횟수가 지나치게 많습니다.",
                               "The PFX file asks for an unreasonable amount of key-derivation work.")


def _too_many(what: str) -> MalformedPfx:
    return MalformedPfx(f"PFX 파일의 구조가 비정상적입니다 ({what}).",
                        f"The PFX file has an abnormal structure ({what}).")


# --- export -------------------------------------------------------------------------------

def _cbc_encrypt(cipher: str, key: bytes, iv: bytes, data: bytes) -> bytes:
    if cipher == oids.DES_EDE3_CBC:
        from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
        algo, block = TripleDES(key), 64
    else:
        algo, block = algorithms.AES(key), 128
    padder = PKCS7(block).padder()
    padded = padder.update(data) + padder.finalize()
    enc = Cipher(algo, modes.CBC(iv)).encryptor()
    return enc.update(padded) + enc.finalize()


def _encrypt(flavour: str, pw: bytearray, data: bytes) -> tuple[asn1.AlgorithmIdentifier, bytes]:
    """Password-encrypt `data` the way `flavour` says; returns (AlgorithmIdentifier, ciphertext)."""
    if flavour == LEGACY:
        salt, count = os.urandom(8), LEGACY_ITERATIONS
        key = pkcs12_kdf(pw, salt, count, 1, 24)
        iv = pkcs12_kdf(pw, salt, count, 2, 8)
        alg = asn1.AlgorithmIdentifier({"algorithm": oids.PBE_SHA1_3DES,
                                        "parameters": asn1.SaltAndCount({"salt": salt, "iterations": count})})
        return alg, _cbc_encrypt(oids.DES_EDE3_CBC, key, iv, data)
    salt, iv, count = os.urandom(16), os.urandom(16), MODERN_ITERATIONS
    key = pbkdf2(pw, salt, count, 32, "sha256")
    alg = asn1.AlgorithmIdentifier({
        "algorithm": oids.PBES2,
        "parameters": asn1.Pbes2Params({
            "key_derivation_func": {"algorithm": oids.PBKDF2, "parameters": asn1.Pbkdf2Params({
                "salt": salt, "iterations": count,
                "prf": asn1.AlgorithmIdentifier({"algorithm": oids.HMAC_SHA256,
                                                 "parameters": core.Null()})})},
            "encryption_scheme": {"algorithm": oids.AES256_CBC, "parameters": core.OctetString(iv)},
        }),
    })
    return alg, _cbc_encrypt(oids.AES256_CBC, key, iv, data)


def _bag_attributes(local_key_id: bytes, friendly_name: str | None) -> a_pkcs12.Attributes:
    attributes = []
    if friendly_name:
        attributes.append(a_pkcs12.Attribute({"type": "friendly_name", "values": [friendly_name]}))
    attributes.append(a_pkcs12.Attribute({"type": "local_key_id", "values": [local_key_id]}))
    return a_pkcs12.Attributes(attributes)


def export_pfx(cert_der: bytes, key_plain: bytes, password, flavour: str = LEGACY,
               friendly_name: str | None = None) -> bytes:
    """A PFX holding `cert_der` and the PKCS#8 bytes `key_plain` exactly as given (R survives).

    Raises MalformedCertificate, MalformedKey, KeyMismatch, NonAsciiPassword; ValueError for an
    unknown flavour or an over-long friendly name (programming errors)."""
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown PFX flavour {flavour!r}")
    if friendly_name is not None and len(friendly_name) > MAX_FRIENDLY_NAME:
        raise ValueError("friendly name too long")
    cert_der, key_plain = bytes(cert_der), bytes(key_plain)
    try:
        certificate = x509.load_der_x509_certificate(cert_der)
    except ValueError as exc:
        raise MalformedCertificate() from exc
    if not keyfile.public_key_matches(key_plain, certificate):   # also MalformedKey for non-PKCS#8
        raise KeyMismatch()
    pw = keyfile.password_bytes(password)
    try:
        attributes = _bag_attributes(hashlib.sha1(cert_der).digest(), friendly_name)

        cert_bag = a_pkcs12.SafeBag({
            "bag_id": "cert_bag",
            "bag_value": a_pkcs12.CertBag({"cert_id": "x509",
                                           "cert_value": a_pkcs12.ParsableOctetString(cert_der)}),
            "bag_attributes": attributes,
        })
        cert_safe = a_pkcs12.SafeContents([cert_bag]).dump()
        cert_alg, cert_ct = _encrypt(flavour, pw, cert_safe)
        cert_part = cms.ContentInfo({
            "content_type": "encrypted_data",
            "content": cms.EncryptedData({
                "version": "v0",
                "encrypted_content_info": {
                    "content_type": "data",
                    "content_encryption_algorithm": algos.EncryptionAlgorithm.load(cert_alg.dump()),
                    "encrypted_content": cert_ct,
                },
            }),
        })

        key_alg, key_ct = _encrypt(flavour, pw, key_plain)
        epki = asn1.EncryptedPrivateKeyInfo({"encryption_algorithm": key_alg, "encrypted_data": key_ct})
        key_bag = a_pkcs12.SafeBag({
            "bag_id": "pkcs8_shrouded_key_bag",
            "bag_value": a_keys.EncryptedPrivateKeyInfo.load(epki.dump()),
            "bag_attributes": _bag_attributes(hashlib.sha1(cert_der).digest(), friendly_name),
        })
        key_part = cms.ContentInfo({"content_type": "data",
                                    "content": core.OctetString(a_pkcs12.SafeContents([key_bag]).dump())})

        auth_safe = a_pkcs12.AuthenticatedSafe([cert_part, key_part]).dump()
        mac_hash = "sha1" if flavour == LEGACY else "sha256"
        mac_iterations = LEGACY_ITERATIONS if flavour == LEGACY else MODERN_ITERATIONS
        mac_salt = os.urandom(8 if flavour == LEGACY else 16)
        digest = _mac(pw, mac_salt, mac_iterations, mac_hash, auth_safe)
        pfx = a_pkcs12.Pfx({
            "version": "v3",
            "auth_safe": cms.ContentInfo({"content_type": "data", "content": core.OctetString(auth_safe)}),
            "mac_data": {
                "mac": {"digest_algorithm": {"algorithm": mac_hash, "parameters": core.Null()},
                        "digest": digest},
                "mac_salt": mac_salt,
                "iterations": mac_iterations,
            },
        })
        return pfx.dump(force=True)
    finally:
        keyfile.wipe(pw)


def _mac(pw: bytes | bytearray, salt: bytes, iterations: int, hash_name: str, data: bytes) -> bytes:
    digest_size = hashlib.new(hash_name).digest_size
    mac_key = pkcs12_kdf(pw, salt, iterations, 3, digest_size, hash_name)
    return hmac.new(mac_key, data, hash_name).digest()


# --- import -------------------------------------------------------------------------------

def import_pfx(data: bytes, password) -> PfxContents:
    """Read a PFX: the certificate, the exact PKCS#8 key bytes (with R) and any other certificates.

    Raises FileTooLarge, NonAsciiPassword, PfxWrongPassword, MalformedPfx, KeyMismatch (no
    certificate in the file belongs to the key); never anything outside DojangError."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise MalformedPfx()
    data = bytes(data)
    if len(data) > MAX_PFX_SIZE:
        raise FileTooLarge("PFX", len(data), MAX_PFX_SIZE)
    pw = keyfile.password_bytes(password)
    try:
        budget = _Budget()
        auth_safe, mac_checked = _open(data, pw, budget)
        try:
            return _decode(data, auth_safe, pw, mac_checked, budget)
        except _NeedFallback:
            return _fallback(data, pw, mac_checked)
    except DojangError:
        raise
    except _PARSE_ERRORS as exc:
        raise MalformedPfx() from exc
    except Exception as exc:  # hostile input must never surface as an untyped error
        raise MalformedPfx() from exc
    finally:
        keyfile.wipe(pw)


def _open(data: bytes, pw: bytearray, budget: _Budget) -> tuple[bytes, bool]:
    """Parse the outer PFX and verify its MAC. Returns (AuthenticatedSafe DER, MAC verified?)."""
    try:
        pfx = a_pkcs12.Pfx.load(data, strict=True)
        if pfx["version"].native != "v3":
            raise MalformedPfx()
        info = pfx["auth_safe"]
        if info["content_type"].native != "data":   # signedData (public-key integrity) is not supported
            raise MalformedPfx()
        content = info["content"]
        auth_safe = content.native if isinstance(content, core.OctetString) else None
        if not isinstance(auth_safe, bytes):
            raise MalformedPfx()
        mac_data = pfx["mac_data"]
        if mac_data.native is None:
            return auth_safe, False
        digest_alg = mac_data["mac"]["digest_algorithm"]
        hash_name = digest_alg["algorithm"].native
        if digest_alg["algorithm"].dotted == oids.PBMAC1:
            expected = mac_data["mac"]["digest"].native
            mac = _pbmac1(digest_alg["parameters"].dump(), pw, auth_safe, budget)
            if not isinstance(expected, bytes) or not hmac.compare_digest(mac, expected):
                raise PfxWrongPassword()
            return auth_safe, True
        if hash_name not in _MAC_HASHES:
            raise MalformedPfx(f"지원하지 않는 PFX 무결성 검사 방식입니다 ({hash_name}).",
                               f"Unsupported PFX integrity check ({hash_name}).")
        iterations = mac_data["iterations"].native
        salt = mac_data["mac_salt"].native
        expected = mac_data["mac"]["digest"].native
        if not isinstance(iterations, int) or not 1 <= iterations <= MAX_P12_KDF_ITERATIONS:
            raise _too_many("MAC iterations")
        if not isinstance(salt, bytes) or not isinstance(expected, bytes):
            raise MalformedPfx()
    except DojangError:
        raise
    except _PARSE_ERRORS as exc:
        raise MalformedPfx() from exc
    budget.spend(iterations)
    if not hmac.compare_digest(_mac(pw, salt, iterations, hash_name, auth_safe), expected):
        raise PfxWrongPassword()
    return auth_safe, True


class _Pbmac1Params(core.Sequence):
    """RFC 9579: PBMAC1-params ::= SEQUENCE { keyDerivationFunc, messageAuthScheme }."""
    _fields = [("key_derivation_func", asn1.AlgorithmIdentifier),
               ("message_auth_scheme", asn1.AlgorithmIdentifier)]


def _pbmac1(params_der: bytes, pw: bytearray, auth_safe: bytes, budget: _Budget) -> bytes:
    """The PBMAC1 MAC of `auth_safe` (RFC 9579): PBKDF2 (its own salt, count, keyLength and prf) keys
    an HMAC; the password goes in as its bytes (not the BMPString of the PKCS#12 KDF)."""
    try:
        params = _Pbmac1Params.load(params_der, strict=True)
        if params["key_derivation_func"]["algorithm"].dotted != oids.PBKDF2:
            raise UnsupportedKeyEncryption(params["key_derivation_func"]["algorithm"].dotted)
        kdf = asn1.Pbkdf2Params.load(params["key_derivation_func"]["parameters"].dump(), strict=True)
        salt, iterations, key_length = kdf["salt"].native, kdf["iterations"].native, kdf["key_length"].native
        prf = "sha1"
        if kdf["prf"].native is not None:
            prf = keyfile.PRF_BY_OID.get(kdf["prf"]["algorithm"].dotted)
        mac_hash = keyfile.PRF_BY_OID.get(params["message_auth_scheme"]["algorithm"].dotted)
    except DojangError:
        raise
    except _PARSE_ERRORS as exc:
        raise MalformedPfx() from exc
    if prf is None or mac_hash is None:
        raise MalformedPfx("지원하지 않는 PFX 무결성 검사 방식입니다 (PBMAC1).",
                           "Unsupported PFX integrity check (PBMAC1).")
    if not isinstance(salt, bytes) or not isinstance(key_length, int) or not 1 <= key_length <= 64:
        raise MalformedPfx()   # RFC 9579 requires keyLength
    if not isinstance(iterations, int) or not 1 <= iterations <= MAX_PBKDF2_ITERATIONS:
        raise _too_many("MAC iterations")
    budget.spend(max(1, iterations // 8))
    return hmac.new(pbkdf2(pw, salt, iterations, key_length, prf), auth_safe, mac_hash).digest()


def _bag_random_num(bag) -> bytes | None:
    """R carried as a bag attribute (1.2.410.200004.10.1.1.3) next to the key, as some Korean
    software writes it: the DER of its value, kept byte for byte."""
    attributes = bag["bag_attributes"]
    if attributes.native is None:
        return None
    for attribute in attributes:
        if attribute["type"].dotted == oids.RANDOM_NUM and len(attribute["values"]):
            return attribute["values"][0].dump()
    return None


def _with_random_num(plain: bytes, value_der: bytes | None) -> bytes:
    """PKCS#8 bytes with R as their randomNum attribute. A key that already has R keeps its exact
    bytes; otherwise R from the bag is added (its value's DER unchanged)."""
    if value_der is None or keyfile.parse_private_key_info(plain).random_num is not None:
        return plain
    try:
        asn1.core.OctetBitString.load(value_der, strict=True).native   # R is a BIT STRING
    except _PARSE_ERRORS:
        return plain
    pki = asn1.PrivateKeyInfo.load(plain)
    attributes = [a.copy() for a in pki["attributes"]] if pki["attributes"].native is not None else []
    attributes.append(asn1.Attribute({"type": oids.RANDOM_NUM,
                                      "values": [asn1.core.Any.load(value_der)]}))
    return asn1.PrivateKeyInfo({
        "version": pki["version"].native,
        "private_key_algorithm": pki["private_key_algorithm"].copy(),
        "private_key": pki["private_key"].native,
        "attributes": attributes,
    }).dump(force=True)


@dataclass
class _Found:
    keys: list
    certs: list
    undecoded: list
    bags: int = 0


def _decode(data: bytes, auth_safe: bytes, pw: bytearray, mac_checked: bool, budget: _Budget) -> PfxContents:
    found = _Found([], [], [])
    try:
        parts = a_pkcs12.AuthenticatedSafe.load(auth_safe, strict=True)
        if len(parts) > MAX_PARTS:
            raise _too_many("parts")
        for part in parts:
            kind = part["content_type"].native
            if kind == "data":
                contents = part["content"].native
                if not isinstance(contents, bytes):
                    raise _NeedFallback()
            elif kind == "encrypted_data":
                eci = part["content"]["encrypted_content_info"]
                ciphertext = eci["encrypted_content"].native
                if not isinstance(ciphertext, bytes):
                    raise _NeedFallback()
                try:
                    contents = _decrypt_part(eci["content_encryption_algorithm"].dump(), ciphertext,
                                             pw, mac_checked, budget)
                except (UnsupportedKeyEncryption, _NeedFallback):
                    found.undecoded.append(kind)
                    continue
            else:   # envelopedData (public-key privacy mode) and anything else
                found.undecoded.append(str(kind))
                continue
            _walk(a_pkcs12.SafeContents.load(contents, strict=True), pw, mac_checked, budget, found, 0)
    except (DojangError, _NeedFallback):
        raise
    except _PARSE_ERRORS as exc:
        raise _NeedFallback() from exc

    if not found.keys:
        if found.undecoded:
            raise _NeedFallback()
        raise MalformedPfx("PFX 파일에 개인키가 없습니다.", "The PFX file holds no private key.")
    certs = _dedupe(found.certs)
    if found.undecoded:   # e.g. a certificate part in RC2-40: let cryptography read the certificates
        certs = _dedupe(certs + _certificates_via_cryptography(data, pw))
    return _assemble(found.keys, certs, used_fallback=False)


def _walk(bags, pw, mac_checked, budget, found: _Found, depth: int) -> None:
    if depth > MAX_NESTING:
        raise _too_many("nesting")
    for bag in bags:
        found.bags += 1
        if found.bags > MAX_BAGS:
            raise _too_many("bags")
        kind = bag["bag_id"].native
        if kind == "key_bag":
            plain = bag["bag_value"].untag().dump()
            try:
                keyfile.parse_private_key_info(plain)
            except MalformedKey as exc:
                raise _NeedFallback() from exc
            found.keys.append(_with_random_num(plain, _bag_random_num(bag)))
        elif kind == "pkcs8_shrouded_key_bag":
            plain = _decrypt_key_bag(bag["bag_value"].untag().dump(), pw, mac_checked, budget)
            found.keys.append(_with_random_num(plain, _bag_random_num(bag)))
        elif kind == "cert_bag":
            cert_bag = bag["bag_value"]
            if cert_bag["cert_id"].native == "x509":
                found.certs.append(bytes(cert_bag["cert_value"]))
        elif kind == "safe_contents":
            _walk(bag["bag_value"], pw, mac_checked, budget, found, depth + 1)
        # crlBag, secretBag and unknown bags are ignored


def _decrypt_key_bag(epki_der: bytes, pw: bytearray, mac_checked: bool, budget: _Budget) -> bytes:
    try:
        key_file = keyfile.parse_encrypted_key(epki_der)
    except (MalformedKey, UnsupportedKeyEncryption, FileTooLarge) as exc:
        raise _NeedFallback() from exc
    _spend(key_file.encryption, budget)
    try:
        return keyfile.decrypt_key(key_file, pw)
    except WrongPassword as exc:
        if mac_checked:   # the MAC accepted the password: the key bag is damaged or uses another one
            raise _NeedFallback() from exc
        raise PfxWrongPassword() from exc


def _spend(enc: keyfile.KeyEncryption, budget: _Budget) -> None:
    if enc.variant == "B":
        budget.spend(max(1, enc.iterations // 8))
    else:
        if enc.iterations > MAX_P12_KDF_ITERATIONS:
            raise _too_many("iterations")
        budget.spend(enc.iterations * 3)


def _decrypt_part(alg_der: bytes, ciphertext: bytes, pw: bytearray, mac_checked: bool, budget: _Budget) -> bytes:
    """Decrypt an encryptedData part (PKCS#12 PBE-SHA1-3DES or PBES2). Raises UnsupportedKeyEncryption
    for other schemes, PfxWrongPassword / _NeedFallback for bad padding (without / with a good MAC)."""
    probe = asn1.EncryptedPrivateKeyInfo({"encryption_algorithm": asn1.AlgorithmIdentifier.load(alg_der),
                                          "encrypted_data": b""}).dump()
    try:   # reuse the key-file parser for the algorithm parameters and its limits
        enc = keyfile.parse_encrypted_key(probe).encryption
    except MalformedKey as exc:
        raise _NeedFallback() from exc
    if enc.variant != "B" and not enc.variant.startswith("P12-"):
        raise UnsupportedKeyEncryption(enc.oid)
    _spend(enc, budget)
    try:
        if enc.variant.startswith("P12-"):
            return keyfile.p12_decrypt(enc, pw, ciphertext)
        key_length, _ = _CIPHERS[enc.cipher_oid]
        key = pbkdf2(pw, enc.salt, enc.iterations, key_length, enc.prf or "sha1")
        return keyfile.block_decrypt(enc.cipher_oid, key, enc.iv, ciphertext)
    except WrongPassword as exc:
        if mac_checked:
            raise _NeedFallback() from exc
        raise PfxWrongPassword() from exc


def _dedupe(items: list[bytes]) -> list[bytes]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _load_cert(der: bytes):
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError:
        return None


def _assemble(key_candidates: list[bytes], cert_ders: list[bytes], *, used_fallback: bool) -> PfxContents:
    """Pick the first key that has a matching certificate; other certificates become extra_certs.
    Certificates that cannot be parsed are left out."""
    certs = [(der, cert) for der in cert_ders if (cert := _load_cert(der)) is not None]
    if not certs:
        raise MalformedPfx("PFX 파일에 인증서가 없습니다.", "The PFX file holds no certificate.")
    for plain in key_candidates:
        for der, cert in certs:
            try:
                matches = keyfile.public_key_matches(plain, cert)
            except (MalformedKey, ValueError, TypeError, UnsupportedAlgorithm):
                matches = False
            if matches:
                extra = tuple(other for other, _ in certs if other != der)
                kept = keyfile.parse_private_key_info(plain).random_num is not None
                return PfxContents(der, plain, extra, kept and not used_fallback, used_fallback)
    raise KeyMismatch("PFX 파일 안의 개인키에 맞는 인증서가 없습니다.",
                      "No certificate in the PFX file belongs to its private key.")


def _cryptography_load(data: bytes, pw: bytearray):
    from cryptography.hazmat.primitives.serialization import pkcs12
    return pkcs12.load_pkcs12(data, bytes(pw))


def _certificates_via_cryptography(data: bytes, pw: bytearray) -> list[bytes]:
    from cryptography.hazmat.primitives.serialization import Encoding
    try:
        loaded = _cryptography_load(data, pw)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return []
    certs = ([loaded.cert] if loaded.cert is not None else []) + list(loaded.additional_certs)
    return [c.certificate.public_bytes(Encoding.DER) for c in certs]


def _fallback(data: bytes, pw: bytearray, mac_checked: bool) -> PfxContents:
    """cryptography's loader: the key is re-serialised as PKCS#8, so R is lost (used_fallback)."""
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
    try:
        loaded = _cryptography_load(data, pw)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        if mac_checked:
            raise MalformedPfx() from exc
        # No MAC to tell a wrong password from damage; cryptography cannot tell either.
        raise MalformedPfx("PFX 파일을 읽을 수 없습니다. 비밀번호가 틀렸거나 파일이 손상되었습니다.",
                           "The PFX file cannot be read: the password is wrong or the file is damaged.") from exc
    if loaded.key is None:
        raise MalformedPfx("PFX 파일에 개인키가 없습니다.", "The PFX file holds no private key.")
    plain = loaded.key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    certs = ([loaded.cert] if loaded.cert is not None else []) + list(loaded.additional_certs)
    ders = _dedupe([c.certificate.public_bytes(Encoding.DER) for c in certs])
    return _assemble([plain], ders, used_fallback=True)
