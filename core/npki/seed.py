"""SEED-CBC (RFC 4269) through `cryptography`'s decrepit SEED, with PKCS#7 padding."""
from __future__ import annotations

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from ..errors import SeedUnavailable, WrongPassword

try:
    from cryptography.hazmat.decrepit.ciphers.algorithms import SEED
except ImportError:  # very old cryptography: SEED lived in the main namespace
    from cryptography.hazmat.primitives.ciphers.algorithms import SEED  # type: ignore[attr-defined,no-redef]

BLOCK = 16


def _cipher(key: bytes, mode) -> Cipher:
    try:
        return Cipher(SEED(key), mode)
    except UnsupportedAlgorithm as exc:
        raise SeedUnavailable() from exc


def seed_ecb_encrypt_block(key: bytes, block: bytes) -> bytes:
    """One raw SEED block (used for the RFC 4269 known-answer tests)."""
    enc = _cipher(key, modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def seed_cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    pad = BLOCK - len(plaintext) % BLOCK
    enc = _cipher(key, modes.CBC(iv)).encryptor()
    return enc.update(plaintext + bytes([pad]) * pad) + enc.finalize()


def seed_cbc_decrypt(key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    """Decrypt and strip PKCS#7 padding. Bad length or padding means a wrong key: WrongPassword."""
    if not ciphertext or len(ciphertext) % BLOCK:
        raise WrongPassword()
    dec = _cipher(key, modes.CBC(iv)).decryptor()
    padded = dec.update(ciphertext) + dec.finalize()
    pad = padded[-1]
    if not 1 <= pad <= BLOCK or padded[-pad:] != bytes([pad]) * pad:
        raise WrongPassword()
    return padded[:-pad]
