"""The wizard's frame: header with the step indicator, the page stack built from the flow's steps,
the error banner and the Cancel / Back / Next buttons."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractButton, QDialog, QFrame, QHBoxLayout, QLineEdit, QMessageBox, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from core.authority.channels import MEDIA, PHONE
from core.authority.products import KEY_CLOUD
from core.errors import Cancelled, DojangError
from core.flows import (CANCELLED, CERT_PASSWORD, CONFIRM_REISSUE, CUSTOMER, DONE, FIRST_FACTOR, PICK_CERT, PIN, SAVE,
                        SECOND_FACTOR, TERMS, TYPE, Completion, FieldError, FlowError, KeyMaker, StepOrderError,
                        start_flow)
from core.npki.certfolder import CertFolder
from core.storage.base import Storage

from ..context import AppContext
from ..workers import Workers
from .cert_pages import CertPasswordPage, PickCertPage
from .channel_pages import factor_page
from .common import WIZARD_STYLE, KINDS, Page, WizardProgress, make_label, message_text
from .done_page import DonePage
from .identity_pages import CustomerPage, TermsPage, TypePage
from .indicator import StepIndicator
from .save_pages import ConfirmReissuePage, PinPage, SavePage

def _title(kind: str) -> str:
    return {"issue": Q.translate("Wizard", "공동인증서 발급"), "reissue": Q.translate("Wizard", "공동인증서 재발급"),
            "renew": Q.translate("Wizard", "공동인증서 갱신"), "register": Q.translate("Wizard", "타기관 인증서 등록"),
            "revoke": Q.translate("Wizard", "인증서 폐기"),
            "reset_pin": Q.translate("Wizard", "금융인증서 PIN 재설정")}[kind]


# The page of each step (docs/bank-core.md "Steps as data"): a flow's steps() pick from this map.
PAGES: dict[str, Callable[["FlowWizard"], Page]] = {
    TYPE: TypePage, CUSTOMER: CustomerPage, TERMS: TermsPage, FIRST_FACTOR: factor_page(PHONE),
    SECOND_FACTOR: factor_page(MEDIA), CONFIRM_REISSUE: ConfirmReissuePage, SAVE: SavePage, PIN: PinPage,
    PICK_CERT: PickCertPage, CERT_PASSWORD: CertPasswordPage, DONE: DonePage,
}
BUSY_PAGES = (SavePage, PinPage)     # the pages whose finish runs on a worker, with a busy state


class FlowWizard(QDialog):
    completed = Signal(object)       # core.flows.Completion
    page_builders: dict[str, Callable[["FlowWizard"], Page]] = PAGES     # a smaller frame may swap a page

    def __init__(self, parent: QWidget | None, ctx: AppContext, kind: str,
                 cert: tuple[Storage, CertFolder] | None = None, *,
                 storages: Callable[[], list[Storage]] | None = None, key_factory: Callable | None = None,
                 watch_phones: bool = True, flow_options: dict | None = None):
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.ctx = ctx
        self.kind = kind
        self.busy = False
        self.result_: Completion | None = None
        self._closing = False
        self._kept: list[QWidget] = []
        self._devices: dict[str, QWidget] = {}
        self._opened_devices: set[str] = set()    # device windows this wizard opened (it closes them again)
        self._demo_panel: QWidget | None = None
        self._cancel_box: QMessageBox | None = None
        self._body: QWidget | None = None
        self._relanguage_queued = False
        self._relanguage_after_busy = False
        self.setObjectName("flowWizard")
        self.setWindowTitle(_title(kind) + " — " + Q.translate("Wizard", "도장 인증센터"))
        self.setStyleSheet(WIZARD_STYLE)
        self.setMinimumSize(720, 620)
        self.resize(760, 660)

        self._executor = ThreadPoolExecutor(1, thread_name_prefix="dojang-keygen")
        keys = KeyMaker(factory=key_factory, executor=self._executor)
        kw = dict(storages=storages, keys=keys, clock=ctx.clock, **(flow_options or {}))
        start_error: FlowError | None = None
        if cert is not None and kind in ("renew", "revoke"):
            try:
                self.flow = start_flow(kind, ctx.authority(), cert=cert, **kw)
            except FlowError as exc:          # not eligible: start at the picker with the reason
                start_error = exc
                self.flow = start_flow(kind, ctx.authority(), **kw)
        else:
            self.flow = start_flow(kind, ctx.authority(), **kw)

        self.workers = Workers(self, max_threads=1)
        self.progress = WizardProgress(self)
        self.watcher = None
        if watch_phones and kind in ("issue", "reissue", "register", "reset_pin"):
            from ..phone import PhoneWatcher
            self.watcher = PhoneWatcher(ctx, None)    # phone windows are top-level, not children of the wizard

        self._build()
        self.progress.moved.connect(self._on_progress)
        self._current: Page | None = None
        self.sync()
        if start_error is not None:
            self.show_flow_error(start_error)

    # layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        """Everything inside one body widget, so a language switch can build it again (relanguage)."""
        if self.layout() is None:
            frame = QVBoxLayout(self)
            frame.setContentsMargins(0, 0, 0, 0)
            frame.setSpacing(0)
        body = self._body = QWidget(self)
        body.setObjectName("wizardBody")
        self.layout().addWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QFrame(body)
        header.setObjectName("wizardHeader")
        hl = QVBoxLayout(header)
        hl.setContentsMargins(20, 12, 20, 12)
        title = make_label(_title(self.kind), header, name="wizardTitle", wrap=False)
        self.title_label = title
        hl.addWidget(title)
        self.indicator = StepIndicator(self.flow, header)
        hl.addWidget(self.indicator)
        outer.addWidget(header)

        self.top_error = make_label("", body, name="wizardError")
        self.top_error.hide()
        err_wrap = QHBoxLayout()
        err_wrap.setContentsMargins(20, 10, 20, 0)
        err_wrap.addWidget(self.top_error)
        outer.addLayout(err_wrap)

        self.stack = QStackedWidget(body)
        self.stack.setObjectName("wizardPages")
        outer.addWidget(self.stack, 1)
        self.pages: dict[str, Page] = {}
        for step in self.flow.steps():             # the flow declares its steps; one page each
            page = self.page_builders[step](self)
            page.changed.connect(self._update_buttons)
            page.advance.connect(self._advanced)
            self.stack.addWidget(page)
            self.pages[step] = page

        line = QFrame(body)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #dde3ee;")
        outer.addWidget(line)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(20, 10, 20, 14)
        self.cancel_button = QPushButton(Q.translate("Wizard", "취소"), body)
        self.cancel_button.setObjectName("wizardCancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.back_button = QPushButton(Q.translate("Wizard", "◀ 이전"), body)
        self.back_button.setObjectName("wizardBackButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        buttons.addWidget(self.back_button)
        self.next_button = QPushButton(Q.translate("Wizard", "다음 ▶"), body)
        self.next_button.setObjectName("wizardNextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.next_button.setMinimumWidth(110)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)

    # live language switch ----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and not self._relanguage_queued:
            # one switch sends several events (one per translator): rebuild once, after them
            self._relanguage_queued = True
            QTimer.singleShot(0, self, self.relanguage)
        super().changeEvent(event)

    def relanguage(self) -> None:
        """Build the frame and the pages again in the language of the moment, on the same step. What
        the person typed on the current page stays (passwords excepted: they are typed again); the
        rest comes from the flow, as on Back/Next. While saving, it waits for the end."""
        self._relanguage_queued = False
        if self.busy:
            self._relanguage_after_busy = True
            return
        page = self._current
        typed = {}
        checked = {}
        if page is not None:
            typed = {e.objectName(): e.text() for e in page.findChildren(QLineEdit)
                     if e.objectName() and e.echoMode() == QLineEdit.EchoMode.Normal and e.text()}
            checked = {b.objectName(): b.isChecked() for b in page.findChildren(QAbstractButton)
                       if b.objectName() and b.isCheckable()}
        for p in self.pages.values():
            p.leave()
            timer = getattr(p, "timer", None)
            if timer is not None:
                timer.stop()
        old = self._body
        self._build()
        if old is not None:
            old.hide()
            old.setParent(None)
            old.deleteLater()
        # A widget added to a shown window's layout is shown by a queued call; until that runs the
        # new page and its buttons would be invisible (and unclickable) — show it now.
        if self.isVisible():
            self._body.show()
        self.setWindowTitle(_title(self.kind) + " — " + Q.translate("Wizard", "도장 인증센터"))
        self._current = None
        self.sync()
        page = self._current
        if page is not None:
            for e in page.findChildren(QLineEdit):
                if e.objectName() in typed and not e.text():
                    e.setText(typed[e.objectName()])
            for b in page.findChildren(QAbstractButton):
                if b.objectName() in checked and b.isCheckable() and b.isChecked() != checked[b.objectName()]:
                    b.setChecked(checked[b.objectName()])
        self._update_buttons()

    # helpers for pages ---------------------------------------------------------------------------------
    def now(self):
        return self.flow.now()

    def bank_config(self, name: str, default):
        """A limit of the simulated bank for a countdown (a bank without that setting: `default`)."""
        return getattr(self.ctx.authority().config, name, default)

    def keep(self, window: QWidget | None) -> None:
        if window is not None:
            self._kept.append(window)

    def open_demo_panel(self) -> QWidget:
        """The demo customers panel (one per wizard: a second click raises the open one)."""
        import shiboken6

        from ..demo_panel import show_demo_panel   # lazy: owned by the devices engineer
        panel = self._demo_panel
        if panel is not None and shiboken6.isValid(panel) and panel.isVisible():
            panel.raise_()
            panel.activateWindow()
            return panel
        panel = self._demo_panel = show_demo_panel(self, self.ctx)
        self.keep(panel)
        return panel

    def find_open(self, kind: str):
        """The device window of `kind` this wizard opened, if it is still open."""
        import shiboken6
        window = self._devices.get(kind)
        return window if window is not None and shiboken6.isValid(window) else None

    def open_device(self, kind: str, highlight: tuple[int, ...] = ()) -> QWidget | None:
        """The customer's 보안카드 / OTP token (simulated devices, owned by gui.devices)."""
        from ..devices import open_device_windows, show_card_viewer, show_otp_window
        name = self.flow.data.get("name")
        already = open_device_windows(self.ctx)
        try:
            if kind == "card":
                window = show_card_viewer(None, self.ctx, name, highlight=highlight)
            else:
                window = show_otp_window(None, self.ctx, name)
        except DojangError as exc:
            self.show_flow_error(exc)
            return None
        self._devices[kind] = window
        if not any(w is window for w in already):
            self._opened_devices.add(kind)
        return window

    def close_opened_devices(self) -> None:
        """Close the 보안카드 / OTP windows this wizard opened (not ones the person opened elsewhere)."""
        for kind in sorted(self._opened_devices):
            window = self.find_open(kind)
            if window is not None:
                window.close()
        self._opened_devices.clear()

    def show_mobile_otp(self, panel) -> None:
        """The customer reads the 모바일 OTP on their phone: its bank app, on that tab."""
        phone = self.open_customer_phone()
        if phone is not None:
            phone.show_mobile_otp()

    def open_customer_phone(self) -> QWidget | None:
        """The mock phone of the customer in this flow (found by the masked number the bank gave)."""
        from core.storage import registry

        from ..phone import show_phone_window
        phones = registry.list_phones()
        chosen = None
        if getattr(self.flow, "session", None) is not None:
            for p in phones:
                if self.flow.is_customer_phone(p):
                    chosen = p.meta.get("number") or (p.mount.name if p.mount else None)
                    break
        if chosen is None and phones:
            chosen = phones[0].meta.get("number")
        if chosen is None:
            return None
        return show_phone_window(None, self.ctx, chosen)

    # errors --------------------------------------------------------------------------------------------
    def show_flow_error(self, exc: DojangError) -> None:
        self.top_error.setText("⚠ " + message_text(exc))
        self.top_error.show()

    def clear_top_error(self) -> None:
        self.top_error.clear()
        self.top_error.hide()

    def _show_error(self, page: Page, exc: DojangError) -> None:
        if isinstance(exc, FieldError) and page.show_error(exc.field, message_text(exc)):
            pass
        else:
            self.show_flow_error(exc)
        page.after_error(exc)
        self._update_buttons()

    # navigation ------------------------------------------------------------------------------------------
    @property
    def current_page(self) -> Page | None:
        return self._current

    def sync(self) -> None:
        """Show the page of the flow's current step."""
        step = self.flow.step
        if step == CANCELLED:
            return
        page = self.pages[step]
        if page is not self._current:
            if self._current is not None:
                self._current.leave()
                self._current.clear_errors()
            self._current = page
            self.stack.setCurrentWidget(page)
            if step == DONE:
                page.show_completion(self.flow.result)
            else:
                page.enter()
        self.indicator.follow()
        self._follow_title()
        self._update_buttons()

    def preview_product(self, product_id: str) -> None:
        """The type page's radio moved: title and step names as they will be with that product."""
        product = self.flow.product_of(product_id)
        if self.flow.step == TYPE and product is not None:
            self.indicator.follow(product)
            self._follow_title(product)

    def _follow_title(self, product=None) -> None:
        """발급 of a 금융인증서 says so in the title once that product is chosen."""
        product = product or getattr(self.flow, "product", None)
        cloud = product is not None and product.key_home == KEY_CLOUD
        text = _title(self.kind)
        if cloud and self.kind == "issue":
            text = Q.translate("Wizard", "금융인증서 발급")
        elif cloud and self.kind == "reissue":
            text = Q.translate("Wizard", "금융인증서 재발급")
        if self.title_label.text() != text:
            self.title_label.setText(text)
            self.setWindowTitle(text + " — " + Q.translate("Wizard", "도장 인증센터"))

    def _update_buttons(self) -> None:
        page = self._current
        done = self.flow.step == DONE
        self.back_button.setVisible(not done)
        self.cancel_button.setVisible(not done)
        self.back_button.setEnabled(not self.busy and self.flow.can_back())
        if page is not None:
            self.next_button.setText(page.next_text())
            self.next_button.setEnabled(not self.busy and page.can_next())

    def next(self) -> None:
        page = self._current
        if page is None or self.busy or not self.next_button.isEnabled():
            return
        if self.flow.step == DONE:
            self.accept()
            return
        page.clear_errors()
        self.clear_top_error()
        step = self.flow.step
        try:
            page.submit()
        except FlowError as exc:
            self._show_error(page, exc)
            return
        except StepOrderError:
            self.sync()
            return
        if step == SECOND_FACTOR and self.flow.step != SECOND_FACTOR:
            self.close_opened_devices()      # the card / token did its job
        if not self.busy:
            self._after_step()

    def _after_step(self) -> None:
        self.sync()
        if self.flow.step == DONE and self.result_ is None:
            self.result_ = self.flow.result
            self.completed.emit(self.flow.result)

    def _advanced(self) -> None:
        """A page's step finished by itself (ARS answered)."""
        self.clear_top_error()
        self._after_step()

    def back(self) -> None:
        if self.busy or not self.flow.can_back():
            return
        if self._current is not None:
            self._current.leave()
        self.clear_top_error()
        self.flow.back()
        self._current = None     # re-enter the previous page even if it is the same widget
        self.sync()

    # the slow part ---------------------------------------------------------------------------------------
    def run_finish(self, work: Callable[[WizardProgress], Completion]) -> None:
        """Run `work(progress)` (flow.finish) on a worker; the page shows the busy state meanwhile."""
        self.busy = True
        self.progress.reset()
        page = self._current
        if isinstance(page, BUSY_PAGES):
            page.set_busy(True)
        self._update_buttons()
        self.workers.submit(work, self.progress, name="flow-finish", on_done=self._finish_done,
                            on_error=self._finish_failed)

    def _on_progress(self, fraction: float, text) -> None:
        page = self._current
        if isinstance(page, BUSY_PAGES):
            page.on_progress(fraction, text)

    def _finish_done(self, _result) -> None:
        self.busy = False
        if self._relanguage_after_busy:
            self._relanguage_after_busy = False
            QTimer.singleShot(0, self, self.relanguage)
        if isinstance(self._current, BUSY_PAGES):
            self._current.set_busy(False)
        if self._closing:            # Cancel came too late: the certificate is saved; show it anyway
            self._closing = False
            self.cancel_button.setEnabled(True)
        self._after_step()

    def _finish_failed(self, exc: DojangError) -> None:
        self.busy = False
        if self._relanguage_after_busy:
            self._relanguage_after_busy = False
            QTimer.singleShot(0, self, self.relanguage)
        page = self._current
        if isinstance(page, BUSY_PAGES):
            page.set_busy(False)
        if self._closing or isinstance(exc, Cancelled):
            self._close_cancelled()
            return
        if page is not None:
            self._show_error(page, exc)

    # cancel / close --------------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Cancel: stop the flow (no file, no record, no debit) and close. While saving, ask the
        worker to stop at its next safe point first."""
        if self.flow.step == DONE:
            self.accept()
            return
        if self.busy:
            self._closing = True
            self.progress.request_cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(Q.translate("Wizard", "취소하는 중…"))
            if isinstance(self._current, SavePage):
                self._current.busy_text.setText(Q.translate("Wizard", "취소하는 중입니다. 저장하던 것은 지웁니다…"))
            return
        if self._past_verification():
            self._ask_cancel()
            return
        self._close_cancelled()

    def _past_verification(self) -> bool:
        """The person already proved who they are (the second factor or the certificate password):
        Cancel would throw that away, so it asks first."""
        steps = list(self.flow.steps())
        marks = [i for i, s in enumerate(steps) if s in (SECOND_FACTOR, CERT_PASSWORD)]
        step = self.flow.step
        return bool(marks) and step in steps and step != DONE and steps.index(step) > min(marks)

    def _ask_cancel(self) -> None:
        box = self._cancel_box
        if box is not None and box.isVisible():
            box.raise_()
            return
        box = self._cancel_box = QMessageBox(self)
        box.setObjectName("cancelConfirmBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_title(self.kind))
        box.setText(Q.translate("Wizard", "본인확인을 이미 마쳤습니다. 지금 취소하면 처음부터 다시 해야 합니다. "
                                          "취소할까요?"))
        yes = box.addButton(Q.translate("Wizard", "취소하고 닫기"), QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("cancelConfirmYes")
        no = box.addButton(Q.translate("Wizard", "계속 진행"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("cancelConfirmNo")
        box.setDefaultButton(no)
        yes.clicked.connect(lambda *_: self._cancel_answered(True))
        no.clicked.connect(lambda *_: self._cancel_answered(False))
        box.open()

    def _cancel_answered(self, yes: bool) -> None:
        self._cancel_box = None
        if yes and not self.busy and self.flow.step not in (DONE, CANCELLED):
            self._close_cancelled()

    def _close_cancelled(self) -> None:
        self.flow.cancel()
        super().reject()

    def reject(self) -> None:      # Esc and the window's close button
        self.cancel()

    def done(self, r: int) -> None:
        self._cleanup()
        super().done(r)

    def _cleanup(self) -> None:
        for page in self.pages.values():
            page.leave()
            timer = getattr(page, "timer", None)
            if timer is not None:
                timer.stop()
        if self.watcher is not None:
            self.watcher.timer.stop()
            self.watcher.deleteLater()
            self.watcher = None
        if not self.flow.finished:
            self.flow.cancel()
        self.flow.keys.discard()
        self._executor.shutdown(wait=False, cancel_futures=True)


def _as_pair(cert, storages: Callable[[], list[Storage]] | None) -> tuple[Storage, CertFolder] | None:
    """Accept (storage, cert), a CertFolder, or a main-window row with .storage/.entry."""
    if cert is None:
        return None
    if isinstance(cert, tuple):
        return cert
    storage = getattr(cert, "storage", None)
    entry = getattr(cert, "entry", cert)
    if not isinstance(entry, CertFolder):
        return None
    if storage is None:
        from core.storage import registry
        storage = registry.storage_for_path(entry.path, storages() if storages else None)
    return storage, entry


def open_flow_wizard(parent: QWidget | None, ctx: AppContext, kind: str, cert=None, **options) -> FlowWizard:
    """Open the wizard for `kind` (issue/reissue/renew/register/revoke), non-blocking.

    `cert`: the certificate selected in the main window for renew/revoke — `(Storage, CertFolder)`,
    a `CertFolder`, or a row with `.storage`/`.entry`. Options: `storages` (callable listing the
    storages), `key_factory` (tests: pooled keys), `watch_phones`."""
    pair = _as_pair(cert, options.get("storages"))
    wizard = FlowWizard(parent, ctx, kind, pair if kind in ("renew", "revoke") else None, **options)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard


__all__ = ["FlowWizard", "KINDS", "StepIndicator", "WizardProgress", "open_flow_wizard"]

