"""The pages that confirm a reissue and save the new certificate (storage and password)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
                               QVBoxLayout, QHBoxLayout, QWidget)

from core.authority.products import KEY_CLOUD
from core.errors import DojangError
from core.flows.base import require_new_password
from core.storage.base import PHONE, REMOVABLE, Storage

from ..icons import icon
from ..password_widget import PasswordWidget
from ..safetext import shown, tip
from .common import KIND_ICON, STORAGE_REFRESH_MS, Page, make_box, date_text, make_label, ui_lang, make_line, usage_label

class ConfirmReissuePage(Page):
    def __init__(self, wizard):
        super().__init__(wizard, "confirmReissuePage", Q.translate("Wizard", "재발급 전에 확인하세요"))
        box, bl = make_box(self, "warnBox")
        self.warning = make_label("", box, name="reissueWarning")
        bl.addWidget(self.warning)
        self.lay.addWidget(box)
        self.list_label = make_label(Q.translate("Wizard", "삭제될 기존 인증서:"), self)
        self.lay.addWidget(self.list_label)
        self.list = QListWidget(self)
        self.list.setObjectName("reissueTargetList")
        self.list.setMaximumHeight(150)
        self.lay.addWidget(self.list)
        self.none_label = make_label(Q.translate("Wizard", "연결된 저장매체에서 이 종류의 기존 인증서를 찾지 못했습니다. 은행에 "
                                                       "기록된 기존 인증서는 폐기됩니다."), self,
                                 name="reissueNoTargets", cls="hint")
        self.lay.addWidget(self.none_label)
        self.check = QCheckBox(Q.translate("Wizard", "기존 인증서가 폐기·삭제되며 되돌릴 수 없다는 것을 확인했습니다"), self)
        self.check.setObjectName("reissueConfirmCheck")
        self.lay.addWidget(self.check)
        self.lay.addWidget(self.error_label("confirm"))
        self.lay.addStretch(1)

    def enter(self) -> None:
        self.list.clear()
        product = self.flow.product
        cloud = product is not None and product.key_home == KEY_CLOUD
        self.warning.setText(
            Q.translate("Wizard", "재발급하면 클라우드의 기존 금융인증서는 은행에서 폐기되고 키도 지워집니다. 새 금융인증서에 "
                                  "쓸 PIN을 새로 정합니다. 이 작업은 되돌릴 수 없습니다.") if cloud else
            Q.translate("Wizard", "재발급하면 기존 인증서는 은행에서 폐기되고, 아래 저장매체의 기존 인증서 "
                                  "파일은 새 인증서를 저장한 뒤 삭제됩니다. 이 작업은 되돌릴 수 없습니다. "
                                  "기존 인증서로 등록해 둔 다른 기관에서는 새 인증서를 다시 등록해야 "
                                  "합니다."))
        self.list_label.setVisible(not cloud)
        targets = [] if cloud else self.flow.reissue_targets()
        for storage, cert in targets:
            info = cert.info
            item = QListWidgetItem(icon(KIND_ICON.get(storage.kind, "folder")),
                                   f"{shown(info.display_name, 80)} · {usage_label(info.usage.kind)} · "
                                   + Q.translate("Wizard", "만료일 {0}").format(date_text(info.not_after))
                                   + f"\n{shown(storage.label(ui_lang()), 80)} · {shown(cert.ca_folder, 80)}")
            item.setToolTip(tip(cert.path))
            item.setData(Qt.ItemDataRole.UserRole, str(cert.path))
            self.list.addItem(item)
        self.list.setVisible(bool(targets))
        self.none_label.setVisible(not targets and not cloud)
        self.check.setChecked(bool(self.flow.data.get("confirmed")))

    def submit(self) -> None:
        self.flow.confirm_reissue(self.check.isChecked())


class SavePage(Page):
    """저장 위치 + 새 인증서 암호, then the busy state while the key is made, signed and saved."""

    def __init__(self, wizard):
        renew = wizard.kind == "renew"
        super().__init__(wizard, "savePage", Q.translate("Wizard", "저장 위치와 인증서 암호"),
                         Q.translate("Wizard", "새 인증서는 기존 인증서가 있던 곳에 그대로 저장됩니다. 새 인증서 "
                                               "암호를 정하세요.") if renew else
                         Q.translate("Wizard", "인증서를 저장할 곳을 고르고 인증서 암호를 정하세요. 키 쌍은 이 PC에서 "
                                               "만들어지며 개인키는 암호로 잠겨 저장됩니다."))
        self.renew = renew
        self.form = QWidget(self)
        fl = QVBoxLayout(self.form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(6)
        where = QLabel(Q.translate("Wizard", "저장 위치(&S)"), self.form)
        where.setProperty("class", "intro")
        f = where.font()
        f.setBold(True)
        where.setFont(f)
        fl.addWidget(where)
        self.list = QListWidget(self.form)
        self.list.setObjectName("storageList")
        self.list.setMinimumHeight(96)
        self.list.setMaximumHeight(170)
        self.list.setVisible(not renew)
        where.setBuddy(self.list)
        fl.addWidget(self.list)
        srow = QHBoxLayout()
        self.no_drive = make_label(Q.translate("Wizard", "이동식 디스크가 없습니다 — USB 저장장치를 꽂으면 여기에 "
                                                     "나타납니다."), self.form, name="noRemovableLabel", cls="hint")
        srow.addWidget(self.no_drive, 1)
        srow.addStretch(0)
        self.refresh_button = QPushButton(icon("refresh"), Q.translate("Wizard", "새로 고침"), self.form)
        self.refresh_button.setObjectName("storageRefreshButton")
        self.refresh_button.clicked.connect(self.refresh_storages)
        self.refresh_button.setVisible(not renew)
        srow.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        fl.addLayout(srow)
        # a renewal saves where the old certificate is: no storage list, so no "no stick" line either
        self.no_drive.setVisible(not renew)
        self.fixed_place = make_label("", self.form, name="renewPlaceLabel")
        self.fixed_place.setVisible(renew)
        fl.addWidget(self.fixed_place)
        fl.addWidget(self.error_label("storage", self.form))
        pw_title = QLabel(Q.translate("Wizard", "인증서 암호(&W)"), self.form)
        pw_title.setFont(f)
        fl.addWidget(pw_title)
        fl.addWidget(make_label(Q.translate("Wizard", "영문, 숫자, 특수문자를 모두 넣어 10자 이상. ' \" ₩ | 는 쓸 수 없고, "
                                                   "생년월일·전화번호·계좌번호나 1234·qwer 같은 쉬운 배열도 안 됩니다."),
                            self.form, cls="hint"))
        self.password = PasswordWidget(self.form, repeat=True, strength=True, keypad=True, lang=ui_lang())
        self.password.setObjectName("newPasswordWidget")
        pw_title.setBuddy(self.password.line_edit)
        fl.addWidget(self.password)
        fl.addWidget(self.error_label("password", self.form))
        fl.addWidget(self.error_label("password_repeat", self.form))
        # the widget renders the password verdicts: a refused 발급 shows here, the next edit clears it
        self.password.adopt_error_label(self._errors["password"], "password")
        self.password.adopt_error_label(self._errors["password_repeat"], "repeat")
        fl.addWidget(make_label(Q.translate("Wizard", "인증서 암호는 은행도 알 수 없어 찾아 드릴 수 없습니다. 잊어버리면 "
                                                   "인증서를 삭제하고 재발급받아야 합니다."), self.form, cls="hint"))
        self.lay.addWidget(self.form)
        self.lay.addStretch(1)

        self.busy_box, bl = make_box(self)
        self.busy_box.setObjectName("saveBusyBox")
        self.busy_text = make_label(Q.translate("Wizard", "준비 중…"), self.busy_box, name="saveProgressText")
        bl.addWidget(self.busy_text)
        self.bar = QProgressBar(self.busy_box)
        self.bar.setObjectName("saveProgressBar")
        self.bar.setRange(0, 100)
        bl.addWidget(self.bar)
        bl.addWidget(make_label(Q.translate("Wizard", "키 쌍을 만들고 은행의 서명을 받아 저장하는 중입니다. 잠시 기다리세요. "
                                                   "취소하면 아무것도 남지 않습니다."), self.busy_box, cls="hint"))
        self.busy_box.hide()
        self.lay.addWidget(self.busy_box)

        self._storages: list[Storage] = []
        self.list.currentRowChanged.connect(lambda *_: self._errors["storage"].hide())
        self.timer = QTimer(self)
        self.timer.setInterval(STORAGE_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_storages)

    def show_error(self, field: str | None, text: str) -> bool:
        if field in ("password", "password_repeat"):
            self.password.show_error(text, "password" if field == "password" else "repeat")
            return True
        return super().show_error(field, text)

    # storages -----------------------------------------------------------------------------------
    def refresh_storages(self) -> None:
        if self.renew or self.wizard.busy:
            return
        try:
            found = self.flow.storages()
        except DojangError:
            found = []
        found = [s for s in found if s.kind != PHONE or self._phone_allowed(s)]
        ids = [s.id for s in found]
        if ids != [s.id for s in self._storages]:
            chosen = self.selected_storage()
            self._storages = found
            self.list.clear()
            for s in found:
                item = QListWidgetItem(icon(KIND_ICON.get(s.kind, "folder")), shown(s.label(ui_lang()), 120))
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(tip(s.root))
                self.list.addItem(item)
            if chosen is not None and chosen.id in ids:
                self.list.setCurrentRow(ids.index(chosen.id))
            else:
                self.list.setCurrentRow(-1)
                if chosen is not None:      # said at once, not at the next click on 발급
                    self.show_error("storage", Q.translate("Wizard", "고른 저장매체가 분리되었습니다: {0}. 다시 꽂거나 "
                                                                     "다른 곳을 고르세요.").format(chosen.label(ui_lang())))
        self.no_drive.setVisible(not any(s.kind == REMOVABLE for s in found))

    def _phone_allowed(self, storage: Storage) -> bool:
        """Only the served customer's own mock phone (known after STEP 1); every phone otherwise."""
        flow = self.flow
        if getattr(flow, "session", None) is None or not hasattr(flow, "is_customer_phone"):
            return True
        return flow.is_customer_phone(storage)

    def selected_storage(self) -> Storage | None:
        row = self.list.currentRow()
        return self._storages[row] if 0 <= row < len(self._storages) and self.list.currentItem() is not None \
            and self.list.currentItem().isSelected() else None

    def select_storage(self, storage_id: str) -> None:
        ids = [s.id for s in self._storages]
        self.list.setCurrentRow(ids.index(storage_id))

    # page -----------------------------------------------------------------------------------------
    def enter(self) -> None:
        personal = self.flow.personal_info() if hasattr(self.flow, "personal_info") else None
        self.password.set_personal_info(personal)
        self.password.clear()
        self.set_busy(False)
        if self.renew:
            storage, cert = self.flow.picked
            self.fixed_place.setText(Q.translate("Wizard", "저장 위치: {0}\n{1}").format(shown(storage.label(ui_lang())), shown(cert.path)))
        else:
            self.refresh_storages()
            self.timer.start()
        self.password.line_edit.setFocus()

    def leave(self) -> None:
        self.timer.stop()
        self.password.clear()

    def set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.busy_box.setVisible(busy)
        if busy:
            self.bar.setValue(0)
            self.busy_text.setText(Q.translate("Wizard", "준비 중…"))

    def on_progress(self, fraction: float, text) -> None:
        self.bar.setValue(int(round(fraction * 100)))
        self.busy_text.setText(text.message(ui_lang()))

    def next_text(self) -> str:
        return {"reissue": Q.translate("Wizard", "재발급"), "renew": Q.translate("Wizard", "갱신")}.get(
            self.wizard.kind, Q.translate("Wizard", "발급"))

    def submit(self) -> None:
        flow = self.flow
        storage = None
        if not self.renew:
            storage = self.selected_storage()
            if storage is None:
                flow.finish(None, "", "")     # raises the flow's own "choose where to save" FieldError
        password = self.password.password()
        repeat_text = self.password.repeat_edit.text()
        repeat = bytearray(repeat_text.encode("ascii")) if repeat_text.isascii() else repeat_text
        personal = flow.personal_info() if hasattr(flow, "personal_info") else None
        # the same check finish() starts with, here so its message shows without the busy flash
        require_new_password(password, repeat, personal)
        if self.renew:
            self.wizard.run_finish(lambda progress: flow.finish(password, repeat, progress))
        else:
            self.wizard.run_finish(lambda progress: flow.finish(storage, password, repeat, progress))




