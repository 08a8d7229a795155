"""RC2 (RFC 2268) in CBC mode, decrypt and encrypt, for PKCS#12 files that use
pbeWithSHAAnd40BitRC2-CBC / pbeWithSHAAnd128BitRC2-CBC (docs/npki-codec.md "Key encryption variants (`core/npki/keyfile.py`)").

`cryptography` has no RC2, and old PFX files (OpenSSL before 3.0, Windows export, Korean banking
software) still encrypt with it. Written from the RFC's description: key expansion with the
PITABLE and an effective key length, 16 mixing and 2 mashing rounds on four 16-bit words.
Files are a few KB, so a plain Python implementation is fast enough.
"""
from __future__ import annotations

PITABLE = bytes.fromhex(
    "d978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2"
    "179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82"
    "54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626"
    "6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7"
    "08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec"
    "c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731"
    "2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9"
    "0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad")
BLOCK = 8
_MASK = 0xFFFF


def expand_key(key: bytes, effective_bits: int) -> list[int]:
    """The 64 16-bit round keys K[0..63] (RFC 2268 §2)."""
    t = len(key)
    if not 1 <= t <= 128 or not 1 <= effective_bits <= 1024:
        raise ValueError("RC2 key length out of range")
    lst = bytearray(128)
    lst[:t] = key
    for i in range(t, 128):
        lst[i] = PITABLE[(lst[i - 1] + lst[i - t]) & 0xFF]
    t8 = (effective_bits + 7) // 8
    tm = 0xFF >> (8 * t8 - effective_bits)
    lst[128 - t8] = PITABLE[lst[128 - t8] & tm]
    for i in range(127 - t8, -1, -1):
        lst[i] = PITABLE[lst[i + 1] ^ lst[i + t8]]
    return [lst[2 * i] | (lst[2 * i + 1] << 8) for i in range(64)]


_SHIFTS = (1, 2, 3, 5)


def _encrypt_block(k: list[int], block: bytes) -> bytes:
    r = [block[0] | block[1] << 8, block[2] | block[3] << 8, block[4] | block[5] << 8, block[6] | block[7] << 8]
    j = 0
    for rnd in range(16):
        for i in range(4):
            x = (r[i] + k[j] + (r[i - 1] & r[i - 2]) + (~r[i - 1] & r[i - 3])) & _MASK
            j += 1
            s = _SHIFTS[i]
            r[i] = ((x << s) | (x >> (16 - s))) & _MASK
        if rnd in (4, 10):       # a mashing round after the 5th and the 11th mixing round
            for i in range(4):
                r[i] = (r[i] + k[r[i - 1] & 63]) & _MASK
    return bytes(b for w in r for b in (w & 0xFF, w >> 8))


def _decrypt_block(k: list[int], block: bytes) -> bytes:
    r = [block[0] | block[1] << 8, block[2] | block[3] << 8, block[4] | block[5] << 8, block[6] | block[7] << 8]
    j = 63
    for rnd in range(15, -1, -1):
        for i in range(3, -1, -1):
            s = _SHIFTS[i]
            x = ((r[i] >> s) | (r[i] << (16 - s))) & _MASK
            r[i] = (x - k[j] - (r[i - 1] & r[i - 2]) - (~r[i - 1] & r[i - 3])) & _MASK
            j -= 1
        if rnd in (5, 11):       # undo the mashing rounds in reverse order
            for i in range(3, -1, -1):
                r[i] = (r[i] - k[r[i - 1] & 63]) & _MASK
    return bytes(b for w in r for b in (w & 0xFF, w >> 8))


def ecb_encrypt_block(key: bytes, effective_bits: int, block: bytes) -> bytes:
    """One raw block (the RFC 2268 known-answer tests)."""
    return _encrypt_block(expand_key(key, effective_bits), block)


def cbc_encrypt(key: bytes, effective_bits: int, iv: bytes, data: bytes) -> bytes:
    """PKCS#7-padded RC2-CBC encryption."""
    k = expand_key(key, effective_bits)
    pad = BLOCK - len(data) % BLOCK
    data = data + bytes([pad]) * pad
    out, prev = bytearray(), iv
    for pos in range(0, len(data), BLOCK):
        block = bytes(a ^ b for a, b in zip(data[pos:pos + BLOCK], prev))
        prev = _encrypt_block(k, block)
        out += prev
    return bytes(out)


def cbc_decrypt(key: bytes, effective_bits: int, iv: bytes, data: bytes) -> bytes:
    """RC2-CBC decryption, padding left on (the caller checks it)."""
    if not data or len(data) % BLOCK or len(iv) != BLOCK:
        raise ValueError("RC2 data is not whole blocks")
    k = expand_key(key, effective_bits)
    out, prev = bytearray(), iv
    for pos in range(0, len(data), BLOCK):
        block = data[pos:pos + BLOCK]
        out += bytes(a ^ b for a, b in zip(_decrypt_block(k, block), prev))
        prev = block
    return bytes(out)
