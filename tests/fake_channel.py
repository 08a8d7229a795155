"""A verification channel that exists only in the tests: a simulated fingerprint reader that shows
a 6-digit number to type back (docs/bank-core.md "Channels"). It is plugged in from the outside —
`register_channel(BioChannel())` — to show that a new channel reaches the flows, the CLI's scripted
customer and the wizard without editing any core or GUI file."""
from __future__ import annotations

import secrets

from core.authority.channels import MEDIA, Challenge, Channel, ChannelSpec
from core.authority.errors import FactorLocked, WrongFactorAnswer, NoChallenge
from core.i18n import Text

BIO = "bio"
LIMIT = 3


class BioChannel(Channel):
    spec = ChannelSpec(BIO, MEDIA, Text("생체인증 (모의)", "Biometric check (simulated)"), answer_digits=6, order=3)

    def start(self, env, s) -> Challenge:
        code = f"{secrets.randbelow(10**6):06d}"
        with env.store.transaction() as conn:
            _, locked = env.channel_lock(conn, s.customer_id, BIO)
            if locked:
                raise FactorLocked(BIO)
            env.open_challenge(conn, s, BIO, data={"code": code})
        return Challenge(channel=BIO, prompt=Text(f"지문 센서에 표시된 번호: {code}",
                                                  f"The number on the fingerprint reader: {code}"))

    def answer(self, env, s, answer: str) -> None:
        import json
        with env.store.transaction() as conn:
            _, locked = env.channel_lock(conn, s.customer_id, BIO)
            if locked:
                raise FactorLocked(BIO)
            row = env.latest_challenge(conn, s, BIO)
            if row is None or row["status"] != "open":
                raise NoChallenge()
            if answer != json.loads(row["data"])["code"]:
                failures, locked = env.count_channel_failure(conn, s.customer_id, BIO, LIMIT)
                error = FactorLocked(BIO) if locked else WrongFactorAnswer(BIO, LIMIT - failures)
            else:
                env.set_challenge(conn, row["id"], "done")
                env.reset_channel(conn, s.customer_id, BIO)
                env.complete(conn, s.id, self.spec)
                return
        raise error                      # after the transaction: the failure is counted for good


def code_of(challenge: Challenge) -> str:
    return challenge.prompt.en.rsplit(" ", 1)[-1]
