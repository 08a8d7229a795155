"""The welcome page shown at start-up until the user ticks "다음부터 보지 않기".

What Dojang is (and that its bank's certificates are test certificates), where it looks for
certificates, the demo customers (with a button to the demo panel) and the language choice.
Non-modal: the main window stays usable behind it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from core.locations import npki_root

from . import i18n
from .context import AppContext
from .icons import icon
from .settings import settings as app_settings

HIDE_SETTING = "welcome/hidden"
LANGUAGES = (("ko", "한국어"), ("en", "English"))  # each language in its own name: never translated

_STYLE = """
#welcomeDialog QLabel#welcomeTitle { font-size: 17pt; font-weight: 600; }
#welcomeDialog QLabel#welcomeSubtitle { color: #555; }
#welcomeDialog QLabel[role="heading"] { font-size: 11.5pt; font-weight: 600; margin: 8px 0 0 0; padding: 0; }
#welcomeDialog QLabel#welcomeTestNotice { background: #fff4e0; border: 1px solid #f0c36d;
    border-radius: 6px; padding: 8px 10px; color: #6b4500; }
#welcomeDialog QLabel#welcomeNpkiPath { font-family: monospace; background: #f3f4f6; border-radius: 4px;
    padding: 3px 6px; }
"""


def should_show(settings: QSettings) -> bool:
    """True until the user ticked "다음부터 보지 않기"."""
    return not settings.value(HIDE_SETTING, False, type=bool)


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("welcomeDialog")
        self.setModal(False)
        self.setWindowIcon(icon("app"))
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(600)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 16)
        lay.setSpacing(6)

        head = QHBoxLayout()
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(56, 56))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(logo)
        titles = QVBoxLayout()
        self.title = self._label("welcomeTitle")
        self.subtitle = self._label("welcomeSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.setSpacing(14)
        lay.addLayout(head)
        lay.addSpacing(4)

        self.what_heading = self._heading("welcomeWhatHeading")
        self.what_text = self._label("welcomeWhatText")
        self.test_notice = self._label("welcomeTestNotice")
        for w in (self.what_heading, self.what_text, self.test_notice):
            lay.addWidget(w)

        self.where_heading = self._heading("welcomeWhereHeading")
        self.where_text = self._label("welcomeWhereText")
        self.npki_path = QLabel(str(npki_root()), self)
        self.npki_path.setObjectName("welcomeNpkiPath")
        self.npki_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.npki_path.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.where_more = self._label("welcomeWhereMore")
        for w in (self.where_heading, self.where_text, self.npki_path, self.where_more):
            lay.addWidget(w)

        self.demo_heading = self._heading("welcomeDemoHeading")
        self.demo_text = self._label("welcomeDemoText")
        lay.addWidget(self.demo_heading)
        lay.addWidget(self.demo_text)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("welcomeDemoButton")
        self.demo_button.setIcon(icon("help"))
        self.demo_button.clicked.connect(self.open_demo_panel)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_button)
        demo_row.addStretch(1)
        lay.addLayout(demo_row)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        lay.addSpacing(6)
        lay.addWidget(line)

        bottom = QHBoxLayout()
        self.language_label = QLabel(self)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("welcomeLanguageCombo")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        current = ctx.language if ctx.language in dict(LANGUAGES) else "ko"
        self.language_combo.setCurrentIndex(self.language_combo.findData(current))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.hide_check = QCheckBox(self)
        self.hide_check.setObjectName("welcomeHideCheck")
        self.hide_check.setChecked(not should_show(app_settings()))
        self.hide_check.toggled.connect(self._hide_toggled)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("welcomeCloseButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.language_label)
        bottom.addWidget(self.language_combo)
        bottom.addSpacing(16)
        bottom.addWidget(self.hide_check)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        lay.addLayout(bottom)

        self.retranslate_ui()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _heading(self, name: str) -> QLabel:
        label = self._label(name)
        label.setProperty("role", "heading")
        label.setIndent(0)  # a styled label gets half an "x" of indent otherwise
        return label

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("도장에 오신 것을 환영합니다"))
        self.title.setText(self.tr("도장에 오신 것을 환영합니다"))
        self.subtitle.setText(self.tr("공동인증서 관리 프로그램과 인터넷 없이 동작하는 모의 은행"))
        self.what_heading.setText(self.tr("도장은 무엇인가요?"))
        self.what_text.setText(self.tr(
            "공동인증서(예전 이름: 공인인증서)를 한곳에서 살펴보고 복사·이동·암호 변경·PFX 내보내기를 할 수 "
            "있습니다. 모의 은행에서는 실제 은행과 같은 단계로 인증서를 발급·재발급·갱신하고, 클라우드에 보관되는 "
            "금융인증서(숫자 6자리 PIN)를 받고, <i>은행 업무 &gt; 인증서로 로그인</i>으로 은행이 인증서를 받아들이는지 "
            "확인해 볼 수 있습니다. 모의 휴대폰의 은행 앱에서도 인증서를 발급받을 수 있습니다."))
        self.test_notice.setText(self.tr(
            "<b>모의 은행이 발급한 인증서는 시험용입니다.</b> 실제 은행이나 관공서에서는 쓸 수 없습니다. "
            "모의 은행은 이 컴퓨터 안에서만 동작하며 어떤 정보도 밖으로 보내지 않습니다."))
        self.where_heading.setText(self.tr("인증서는 어디에서 찾나요?"))
        self.where_text.setText(self.tr("이 컴퓨터(하드디스크)의 NPKI 폴더:"))
        self.where_more.setText(self.tr(
            "꽂혀 있는 USB 메모리 같은 이동식 디스크의 NPKI 폴더, 모의 휴대폰, 그리고 <i>파일 &gt; 폴더 추가</i>로 "
            "더한 폴더도 찾아 봅니다. USB 메모리를 꽂으면 목록에 바로 나타납니다. 금융인증서는 파일이 없어 목록 "
            "맨 아래의 <i>금융인증서 — 클라우드</i>에 있습니다."))
        self.demo_heading.setText(self.tr("데모 고객으로 해보기"))
        self.demo_text.setText(self.tr(
            "모의 은행에는 연습용 고객이 준비되어 있습니다. <b>김보안</b>(보안카드)이나 <b>이오티</b>(OTP)로 "
            "<i>은행 업무 &gt; 발급</i>에서 새 인증서를 받아 보고, <b>최갱신</b>(곧 만료)·<b>정만료</b>(만료됨)의 "
            "데모 인증서로 갱신과 재발급을 해보세요. 데모 인증서는 실제 NPKI 폴더에 쓰지 않으므로 다른 은행 "
            "프로그램에는 보이지 않습니다. 주민등록번호·계좌 비밀번호 등 입력할 "
            "값은 모두 데모 고객 안내에 있습니다(가짜 데이터)."))
        self.demo_button.setText(self.tr("데모 고객 안내 열기"))
        self.language_label.setText(self.tr("언어(&L):"))
        self.hide_check.setText(self.tr("다음부터 보지 않기"))
        self.close_button.setText(self.tr("시작하기"))
        self._fit()

    def _fit(self) -> None:
        """Tall enough for every wrapped paragraph at the current width: a top-level layout does
        not ask its word-wrapped labels for their height, so longer texts (English) were clipped."""
        lay = self.layout()
        width = max(self.width(), self.minimumWidth())
        height = lay.totalHeightForWidth(width)
        if height > 0:
            self.setMinimumHeight(height)
            if self.height() < height:
                self.resize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - narrower or wider: the text wraps anew
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - live language switch
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- actions ------------------------------------------------------------------------------------
    def open_demo_panel(self):
        from .demo_panel import show_demo_panel
        return show_demo_panel(self.parentWidget() or self, self.ctx)

    def _language_chosen(self, _index: int) -> None:
        lang = self.language_combo.currentData()
        app_settings().setValue(i18n.SETTING, lang)  # the same key the start-up language choice reads
        i18n.apply_language(lang, self.ctx)          # Qt sends LanguageChange: every window retranslates

    def _hide_toggled(self, hidden: bool) -> None:
        app_settings().setValue(HIDE_SETTING, hidden)


def show_welcome(parent: QWidget | None, ctx: AppContext) -> WelcomeDialog:
    dlg = WelcomeDialog(parent, ctx)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg
