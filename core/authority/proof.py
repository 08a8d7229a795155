"""Proof of possession: the client signs an operation with the certificate's private key.

Renewal signs the new CSR; revocation signs nothing more than the operation and the serial; a
login signs the bank's fresh challenge (docs/bank-flows.md "Certificate login"). The
message binds the action and the certificate serial so a signature cannot be reused for another
operation or certificate. RSA PKCS#1 v1.5 with SHA-256, like NPKI signatures.
"""
from __future__ import annotations

import hashlib

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ACTIONS = ("renew", "revoke", "login")


def possession_message(action: str, serial: int, payload: bytes = b"") -> bytes:
    if action not in ACTIONS:
        raise ValueError(action)
    return b"DOJANG-POSSESSION\x00" + action.encode() + b"\x00" + format(serial, "x").encode() + b"\x00" + \
        hashlib.sha256(payload).digest()


def sign_possession(private_key: rsa.RSAPrivateKey, action: str, cert_der: bytes, payload: bytes = b"") -> bytes:
    """Client side: sign `action` on the certificate `cert_der` (payload: the CSR DER for renewal)."""
    serial = x509.load_der_x509_certificate(cert_der).serial_number
    return private_key.sign(possession_message(action, serial, payload), padding.PKCS1v15(), hashes.SHA256())


def verify_possession(certificate: x509.Certificate, action: str, signature: bytes, payload: bytes = b"") -> bool:
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey) or not isinstance(signature, (bytes, bytearray)):
        return False
    try:
        key.verify(bytes(signature), possession_message(action, certificate.serial_number, payload),
                   padding.PKCS1v15(), hashes.SHA256())
        return True
    except (InvalidSignature, ValueError):
        return False


def make_csr(private_key: rsa.RSAPrivateKey) -> bytes:
    """Client side: a CSR (DER) for a new key pair. The subject is ignored: the authority sets its own."""
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dojang-request")]))
           .sign(private_key, hashes.SHA256()))
    return csr.public_bytes(Encoding.DER)
