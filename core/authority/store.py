"""The bank's store: the database, the vault of secrets, the clock and the audit log, behind one
object every part of the bank shares (docs/bank-core.md "Packages").

Opening is safe with several processes at once and after a kill at any point: the caller
(`Authority.open`) holds `open_lock(home)` — one lock between processes — for the whole start (master
key, schema, key check, CA, demo data), and every step is idempotent or one transaction.
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
from pathlib import Path

from ..fsperm import ensure_private_dir, tighten_tree
from ..locations import BANK_FOLDER, app_home, is_portable
from . import errors as E
from ..locations import BANK_DB as DB_FILE  # one name for the file, shared with bank_exists()
from .db import Database
from ..oslock import process_lock
from .secrets_store import MasterKey, Vault, load_master_key, save_key_file
from .timeutil import Clock, iso, system_clock

log = logging.getLogger("dojang.authority")

OPEN_LOCK = ".open.lock"


def bank_home(home: Path | None) -> tuple[Path, bool]:
    """(data folder, portable?) for `home` (None: app_home())."""
    portable = home is None and is_portable()
    return (Path(home) if home else app_home()), portable


def open_lock(home: Path):
    """The lock between processes under which the bank starts (and first-start set-up runs)."""
    folder = home / BANK_FOLDER
    if not folder.is_dir():             # new: 0700 whatever the umask; an existing one is checked by Store.open
        ensure_private_dir(folder)      # (docs/hostile-input.md)
    return process_lock(folder / OPEN_LOCK)


class Store:
    """Database + vault + clock. `transaction()` is BEGIN IMMEDIATE … COMMIT (nested calls join)."""

    def __init__(self, db: Database, vault: Vault, master: MasterKey, *, home: Path, clock: Clock):
        self.db = db
        self.vault = vault
        self.home = home
        self.clock = clock
        self.master_key_source = master.source
        self.master_key_notice = master.notice
        self.permissions_fixed: list[Path] = []

    @classmethod
    def open(cls, home: Path, *, portable: bool, clock: Clock | None = None, keyring_backend=None) -> "Store":
        """Open (on first start: create) the store under `home`; the caller holds open_lock(home)."""
        folder = home / BANK_FOLDER
        master = load_master_key(folder, keyring_backend, portable=portable)
        db = Database(folder / DB_FILE)
        store = cls(db, Vault(master.key), master, home=home, clock=clock or system_clock)
        # a bank made under a looser umask (or by an older version) is made private, once, with a notice
        store.permissions_fixed = tighten_tree(folder)
        if store.permissions_fixed:
            log.warning("made %d file(s) in %s private (readable by you only)", len(store.permissions_fixed), folder)
        try:
            store._check_key()
            save_key_file(master)           # portable migration: only a key the database accepted
        except BaseException:
            db.close()
            raise
        return store

    def close(self) -> None:
        self.db.close()

    # --- time -----------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        t = self.clock()
        if t.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return t.astimezone(dt.timezone.utc)

    # --- database -------------------------------------------------------------------------------

    def transaction(self):
        return self.db.transaction()

    def one(self, sql: str, params=()):
        return self.db.one(sql, params)

    def all(self, sql: str, params=()):
        return self.db.all(sql, params)

    def meta(self, key: str) -> str | None:
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return row["value"] if row else None

    @staticmethod
    def set_meta(conn, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (key, value))

    def audit(self, conn, action: str, outcome: str, *, customer_id: int | None = None,
              session_id: int | None = None, **detail) -> None:
        """Record a step in the audit log, inside the caller's transaction. Callers pass only
        non-secret details (masked values, serials, counts)."""
        conn.execute("INSERT INTO audit(at, customer_id, session_id, action, outcome, detail) VALUES (?,?,?,?,?,?)",
                     (iso(self.now()), customer_id, session_id, action, outcome,
                      json.dumps(detail, ensure_ascii=False) if detail else None))
        log.info("authority %s: %s (customer %s)", action, outcome, customer_id)

    def record(self, action: str, outcome: str, **kw) -> None:
        """An audit entry in a transaction of its own (refusals that change nothing else)."""
        with self.transaction() as conn:
            self.audit(conn, action, outcome, **kw)

    # --- secrets --------------------------------------------------------------------------------

    def seal(self, plaintext: bytes, aad: str) -> bytes:
        return self.vault.seal(plaintext, aad)

    def unseal(self, blob: bytes, aad: str) -> bytes:
        return self.vault.open(blob, aad)

    def mac(self, label: str, value: str) -> str:
        return self.vault.mac(label, value)

    def _check_key(self) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('key_check', ?)", (self.vault.check_value,))
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created_at', ?)", (iso(self.now()),))
            stored = conn.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()[0]
        if not hmac.compare_digest(stored, self.vault.check_value):
            raise E.MasterKeyError()


__all__ = ["DB_FILE", "Store"]
