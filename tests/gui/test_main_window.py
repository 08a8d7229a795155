"""The main window on a temporary NPKI tree, a fake USB stick and a mock phone.

Every action is driven through the window's actions (found by objectName), questions are answered
in advance through gui.dialogs, and the result is checked on disk, not only in the widgets."""
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget, QLineEdit, QPushButton

from core.errors import WrongPassword
from core.npki import pfx
from core.npki.certfolder import CertFolder, read_cert_folder
from core.storage import registry
from core.storage.base import FOLDER, HDD, PHONE, REMOVABLE
from core.storage.discovery import DiscoveryConfig
from gui import i18n
from gui.context import AppContext
from gui.dialogs import (Btn, ChangePasswordDialog, ExportPfxDialog, FileDialog, MessageBox, PasswordDialog,
                         StoragePickerDialog, reset_answers)
from gui.main_window import MainWindow
from gui.models import CertTableModel
from gui.password_widget import PasswordWidget
from tests import factory
from tests.factory import PASSWORD, RRN

NEW_PASSWORD = "Brand#New2027pw"


def _rrn_with_check(first12: str) -> str:
    total = sum(int(d) * w for d, w in zip(first12, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)))
    return first12 + str((11 - total % 11) % 10)


@pytest.fixture(autouse=True)
def _clean_state(monkeypatch):
    monkeypatch.setattr(registry, "discovery_config", DiscoveryConfig(include_real=False))
    reset_answers()
    yield           # translators are restored by tests/gui/conftest.py
    reset_answers()


def test_lists_good_and_broken_certificates(qtbot, npki_root):
    factory.make_cert(factory.user_dir(npki_root))
    broken = factory.make_cert(factory.user_dir(npki_root, "SignKorea"), org="SignKorea", usage="securities",
                               key_index=1)
    (broken.path / "signPri.key").unlink()
    window = MainWindow(AppContext(language="en"), watch=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scanFinished, timeout=10_000):
        window.start()
    model = window.cert_model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert len(rows) == 2
    assert any("홍길동" in r and any("Banking" in str(x) for x in r) for r in rows)
    broken_row = next(r for r in rows if r[0] == "—")
    assert broken_row[3] == "SignKorea" and broken_row[4] in ("손상됨", "Broken")
    window.shutdown()


def test_key_with_an_unknown_algorithm_turns_its_row_broken_after_the_listing(qtbot, npki_root):
    """The scan lists without reading key files; the lazy key check that follows (off the GUI
    thread) turns the row of a key Dojang cannot read into 손상됨, with the reason."""
    from core.npki import asn1
    factory.make_cert(factory.user_dir(npki_root))
    odd = factory.make_cert(factory.user_dir(npki_root, "SignKorea"), org="SignKorea", usage="securities",
                             key_index=1)
    epki = asn1.EncryptedPrivateKeyInfo.load((odd.path / "signPri.key").read_bytes())
    (odd.path / "signPri.key").write_bytes(asn1.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": "1.2.3.4.5.6", "parameters": asn1.core.Null()},
        "encrypted_data": epki["encrypted_data"].native}).dump())
    window = MainWindow(AppContext(language="en"), watch=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scanFinished, timeout=10_000):
        window.start()
    model = window.cert_model
    qtbot.waitUntil(lambda: sum(not r.good for r in model.rows) == 1, timeout=10_000)
    row = next(i for i, r in enumerate(model.rows) if not r.good)
    assert model.rows[row].entry.error.code == "unsupported_key_encryption"
    assert model.index(row, CertTableModel.STATUS).data() in ("손상됨", "Broken")
    assert "1.2.3.4.5.6" in str(model.index(row, CertTableModel.STATUS).data(Qt.ItemDataRole.ToolTipRole))
    assert sum(r.good for r in model.rows) == 1
    window.shutdown()


def test_lazy_key_check_reads_only_rows_it_has_not_checked(qtbot, npki_root, monkeypatch):
    """After a rescan of one storage, only that storage's new rows have their key files read again."""
    import gui.main_window as mw
    for i in range(3):
        factory.make_cert(factory.user_dir(npki_root), name=f"사용자{i}", key_index=i)
    calls = []
    real = mw.verify_key
    monkeypatch.setattr(mw, "verify_key", lambda e: calls.append(e.name) or real(e))
    window = MainWindow(AppContext(language="en"), watch=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scanFinished, timeout=10_000):
        window.start()
    qtbot.waitUntil(lambda: len(window._keys_ok) == 3, timeout=10_000)
    assert len(calls) == 3
    calls.clear()
    window._update_copies()                      # nothing rescanned: nothing read again
    qtbot.waitUntil(lambda: not any(t.name == "copies" for t in window.workers.active()), timeout=10_000)
    assert calls == []
    with qtbot.waitSignal(window.scanFinished, timeout=10_000):
        window.refresh()                         # new entries: checked again
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=10_000)
    window.shutdown()


# --- fixtures -----------------------------------------------------------------------------------

@pytest.fixture
def usb(tmp_path, monkeypatch):
    stick = tmp_path / "usb" / "SANDISK"
    stick.mkdir(parents=True)
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(stick))
    return stick


@pytest.fixture
def phone():
    return registry.create_phone("010-1234-5678", "홍길동")


@pytest.fixture
def cert(npki_root):
    return factory.make_cert(factory.user_dir(npki_root))


def _open(qtbot, lang="en", **kw) -> MainWindow:
    window = MainWindow(AppContext(language=lang), watch=kw.pop("watch", False), watch_phones=False, **kw)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.scanFinished, timeout=20_000):
        window.start()
    return window


@pytest.fixture
def window(qtbot, cert, usb, phone):
    w = _open(qtbot)
    yield w
    w.shutdown()


def storage_of(window, kind):
    return next(s for s in window.storage_model.storages() if s.kind == kind)


def select(window, pred=lambda r: True) -> list:
    keys = [r.key for r in window.cert_model.rows if pred(r)]
    window.select_keys(keys)
    assert window.selected_rows(), "nothing selected"
    return keys


def run(qtbot, window, action_name: str, timeout=30_000) -> str:
    with qtbot.waitSignal(window.operationFinished, timeout=timeout) as blocker:
        window.findChild(type(window.act_view), action_name).trigger()
    qtbot.waitUntil(lambda: not window.scanning, timeout=timeout)
    return blocker.args[0]


def certs_under(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.rglob("signCert.der"))


# --- actions ------------------------------------------------------------------------------------

def test_copy_to_usb(qtbot, window, cert, usb):
    select(window)
    MessageBox.set_next_answer(Btn.Ok)                          # "copies are a risk" warning
    StoragePickerDialog.set_next_answer(storage_of(window, REMOVABLE).id)
    summary = run(qtbot, window, "actionCopy")
    copied = certs_under(usb)
    assert [p.name for p in copied] == [cert.folder_name]
    assert (copied[0] / "signCert.der").read_bytes() == cert.sign_cert
    assert (cert.path / "signCert.der").exists()                # the original stays
    assert "1 copied" in summary and "(to: Removable disk" in summary     # says where it went
    assert len(window.cert_model.rows) == 2


def test_move_to_phone(qtbot, window, cert, phone):
    select(window)
    StoragePickerDialog.set_next_answer(phone.id)
    run(qtbot, window, "actionMove")
    assert not cert.path.exists()
    moved = certs_under(phone.root)
    assert [p.name for p in moved] == [cert.folder_name]
    assert (moved[0] / "signPri.key").read_bytes() == cert.sign_key
    assert [r.storage.kind for r in window.cert_model.rows] == [PHONE]


