"""Passwords as bytes, and wiping them: the small part of the key codec every command needs
(kept apart from core.npki.keyfile so the CLI can read a password without loading the ciphers)."""
from __future__ import annotations

from ..errors import NonAsciiPassword


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
