"""The pages that pick a certificate on a storage and check its password (renew, revoke, register)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem, QPushButton

from ..icons import icon
from ..password_widget import PasswordWidget
from ..safetext import shown
from .common import Page, make_box, date_text, make_label, ui_lang, usage_label

class PickCertPage(Page):
    def __init__(self, wizard):
        kind = wizard.kind
        intro = {
            "renew": Q.translate("Wizard", "갱신할 인증서를 고르세요. 갱신은 만료 30일 전부터 만료일까지 할 수 있습니다. "
                                           "이미 만료된 인증서는 재발급을 이용하세요."),
            "revoke": Q.translate("Wizard", "폐기할 인증서를 고르세요. 폐기한 인증서는 다시 쓸 수 없습니다."),
            "register": Q.translate("Wizard", "다른 기관(은행·공동인증기관)에서 발급받은 본인 인증서를 고르세요. 인증서 "
                                              "암호로 본인 것인지 확인한 뒤 이 은행에 등록합니다."),
        }[kind]
        super().__init__(wizard, "pickCertPage", {
            "renew": Q.translate("Wizard", "갱신할 인증서 선택"), "revoke": Q.translate("Wizard", "폐기할 인증서 선택"),
            "register": Q.translate("Wizard", "등록할 타기관 인증서 선택")}[kind], intro)
        self.list = QListWidget(self)
        self.list.setObjectName("certList")
        self.list.currentRowChanged.connect(self._selected)
        self.list.itemDoubleClicked.connect(lambda *_: self.wizard.next())
        self.lay.addWidget(self.list, 1)
        self.empty = make_label(Q.translate("Wizard", "연결된 저장매체에서 인증서를 찾지 못했습니다. USB 저장장치를 꽂았다면 "
                                                  "'새로 고침'을 누르세요."), self, name="certListEmpty", cls="hint")
        self.lay.addWidget(self.empty)
        self.reason = make_label("", self, name="certReasonLabel", cls="hint")
        self.lay.addWidget(self.reason)
        self.lay.addWidget(self.error_label("certificate"))
        refresh = QPushButton(icon("refresh"), Q.translate("Wizard", "새로 고침"), self)
        refresh.setObjectName("certRefreshButton")
        refresh.clicked.connect(self.enter)
        self.lay.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        self.candidates = []

    def enter(self) -> None:
        self.list.clear()
        self.candidates = self.flow.candidates()
        now = self.wizard.now()
        picked = self.flow.data.get("picked")
        for i, c in enumerate(self.candidates):
            info = c.cert.info
            days = info.days_left(now)
            left = Q.translate("Wizard", "만료됨") if days < 0 else Q.translate("Wizard", "{0}일 남음").format(days)
            text = (f"{shown(info.display_name, 80)} · {usage_label(info.usage.kind)} · "
                    f"{shown(info.issuer_o or c.cert.ca_folder, 80)}\n"
                    + Q.translate("Wizard", "만료일 {0} ({1}) · {2}").format(date_text(info.not_after), left,
                                                                         shown(c.storage.label(ui_lang()), 80)))
            if c.reason is not None:
                text += "\n⚠ " + c.reason.message(ui_lang())
            item = QListWidgetItem(icon("certificate"), text)
            if c.reason is not None:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if picked and str(c.cert.path) == picked:
                self.list.setCurrentRow(i)
        if not self.candidates:
            self.empty.setText(Q.translate("Wizard", "연결된 저장매체에서 인증서를 찾지 못했습니다. USB 저장장치를 꽂았다면 "
                                                     "'새로 고침'을 누르세요."))
        else:
            self.empty.setText(Q.translate("Wizard", "고를 수 있는 인증서가 없습니다. 각 인증서 아래에 그 이유가 있습니다."))
        self.empty.setVisible(not any(c.eligible for c in self.candidates))
        if self.list.currentRow() < 0:
            first = next((i for i, c in enumerate(self.candidates) if c.eligible), -1)
            self.list.setCurrentRow(first)
        self._selected(self.list.currentRow())

    def select_path(self, path: Path) -> None:
        for i, c in enumerate(self.candidates):
            if c.cert.path == Path(path):
                self.list.setCurrentRow(i)
                return
        raise LookupError(path)

    def _selected(self, row: int) -> None:
        c = self.candidates[row] if 0 <= row < len(self.candidates) else None
        self.reason.setText(("⚠ " + c.reason.message(ui_lang())) if c is not None and c.reason is not None else "")
        self._errors["certificate"].hide()
        self.changed.emit()

    def can_next(self) -> bool:
        return 0 <= self.list.currentRow() < len(self.candidates)

    def submit(self) -> None:
        c = self.candidates[self.list.currentRow()]
        self.flow.pick(c.storage, c.cert)


class CertPasswordPage(Page):
    def __init__(self, wizard):
        kind = wizard.kind
        super().__init__(wizard, "certPasswordPage", {
            "renew": Q.translate("Wizard", "기존 인증서 암호 확인"),
            "revoke": Q.translate("Wizard", "인증서 암호 확인 및 폐기"),
            "register": Q.translate("Wizard", "인증서 암호 확인")}[kind],
            {"renew": Q.translate("Wizard", "본인의 인증서인지 확인하기 위해 지금 쓰는 인증서 암호를 입력하세요."),
             "revoke": Q.translate("Wizard", "폐기하려면 인증서 암호를 입력하고 아래 내용에 동의하세요."),
             "register": Q.translate("Wizard", "인증서 암호를 입력하면 인증서 속 본인확인 정보(VID)를 주민등록번호와 "
                                               "대조합니다.")}[kind])
        box, bl = make_box(self)
        self.summary = make_label("", box, name="pickedCertLabel")
        bl.addWidget(self.summary)
        self.lay.addWidget(box)
        title = QLabel(Q.translate("Wizard", "인증서 암호(&W)"), self)
        self.lay.addWidget(title)
        self.password = PasswordWidget(self, keypad=True, lang=ui_lang())
        self.password.setObjectName("certPasswordWidget")
        # Enter reaches the wizard's default button (확인/다음), which is disabled while the field is empty
        self.password.validityChanged.connect(lambda *_: self.changed.emit())
        title.setBuddy(self.password.line_edit)
        self.lay.addWidget(self.password)
        self.lay.addWidget(self.error_label("cert_password"))
        self.password.adopt_error_label(self._errors["cert_password"], "password")
        self.confirm = QCheckBox(Q.translate("Wizard", "폐기한 인증서는 다시 쓸 수 없다는 것을 확인했습니다"), self)
        self.confirm.setObjectName("revokeConfirmCheck")
        self.delete = QCheckBox(Q.translate("Wizard", "이 인증서 파일도 모든 저장매체에서 삭제합니다"), self)
        self.delete.setObjectName("revokeDeleteCheck")
        self.delete.setChecked(True)
        for w in (self.confirm, self.delete):
            w.setVisible(kind == "revoke")
            self.lay.addWidget(w)
        self.lay.addWidget(self.error_label("confirm"))
        self.lay.addWidget(make_label(Q.translate("Wizard", "암호를 잊었다면 찾을 방법이 없습니다. 인증서를 삭제하고 재발급받으세요."),
                                  self, cls="hint"))
        self.lay.addStretch(1)

    def enter(self) -> None:
        storage, cert = self.flow.picked
        info = cert.info
        self.summary.setText(f"{shown(info.display_name, 80)} · {usage_label(info.usage.kind)} · "
                             f"{shown(info.issuer_o, 80)}\n"
                             + Q.translate("Wizard", "만료일 {0} · {1}").format(date_text(info.not_after),
                                                                               shown(storage.label(ui_lang()), 80)))
        self.password.clear()
        self.confirm.setChecked(False)
        self.password.line_edit.setFocus()

    def leave(self) -> None:
        self.password.clear()

    def can_next(self) -> bool:
        return self.password.is_valid()

    def next_text(self) -> str:
        return {"revoke": Q.translate("Wizard", "폐기"), "register": Q.translate("Wizard", "등록")}.get(
            self.wizard.kind, Q.translate("Wizard", "확인"))

    def show_error(self, field: str | None, text: str) -> bool:
        if field == "cert_password":
            self.password.show_error(text, "password")
            return True
        return super().show_error(field, text)

    def submit(self) -> None:
        password = self.password.password()
        self.password.clear()
        if self.wizard.kind == "revoke":
            self.flow.submit_cert_password(password, confirmed=self.confirm.isChecked(),
                                           delete_files=self.delete.isChecked())
        else:
            self.flow.submit_cert_password(password)


