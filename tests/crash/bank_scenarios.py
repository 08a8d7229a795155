"""The bank's multi-step operations, killed before each mutating step (tests/crash/test_bank_kills.py).

Each scenario drives the operation the way a person would from the command line (`python main.py
issue …` in-process, answers on standard input), and `check` starts Dojang again — opening the bank
(which finishes a first start) and running the journal's recovery, as the window and every bank
command do — then reads the bank, the files and `list --json` and returns the invariants it finds
broken (docs/bank-core.md "Crash recovery"):

- the demo data exists exactly once (customers, devices, demo certificate folders, the CA);
- money: every debit belongs to a certificate that became active, and the reverse;
- at most one active certificate per customer and kind;
- the customer has a usable certificate (on disk, opens with its password, the bank says active)
  whenever they had one before the operation;
- nothing the bank cancelled, or never confirmed, is left on disk; nothing is listed as valid that
  the bank says is revoked, replaced or cancelled; nothing listed twice; no temporary or kept
  folders left behind; the journal is empty.
"""
from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

PW = "Sky#Lantern7x"


def _cli(*argv: str, stdin: str = "") -> tuple[int, str]:
    from core.cli import main
    sys.stdin = io.StringIO(stdin)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code
    return code or 0, out.getvalue()


def _demo(key: str):
    from core.authority.demo import DEMO_CUSTOMERS
    return next(c for c in DEMO_CUSTOMERS if c.key == key)


def _folders(state: Path) -> list[Path]:
    """Every certificate folder (and anything else) under each USER folder of the sandbox."""
    out = []
    for root in (state / "hdd" / "NPKI", state / "usb" / "NPKI"):
        if not root.is_dir():
            continue
        for ca in os.scandir(root):
            user = Path(ca.path) / "USER"
            if user.is_dir():
                out.extend(Path(e.path) for e in os.scandir(user))
    return out


def _opens(folder: Path, password: str) -> bool:
    from core.errors import DojangError
    from core.npki.certfolder import CertFolder, read_cert_folder
    entry = read_cert_folder(folder, folder.parent.parent.name)
    if not isinstance(entry, CertFolder):
        return False
    try:
        entry.check_password(bytearray(password.encode()))
        return True
    except DojangError:
        return False


class BankScenario:
    """Shared set-up (pre-made keys), the restart and the invariants every operation must keep."""

    customer: str | None = None            # demo key of the customer the operation acts for

    def setup(self) -> None:
        # RSA-2048 generation would dominate every run; the code path with a given key is the same.
        ca_keys = [rsa.generate_private_key(65537, 2048) for _ in range(4)]
        user_keys = [rsa.generate_private_key(65537, 2048) for _ in range(2)]
        ca_count, user_count = itertools.count(), itertools.count()
        import core.authority.ca as ca_mod
        import core.flows.base as flows_base
        ca_mod.default_key_factory = lambda: ca_keys[next(ca_count) % len(ca_keys)]
        flows_base._rsa2048 = lambda: user_keys[next(user_count) % len(user_keys)]

    def prepare(self, state: Path) -> None:
        (state / "usb").mkdir()
        code, _ = _cli("bank", "demo")                 # first start: CA, demo customers and certificates
        assert code == 0

    def check(self, state: Path, killed_at) -> list[str]:
        from core.authority import Authority
        from core.flows.journal import Journal, recover
        problems: list[str] = []
        bank = Authority.open()
        try:
            recover(bank)
            if Journal().pending():
                problems.append("the journal still holds an operation after recovery")
            problems += self._bank_invariants(bank)
            problems += self._disk_invariants(bank, state)
            problems += self.specific(bank, state, killed_at)
        finally:
            bank.close()
        return problems

    # --- what every operation keeps ---------------------------------------------------------------
    def _bank_invariants(self, bank) -> list[str]:
        from core.authority.demo import DEMO_CUSTOMERS
        problems = []
        db = bank.db
        rows = db.all("SELECT demo_key, COUNT(*) AS n FROM customers GROUP BY demo_key")
        counts = {r["demo_key"]: r["n"] for r in rows}
        for c in DEMO_CUSTOMERS:
            if counts.get(c.key) != 1:
                problems.append(f"demo customer {c.key} exists {counts.get(c.key, 0)} times")
        for role, n in db.all("SELECT role, COUNT(*) FROM ca GROUP BY role"):
            if n != 1:
                problems.append(f"CA role {role} exists {n} times")
        certs = db.all("SELECT serial, customer_id, cert_type, status, fee FROM certificates")
        active = {}
        for r in certs:
            if r["status"] == "active":
                active.setdefault((r["customer_id"], r["cert_type"]), []).append(r["serial"])
        for (cid, kind), serials in active.items():
            if len(serials) > 1:
                problems.append(f"customer {cid} holds {len(serials)} active {kind} certificates")
        for acc in db.all("SELECT a.id, a.balance, c.demo_key FROM accounts a JOIN customers c "
                          "ON c.id = a.customer_id"):
            debited = -sum(r["amount"] for r in db.all("SELECT amount FROM ledger WHERE account_id = ?",
                                                       (acc["id"],)))
            fees = sum(r["fee"] for r in db.all(
                "SELECT fee FROM certificates WHERE account_id = ? AND status NOT IN ('pending', 'cancelled')",
                (acc["id"],)))
            if debited != fees:
                problems.append(f"account of {acc['demo_key']}: debited {debited}, fees of issued certificates {fees}")
            start = next((c.balance for c in DEMO_CUSTOMERS if c.key == acc["demo_key"]), None)
            if start is not None and acc["balance"] != start - debited:
                problems.append(f"account of {acc['demo_key']}: balance {acc['balance']} != {start} - {debited}")
        return problems

    def _disk_invariants(self, bank, state: Path) -> list[str]:
        from core.npki.certfolder import CertFolder, read_cert_folder
        problems = []
        code, out = _cli("list", "--json")               # also sweeps what a killed copy left
        if code != 0:
            return [f"list failed with {code}"]
        listed = json.loads(out)
        seen: dict[str, str] = {}
        for row in listed:
            sha = row.get("sha256")
            if sha in seen:
                problems.append(f"listed twice: {row['path']} and {seen[sha]}")
            seen[sha] = row["path"]
        for folder in _folders(state):
            if folder.name.startswith("."):
                problems.append(f"left behind: {folder}")
                continue
            entry = read_cert_folder(folder, folder.parent.parent.name)
            if not isinstance(entry, CertFolder):
                problems.append(f"a broken folder: {folder}")
                continue
            if entry.info.issuer_o != "Dojang":
                continue
            try:
                said = bank.certificate_status(entry.info.der)
            except Exception as exc:  # noqa: BLE001 - reported as a violation
                problems.append(f"{folder.name}: the bank does not know it ({type(exc).__name__})")
                continue
            if said in ("pending", "cancelled"):
                problems.append(f"{folder.name}: on disk although the bank says {said}")
            row = next((r for r in listed if r["path"] == str(folder)), None)
            if row is None:
                problems.append(f"{folder.name}: on disk but not listed")
            elif said in ("revoked", "superseded", "cancelled", "pending") and row["status"] in ("ok", "expired"):
                problems.append(f"{folder.name}: listed as {row['status']} although the bank says {said}")
        journal_tmp = [n for n in os.listdir(state / "home") if n.startswith(".dojang-")] \
            if (state / "home").is_dir() else []
        problems += [f"left behind in the data folder: {n}" for n in journal_tmp]
        return problems

    def usable(self, bank, state: Path, demo_key: str) -> list[tuple[Path, str]]:
        """(folder, password) of each certificate of the customer that works: on disk, the bank says
        active (not expired), and it opens with the password the customer chose."""
        from core.authority.demo import DEMO_CERT_PASSWORD
        from core.npki.certfolder import CertFolder, read_cert_folder
        name = _demo(demo_key).name
        out = []
        for folder in _folders(state):
            entry = read_cert_folder(folder, folder.parent.parent.name)
            if not isinstance(entry, CertFolder) or entry.info.display_name != name:
                continue
            try:
                if bank.certificate_status(entry.info.der) != "active":
                    continue
            except Exception:  # noqa: BLE001
                continue
            for pw in (PW, DEMO_CERT_PASSWORD):
                if _opens(folder, pw):
                    out.append((folder, pw))
                    break
        return out

    def specific(self, bank, state: Path, killed_at) -> list[str]:
        return []

    def exactly_one_usable(self, bank, state: Path, demo_key: str, *, new_in_use: bool) -> list[str]:
        """One usable certificate, whatever the kill; without a kill, the new one (password PW)."""
        mine = self.usable(bank, state, demo_key)
        if len(mine) != 1:
            return [f"the customer has {len(mine)} usable certificates (want exactly 1)"]
        if new_in_use and mine[0][1] != PW:
            return ["the new certificate is not the one in use"]
        return []