def test_delete_copy_then_last_copy(qtbot, window, cert, usb):
    # a second copy on the stick: deleting one of two asks the plain question
    shutil.copytree(cert.path, usb / "NPKI" / "yessign" / "USER" / cert.folder_name)
    window.refresh()
    qtbot.waitUntil(lambda: len(window.cert_model.rows) == 2 and not window.scanning, timeout=10_000)
    select(window, lambda r: r.storage.kind == REMOVABLE)
    MessageBox.set_next_answer(Btn.Yes)
    run(qtbot, window, "actionDelete")
    assert MessageBox.history[-1][0] == "Question"
    assert MessageBox.history[-1][2].startswith("Delete 1 certificate (")        # a plural form, not "(s)"
    assert certs_under(usb) == [] and cert.path.exists()

    # the last copy: the stronger warning; "No" keeps it, "Yes" deletes it
    select(window)
    MessageBox.set_next_answer(Btn.No)
    window.act_delete.trigger()
    assert MessageBox.history[-1][0] == "Warning" and "last" in MessageBox.history[-1][1].lower()
    assert MessageBox.history[-1][2].startswith("1 of the certificates to delete has no copy")
    assert cert.path.exists()
    MessageBox.set_next_answer(Btn.Yes)
    run(qtbot, window, "actionDelete")
    assert not cert.path.exists()
    assert window.cert_model.rows == []


def test_check_password_right_and_wrong(qtbot, window, cert):
    before = (cert.path / "signPri.key").read_bytes()
    select(window)
    PasswordDialog.set_next_password(PASSWORD)
    assert run(qtbot, window, "actionCheckPassword") == "The password is correct."
    PasswordDialog.set_next_password("not-the-password1!")
    PasswordDialog.set_next_password(PASSWORD)                  # asked again, with the reason
    PasswordDialog.history.clear()
    with qtbot.waitSignal(window.operationFinished, timeout=30_000,
                          check_params_cb=lambda t: t == "The password is correct.") as blocker:
        window.findChild(type(window.act_view), "actionCheckPassword").trigger()
    assert PasswordDialog.history[0][1] is None
    assert PasswordDialog.history[1][1] == WrongPassword().message("en")
    PasswordDialog.set_next_password("not-the-password1!")
    PasswordDialog.set_next_password(None)                      # then the user gives up: Cancel
    text = run(qtbot, window, "actionCheckPassword")
    assert text == WrongPassword().message("en")
    assert "bank" in window.last_notice                        # says what to do next
    qtbot.waitUntil(lambda: len(PasswordDialog.history) == 4)  # the retry was asked and cancelled
    assert (cert.path / "signPri.key").read_bytes() == before


def test_change_password(qtbot, window, cert):
    select(window)
    ChangePasswordDialog.set_next_answer((PASSWORD, NEW_PASSWORD))
    assert run(qtbot, window, "actionChangePassword") == "The certificate password was changed."
    on_disk = read_cert_folder(cert.path)
    assert isinstance(on_disk, CertFolder)
    on_disk.check_password(NEW_PASSWORD)
    with pytest.raises(WrongPassword):
        on_disk.check_password(PASSWORD)


@pytest.mark.parametrize("flavour", [pfx.LEGACY, pfx.MODERN])
def test_export_pfx(qtbot, window, cert, tmp_path, flavour):
    target = tmp_path / f"out-{flavour}.pfx"
    select(window)
    ExportPfxDialog.set_next_answer(flavour)
    FileDialog.set_next_file_name(target)
    PasswordDialog.set_next_password(PASSWORD)
    run(qtbot, window, "actionExportPfx")
    contents = pfx.import_pfx(target.read_bytes(), PASSWORD)
    assert contents.cert_der == cert.sign_cert
    data = target.read_bytes()
    # legacy = 3DES/SHA-1 (pbeWithSHAAnd3-KeyTripleDES-CBC), modern = PBES2 (AES-256)
    pbes2 = bytes.fromhex("2a864886f70d01050d")
    assert (pbes2 in data) == (flavour == pfx.MODERN)


def test_import_pfx_and_folder(qtbot, window, cert, usb, tmp_path):
    from core.storage import operations as ops
    entry = read_cert_folder(cert.path)
    pfx_path = tmp_path / "backup.pfx"
    ops.export_pfx(entry, bytearray(PASSWORD.encode()), pfx_path, flavour=pfx.MODERN)
    usb_id = storage_of(window, REMOVABLE).id

    FileDialog.set_next_file_name(pfx_path)
    StoragePickerDialog.set_next_answer(usb_id)
    PasswordDialog.set_next_password(PASSWORD)
    text = run(qtbot, window, "actionImportPfx")
    assert "imported" in text
    [imported] = certs_under(usb)
    assert (imported / "signCert.der").read_bytes() == cert.sign_cert
    read_cert_folder(imported).check_password(PASSWORD)        # same password as the PFX

    # a certificate folder from elsewhere (another person's), imported to the hard disk
    other_dir = tmp_path / "elsewhere" / "USER"
    other = factory.make_cert(other_dir, name="김철수", idn=_rrn_with_check("850505123456"), key_index=2)
    FileDialog.set_next_file_name(other.path)
    StoragePickerDialog.set_next_answer(storage_of(window, HDD).id)
    run(qtbot, window, "actionImportFolder")
    hdd_certs = certs_under(storage_of(window, HDD).root)
    assert other.folder_name in [p.name for p in hdd_certs]
    assert other.path.exists()                                   # import copies
    assert len(window.cert_model.rows) == 3


