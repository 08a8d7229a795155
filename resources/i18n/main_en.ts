<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CertTableModel</name>
    <message>
        <location filename="../../gui/models.py" line="400"/>
        <source>이전 인증서</source>
        <translation>Old certificate</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="402"/>
        <source>사본 {0}개</source>
        <translation>copies: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="501"/>
        <source>이 인증서는 갱신·재발급되어 더 이상 쓸 수 없습니다. &apos;모두 새 인증서로 바꾸기&apos;로 새 인증서로 바꾸세요.</source>
        <translation>This certificate was renewed or reissued and no longer works. Replace it with &quot;Replace all with the new certificate&quot;.</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="504"/>
        <source>같은 인증서가 {0}곳에 있습니다: {1}</source>
        <translation>The same certificate is in these places ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="408"/>
        <source>손상됨</source>
        <translation>Broken</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="391"/>
        <source>폐지됨</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="391"/>
        <source>발급 취소됨</source>
        <translation>Issuance cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="392"/>
        <source>발급 미완료</source>
        <translation>Issuance not finished</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="410"/>
        <source>만료됨</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="412"/>
        <source>만료 D-{0}</source>
        <translation>Expires D-{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="413"/>
        <source>정상</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="425"/>
        <source>구분</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="425"/>
        <source>사용자</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="425"/>
        <source>만료일 (KST)</source>
        <translation>Expires (KST)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="425"/>
        <source>발급기관</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="425"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="426"/>
        <source>저장매체</source>
        <translation>Storage</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="476"/>
        <source> (테스트)</source>
        <translation> (test)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="493"/>
        <source>손상된 인증서: {0}</source>
        <translation>Broken certificate: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="510"/>
        <source>{0}에 만료되었습니다. 은행에서 재발급받으세요.</source>
        <translation>Expired on {0}. Get it reissued at your bank.</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="512"/>
        <source>{0}일 남았습니다. 만료 전에 갱신하세요.</source>
        <translation>{0} days left. Renew it before it expires.</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="513"/>
        <source>{0}일 남았습니다.</source>
        <translation>{0} days left.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="216"/>
        <source>인증서 암호 변경</source>
        <translation>Change certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="218"/>
        <source>인증서: {0}
현재 암호를 확인한 뒤 새 암호로 바꿉니다. 잊어버린 암호는 찾을 수 없으니 새 암호를 잘 기억하세요.</source>
        <translation>Certificate: {0}
The current password is checked, then replaced by the new one. A forgotten password cannot be recovered, so remember the new one well.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="222"/>
        <source>현재 암호(&amp;C)</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="228"/>
        <source>새 암호(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
</context>
<context>
    <name>CloudDetailsDialog</name>
    <message>
        <location filename="../../gui/cloud_panel.py" line="579"/>
        <source>금융인증서 보기</source>
        <translation>Finance certificate</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="583"/>
        <source>이 PC</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="588"/>
        <source>소유자</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="588"/>
        <source>주체</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="589"/>
        <source>발급자</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="590"/>
        <source>용도</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="590"/>
        <source>금융 거래 전용 (금융인증서)</source>
        <translation>Finance only (finance certificate)</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="591"/>
        <source>유효기간</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="592"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="592"/>
        <source>일련번호</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="593"/>
        <source>키</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="594"/>
        <source>보관 위치</source>
        <translation>Kept in</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="594"/>
        <source>금융결제원 클라우드 (모의) — 이 PC에 파일 없음</source>
        <translation>KFTC cloud (simulated) — no file on this PC</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="595"/>
        <source>이용 기기</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="596"/>
        <source>지문 (SHA-256)</source>
        <translation>Fingerprint (SHA-256)</translation>
    </message>
</context>
<context>
    <name>CloudPanel</name>
    <message>
        <location filename="../../gui/cloud_panel.py" line="249"/>
        <source>금융인증서 — 클라우드 (금융결제원, 모의)</source>
        <translation>Finance certificates — cloud (KFTC, simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="250"/>
        <source>금융인증서는 금융결제원 클라우드에 보관되어 이 PC에는 인증서 파일이 없습니다. 그래서 복사·이동·내보내기를 할 수 없습니다 — 다른 PC나 휴대폰에서 쓰려면 그 기기를 이용 기기로 연결하세요. 쓸 때마다 숫자 6자리 PIN을 입력합니다.</source>
        <translation>A finance certificate is kept in the KFTC cloud; there is no certificate file on this PC, so it cannot be copied, moved or exported — to use it on another PC or phone, connect that device. Each use asks for the 6-digit PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="253"/>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="253"/>
        <source>휴대폰</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="253"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="253"/>
        <source>유효기간</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="254"/>
        <location filename="../../gui/cloud_panel.py" line="380"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="254"/>
        <source>자동갱신</source>
        <translation>Auto-renewal</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="255"/>
        <source>보기</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="255"/>
        <location filename="../../gui/cloud_panel.py" line="427"/>
        <source>인증서로 로그인</source>
        <translation>Log in with certificate</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="256"/>
        <location filename="../../gui/cloud_panel.py" line="438"/>
        <source>PIN 변경</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="256"/>
        <source>PIN 재설정</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="257"/>
        <source>갱신</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="257"/>
        <location filename="../../gui/cloud_panel.py" line="471"/>
        <source>자동갱신 설정</source>
        <translation>Auto-renewal…</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="258"/>
        <source>폐기</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="258"/>
        <location filename="../../gui/cloud_panel.py" line="494"/>
        <source>기기 연결 해제</source>
        <translation>Disconnect device</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="259"/>
        <source>기기 연결…</source>
        <translation>Connect device…</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="259"/>
        <source>금융인증서 발급…</source>
        <translation>Issue finance certificate…</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="299"/>
        <source>금융인증서 목록을 읽지 못했습니다: {0}</source>
        <translation>Could not read the finance certificates: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="311"/>
        <source>금융인증서 없음</source>
        <translation>No finance certificate</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/cloud_panel.py" line="317"/>
        <source>%n일 남음</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="318"/>
        <source>잠김 — PIN 재설정 필요</source>
        <translation>Locked — reset the PIN</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="319"/>
        <source>정상</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/cloud_panel.py" line="319"/>
        <source>%n번 틀림</source>
        <translation>
            <numerusform>%n wrong try</numerusform>
            <numerusform>%n wrong tries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="321"/>
        <source>동의</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="321"/>
        <source>안 함</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="333"/>
        <source>이 PC에 연결된 금융인증서가 없습니다. [금융인증서 발급…]으로 새로 발급하거나, 이미 발급받았다면 [기기 연결…]로 이 PC를 연결하세요.</source>
        <translation>No finance certificate is connected to this PC. Issue one with [Issue finance certificate…], or if you already have one, connect this PC with [Connect device…].</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="365"/>
        <source>금융인증서는 만료 {0}일 전부터 갱신할 수 있습니다.</source>
        <translation>A finance certificate can be renewed from {0} days before it expires.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="375"/>
        <source>금융인증서를 하나 고르세요.</source>
        <translation>Choose one finance certificate.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="428"/>
        <source>{0}님의 금융인증서로 모의 은행에 로그인합니다. PIN을 입력하세요.</source>
        <translation>Logging in to the simulated bank with {0}&apos;s finance certificate. Enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="431"/>
        <source>로그인했습니다: {0} 님 (모의 은행)</source>
        <translation>Logged in: {0} (simulated bank)</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="438"/>
        <source>현재 PIN을 확인한 뒤 새 PIN으로 바꿉니다. 같은 숫자 반복, 연속된 숫자, 생년월일은 쓸 수 없습니다.</source>
        <translation>The current PIN is checked, then replaced by the new one. Repeated digits, runs and the date of birth are not allowed.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="440"/>
        <source>현재 PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="440"/>
        <source>새 PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="440"/>
        <source>새 PIN 확인</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="451"/>
        <source>PIN을 바꿨습니다.</source>
        <translation>The PIN was changed.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="457"/>
        <source>금융인증서 갱신</source>
        <translation>Renew finance certificate</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="458"/>
        <source>새 금융인증서(유효기간 3년)를 클라우드에 만들고 지금 인증서는 이전 인증서가 됩니다. PIN은 그대로입니다. PIN을 입력하세요.</source>
        <translation>A new finance certificate (valid 3 years) is made in the cloud and the current one becomes the old certificate. The PIN stays the same. Enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="461"/>
        <source>금융인증서를 갱신했습니다. 새 유효기간: ~ {0}</source>
        <translation>Finance certificate renewed. Now valid to {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="469"/>
        <source>자동갱신에 동의하면 만료 30일 전부터 금융인증서를 쓸 때 새 인증서로 저절로 갱신됩니다. PIN을 입력하세요.</source>
        <translation>With auto-renewal, using the finance certificate in its last 30 days renews it by itself. Enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="470"/>
        <source>자동갱신을 해제합니다. PIN을 입력하세요.</source>
        <translation>Turning auto-renewal off. Enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="473"/>
        <source>자동갱신에 동의했습니다.</source>
        <translation>Auto-renewal is on.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="473"/>
        <source>자동갱신을 해제했습니다.</source>
        <translation>Auto-renewal is off.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="481"/>
        <location filename="../../gui/cloud_panel.py" line="485"/>
        <source>금융인증서 폐기</source>
        <translation>Revoke finance certificate</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="482"/>
        <source>{0}님의 금융인증서를 폐기할까요? 폐기한 인증서는 다시 쓸 수 없고, 클라우드의 키도 지워집니다. 필요하면 새로 발급받아야 합니다.</source>
        <translation>Revoke {0}&apos;s finance certificate? A revoked certificate cannot be used again and its key is deleted from the cloud; you would need a new one.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="485"/>
        <source>폐기하려면 PIN을 입력하세요.</source>
        <translation>Enter the PIN to revoke.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="487"/>
        <source>금융인증서를 폐기했습니다.</source>
        <translation>The finance certificate was revoked.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="492"/>
        <source>고객을 하나 고르세요.</source>
        <translation>Choose one customer.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="495"/>
        <source>이 PC와 {0}님의 금융인증서 클라우드 연결을 끊을까요? 인증서는 클라우드에 그대로 있고, 다시 쓰려면 휴대폰 인증으로 다시 연결해야 합니다.</source>
        <translation>Disconnect this PC from {0}&apos;s finance certificate cloud? The certificate stays in the cloud; to use it here again, connect again with a phone code.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="500"/>
        <source>이 PC의 연결을 해제했습니다.</source>
        <translation>This PC was disconnected.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="520"/>
        <source>성명과 휴대폰 번호를 모두 입력하세요.</source>
        <translation>Enter both the name and the phone number.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="525"/>
        <source>이 PC</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="528"/>
        <source>휴대폰 {0}(으)로 인증번호를 보냈습니다.</source>
        <translation>A code was sent to the phone {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="538"/>
        <source>인증번호 입력</source>
        <translation>Enter code</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="539"/>
        <source>휴대폰 {0}(으)로 받은 인증번호 6자리를 입력하세요.</source>
        <translation>Enter the 6-digit code sent to the phone {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="540"/>
        <source>인증번호</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="556"/>
        <source>이 PC를 금융인증서 이용 기기로 연결했습니다.</source>
        <translation>This PC is now connected to the finance certificate cloud.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="279"/>
        <source>같은 이름의 인증서가 있습니다</source>
        <translation>A certificate with the same name exists</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="283"/>
        <source>저장하려는 위치에 이름이 같은 다른 인증서가 이미 있습니다.

가져오는 인증서: {0} (만료일 {1})
이미 있는 것: {2}
위치: {3}</source>
        <translation>Another certificate with the same name is already at the destination.

Incoming: {0} (expires {1})
Already there: {2}
Location: {3}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="286"/>
        <source>(읽을 수 없는 폴더)</source>
        <translation>(unreadable folder)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="292"/>
        <source>바꾸기(&amp;R)</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="293"/>
        <source>둘 다 보관(&amp;K)</source>
        <translation>&amp;Keep both</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="294"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../gui/cloud_panel.py" line="128"/>
        <source>이 PC를 금융인증서 이용 기기로 연결</source>
        <translation>Connect this PC to the finance certificate cloud</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="130"/>
        <source>금융인증서를 발급받은 고객의 성명과 은행에 등록한 휴대폰 번호를 입력하세요. 그 휴대폰으로 인증번호를 보냅니다.</source>
        <translation>Enter the name of the finance certificate&apos;s holder and the phone number registered at the bank. A code is sent to that phone.</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="140"/>
        <source>성명</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/cloud_panel.py" line="141"/>
        <source>휴대폰 번호</source>
        <translation>Phone number</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message numerus="yes">
        <location filename="../../gui/details_dialog.py" line="75"/>
        <source>signCert.der 파일 끝에 인증서 데이터 외의 %n바이트가 더 있습니다 (무시하며, 손상이 아닙니다).</source>
        <translation>
            <numerusform>signCert.der has %n extra byte after its data (ignored; this is not damage).</numerusform>
            <numerusform>signCert.der has %n extra bytes after its data (ignored; this is not damage).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/details_dialog.py" line="82"/>
        <source>signPri.key 파일 끝에 키 데이터 외의 %n바이트가 더 있습니다 (무시하며, 손상이 아닙니다).</source>
        <translation>
            <numerusform>signPri.key has %n extra byte after its data (ignored; this is not damage).</numerusform>
            <numerusform>signPri.key has %n extra bytes after its data (ignored; this is not damage).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="92"/>
        <source>인증서 보기 — {0}</source>
        <translation>Certificate — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="105"/>
        <source>정상 ({0}일 남음)</source>
        <translation>Valid ({0} days left)</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="106"/>
        <source>만료 D-{0} — 갱신할 수 있습니다</source>
        <translation>Expires D-{0} — can be renewed</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="107"/>
        <source>만료됨 — 재발급이 필요합니다</source>
        <translation>Expired — needs reissuing</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="108"/>
        <source> (테스트 인증서 — 실제 은행에서 쓸 수 없음)</source>
        <translation> (test certificate — not usable at real banks)</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="111"/>
        <source>사용자</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="112"/>
        <source>구분</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="113"/>
        <source>발급기관</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="114"/>
        <source>유효기간</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="115"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="116"/>
        <source>저장매체</source>
        <translation>Storage</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="117"/>
        <source>위치</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="121"/>
        <source>참고</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="137"/>
        <source>일반(&amp;G)</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="142"/>
        <source>필드</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="142"/>
        <source>값</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="147"/>
        <source>버전</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="148"/>
        <source>일련번호</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="149"/>
        <source>서명 알고리즘</source>
        <translation>Signature algorithm</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="150"/>
        <source>발급자</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="151"/>
        <source>유효기간 시작</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="152"/>
        <source>유효기간 끝</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="153"/>
        <source>주체</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="154"/>
        <source>공개키</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="155"/>
        <source>용도 (정책 OID)</source>
        <translation>Usage (policy OID)</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="156"/>
        <source>본인확인 정보 (VID)</source>
        <translation>Identity check data (VID)</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="156"/>
        <source>있음</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="156"/>
        <source>없음</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="157"/>
        <source>지문 (SHA-256)</source>
        <translation>Fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="158"/>
        <source>파일</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="164"/>
        <source>확장 필드</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="168"/>
        <source> (중요)</source>
        <translation> (critical)</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="180"/>
        <source>자세히(&amp;D)</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="185"/>
        <source>이 인증서가 어떤 주민등록번호의 것인지 확인합니다. 인증서 안의 본인확인 정보(VID)와 개인키의 난수로 계산하므로 인증서 암호가 필요합니다. 입력한 값은 저장하지 않습니다.</source>
        <translation>Checks whether this certificate belongs to a resident registration number. It is computed from the identity data (VID) in the certificate and the random number in the private key, so the certificate password is needed. Nothing you type is stored.</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="196"/>
        <source>주민등록번호(&amp;R)</source>
        <translation>&amp;Resident registration no.</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="201"/>
        <source>인증서 암호(&amp;P)</source>
        <translation>Certificate &amp;password</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="206"/>
        <source>확인(&amp;V)</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="218"/>
        <source>이 인증서에는 본인확인 정보(VID)가 없어 확인할 수 없습니다.</source>
        <translation>This certificate has no identity data (VID), so it cannot be checked.</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="220"/>
        <source>본인확인(&amp;I)</source>
        <translation>&amp;Identity check</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="231"/>
        <source>키 사용</source>
        <translation>Key usage</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="232"/>
        <source>인증서 정책</source>
        <translation>Certificate policies</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="233"/>
        <source>주체 대체 이름</source>
        <translation>Subject alternative name</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="234"/>
        <source>주체 키 식별자</source>
        <translation>Subject key identifier</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="235"/>
        <source>기관 키 식별자</source>
        <translation>Authority key identifier</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="236"/>
        <source>CRL 배포 지점</source>
        <translation>CRL distribution points</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="237"/>
        <source>기본 제한</source>
        <translation>Basic constraints</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="238"/>
        <source>기관 정보 액세스</source>
        <translation>Authority information access</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="241"/>
        <source>디지털 서명</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="242"/>
        <source>부인 방지</source>
        <translation>Non-repudiation</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="243"/>
        <source>키 암호화</source>
        <translation>Key encipherment</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="244"/>
        <source>데이터 암호화</source>
        <translation>Data encipherment</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="245"/>
        <source>키 합의</source>
        <translation>Key agreement</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="246"/>
        <source>인증서 서명</source>
        <translation>Certificate signing</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="247"/>
        <source>CRL 서명</source>
        <translation>CRL signing</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="258"/>
        <source>확인하는 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="265"/>
        <source>이 인증서는 입력한 주민등록번호({0})의 것이 맞습니다.</source>
        <translation>This certificate belongs to the number entered ({0}).</translation>
    </message>
    <message>
        <location filename="../../gui/details_dialog.py" line="267"/>
        <source>이 인증서는 입력한 주민등록번호({0})의 것이 아닙니다.</source>
        <translation>This certificate does not belong to the number entered ({0}).</translation>
    </message>
</context>
<context>
    <name>ExportPfxDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="385"/>
        <source>PFX 파일로 내보내기</source>
        <translation>Export to a PFX file</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="387"/>
        <source>인증서와 개인키를 PFX(PKCS#12) 파일 하나로 저장합니다. 파일은 인증서 암호로 보호됩니다. 어디에 쓸지에 맞는 형식을 고르세요.</source>
        <translation>Saves the certificate and its private key in one PFX (PKCS#12) file, protected by the certificate password. Choose the format that suits where you will use it.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="392"/>
        <source>최신 형식 (AES-256) — 권장(&amp;M)</source>
        <translation>&amp;Modern format (AES-256) — recommended</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="394"/>
        <source>Windows 10 이후, macOS, 최근 브라우저와 프로그램에서 읽습니다. 더 안전합니다.</source>
        <translation>Read by Windows 10 and later, macOS, and recent browsers and programs. Safer.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="395"/>
        <source>호환 형식 (SHA-1 / 3DES)(&amp;L)</source>
        <translation>&amp;Legacy format (SHA-1 / 3DES)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="397"/>
        <source>오래된 프로그램(예: Windows 7, 예전 뱅킹 프로그램)이 최신 형식을 읽지 못할 때만 고르세요.</source>
        <translation>Choose only when an old program (e.g. Windows 7, older banking software) cannot read the modern format.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/app.py" line="80"/>
        <source>인증서 목록을 불러오는 중…</source>
        <translation>Loading the certificate list…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="523"/>
        <location filename="../../gui/main_window.py" line="984"/>
        <source>모두 새 인증서로 바꾸기</source>
        <translation>Replace all with the new certificate</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="865"/>
        <source>인증서 {0}개 표시 (전체 %n개)</source>
        <translation>
            <numerusform>Showing {0} of %n certificate</numerusform>
            <numerusform>Showing {0} of %n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="896"/>
        <source>인증서 %n개가 30일 이내에 만료되고, {0}개는 이미 만료되었습니다 (가장 빠른 만료: {1}).</source>
        <translation>
            <numerusform>%n certificate expires within 30 days and {0} already expired (earliest: {1}).</numerusform>
            <numerusform>%n certificates expire within 30 days and {0} already expired (earliest: {1}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="899"/>
        <source>인증서 %n개가 30일 이내에 만료됩니다 (가장 빠른 만료: {0}).</source>
        <translation>
            <numerusform>%n certificate expires within 30 days (earliest: {0}).</numerusform>
            <numerusform>%n certificates expire within 30 days (earliest: {0}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="962"/>
        <source>이전 인증서 {0}개가 남아 있습니다 ({1}). 갱신·재발급 전의 인증서라 은행에서 쓸 수 없습니다.</source>
        <translation>Old certificates left: {0} ({1}). They are from before a renewal or reissue; the bank no longer accepts them.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="985"/>
        <source>{0}님의 새 인증서 암호를 입력하세요. 이전 인증서 {1}개를 새 인증서로 바꿉니다.</source>
        <translation>Enter the password of {0}&apos;s new certificate. Old copies to replace: {1}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="989"/>
        <source>확인하는 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1003"/>
        <source>암호가 다른 사본</source>
        <translation>Copies with another password</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1004"/>
        <source>아래 이전 인증서는 암호가 다릅니다. 새 인증서로 바꾸면 그곳에서도 새 인증서의 암호를 써야 합니다. 함께 바꿀까요?

{0}</source>
        <translation>These old copies have another password. Once replaced, they open with the new certificate&apos;s password. Replace them too?

{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1018"/>
        <source>바꾼 사본이 없습니다: 남은 이전 인증서는 모두 암호가 달라 그대로 두었습니다.</source>
        <translation>Nothing was replaced: every old copy left has another password and was left alone.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1022"/>
        <source>새 인증서로 바꾸는 중…</source>
        <translation>Replacing with the new certificate…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1026"/>
        <source>이전 인증서 {0}개를 새 인증서로 바꿨습니다.</source>
        <translation>Old copies replaced with the new certificate: {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1027"/>
        <source>암호가 다른 {0}개는 그대로 두었습니다.</source>
        <translation>Left alone (another password): {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="680"/>
        <source>저장매체가 분리되었습니다: {0}. 거기서 고른 인증서는 목록에서 빠졌고, 다시 연결하면 다시 나타납니다.</source>
        <translation>Storage removed: {0}. The certificates you had selected there left the list; they come back when you reconnect it.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="467"/>
        <location filename="../../gui/app.py" line="79"/>
        <source>도장 — 공동인증서 관리</source>
        <translation>Dojang — certificate manager</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="469"/>
        <source>인증서 보기(&amp;V)</source>
        <translation>&amp;View certificate</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="469"/>
        <source>보기</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="470"/>
        <source>암호 확인(&amp;K)…</source>
        <translation>Chec&amp;k password…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="470"/>
        <location filename="../../gui/main_window.py" line="1154"/>
        <source>암호 확인</source>
        <translation>Check password</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="471"/>
        <source>암호 변경(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="471"/>
        <source>암호 변경</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="472"/>
        <source>복사(&amp;C)…</source>
        <translation>&amp;Copy…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="472"/>
        <location filename="../../gui/main_window.py" line="1292"/>
        <source>복사</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="473"/>
        <source>이동(&amp;M)…</source>
        <translation>&amp;Move…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="473"/>
        <source>이동</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="474"/>
        <source>삭제(&amp;D)…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="474"/>
        <source>삭제</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="475"/>
        <source>PFX 내보내기(&amp;E)…</source>
        <translation>&amp;Export PFX…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="475"/>
        <source>내보내기</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="476"/>
        <source>PFX 파일 가져오기(&amp;I)…</source>
        <translation>&amp;Import PFX file…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="477"/>
        <source>인증서 폴더 가져오기(&amp;O)…</source>
        <translation>Import certificate f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="478"/>
        <source>폴더 추가(&amp;A)…</source>
        <translation>&amp;Add folder…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="478"/>
        <source>폴더 추가</source>
        <translation>Add folder</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="479"/>
        <source>목록에서 폴더 빼기</source>
        <translation>Remove folder from list</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="480"/>
        <source>새로 고침(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="480"/>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="481"/>
        <source>설정(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="482"/>
        <source>끝내기(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="483"/>
        <source>검색</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="484"/>
        <source>발급(&amp;N)…</source>
        <translation>&amp;Issue…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="484"/>
        <source>발급</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="485"/>
        <location filename="../../gui/main_window.py" line="903"/>
        <source>재발급(&amp;R)…</source>
        <translation>&amp;Reissue…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="485"/>
        <source>재발급</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="486"/>
        <location filename="../../gui/main_window.py" line="903"/>
        <source>갱신(&amp;U)…</source>
        <translation>Ren&amp;ew…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="486"/>
        <source>갱신</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="487"/>
        <source>타기관 인증서 등록(&amp;G)…</source>
        <translation>Re&amp;gister other CA&apos;s certificate…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="487"/>
        <source>타기관 등록</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="488"/>
        <source>폐기(&amp;V)…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="488"/>
        <source>폐기</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="489"/>
        <source>은행 창구 (Teller)(&amp;T)…</source>
        <translation>Bank &amp;teller…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="490"/>
        <source>휴대폰 (모의) 열기(&amp;P)…</source>
        <translation>Open mock &amp;phone…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="491"/>
        <source>휴대폰과 인증서 주고받기(&amp;X)…</source>
        <translation>E&amp;xchange certificates with a phone…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="492"/>
        <source>데모 고객 안내(&amp;D)…</source>
        <translation>&amp;Demo customers…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="493"/>
        <source>도장 정보(&amp;A)</source>
        <translation>&amp;About Dojang</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="494"/>
        <source>인증서로 로그인(&amp;L)…</source>
        <translation>&amp;Log in with a certificate…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="495"/>
        <source>시작 안내(&amp;W)</source>
        <translation>&amp;Welcome page</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="504"/>
        <location filename="../../gui/main_window.py" line="506"/>
        <source>가져오기</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="505"/>
        <source>PFX 파일이나 인증서 폴더를 가져옵니다</source>
        <translation>Import a PFX file or a certificate folder</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="507"/>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="508"/>
        <source>인증서(&amp;C)</source>
        <translation>&amp;Certificate</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="509"/>
        <source>은행 업무(&amp;B)</source>
        <translation>&amp;Bank</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="510"/>
        <source>도구(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="511"/>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="512"/>
        <source>도구 모음</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="513"/>
        <source>저장매체(&amp;S)</source>
        <translation>&amp;Storages</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="514"/>
        <source>저장매체 목록</source>
        <translation>Storage list</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="515"/>
        <source>검색(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="516"/>
        <source>이름, 발급기관, 용도로 찾기</source>
        <translation>Search by name, issuer or usage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="517"/>
        <source>인증서 검색</source>
        <translation>Search certificates</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="518"/>
        <source>만료된 인증서 표시(&amp;E)</source>
        <translation>Show &amp;expired</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="519"/>
        <source>인증서 목록(&amp;L) — 다른 저장매체로 끌어다 놓으면 복사, Shift를 누른 채 놓으면 이동</source>
        <translation>Certificate &amp;list — drag onto another storage to copy, hold Shift to move</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="520"/>
        <source>인증서 목록</source>
        <translation>Certificate list</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="521"/>
        <source>이 알림 닫기</source>
        <translation>Dismiss this notice</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="522"/>
        <source>만료 알림 닫기</source>
        <translation>Dismiss expiry notice</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="1262"/>
        <source>옮길 인증서 %n개: {0}</source>
        <translation>
            <numerusform>%n certificate to move: {0}</numerusform>
            <numerusform>%n certificates to move: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="1263"/>
        <source>복사할 인증서 %n개: {0}</source>
        <translation>
            <numerusform>%n certificate to copy: {0}</numerusform>
            <numerusform>%n certificates to copy: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="1325"/>
        <source>삭제하려는 인증서 중 %n개는 다른 저장매체에 사본이 없는 마지막 인증서입니다 ({0}).

삭제하면 되살릴 수 없고, 이 인증서를 쓰려면 은행에서 다시 발급받아야 합니다. 정말 삭제할까요?</source>
        <translation>
            <numerusform>%n of the certificates to delete has no copy on any other storage ({0}).

Deleting cannot be undone; to use it again you must get it reissued at your bank. Really delete?</numerusform>
            <numerusform>%n of the certificates to delete have no copy on any other storage ({0}).

Deleting cannot be undone; to use them again you must get them reissued at your bank. Really delete?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="1332"/>
        <source>인증서 %n개를 삭제합니다 ({0}).
삭제한 인증서는 되살릴 수 없습니다. 삭제할까요?</source>
        <translation>
            <numerusform>Delete %n certificate ({0}).
A deleted certificate cannot be restored. Delete?</numerusform>
            <numerusform>Delete %n certificates ({0}).
Deleted certificates cannot be restored. Delete?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="867"/>
        <source> · 찾는 중…</source>
        <translation> · scanning…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="861"/>
        <source>확인 중…</source>
        <translation>Checking…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="861"/>
        <source>금융인증서 %n개</source>
        <translation>
            <numerusform>%n finance certificate</numerusform>
            <numerusform>%n finance certificates</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="901"/>
        <source>만료된 인증서가 {0}개 있습니다. 은행에서 재발급받을 수 있습니다.</source>
        <translation>Expired certificates: {0}. Your bank can reissue them.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1076"/>
        <source>암호를 잊었다면 찾을 방법이 없습니다: 인증서를 삭제하고 은행에서 다시 발급받으세요.</source>
        <translation>A forgotten password cannot be recovered: delete the certificate and get a new one from your bank.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1078"/>
        <source>저장매체를 다시 연결한 뒤 새로 고침하세요. 원본은 그대로 있습니다.</source>
        <translation>Reconnect the storage and refresh. The original is untouched.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1086"/>
        <source>인증서를 하나 고르세요.</source>
        <translation>Select one certificate.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1123"/>
        <source>인증서로 로그인</source>
        <translation>Log in with a certificate</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1124"/>
        <source>{0}님의 인증서로 모의 은행에 로그인합니다. 인증서 암호를 입력하세요.</source>
        <translation>Logging in to the simulated bank with {0}&apos;s certificate. Enter the certificate password.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1128"/>
        <source>은행에 로그인하는 중…</source>
        <translation>Logging in to the bank…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1145"/>
        <source>로그인했습니다: {0} 님 (모의 은행)</source>
        <translation>Logged in as {0} (simulated bank).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1155"/>
        <source>{0}님의 인증서 암호를 입력하세요.</source>
        <translation>Enter the certificate password of {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1159"/>
        <source>암호를 확인하는 중…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1167"/>
        <source>암호가 맞습니다.</source>
        <translation>The password is correct.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1187"/>
        <source>암호를 바꾸는 중…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1189"/>
        <source>인증서 암호를 바꿨습니다.</source>
        <translation>The certificate password was changed.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1203"/>
        <source>PFX 파일 저장</source>
        <translation>Save PFX file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1204"/>
        <source>PFX 파일 (*.pfx *.p12)</source>
        <translation>PFX files (*.pfx *.p12)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1209"/>
        <source>파일 바꾸기</source>
        <translation>Replace file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1210"/>
        <source>같은 이름의 파일이 이미 있습니다. 바꿀까요?</source>
        <translation>A file with this name already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1213"/>
        <source>PFX 내보내기</source>
        <translation>Export PFX</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1214"/>
        <source>인증서 암호를 입력하세요. PFX 파일도 이 암호로 보호됩니다.</source>
        <translation>Enter the certificate password. The PFX file is protected with the same password.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1224"/>
        <source>내보내는 중…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1227"/>
        <source>PFX 파일로 내보냈습니다: {0}</source>
        <translation>Exported to PFX file: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1238"/>
        <source>쓸 수 있는 저장매체가 없습니다. USB 저장매체를 연결하거나 폴더를 추가하세요.</source>
        <translation>No writable storage. Plug in a USB drive or add a folder.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1255"/>
        <source>복사하거나 이동할 인증서를 고르세요.</source>
        <translation>Select the certificates to copy or move.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1260"/>
        <source>이동할 위치</source>
        <translation>Move to</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1260"/>
        <source>복사할 위치</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1284"/>
        <source>읽기 전용 저장매체의 인증서는 옮길 수 없습니다. 복사하세요.</source>
        <translation>Certificates on a read-only storage cannot be moved. Copy them instead.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1288"/>
        <location filename="../../gui/main_window.py" line="1306"/>
        <source>인증서 복사</source>
        <translation>Copy certificates</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1289"/>
        <source>인증서를 여러 저장매체에 복사해 두는 것은 권장하지 않습니다. 사본이 많을수록 잃어버리거나 도난당할 위험이 커집니다. 꼭 필요할 때만 복사하고 쓰지 않는 사본은 삭제하세요.

복사할까요?</source>
        <translation>Keeping copies of a certificate on several storages is not recommended: the more copies, the greater the risk of losing one or having it stolen. Copy only when you need to, and delete copies you do not use.

Copy now?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1306"/>
        <source>인증서 이동</source>
        <translation>Move certificates</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1311"/>
        <source>삭제할 인증서를 고르세요.</source>
        <translation>Select the certificates to delete.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1314"/>
        <source>읽기 전용 저장매체의 인증서는 삭제할 수 없습니다.</source>
        <translation>Certificates on a read-only storage cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1324"/>
        <source>마지막 사본 삭제</source>
        <translation>Delete the last copy</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1331"/>
        <location filename="../../gui/main_window.py" line="1339"/>
        <source>인증서 삭제</source>
        <translation>Delete certificates</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1355"/>
        <source>지금 처리 중: {0}</source>
        <translation>Now: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1360"/>
        <source> (받는 곳: {0}).</source>
        <translation> (to: {0}).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1398"/>
        <source>복사하는 중…</source>
        <translation>Copying…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1398"/>
        <source>옮기는 중…</source>
        <translation>Moving…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1399"/>
        <source>삭제하는 중…</source>
        <translation>Deleting…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1399"/>
        <source>처리하는 중…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1407"/>
        <source>{0}개 복사됨</source>
        <translation>{0} copied</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1407"/>
        <source>{0}개 이동됨</source>
        <translation>{0} moved</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1407"/>
        <source>{0}개 삭제됨</source>
        <translation>{0} deleted</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1408"/>
        <source>{0}개 바꿈</source>
        <translation>{0} replaced</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1408"/>
        <source>{0}개 다른 이름으로 보관</source>
        <translation>{0} kept under another name</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1409"/>
        <source>{0}개 이미 있어 건너뜀</source>
        <translation>{0} already there, skipped</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1415"/>
        <source>{0}개 취소함</source>
        <translation>{0} cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1417"/>
        <source>{0}개 실패</source>
        <translation>{0} failed</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1420"/>
        <source>{0}개는 취소해서 처리하지 않음</source>
        <translation>{0} not processed (cancelled)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1421"/>
        <source>처리한 인증서가 없습니다</source>
        <translation>No certificate was processed</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1437"/>
        <source>PFX 파일 가져오기</source>
        <translation>Import PFX file</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1438"/>
        <source>PFX 파일 (*.pfx *.p12);;모든 파일 (*)</source>
        <translation>PFX files (*.pfx *.p12);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1456"/>
        <location filename="../../gui/main_window.py" line="1479"/>
        <source>가져올 위치</source>
        <translation>Import to</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1459"/>
        <source>PFX 가져오기</source>
        <translation>Import PFX</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1460"/>
        <source>PFX 파일의 암호를 입력하세요. 가져온 인증서도 같은 암호를 씁니다.</source>
        <translation>Enter the PFX file&apos;s password. The imported certificate keeps the same password.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1475"/>
        <source>가져올 인증서 폴더 (signCert.der가 있는 폴더)</source>
        <translation>Certificate folder to import (the one with signCert.der)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1488"/>
        <source>인증서를 가져왔습니다.</source>
        <translation>Certificate imported.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1488"/>
        <source>이미 있는 인증서입니다.</source>
        <translation>The certificate is already there.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1489"/>
        <source>인증서를 바꿨습니다.</source>
        <translation>Certificate replaced.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1490"/>
        <source>인증서를 다른 이름으로 가져왔습니다.</source>
        <translation>Certificate imported under another name.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1491"/>
        <source>위치: {0}</source>
        <translation>Location: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1493"/>
        <source>이 PFX에는 본인확인용 난수가 없어 본인확인은 할 수 없습니다.</source>
        <translation>This PFX has no identity-check random number, so the identity check is not possible.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1499"/>
        <source>가져오는 중…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1503"/>
        <source>추가할 폴더 (NPKI 폴더나 백업 폴더)</source>
        <translation>Folder to add (an NPKI folder or a backup folder)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1508"/>
        <source>폴더를 추가했습니다: {0}</source>
        <translation>Folder added: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1521"/>
        <source>목록에서 뺐습니다. 폴더와 인증서는 그대로 있습니다.</source>
        <translation>Removed from the list. The folder and its certificates are untouched.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1555"/>
        <source>인증서 발급·갱신 마법사를 불러올 수 없습니다.</source>
        <translation>The issue/renew wizard could not be loaded.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1573"/>
        <source>이 창을 열 수 없습니다.</source>
        <translation>This window cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1605"/>
        <source>도장 정보</source>
        <translation>About Dojang</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1606"/>
        <source>도장 {0}
공동인증서(옛 공인인증서)를 하드디스크, USB 저장매체, 휴대폰(모의)에서 관리합니다.
내장된 모의 은행이 발급하는 인증서는 테스트용이며 실제 은행에서 쓸 수 없습니다.</source>
        <translation>Dojang {0}
Manages joint certificates (공동인증서, formerly 공인인증서) on the hard disk, USB drives and (mock) phones.
Certificates issued by the built-in simulated bank are for testing and do not work at real banks.</translation>
    </message>
</context>
<context>
    <name>PasswordWidget</name>
    <message>
        <location filename="../../gui/password_widget.py" line="276"/>
        <source>암호</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="277"/>
        <source>인증서 암호</source>
        <translation>Certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="278"/>
        <source>암호 보이기/숨기기 (Ctrl+H)</source>
        <translation>Show/hide password (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="279"/>
        <source>암호 보이기</source>
        <translation>Show password</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="280"/>
        <location filename="../../gui/password_widget.py" line="352"/>
        <source>보기</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="281"/>
        <source>가상키보드로 입력 (키가 무작위로 배열됩니다)</source>
        <translation>Type with the on-screen keypad (keys are shuffled)</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="282"/>
        <location filename="../../gui/password_widget.py" line="283"/>
        <source>가상키보드</source>
        <translation>On-screen keypad</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="285"/>
        <source>암호 확인(&amp;R)</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="286"/>
        <source>암호 다시 입력</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="287"/>
        <source>같은 암호를 한 번 더 입력</source>
        <translation>Type the same password again</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="288"/>
        <source>Caps Lock이 켜져 있습니다.</source>
        <translation>Caps Lock is on.</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="289"/>
        <source>영문·숫자·특수문자가 아닌 글자가 있습니다. 한/영 키를 눌러 영문 입력 상태로 바꾼 뒤 다시 입력하세요.</source>
        <translation>The password contains characters other than letters, digits and symbols. Press the Han/Eng key to switch to English input and type it again.</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="352"/>
        <source>숨기기</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="377"/>
        <source>강도: {0}</source>
        <translation>Strength: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="383"/>
        <source>암호 규칙을 만족합니다.</source>
        <translation>The password meets the rules.</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="390"/>
        <source>강도: -</source>
        <translation>Strength: -</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="392"/>
        <source>영문, 숫자, 특수문자를 섞어 10자 이상으로 만드세요.</source>
        <translation>Use at least 10 characters mixing letters, digits and symbols.</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="401"/>
        <source>두 암호가 일치합니다.</source>
        <translation>The passwords match.</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="404"/>
        <source>두 암호가 일치하지 않습니다.</source>
        <translation>The passwords do not match.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="443"/>
        <source>준비 중…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="451"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="459"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="494"/>
        <source>지금 처리 중인 인증서까지 마치고 멈춥니다…</source>
        <translation>Stopping after the certificate in progress…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="502"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py" line="15"/>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="20"/>
        <source>자동 (시스템 언어)</source>
        <translation>Automatic (system language)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="25"/>
        <source>언어(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="29"/>
        <source>바꾼 언어는 바로 적용됩니다.</source>
        <translation>A new language applies at once.</translation>
    </message>
</context>
<context>
    <name>StorageListModel</name>
    <message>
        <location filename="../../gui/models.py" line="194"/>
        <source> · 찾는 중…</source>
        <translation> · scanning…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="194"/>
        <location filename="../../gui/models.py" line="208"/>
        <location filename="../../gui/models.py" line="224"/>
        <location filename="../../gui/models.py" line="232"/>
        <source>인증서 %n개</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="195"/>
        <source>모든 저장매체</source>
        <translation>All storages</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="199"/>
        <source>모든 저장매체, 인증서 %n개</source>
        <translation>
            <numerusform>All storages, %n certificate</numerusform>
            <numerusform>All storages, %n certificates</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="208"/>
        <source>찾는 중…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="210"/>
        <source>여유 {0}</source>
        <translation>{0} free</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="212"/>
        <source>읽기 전용</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="221"/>
        <source>여유 공간: {0}</source>
        <translation>Free space: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="230"/>
        <source>금융인증서 — 클라우드</source>
        <translation>Finance certificates — cloud</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="232"/>
        <source>확인 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="238"/>
        <source>금융결제원 클라우드(모의)에 보관된 금융인증서. 파일이 없어 복사·이동·내보내기를 할 수 없습니다.</source>
        <translation>Finance certificates kept in the KFTC cloud (simulated). There are no files, so they cannot be copied, moved or exported.</translation>
    </message>
</context>
<context>
    <name>StoragePickerDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="337"/>
        <source>저장매체를 고르세요(&amp;S):</source>
        <translation>Choose a &amp;storage:</translation>
    </message>
</context>
<context>
    <name>VirtualKeypad</name>
    <message>
        <location filename="../../gui/password_widget.py" line="91"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="92"/>
        <source>특수문자</source>
        <translation>Symbols</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="93"/>
        <source>← 지우기</source>
        <translation>← Delete</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="94"/>
        <source>전체 삭제</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="95"/>
        <source>재배열</source>
        <translation>Shuffle</translation>
    </message>
    <message>
        <location filename="../../gui/password_widget.py" line="96"/>
        <source>가상키보드</source>
        <translation>On-screen keypad</translation>
    </message>
</context>
</TS>
