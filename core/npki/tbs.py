"""A fast read of the certificate fields a listing shows, straight from the DER (docs/npki-codec.md
"Listing speed").

`cryptography` builds a Python object for every name attribute and extension, which dominates a
listing of thousands of certificates. The fields Dojang lists — subject and issuer attributes, the
certificate policies and whether the SubjectAltName carries identifyData (VID) — are read here with
`der.header` only. Anything unusual (a string type not handled here, a multi-valued RDN, a structure
that does not parse) returns None, and the caller falls back to `cryptography`, so both paths give
the same answers.
"""
from __future__ import annotations

from .der import DerError, decode_oid, encode_oid, header

_CN, _OU, _O, _C = (encode_oid(o) for o in ("2.5.4.3", "2.5.4.11", "2.5.4.10", "2.5.4.6"))
_SHORT = {encode_oid(oid): short for oid, short in (
    ("2.5.4.3", "cn"), ("2.5.4.11", "ou"), ("2.5.4.10", "o"), ("2.5.4.6", "c"), ("2.5.4.7", "l"),
    ("2.5.4.8", "st"), ("1.2.840.113549.1.9.1", "e"), ("2.5.4.5", "serialnumber"), ("2.5.4.9", "street"))}
_POLICIES = encode_oid("2.5.29.32")
_SAN = encode_oid("2.5.29.17")
_IDENTIFY_DATA = encode_oid("1.2.410.200004.10.1.1")
_RSA = encode_oid("1.2.840.113549.1.1.1")
# string tags decoded here: UTF8String, PrintableString, IA5String, NumericString, VisibleString, BMPString
_STRINGS = {0x0C: "utf-8", 0x13: "ascii", 0x16: "ascii", 0x12: "ascii", 0x1A: "ascii", 0x1E: "utf-16-be"}


class Unusual(Exception):
    """Not handled on the fast path: use cryptography."""


class Fields:
    """subject/issuer: [(oid content octets, value)] in DER order; policies: dotted OIDs;
    identify_data: SubjectAltName has the otherName 1.2.410.200004.10.1.1; rsa_bits: the modulus
    size of a well-formed RSA public key, None for any other key (cryptography then says)."""
    __slots__ = ("subject", "issuer", "policies", "identify_data", "rsa_bits")

    def __init__(self, subject, issuer, policies, identify_data, rsa_bits=None):
        self.subject, self.issuer, self.policies, self.identify_data = subject, issuer, policies, identify_data
        self.rsa_bits = rsa_bits

    def first(self, which: str, oid: bytes) -> str | None:
        for key, value in getattr(self, which):
            if key == oid:
                return value
        return None

    def folder_name(self) -> str:
        """cn=…,ou=…,o=…,c=… like core.npki.foldername.folder_name_for (RDNs in reverse order)."""
        return ",".join(f"{_SHORT.get(oid) or decode_oid(oid)}={value}" for oid, value in reversed(self.subject))


def _name(data: bytes, pos: int, end: int) -> list[tuple[bytes, str]]:
    out = []
    while pos < end:
        # The common shape, all short-form lengths: 31 L 30 L 06 L oid T L value (read inline);
        # anything else goes through der.header.
        if end - pos > 8 and data[pos] == 0x31 and data[pos + 1] < 0x80 and data[pos + 2] == 0x30 and \
                data[pos + 3] < 0x80 and data[pos + 4] == 0x06 and data[pos + 5] < 0x80:
            rdn_end = pos + 2 + data[pos + 1]
            atv_end = pos + 4 + data[pos + 3]
            oid_pos = pos + 6
            oid_end = oid_pos + data[pos + 5]
            if atv_end != rdn_end or rdn_end > end or oid_end + 2 > atv_end:
                raise Unusual
            tag, v_len = data[oid_end], data[oid_end + 1]
            if v_len >= 0x80 or oid_end + 2 + v_len != atv_end:
                tag, v_pos, v_end = header(data, oid_end, atv_end)
                if v_end != atv_end:
                    raise Unusual
            else:
                v_pos, v_end = oid_end + 2, atv_end
        else:
            tag, rdn_pos, rdn_end = header(data, pos, end)          # SET OF AttributeTypeAndValue
            if tag != 0x31:
                raise Unusual
            tag, atv_pos, atv_end = header(data, rdn_pos, rdn_end)   # SEQUENCE { OID, value }
            if tag != 0x30 or atv_end != rdn_end:                     # a multi-valued RDN: the slow path
                raise Unusual
            tag, oid_pos, oid_end = header(data, atv_pos, atv_end)
            if tag != 0x06:
                raise Unusual
            tag, v_pos, v_end = header(data, oid_end, atv_end)
            if v_end != atv_end:
                raise Unusual
        encoding = _STRINGS.get(tag)
        if encoding is None:
            raise Unusual
        out.append((data[oid_pos:oid_end], data[v_pos:v_end].decode(encoding)))
        pos = rdn_end
    return out


