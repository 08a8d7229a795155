"""`signPri.key` / `kmPri.key`: encrypted PKCS#8 in the variants Korean software writes.

- Variant A: seedCBCWithSHA1 (PBKDF1-SHA1, IV = SHA1(T[16:20])[:16]) — read and write.
- Variant B: PBES2 (PBKDF2 with any HMAC prf) + seedCBC — read and write; AES/3DES schemes read.
- Variant C: legacy seedCBC with the fixed IV "0123456789012345" — read only.
- PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC (keys converted by other tools, PFX key bags) — read.

The decrypted PKCS#8 bytes are kept as they are (never round-tripped through a key object),
because they carry the randomNum attribute (R) that `cryptography` drops on re-serialisation.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.padding import PKCS7

from . import asn1, oids
from .der import split_element
from .kdf import pbkdf1_sha1, pbkdf2, pkcs12_kdf
from .seed import seed_cbc_decrypt, seed_cbc_encrypt
from ..errors import (DojangError, KeyMismatch, MalformedKey, MissingRandomNum, NonAsciiPassword,
                      UnsupportedKeyEncryption, WrongPassword)

DEFAULT_ITERATIONS = 2048
# Hostile files may ask for billions of iterations; real ones use 2048 (PBKDF1) and rarely more
# than a few hundred thousand (PBKDF2). Anything above is refused instead of hanging.
MAX_PBKDF1_ITERATIONS = 100_000
MAX_PBKDF2_ITERATIONS = 2_000_000
MAX_KEY_FILE = 64 * 1024

PRF_BY_OID = {
    oids.HMAC_SHA1: "sha1", oids.HMAC_SHA224: "sha224", oids.HMAC_SHA256: "sha256",
    oids.HMAC_SHA384: "sha384", oids.HMAC_SHA512: "sha512",
}
OID_BY_PRF = {v: k for k, v in PRF_BY_OID.items()}
VARIANT_C_IV = b"0123456789012345"

# PKCS#12 PBEs (RFC 7292 Appendix C): variant name, cipher, key length, IV length, RC2 effective bits.
P12_PBES = {
    oids.PBE_SHA1_3DES: ("P12-3DES", "3des", 24, 8, None),
    oids.PBE_SHA1_2DES: ("P12-2DES", "3des", 16, 8, None),
    oids.PBE_SHA1_RC2_128: ("P12-RC2-128", "rc2", 16, 8, 128),
    oids.PBE_SHA1_RC2_40: ("P12-RC2-40", "rc2", 5, 8, 40),
    oids.PBE_SHA1_RC4_128: ("P12-RC4-128", "rc4", 16, 0, None),
    oids.PBE_SHA1_RC4_40: ("P12-RC4-40", "rc4", 5, 0, None),
}
PBES2_CIPHERS = {oids.SEED_CBC: 16, oids.AES128_CBC: 16, oids.AES192_CBC: 24, oids.AES256_CBC: 32,
                 oids.DES_EDE3_CBC: 24}

# Errors asn1crypto (and int/bytes handling of hostile input) can raise while parsing lazily.
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError,
                UnicodeError, RecursionError)


def password_bytes(password: str | bytes | bytearray) -> bytearray:
    """The password as printable-ASCII bytes; anything else is refused with the Hangul-mode hint."""
    if isinstance(password, str):
        if not all(" " <= ch <= "~" for ch in password):
            raise NonAsciiPassword()
        return bytearray(password.encode("ascii"))
    data = bytearray(password)
    if any(b < 0x20 or b > 0x7E for b in data):
        raise NonAsciiPassword()
    return data


def wipe(buf: bytearray | None) -> None:
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0


@dataclass(frozen=True)
class KeyEncryption:
    """How a key file is encrypted (no secrets here)."""
    variant: str            # "A", "B", "C" or a PKCS#12 PBE ("P12-3DES", "P12-RC2-40", … see P12_PBES)
    oid: str                # top-level algorithm OID
    salt: bytes
    iterations: int
    prf: str | None = None          # variant B: hash of the HMAC prf
    key_length: int | None = None   # variant B: explicit keyLength, if the file has one
    cipher_oid: str | None = None   # variant B: the encryption scheme
    iv: bytes | None = None         # variant B

    def describe(self, lang: str | None = None) -> str:
        """One line, in `lang` (core.i18n): "…, 2048회" / "…, 2048 iterations" — no Korean inside English."""
        from ..i18n import pick
        n = pick(f"{self.iterations}회", f"{self.iterations} iterations", lang)
        if self.variant == "A":
            return f"seedCBCWithSHA1 (PBKDF1-SHA1, {n})"
        if self.variant == "B":
            cipher = {oids.SEED_CBC: "SEED-CBC", oids.AES256_CBC: "AES-256-CBC", oids.AES192_CBC: "AES-192-CBC",
                      oids.AES128_CBC: "AES-128-CBC", oids.DES_EDE3_CBC: "3DES-CBC"}.get(
                self.cipher_oid or "", self.cipher_oid)
            return f"PBES2 (PBKDF2-HMAC-{(self.prf or 'sha1').upper()}, {n}, {cipher})"
        if self.variant == "C":
            return f"seedCBC legacy (PBKDF1-SHA1, {n})"
        return f"PKCS#12 PBE SHA1-{self.variant[4:]} ({n})"


@dataclass(frozen=True)
class EncryptedKey:
    encryption: KeyEncryption
    ciphertext: bytes
    trailing_bytes: int = 0     # bytes after the DER in the file (reported, ignored)


def _int(value: asn1.core.Integer, low: int, high: int) -> int:
    n = value.native
    if not isinstance(n, int) or not low <= n <= high:
        raise MalformedKey()
    return n


def parse_encrypted_key(data: bytes) -> EncryptedKey:
    """Parse an EncryptedPrivateKeyInfo. Raises MalformedKey or UnsupportedKeyEncryption."""
    if len(data) > MAX_KEY_FILE:
        from ..errors import FileTooLarge
        raise FileTooLarge("signPri.key", len(data), MAX_KEY_FILE)
    try:
        element, trailing = split_element(bytes(data))
        epki = asn1.EncryptedPrivateKeyInfo.load(element, strict=True)
        oid = epki["encryption_algorithm"]["algorithm"].dotted
        params = epki["encryption_algorithm"]["parameters"]
        ciphertext = epki["encrypted_data"].native
        if oid in (oids.SEED_CBC_WITH_SHA1, oids.SEED_CBC) or oid in P12_PBES:
            sc = asn1.SaltAndCount.load(params.dump(), strict=True)
            limit = MAX_PBKDF2_ITERATIONS if oid in P12_PBES else MAX_PBKDF1_ITERATIONS
            variant = {oids.SEED_CBC_WITH_SHA1: "A", oids.SEED_CBC: "C"}.get(oid) or P12_PBES[oid][0]
            enc = KeyEncryption(variant=variant, oid=oid, salt=sc["salt"].native,
                                iterations=_int(sc["iterations"], 1, limit))
        elif oid == oids.PBES2:
            p = asn1.Pbes2Params.load(params.dump(), strict=True)
            kdf_oid = p["key_derivation_func"]["algorithm"].dotted
            if kdf_oid != oids.PBKDF2:
                raise UnsupportedKeyEncryption(kdf_oid)
            kp = asn1.Pbkdf2Params.load(p["key_derivation_func"]["parameters"].dump(), strict=True)
            prf = "sha1"
            if kp["prf"].native is not None:
                prf_oid = kp["prf"]["algorithm"].dotted
                if prf_oid not in PRF_BY_OID:
                    raise UnsupportedKeyEncryption(prf_oid)
                prf = PRF_BY_OID[prf_oid]
            key_length = kp["key_length"].native
            cipher_oid = p["encryption_scheme"]["algorithm"].dotted
            if cipher_oid not in PBES2_CIPHERS:
                raise UnsupportedKeyEncryption(cipher_oid)
            iv = asn1.core.OctetString.load(p["encryption_scheme"]["parameters"].dump(), strict=True).native
            expected_iv = 8 if cipher_oid == oids.DES_EDE3_CBC else 16
            if len(iv) != expected_iv:
                raise MalformedKey()
            if key_length is not None and key_length != _cipher_key_length(cipher_oid):
                raise MalformedKey()
            enc = KeyEncryption(variant="B", oid=oid, salt=kp["salt"].native,
                                iterations=_int(kp["iterations"], 1, MAX_PBKDF2_ITERATIONS),
                                prf=prf, key_length=key_length, cipher_oid=cipher_oid, iv=iv)
        else:
            raise UnsupportedKeyEncryption(oid)
        if not isinstance(ciphertext, bytes) or not isinstance(enc.salt, bytes):
            raise MalformedKey()
        return EncryptedKey(enc, ciphertext, trailing)
    except DojangError:
        raise
    except PARSE_ERRORS as exc:
        raise MalformedKey() from exc


def _cipher_key_length(cipher_oid: str) -> int:
    return PBES2_CIPHERS[cipher_oid]


def _variant_a_key_iv(pw: bytes | bytearray, salt: bytes, iterations: int) -> tuple[bytes, bytes]:
    t = pbkdf1_sha1(pw, salt, iterations)
    return t[:16], hashlib.sha1(t[16:20]).digest()[:16]


def block_decrypt(cipher_oid: str, key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    """CBC-decrypt with SEED, 3DES or AES and strip PKCS#7 padding; bad padding is WrongPassword."""
    if cipher_oid == oids.SEED_CBC:
        return seed_cbc_decrypt(key, iv, ciphertext)
    if cipher_oid == oids.DES_EDE3_CBC:
        from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
        algo, block = TripleDES(key), 64
    else:
        algo, block = algorithms.AES(key), 128
    if not ciphertext or len(ciphertext) % (block // 8):
        raise WrongPassword()
    dec = Cipher(algo, modes.CBC(iv)).decryptor()
    padded = dec.update(ciphertext) + dec.finalize()
    unpadder = PKCS7(block).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise WrongPassword() from exc


def p12_decrypt(enc: KeyEncryption, pw: bytes | bytearray, ciphertext: bytes) -> bytes:
    """Decrypt with a PKCS#12 PBE (RFC 7292 Appendix B key and IV). Bad padding is WrongPassword."""
    _variant, cipher, key_len, iv_len, rc2_bits = P12_PBES[enc.oid]
    key = pkcs12_kdf(pw, enc.salt, enc.iterations, 1, key_len)
    iv = pkcs12_kdf(pw, enc.salt, enc.iterations, 2, iv_len) if iv_len else b""
    if cipher == "3des":
        key = key + key[:8] if len(key) == 16 else key      # two-key 3DES is K1 K2 K1
        return block_decrypt(oids.DES_EDE3_CBC, key, iv, ciphertext)
    if cipher == "rc4":   # a stream cipher: no padding; a wrong key shows as non-PKCS#8 bytes
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        dec = Cipher(ARC4(key), None).decryptor()
        return dec.update(ciphertext) + dec.finalize()
    from .rc2 import BLOCK, cbc_decrypt
    if not ciphertext or len(ciphertext) % BLOCK:
        raise WrongPassword()
    padded = cbc_decrypt(key, rc2_bits, iv, ciphertext)
    pad = padded[-1]
    if not 1 <= pad <= BLOCK or padded[-pad:] != bytes([pad]) * pad:
        raise WrongPassword()
    return padded[:-pad]


def p12_encrypt(oid: str, pw: bytes | bytearray, salt: bytes, iterations: int, data: bytes) -> bytes:
    """Encrypt with a PKCS#12 PBE (used to build test files and by nothing Dojang writes by default)."""
    _variant, cipher, key_len, iv_len, rc2_bits = P12_PBES[oid]
    key = pkcs12_kdf(pw, salt, iterations, 1, key_len)
    iv = pkcs12_kdf(pw, salt, iterations, 2, iv_len) if iv_len else b""
    if cipher == "rc4":
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        enc = Cipher(ARC4(key), None).encryptor()
        return enc.update(data) + enc.finalize()
    if cipher == "rc2":
        from .rc2 import cbc_encrypt
        return cbc_encrypt(key, rc2_bits, iv, data)
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    key = key + key[:8] if len(key) == 16 else key
    padder = PKCS7(64).padder()
    padded = padder.update(data) + padder.finalize()
    e = Cipher(TripleDES(key), modes.CBC(iv)).encryptor()
    return e.update(padded) + e.finalize()


def decrypt_key(data: bytes | EncryptedKey, password: str | bytes | bytearray) -> bytes:
    """Decrypt to the PKCS#8 PrivateKeyInfo DER bytes.

    Raises WrongPassword when the padding is invalid or the result is not PKCS#8 (a wrong key
    yields valid padding about once in 256 tries). The caller checks the key against the
    certificate (see `check_password`).
    """
    key_file = data if isinstance(data, EncryptedKey) else parse_encrypted_key(data)
    enc = key_file.encryption
    pw = password_bytes(password)
    try:
        if enc.variant == "A":
            key, iv = _variant_a_key_iv(pw, enc.salt, enc.iterations)
            plain = seed_cbc_decrypt(key, iv, key_file.ciphertext)
        elif enc.variant == "C":
            key = pbkdf1_sha1(pw, enc.salt, enc.iterations)[:16]
            plain = seed_cbc_decrypt(key, VARIANT_C_IV, key_file.ciphertext)
        elif enc.variant == "B":
            key = pbkdf2(pw, enc.salt, enc.iterations, _cipher_key_length(enc.cipher_oid), enc.prf or "sha1")
            plain = block_decrypt(enc.cipher_oid, key, enc.iv, key_file.ciphertext)
        else:
            plain = p12_decrypt(enc, pw, key_file.ciphertext)
    finally:
        wipe(pw)
    try:
        parse_private_key_info(plain)
    except MalformedKey as exc:
        raise WrongPassword() from exc
    return plain


def encrypt_key(plain: bytes, password: str | bytes | bytearray, variant: str = "A", *,
                salt: bytes | None = None, iterations: int = DEFAULT_ITERATIONS,
                iv: bytes | None = None, prf: str = "sha1", explicit_key_length: bool = False) -> bytes:
    """Encrypt PKCS#8 bytes into an EncryptedPrivateKeyInfo (variant "A" or "B" with SEED-CBC)."""
    pw = password_bytes(password)
    salt = os.urandom(8) if salt is None else salt
    try:
        if variant == "A":
            key, derived_iv = _variant_a_key_iv(pw, salt, iterations)
            ciphertext = seed_cbc_encrypt(key, derived_iv, plain)
            alg = asn1.AlgorithmIdentifier({
                "algorithm": oids.SEED_CBC_WITH_SHA1,
                "parameters": asn1.SaltAndCount({"salt": salt, "iterations": iterations}),
            })
        elif variant == "B":
            iv = os.urandom(16) if iv is None else iv
            key = pbkdf2(pw, salt, iterations, 16, prf)
            ciphertext = seed_cbc_encrypt(key, iv, plain)
            kdf_params = {"salt": salt, "iterations": iterations}
            if explicit_key_length:
                kdf_params["key_length"] = 16
            if prf != "sha1":  # DEFAULT algid-hmacWithSHA1 is omitted in DER
                kdf_params["prf"] = asn1.AlgorithmIdentifier(
                    {"algorithm": OID_BY_PRF[prf], "parameters": asn1.core.Null()})
            alg = asn1.AlgorithmIdentifier({
                "algorithm": oids.PBES2,
                "parameters": asn1.Pbes2Params({
                    "key_derivation_func": {"algorithm": oids.PBKDF2,
                                            "parameters": asn1.Pbkdf2Params(kdf_params)},
                    "encryption_scheme": {"algorithm": oids.SEED_CBC,
                                          "parameters": asn1.core.OctetString(iv)},
                }),
            })
        else:
            raise ValueError(f"Dojang writes variants A and B only, not {variant!r}")
    finally:
        wipe(pw)
    return asn1.EncryptedPrivateKeyInfo({"encryption_algorithm": alg,
                                         "encrypted_data": ciphertext}).dump(force=True)


def reencrypt(original: bytes, plain: bytes, new_password: str | bytes | bytearray) -> bytes:
    """Re-encrypt `plain` like `original` (same variant, iterations and prf) with a fresh salt/IV.

    Variant C and foreign schemes are written as variant A (Dojang never writes them)."""
    enc = parse_encrypted_key(original).encryption
    if enc.variant == "B" and enc.cipher_oid == oids.SEED_CBC:
        return encrypt_key(plain, new_password, "B", iterations=enc.iterations, prf=enc.prf or "sha1",
                           explicit_key_length=enc.key_length is not None)
    iterations = enc.iterations if enc.variant in ("A", "C") else DEFAULT_ITERATIONS
    return encrypt_key(plain, new_password, "A", iterations=iterations)


@dataclass(frozen=True)
class PrivateKeyParts:
    algorithm: str               # dotted OID of the key algorithm
    modulus: int | None          # RSA public modulus, when RSA
    public_exponent: int | None
    random_num: bytes | None     # R, when the randomNum attribute is present (secret)


def parse_private_key_info(plain: bytes) -> PrivateKeyParts:
    """Parse decrypted PKCS#8 bytes. Raises MalformedKey when they are not a PrivateKeyInfo."""
    try:
        pki = asn1.PrivateKeyInfo.load(bytes(plain), strict=True)
        if pki["version"].native not in (0, 1):
            raise MalformedKey()
        algorithm = pki["private_key_algorithm"]["algorithm"].dotted
        modulus = exponent = None
        if algorithm == oids.RSA_ENCRYPTION:
            rsa = asn1.RsaPrivateKeyHead.load(pki["private_key"].native, strict=True)
            modulus, exponent = rsa["modulus"].native, rsa["public_exponent"].native
            if modulus <= 0 or exponent <= 0:
                raise MalformedKey()
        random_num = None
        attributes = pki["attributes"]
        if attributes.native is not None:
            for attribute in attributes:
                if attribute["type"].dotted == oids.RANDOM_NUM and len(attribute["values"]):
                    bits = asn1.core.OctetBitString.load(attribute["values"][0].dump())
                    random_num = bits.native
        return PrivateKeyParts(algorithm, modulus, exponent, random_num)
    except DojangError:
        raise
    except PARSE_ERRORS as exc:
        raise MalformedKey() from exc


def public_key_matches(plain: bytes, certificate) -> bool:
    """Does the decrypted key belong to `certificate` (a cryptography x509.Certificate)?"""
    from cryptography.hazmat.primitives.asymmetric import rsa as rsa_keys
    from cryptography.hazmat.primitives.serialization import load_der_private_key

    parts = parse_private_key_info(plain)
    cert_key = certificate.public_key()
    if parts.modulus is not None:
        if not isinstance(cert_key, rsa_keys.RSAPublicKey):
            return False
        numbers = cert_key.public_numbers()
        return numbers.n == parts.modulus and numbers.e == parts.public_exponent
    try:
        key = load_der_private_key(bytes(plain), None)
    except (ValueError, TypeError) as exc:
        raise MalformedKey() from exc
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    fmt = (Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return key.public_key().public_bytes(*fmt) == cert_key.public_bytes(*fmt)


def check_password(key_data: bytes, certificate, password: str | bytes | bytearray) -> bytes:
    """docs/npki-format.md "Checking a password": padding valid, PKCS#8 parses, and the public key equals the certificate's.

    Returns the decrypted PKCS#8 bytes. A wrong password is always WrongPassword; a correct
    password on a key that belongs to a different certificate is KeyMismatch."""
    plain = decrypt_key(key_data, password)
    if not public_key_matches(plain, certificate):
        raise KeyMismatch()
    return plain


def random_num(plain: bytes) -> bytes:
    """R from decrypted PKCS#8 bytes. Raises MissingRandomNum when the attribute is absent."""
    r = parse_private_key_info(plain).random_num
    if not r:
        raise MissingRandomNum()
    return r


def build_private_key_info(private_key, r: bytes | None) -> bytes:
    """PKCS#8 bytes for a freshly generated key, with the randomNum attribute when `r` is given."""
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    der = private_key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    if r is None:
        return der
    pki = asn1.PrivateKeyInfo.load(der)
    attribute = asn1.Attribute({"type": oids.RANDOM_NUM,
                                "values": [asn1.core.OctetBitString(r)]})
    return asn1.PrivateKeyInfo({
        "version": pki["version"].native,
        "private_key_algorithm": pki["private_key_algorithm"].copy(),
        "private_key": pki["private_key"].native,
        "attributes": [attribute],
    }).dump(force=True)
