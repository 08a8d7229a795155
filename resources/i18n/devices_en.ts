<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CardViewer</name>
    <message>
        <location filename="../../gui/devices.py" line="168"/>
        <source>보안카드 (모의)</source>
        <translation>Security card (simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="194"/>
        <source>도장은행 보안카드</source>
        <translation>Dojang Bank security card</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="199"/>
        <source>일련번호 {0}</source>
        <translation>Serial {0}</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="226"/>
        <source>요청한 번호의 앞 2자리·뒤 2자리를 입력합니다. 보안카드 번호를 전화·문자·메신저로 알려 달라는 요구는 모두 사기입니다. (모의 보안카드 — {0})</source>
        <translation>Enter the first 2 digits of one requested cell and the last 2 of the other. Anyone asking for your card numbers by phone, text or messenger is a fraudster. (Simulated card — {0})</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../gui/demo_panel.py" line="155"/>
        <source>복사됨</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="90"/>
        <source>데모 고객 안내</source>
        <translation>Demo customers</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="91"/>
        <source>아래 고객과 주민등록번호·계좌·전화번호는 모두 가짜 데모 데이터입니다. 실제 사람이나 계좌와 관계가 없으며, 여기서 발급한 공동인증서는 실제 은행에서 쓸 수 없는 테스트 인증서입니다. 인증서 발급 단계에서 이 값을 그대로 입력하세요.</source>
        <translation>The customers below and their resident registration numbers, accounts and phone numbers are all fake demo data, unrelated to any real person or account; certificates issued with them are test certificates no real bank accepts. Type these values as they are in the issuance steps.</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="94"/>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="121"/>
        <source>데모 고객이 없습니다.</source>
        <translation>There are no demo customers.</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="184"/>
        <source>이름을 클립보드에 복사합니다 (한글 입력기가 없을 때 붙여넣기용)</source>
        <translation>Copies the name, to paste it where you cannot type Hangul</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="106"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="192"/>
        <source>현재 잠김</source>
        <translation>Locked now</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="106"/>
        <location filename="../../gui/demo_panel.py" line="208"/>
        <source>주민등록번호</source>
        <translation>Resident registration no.</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="106"/>
        <location filename="../../gui/demo_panel.py" line="209"/>
        <source>계좌번호</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="107"/>
        <location filename="../../gui/demo_panel.py" line="210"/>
        <source>계좌 비밀번호</source>
        <translation>Account password</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="107"/>
        <location filename="../../gui/demo_panel.py" line="211"/>
        <source>휴대폰</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="213"/>
        <source>잔액</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="213"/>
        <source>{0:,}원</source>
        <translation>KRW {0:,}</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="215"/>
        <source>보안카드</source>
        <translation>Security card</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="215"/>
        <source>있음 (카드 보기에서 번호 확인)</source>
        <translation>Yes (see the numbers with “Show card”)</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="217"/>
        <source>OTP</source>
        <translation>OTP</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="217"/>
        <source>있음 (OTP 보기에서 번호 확인)</source>
        <translation>Yes (see the code with “Show OTP”)</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="108"/>
        <location filename="../../gui/demo_panel.py" line="220"/>
        <source>인증서 비밀번호</source>
        <translation>Certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="165"/>
        <location filename="../../gui/demo_panel.py" line="181"/>
        <location filename="../../gui/demo_panel.py" line="231"/>
        <source>복사</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="98"/>
        <location filename="../../gui/demo_panel.py" line="150"/>
        <source>클립보드에 복사했습니다: {0}</source>
        <translation>Copied to the clipboard: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="242"/>
        <source>보안카드 보기</source>
        <translation>Show card</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="247"/>
        <source>OTP 보기</source>
        <translation>Show OTP</translation>
    </message>
    <message>
        <location filename="../../gui/demo_panel.py" line="251"/>
        <source>휴대폰 열기</source>
        <translation>Open phone</translation>
    </message>
</context>
<context>
    <name>OtpWindow</name>
    <message>
        <location filename="../../gui/devices.py" line="51"/>
        <source>OTP 발생기 (모의)</source>
        <translation>OTP token (simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="75"/>
        <source>도장은행 OTP</source>
        <translation>Dojang Bank OTP</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="99"/>
        <source>누르기</source>
        <translation>Press</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="106"/>
        <source>S/N {0}</source>
        <translation>S/N {0}</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="153"/>
        <source>{0}초 남음</source>
        <translation>{0} s left</translation>
    </message>
    <message>
        <location filename="../../gui/devices.py" line="155"/>
        <source>버튼을 누르면 OTP 번호가 표시됩니다</source>
        <translation>Press the button to show the OTP code</translation>
    </message>
</context>
<context>
    <name>PcTransferWindow</name>
    <message>
        <location filename="../../gui/phone/transfer.py" line="30"/>
        <source>휴대폰과 인증서 주고받기</source>
        <translation>Certificates between PC and phone</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="39"/>
        <source>휴대폰으로 보낼 공동인증서를 고르고 비밀번호를 입력하면 인증번호 12자리가 표시됩니다. 휴대폰의 도장은행 앱 → &apos;PC에서 가져오기&apos;에 입력하세요.</source>
        <translation>Choose the certificate to send and enter its password to get a 12-digit code. Type it on the phone in the Dojang Bank app → &apos;From PC&apos;.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="50"/>
        <location filename="../../gui/phone/transfer.py" line="80"/>
        <source>인증서 비밀번호</source>
        <translation>Certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="53"/>
        <source>인증번호 받기</source>
        <translation>Get a code</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="67"/>
        <source>휴대폰으로 보내기</source>
        <translation>Send to phone</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="71"/>
        <source>휴대폰의 도장은행 앱 → &apos;PC로 보내기&apos;에 표시된 인증번호 12자리와 인증서 비밀번호를 입력하고 저장할 곳을 고르세요.</source>
        <translation>Enter the 12-digit code shown on the phone (Dojang Bank app → &apos;To PC&apos;) and the certificate password, and choose where to save.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="85"/>
        <source>인증서 받기</source>
        <translation>Receive certificate</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="91"/>
        <source>휴대폰에서 받기</source>
        <translation>Receive from phone</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="106"/>
        <source>받을 휴대폰: {0}</source>
        <translation>To phone: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="110"/>
        <source>저장할 곳: {0}</source>
        <translation>Save to: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="120"/>
        <source>보낼 인증서와 받을 휴대폰을 고르세요.</source>
        <translation>Choose the certificate and the phone.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="123"/>
        <source>인증서 비밀번호를 입력하세요.</source>
        <translation>Enter the certificate password.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="140"/>
        <source>휴대폰({0})에서 이 번호와 인증서 비밀번호를 입력하세요.</source>
        <translation>Type this code and the certificate password on the phone ({0}).</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="151"/>
        <source>{0}분 {1:02d}초 남음</source>
        <translation>{0}:{1:02d} left</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="156"/>
        <source>휴대폰에 인증서를 보냈습니다.</source>
        <translation>The certificate was sent to the phone.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="157"/>
        <source>유효시간이 지났습니다. 다시 인증번호를 받으세요.</source>
        <translation>The code expired. Get a new code.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="158"/>
        <source>인증서 보내기가 취소되었습니다.</source>
        <translation>Sending was cancelled.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="166"/>
        <source>인증번호 12자리 숫자를 입력하세요.</source>
        <translation>Enter the 12-digit code.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="169"/>
        <source>인증서 비밀번호를 입력하고 저장할 곳을 고르세요.</source>
        <translation>Enter the certificate password and choose where to save.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/transfer.py" line="175"/>
        <source>인증서를 저장했습니다: {0}</source>
        <translation>Certificate saved: {0}</translation>
    </message>
</context>
<context>
    <name>PhoneCenter</name>
    <message>
        <location filename="../../gui/phone/certcenter.py" line="71"/>
        <source>인증서는 이 휴대폰에 저장됩니다. 인증서 암호를 정하세요. 키 쌍은 이 휴대폰에서 만들어지며 개인키는 암호로 잠겨 저장됩니다.</source>
        <translation>The certificate is saved on this phone. Choose its password. The key pair is made on this phone and the private key is stored locked with the password.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/certcenter.py" line="93"/>
        <source>저장 위치: 이 휴대폰 ({0})</source>
        <translation>Saved to: this phone ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/phone/certcenter.py" line="96"/>
        <source>저장 위치: 이 휴대폰, 기존 인증서 자리
{0}</source>
        <translation>Saved to: this phone, in place of the old certificate
{0}</translation>
    </message>
    <message>
        <location filename="../../gui/phone/certcenter.py" line="164"/>
        <source>이 휴대폰은 본인인증 중인 고객의 휴대폰이 아닙니다. 모바일 OTP는 본인 휴대폰의 앱에서만 씁니다.</source>
        <translation>This is not the phone of the customer being verified. A mobile OTP is used only in the app on the customer&apos;s own phone.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/certcenter.py" line="213"/>
        <source>은행에 등록된 이 휴대폰으로 받은 문자의 인증번호로 본인인증을 합니다. ARS 전화인증은 지금 쓰고 있는 이 휴대폰으로 걸려 오므로 앱에서는 쓸 수 없습니다.</source>
        <translation>Verify with the code texted to this phone, the one registered at the bank. The ARS call is not offered in the app: it would ring this very phone.</translation>
    </message>
</context>
<context>
    <name>PhoneWindow</name>
    <message>
        <location filename="../../gui/phone/window.py" line="571"/>
        <source>M월 d일 dddd</source>
        <comment>QLocale date format of the lock screen</comment>
        <translation>ddd d MMM</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="53"/>
        <source>휴대폰 (모의) — {0}</source>
        <translation>Phone (simulated) — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="170"/>
        <source>◀ 뒤로</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="171"/>
        <source>● 홈</source>
        <translation>● Home</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="194"/>
        <source>새 알림이 없습니다</source>
        <translation>No new notifications</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="198"/>
        <source>밀어서 잠금 해제  ›</source>
        <translation>Slide to unlock  ›</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="211"/>
        <location filename="../../gui/phone/window.py" line="233"/>
        <source>메시지</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="212"/>
        <source>도장은행</source>
        <translation>Dojang Bank</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="225"/>
        <source>모의 휴대폰입니다. 은행의 전화와 문자가 이곳으로 옵니다.</source>
        <translation>A simulated phone: the bank’s calls and text messages arrive here.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="234"/>
        <source>보낸 사람 {0} (도장은행)</source>
        <translation>From {0} (Dojang Bank)</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="245"/>
        <source>받은 메시지가 없습니다.</source>
        <translation>No messages.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="248"/>
        <source>최근 인증번호 복사</source>
        <translation>Copy the latest code</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="256"/>
        <source>수신 전화</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="259"/>
        <source>도장은행 ARS</source>
        <translation>Dojang Bank ARS</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="272"/>
        <source>거절</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="273"/>
        <source>받기</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="288"/>
        <source>도장은행 ARS · 통화 중</source>
        <translation>Dojang Bank ARS · in call</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="94"/>
        <location filename="../../gui/phone/window.py" line="290"/>
        <location filename="../../gui/phone/window.py" line="677"/>
        <source>PC 화면에 표시된 2자리 숫자를 누르세요.</source>
        <translation>Key the 2 digits shown on the PC screen.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/common.py" line="68"/>
        <source>도장은행 ARS 본인인증입니다. 화면에 표시된 2자리 숫자를 눌러 주세요.</source>
        <translation>This is the Dojang Bank ARS identity check. Please key in the 2 digits shown on your screen.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/common.py" line="88"/>
        <source>처리하지 못했습니다. 다시 시도하세요.</source>
        <translation>That did not work. Please try again.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/common.py" line="151"/>
        <source>처리 중…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="311"/>
        <source>종료</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="323"/>
        <source>도장은행 · 인증센터</source>
        <translation>Dojang Bank · Certificates</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="357"/>
        <source>내 인증서</source>
        <translation>My certificates</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="365"/>
        <source>PC에서 &apos;휴대폰으로 보내기&apos;를 누르면 표시되는 인증번호 12자리와 인증서 비밀번호를 입력하세요.</source>
        <translation>Enter the 12-digit code the PC shows under &apos;Send to phone&apos;, and the certificate password.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="370"/>
        <source>0000-0000-0000</source>
        <translation>0000-0000-0000</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="377"/>
        <location filename="../../gui/phone/window.py" line="406"/>
        <source>인증서 비밀번호</source>
        <translation>Certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="380"/>
        <source>인증서 가져오기</source>
        <translation>Import certificate</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="389"/>
        <source>PC에서 가져오기</source>
        <translation>From PC</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="397"/>
        <source>PC로 보낼 인증서를 고르고 비밀번호를 입력하면 인증번호가 표시됩니다. PC의 &apos;휴대폰에서 받기&apos;에 입력하세요.</source>
        <translation>Choose the certificate to send and enter its password to get a code. Type it into &apos;Receive from phone&apos; on the PC.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="409"/>
        <source>인증번호 받기</source>
        <translation>Get a code</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="426"/>
        <source>PC로 보내기</source>
        <translation>To PC</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="653"/>
        <source>남은 시간 {0}초</source>
        <translation>{0} s left</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="658"/>
        <source>인증이 완료되었습니다. 통화를 종료합니다.</source>
        <translation>Verified. Ending the call.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="659"/>
        <source>입력 횟수를 초과했습니다. PC에서 다시 시도하세요.</source>
        <translation>Too many attempts. Try again from the PC.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="660"/>
        <source>응답 시간이 지났습니다. PC에서 다시 요청하세요.</source>
        <translation>The time limit passed. Request a new call on the PC.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="661"/>
        <source>통화를 거절했습니다.</source>
        <translation>Call declined.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="661"/>
        <source>통화가 끝났습니다.</source>
        <translation>Call ended.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="525"/>
        <location filename="../../gui/phone/window.py" line="745"/>
        <source>메시지 · {0}</source>
        <translation>Message · {0}</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="329"/>
        <source>인증서 발급</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="330"/>
        <source>재발급</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="331"/>
        <source>갱신</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="332"/>
        <source>타기관 인증서 등록</source>
        <translation>Register another</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="354"/>
        <source>이 휴대폰에 저장된 공동인증서가 없습니다. &apos;PC에서 가져오기&apos;로 옮겨 오거나 &apos;인증서 발급&apos;으로 새로 발급받으세요.</source>
        <translation>No joint certificate is stored on this phone. Bring one over with &apos;From PC&apos;, or get a new one with &apos;Issue&apos;.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="447"/>
        <source>모바일 OTP</source>
        <translation>Mobile OTP</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="631"/>
        <source>이 휴대폰에는 모바일 OTP가 없습니다. 은행 창구에서 이 휴대폰으로 발급받으면 여기에 번호가 표시됩니다.</source>
        <translation>This phone has no mobile OTP. Once the bank&apos;s teller issues one to this phone, its codes show here.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="636"/>
        <source>본인인증에서 모바일 OTP를 고르고 아래 6자리 번호를 입력하세요. 번호는 잠시 뒤에 바뀝니다.</source>
        <translation>Choose Mobile OTP in the verification step and type the 6 digits below. The code changes shortly.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="754"/>
        <source>새 메시지 {0}</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="772"/>
        <source>만료됨</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="772"/>
        <source>{0}일 남음</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="774"/>
        <source>{0} · 만료일 {1} ({2})</source>
        <translation>{0} · expires {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="789"/>
        <source>인증번호 12자리 숫자를 입력하세요.</source>
        <translation>Enter the 12-digit code.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="792"/>
        <location filename="../../gui/phone/window.py" line="815"/>
        <source>인증서 비밀번호를 입력하세요.</source>
        <translation>Enter the certificate password.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="798"/>
        <source>인증서를 휴대폰에 저장했습니다.</source>
        <translation>The certificate was saved on the phone.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="799"/>
        <source>같은 인증서가 이미 휴대폰에 있습니다.</source>
        <translation>The same certificate is already on the phone.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="812"/>
        <source>보낼 인증서를 고르세요.</source>
        <translation>Choose a certificate to send.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="820"/>
        <source>인증서를 찾을 수 없습니다.</source>
        <translation>The certificate was not found.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="831"/>
        <source>PC의 &apos;휴대폰에서 받기&apos;에 이 번호와 인증서 비밀번호를 입력하세요.</source>
        <translation>Type this code and the certificate password into &apos;Receive from phone&apos; on the PC.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="840"/>
        <source>{0}분 {1:02d}초 남음</source>
        <translation>{0}:{1:02d} left</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="846"/>
        <source>PC로 보냈습니다.</source>
        <translation>Sent to the PC.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="847"/>
        <source>유효시간이 지났습니다. 다시 인증번호를 받으세요.</source>
        <translation>The code expired. Get a new code.</translation>
    </message>
    <message>
        <location filename="../../gui/phone/window.py" line="848"/>
        <source>인증서 보내기가 취소되었습니다.</source>
        <translation>Sending was cancelled.</translation>
    </message>
</context>
<context>
    <name>TellerPanel</name>
    <message>
        <location filename="../../gui/teller_panel.py" line="60"/>
        <source>도장은행 창구 (관리자)</source>
        <translation>Dojang Bank counter (admin)</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="64"/>
        <source>모의 은행의 창구 업무입니다. 고객을 추가하고, 잠긴 계좌를 풀고, 보안카드·OTP를 발급하고, 인증서를 폐지할 수 있습니다.</source>
        <translation>The simulated bank’s counter: add customers, unlock accounts, issue security cards and OTP devices, revoke certificates.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="96"/>
        <source>처리하지 못했습니다.</source>
        <translation>That did not work.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="105"/>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="105"/>
        <location filename="../../gui/teller_panel.py" line="239"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="105"/>
        <location filename="../../gui/teller_panel.py" line="240"/>
        <source>주민등록번호</source>
        <translation>Resident registration no.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="105"/>
        <source>휴대폰</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="105"/>
        <source>계좌</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="106"/>
        <location filename="../../gui/teller_panel.py" line="244"/>
        <source>잔액</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="106"/>
        <source>계좌 상태</source>
        <translation>Account state</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="106"/>
        <source>보안카드</source>
        <translation>Security card</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="106"/>
        <source>OTP</source>
        <translation>OTP</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="106"/>
        <location filename="../../gui/teller_panel.py" line="319"/>
        <source>인증서</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="109"/>
        <source>잠금 해제</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="110"/>
        <location filename="../../gui/teller_panel.py" line="233"/>
        <source>보안카드 발급</source>
        <translation>Issue security card</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="111"/>
        <location filename="../../gui/teller_panel.py" line="237"/>
        <source>OTP 발급</source>
        <translation>Issue OTP</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="112"/>
        <source>모바일 OTP 발급</source>
        <translation>Issue mobile OTP</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="113"/>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="121"/>
        <location filename="../../gui/teller_panel.py" line="298"/>
        <location filename="../../gui/teller_panel.py" line="340"/>
        <source>고객</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="146"/>
        <source>먼저 목록에서 고객을 고르세요.</source>
        <translation>Choose a customer in the list first.</translation>
    </message>
    <message>
        <source>계좌 비밀번호·보안카드·OTP 잠금을 풀고 오류 횟수를 초기화했습니다.</source>
        <translation type="vanished">Unlocked the account password, security card and OTP, and reset their error counts.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="158"/>
        <source>잠금을 풀고 오류 횟수를 초기화했습니다: {0}</source>
        <translation>Unlocked and reset the failure counts: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="161"/>
        <source>잠기거나 오류가 남은 항목이 없습니다 (확인한 것: {0}).</source>
        <translation>Nothing was locked or had failures (checked: {0}).</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="174"/>
        <source>새 보안카드를 발급했습니다 ({0}). 이전 카드는 더 이상 쓸 수 없습니다.</source>
        <translation>Issued a new security card ({0}). The previous card no longer works.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="187"/>
        <source>새 OTP를 발급했습니다 ({0}). 이전 OTP는 더 이상 쓸 수 없습니다.</source>
        <translation>Issued a new OTP device ({0}). The previous one no longer works.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="200"/>
        <source>모바일 OTP를 발급했습니다 ({0}). 고객 휴대폰의 은행 앱에 번호가 표시됩니다.</source>
        <translation>Mobile OTP issued ({0}). The bank app on the customer&apos;s phone shows its codes.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="220"/>
        <source>숫자 10~14자리</source>
        <translation>10 to 14 digits</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="225"/>
        <source>숫자 4자리</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="231"/>
        <source> 원</source>
        <translation> KRW</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="241"/>
        <source>휴대폰 번호</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="242"/>
        <source>계좌번호</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="243"/>
        <source>계좌 비밀번호</source>
        <translation>Account password</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="249"/>
        <source>기기</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="256"/>
        <location filename="../../gui/teller_panel.py" line="260"/>
        <source>고객 추가</source>
        <translation>Add customer</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="286"/>
        <source>고객을 추가했습니다: {0} (고객 번호 {1})</source>
        <translation>Added customer {0} (customer no. {1}).</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="298"/>
        <source>일련번호</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="298"/>
        <source>구분</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="298"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="298"/>
        <source>발급 방식</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="299"/>
        <source>만료일</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="299"/>
        <source>인증서 이름</source>
        <translation>Certificate name</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="302"/>
        <source>폐지 사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="305"/>
        <source>고객 요청</source>
        <translation>Customer request</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="305"/>
        <source>개인키 유출 의심</source>
        <translation>Key compromise suspected</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="306"/>
        <source>정보 변경</source>
        <translation>Details changed</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="307"/>
        <source>사용 중지</source>
        <translation>No longer used</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="313"/>
        <source>선택한 인증서 폐지</source>
        <translation>Revoke selected certificate</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="324"/>
        <source>먼저 폐지할 인증서를 고르세요.</source>
        <translation>Choose the certificate to revoke first.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="331"/>
        <source>인증서를 폐지했습니다. 인증서 폐지목록(CRL)에 올라갑니다.</source>
        <translation>The certificate was revoked; it is listed in the CRL.</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="340"/>
        <source>시각</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="340"/>
        <source>작업</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="341"/>
        <source>결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="341"/>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="343"/>
        <source>감사 기록</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="357"/>
        <source>{0:,}원</source>
        <translation>KRW {0:,}</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="358"/>
        <location filename="../../gui/teller_panel.py" line="360"/>
        <location filename="../../gui/teller_panel.py" line="361"/>
        <location filename="../../gui/teller_panel.py" line="365"/>
        <source>잠김</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="359"/>
        <source>정상 (오류 {0}회)</source>
        <translation>OK ({0} errors)</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="360"/>
        <location filename="../../gui/teller_panel.py" line="361"/>
        <source>있음</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../gui/teller_panel.py" line="362"/>
        <source>{0}개 사용 중</source>
        <translation>{0} active</translation>
    </message>
</context>
</TS>
