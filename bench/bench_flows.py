"""End-to-end scripted issuance next to RSA-2048 key generation alone, measured in the same run.

    .venv/bin/python bench/bench_flows.py [rounds]

One round = a complete `issue` flow as `python main.py issue` runs it (in-process, without the
interpreter start): 고객정보 (account password checked against its peppered hash), 약관, SMS read from the mock phone,
보안카드, key pair, signing by the bank, variant-A key encryption, atomic save with fsync, and the
bank's confirmation. The key pair is generated on a background thread from the flow's start, as the
CLI and the wizard do. Rounds alternate with bare `rsa.generate_private_key(65537, 2048)` calls so
both see the same machine load. Prints medians (ms) and the ratio; target: median within 1.3×.

Runs in a temporary DOJANG_HOME with an in-memory keyring and the bank's default (production)
settings (docs/bank-core.md "Secrets": a peppered HMAC for account passwords).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(rounds: int = 15) -> None:
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
        from core.authority import Authority
        from core.flows import IssueFlow, KeyMaker
        from core.flows.scripted import Persona, SimulatedCustomer
        from core.npki import policies
        from core.storage.registry import all_storages

        bank = Authority.open(keyring_backend=Mem(), seed_demo=False)
        teller = bank.teller()
        people = []
        for i in range(rounds + 1):
            rrn = f"9001011{i:06d}"
            account = f"77{i:010d}"
            phone = f"010{5000_0000 + i:08d}"
            cid = teller.add_customer(name="벤치", rrn=rrn, phone=phone, account=account, account_password="4321")
            teller.issue_card(cid)
            people.append(Persona("벤치", rrn, account, phone))
        hdd = next(s for s in all_storages() if s.id == "hdd")

        flow_ms, keygen_ms, verify_ms, finish_ms = [], [], [], []
        with ThreadPoolExecutor(1, thread_name_prefix="keygen") as pool:
            for i, persona in enumerate(people):
                t0 = time.perf_counter()
                rsa.generate_private_key(65537, 2048)
                t1 = time.perf_counter()
                flow = IssueFlow(bank, keys=KeyMaker(executor=pool), storages=lambda: [hdd])
                flow.choose_type(policies.BANKING)
                SimulatedCustomer(bank, persona).verify(flow, "4321", first="sms", second="card")
                t2 = time.perf_counter()
                done = flow.finish(hdd, "Bench#Pass2026", "Bench#Pass2026")
                t3 = time.perf_counter()
                assert done.path.is_dir()
                if i == 0:
                    continue  # warm-up (imports, first CA key load)
                keygen_ms.append((t1 - t0) * 1000)
                flow_ms.append((t3 - t1) * 1000)
                verify_ms.append((t2 - t1) * 1000)
                finish_ms.append((t3 - t2) * 1000)
        bank.close()

    kg, fl = statistics.median(keygen_ms), statistics.median(flow_ms)
    print(f"rounds: {len(flow_ms)} (after 1 warm-up)")
    print(f"RSA-2048 key generation alone : median {kg:7.1f} ms  (min {min(keygen_ms):.1f}, max {max(keygen_ms):.1f})")
    print(f"scripted issuance, end to end : median {fl:7.1f} ms  (min {min(flow_ms):.1f}, max {max(flow_ms):.1f})")
    print(f"  of which STEP 1-3 (account password, SMS, card): median {statistics.median(verify_ms):.1f} ms")
    print(f"  of which STEP 4 (waiting for the key, sign, encrypt, save, confirm): median "
          f"{statistics.median(finish_ms):.1f} ms")
    print(f"ratio issuance / key generation: {fl / kg:.2f}x  (target <= 1.3x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
