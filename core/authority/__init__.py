"""The simulated bank ("the authority"): customers, accounts, verification channels, a CA.

Use `Authority.open()`; the client interface is `AuthorityClient` (docs/bank-core.md).

The names below are imported on first use (PEP 562): `core.authority.status`, which the certificate
list reads before the bank is opened, must not pull in the whole bank (~50 ms of imports, run on a
worker while the window is copying or painting — the GUI thread waits for the GIL meanwhile).
"""
from __future__ import annotations

import importlib

_WHERE = {
    "Authority": "api", "Config": "api",
    "MEDIA": "channels", "PHONE": "channels", "ArsStarted": "channels", "CardChallenge": "channels",
    "Challenge": "channels", "Channel": "channels", "ChannelSpec": "channels", "SmsSent": "channels",
    "register_channel": "channels", "unregister_channel": "channels",
    "AuthorityClient": "client",
    "Session": "identity", "SessionStatus": "identity",
    "IssuedCert": "issuance", "RegisteredCert": "issuance",
    # not `products` (the function): once the submodule core.authority.products is loaded, the
    # package's attribute of that name is the module; call core.authority.products.products()
    "Product": "products", "find_product": "products", "product": "products", "register_product": "products",
    "make_csr": "proof", "sign_possession": "proof",
    "system_clock": "timeutil",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value         # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
