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
    return header(data, 0, len(data))[2]


def header(data: bytes | bytearray | memoryview, start: int, n: int) -> tuple[int, int, int]:
    """(first tag byte, content start, content end) of the element at `start`, which must end by
    `n`. Raises DerError. (Called tens of times per certificate by a listing: kept tight.)"""
    if n - start < 2:
        raise DerError("too short")
    tag = data[start]
    pos = start + 1
    if tag & 0x1F == 0x1F:              # high tag number form: base-128 digits, last without 0x80
        while True:
            if pos >= n or pos > start + 5:
                raise DerError("bad tag")
            byte = data[pos]
            pos += 1
            if not byte & 0x80:
                break
        if pos >= n:
            raise DerError("no length")
    length = data[pos]
    pos += 1
    if length >= 0x80:
        if length == 0x80:
            raise DerError("indefinite length is not DER")
        count = length & 0x7F
        if count > MAX_LENGTH_OCTETS or pos + count > n:
            raise DerError("bad length")
        if count == 1:
            length = data[pos]
        elif count == 2:
            length = (data[pos] << 8) | data[pos + 1]
        else:
            length = int.from_bytes(bytes(data[pos:pos + count]), "big")
        pos += count
    end = pos + length
    if end > n:
        raise DerError("truncated")
    return tag, pos, end


def algorithm_oid(data: bytes) -> bytes:
    """The content octets of the algorithm OID of `SEQUENCE { SEQUENCE { OID, ... }, ... }` (an
    EncryptedPrivateKeyInfo) — the cheap check the listing makes of every key file. Raises DerError."""
    # Every key file Dojang has seen starts 30 82 LL LL 30 L 06 L <oid>: read inline with the same
    # bounds the general walk below checks (tests/npki/test_der.py compares both on random bytes).
    n = len(data)
    if n > 8 and data[0] == 0x30 and data[1] == 0x82 and data[4] == 0x30 and data[5] < 0x80 and \
            data[6] == 0x06 and 0 < data[7] < 0x80:
        oid_end = 8 + data[7]
        alg_end = 6 + data[5]
        end = 4 + ((data[2] << 8) | data[3])
        if oid_end <= alg_end <= end <= n:
            return bytes(data[8:oid_end])
    return _algorithm_oid(data)


def _algorithm_oid(data: bytes) -> bytes:
    tag, pos, end = header(data, 0, len(data))
    if tag != 0x30:
        raise DerError("not a SEQUENCE")
    tag, pos, alg_end = header(data, pos, end)
    if tag != 0x30:
        raise DerError("no AlgorithmIdentifier")
    tag, pos, oid_end = header(data, pos, alg_end)
    if tag != 0x06 or oid_end == pos:
        raise DerError("no OID")
    return bytes(data[pos:oid_end])


def split_element(data: bytes) -> tuple[bytes, int]:
    """(the first DER element, the number of bytes after it). Raises DerError."""
    end = element_end(data)
    if end == len(data):
        return data, 0
    return bytes(data[:end]), len(data) - end


def encode_oid(dotted: str) -> bytes:
    """The content octets of an OBJECT IDENTIFIER."""
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray([arcs[0] * 40 + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)


def decode_oid(content: bytes) -> str:
    """Dotted form of OBJECT IDENTIFIER content octets (for messages about unknown algorithms)."""
    arcs, value = [], 0
    for byte in content:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    if not arcs:
        return "?"
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])