def test_macos_file_open_event_imports_the_pfx(qtbot, window, cert, usb, tmp_path):
    """Finder's double-click / Dock drop arrives as a QFileOpenEvent; other files are left alone."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent
    from core.storage import operations as ops
    from gui.app import FileOpenHandler
    pfx_path = tmp_path / "from-finder.p12"
    ops.export_pfx(read_cert_folder(cert.path), bytearray(PASSWORD.encode()), pfx_path, flavour=pfx.MODERN)
    app = QApplication.instance()
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    try:
        assert not QCoreApplication.sendEvent(app, QFileOpenEvent(str(tmp_path / "notes.txt")))
        StoragePickerDialog.set_next_answer(storage_of(window, REMOVABLE).id)
        PasswordDialog.set_next_password(PASSWORD)
        with qtbot.waitSignal(window.operationFinished, timeout=30_000) as blocker:
            QCoreApplication.sendEvent(app, QFileOpenEvent(str(pfx_path)))
        assert "imported" in blocker.args[0]
        [imported] = certs_under(usb)
        assert (imported / "signCert.der").read_bytes() == cert.sign_cert
    finally:
        app.removeEventFilter(handler)


def test_a_pfx_opened_at_start_up_waits_for_the_storages(qtbot, cert, usb, phone, tmp_path):
    """The file association starts the import before the first scan: it must wait, not say 'no storage'."""
    from core.storage import operations as ops
    pfx_path = tmp_path / "double-clicked.pfx"
    ops.export_pfx(read_cert_folder(cert.path), bytearray(PASSWORD.encode()), pfx_path, flavour=pfx.MODERN)
    w = MainWindow(AppContext(language="en"), watch=False, watch_phones=False)
    qtbot.addWidget(w)
    w.show()
    w.import_pfx_file(str(pfx_path))                    # as gui.app.run(open_pfx=…) does, before the scan
    assert not w.scanned_once and w.storage_model.storages() == []
    StoragePickerDialog.set_next_answer(next(s.id for s in registry.all_storages() if s.kind == REMOVABLE))
    PasswordDialog.set_next_password(PASSWORD)
    with qtbot.waitSignal(w.operationFinished, timeout=20_000) as blocker:
        w.start()
    assert "imported" in blocker.args[0]
    [imported] = certs_under(usb)
    assert (imported / "signCert.der").read_bytes() == cert.sign_cert
    w.shutdown()


def test_add_folder(qtbot, window, tmp_path):
    backup = tmp_path / "backup"
    made = factory.make_cert(backup / "NPKI" / "yessign" / "USER", name="이영희", key_index=3)
    FileDialog.set_next_file_name(backup)
    window.act_add_folder.trigger()
    qtbot.waitUntil(lambda: any(s.kind == FOLDER for s in window.storage_model.storages()), timeout=10_000)
    qtbot.waitUntil(lambda: not window.scanning, timeout=10_000)
    assert any(Path(p) == backup for p in registry.added_folders())     # remembered on disk
    folder = storage_of(window, FOLDER)
    assert [r.entry.path for r in window.cert_model.rows if r.storage.id == folder.id] == [made.path]


def test_details_and_identity_check(qtbot, window, cert):
    select(window)
    window.act_view.trigger()
    dlg = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "detailsDialog" and w.isVisible())
    qtbot.addWidget(dlg)
    info = read_cert_folder(cert.path).info
    assert "홍길동" in dlg.findChild(QLabel, "detailsUser").text()
    tree = dlg.findChild(QTreeWidget, "detailsFields")
    texts = " ".join(tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount()))
    assert info.serial_hex in texts
    assert "홍길동" in texts

    rrn = dlg.findChild(QLineEdit, "verifyRrnEdit")
    pw = dlg.findChild(PasswordWidget, "verifyPasswordWidget")
    button = dlg.findChild(QPushButton, "verifyOwnerButton")
    result = dlg.findChild(QLabel, "verifyResult")
    rrn.setText(RRN)
    pw.line_edit.setText(PASSWORD)
    button.click()
    qtbot.waitUntil(lambda: result.text().startswith(("✔", "✖")), timeout=10_000)
    assert result.text().startswith("✔"), result.text()
    assert RRN not in result.text()                              # masked
    result.setText("")
    rrn.setText(_rrn_with_check("850505123456"))
    button.click()
    qtbot.waitUntil(lambda: result.text().startswith(("✔", "✖")), timeout=10_000)
    assert result.text().startswith("✖")
    dlg.close()


# --- language -----------------------------------------------------------------------------------

def _visible_texts(window):
    m = window.cert_model
    headers = [m.headerData(c, Qt.Orientation.Horizontal)
               for c in range(m.columnCount())]
    statuses = sorted(m.index(r, CertTableModel.STATUS).data() for r in range(m.rowCount()))
    return headers, statuses


def test_language_en_and_ko(qtbot, npki_root):
    factory.make_cert(factory.user_dir(npki_root))
    broken = factory.make_cert(factory.user_dir(npki_root, "SignKorea"), org="SignKorea", usage="securities",
                               key_index=1)
    (broken.path / "signPri.key").unlink()

    en = _open(qtbot, "en")
    headers, statuses = _visible_texts(en)
    assert headers[:5] == ["Usage", "Holder", "Expires (KST)", "Issuer", "Status"]
    assert statuses == ["Broken", "Valid"]
    assert en.act_copy.iconText() == "Copy" and en.windowTitle().startswith("Dojang")
    en.shutdown()
    en.close()

    ko = _open(qtbot, "ko")
    headers, statuses = _visible_texts(ko)
    assert headers[:5] == ["구분", "사용자", "만료일 (KST)", "발급기관", "상태"]
    assert statuses == ["손상됨", "정상"]
    assert ko.act_copy.iconText() == "복사"
    ko.shutdown()


def test_every_translation_file_is_complete():
    import xml.etree.ElementTree as ET
    files = sorted(i18n.i18n_dir().glob("*.ts"))
    assert any(f.name == "main_en.ts" for f in files)
    for ts in files:
        for msg in ET.parse(ts).iter("message"):
            tr = msg.find("translation")
            src = msg.find("source").text
            assert tr is not None and tr.get("type") not in ("unfinished",), f"{ts.name}: {src!r} unfinished"
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]      # plurals: one text per form
            assert (tr.text or "").strip() or (forms and all(f.strip() for f in forms)), \
                f"{ts.name}: {src!r} has no translation"


TS_SOURCES = {
    "main_en.ts": ["models", "main_window", "password_widget", "dialogs", "details_dialog", "settings_dialog", "app",
                    "cloud_panel"],
    "wizard_en.ts": ["wizard/*"],
    "devices_en.ts": ["phone/*", "devices", "demo_panel", "teller_panel"],
    "welcome_en.ts": ["welcome"],
}


def test_every_string_in_the_code_is_in_a_translation_file(tmp_path):
    """lupdate on the sources finds no text the .ts files lack (a string added without its English)."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path
    gui_dir = Path(__file__).resolve().parents[2] / "gui"

    def files(name: str) -> list[Path]:      # "wizard/*": every module of a package
        return sorted(gui_dir.glob(f"{name}.py")) if name.endswith("*") else [gui_dir / f"{name}.py"]
    translated = {p for names in TS_SOURCES.values() for n in names for p in files(n)}
    with_strings = {p for p in gui_dir.glob("**/*.py") if ".tr(" in p.read_text("utf-8")
                    or "translate(" in p.read_text("utf-8")}
    assert with_strings <= translated, f"files with UI strings but no .ts: {with_strings - translated}"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    for ts_name, names in TS_SOURCES.items():
        copy = tmp_path / ts_name
        shutil.copy(i18n.i18n_dir() / ts_name, copy)
        subprocess.run([str(lupdate), "-silent", *[str(p) for n in names for p in files(n)], "-ts", str(copy)],
                       check=True, capture_output=True, timeout=120)
        missing = [m.find("source").text for m in ET.parse(copy).iter("message")
                   if m.find("translation").get("type") == "unfinished"]
        assert not missing, f"{ts_name}: no English yet for {missing}"


