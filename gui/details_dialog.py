"""인증서 보기: 일반 / 자세히 tabs, and 본인확인 ("does this certificate belong to this RRN?").

본인확인 needs the certificate password (R, the random number in the key, is part of the VID); the
check runs on a worker and the RRN is shown only masked outside its own field.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextOption
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSizePolicy, QTabWidget, QTextEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from core.errors import DojangError
from core.npki.certfolder import CertFolder
from core.npki.certificate import KST, describe_extensions
from core.storage import operations as ops
from core.storage.base import Storage
from core.validation.numbers import mask_rrn, validate_rrn

from .icons import icon
from .models import CertRow, Status, storage_title
from .password_widget import PasswordWidget
from .safetext import plain_label, shown, tip
from .workers import Workers


class PathView(QTextEdit):
    """A long file path that reads like a label but wraps anywhere (a path has few spaces to break at),
    grows to the lines it needs, and stays selectable as the exact path (tooltip: the path too)."""

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setPlainText(shown(path))
        self.setToolTip(tip(path))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setDocumentMargin(0)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, pal.color(QPalette.ColorRole.Window))
        self.setPalette(pal)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def path(self) -> str:
        return self.toPlainText()

    def _fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(max(1, self.viewport().width()))
        self.setFixedHeight(int(doc.size().height()) + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(120)
        return hint


class DetailsDialog(QDialog):
    def _trailing_notes(self, cert: CertFolder) -> list[str]:
        notes = []
        if cert.info.trailing_bytes:
            notes.append(self.tr("signCert.der 파일 끝에 인증서 데이터 외의 %n바이트가 더 있습니다 (무시하며, 손상이 "
                                 "아닙니다).", "", cert.info.trailing_bytes))
        try:
            key_trailing = cert.key_file().trailing_bytes
        except (DojangError, OSError):
            key_trailing = 0
        if key_trailing:
            notes.append(self.tr("signPri.key 파일 끝에 키 데이터 외의 %n바이트가 더 있습니다 (무시하며, 손상이 "
                                 "아닙니다).", "", key_trailing))
        return notes

    def __init__(self, parent: QWidget | None, cert: CertFolder, storage: Storage, *, lang: str,
                 now: dt.datetime, workers: Workers):
        super().__init__(parent)
        self.setObjectName("detailsDialog")
        self.cert, self.storage, self.lang, self.workers = cert, storage, lang, workers
        info = cert.info
        self.setWindowTitle(self.tr("인증서 보기 — {0}").format(shown(info.display_name, 80)))
        self.setWindowIcon(icon("view"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailsTabs")
        layout.addWidget(self.tabs)

        # 일반
        general = QWidget(self)
        form = QFormLayout(general)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        row = CertRow(storage, cert)
        st, days = row.status(now.astimezone(KST).date())
        status = {Status.OK: self.tr("정상 ({0}일 남음)").format(days),
                  Status.SOON: self.tr("만료 D-{0} — 갱신할 수 있습니다").format(days),
                  Status.EXPIRED: self.tr("만료됨 — 재발급이 필요합니다")}.get(st, "")
        usage = info.usage.label(lang) + (self.tr(" (테스트 인증서 — 실제 은행에서 쓸 수 없음)")
                                          if info.usage.is_test else "")
        fields = [
            (self.tr("사용자"), shown(info.display_name), "detailsUser"),
            (self.tr("구분"), usage, "detailsUsage"),
            (self.tr("발급기관"), shown(info.issuer_o or cert.ca_folder), "detailsIssuer"),
            (self.tr("유효기간"), f"{info.not_before:%Y-%m-%d} ~ {info.not_after:%Y-%m-%d} (KST)", "detailsValidity"),
            (self.tr("상태"), status, "detailsStatus"),
            (self.tr("저장매체"), storage_title(storage, lang), "detailsStorage"),
            (self.tr("위치"), str(cert.path), "detailsPath"),
        ]
        extra = self._trailing_notes(cert)
        if extra:      # a vendor's trailer after the DER: said plainly, never as damage (docs/npki-codec.md)
            fields.append((self.tr("참고"), "\n".join(extra), "detailsNote"))
        for label, value, name in fields:
            if name == "detailsPath":
                v = PathView(value, general)
                v.setObjectName(name)
                form.addRow(label, v)
                # a wrapped location: its title on the first line
                form.labelForField(v).setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                continue
            v = plain_label(QLabel(value, general))     # never rich text: values come from the file
            v.setObjectName(name)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            form.addRow(label, v)
        status_icon = {Status.OK: "status-ok", Status.SOON: "status-soon", Status.EXPIRED: "status-expired"}
        self.tabs.addTab(general, icon(status_icon.get(st, "certificate")), self.tr("일반(&G)"))

        # 자세히
        tree = QTreeWidget(self)
        tree.setObjectName("detailsFields")
        tree.setHeaderLabels([self.tr("필드"), self.tr("값")])
        tree.setRootIsDecorated(True)
        tree.setAlternatingRowColors(True)
        key = f"{info.key_algorithm} {info.key_size or ''}".strip()
        rows = [
            (self.tr("버전"), f"V{info.version}"),
            (self.tr("일련번호"), info.serial_hex),
            (self.tr("서명 알고리즘"), info.signature_algorithm),
            (self.tr("발급자"), shown(info.certificate().issuer.rfc4514_string())),
            (self.tr("유효기간 시작"), info.not_before.strftime("%Y-%m-%d %H:%M:%S KST")),
            (self.tr("유효기간 끝"), info.not_after.strftime("%Y-%m-%d %H:%M:%S KST")),
            (self.tr("주체"), shown(info.subject_rfc4514)),
            (self.tr("공개키"), key),
            (self.tr("용도 (정책 OID)"), f"{info.usage.label(lang)} — " + (", ".join(info.policy_oids) or "—")),
            (self.tr("본인확인 정보 (VID)"), self.tr("있음") if info.has_identify_data else self.tr("없음")),
            (self.tr("지문 (SHA-256)"), info.fingerprint_display),
            (self.tr("파일"), shown(", ".join(sorted(cert.file_names.values())))),
        ]
        for k, v in rows:
            item = QTreeWidgetItem([k, v])
            item.setToolTip(1, tip(v))
            tree.addTopLevelItem(item)
        ext_root = QTreeWidgetItem([self.tr("확장 필드"), ""])
        tree.addTopLevelItem(ext_root)
        ext_names, flag_names = self._extension_texts()
        for ext in describe_extensions(info):
            crit = self.tr(" (중요)") if ext.critical else ""
            name = ext_names.get(ext.oid)
            label = f"{name} ({ext.name})" if name and lang == "ko" else (name or ext.name)
            value = shown(ext.value)
            if ext.oid == "2.5.29.15":      # keyUsage flags in words
                value = ", ".join(flag_names.get(f, f) for f in value.split(", "))
            child = QTreeWidgetItem([f"{label}{crit}", value])
            child.setToolTip(0, ext.oid)
            child.setToolTip(1, tip(value))
            ext_root.addChild(child)
        ext_root.setExpanded(True)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(tree, self.tr("자세히(&D)"))

        # 본인확인
        verify = QWidget(self)
        v = QVBoxLayout(verify)
        intro = QLabel(self.tr("이 인증서가 어떤 주민등록번호의 것인지 확인합니다. 인증서 안의 본인확인 정보(VID)와 "
                               "개인키의 난수로 계산하므로 인증서 암호가 필요합니다. 입력한 값은 저장하지 않습니다."),
                       verify)
        intro.setWordWrap(True)
        v.addWidget(intro)
        vform = QFormLayout()
        self.rrn_edit = QLineEdit(verify)
        self.rrn_edit.setObjectName("verifyRrnEdit")
        self.rrn_edit.setPlaceholderText("900101-1234567")
        self.rrn_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.rrn_edit.setMaxLength(14)
        rrn_label = QLabel(self.tr("주민등록번호(&R)"), verify)
        rrn_label.setBuddy(self.rrn_edit)
        vform.addRow(rrn_label, self.rrn_edit)
        self.verify_password = PasswordWidget(verify, keypad=True, lang=lang)
        self.verify_password.setObjectName("verifyPasswordWidget")
        pw_label = QLabel(self.tr("인증서 암호(&P)"), verify)
        pw_label.setBuddy(self.verify_password.line_edit)
        vform.addRow(pw_label, self.verify_password)
        v.addLayout(vform)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(icon("password-check"), self.tr("확인(&V)"), verify)
        self.verify_button.setObjectName("verifyOwnerButton")
        self.verify_button.clicked.connect(self.verify_owner)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        v.addLayout(buttons)
        self.verify_result = QLabel(verify)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        v.addWidget(self.verify_result)
        v.addStretch(1)
        if not info.has_identify_data:
            self.verify_result.setText("ⓘ " + self.tr("이 인증서에는 본인확인 정보(VID)가 없어 확인할 수 없습니다."))
            self.verify_button.setEnabled(False)
        self.tabs.addTab(verify, icon("password-check"), self.tr("본인확인(&I)"))

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.setObjectName("detailsButtons")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(620, 520)

    def _extension_texts(self) -> tuple[dict[str, str], dict[str, str]]:
        """Readable names of the usual X.509 extensions (by OID) and of the keyUsage flags."""
        names = {
            "2.5.29.15": self.tr("키 사용"),
            "2.5.29.32": self.tr("인증서 정책"),
            "2.5.29.17": self.tr("주체 대체 이름"),
            "2.5.29.14": self.tr("주체 키 식별자"),
            "2.5.29.35": self.tr("기관 키 식별자"),
            "2.5.29.31": self.tr("CRL 배포 지점"),
            "2.5.29.19": self.tr("기본 제한"),
            "1.3.6.1.5.5.7.1.1": self.tr("기관 정보 액세스"),
        }
        flags = {
            "digital_signature": self.tr("디지털 서명"),
            "content_commitment": self.tr("부인 방지"),
            "key_encipherment": self.tr("키 암호화"),
            "data_encipherment": self.tr("데이터 암호화"),
            "key_agreement": self.tr("키 합의"),
            "key_cert_sign": self.tr("인증서 서명"),
            "crl_sign": self.tr("CRL 서명"),
        }
        return names, flags
    def verify_owner(self) -> None:
        result = validate_rrn(self.rrn_edit.text())
        if not result.ok:
            self.verify_result.setText("✖ " + result.first_message(self.lang))
            return
        rrn = result.value
        password = self.verify_password.password()
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("확인하는 중…"))
        masked = mask_rrn(rrn)
        cert = self.cert

        def done(ok: bool):
            self.verify_button.setEnabled(True)
            if ok:
                self.verify_result.setText("✔ " + self.tr("이 인증서는 입력한 주민등록번호({0})의 것이 맞습니다.").format(masked))
            else:
                self.verify_result.setText("✖ " + self.tr("이 인증서는 입력한 주민등록번호({0})의 것이 아닙니다.").format(masked))

        def failed(err: DojangError):
            self.verify_button.setEnabled(True)
            self.verify_result.setText("✖ " + err.message(self.lang))

        self.workers.submit(ops.verify_owner, cert, password, rrn, name="verify-owner", on_done=done, on_error=failed)
