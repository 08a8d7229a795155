"""The last page: what was done, where, the product, validity and fee."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from core.authority.products import KEY_CLOUD
from core.flows import Completion
from core.npki.certfolder import CertFolder, read_cert_folder

from ..safetext import shown
from .common import Page, make_box, date_text, make_label, ui_lang, usage_label

def _is_test_certificate(done: Completion) -> bool:
    """Whether the certificate the flow ended with is a test certificate: always, when the simulated
    bank made it; a registered one (another institution's) is read from its folder."""
    if done.kind != "register" or done.path is None:
        return done.kind != "register"
    try:
        entry = read_cert_folder(done.path)
    except (OSError, ValueError):
        return False
    return isinstance(entry, CertFolder) and entry.info.usage.is_test


class DonePage(Page):
    def __init__(self, wizard):
        super().__init__(wizard, "donePage", "")
        box, bl = make_box(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        bl.addLayout(self.grid)
        self.lay.addWidget(box)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        for i, (key, title) in enumerate((("storage", Q.translate("Wizard", "저장 위치")),
                                          ("path", Q.translate("Wizard", "폴더")),
                                          ("type", Q.translate("Wizard", "종류")),
                                          ("validity", Q.translate("Wizard", "유효기간")),
                                          ("fee", Q.translate("Wizard", "수수료")),
                                          ("removed", Q.translate("Wizard", "삭제한 기존 인증서")))):
            k = make_label(title, box, wrap=False)
            k.setProperty("class", "hint")
            v = make_label("", box, name=f"done_{key}")
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(k, i, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(v, i, 1)
            self.rows[key] = (k, v)
        self.grid.setColumnStretch(1, 1)
        self.reminder = make_label("", self, name="doneReminder")
        warn, wl = make_box(self, "warnBox")
        wl.addWidget(self.reminder)
        self.lay.addWidget(warn)
        self.warn_box = warn
        self.lay.addStretch(1)

    def _set(self, key: str, value: str | None) -> None:
        k, v = self.rows[key]
        v.setText(shown(value) if value else "")      # a storage label or path may come from a medium
        k.setVisible(bool(value))
        v.setVisible(bool(value))

    def show_completion(self, done: Completion) -> None:
        kind = done.kind
        product = self.flow.product_of(done.cert_type)
        if product is not None and product.key_home == KEY_CLOUD and kind in ("issue", "reissue"):
            self._show_cloud(done, product)
            return
        if kind == "reset_pin":
            self._show_pin_reset()
            return
        self.title.setText({
            "issue": Q.translate("Wizard", "공동인증서를 발급했습니다"),
            "reissue": Q.translate("Wizard", "공동인증서를 재발급했습니다"),
            "renew": Q.translate("Wizard", "공동인증서를 갱신했습니다"),
            "register": Q.translate("Wizard", "타기관 인증서를 등록했습니다"),
            "revoke": Q.translate("Wizard", "인증서를 폐기했습니다")}[kind])
        self.title.setProperty("class", "ok")
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)
        lang = ui_lang()
        saved = kind in ("issue", "reissue", "renew")
        self._set("storage", done.storage.label(lang) if done.storage is not None and saved else None)
        self._set("path", str(done.path) if done.path is not None and kind != "revoke" else None)
        test = _is_test_certificate(done)
        kind_name = product.title.message(lang) if product is not None else usage_label(done.cert_type)
        self._set("type", (kind_name + (Q.translate("Wizard", " (테스트)") if test else "")) if done.cert_type else None)
        validity = None
        if done.not_after is not None:
            validity = (f"{date_text(done.not_before)} ~ {date_text(done.not_after)}" if done.not_before is not None
                        else Q.translate("Wizard", "~ {0}").format(date_text(done.not_after)))
        self._set("validity", validity if kind != "revoke" else None)
        if saved:
            self._set("fee", Q.translate("Wizard", "{0:,}원 (계좌에서 출금)").format(done.fee) if done.fee
                      else Q.translate("Wizard", "무료"))
        else:
            self._set("fee", None)
        removed = "\n".join(str(p) for p in done.removed)
        if done.kept:
            removed += ("\n" if removed else "") + "\n".join(
                Q.translate("Wizard", "삭제하지 못함: {0}").format(p) for p, _why in done.kept)
        self._set("removed", removed or None)
        if kind == "revoke":
            self.intro.setText(Q.translate("Wizard", "이 인증서는 이제 어디에서도 쓸 수 없습니다. 새 인증서가 필요하면 "
                                                     "발급을 이용하세요."))
            self.reminder.setText(Q.translate("Wizard", "인증서 파일을 남겨 두었다면 폐기된 인증서로 표시됩니다. 필요 없으면 "
                                                        "삭제하세요."))
        elif kind == "register":
            self.intro.setText(Q.translate("Wizard", "이 인증서로 이 은행의 인터넷뱅킹을 쓸 수 있습니다."))
            self.reminder.setText(Q.translate("Wizard", "인증서 파일은 그대로 두었습니다. 암호를 잊으면 찾을 수 없으니 "
                                                        "발급한 기관에서 재발급받으세요."))
        else:
            self.intro.setText(Q.translate("Wizard", "아래 위치에 저장했습니다. 모의 은행이 발급한 테스트 인증서라서 도장과 "
                                                     "다른 NPKI 프로그램에서 시험용으로 쓸 수 있지만, 실제 은행이나 "
                                                     "공공기관에서는 쓸 수 없습니다.") if test
                               else Q.translate("Wizard", "아래 위치에 저장했습니다."))
            self.reminder.setText(Q.translate("Wizard", "인증서 암호는 어디에도 저장되지 않아 잊어버리면 찾을 수 없습니다. "
                                                        "잊어버렸다면 인증서를 삭제하고 재발급받으세요. 다른 사람에게 "
                                                        "알려주지 마세요."))
        self.intro.show()

    def _show_cloud(self, done: Completion, product) -> None:
        """금융인증서: kept in the cloud — no storage, no folder; the PIN reminder."""
        self.title.setText(Q.translate("Wizard", "금융인증서를 재발급했습니다") if done.kind == "reissue"
                           else Q.translate("Wizard", "금융인증서를 발급했습니다"))
        self.title.setProperty("class", "ok")
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)
        lang = ui_lang()
        self._set("storage", Q.translate("Wizard", "클라우드 (금융결제원, 모의)"))
        self._set("path", None)
        self._set("type", product.title.message(lang) + Q.translate("Wizard", " (테스트)"))
        self._set("validity", f"{date_text(done.not_before)} ~ {date_text(done.not_after)}")
        self._set("fee", Q.translate("Wizard", "{0:,}원 (계좌에서 출금)").format(done.fee) if done.fee
                  else Q.translate("Wizard", "무료"))
        self._set("removed", None)
        self.intro.setText(Q.translate("Wizard", "인증서와 개인키는 클라우드에 보관되고 이 PC에는 파일이 없습니다. 이 PC는 "
                                                 "이용 기기로 연결되었습니다."))
        self.reminder.setText(Q.translate("Wizard", "PIN을 5번 틀리면 인증서가 잠깁니다. 잊어버렸다면 본인확인 후 PIN을 "
                                                    "재설정하세요 (저장매체 목록의 금융인증서 — 클라우드). 다른 "
                                                    "사람에게 알려주지 마세요."))
        self.intro.show()

    def _show_pin_reset(self) -> None:
        self.title.setText(Q.translate("Wizard", "금융인증서 PIN을 재설정했습니다"))
        self.title.setProperty("class", "ok")
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)
        for key in self.rows:
            self._set(key, None)
        self._set("storage", Q.translate("Wizard", "클라우드 (금융결제원, 모의)"))
        self.intro.setText(Q.translate("Wizard", "PIN 잠금이 풀렸습니다. 이제 새 PIN으로 금융인증서를 쓸 수 있습니다."))
        self.reminder.setText(Q.translate("Wizard", "PIN을 5번 틀리면 인증서가 잠깁니다. 다른 사람에게 알려주지 마세요."))
        self.intro.show()

    def next_text(self) -> str:
        return Q.translate("Wizard", "닫기")


# --- the wizard -------------------------------------------------------------------------------------