def _extensions(data: bytes, pos: int, end: int) -> tuple[tuple[str, ...], bool]:
    policies: tuple[str, ...] = ()
    identify = False
    tag, pos, end = header(data, pos, end)                        # SEQUENCE OF Extension
    if tag != 0x30:
        raise Unusual
    while pos < end:
        # Extension ::= SEQUENCE { OID, critical BOOLEAN OPTIONAL, OCTET STRING }; the common
        # header shapes (short, 0x81, 0x82 lengths; short OID) read inline, others via der.header.
        length = data[pos + 1]
        if data[pos] == 0x30 and length < 0x80:
            e_pos, e_end = pos + 2, pos + 2 + length
        elif data[pos] == 0x30 and length == 0x81:
            e_pos, e_end = pos + 3, pos + 3 + data[pos + 2]
        else:
            tag, e_pos, e_end = header(data, pos, end)
        if e_end > end:
            raise Unusual
        if e_end - e_pos > 2 and data[e_pos] == 0x06 and data[e_pos + 1] < 0x80:
            oid_pos, oid_end = e_pos + 2, e_pos + 2 + data[e_pos + 1]
            oid = data[oid_pos:oid_end]
            if oid != _POLICIES and oid != _SAN:                  # not listed: skip without parsing
                pos = e_end
                continue
        else:
            tag, oid_pos, oid_end = header(data, e_pos, e_end)
            oid = data[oid_pos:oid_end]
        tag, v_pos, v_end = header(data, oid_end, e_end)
        if tag == 0x01:                                           # critical BOOLEAN
            tag, v_pos, v_end = header(data, v_end, e_end)
        if tag != 0x04:
            raise Unusual
        if oid == _POLICIES:
            # the same policy extension recurs in every certificate of a CA product: remembered
            value = data[v_pos:v_end]
            policies = _policy_cache.get(value)
            if policies is None:
                policies = _policies(value)
                if len(_policy_cache) < 256:
                    _policy_cache[value] = policies
        elif oid == _SAN:
            tag, g_pos, g_end = header(data, v_pos, v_end)
            while g_pos < g_end:
                tag, n_pos, n_end = header(data, g_pos, g_end)
                if tag == 0xA0:                                   # otherName { type-id, [0] value }
                    tag, o_pos, o_end = header(data, n_pos, n_end)
                    if tag == 0x06 and data[o_pos:o_end] == _IDENTIFY_DATA:
                        identify = True
                g_pos = n_end
        pos = e_end
    return policies, identify


_policy_cache: dict[bytes, tuple[str, ...]] = {}
_name_cache: dict[bytes, tuple[tuple[bytes, str], ...]] = {}


def _policies(value: bytes) -> tuple[str, ...]:
    """certificatePolicies: SEQUENCE OF PolicyInformation { OID, qualifiers OPTIONAL }."""
    out = []
    tag, p_pos, p_end = header(value, 0, len(value))
    while p_pos < p_end:
        tag, i_pos, i_end = header(value, p_pos, p_end)            # PolicyInformation
        tag, o_pos, o_end = header(value, i_pos, i_end)
        if tag != 0x06:
            raise Unusual
        out.append(decode_oid(value[o_pos:o_end]))
        p_pos = i_end
    return tuple(out)


