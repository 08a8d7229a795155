"""Find where the first DER element of a file ends (docs/npki-codec.md "Trailing bytes").

Files written by some CAs' software carry extra bytes after the DER of `signCert.der` or
`signPri.key` (padding, a vendor trailer). The element itself is what counts: it is cut off here and
parsed strictly; the number of extra bytes is reported as a note, never as damage. Only the header
of the outer element is read: the element must be a definite-length constructed value that fits.
"""
from __future__ import annotations

MAX_LENGTH_OCTETS = 4   # a 4 GiB element is far beyond any certificate or key file


class DerError(ValueError):
    """The bytes do not start with a complete DER element."""


def element_end(data: bytes | bytearray | memoryview) -> int:
    """The offset just past the first DER element of `data`. Raises DerError."""
    n = len(data)
    if n < 2:
        raise DerError("too short")
    pos = 1
    if data[0] & 0x1F == 0x1F:          # high tag number form: base-128 digits, last without 0x80
        while True:
            if pos >= n or pos > 5:
                raise DerError("bad tag")
            byte = data[pos]
            pos += 1
            if not byte & 0x80:
                break
    if pos >= n:
        raise DerError("no length")
    first = data[pos]
    pos += 1
    if first < 0x80:
        length = first
    elif first == 0x80:
        raise DerError("indefinite length is not DER")
    else:
        count = first & 0x7F
        if count > MAX_LENGTH_OCTETS or pos + count > n:
            raise DerError("bad length")
        length = int.from_bytes(bytes(data[pos:pos + count]), "big")
        pos += count
    end = pos + length
    if end > n:
        raise DerError("truncated")
    return end


def split_element(data: bytes) -> tuple[bytes, int]:
    """(the first DER element, the number of bytes after it). Raises DerError."""
    end = element_end(data)
    if end == len(data):
        return data, 0
    return bytes(data[:end]), len(data) - end
