"""The authority's SQLite database: versioned schema, WAL, foreign keys, one transaction per change.

Times are stored as ISO-8601 UTC strings. Secret values never appear in plain text: RRNs and account
numbers as keyed hashes (lookups) plus AES-GCM copies (masked display, VID computation), account
passwords as peppered hashes (docs/bank-core.md "Secrets"), OTP secrets, security-card cells and CA
private keys AES-GCM sealed.

Several processes may open the same database at once (the app and the CLI): WAL mode, a busy
timeout, every change in `BEGIN IMMEDIATE`, and migrations that read the schema version inside their
own write transaction, so two first starts never both create the tables.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path



# Each entry migrates from version i to i+1. Never edit an applied entry; append a new one.
MIGRATIONS: list[str] = [
    # 1: the initial schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        rrn_mac TEXT NOT NULL UNIQUE,
        rrn_enc BLOB NOT NULL,
        phone TEXT NOT NULL,
        created_at TEXT NOT NULL,
        demo_key TEXT
    );
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        number_mac TEXT NOT NULL UNIQUE,
        number_enc BLOB NOT NULL,
        password_hash TEXT NOT NULL,
        balance INTEGER NOT NULL CHECK (balance >= 0),
        failures INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE ledger (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        amount INTEGER NOT NULL,
        memo TEXT NOT NULL,
        serial TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        serial TEXT NOT NULL UNIQUE,
        cell_count INTEGER NOT NULL,
        cells_enc BLOB NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE TABLE otp_devices (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        serial TEXT NOT NULL UNIQUE,
        secret_enc BLOB NOT NULL,
        last_step INTEGER NOT NULL DEFAULT -1,
        failures INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        terms_ok INTEGER NOT NULL DEFAULT 0,
        first_factor TEXT,
        second_factor TEXT,
        sms_sent INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE challenges (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('ars', 'sms', 'card')),
        code_mac TEXT,
        cell_a INTEGER,
        cell_b INTEGER,
        phone TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        wrong INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open'
    );
    CREATE TABLE terms_agreements (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        session_id INTEGER REFERENCES sessions(id),
        terms_id TEXT NOT NULL,
        version TEXT NOT NULL,
        agreed_at TEXT NOT NULL
    );
    CREATE TABLE ca (
        role TEXT PRIMARY KEY CHECK (role IN ('root', 'issuing')),
        cert_der BLOB NOT NULL,
        key_enc BLOB NOT NULL
    );
    CREATE TABLE certificates (
        serial TEXT PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        account_id INTEGER REFERENCES accounts(id),
        cert_type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'superseded', 'revoked', 'cancelled')),
        operation TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        subject TEXT NOT NULL,
        cert_der BLOB NOT NULL,
        fee INTEGER NOT NULL DEFAULT 0,
        replaces TEXT,
        created_at TEXT NOT NULL,
        activated_at TEXT,
        ended_at TEXT,
        end_reason TEXT
    );
    CREATE INDEX certificates_customer ON certificates(customer_id, status);
    CREATE TABLE registered_certs (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        issuer TEXT NOT NULL,
        serial TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_after TEXT NOT NULL,
        cert_der BLOB NOT NULL,
        registered_at TEXT NOT NULL,
        UNIQUE (customer_id, issuer, serial)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        customer_id INTEGER,
        session_id INTEGER,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT
    );
    CREATE TABLE crl (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        number INTEGER NOT NULL,
        der BLOB NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: channels as data (any channel id, per-channel data), per-customer channel locks, request
    #    ids for crash recovery, and an outbox of files the bank still has to deliver (demo seeding)
    """
    CREATE TABLE challenges_v2 (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        kind TEXT NOT NULL,
        code_mac TEXT,
        cell_a INTEGER,
        cell_b INTEGER,
        phone TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        wrong INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open',
        data TEXT
    );
    INSERT INTO challenges_v2 (id, session_id, kind, code_mac, cell_a, cell_b, phone, created_at, expires_at,
                               wrong, status)
        SELECT id, session_id, kind, code_mac, cell_a, cell_b, phone, created_at, expires_at, wrong, status
        FROM challenges;
    DROP TABLE challenges;
    ALTER TABLE challenges_v2 RENAME TO challenges;
    CREATE INDEX challenges_session ON challenges(session_id, kind, status);
    CREATE TABLE channel_locks (
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        channel TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (customer_id, channel)
    );
    ALTER TABLE certificates ADD COLUMN request_id TEXT;
    CREATE INDEX certificates_request ON certificates(request_id);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        payload BLOB NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 3: certificate login (docs/bank-flows.md "Certificate login"): one-time challenges
    """
    CREATE TABLE login_challenges (
        id TEXT PRIMARY KEY,
        nonce BLOB NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 4: the simulated 금융결제원 cloud (docs/bank-flows.md "금융인증서"): sealed keys of 금융인증서,
    #    their PIN and its lock; the devices connected to a customer's cloud; the SMS codes that connect them
    """
    CREATE TABLE cloud_keys (
        serial TEXT PRIMARY KEY REFERENCES certificates(serial),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        key_enc BLOB NOT NULL,
        pin_hash TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        auto_renew INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE INDEX cloud_keys_customer ON cloud_keys(customer_id);
    CREATE TABLE cloud_devices (
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        device TEXT NOT NULL,
        name TEXT NOT NULL,
        connected_at TEXT NOT NULL,
        last_used TEXT NOT NULL,
        PRIMARY KEY (customer_id, device)
    );
    CREATE TABLE cloud_codes (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        device TEXT NOT NULL,
        name TEXT NOT NULL,
        code_mac TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        wrong INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open'
    );
    """,
    # 5: 모바일 OTP — an OTP that lives in the bank app of the customer's phone (docs/bank-flows.md "모바일 발급")
    """
    CREATE TABLE mobile_otp_devices (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        phone TEXT NOT NULL,
        serial TEXT NOT NULL UNIQUE,
        secret_enc BLOB NOT NULL,
        last_step INTEGER NOT NULL DEFAULT -1,
        failures INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class Database:
    """One connection, serialised by a lock (the GUI may call from worker threads)."""

    def __init__(self, path: Path):
        self.path = path
        from ..fsperm import ensure_private_dir, private_file_opener
        if not path.parent.is_dir():
            ensure_private_dir(path.parent)
        if not path.exists():   # created 0600 before SQLite opens it; its -wal/-shm files copy that mode
            try:
                os.close(private_file_opener(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                pass
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout=30000")   # before WAL: switching modes waits for others
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA secure_delete=ON")
            self.migrate()
        except BaseException as exc:
            conn = getattr(self, "conn", None)
            if conn is not None:
                conn.close()
            self.conn = None
            if isinstance(exc, sqlite3.DatabaseError):
                from .errors import BankDataUnreadable
                raise BankDataUnreadable(path) from exc
            raise

    def migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION in one write transaction that first re-reads the
        version: a second process starting at the same moment waits, then finds nothing to do."""
        with self._lock:
            if self.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return
            with self.transaction():
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    from .errors import BankDataNewer
                    raise BankDataNewer(self.path)
                for target in range(version, SCHEMA_VERSION):
                    for statement in _split(MIGRATIONS[target]):
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE … COMMIT; any exception rolls everything back. Nested calls join the outer."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth = 0
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    # a failed COMMIT (disk full, I/O error) leaves the transaction open: end it
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise

    def one(self, sql: str, params=()) -> sqlite3.Row | None:
        with self._lock:
            return self.conn.execute(sql, params).fetchone()

    def all(self, sql: str, params=()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            if self.conn is None:
                return
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            self.conn.close()
            self.conn = None


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