class PinPage(Page):
    """금융인증서: the 6-digit PIN twice instead of a storage and a password — the key pair is made and
    kept by the (simulated) cloud (docs/bank-flows.md "금융인증서")."""

    def __init__(self, wizard):
        if wizard.kind == "reset_pin":
            super().__init__(wizard, "pinPage", Q.translate("Wizard", "새 PIN"),
                             Q.translate("Wizard", "본인확인을 마쳤습니다. 금융인증서에 쓸 새 숫자 6자리 PIN을 정하세요. "
                                                   "재설정하면 PIN 잠금도 풀립니다."))
        else:
            super().__init__(wizard, "pinPage", Q.translate("Wizard", "금융인증서 PIN"),
                             Q.translate("Wizard", "금융인증서는 금융결제원 클라우드(모의)에 보관되어 이 PC에는 아무 파일도 "
                                                   "저장되지 않습니다. 인증서를 쓸 때 입력할 숫자 6자리 PIN을 정하세요."))
        self.form = QWidget(self)
        fl = QVBoxLayout(self.form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(6)
        fl.addWidget(make_label(Q.translate("Wizard", "PIN (숫자 6자리)"), self.form))
        self.pin = make_line("pinEdit", self.form, secret=True, max_len=6)
        fl.addWidget(self.pin)
        fl.addWidget(self.error_label("pin", self.form))
        fl.addWidget(make_label(Q.translate("Wizard", "PIN 확인"), self.form))
        self.repeat = make_line("pinRepeatEdit", self.form, secret=True, max_len=6)
        fl.addWidget(self.repeat)
        fl.addWidget(self.error_label("pin_repeat", self.form))
        fl.addWidget(make_label(Q.translate("Wizard", "같은 숫자 반복(111111), 연속된 숫자(123456, 654321), 생년월일은 쓸 수 "
                                                   "없습니다. 5번 틀리면 잠기고, 본인확인 후 PIN 재설정으로 풀 수 "
                                                   "있습니다."), self.form, cls="hint"))
        self.lay.addWidget(self.form)
        self.busy_box, bl = make_box(self)
        self.busy_box.setObjectName("pinBusyBox")
        self.busy_text = make_label(Q.translate("Wizard", "준비 중…"), self.busy_box, name="pinProgressText")
        bl.addWidget(self.busy_text)
        self.busy_box.hide()
        self.lay.addWidget(self.busy_box)
        self.lay.addStretch(1)

    def enter(self) -> None:
        self.pin.clear()
        self.repeat.clear()
        self.set_busy(False)
        self.pin.setFocus()

    def leave(self) -> None:
        self.pin.clear()
        self.repeat.clear()

    def set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.busy_box.setVisible(busy)

    def on_progress(self, fraction: float, text) -> None:
        self.busy_text.setText(text.message(ui_lang()))

    def next_text(self) -> str:
        return {"reset_pin": Q.translate("Wizard", "재설정"),
                "reissue": Q.translate("Wizard", "재발급")}.get(self.flow.kind, Q.translate("Wizard", "발급"))

    def submit(self) -> None:
        flow = self.flow
        pin, repeat = self.pin.text(), self.repeat.text()
        problem = flow.pin_feedback(pin, repeat)
        if problem is not None:       # the check the cloud makes, shown without the busy flash
            from core.flows import FieldError
            raise FieldError("pin_repeat" if problem.code == "pin_mismatch" else "pin", problem)
        secret, again = bytearray(pin.encode("ascii")), bytearray(repeat.encode("ascii"))
        self.pin.clear()
        self.repeat.clear()
        self.wizard.run_finish(lambda progress: flow.finish_cloud(secret, again, progress))
