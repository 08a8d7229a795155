"""What the screen says follows the state (docs/gui-state.md): a verdict disappears when the input that
caused it changes, Enter submits a page once, Cancel after verification asks, the renewal's save page
says nothing about sticks."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from core.authority.demo import DEMO_CERT_PASSWORD
from core.flows import CERT_PASSWORD, PICK_CERT, SAVE
from core.storage import registry
from gui.password_widget import PasswordWidget
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, demo, error_text, field, next_page, save_to, set_password,
                                      to_save, type_into)


def _shown(w, name) -> str:
    lab = field(w, QLabel, name)
    return lab.text() if lab.isVisible() else ""


def test_widget_adopted_label_is_cleared_by_the_next_edit(qtbot):
    holder = QLabel()
    pw = PasswordWidget(None, repeat=True, strength=True)
    qtbot.addWidget(pw)
    qtbot.addWidget(holder)
    page_label = QLabel(pw)
    pw.adopt_error_label(page_label, "password")
    pw.show()
    qtbot.keyClicks(pw.line_edit, "abcdefghijk")
    pw.show_error("연속된 숫자나 문자를 쓸 수 없습니다.", "password")
    assert page_label.isVisible() and page_label.text().startswith("✖")
    assert not pw.problem_label.isVisible()           # one line for the rule, not two
    qtbot.keyClicks(pw.line_edit, "Z9#")
    assert not page_label.isVisible() and page_label.text() == ""
    assert pw.problem_label.isVisible()


def test_verdict_colours_and_readable_strength_text(qtbot):
    pw = PasswordWidget(None, repeat=True, strength=True)
    qtbot.addWidget(pw)
    pw.line_edit.setText("abcdefghijk")
    assert pw.problem_label.property("verdict") == "bad" and "#b3261e" in pw.problem_label.styleSheet()
    pw.line_edit.setText(GOOD_PASSWORD + "Qz!")
    assert pw.problem_label.text().startswith("✔") and pw.problem_label.property("verdict") == "ok"
    assert pw.strength_bar.value() >= 3 and "color: white" in pw.strength_bar.styleSheet()
    pw.repeat_edit.setText("x")
    assert pw.match_label.property("verdict") == "bad"
    pw.repeat_edit.setText(pw.line_edit.text())
    assert pw.match_label.property("verdict") == "ok" and pw.match_label.text().startswith("✔")


def test_fixed_new_password_drops_the_old_red_lines(qtbot, ctx, wizards, demo_bank, npki_root):
    w = wizards("issue")
    to_save(qtbot, w, ctx, demo("card"))
    save_to(qtbot, w, "hdd", "abcdefghijk")                # a sequence: refused
    assert w.flow.step == SAVE and error_text(w, "password")
    assert not field(w, QLabel, "passwordProblemLabel").isVisible()     # the rule is said once
    set_password(qtbot, w, GOOD_PASSWORD, GOOD_PASSWORD + "x")
    assert error_text(w, "password") == ""                 # fixed: the red line is gone
    assert _shown(w, "passwordProblemLabel").startswith("✔")
    save_to(qtbot, w, "hdd", GOOD_PASSWORD, GOOD_PASSWORD + "x")
    assert error_text(w, "password_repeat") and not field(w, QLabel, "passwordMatchLabel").isVisible()
    type_into(qtbot, w, "passwordRepeatEdit", GOOD_PASSWORD, PasswordWidget, "newPasswordWidget")
    assert error_text(w, "password_repeat") == ""
    assert _shown(w, "passwordMatchLabel").startswith("✔")


def _renew_to_password(qtbot, wizards, fake_clock):
    c = demo("expiring")
    hdd = registry.all_storages()[0]
    old = next(e for e in hdd.certificates() if e.info.display_name == c.name)
    fake_clock.advance(days=5)
    w = wizards("renew")
    w.pages[PICK_CERT].select_path(old.path)
    next_page(qtbot, w)
    assert w.flow.step == CERT_PASSWORD
    return w, old


def test_enter_on_the_current_password_submits_once(qtbot, ctx, demo_bank, wizards, fake_clock, usb):
    w, old = _renew_to_password(qtbot, wizards, fake_clock)
    edit = field(field(w, PasswordWidget, "certPasswordWidget"), QLineEdit, "passwordEdit")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)               # empty: nothing happens, nothing is said
    assert w.flow.step == CERT_PASSWORD and error_text(w, "cert_password") == ""
    qtbot.keyClicks(edit, "Wrong#pass123")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert w.flow.step == CERT_PASSWORD and error_text(w, "cert_password")
    qtbot.keyClicks(edit, "x")                             # typing again: the old verdict goes
    assert error_text(w, "cert_password") == ""
    edit.clear()
    qtbot.keyClicks(edit, DEMO_CERT_PASSWORD)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert w.flow.step == SAVE
    # the save page was entered once, not submitted by the same key press
    assert error_text(w, "password") == "" and error_text(w, "wizard") == ""
    # a renewal saves in place: no "no removable disk" line, with or without a stick
    assert not field(w, QLabel, "noRemovableLabel").isVisible()
    assert str(old.path) in field(w, QLabel, "renewPlaceLabel").text()


def test_enter_in_a_customer_field_submits_once(qtbot, ctx, wizards, demo_bank):
    """A wrong account password costs one attempt per Enter, not two."""
    from PySide6.QtWidgets import QRadioButton
    from tests.gui.wizard_helpers import click
    c = demo("card")
    w = wizards("issue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    type_into(qtbot, w, "customerNameEdit", c.name)
    type_into(qtbot, w, "rrnFrontEdit", c.rrn[:6])
    type_into(qtbot, w, "rrnBackEdit", c.rrn[6:])
    type_into(qtbot, w, "accountEdit", c.account)
    type_into(qtbot, w, "accountPasswordEdit", "0000")
    qtbot.keyClick(field(w, QLineEdit, "accountPasswordEdit"), Qt.Key.Key_Return)
    msg = error_text(w, "account_password")
    assert "4" in msg, msg                                 # one attempt used (5 allowed), not two


# --- main window: the result line, quitting ---------------------------------------------------------

def _main(qtbot, ctx):
    from gui.main_window import MainWindow
    w = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scanFinished, timeout=20_000):
        w.start()
    return w


def test_result_line_follows_the_language_and_goes_with_the_next_action(qtbot, tmp_path, npki_root,
                                                                          no_real_drives):
    from gui import i18n
    from gui.context import AppContext
    ctx = AppContext(language="ko")
    i18n.apply_language("ko", ctx)
    w = _main(qtbot, ctx)
    label = field(w, QLabel, "noticeLabel")
    w.notify(lambda: w.tr("암호가 맞습니다."), "ok")
    assert label.text() == "암호가 맞습니다."
    i18n.apply_language("en", ctx)
    qtbot.waitUntil(lambda: label.text() == "The password is correct.")
    w.notify("한 번만 쓰는 줄", "warn")                     # a text fixed in one language …
    i18n.apply_language("ko", ctx)
    qtbot.waitUntil(lambda: not field(w, type(w.notice), "noticeFrame").isVisible())   # … is taken down
    w.notify(lambda: w.tr("암호가 맞습니다."), "ok")
    w.actions_by_name[w.act_refresh.objectName()].trigger()          # the next action: a new state
    assert not w.notice.isVisible() and w.last_notice == ""
    w.shutdown()


def test_closing_the_main_window_closes_every_window_and_quits(qtbot, npki_root, no_real_drives, monkeypatch):
    from PySide6.QtWidgets import QApplication, QWidget
    from gui.app import quit_with
    from gui.context import AppContext
    app = QApplication.instance()
    quits = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(1))
    w = _main(qtbot, AppContext(language="ko"))
    other = QWidget()
    other.setWindowTitle("phone")
    qtbot.addWidget(other)
    other.show()
    quit_with(w, app)
    w.close()
    assert quits == [1] and not other.isVisible()


# --- demo panel: the 복사 confirmation, live language --------------------------------------------------

def test_demo_panel_copy_is_confirmed_on_the_button_and_switches_language(qtbot, ctx, demo_bank):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton
    from gui import i18n
    from gui.demo_panel import show_demo_panel
    from tests.gui.wizard_helpers import click
    i18n.apply_language("ko", ctx)
    panel = show_demo_panel(None, ctx)
    qtbot.addWidget(panel)
    c = demo("card")
    click(qtbot, panel, "demoCopy_account_card")
    button = field(panel, QPushButton, "demoCopy_account_card")
    assert QGuiApplication.clipboard().text() == c.account.replace("-", "")
    assert button.text() == "✔ 복사됨" and field(panel, QLabel, "demoCopied").isVisible()
    qtbot.waitUntil(lambda: field(panel, QPushButton, "demoCopy_account_card").text() == "복사", timeout=5000)
    i18n.apply_language("en", ctx)
    qtbot.waitUntil(lambda: panel.windowTitle() == "Demo customers")
    assert field(panel, QPushButton, "demoCopy_account_card").text() == "Copy"
    assert "Account number" in field(panel, QLabel, "demoCopied").text()


# --- live state: changes behind the window's back, pulled drives --------------------------------------

def _live(qtbot, lang="en"):
    from gui.context import AppContext
    from gui.main_window import MainWindow
    w = MainWindow(AppContext(language=lang), watch=True, watch_interval=0.1, watch_phones=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scanFinished, timeout=20_000):
        w.start()
    return w


def _rows_on(w, kind):
    return [r for r in w.cert_model.rows if r.storage.kind == kind]


def test_a_cli_copy_while_the_window_runs_shows_up_by_itself(qtbot, npki_root, fake_usb, hdd_cert, dialog_answers):
    import subprocess
    import sys
    from pathlib import Path
    from core.storage.base import REMOVABLE
    w = _live(qtbot)
    try:
        assert _rows_on(w, REMOVABLE) == []
        usb = next(s for s in w.storage_model.storages() if s.kind == REMOVABLE)
        main = Path(__file__).resolve().parents[2] / "main.py"
        done = subprocess.run([sys.executable, str(main), "copy", str(hdd_cert.path), "--to", usb.id],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: len(_rows_on(w, REMOVABLE)) == 1, timeout=10_000)   # no 새로 고침
        assert w.storage_model.data(w.storage_model.index(w.storage_model.row_of(usb.id) + 1)) is not None
        subprocess.run([sys.executable, str(main), "delete", "--yes", str(hdd_cert.path)],
                       capture_output=True, text=True, timeout=120, check=True)
        qtbot.waitUntil(lambda: not [r for r in w.cert_model.rows if r.storage.kind == "hdd"], timeout=10_000)
    finally:
        w.shutdown()


def test_a_phone_transfer_updates_the_phone_count(qtbot, npki_root, no_real_drives, hdd_cert, mock_phone):
    """What a finished PC → phone transfer does to the phone's NPKI folder, seen without 새로 고침."""
    import threading
    from core.storage import operations as ops
    from core.storage.base import PHONE
    w = _live(qtbot)
    try:
        src = next(r for r in w.cert_model.rows if r.storage.kind == "hdd")
        t = threading.Thread(target=lambda: ops.copy_cert(src.entry, mock_phone, source=src.storage))
        t.start()
        t.join(30)
        qtbot.waitUntil(lambda: len(_rows_on(w, PHONE)) == 1, timeout=10_000)
        row = w.storage_model.row_of(mock_phone.id) + 1
        assert "1" in w.storage_model.data(w.storage_model.index(row))
    finally:
        w.shutdown()


