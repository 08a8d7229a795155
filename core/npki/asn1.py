"""ASN.1 structures Dojang reads and writes, declared with asn1crypto.

Declared here (instead of using asn1crypto's stock PKCS#8 classes) so unknown algorithm
OIDs and odd parameters are kept as opaque values and reported, never guessed.
"""
from __future__ import annotations

from asn1crypto import core


class AlgorithmIdentifier(core.Sequence):
    _fields = [
        ("algorithm", core.ObjectIdentifier),
        ("parameters", core.Any, {"optional": True}),
    ]


class EncryptedPrivateKeyInfo(core.Sequence):
    _fields = [
        ("encryption_algorithm", AlgorithmIdentifier),
        ("encrypted_data", core.OctetString),
    ]


class SaltAndCount(core.Sequence):
    """Parameters of seedCBCWithSHA1 (variant A), legacy seedCBC (variant C) and PKCS#12 PBE."""
    _fields = [
        ("salt", core.OctetString),
        ("iterations", core.Integer),
    ]


class Pbkdf2Params(core.Sequence):
    _fields = [
        ("salt", core.OctetString),
        ("iterations", core.Integer),
        ("key_length", core.Integer, {"optional": True}),
        ("prf", AlgorithmIdentifier, {"optional": True}),
    ]


class Pbes2Params(core.Sequence):
    _fields = [
        ("key_derivation_func", AlgorithmIdentifier),
        ("encryption_scheme", AlgorithmIdentifier),
    ]


class AttributeValues(core.SetOf):
    _child_spec = core.Any


class Attribute(core.Sequence):
    _fields = [
        ("type", core.ObjectIdentifier),
        ("values", AttributeValues),
    ]


class Attributes(core.SetOf):
    _child_spec = Attribute


class PrivateKeyInfo(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("private_key_algorithm", AlgorithmIdentifier),
        ("private_key", core.OctetString),
        ("attributes", Attributes, {"implicit": 0, "optional": True}),
    ]


class RsaPrivateKeyHead(core.Sequence):
    """The leading fields of PKCS#1 RSAPrivateKey; enough to compare the public key."""
    _fields = [
        ("version", core.Integer),
        ("modulus", core.Integer),
        ("public_exponent", core.Integer),
        ("private_exponent", core.Integer),
        ("prime1", core.Integer),
        ("prime2", core.Integer),
        ("exponent1", core.Integer),
        ("exponent2", core.Integer),
        ("coefficient", core.Integer),
    ]


class VidInput(core.Sequence):
    """The value hashed twice into a VID: SEQUENCE { idn PrintableString, randomNum BIT STRING }."""
    _fields = [
        ("idn", core.PrintableString),
        ("random_num", core.OctetBitString),
    ]


class VidValue(core.Sequence):
    _fields = [
        ("hash_alg", AlgorithmIdentifier),
        ("virtual_id", core.OctetString, {"explicit": 0}),
    ]


class UserInfo(core.Sequence):
    _fields = [
        ("type", core.ObjectIdentifier),
        ("value", VidValue),
    ]


class UserInfos(core.SequenceOf):
    _child_spec = UserInfo


class IdentifyData(core.Sequence):
    """SubjectAltName otherName 1.2.410.200004.10.1.1 (the value inside its [0] EXPLICIT)."""
    _fields = [
        ("real_name", core.UTF8String),
        ("user_infos", UserInfos),
    ]
