"""Screenshots of the certificate manager: the main window (Korean and English), the details dialog
(both tabs), the password widget with its warnings and strength bar, and a progress dialog mid-copy.

Called by tools/screenshots.py (`make screenshots`) with a context whose world holds certificates on
the hard disk, a fake stick and a mock phone."""
from __future__ import annotations

import time
from pathlib import Path


def _settle(pred=lambda: True, timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication
    end = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if pred() or time.monotonic() > end:
            break
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def _save(widget, out_dir: Path, name: str) -> None:
    widget.show()
    _settle()
    if widget.objectName() == "passwordShotHost":
        widget.adjustSize()           # warnings appear and disappear: fit the height to them
        _settle()
    widget.grab().save(str(out_dir / f"main_{name}.png"))


def _window(ctx, lang: str):
    from gui import i18n
    from gui.main_window import MainWindow
    i18n.apply_language(lang, ctx)
    w = MainWindow(ctx, watch=False, watch_phones=False)
    w.resize(1180, 660)
    w.show()
    w.start()
    _settle(lambda: not w.scanning and w.storage_model.rowCount() > 1)
    return w


def _select_first(w, name: str) -> None:
    keys = [r.key for r in w.cert_model.rows if r.good and r.entry.info.display_name == name]
    w.select_keys(keys[:1])


def shots(out_dir: Path, ctx) -> None:
    from core.storage import operations as ops
    from gui import i18n
    from gui.details_dialog import DetailsDialog
    from gui.dialogs import ProgressDialog
    from gui.password_widget import PasswordWidget
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = ctx.language
    try:
        for lang in ("ko", "en"):
            w = _window(ctx, lang)
            _select_first(w, "홍길동")
            w.notify(w.tr("암호가 맞습니다."), "ok")
            _save(w, out_dir, f"window_{lang}")
            # one storage selected: the stick
            w.storage_list.setCurrentIndex(w.storage_model.index(2))
            _save(w, out_dir, f"window_usb_{lang}")
            # a wrong password: the error line, and the dialog asking again with the reason
            from core.errors import WrongPassword
            from gui.dialogs import PasswordDialog
            w._show_error(WrongPassword())
            _save(w, out_dir, f"window_wrong_password_{lang}")
            again = PasswordDialog(w, w.tr("암호 확인"), w.tr("{0}님의 인증서 암호를 입력하세요.").format("홍길동"),
                                   WrongPassword().message(lang))
            _save(again, out_dir, f"password_again_{lang}")
            again.close()
            # 인증서로 로그인 refused with the bank's reason (an old copy after a renewal)
            from core.authority.errors import LoginRefused
            w._show_error(LoginRefused("renewed"))
            _save(w, out_dir, f"window_login_refused_{lang}")
            w.storage_list.setCurrentIndex(w.storage_model.index(0))

            row = next(r for r in w.cert_model.rows if r.good)
            d = DetailsDialog(w, row.entry, row.storage, lang=lang, now=ctx.clock(), workers=w.workers)
            _save(d, out_dir, f"details_general_{lang}")
            d.tabs.setCurrentIndex(1)
            _save(d, out_dir, f"details_fields_{lang}")
            d.tabs.setCurrentIndex(d.tabs.count() - 1)
            _save(d, out_dir, f"details_identity_{lang}")
            d.close()

            # a bulk copy half done (the dialog as run_bulk drives it)
            p = ProgressDialog(w, w.tr("인증서 복사"), 120)
            p.set_progress(47, 120, w.tr("지금 처리 중: {0}").format("홍길동"))
            _save(p, out_dir, f"progress_{lang}")
            # finished: the exact summary, with the one failure named and explained
            from core.errors import StorageFull
            p.set_progress(120, 120, "")
            done = [(None, ops.OpResult("copied", None))] * 117 + [(None, ops.OpResult("already_there", None))] * 2
            failed = [(w.cert_model.rows[0], StorageFull())]
            p.show_summary(*w.summarize("copy", ops.BulkResult(done=done, failed=failed, cancelled=False), 120))
            _save(p, out_dir, f"progress_done_{lang}")
            p.close()

            # the password widget: Hangul input and Caps Lock warnings, strength and repeat
            host = QWidget()
            host.setObjectName("passwordShotHost")
            lay = QVBoxLayout(host)
            label = QLabel(QCoreApplication.translate("ChangePasswordDialog", "새 암호(&N)"))
            lay.addWidget(label)
            pw = PasswordWidget(host, repeat=True, strength=True, keypad=True, lang=lang)
            label.setBuddy(pw.line_edit)
            lay.addWidget(pw)
            pw.line_edit.setText("Sky#Lantern7x")
            pw.repeat_edit.setText("Sky#Lantern7")
            lay.addStretch(1)
            host.setFixedWidth(480)
            _save(host, out_dir, f"password_strength_{lang}")
            pw.repeat_edit.setText("Sky#Lantern7x")
            pw._set_caps(True)
            pw.line_edit.setText("Sky#Lantern7xㅁ")
            _save(host, out_dir, f"password_warnings_{lang}")
            pw.line_edit.setText("abc")
            pw._set_caps(False)
            pw.keypad_button.setChecked(True)
            _save(host, out_dir, f"password_keypad_{lang}")
            host.close()
            w.shutdown()
            w.close()
    finally:
        i18n.apply_language(previous, ctx)
