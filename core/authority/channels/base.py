"""The verification channels behind one interface (docs/bank-core.md "Channels").

A channel is one way for the customer to prove who they are: an ARS call, an SMS code, a security
card, an OTP token — or, tomorrow, a biometric check. Each is one class with one `ChannelSpec`
(id, which factor it satisfies, its label, what the screen asks for) and four operations: `start`
(ask: call, send, pick cells), `answer` (check what the customer typed), `poll` (for answers given
elsewhere, e.g. keyed on the phone during a call) and `unlock` (the teller). Attempts and lockouts
live inside the channel, persisted, and every check-then-act runs in one `BEGIN IMMEDIATE`
transaction, so parallel guesses are counted one by one and never exceed the limit.

Channels register themselves in `REGISTRY`; the flows ask the bank which channels of a factor the
customer can use and drive them through the generic calls, and the wizard shows a page per channel
id with a generic page for channels it does not know.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ...i18n import Text
from ..timeutil import iso

PHONE = 1     # 휴대폰 본인확인: ARS or SMS (STEP 3, first)
MEDIA = 2     # 보안매체: security card or OTP (STEP 3, second)
FACTOR_COLUMN = {PHONE: "first_factor", MEDIA: "second_factor"}


@dataclass(frozen=True)
class ChannelSpec:
    id: str
    factor: int                      # PHONE or MEDIA
    label: Text                      # "ARS 전화인증" / "ARS phone call"
    answer_digits: int | None        # digits typed on the screen; None: answered elsewhere (on the phone)
    needs_start: bool = True         # False: nothing to ask for first (an OTP token shows its code anyway)
    order: int = 100
    field: str = ""                  # the input field an error belongs to (default "<id>_answer")
    fresh_after_wrong: bool = False  # a wrong answer needs a new challenge (new card cells)

    def __post_init__(self) -> None:
        if not self.field:
            object.__setattr__(self, "field", f"{self.id}_answer")


@dataclass(frozen=True, kw_only=True)
class Challenge:
    """What `start` returns for the screen. Channel classes add their own fields."""
    channel: str
    expires_at: dt.datetime | None = None
    prompt: Text | None = None       # what a generic screen shows


@dataclass(frozen=True)
class SessionInfo:
    """The identity session a channel works on (no secrets)."""
    id: int
    customer_id: int
    account_id: int
    name: str
    phone: str
    terms_ok: bool
    first_factor: str | None
    second_factor: str | None

    def factor_done(self, factor: int) -> bool:
        return bool(getattr(self, FACTOR_COLUMN[factor]))


class ChannelEnv:
    """What a channel may use of the bank: the store (transactions, audit, secrets, clock), the
    limits, the mock phones' folder, and the session and attempt bookkeeping shared by channels."""

    def __init__(self, store, config):
        self.store = store
        self.config = config

    @property
    def home(self):
        return self.store.home

    def now(self) -> dt.datetime:
        return self.store.now()

    def row(self, conn, sql: str, params=()):
        """One row, inside `conn`'s transaction when given, else on its own."""
        return conn.execute(sql, params).fetchone() if conn is not None else self.store.one(sql, params)

    # the session ---------------------------------------------------------------------------------
    @staticmethod
    def complete(conn, session_id: int, spec: ChannelSpec) -> None:
        """Mark the channel's factor as done on the session (inside the caller's transaction)."""
        conn.execute(f"UPDATE sessions SET {FACTOR_COLUMN[spec.factor]} = ? WHERE id = ?", (spec.id, session_id))

    # per-customer attempt counters (channels without a device table of their own) ------------------
    @staticmethod
    def channel_lock(conn, customer_id: int, channel: str) -> tuple[int, bool]:
        row = conn.execute("SELECT failures, locked FROM channel_locks WHERE customer_id = ? AND channel = ?",
                           (customer_id, channel)).fetchone()
        return (row["failures"], bool(row["locked"])) if row else (0, False)

    @staticmethod
    def count_channel_failure(conn, customer_id: int, channel: str, limit: int) -> tuple[int, bool]:
        """One more wrong answer for this customer on this channel; (failures, locked now)."""
        conn.execute("INSERT INTO channel_locks(customer_id, channel, failures, locked) VALUES (?, ?, 0, 0) "
                     "ON CONFLICT(customer_id, channel) DO NOTHING", (customer_id, channel))
        conn.execute("UPDATE channel_locks SET failures = failures + 1, locked = (failures + 1 >= ?) "
                     "WHERE customer_id = ? AND channel = ?", (limit, customer_id, channel))
        return ChannelEnv.channel_lock(conn, customer_id, channel)

    @staticmethod
    def reset_channel(conn, customer_id: int, channel: str) -> bool:
        """Clear the counter (a right answer, or the teller); True when it was locked."""
        cur = conn.execute("UPDATE channel_locks SET failures = 0, locked = 0 WHERE customer_id = ? AND channel = ? "
                           "AND (failures > 0 OR locked = 1)", (customer_id, channel))
        return cur.rowcount > 0

    # challenges -----------------------------------------------------------------------------------
    def open_challenge(self, conn, s: SessionInfo, kind: str, *, expires_at: dt.datetime | None = None,
                       data: dict[str, Any] | None = None, **columns) -> int:
        """A new open challenge of `kind` for the session; earlier open ones of that kind are superseded."""
        conn.execute("UPDATE challenges SET status = 'superseded' WHERE session_id = ? AND kind = ? AND status = 'open'",
                     (s.id, kind))
        names = ["session_id", "kind", "created_at", "expires_at", "data", *columns]
        values = [s.id, kind, iso(self.now()), iso(expires_at) if expires_at else None,
                  json.dumps(data) if data is not None else None, *columns.values()]
        return conn.execute(f"INSERT INTO challenges({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                            values).lastrowid

    @staticmethod
    def latest_challenge(conn, s: SessionInfo, kind: str):
        return conn.execute("SELECT * FROM challenges WHERE session_id = ? AND kind = ? AND status != 'superseded' "
                            "ORDER BY id DESC LIMIT 1", (s.id, kind)).fetchone()

    @staticmethod
    def set_challenge(conn, challenge_id: int, status: str) -> None:
        conn.execute("UPDATE challenges SET status = ? WHERE id = ?", (status, challenge_id))

    @staticmethod
    def count_challenge_wrong(conn, challenge_id: int) -> int:
        conn.execute("UPDATE challenges SET wrong = wrong + 1 WHERE id = ?", (challenge_id,))
        return conn.execute("SELECT wrong FROM challenges WHERE id = ?", (challenge_id,)).fetchone()[0]

    @staticmethod
    def challenges_started(conn, s: SessionInfo, kind: str) -> int:
        return conn.execute("SELECT COUNT(*) FROM challenges WHERE session_id = ? AND kind = ?",
                            (s.id, kind)).fetchone()[0]


class Channel:
    """One verification channel. Subclasses set `spec` and implement what their spec needs."""
    spec: ChannelSpec

    def available(self, env: ChannelEnv, customer_id: int) -> bool:
        """Can this customer use the channel at all (a registered phone, an active card…)?"""
        return True

    def start(self, env: ChannelEnv, s: SessionInfo) -> Challenge:
        """Ask: place the call, send the code, pick the cells. Runs its writes in one transaction."""
        return Challenge(channel=self.spec.id)

    def answer(self, env: ChannelEnv, s: SessionInfo, answer: str) -> None:
        """Check what the customer typed on the screen; on success `env.complete(...)` the factor.
        Raises an AuthorityError subclass (with attempts left) otherwise."""
        raise NotImplementedError

    def poll(self, env: ChannelEnv, s: SessionInfo) -> bool:
        """For channels answered elsewhere: True once done, False while waiting; raises when failed."""
        return s.factor_done(self.spec.factor) and getattr(s, FACTOR_COLUMN[self.spec.factor]) == self.spec.id

    def unlock(self, env: ChannelEnv, conn, customer_id: int) -> bool:
        """The teller clears this customer's failures and lock; True when something was locked."""
        return env.reset_channel(conn, customer_id, self.spec.id)

    def lock_state(self, env: ChannelEnv, customer_id: int) -> tuple[int, bool]:
        """(failures, locked) for the teller's view."""
        with env.store.transaction() as conn:
            return env.channel_lock(conn, customer_id, self.spec.id)


class ChannelRegistry:
    def __init__(self) -> None:
        self._channels: dict[str, Channel] = {}

    def register(self, channel: Channel, *, replace: bool = False) -> Channel:
        if channel.spec.id in self._channels and not replace:
            raise ValueError(f"channel {channel.spec.id!r} is already registered")
        self._channels[channel.spec.id] = channel
        return channel

    def unregister(self, channel_id: str) -> None:
        self._channels.pop(channel_id, None)

    def get(self, channel_id: str) -> Channel:
        from ..errors import NoDevice
        try:
            return self._channels[channel_id]
        except KeyError:
            raise NoDevice(channel_id) from None

    def of_factor(self, factor: int) -> list[Channel]:
        return sorted((c for c in self._channels.values() if c.spec.factor == factor),
                      key=lambda c: (c.spec.order, c.spec.id))

    def all(self) -> list[Channel]:
        return sorted(self._channels.values(), key=lambda c: (c.spec.factor, c.spec.order, c.spec.id))


REGISTRY = ChannelRegistry()


def register_channel(channel: Channel, *, replace: bool = False) -> Channel:
    return REGISTRY.register(channel, replace=replace)


def unregister_channel(channel_id: str) -> None:
    REGISTRY.unregister(channel_id)