# --- bank flows and devices ------------------------------------------------------------------------

def test_issue_action_opens_the_wizard(qtbot, npki_root, monkeypatch):
    from tests.gui.phone_helpers import MemoryKeyring, FakeClock, open_bank  # noqa: F401
    import keyring
    from core.locations import app_home
    from gui.wizard import FlowWizard
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    clock = FakeClock()
    bank = open_bank(app_home(), clock, backend, seed_demo=True)
    try:
        ctx = AppContext(open_authority=lambda: bank, clock=clock, language="en")
        w = MainWindow(ctx, watch=False, watch_phones=False)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.scanFinished, timeout=10_000):
            w.start()
        w.findChild(type(w.act_view), "actionIssue").trigger()
        wizards = [x for x in QApplication.topLevelWidgets() if isinstance(x, FlowWizard) and x.isVisible()]
        assert len(wizards) == 1
        assert w.findChild(type(w.act_view), "actionPhoneTransfer") in w.menu_tools.actions()
        wizards[0].close()
        w.shutdown()
    finally:
        bank.close()
        keyring.set_keyring(previous)


def test_first_start_opens_the_bank_in_the_background_and_lists_the_demo_certificates(qtbot, npki_root):
    """The welcome page promises demo certificates on the hard disk: they appear without a click."""
    import keyring
    from core.locations import app_home, bank_exists
    from tests.gui.phone_helpers import FakeClock, MemoryKeyring, open_bank
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    clock = FakeClock()
    ctx = AppContext(open_authority=lambda: open_bank(app_home(), clock, backend, seed_demo=True),
                     clock=clock, language="ko")
    try:
        assert not bank_exists()
        w = MainWindow(ctx, watch=False, watch_phones=False)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.scanFinished, timeout=10_000):
            w.start()
        assert w.cert_model.rows == []                               # nothing on disk yet
        w.open_bank_in_background()
        qtbot.waitUntil(lambda: ctx.authority_open and not w.scanning and
                        {"최갱신", "정만료"} <= {r.entry.info.display_name for r in w.cert_model.rows if r.good},
                        timeout=30_000)
        assert bank_exists()
        assert any(s.kind == PHONE for s in w.storage_model.storages())   # the demo customers' phones
        # where the master key went is said once, in the window (here: a stand-in bank that has a notice)
        from types import SimpleNamespace
        w._bank_listener(SimpleNamespace(demo_seeded_now=False, master_key_notice_text=lambda lang: "KEY NOTICE"))
        qtbot.waitUntil(lambda: w.last_notice == "KEY NOTICE")
        w.shutdown()
        assert w._bank_listener not in ctx.opened_listeners
        ctx.close()
        assert ctx.authority().demo_seeded_now is False               # the second open seeds nothing
    finally:
        ctx.close()
        keyring.set_keyring(previous)


