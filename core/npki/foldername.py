"""Certificate folder names (`cn=…,ou=…,o=…,c=…`) and keeping them inside `USER/`.

The name is built from the subject's RDN values exactly as Korean software writes it: RDNs in
reverse DER order, lower-case attribute names, values verbatim, joined with ',' and no RFC 4514
escaping. Because the values come from a possibly hostile certificate, a sanitiser replaces
anything a file system could read as structure, and `contained()` checks the resolved result.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID

from ..errors import UnsafeFolderName

_SHORT_NAMES = {
    NameOID.COMMON_NAME: "cn", NameOID.ORGANIZATIONAL_UNIT_NAME: "ou",
    NameOID.ORGANIZATION_NAME: "o", NameOID.COUNTRY_NAME: "c", NameOID.LOCALITY_NAME: "l",
    NameOID.STATE_OR_PROVINCE_NAME: "st", NameOID.EMAIL_ADDRESS: "e",
    NameOID.SERIAL_NUMBER: "serialnumber", NameOID.STREET_ADDRESS: "street",
}
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME_BYTES = 240  # under the 255-byte limit of common file systems, UTF-8 encoded


def folder_name_for(subject: x509.Name) -> str:
    """The raw folder name for a subject DN (not yet sanitised)."""
    parts = []
    for rdn in reversed(list(subject.rdns)):
        for attr in rdn:
            short = _SHORT_NAMES.get(attr.oid, attr.oid.dotted_string)
            value = attr.value if isinstance(attr.value, str) else attr.value.hex()
            parts.append(f"{short}={value}")
    return ",".join(parts)


@lru_cache(maxsize=4096)
def sanitize(name: str) -> str:
    """Make `name` a single safe path component on Windows, macOS and Linux.

    Replaces separators, reserved characters, control and format characters with '_', drops
    trailing dots/spaces, defuses '.'/'..' and Windows device names, and caps the length."""
    name = unicodedata.normalize("NFC", name)
    out = []
    for ch in name:
        cat = unicodedata.category(ch)
        if ch in _FORBIDDEN or cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append("_")
        else:
            out.append(ch)
    cleaned = "".join(out).rstrip(" .")
    cleaned = cleaned.lstrip(" ")
    if not cleaned or set(cleaned) <= {"."}:
        cleaned = "_" + cleaned.replace(".", "_")
    stem = re.split(r"[.,]", cleaned, maxsplit=1)[0].strip().upper()
    if stem in _RESERVED:
        cleaned = "_" + cleaned
    encoded = cleaned.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        cleaned = encoded[:MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip(" .") or "_"
    return cleaned


def safe_folder_name(subject: x509.Name) -> str:
    return sanitize(folder_name_for(subject))


def contained(base: Path, name: str) -> Path:
    """`base / name`, guaranteed to be a direct child of `base` (raises UnsafeFolderName)."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise UnsafeFolderName(path=str(base))
    if os.name == "nt" and (":" in name):
        raise UnsafeFolderName(path=str(base))
    target = base / name
    if os.name == "posix" and not os.path.islink(target):
        # a plain name (no separator, not . or ..) that is not a link stays directly in `base`
        return target
    base_resolved = os.path.realpath(base)
    target_resolved = os.path.realpath(target)
    if os.path.dirname(target_resolved) != base_resolved:
        raise UnsafeFolderName(path=str(base))
    return target