def _skip(der: bytes, pos: int, end: int) -> int:
    """The end of the element at `pos` (short and 0x81/0x82 lengths inline)."""
    length = der[pos + 1]
    if length < 0x80:
        stop = pos + 2 + length
    elif length == 0x81:
        stop = pos + 3 + der[pos + 2]
    elif length == 0x82:
        stop = pos + 4 + ((der[pos + 2] << 8) | der[pos + 3])
    else:
        return header(der, pos, end)[2]
    if stop > end or der[pos] & 0x1F == 0x1F:
        return header(der, pos, end)[2]
    return stop


def _rsa_bits(der: bytes, pos: int, end: int) -> int | None:
    """The modulus size of SubjectPublicKeyInfo at der[pos:end] when it is an RSA key written the
    way every CA writes one (rsaEncryption, NULL parameters, a positive minimal modulus, an odd
    exponent ≥ 3); None for anything else."""
    try:
        tag, k_pos, k_end = header(der, pos, end)                 # SubjectPublicKeyInfo
        tag_a, a_pos, a_end = header(der, k_pos, k_end)           # AlgorithmIdentifier
        tag_o, o_pos, o_end = header(der, a_pos, a_end)
        if tag != 0x30 or tag_a != 0x30 or tag_o != 0x06 or der[o_pos:o_end] != _RSA or \
                der[o_end:a_end] != b"\x05\x00":
            return None
        tag, b_pos, b_end = header(der, a_end, k_end)             # BIT STRING, no unused bits
        if tag != 0x03 or b_end != k_end or der[b_pos] != 0:
            return None
        tag, r_pos, r_end = header(der, b_pos + 1, b_end)         # RSAPublicKey
        tag_n, n_pos, n_end = header(der, r_pos, r_end)
        tag_e, e_pos, e_end = header(der, n_end, r_end)
        if tag != 0x30 or r_end != b_end or tag_n != 0x02 or tag_e != 0x02 or e_end != r_end:
            return None
        modulus, exponent = der[n_pos:n_end], der[e_pos:e_end]
        for value in (modulus, exponent):
            if not value or value[0] & 0x80 or (len(value) > 1 and value[0] == 0 and not value[1] & 0x80):
                return None                                       # negative or not minimal
        e = int.from_bytes(exponent, "big")
        if e < 3 or not e & 1:
            return None
        return int.from_bytes(modulus, "big").bit_length()
    except (DerError, IndexError):
        return None


def read_fields(der: bytes) -> Fields | None:
    """The listed fields of a certificate, or None when the fast path does not apply."""
    try:
        n = len(der)
        tag, pos, end = header(der, 0, n)                         # Certificate
        tag, pos, tbs_end = header(der, pos, end)                 # TBSCertificate
        if der[pos] == 0xA0:                                      # [0] version
            pos = _skip(der, pos, tbs_end)
        pos = _skip(der, pos, tbs_end)                            # serial
        pos = _skip(der, pos, tbs_end)                            # signature AlgorithmIdentifier
        tag, i_pos, i_end = header(der, pos, tbs_end)             # issuer
        pos = _skip(der, i_end, tbs_end)                          # validity
        tag, s_pos, s_end = header(der, pos, tbs_end)             # subject
        k_pos, pos = s_end, _skip(der, s_end, tbs_end)            # subjectPublicKeyInfo
        policies, identify = (), False
        while pos < tbs_end:
            tag, e_pos, e_end = header(der, pos, tbs_end)
            if tag == 0xA3:
                policies, identify = _extensions(der, e_pos, e_end)
            pos = e_end
        # the issuer's name recurs in every certificate of a CA: remembered
        issuer_der = der[i_pos:i_end]
        issuer = _name_cache.get(issuer_der)
        if issuer is None:
            issuer = tuple(_name(der, i_pos, i_end))
            if len(_name_cache) < 256:
                _name_cache[issuer_der] = issuer
        return Fields(_name(der, s_pos, s_end), issuer, policies, identify, _rsa_bits(der, k_pos, pos))
    except (DerError, Unusual, UnicodeDecodeError, IndexError):
        return None


__all__ = ["Fields", "read_fields", "_CN", "_OU", "_O", "_C"]
