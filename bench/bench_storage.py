"""Storage benchmark: scanning and copying through the safe storage layer vs the bare minimum.

1. scan 2,000 certificates spread over several storages (hard disk, two removable drives, a mock
   phone, an added folder) with `Storage.scan()` (hostile-media checks, leftover cleaning; key files
   only seen in the listing) next to a bare `x509.load_der_x509_certificate` loop over the same
   files; then the same scan followed by the lazy key check (`verify_keys`: each signPri.key read
   and its structure checked), which the window runs after its rows are shown and `list` before it
   prints;
2. copy 200 certificates to a removable target with `operations.copy_many` (temporary names,
   fsyncs, rename, read-back) next to `cp -r` of the same folders followed by `sync`.

Usage: python bench/bench_storage.py [N_SCAN] [N_COPY]   (defaults 2000 and 200)
Everything happens in a temporary folder; prints figures only, asserts nothing.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORK = Path(tempfile.mkdtemp(prefix="dojang-bench-storage-"))
os.environ["DOJANG_NPKI_ROOT"] = str(WORK / "hdd" / "NPKI")
os.environ["DOJANG_HOME"] = str(WORK / "home")
USB_MOUNTS = [WORK / "usb1", WORK / "usb2", WORK / "usb-target"]
os.environ["DOJANG_FAKE_REMOVABLE"] = os.pathsep.join(str(p) for p in USB_MOUNTS)

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

from core.npki import builder, policies  # noqa: E402
from core.npki.certfolder import SIGN_CERT, SIGN_KEY, CertFolder  # noqa: E402
from core.storage import operations as ops, registry, safewrite  # noqa: E402
from core.storage.discovery import DiscoveryConfig  # noqa: E402
from core.storage.scan import verify_keys  # noqa: E402

PASSWORD = "bench!Pass2026"


def populate(roots: list[Path], n: int) -> list[Path]:
    """n certificate folders spread round-robin over `roots`; a handful of keys reused."""
    ca = builder.build_ca("Bench CA", "yessign")
    keys = [rsa.generate_private_key(65537, 2048) for _ in range(4)]
    policy = policies.policy_oid_for("yessign", policies.BANKING)
    made = []
    for i in range(n):
        files = builder.make_cert_files(issuer=ca, name=f"사용자{i}", idn="9001011234567", password=PASSWORD,
                                        policy_oid=policy, private_key=keys[i % len(keys)],
                                        cn_suffix=f"{i:022d}")
        user = roots[i % len(roots)] / "yessign" / "USER"
        folder = user / files.folder_name
        folder.mkdir(parents=True)
        (folder / SIGN_CERT).write_bytes(files.sign_cert)
        (folder / SIGN_KEY).write_bytes(files.sign_key)
        made.append(folder)
    return made


def main() -> None:
    n_scan = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    n_copy = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    registry.discovery_config = DiscoveryConfig(include_real=False)  # only the fake drives
    for m in USB_MOUNTS:
        m.mkdir(parents=True)
    phone = registry.create_phone("010-0000-0001", "bench")
    folder_dir = WORK / "share"
    (folder_dir / "NPKI").mkdir(parents=True)
    added = registry.add_folder(folder_dir)
    storages = {s.id: s for s in registry.all_storages()}
    target = next(s for s in storages.values() if s.mount == USB_MOUNTS[2])
    sources = [s for s in storages.values() if s.id != target.id]
    print(f"work folder: {WORK}")
    print(f"storages scanned: {', '.join(s.id for s in sources)}")

    t = time.perf_counter()
    folders = populate([s.root for s in sources], n_scan)
    print(f"generated {len(folders)} certificate folders in {time.perf_counter() - t:.1f} s")

    # --- 1. scan ---------------------------------------------------------------------------------
    cert_files = [f / SIGN_CERT for f in folders]

    def bare():
        for p in cert_files:
            with open(p, "rb") as fh:
                x509.load_der_x509_certificate(fh.read())

    def full():
        count = sum(len(s.scan()) for s in sources)
        assert count == n_scan, count

    def full_keys():
        good = sum(isinstance(e, CertFolder) for s in sources for e in verify_keys(s.scan()))
        assert good == n_scan, good

    bare(), full(), full_keys()  # warm the page cache for all
    ta, tb, tk = [], [], []
    for _ in range(9):   # taking turns, medians: a load burst on a shared machine hits all alike
        for fn, times in ((bare, ta), (full, tb), (full_keys, tk)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    t_bare, t_scan, t_keys = statistics.median(ta), statistics.median(tb), statistics.median(tk)
    print(f"\nscan {n_scan} certificates over {len(sources)} storages")
    print(f"  bare x509 load loop:              {t_bare * 1000:8.1f} ms  ({t_bare / n_scan * 1e6:6.1f} µs/cert)")
    print(f"  Storage.scan():                   {t_scan * 1000:8.1f} ms  ({t_scan / n_scan * 1e6:6.1f} µs/cert)")
    print(f"  ratio: {t_scan / t_bare:.2f}x  (target ≤ 2x)")
    print(f"  scan + lazy key check (list):     {t_keys * 1000:8.1f} ms  ({t_keys / n_scan * 1e6:6.1f} µs/cert)"
          f"  = {t_keys / t_bare:.2f}x")

    # --- 2. copy -----------------------------------------------------------------------------------
    hdd = storages["hdd"]
    certs = hdd.certificates()[:n_copy]
    src_dirs = [c.path for c in certs]

    def clear_target():
        shutil.rmtree(target.root, ignore_errors=True)
        cp_dir = WORK / "cp-target"
        shutil.rmtree(cp_dir, ignore_errors=True)
        subprocess.run(["sync"], check=False)

    def safe_copy():
        result = ops.copy_many(certs, target, source=hdd)
        assert len(result.done) == len(certs) and not result.failed, result.failed[:1]

    def cp_sync():
        dest = WORK / "cp-target" / "yessign" / "USER"
        dest.mkdir(parents=True)
        subprocess.run(["cp", "-r", *map(str, src_dirs), str(dest)], check=True)
        subprocess.run(["sync"], check=True)

    def timed(fn):
        times = []
        for _ in range(5):
            clear_target()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    cps, copies = [], []
    for _ in range(11):   # taking turns (the disk is shared too: syncs wait for others' data)
        for fn, times in ((cp_sync, cps), (safe_copy, copies)):
            clear_target()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    t_cp, t_copy = statistics.median(cps), statistics.median(copies)
    # The file system's speed drifts over a run (journal commits, discards after the deletes) far
    # more than either side's own cost: each pair's ratio compares the two under the same state.
    pair_ratios = sorted(b / a for a, b in zip(cps, copies))
    quarter = len(pair_ratios) // 4

    class NoSync(safewrite.FileOps):  # for the breakdown only: the same copy without fsyncs
        def fsync(self, fd):
            pass

        def fsync_dir(self, path):
            pass

        def syncfs(self, path):
            return True

    real_ops, safewrite.ops = safewrite.ops, NoSync()
    try:
        t_nosync = timed(safe_copy)
    finally:
        safewrite.ops = real_ops
    print(f"\ncopy {len(certs)} certificates to a removable target ({target.id})")
    print(f"  cp -r + sync:                         {t_cp * 1000:8.1f} ms")
    print(f"  operations.copy_many (sync+verify):  {t_copy * 1000:8.1f} ms")
    print(f"  ratio of the medians: {t_copy / t_cp:.2f}x;  median of the {len(pair_ratios)} paired ratios: "
          f"{statistics.median(pair_ratios):.2f}x (middle half {pair_ratios[quarter]:.2f}–"
          f"{pair_ratios[-1 - quarter]:.2f})  (target ≤ 1.5x)")
    print(f"  breakdown: same copy without fsyncs {t_nosync * 1000:.1f} ms "
          f"({t_nosync / t_cp:.2f}x); fsyncs cost {(t_copy - t_nosync) * 1000:.1f} ms")
    print("  note: cp+sync pays one global sync; the safe copy one syncfs before and one after its renames.")
    del added, phone
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
