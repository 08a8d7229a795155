"""`python main.py list --json` over 2,000 certificate folders, as a whole process, next to the peer
PyPinkSign walking the same tree and loading each signCert.der (issue 14's target: no slower).

Usage: python bench/bench_list.py [N] [RUNS]   (defaults 2000 and 7; medians are printed)
Needs the bench-only extra `pip install -e .[bench]` (PyPinkSign); without it only Dojang is timed.
Everything happens in a temporary folder; prints figures only, asserts nothing.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The peer's natural use: walk the NPKI tree and load every certificate with PinkSign.
PEER = r"""
import os, sys
from pypinksign import PinkSign
rows = []
for root, dirs, files in os.walk(sys.argv[1]):
    if root[-5:] == "/USER":
        for d in dirs:
            if d[:3] == "cn=":
                p = PinkSign(pubkey_path="%s/%s/signCert.der" % (root, d))
                rows.append((p.cn(), p.valid_date()[1].isoformat(), p.issuer()))
print(len(rows))
"""


def populate(root: Path, n: int) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from core.npki import builder, policies
    ca = builder.build_ca("Bench CA", "yessign")
    keys = [rsa.generate_private_key(65537, 2048) for _ in range(4)]
    policy = policies.policy_oid_for("yessign", policies.BANKING)
    for i in range(n):
        org = ("yessign", "KICA", "CrossCert", "SignKorea")[i % 4]
        files = builder.make_cert_files(issuer=ca, name=f"사용자{i}", idn="9001011234567", password="bench!Pass2026",
                                        policy_oid=policy, private_key=keys[i % len(keys)], cn_suffix=f"{i:022d}")
        folder = root / org / "USER" / files.folder_name
        folder.mkdir(parents=True)
        (folder / "signCert.der").write_bytes(files.sign_cert)
        (folder / "signPri.key").write_bytes(files.sign_key)


CPU: dict[str, list[float]] = {}


def timed(cmd: list[str], env: dict, runs: int, check, label: str = "") -> float:
    """Median wall time; the child's CPU time (user + system) is kept per label as well: on a
    shared machine it moves less with other processes' load than the wall time does."""
    import resource
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, check=True).stdout
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if label:
            CPU.setdefault(label, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        check(out)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    with tempfile.TemporaryDirectory(prefix="dojang-bench-list-") as tmp:
        root = Path(tmp) / "NPKI"
        t = time.perf_counter()
        populate(root, n)
        print(f"generated {n} certificate folders in {time.perf_counter() - t:.1f} s")
        # Bytecode as an installed Dojang (and pip's PyPinkSign) has it: with PYTHONDONTWRITEBYTECODE
        # every start would compile core/ from source, which users never pay after the first start.
        # The cache goes to the temporary folder for both sides; one warm-up run each fills it.
        env = dict(os.environ, DOJANG_NPKI_ROOT=str(root), DOJANG_HOME=str(Path(tmp) / "home"),
                   DOJANG_FAKE_REMOVABLE="", PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        def ours_ok(out):
            rows = json.loads(out)
            assert sum(r["status"] == "ok" for r in rows) == n, len(rows)

        def peer_ok(out):
            assert int(out) == n, out

        cmd_ours = [sys.executable, str(ROOT / "main.py"), "list", "--json"]
        t_empty = timed([sys.executable, "-c", "pass"], env, runs, lambda out: None)
        try:
            import pypinksign  # noqa: F401
        except ImportError:
            t_ours = timed(cmd_ours, env, runs, ours_ok)
            print(f"dojang list --json ({n}):         {t_ours * 1000:7.0f} ms")
            print("PyPinkSign is not installed (pip install -e .[bench]); no side-by-side figure")
            return
        cmd_peer = [sys.executable, "-c", PEER, str(root)]
        timed(cmd_ours, env, 1, ours_ok), timed(cmd_peer, env, 1, peer_ok)     # warm-up
        ours, peer = [], []
        for _ in range(runs):           # alternated, so a burst of load hits both sides alike
            ours.append(timed(cmd_ours, env, 1, ours_ok, "ours"))
            peer.append(timed(cmd_peer, env, 1, peer_ok, "peer"))
        t_ours, t_peer = statistics.median(ours), statistics.median(peer)
        print(f"python start-up alone:              {t_empty * 1000:7.0f} ms")
        print(f"dojang list --json ({n}):         {t_ours * 1000:7.0f} ms")
        print(f"PyPinkSign walk + load ({n}):     {t_peer * 1000:7.0f} ms")
        print(f"ratio dojang / PyPinkSign:          {t_ours / t_peer:7.2f}x  (target <= 1)")
        c_ours, c_peer = statistics.median(CPU["ours"]), statistics.median(CPU["peer"])
        print(f"CPU time (user+sys), medians:       {c_ours * 1000:7.0f} ms vs {c_peer * 1000:.0f} ms = "
              f"{c_ours / c_peer:.2f}x")


if __name__ == "__main__":
    main()