def test_pulled_stick_the_selection_does_not_slide_to_a_look_alike(qtbot, npki_root, fake_usb, mock_phone,
                                                                   dialog_answers):
    import shutil
    from core.storage.base import PHONE, REMOVABLE
    from tests import factory
    factory.make_cert(factory.user_dir(fake_usb / "NPKI"))
    factory.make_cert(factory.user_dir(mock_phone.root))            # the same certificate on the phone
    w = _live(qtbot)
    try:
        assert len(_rows_on(w, REMOVABLE)) == 1 and len(_rows_on(w, PHONE)) == 1
        w.select_keys([_rows_on(w, REMOVABLE)[0].key])
        shutil.rmtree(fake_usb)                                      # pulled
        qtbot.waitUntil(lambda: not _rows_on(w, REMOVABLE), timeout=10_000)
        qtbot.waitUntil(lambda: "Removable" in w.last_notice or "removed" in w.last_notice, timeout=5_000)
        assert w.selected_rows() == []                               # nothing chosen for the person
        assert not w.act_check.isEnabled()
    finally:
        w.shutdown()


def test_check_password_on_a_pulled_stick_says_it_is_gone(qtbot, npki_root, fake_usb, dialog_answers):
    import shutil
    from core.storage.base import REMOVABLE
    from gui.dialogs import PasswordDialog
    from gui.main_window import MainWindow
    from gui.context import AppContext
    from tests import factory
    factory.make_cert(factory.user_dir(fake_usb / "NPKI"))
    w = MainWindow(AppContext(language="en"), watch=False, watch_phones=False)    # nothing notices by itself
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scanFinished, timeout=20_000):
        w.start()
    w.select_keys([_rows_on(w, REMOVABLE)[0].key])
    shutil.rmtree(fake_usb)
    PasswordDialog.set_next_password(factory.PASSWORD)
    w.act_check.trigger()
    assert "removed" in w.last_notice and "correct" not in w.last_notice
    assert PasswordDialog._answers.pop()[0]                         # it was never asked
    # pulled while the password was being typed: the worker refuses too
    from gui.main_window import _check_password
    from core.errors import StorageGone
    import pytest
    with pytest.raises(StorageGone):
        _check_password(type("C", (), {"path": fake_usb / "NPKI" / "x"})(), bytearray(b"pw"))
    w.shutdown()


