"""Kill-at-every-step scenarios for the storage operations of issue 14 (tests/crash/test_storage_crash.py).

After each kill, `check` starts Dojang again the way it starts (a cleaning scan of every storage,
the phone relay's look-up) and returns the broken invariants: every listed folder is a complete
certificate whose signPri.key and kmPri.key open with exactly one password (the same one), no
certificate is listed twice on one storage, no temporary or kept folder or file remains, and the
scenario's own rule (nothing lost, no resurrected "(2)", a code never works twice).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

OLD, NEW = "dojang!2026test", "changed!Pass77"     # tests.factory.PASSWORD is OLD
PHONE = "010-2345-6789"


def _storages(state: Path):
    from core.storage import base
    return base.hard_disk(state / "hdd" / "NPKI"), base.removable(state / "usb", "crash-usb", "USB")


def _junk(state: Path) -> list[str]:
    out = []
    for top in ("hdd", "usb", "home"):
        for dirpath, dirnames, filenames in os.walk(state / top):
            for name in dirnames + filenames:
                if name.startswith(".dojang") or name.endswith(".tmp"):
                    out.append(os.path.relpath(os.path.join(dirpath, name), state))
    return out


def _opens_with(data: bytes, passwords) -> list[str]:
    from core.errors import DojangError
    from core.npki import keyfile
    good = []
    for pw in passwords:
        try:
            keyfile.decrypt_key(data, pw)
            good.append(pw)
        except DojangError:
            pass
    return good


def restart_and_check(state: Path, storages, passwords=(OLD, NEW)) -> tuple[list[str], dict]:
    """Scan every storage as Dojang does on start; the broken invariants and {storage id: [certs]}."""
    from core.npki.certfolder import KM_KEY, SIGN_KEY, CertFolder
    problems, found = [], {}
    _relay().sweep()                    # the relay's look-up (every phone-transfer screen does one)
    for storage in storages:
        entries = storage.scan()        # cleaning scan: recovers interrupted switches, removes junk
        certs = [e for e in entries if isinstance(e, CertFolder)]
        for e in entries:
            if not isinstance(e, CertFolder):
                problems.append(f"{storage.id}: broken entry {e.name}: {e.reason('en')}")
        prints = [c.info.sha256_fingerprint for c in certs]
        if len(prints) != len(set(prints)):
            problems.append(f"{storage.id}: a certificate is listed twice: {[c.name for c in certs]}")
        for c in certs:
            sign = _opens_with((c.path / c.file_names[SIGN_KEY]).read_bytes(), passwords)
            if len(sign) != 1:
                problems.append(f"{c.name}: signPri.key opens with {len(sign)} of the passwords")
            if KM_KEY in c.file_names:
                km = _opens_with((c.path / c.file_names[KM_KEY]).read_bytes(), passwords)
                if km != sign:
                    problems.append(f"{c.name}: kmPri.key is on another password than signPri.key")
        found[storage.id] = certs
    junk = _junk(state)
    if junk:
        problems.append(f"junk left: {junk}")
    return problems, found


class _Base:
    def setup(self) -> None:
        from tests import factory
        factory.test_issuer()
        factory._cached_key(0)
        factory._cached_key(1)

    def _make(self, state: Path, *, km=True, where="hdd"):
        from tests import factory
        root = state / "hdd" / "NPKI" if where == "hdd" else state / "usb" / "NPKI"
        m = factory.make_cert(factory.user_dir(root), with_km=km)
        (m.path / "note.txt").write_bytes(b"left by the user")
        return m

    def prepare(self, state: Path) -> None:
        (state / "usb").mkdir()
        self._make(state)

    def _cert(self, storage):
        return storage.certificates()[0]


class ChangePasswordWithKm(_Base):
    def operation(self, state: Path) -> None:
        from core.storage import operations as ops
        hdd, _ = _storages(state)
        ops.change_password(self._cert(hdd), OLD, NEW, hdd)

    def check(self, state: Path, killed_at):
        problems, found = restart_and_check(state, _storages(state))
        if len(found["hdd"]) != 1:
            problems.append(f"hdd holds {len(found['hdd'])} certificates, not 1")
        elif killed_at is None and not _opens_with(found["hdd"][0].key_bytes(), [NEW]):
            problems.append("the finished change did not take")
        elif len(found["hdd"][0].file_names) != 5 - (0 if self.km else 2):
            problems.append(f"files lost: {sorted(found['hdd'][0].file_names)}")
        return problems

    km = True


class ChangePasswordSignOnly(ChangePasswordWithKm):
    km = False

    def prepare(self, state: Path) -> None:
        (state / "usb").mkdir()
        self._make(state, km=False)


class Copy(_Base):
    def operation(self, state: Path) -> None:
        from core.storage import operations as ops
        hdd, usb = _storages(state)
        ops.copy_cert(self._cert(hdd), usb, source=hdd)

    def check(self, state: Path, killed_at):
        problems, found = restart_and_check(state, _storages(state), (OLD,))
        if len(found["hdd"]) != 1:
            problems.append("the source is gone")
        if len(found[_storages(state)[1].id]) > 1:
            problems.append("more than one copy")
        if killed_at is None and len(found[_storages(state)[1].id]) != 1:
            problems.append("the finished copy is not there")
        return problems


class Move(_Base):
    def operation(self, state: Path) -> None:
        from core.storage import operations as ops
        hdd, usb = _storages(state)
        ops.move_cert(self._cert(hdd), hdd, usb)

    def check(self, state: Path, killed_at):
        problems, found = restart_and_check(state, _storages(state), (OLD,))
        where = len(found["hdd"]) + len(found[_storages(state)[1].id])
        if where < 1:
            problems.append("the certificate is lost")
        if killed_at is None and (found["hdd"] or len(found[_storages(state)[1].id]) != 1):
            problems.append("the finished move left the source or has no destination")
        return problems


class CopyReplace(_Base):
    """The stick holds another certificate under the same folder name; the copy replaces it."""

    def prepare(self, state: Path) -> None:
        from tests import factory
        (state / "usb").mkdir()
        a = self._make(state)
        other = factory.make_cert(factory.user_dir(state / "usb" / "NPKI"), key_index=1, cn_suffix="other",
                                  with_km=True)
        os.rename(other.path, other.path.parent / a.folder_name)
        (state / "names.json").write_text(json.dumps({"folder": a.folder_name}))

    def operation(self, state: Path) -> None:
        from core.storage import operations as ops
        hdd, usb = _storages(state)
        ops.copy_cert(self._cert(hdd), usb, source=hdd, on_conflict=lambda info: ops.ConflictChoice.REPLACE)

    def check(self, state: Path, killed_at):
        hdd, usb = _storages(state)
        problems, found = restart_and_check(state, (hdd, usb), (OLD,))
        folder = json.loads((state / "names.json").read_text())["folder"]
        names = [c.name for c in found[usb.id]]
        if names != [folder]:
            problems.append(f"the stick holds {names}, not exactly the one folder (a resurrected copy?)")
        src = found["hdd"][0].info.sha256_fingerprint if found["hdd"] else None
        if killed_at is None and (not found[usb.id] or found[usb.id][0].info.sha256_fingerprint != src):
            problems.append("the finished replace did not take")
        return problems


class ImportPfx(_Base):
    def prepare(self, state: Path) -> None:
        from core.npki import keyfile, pfx
        from tests import factory
        (state / "usb").mkdir()
        (state / "hdd" / "NPKI").mkdir(parents=True)
        m = self._make(state, where="usb")
        plain = keyfile.decrypt_key(m.sign_key, OLD)
        (state / "a.pfx").write_bytes(pfx.export_pfx(m.sign_cert, plain, OLD))
        (state / "r.hex").write_text(keyfile.random_num(plain).hex())
        assert factory.PASSWORD == OLD

    def operation(self, state: Path) -> None:
        from core.storage import operations as ops
        hdd, _ = _storages(state)
        ops.import_pfx(state / "a.pfx", OLD, hdd)

    def check(self, state: Path, killed_at):
        from core.npki import keyfile
        problems, found = restart_and_check(state, _storages(state), (OLD,))
        if len(found["hdd"]) > 1 or (killed_at is None and len(found["hdd"]) != 1):
            problems.append(f"hdd holds {len(found['hdd'])} certificates")
        for c in found["hdd"]:
            if keyfile.random_num(c.check_password(OLD)).hex() != (state / "r.hex").read_text():
                problems.append("R changed")
        return problems


def _relay():
    from core.storage import phone_transfer as pt
    return pt.Relay(scrypt_n=2 ** 10)


def _relay_problems(state: Path) -> list[str]:
    """After the relay's look-up: each transfer is complete (its payload there while it waits)."""
    from core.storage import phone_transfer as pt
    relay = _relay()
    relay.sweep()
    folder = relay.folder
    names = sorted(n for n in os.listdir(folder) if n != pt.RECEIVE_LOCK) if folder.is_dir() else []
    problems = []                                     # (the receivers' lock file stays, empty)
    metas = [n[:-5] for n in names if n.endswith(".json")]
    for tid in metas:
        meta = json.loads((folder / f"{tid}.json").read_text())
        has_payload = (folder / f"{tid}.pfx").exists()
        if meta["state"] == pt.WAITING and not has_payload:
            problems.append(f"a waiting transfer without its payload: {names}")
        if meta["state"] == pt.WAITING and meta.get("km") and not (folder / f"{tid}.km.pfx").exists():
            problems.append(f"a waiting transfer without its km payload: {names}")
        if meta["state"] not in (pt.WAITING, pt.USED, pt.CANCELLED):
            problems.append(f"a transfer in state {meta['state']}")
        if meta["state"] != pt.WAITING and has_payload:
            problems.append("a payload outlived its transfer")
    for n in names:
        if not (n.endswith(".json") or n.split(".", 1)[0] in metas):
            problems.append(f"relay junk: {n}")
    return problems


