"""Builders of realistic NPKI trees for tests (a throwaway CA with the real profile)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from core.npki import builder, policies
from core.npki.certfolder import KM_CERT, KM_KEY, SIGN_CERT, SIGN_KEY

PASSWORD = "dojang!2026test"
RRN = "9001011234567"


@lru_cache(maxsize=None)
def test_issuer(org: str = "yessign") -> builder.Issuer:
    root = builder.build_ca(f"{org} Test Root", org)
    ca = builder.build_ca(f"{org} Test CA", org, parent=root, path_length=0)
    return builder.Issuer(ca.certificate, ca.private_key, crl_url=f"http://crl.test/{org}.crl")


@lru_cache(maxsize=64)
def _cached_key(index: int) -> rsa.RSAPrivateKey:
    # Key generation is the slow part of making certificates; tests reuse a small pool.
    return rsa.generate_private_key(65537, 2048)


@dataclass
class MadeCert:
    path: Path
    folder_name: str
    sign_cert: bytes
    sign_key: bytes


def make_cert(user_dir: Path, *, name: str = "홍길동", idn: str = RRN, password: str = PASSWORD,
              org: str = "yessign", usage: str = policies.BANKING, start: dt.date | None = None,
              key_index: int = 0, with_km: bool = False, variant: str = "A",
              cn_suffix: str | None = None) -> MadeCert:
    """Write a complete certificate folder under `user_dir` (an `NPKI/<CA>/USER` folder)."""
    policy = policies.policy_oid_for(org, usage) if org != "Dojang" else (
        policies.DOJANG_GENERAL if usage == policies.GENERAL else policies.DOJANG_BANKING)
    files = builder.make_cert_files(issuer=test_issuer(org), name=name, idn=idn, password=password,
                                    policy_oid=policy, ca_o=org, bank_ou="TESTBANK", start=start,
                                    private_key=_cached_key(key_index), cn_suffix=cn_suffix, variant=variant)
    folder = user_dir / files.folder_name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SIGN_CERT).write_bytes(files.sign_cert)
    (folder / SIGN_KEY).write_bytes(files.sign_key)
    if with_km:
        (folder / KM_CERT).write_bytes(files.sign_cert)
        (folder / KM_KEY).write_bytes(files.sign_key)
    return MadeCert(folder, files.folder_name, files.sign_cert, files.sign_key)


def user_dir(npki_root: Path, org: str = "yessign") -> Path:
    d = npki_root / org / "USER"
    d.mkdir(parents=True, exist_ok=True)
    return d