def test_help_menu_reopens_the_welcome_page(qtbot, npki_root):
    from gui.welcome import WelcomeDialog
    w = MainWindow(AppContext(language="ko"), watch=False, watch_phones=False)
    qtbot.addWidget(w)
    action = w.findChild(type(w.act_view), "actionWelcome")
    assert action in w.menu_help.actions() and action.text() == "시작 안내(&W)"
    action.trigger()
    shown = [x for x in QApplication.topLevelWidgets() if isinstance(x, WelcomeDialog) and x.isVisible()]
    assert len(shown) == 1 and shown[0].objectName() == "welcomeDialog"
    shown[0].close()
    w.shutdown()


# --- hot-plug and responsiveness -----------------------------------------------------------------

def test_hot_plug(qtbot, cert, tmp_path, monkeypatch):
    stick = tmp_path / "plug" / "KINGSTON"
    monkeypatch.setenv("DOJANG_FAKE_REMOVABLE", str(stick))
    w = _open(qtbot, watch=True, watch_interval=0.1)
    try:
        assert not any(s.kind == REMOVABLE for s in w.storage_model.storages())
        factory.make_cert(stick / "NPKI" / "yessign" / "USER", name="박민수", key_index=1)
        qtbot.waitUntil(lambda: any(s.kind == REMOVABLE for s in w.storage_model.storages()), timeout=10_000)
        qtbot.waitUntil(lambda: len(w.cert_model.rows) == 2, timeout=10_000)
        shutil.rmtree(stick)
        qtbot.waitUntil(lambda: not any(s.kind == REMOVABLE for s in w.storage_model.storages()), timeout=10_000)
        assert len(w.cert_model.rows) == 1
        assert w.storage_list.model().rowCount() == 2 + len(w.storage_model.storages())   # + all, + cloud
    finally:
        w.shutdown()


def test_bulk_copy_of_200_keeps_the_gui_responsive(qtbot, npki_root, usb, capsys):
    user = factory.user_dir(npki_root)
    for i in range(200):
        factory.make_cert(user, name=f"사용자{i:03d}", key_index=i % 4)
    w = _open(qtbot)
    try:
        assert len(w.cert_model.rows) == 200
        w.table.selectAll()
        assert len(w.selected_rows()) == 200
        MessageBox.set_next_answer(Btn.Ok)
        StoragePickerDialog.set_next_answer(storage_of(w, REMOVABLE).id)
        gaps = []
        last = [time.perf_counter()]

        def beat():
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(beat)
        timer.start()
        with qtbot.waitSignal(w.operationFinished, timeout=180_000) as blocker:
            w.act_copy.trigger()
            last[0] = time.perf_counter()
        timer.stop()
        assert w.progress_dialog is not None
        assert "200 copied" in blocker.args[0]
        assert len(certs_under(usb)) == 200
        with capsys.disabled():
            print(f"\n[responsiveness] 200-certificate copy: {len(gaps)} timer ticks, "
                  f"longest GUI-thread gap {max(gaps) * 1000:.1f} ms")
        assert len(gaps) > 5          # the timer kept firing while the copy ran
        w.progress_dialog.close()
    finally:
        w.shutdown()


def test_counts_use_plural_forms(qtbot, window):
    """English counts say '1 certificate' and '0 certificates', never 'certificate(s)'; Korean keeps 개."""
    from PySide6.QtCore import Qt
    texts = [window.storage_list.model().index(i, 0).data(Qt.ItemDataRole.DisplayRole)
             for i in range(window.storage_list.model().rowCount())]
    assert not any("(s)" in t for t in texts)
    assert any(line.startswith("1 certificate") and not line.startswith("1 certificates")
               for t in texts for line in t.splitlines())
    assert any(line.startswith("0 certificates") for t in texts for line in t.splitlines())


def test_copy_prompt_counts_with_plural_forms_and_names_a_few(qtbot, npki_root, usb, monkeypatch):
    """"1 certificate to copy: …" / "7 certificates to copy: …" (never "Certificate(s)"); a long
    selection names the first five and "…" instead of every certificate."""
    user = factory.user_dir(npki_root)
    for i in range(7):
        factory.make_cert(user, name=f"사용자{i}", key_index=i % 4)
    w = _open(qtbot)
    prompts = []
    monkeypatch.setattr(StoragePickerDialog, "pick",
                        classmethod(lambda cls, parent, title, storages, lang, prompt=None: prompts.append(prompt)))
    try:
        select(w, lambda r: r.entry.info.display_name == "사용자0")
        w.act_copy.trigger()
        select(w)
        w.act_move.trigger()
        assert prompts[0] == "1 certificate to copy: 사용자0"
        assert prompts[1].startswith("7 certificates to move: ") and prompts[1].endswith(", …")
        assert len(prompts[1].split(": ", 1)[1].split(", ")) == 6        # five names and "…"
    finally:
        w.shutdown()
