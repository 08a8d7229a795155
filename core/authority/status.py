"""What the simulated bank says about certificates it issued, read without opening the bank
(docs/bank-core.md "Crash recovery": the list reads the bank's status for its own certificates).

A listing must never call a certificate valid that the bank has cancelled, revoked or replaced, and
it must stay cheap: no master key, no vault, no recovery, no writes. Status is not a secret, so this
reads the `certificates` table through a read-only SQLite connection and matches each certificate by
serial AND its exact DER (another CA's certificate may carry the same serial number).

Statuses: 'active', 'pending' (issued but the delivery was never confirmed: a killed issuance whose
recovery has not run yet), 'superseded', 'revoked', 'cancelled'. A certificate the bank does not know
is left out of the answer.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable

from ..locations import BANK_DB, BANK_FOLDER, app_home

from ..npki.policies import DOJANG_CA_ORG as CA_ORG   # one name for every layer

# Statuses under which the certificate cannot be used at the bank.
UNUSABLE = frozenset({"pending", "superseded", "revoked", "cancelled"})


def issued_here(issuer_o: str | None) -> bool:
    return issuer_o == CA_ORG


def read_statuses(certs: Iterable[tuple[str, bytes]], home: Path | None = None) -> dict[str, str]:
    """{serial (lower-case hex, no leading zeros): status} for the given (serial_hex, der) pairs the bank issued.

    Empty when there is no bank or its database cannot be read right now (a listing then shows what
    the files say, as any other tool would)."""
    wanted = {format(int(serial, 16), "x"): der for serial, der in certs}   # as issuance.serial_key
    if not wanted:
        return {}
    path = (home or app_home()) / BANK_FOLDER / BANK_DB
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return {}
    try:
        out = {}
        keys = list(wanted)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows = conn.execute(f"SELECT serial, status, cert_der FROM certificates WHERE serial IN "
                                f"({','.join('?' * len(chunk))})", chunk).fetchall()
            for serial, status, der in rows:
                if bytes(der) == wanted.get(serial):
                    out[serial] = status
        return out
    except sqlite3.Error:
        return {}
    finally:
        conn.close()




def status_lookup(certs, home: Path | None = None):
    """For listings that hold certificate folders: a function der -> the bank's status (None when
    the bank did not issue it or cannot say), reading the database once, read-only."""
    # copies of one certificate share their DER: its issuer is read once, not per copy
    here: dict[bytes, bool] = {}
    infos = []
    for c in certs:
        info = c.info
        mine = here.get(info.der)
        if mine is None:
            mine = here[info.der] = issued_here(info.issuer_o)
        if mine:
            infos.append(info)
    said = read_statuses(((i.serial_hex, i.der) for i in infos), home)
    by_der = {i.der: said[format(i.serial, "x")] for i in infos if format(i.serial, "x") in said}
    return by_der.get


__all__ = ["CA_ORG", "UNUSABLE", "issued_here", "read_statuses", "status_lookup"]
