"""How long the simulated bank's own steps take, next to RSA-2048 key generation (the client's floor).

    .venv/bin/python bench/bench_authority.py [rounds]

Runs in a temporary DOJANG_HOME with an in-memory keyring; prints medians in milliseconds.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(rounds: int = 10) -> None:
    import keyring
    import keyring.backend
    from cryptography.hazmat.primitives.asymmetric import rsa

    class Mem(keyring.backend.KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, s, u):
            return self.store.get((s, u))

        def set_password(self, s, u, p):
            self.store[(s, u)] = p

        def delete_password(self, s, u):
            self.store.pop((s, u), None)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DOJANG_HOME"] = str(Path(tmp) / "home")
        os.environ["DOJANG_NPKI_ROOT"] = str(Path(tmp) / "NPKI")
        from core.authority import Authority, make_csr
        from core.authority.demo import demo_info
        from core.npki.builder import new_random_num

        t0 = time.perf_counter()
        bank = Authority.open(keyring_backend=Mem())
        first_start = time.perf_counter() - t0
        d = next(x for x in demo_info(bank) if x["key"] == "card")
        keygen, verify, sign = [], [], []
        for _ in range(rounds):
            t = time.perf_counter()
            key = rsa.generate_private_key(65537, 2048)
            keygen.append(time.perf_counter() - t)
            t = time.perf_counter()
            s = bank.verify_customer(d["name"], d["rrn"], d["account"], d["account_password"])
            verify.append(time.perf_counter() - t)
            bank.agree_terms(s, {x.id: x.version for x in bank.terms()})
            started = bank.start_ars(s)
            bank.answer_call(d["phone"], started.code)
            ch = bank.card_challenge(s)
            bank.check_card(s, d["card_cells"][ch.first][:2] + d["card_cells"][ch.second][2:])
            t = time.perf_counter()
            issued = bank.reissue(s, make_csr(key), new_random_num(), "banking")
            bank.confirm_delivery(issued.serial)
            sign.append(time.perf_counter() - t)
        bank.close()
    ms = lambda xs: f"{statistics.median(xs) * 1000:8.1f} ms"  # noqa: E731
    print(f"first start (CA + demo data):   {first_start * 1000:8.1f} ms")
    print(f"RSA-2048 key generation:        {ms(keygen)}")
    print(f"verify_customer (scrypt):       {ms(verify)}")
    print(f"reissue + confirm (sign, CRL):  {ms(sign)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
