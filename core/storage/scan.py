"""Walking an NPKI root: `<root>/<CA>/USER/<cert folder>` (names matched case-insensitively)."""
from __future__ import annotations

import os
from pathlib import Path

from ..npki.certfolder import BrokenFolder, CertFolder, read_cert_folder


def scan_root(root: Path) -> list[CertFolder | BrokenFolder]:
    """Every certificate folder under an NPKI root, good and broken, in a stable order."""
    results: list[CertFolder | BrokenFolder] = []
    try:
        ca_entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return results
    for ca in ca_entries:
        if not ca.is_dir(follow_symlinks=False):
            continue
        try:
            user_dirs = [e for e in os.scandir(ca.path) if e.name.lower() == "user"
                         and e.is_dir(follow_symlinks=False)]
        except OSError:
            continue
        for user in user_dirs:
            try:
                cert_dirs = sorted((e for e in os.scandir(user.path) if e.is_dir(follow_symlinks=False)),
                                   key=lambda e: e.name)
            except OSError:
                continue
            for entry in cert_dirs:
                results.append(read_cert_folder(Path(entry.path), ca.name))
    return results
