"""The simulated bank ("the authority"): customers, accounts, verification channels, a CA.

Use `Authority.open()`; the client interface is `AuthorityClient` (see api.py for the design notes).
"""
from .api import (ArsStarted, Authority, AuthorityClient, CardChallenge, Config, IssuedCert, RegisteredCert,
                  Session, SessionStatus, SmsSent, system_clock)
from .proof import make_csr, sign_possession

__all__ = ["ArsStarted", "Authority", "AuthorityClient", "CardChallenge", "Config", "IssuedCert",
           "RegisteredCert", "Session", "SessionStatus", "SmsSent", "make_csr", "sign_possession", "system_clock"]
