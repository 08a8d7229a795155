"""NPKI codec benchmark: folder reading vs a bare x509 loop, password check vs bare PBKDF1+SEED.

Usage: python bench/bench_npki.py [N]   (default 1000 certificate folders in a temporary tree)
Prints medians of runs taken in turns; nothing here asserts a time.
"""
from __future__ import annotations

import hashlib
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from cryptography.hazmat.primitives.ciphers import modes  # noqa: E402

from core.npki import asn1, builder, keyfile, policies  # noqa: E402
from core.npki.certfolder import CertFolder  # noqa: E402
from core.npki.seed import _cipher  # noqa: E402
from core.storage.scan import scan_root  # noqa: E402

PASSWORD = "bench!Pass2026"


def make_tree(root: Path, n: int) -> None:
    ca = builder.build_ca("Bench CA", "yessign")
    keys = [rsa.generate_private_key(65537, 2048) for _ in range(4)]
    user = root / "yessign" / "USER"
    user.mkdir(parents=True)
    for i in range(n):
        files = builder.make_cert_files(issuer=ca, name=f"사용자{i}", idn="9001011234567", password=PASSWORD,
                                        policy_oid=policies.policy_oid_for("yessign", policies.BANKING),
                                        private_key=keys[i % len(keys)], cn_suffix=f"{i:022d}")
        folder = user / files.folder_name
        folder.mkdir()
        (folder / "signCert.der").write_bytes(files.sign_cert)
        (folder / "signPri.key").write_bytes(files.sign_key)


def alternated(a, b, rounds: int = 9) -> tuple[float, float]:
    """Medians of `rounds` runs of each, a and b taking turns (a load burst hits both alike)."""
    a(), b()                                     # warm-up: page cache, lazy imports
    ta, tb = [], []
    for _ in range(rounds):
        for fn, times in ((a, ta), (b, tb)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return statistics.median(ta), statistics.median(tb)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "NPKI"
        t = time.perf_counter()
        make_tree(root, n)
        print(f"created {n} certificate folders in {time.perf_counter() - t:.1f} s")
        cert_files = sorted(root.glob("*/USER/*/signCert.der"))

        def bare():
            for p in cert_files:
                x509.load_der_x509_certificate(p.read_bytes())

        entries: list = []

        def ours():
            entries[:] = scan_root(root)

        t_bare, t_ours = alternated(bare, ours)
        assert sum(isinstance(e, CertFolder) for e in entries) == n
        print(f"read+parse {n} folders : {t_ours * 1000:8.1f} ms  ({t_ours / n * 1e6:.0f} µs each)")
        print(f"bare x509 load loop    : {t_bare * 1000:8.1f} ms  ({t_bare / n * 1e6:.0f} µs each)")
        print(f"ratio                  : {t_ours / t_bare:8.2f}×  (target ≤ 2×)")

        sample = entries[:50]
        check_times, bare_times = [], []
        for entry in sample:
            t = time.perf_counter()
            entry.check_password(PASSWORD)
            check_times.append(time.perf_counter() - t)
            data = entry.key_bytes()
            t = time.perf_counter()
            epki = asn1.EncryptedPrivateKeyInfo.load(data)
            params = asn1.SaltAndCount.load(epki["encryption_algorithm"]["parameters"].dump())
            salt, count = params["salt"].native, params["iterations"].native
            d = hashlib.sha1(PASSWORD.encode() + salt).digest()
            for _ in range(count - 1):
                d = hashlib.sha1(d).digest()
            dec = _cipher(d[:16], modes.CBC(hashlib.sha1(d[16:20]).digest()[:16])).decryptor()
            dec.update(epki["encrypted_data"].native) + dec.finalize()
            bare_times.append(time.perf_counter() - t)
        mc, mb = statistics.median(check_times), statistics.median(bare_times)
        print(f"password check (median): {mc * 1e6:8.0f} µs")
        print(f"bare PBKDF1+SEED       : {mb * 1e6:8.0f} µs")
        print(f"ratio                  : {mc / mb:8.2f}×  (target ≤ 1.5×)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak memory (RSS)      : {peak / 1024:8.1f} MB")


if __name__ == "__main__":
    main()