class FirstStart(BankScenario):
    """The very first start: master key, schema, CA, demo customers, demo certificate folders."""

    def prepare(self, state: Path) -> None:
        (state / "usb").mkdir()

    def operation(self, state: Path) -> None:
        from core.authority import Authority
        Authority.open().close()

    def specific(self, bank, state, killed_at) -> list[str]:
        problems = []
        from core.npki.certfolder import CertFolder, read_cert_folder
        demo_folders = [f for f in _folders(state)
                        if isinstance(e := read_cert_folder(f, f.parent.parent.name), CertFolder)
                        and e.info.issuer_o == "Dojang"]
        if len(demo_folders) != 2:
            problems.append(f"{len(demo_folders)} demo certificate folders (want 2)")
        for key in ("expiring",):
            if len(self.usable(bank, state, key)) != 1:
                problems.append(f"the {key} demo customer has no usable certificate")
        if bank.db.one("SELECT COUNT(*) FROM outbox")[0]:
            problems.append("the demo outbox was not delivered")
        return problems


class IssueGeneral(BankScenario):
    """범용 for the card customer (a fee of 4,400), saved on the hard disk."""

    def operation(self, state: Path) -> None:
        c = _demo("card")
        code, _ = _cli("issue", "--customer", c.key, "--type", "범용", "--to", "hdd",
                       stdin=f"{c.account_password}\n{PW}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        mine = self.usable(bank, state, "card")
        active = bank.db.all("SELECT serial FROM certificates c JOIN customers u ON u.id = c.customer_id "
                             "WHERE u.demo_key = 'card' AND c.status = 'active'")
        if len(active) != len(mine):
            return [f"{len(active)} active certificates at the bank, {len(mine)} usable on disk"]
        if killed_at is None and len(mine) != 1:
            return ["the issuance did not leave one usable certificate"]
        return []


class Reissue(BankScenario):
    """Reissue for the customer whose demo certificate is about to expire: the old one is revoked
    and deleted once the new one is confirmed."""

    def operation(self, state: Path) -> None:
        c = _demo("expiring")
        code, _ = _cli("reissue", "--customer", c.key, "--yes", "--to", "hdd",
                       stdin=f"{c.account_password}\n{PW}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        return self.exactly_one_usable(bank, state, "expiring", new_in_use=killed_at is None)


class Renew(BankScenario):
    """Renewal in place: the new certificate goes where the old one was; the old key is never lost
    before the new one is confirmed."""

    def operation(self, state: Path) -> None:
        from core.authority.demo import DEMO_CERT_PASSWORD
        folder = next(f for f in _folders(state) if _demo("expiring").name in f.name)
        code, _ = _cli("renew", str(folder), stdin=f"{DEMO_CERT_PASSWORD}\n{PW}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        return self.exactly_one_usable(bank, state, "expiring", new_in_use=killed_at is None)


class Register(BankScenario):
    """Registering another institution's certificate (on the stick) for the card customer."""

    def prepare(self, state: Path) -> None:
        super().prepare(state)
        from tests.factory import PASSWORD, make_cert
        c = _demo("card")
        made = make_cert(state / "usb" / "NPKI" / "yessign" / "USER", name=c.name, idn=c.rrn)
        (state / "foreign.json").write_text(json.dumps({"path": str(made.path), "password": PASSWORD,
                                                        "cert": made.sign_cert.hex(), "key": made.sign_key.hex()}))

    def operation(self, state: Path) -> None:
        c = _demo("card")
        foreign = json.loads((state / "foreign.json").read_text())
        code, _ = _cli("register", foreign["path"], "--customer", c.key,
                       stdin=f"{c.account_password}\n{foreign['password']}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        foreign = json.loads((state / "foreign.json").read_text())
        folder = Path(foreign["path"])
        problems = []
        if not (folder / "signCert.der").is_file() or (folder / "signCert.der").read_bytes().hex() != foreign["cert"] \
                or (folder / "signPri.key").read_bytes().hex() != foreign["key"]:
            problems.append("the registered certificate's files changed")
        n = bank.db.one("SELECT COUNT(*) FROM registered_certs")[0]
        if n > 1:
            problems.append(f"registered {n} times")
        if killed_at is None and n != 1:
            problems.append("not registered")
        return problems


class Revoke(BankScenario):
    """Revocation of the expiring demo certificate, files deleted."""

    def operation(self, state: Path) -> None:
        from core.authority.demo import DEMO_CERT_PASSWORD
        folder = next(f for f in _folders(state) if _demo("expiring").name in f.name)
        code, _ = _cli("revoke", str(folder), "--yes", stdin=f"{DEMO_CERT_PASSWORD}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        revoked = bank.db.one("SELECT COUNT(*) FROM certificates c JOIN customers u ON u.id = c.customer_id "
                              "WHERE u.demo_key = 'expiring' AND c.status = 'revoked'")[0]
        mine = self.usable(bank, state, "expiring")
        left = [f for f in _folders(state) if _demo("expiring").name in f.name]
        if revoked and left:
            return [f"revoked, yet its files are still there: {left}"]
        if not revoked and len(mine) != 1:
            return ["not revoked, yet the certificate is no longer usable"]
        if killed_at is None and not revoked:
            return ["not revoked"]
        return []


class IssueFinance(BankScenario):
    """금융인증서 for the card customer: the key is made and kept by the cloud (docs/bank-flows.md
    "금융인증서"). After any kill: an active 금융인증서 always has its sealed key, no key is kept for a
    certificate that is not active, and without a kill the customer logs in with the PIN."""
    PIN = "274915"

    def operation(self, state: Path) -> None:
        c = _demo("card")
        code, _ = _cli("issue", "--customer", c.key, "--type", "금융인증서",
                       stdin=f"{c.account_password}\n{self.PIN}\n{self.PIN}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        problems = []
        rows = bank.db.all("SELECT c.serial, c.status, k.serial AS key_serial FROM certificates c LEFT JOIN "
                           "cloud_keys k ON k.serial = c.serial WHERE c.cert_type = 'finance'")
        for r in rows:
            if r["status"] == "active" and r["key_serial"] is None:
                problems.append(f"active 금융인증서 {r['serial']} without its key in the cloud")
            if r["status"] != "active" and r["key_serial"] is not None:
                problems.append(f"a key kept for a {r['status']} 금융인증서 {r['serial']}")
        orphans = bank.db.one("SELECT COUNT(*) FROM cloud_keys WHERE serial NOT IN (SELECT serial FROM certificates)")[0]
        if orphans:
            problems.append(f"{orphans} cloud keys without a certificate")
        if killed_at is None:
            code, _ = _cli("login", "--cloud", "card", stdin=self.PIN + "\n")
            if code != 0:
                problems.append("the customer cannot log in with the new 금융인증서")
        return problems


class ReissueFinance(IssueFinance):
    """금융인증서 재발급: the old certificate revoked and its key deleted in the transaction that
    activates the new one. After any kill the invariants of IssueFinance hold, and the customer has
    exactly one active 금융인증서 with its key — the old one or the new one, never none while the
    other is half there; without a kill, the new PIN logs in."""
    NEW_PIN = "385027"

    def prepare(self, state: Path) -> None:
        super().prepare(state)
        IssueFinance.operation(self, state)

    def operation(self, state: Path) -> None:
        c = _demo("card")
        code, _ = _cli("reissue", "--customer", c.key, "--type", "금융인증서", "--yes",
                       stdin=f"{c.account_password}\n{self.NEW_PIN}\n{self.NEW_PIN}\n")
        assert code == 0, code

    def specific(self, bank, state, killed_at) -> list[str]:
        self_pin, self.PIN = self.PIN, self.NEW_PIN          # the login check below uses the new PIN
        try:
            problems = super().specific(bank, state, killed_at)
        finally:
            self.PIN = self_pin
        active = bank.db.all("SELECT c.serial FROM certificates c JOIN cloud_keys k ON k.serial = c.serial "
                             "WHERE c.cert_type = 'finance' AND c.status = 'active'")
        if len(active) != 1:
            problems.append(f"{len(active)} active 금융인증서 with a key after the reissue (one expected)")
        return problems
