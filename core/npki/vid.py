"""본인확인 (VID): does this certificate belong to 주민등록번호 X? (docs/npki-format.md "Identity check (VID)")

VID = H(H(DER(SEQUENCE { idn PrintableString, randomNum BIT STRING }))) with H named in the
certificate's identifyData. R comes from the decrypted private key.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from asn1crypto import core
from cryptography import x509
from cryptography.x509.oid import ExtensionOID

from . import asn1, oids
from ..errors import NoIdentifyData

HASH_BY_OID = {oids.SHA1: "sha1", oids.SHA256: "sha256", oids.SHA384: "sha384", oids.SHA512: "sha512"}
OID_BY_HASH = {v: k for k, v in HASH_BY_OID.items()}


def normalise_idn(idn: str) -> str:
    """13 ASCII digits from '900101-1234567' style input (the caller validates further)."""
    return "".join(ch for ch in idn if ch in "0123456789")


def compute_vid(idn: str, r: bytes, hash_name: str = "sha256") -> bytes:
    der = asn1.VidInput({"idn": normalise_idn(idn), "random_num": r}).dump()
    h = getattr(hashlib, hash_name)
    return h(h(der).digest()).digest()


@dataclass(frozen=True)
class IdentifyData:
    real_name: str
    hash_name: str
    vid: bytes = b""  # not secret by itself, but never shown


def identify_data_value(real_name: str, vid: bytes, hash_name: str = "sha256") -> bytes:
    """DER of the identifyData value (the content of the otherName's [0] EXPLICIT)."""
    return asn1.IdentifyData({
        "real_name": real_name,
        "user_infos": [{
            "type": oids.VID,
            "value": {"hash_alg": {"algorithm": OID_BY_HASH[hash_name], "parameters": core.Null()},
                      "virtual_id": vid},
        }],
    }).dump()


def read_identify_data(certificate: x509.Certificate) -> IdentifyData:
    """The identifyData of a certificate. Raises NoIdentifyData when absent or unreadable."""
    try:
        san = certificate.extensions.get_extension_for_oid(ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value
    except x509.ExtensionNotFound as exc:
        raise NoIdentifyData() from exc
    except Exception as exc:  # noqa: BLE001 - malformed extensions
        raise NoIdentifyData() from exc
    for other in san.get_values_for_type(x509.OtherName):
        if other.type_id.dotted_string != oids.IDENTIFY_DATA:
            continue
        try:
            value = other.value
            # cryptography hands over the [0] EXPLICIT wrapper's content; tolerate both forms.
            if value[:1] == b"\xa0":
                value = core.Any.load(value).contents  # strip an explicit tag if present
            data = asn1.IdentifyData.load(value)
            for info in data["user_infos"]:
                if info["type"].dotted == oids.VID:
                    alg = info["value"]["hash_alg"]["algorithm"].dotted
                    if alg not in HASH_BY_OID:
                        raise NoIdentifyData()
                    return IdentifyData(data["real_name"].native, HASH_BY_OID[alg],
                                        info["value"]["virtual_id"].native)
        except NoIdentifyData:
            raise
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
            raise NoIdentifyData() from exc
    raise NoIdentifyData()


def verify_vid(certificate: x509.Certificate, r: bytes, idn: str) -> bool:
    """True when the certificate's VID matches this RRN (or business number) and R."""
    data = read_identify_data(certificate)
    return hmac.compare_digest(compute_vid(idn, r, data.hash_name), data.vid)