class PhoneExport(_Base):
    def prepare(self, state: Path) -> None:
        super().prepare(state)
        from core.storage import registry
        registry.create_phone(PHONE, "홍길동")

    def operation(self, state: Path) -> None:
        hdd, _ = _storages(state)
        _relay().export_to_phone(self._cert(hdd), OLD, PHONE)

    def check(self, state: Path, killed_at):
        problems, found = restart_and_check(state, _storages(state), (OLD,))
        problems += _relay_problems(state)
        waiting = _relay().transfers(waiting_only=True)
        if killed_at is None and len(waiting) != 1:
            problems.append("the finished export is not waiting")
        if len(found["hdd"]) != 1:
            problems.append("the source changed")
        return problems


class PhoneImport(_Base):
    def prepare(self, state: Path) -> None:
        super().prepare(state)
        from core.storage import base, registry
        registry.create_phone(PHONE, "홍길동")
        hdd = base.hard_disk(state / "hdd" / "NPKI")
        offer = _relay().export_to_phone(hdd.certificates()[0], OLD, PHONE)
        (state / "code.txt").write_text(offer.code)

    def operation(self, state: Path) -> None:
        _relay().import_on_phone(PHONE, (state / "code.txt").read_text(), OLD)

    def check(self, state: Path, killed_at):
        from core.storage import phone_transfer as pt, registry
        phone = registry.phone_storage(PHONE)
        problems, found = restart_and_check(state, (*_storages(state), phone), (OLD,))
        problems += _relay_problems(state)
        on_phone = found[phone.id]
        code = (state / "code.txt").read_text()
        if len(on_phone) > 1:
            problems.append("the phone holds the certificate twice")
        if killed_at is None and len(on_phone) != 1:
            problems.append("the finished import is not on the phone")
        state_of = [t.state for t in _relay().transfers()]
        try:       # type the code again
            _relay().import_on_phone(PHONE, code, OLD)
            again = "worked"
        except (pt.TransferUsed, pt.TransferNotFound, pt.TransferExpired):
            again = "refused"
        if on_phone and again == "worked":
            problems.append("the code worked a second time after the certificate arrived")
        if not on_phone and state_of == [pt.WAITING] and again != "worked":
            problems.append("a waiting code did not work")
        return problems


class FileByFileChangePassword(ChangePasswordWithKm):
    """The old way (each key file replaced on its own): the harness must find the split pair."""

    def operation(self, state: Path) -> None:
        from core.npki import keyfile
        from core.npki.certfolder import KM_KEY, SIGN_KEY
        from core.storage import safewrite
        hdd, _ = _storages(state)
        cert = self._cert(hdd)
        files = {}
        for name in (SIGN_KEY, KM_KEY):
            data = (cert.path / name).read_bytes()
            files[name] = keyfile.reencrypt(data, keyfile.decrypt_key(data, OLD), NEW)
        safewrite.replace_files_together(cert.path, files)