def test_step4_pulled_stick_is_said_before_the_click(qtbot, ctx, wizards, demo_bank, usb):
    import shutil
    from PySide6.QtWidgets import QListWidget
    from tests.gui.wizard_helpers import storage_id_of
    w = wizards("issue")
    to_save(qtbot, w, ctx, demo("card"))
    page = w.pages[SAVE]
    page.select_storage(storage_id_of(w, "removable"))
    shutil.rmtree(usb)
    qtbot.waitUntil(lambda: "MYSTICK" in error_text(w, "storage"), timeout=8_000)
    assert "분리" in error_text(w, "storage")
    assert field(w, QListWidget, "storageList").currentRow() == -1


# --- every window switches language live --------------------------------------------------------------

import re as _re

_HANGUL = _re.compile(r"[\uac00-\ud7a3]")


def _texts(top):
    """(where, text) of everything a person reads in `top`: labels, buttons, titles, placeholders,
    tab and list items, table cells and headers, actions."""
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLineEdit, QListWidget,
                                   QTableWidget, QTabWidget, QWidget)
    out = [(top.objectName() + ":title", top.windowTitle())]
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisibleTo(top) and w is not top:
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + ":placeholder", w.placeholderText()))
        elif isinstance(w, QTabWidget):
            out += [(name + ":tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [(name + ":item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            out += [(name + ":item", w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            out += [(name + ":head", w.horizontalHeaderItem(c).text()) for c in range(w.columnCount())
                    if w.horizontalHeaderItem(c)]
        for a in w.actions():
            out.append((name + ":action", a.text()))
    return out


def test_switching_language_with_every_window_open_leaves_no_korean(qtbot, ctx, demo_bank, npki_root,
                                                                     no_real_drives, dialog_answers):
    """Korean → English with the main window, welcome, demo panel, teller panel, a wizard, a phone, the
    보안카드 and the OTP token open: no Hangul left outside the demo data (names, 홍길동 examples)."""
    from PySide6.QtWidgets import QApplication
    from gui import i18n
    from gui.demo_panel import show_demo_panel
    from gui.devices import show_card_viewer, show_otp_window
    from gui.main_window import MainWindow
    from gui.phone_window import show_phone_window
    from gui.teller_panel import show_teller_panel
    from gui.welcome import show_welcome
    from gui.wizard import open_flow_wizard
    from core.authority.demo import DEMO_CUSTOMERS
    i18n.apply_language("ko", ctx)
    main = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.scanFinished, timeout=20_000):
        main.start()
    c = demo("card")
    o = demo("otp")
    windows = [main, show_welcome(main, ctx), show_demo_panel(None, ctx), show_teller_panel(None, ctx),
               show_phone_window(None, ctx, c.phone),
               show_card_viewer(None, ctx, c.name), show_otp_window(None, ctx, o.name)]
    for win in windows:
        if win is not main:
            qtbot.addWidget(win)
    wizard = open_flow_wizard(None, ctx, "issue", watch_phones=False)     # WA_DeleteOnClose: closed below
    windows.append(wizard)
    main.notify(lambda: main.tr("암호가 맞습니다."), "ok")
    korean_before = [t for win in windows for _w, t in _texts(win) if _HANGUL.search(t or "")]
    assert korean_before, "the walk must see the Korean texts first"
    i18n.apply_language("en", ctx)
    QApplication.processEvents()
    # demo data (names) and the glossary an English reader is shown on purpose (공동인증서, the language
    # menu's own name for Korean)
    data = {d.name for d in DEMO_CUSTOMERS} | {"홍길동", "공동인증서", "공인인증서", "한국어"}

    def leftover():
        found = []
        for win in windows:
            for where, text in _texts(win):
                rest = text or ""
                for name in data:
                    rest = rest.replace(name, "")
                if _HANGUL.search(rest):
                    found.append(f"{win.objectName()}/{where}: {text!r}")
        return found
    try:
        qtbot.waitUntil(lambda: not leftover(), timeout=3_000)
    except Exception:  # noqa: BLE001 - the assertion below lists what is left
        pass
    assert leftover() == [], "\n".join(leftover())
    wizard.done(0)
    main.shutdown()


def test_lock_screen_date_is_written_the_locale_way():
    import datetime as dt
    from gui.phone_window import lock_date_text
    day = dt.date(2026, 12, 1)
    assert lock_date_text(day, "en", "ddd d MMM") == "Tue 1 Dec"          # not "Tue, 1/12"
    assert lock_date_text(day, "ko", "M월 d일 dddd") == "12월 1일 화요일"


def test_key_notice_follows_the_language(qtbot, npki_root, no_real_drives):
    from gui import i18n
    from gui.context import AppContext
    from gui.main_window import MainWindow

    class Bank:
        def master_key_notice_text(self, lang=None):
            return {"ko": "키 파일에 저장했습니다.", "en": "Stored in a key file."}[lang]

        def this_device(self):         # the 금융인증서 cloud row asks on opening: nothing connected
            return "pc:test"

        def cloud_accounts(self, device):
            return []
    bank = Bank()
    ctx = AppContext(open_authority=lambda: bank, language="ko")
    ctx.authority()
    i18n.apply_language("ko", ctx)
    w = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(w)
    w._on_bank_opened(False, bank.master_key_notice_text("ko"))
    assert w.last_notice == "키 파일에 저장했습니다."
    i18n.apply_language("en", ctx)
    qtbot.waitUntil(lambda: w.last_notice == "Stored in a key file.")
    w.shutdown()


def test_phone_empty_certificate_text_is_readable(qtbot, ctx):
    """Dark text on a light card, not the screen's near-white text on the light tab page."""
    from PySide6.QtGui import QPalette
    from gui.phone_window import show_phone_window
    w = show_phone_window(None, ctx, "010-2222-3333")
    qtbot.addWidget(w)
    w.show_page("bank")
    label = field(w, QLabel, "phoneCertEmpty")
    qtbot.waitUntil(label.isVisible)
    label.ensurePolished()
    text = label.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightnessF() < 0.4, text.name()
    assert "background" in w.styleSheet().split("phoneCertEmpty", 1)[1].split("}", 1)[0]


# --- snappy: chunked model updates ------------------------------------------------------------------

def test_rows_go_in_by_chunks_and_a_newer_scan_wins(qtbot, tmp_path):
    import datetime as dt
    from types import SimpleNamespace
    from core.storage.base import Storage
    from gui.models import CertTableModel
    model = CertTableModel(lambda: dt.datetime.now(dt.timezone.utc))
    storage = Storage(id="usb", kind="removable", root=tmp_path)
    entries = [SimpleNamespace(path=tmp_path / f"c{i}", name=f"c{i}", ca_folder="x") for i in range(300)]
    done = []
    model.set_storage_entries(storage, entries, done=lambda: done.append(len(model.rows)))
    assert len(model.rows) == CertTableModel.CHUNK                 # one chunk per event-loop turn
    model.set_storage_entries(storage, entries[:100], done=lambda: done.append(("second", len(model.rows))))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    qtbot.wait(50)
    assert done == [("second", 100)] and len(model.rows) == 100      # the first fill was cancelled
    model.set_storage_entries(storage, entries[:10], done=lambda: done.append("third"))
    model.remove_storage("usb")
    qtbot.wait(50)
    assert done[-1] == "third" and model.rows == []          # a small fill is done at once; removal empties


def test_the_first_paint_comes_before_the_certificate_code_is_imported(tmp_path):
    """gui.app's start: the placeholder frame is painted while neither the main window nor the NPKI /
    storage code is imported; then the main window takes its place (in a fresh interpreter)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path
    script = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from gui.app import create_app, open_main_window, setup_language
app = create_app(["dojang"])
seen = {}
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and o.isWidgetType() and o.isWindow() and o.objectName() not in seen:
            seen[o.objectName()] = sorted(m for m in ("gui.main_window", "core.npki.certfolder", "core.storage.base",
                                                       "cryptography.x509") if m in sys.modules)
        return False
f = F(); app.installEventFilter(f)
app, ctx = setup_language(app)
window = open_main_window(app, ctx)
app.processEvents()
print(json.dumps({"seen": seen, "placeholder_visible": any(w.objectName() == "mainWindowPlaceholder" and w.isVisible()
                                                            for w in app.topLevelWidgets())}))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DOJANG_HOME=str(tmp_path / "home"),
               DOJANG_NPKI_ROOT=str(tmp_path / "NPKI"), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert data["seen"]["mainWindowPlaceholder"] == []                 # painted before any of them
    assert "gui.main_window" in data["seen"]["mainWindow"]
    assert not data["placeholder_visible"]                              # the real window took its place


def test_wizard_switches_language_on_the_same_step_keeping_what_was_typed(qtbot, ctx, wizards, demo_bank):
    from PySide6.QtWidgets import QRadioButton
    from gui import i18n
    from tests.gui.wizard_helpers import click, fill_customer
    c = demo("card")
    w = wizards("issue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    type_into(qtbot, w, "customerNameEdit", c.name)
    type_into(qtbot, w, "accountEdit", c.account)
    i18n.apply_language("en", ctx)
    qtbot.waitUntil(lambda: field(w, QLabel, "wizardTitle").text() == "Issue a certificate")
    assert w.flow.step == "customer" and w.current_page is w.pages["customer"]
    assert field(w, QLineEdit, "customerNameEdit").text() == c.name              # typed, kept
    assert field(w, QLineEdit, "accountEdit").text() == c.account
    assert not any(_HANGUL.search(t or "") for _w, t in _texts(w) if c.name not in (t or "")
                   and "홍길동" not in (t or "") and "공동인증서" not in (t or "") and "공인인증서" not in (t or ""))
    fill_customer(qtbot, w, c)                                                   # and it goes on
    assert w.flow.step != "customer", error_text(w, "wizard")


def test_wizard_language_switch_after_the_sms_was_sent(qtbot, ctx, wizards, demo_bank):
    """The code already sent is still the one to type after the switch; the page says so in English."""
    from PySide6.QtWidgets import QRadioButton
    from gui import i18n
    from core.flows import SECOND_FACTOR
    from tests.gui.wizard_helpers import agree_all, click, fill_customer, read_sms_code
    c = demo("card")
    w = wizards("issue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    click(qtbot, w, "firstSmsRadio", QRadioButton)
    click(qtbot, w, "smsSendButton")
    code = read_sms_code(qtbot, ctx, c)
    i18n.apply_language("en", ctx)
    qtbot.waitUntil(lambda: field(w, QLabel, "wizardTitle").text() == "Issue a certificate")
    qtbot.waitUntil(lambda: "Sent to" in field(w, QLabel, "smsInfoLabel").text(), timeout=5000)
    if not field(w, QRadioButton, "firstSmsRadio").isChecked():
        click(qtbot, w, "firstSmsRadio", QRadioButton)
    type_into(qtbot, w, "smsCodeEdit", code)
    next_page(qtbot, w)
    assert w.flow.step == SECOND_FACTOR, error_text(w, "wizard")


def test_copy_to_a_pulled_stick_says_so_before_asking(qtbot, npki_root, fake_usb, hdd_cert, dialog_answers):
    import shutil
    from core.storage.base import REMOVABLE
    from gui.context import AppContext
    from gui.dialogs import MessageBox
    w = _main(qtbot, AppContext(language="en"))
    dest = next(s for s in w.storage_model.storages() if s.kind == REMOVABLE)
    shutil.rmtree(fake_usb)
    asked = len(MessageBox.history)
    w.transfer([r for r in w.cert_model.rows if r.storage.kind == "hdd"], dest, move=False)
    assert "removed" in w.last_notice and len(MessageBox.history) == asked     # no "copies are a risk" note
    w.shutdown()


def test_a_real_pc_to_phone_transfer_shows_in_the_running_main_window(qtbot, ctx, relay, npki_root,
                                                                      no_real_drives):
    """The phone window imports the certificate (code + password, as a person does); the main window,
    open all along, counts it on the phone without 새로 고침."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton
    from core.npki.certfolder import read_cert_folder
    from core.storage import registry
    from gui.main_window import MainWindow
    from gui.phone_window import show_phone_window
    from tests import factory
    made = factory.make_cert(factory.user_dir(npki_root))
    number = demo("card").phone
    main = MainWindow(ctx, watch=True, watch_interval=0.1, watch_phones=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.scanFinished, timeout=20_000):
        main.start()
    phone_id = registry.phone_storage(number).id
    assert not [r for r in main.cert_model.rows if r.storage.id == phone_id]
    offer = relay.export_to_phone(read_cert_folder(made.path, "yessign"), factory.PASSWORD, number)
    window = show_phone_window(None, ctx, number, relay=relay)
    for name in ("phoneUnlock", "phoneAppBank"):
        qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
    window.findChild(QLineEdit, "phoneImportCode").setText(offer.formatted)
    qtbot.keyClicks(window.findChild(QLineEdit, "phoneImportPassword"), factory.PASSWORD)
    qtbot.mouseClick(window.findChild(QPushButton, "phoneImportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(registry.phone_storage(number).certificates()) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: len([r for r in main.cert_model.rows if r.storage.id == phone_id]) == 1,
                    timeout=10_000)
    row = main.storage_model.row_of(phone_id) + 1
    assert "1" in main.storage_model.data(main.storage_model.index(row))
    main.shutdown()


def test_copy_marks_repaint_the_status_column_and_refilter_a_search(qtbot, npki_root):
    """Copy marks reach the view as a repaint of the status column (not a dataChanged the sorting proxy
    would re-check row by row); a search typed meanwhile is applied to the new status text."""
    import datetime as dt
    from core.npki.certfolder import read_cert_folder
    from core.storage.base import HDD, Storage
    from gui.models import CertFilterProxy, CertTableModel
    from tests import factory
    cert = factory.make_cert(factory.user_dir(npki_root))
    model = CertTableModel(lambda: dt.datetime.now(dt.timezone.utc), "ko")
    proxy = CertFilterProxy()
    proxy.setSourceModel(model)
    storage = Storage(id="hdd", kind=HDD, root=npki_root)
    model.set_storage_entries(storage, [read_cert_folder(cert.path)])
    key = model.rows[0].key
    repainted = []
    proxy.dataChanged.connect(lambda a, b, *_: repainted.append((a.column(), b.column(), a.row(), b.row())))
    model.set_copy_info({key: (2, False)}, {key: ["하드디스크", "USB"]})
    col = CertTableModel.STATUS
    assert repainted == [(col, col, 0, 0)]
    assert "사본 2개" in proxy.index(0, col).data()
    proxy.set_text("사본 3개")
    assert proxy.rowCount() == 0
    model.set_copy_info({key: (3, False)}, {key: ["하드디스크", "USB", "휴대폰"]})
    assert proxy.rowCount() == 1                       # the search now matches the new mark
