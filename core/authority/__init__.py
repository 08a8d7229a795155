"""The simulated bank ("the authority"): customers, accounts, verification channels, a CA.

Use `Authority.open()`; the client interface is `AuthorityClient` (docs/bank-core.md).
"""
from .api import Authority, Config
from .channels import (MEDIA, PHONE, ArsStarted, CardChallenge, Challenge, Channel, ChannelSpec, SmsSent,
                       register_channel, unregister_channel)
from .client import AuthorityClient
from .identity import Session, SessionStatus
from .issuance import IssuedCert, RegisteredCert
from .products import Product, find_product, product, products, register_product
from .proof import make_csr, sign_possession
from .timeutil import system_clock

__all__ = ["ArsStarted", "Authority", "AuthorityClient", "CardChallenge", "Challenge", "Channel", "ChannelSpec",
           "Config", "IssuedCert", "MEDIA", "PHONE", "Product", "RegisteredCert", "Session", "SessionStatus",
           "SmsSent", "find_product", "make_csr", "product", "products", "register_channel", "register_product",
           "sign_possession", "system_clock", "unregister_channel"]
