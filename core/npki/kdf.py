"""Key derivation used by NPKI keys and PKCS#12: PBKDF1-SHA1, PBKDF2, and the PKCS#12 KDF."""
from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

HASHES = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
    "sha384": hashes.SHA384, "sha512": hashes.SHA512,
}


def pbkdf1_sha1(password: bytes | bytearray, salt: bytes, iterations: int) -> bytes:
    """PKCS#5 v1 PBKDF1 with SHA-1: T1 = SHA1(P || S), Tn = SHA1(Tn-1); returns the 20-byte T."""
    digest = hashlib.sha1(password)
    digest.update(salt)
    t = digest.digest()
    sha1 = hashlib.sha1
    for _ in range(iterations - 1):
        t = sha1(t).digest()
    return t


def pbkdf2(password: bytes | bytearray, salt: bytes, iterations: int, length: int, prf: str = "sha1") -> bytes:
    return PBKDF2HMAC(HASHES[prf](), length, salt, iterations).derive(bytes(password))


def pkcs12_password(password: bytes | bytearray) -> bytes:
    """RFC 7292 B.1: the password as a BMPString (UTF-16BE) with a two-byte NUL terminator."""
    if not password:
        return b""
    return bytes(password).decode("ascii").encode("utf-16-be") + b"\x00\x00"


def pkcs12_kdf(password: bytes | bytearray, salt: bytes, iterations: int, purpose: int, length: int,
               hash_name: str = "sha1") -> bytes:
    """RFC 7292 Appendix B.2. purpose: 1 = key, 2 = IV, 3 = MAC key. `password` is ASCII bytes."""
    h = getattr(hashlib, hash_name)
    u = h().digest_size
    v = h().block_size
    pw = pkcs12_password(password)
    d = bytes([purpose]) * v

    def stretch(data: bytes) -> bytes:
        if not data:
            return b""
        n = v * ((len(data) + v - 1) // v)
        return (data * (n // len(data) + 1))[:n]

    i = bytearray(stretch(salt) + stretch(pw))
    out = b""
    while len(out) < length:
        a = h(d + bytes(i)).digest()
        for _ in range(iterations - 1):
            a = h(a).digest()
        out += a
        if len(out) >= length:
            break
        b = int.from_bytes(stretch(a)[:v], "big") + 1
        for j in range(0, len(i), v):
            block = (int.from_bytes(i[j:j + v], "big") + b) % (1 << (8 * v))
            i[j:j + v] = block.to_bytes(v, "big")
    return out[:length]
