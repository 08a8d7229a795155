<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Wizard</name>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="186"/>
        <source>고른 저장매체가 분리되었습니다: {0}. 다시 꽂거나 다른 곳을 고르세요.</source>
        <translation>The storage you chose was removed: {0}. Plug it in again or choose another place.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="252"/>
        <source>앞 2자리</source>
        <translation>first 2 digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="256"/>
        <source>뒤 2자리</source>
        <translation>last 2 digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="499"/>
        <source>본인확인을 이미 마쳤습니다. 지금 취소하면 처음부터 다시 해야 합니다. 취소할까요?</source>
        <translation>You have already been verified. If you cancel now, you will have to start again. Cancel?</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="501"/>
        <source>취소하고 닫기</source>
        <translation>Cancel and close</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="503"/>
        <source>계속 진행</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>고객정보</source>
        <translation type="vanished">Customer</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="159"/>
        <source>약관동의</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>본인인증</source>
        <translation type="vanished">Verification</translation>
    </message>
    <message>
        <source>저장 및 비밀번호</source>
        <translation type="vanished">Save &amp; password</translation>
    </message>
    <message>
        <source>완료</source>
        <translation type="vanished">Done</translation>
    </message>
    <message>
        <source>인증서 선택</source>
        <translation type="vanished">Certificate</translation>
    </message>
    <message>
        <source>암호 확인</source>
        <translation type="vanished">Password</translation>
    </message>
    <message>
        <source>새 암호</source>
        <translation type="vanished">New password</translation>
    </message>
    <message>
        <source>암호 확인 및 폐기</source>
        <translation type="vanished">Password &amp; revoke</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/indicator.py" line="66"/>
        <source>현재 단계</source>
        <translation>current step</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/indicator.py" line="67"/>
        <source>끝난 단계</source>
        <translation>completed step</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/indicator.py" line="68"/>
        <source>남은 단계</source>
        <translation>step to come</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/common.py" line="194"/>
        <source>다음</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="20"/>
        <source>재발급할 인증서 종류</source>
        <translation>Type of certificate to reissue</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="21"/>
        <source>발급할 인증서 종류를 고르세요</source>
        <translation>Choose the type of certificate</translation>
    </message>
    <message>
        <source>공동인증서(옛 공인인증서)는 쓰는 곳에 따라 두 가지가 있습니다. 유효기간은 둘 다 1년입니다.</source>
        <translation type="vanished">Joint certificates (formerly &quot;accredited certificates&quot;) come in two types, by where you use them. Both are valid for 1 year.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="50"/>
        <source>처음이라면: 모의 은행의 데모 고객 정보로 끝까지 해볼 수 있습니다.</source>
        <translation>New here? The simulated bank&apos;s demo customers let you go through every step.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/common.py" line="201"/>
        <source>데모 고객 안내 보기</source>
        <translation>Show demo customers</translation>
    </message>
    <message>
        <source>종류 선택</source>
        <translation type="vanished">Type</translation>
    </message>
    <message>
        <source>공동인증서(옛 공인인증서)는 쓰는 곳에 따라 종류가 나뉩니다.</source>
        <translation type="vanished">Joint certificates (formerly accredited certificates) come in kinds by where they are used.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="22"/>
        <source>공동인증서(옛 공인인증서)는 쓰는 곳에 따라 종류가 나뉘고, 금융인증서는 파일 대신 클라우드에 보관됩니다.</source>
        <translation>Joint certificates (formerly accredited certificates) come in kinds by where they are used; a finance certificate is kept in the cloud instead of a file.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="35"/>
        <source>유효기간 {0}년</source>
        <translation>Validity: {0} yr.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="67"/>
        <source>고객정보 입력</source>
        <translation>Your details</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="68"/>
        <source>본인 확인을 위해 은행에 등록된 정보를 입력하세요. 계좌 비밀번호는 통장 비밀번호 4자리입니다.</source>
        <translation>Enter the details registered with the bank. The account password is the 4-digit password of your bankbook.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="73"/>
        <source>예: 홍길동</source>
        <translation>e.g. 홍길동</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="74"/>
        <source>앞 6자리</source>
        <translation>first 6 digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="75"/>
        <source>뒤 7자리</source>
        <translation>last 7 digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="76"/>
        <source>숫자만 (- 없이)</source>
        <translation>digits only (no -)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="78"/>
        <source>4자리</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="87"/>
        <source>이름(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="87"/>
        <source>주민등록번호(&amp;R)</source>
        <translation>&amp;Resident reg. no.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="88"/>
        <source>계좌번호(&amp;A)</source>
        <translation>&amp;Account number</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="88"/>
        <source>계좌 비밀번호(&amp;P)</source>
        <translation>Account &amp;password</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="100"/>
        <source>계좌 비밀번호를 정해진 횟수 이상 틀리면 인증서 업무가 잠기고, 영업점(데모: 창구 패널)에서 풀어야 합니다.</source>
        <translation>Too many wrong account passwords lock certificate services; a branch (demo: the teller panel) must unlock them.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="107"/>
        <source>데모 고객의 이름·주민등록번호·계좌 값은 데모 고객 안내에서 복사해 붙여 넣을 수 있습니다.</source>
        <translation>Copy a demo customer&apos;s values from the guide and paste them here.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="160"/>
        <source>필수 약관에 모두 동의해야 다음 단계로 넘어갈 수 있습니다. &apos;전문 보기&apos;로 약관 전체를 읽을 수 있습니다.</source>
        <translation>Agree to every required term to continue. &quot;Full text&quot; shows the whole term.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="162"/>
        <source>모두 동의합니다</source>
        <translation>Agree to all</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="190"/>
        <source>[필수]</source>
        <translation>[Required]</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="190"/>
        <source>[선택]</source>
        <translation>[Optional]</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="196"/>
        <location filename="../../gui/wizard/identity_pages.py" line="209"/>
        <source>전문 보기</source>
        <translation>Full text</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="208"/>
        <source>접기</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/identity_pages.py" line="211"/>
        <source>버전 {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="420"/>
        <source>본인인증 (1/2): 휴대폰</source>
        <translation>Verification (1/2): your phone</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="421"/>
        <source>은행에 등록된 휴대폰으로 본인인증을 합니다. 한 가지를 고르세요.</source>
        <translation>Verify with the phone registered at the bank. Choose one:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="135"/>
        <source>ARS 전화인증</source>
        <translation>ARS phone call</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="216"/>
        <source>SMS 인증 (1회용 인증번호)</source>
        <translation>SMS (one-time code)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="431"/>
        <source>휴대폰(모의) 보기</source>
        <translation>Show phone (simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="112"/>
        <source>&apos;전화 요청&apos;을 누르면 은행이 등록된 휴대폰으로 전화합니다. 전화를 받고 아래 두 자리 숫자를 휴대폰 키패드로 누르세요. 전화가 끝나면 다음 단계로 넘어갑니다.</source>
        <translation>Press &quot;Call me&quot; and the bank calls your registered phone. Answer it and key in the two digits below. When the call ends, the wizard moves on by itself.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="127"/>
        <location filename="../../gui/wizard/channel_pages.py" line="162"/>
        <source>전화 요청</source>
        <translation>Call me</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="174"/>
        <source>{0}자리 숫자</source>
        <translation>{0} digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="200"/>
        <source>&apos;인증번호 받기&apos;를 누르면 등록된 휴대폰으로 6자리 인증번호를 보냅니다. 인증번호는 3분 동안 쓸 수 있습니다.</source>
        <translation>Press &quot;Send code&quot; to get a 6-digit code on your registered phone. The code is valid for 3 minutes.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="203"/>
        <location filename="../../gui/wizard/channel_pages.py" line="235"/>
        <source>인증번호 받기</source>
        <translation>Send code</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="210"/>
        <source>인증번호(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="211"/>
        <location filename="../../gui/wizard/channel_pages.py" line="330"/>
        <source>6자리 숫자</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="155"/>
        <location filename="../../gui/wizard/channel_pages.py" line="232"/>
        <location filename="../../gui/wizard/channel_pages.py" line="399"/>
        <source>남은 시간 {0}</source>
        <translation>Time left {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="157"/>
        <source>다시 전화 요청</source>
        <translation>Call again</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="160"/>
        <source>전화 받을 번호: {0}</source>
        <translation>The bank will call {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="229"/>
        <source>인증번호 다시 받기</source>
        <translation>Send a new code</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="150"/>
        <source>전화를 걸고 있습니다: {0}. 전화를 받아 위 두 자리 숫자를 누르세요.</source>
        <translation>Calling {0}. Answer and key in the two digits above.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="230"/>
        <source>보낸 번호: {0}. 다시 받기 {1}회 남음.</source>
        <translation>Sent to {0}. {1} more codes possible.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="233"/>
        <source>입력 시간이 지났습니다. 인증번호를 다시 받으세요.</source>
        <translation>Time is up. Send a new code.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="236"/>
        <source>받을 번호: {0}</source>
        <translation>The code goes to {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="351"/>
        <source>휴대폰 은행 앱의 &apos;모바일 OTP&apos;에 표시된 6자리 번호를 입력하세요. 한 번 쓴 번호는 다시 쓸 수 없습니다.</source>
        <translation>Type the 6-digit code shown under &apos;Mobile OTP&apos; in the bank app on your phone. A code works only once.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="353"/>
        <source>모바일 OTP 번호(&amp;M)</source>
        <translation>&amp;Mobile OTP code</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="355"/>
        <source>휴대폰에서 모바일 OTP 보기 (모의)</source>
        <translation>Show the mobile OTP on the phone (simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="362"/>
        <source>모바일 OTP</source>
        <translation>Mobile OTP</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="378"/>
        <source>인증 요청</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="382"/>
        <source>인증번호</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="423"/>
        <location filename="../../gui/wizard/channel_pages.py" line="501"/>
        <source>본인인증 (2/2): 보안카드 또는 OTP</source>
        <translation>Verification (2/2): security card or OTP</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="424"/>
        <source>은행에서 받은 보안카드나 OTP 발생기로 한 번 더 확인합니다.</source>
        <translation>One more check with the security card or OTP device the bank gave you.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="502"/>
        <source>본인인증 (2/2): {0}</source>
        <translation>Verification (2/2): {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="277"/>
        <source>보안카드</source>
        <translation>Security card</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="339"/>
        <source>OTP</source>
        <translation>OTP</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="270"/>
        <source>보안카드 보기 (모의)</source>
        <translation>Show security card (simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="326"/>
        <source>OTP 발생기의 버튼을 눌러 나온 6자리 번호를 입력하세요. 한 번 쓴 번호는 다시 쓸 수 없으니, 다시 입력할 때는 새 번호를 기다리세요.</source>
        <translation>Press the button on your OTP device and enter the 6-digit code. A code works only once; to try again, wait for a new one.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="329"/>
        <source>OTP 번호(&amp;O)</source>
        <translation>&amp;OTP code</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="332"/>
        <source>OTP 발생기 보기 (모의)</source>
        <translation>Show OTP device (simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="499"/>
        <source>본인인증 (2/2): 보안카드</source>
        <translation>Verification (2/2): security card</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="500"/>
        <source>본인인증 (2/2): OTP</source>
        <translation>Verification (2/2): OTP</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="291"/>
        <source>보안카드({0})에서 {1}번 칸의 앞 2자리와 {2}번 칸의 뒤 2자리를 입력하세요.</source>
        <translation>On your security card ({0}), enter the first 2 digits of cell {1} and the last 2 digits of cell {2}.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="293"/>
        <source>{0}번 앞 2자리</source>
        <translation>Cell {0}, first 2</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="294"/>
        <source>{0}번 뒤 2자리</source>
        <translation>Cell {0}, last 2</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/channel_pages.py" line="307"/>
        <source>(새로 요청한 칸입니다)</source>
        <translation>(new cells)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="21"/>
        <source>재발급 전에 확인하세요</source>
        <translation>Before reissuing</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="49"/>
        <source>재발급하면 기존 인증서는 은행에서 폐기되고, 아래 저장매체의 기존 인증서 파일은 새 인증서를 저장한 뒤 삭제됩니다. 이 작업은 되돌릴 수 없습니다. 기존 인증서로 등록해 둔 다른 기관에서는 새 인증서를 다시 등록해야 합니다.</source>
        <translation>Reissuing revokes the old certificate at the bank, and its files below are deleted once the new one is saved. This cannot be undone. Where you registered the old certificate, register the new one again.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="26"/>
        <source>삭제될 기존 인증서:</source>
        <translation>Old certificates to be deleted:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="32"/>
        <source>연결된 저장매체에서 이 종류의 기존 인증서를 찾지 못했습니다. 은행에 기록된 기존 인증서는 폐기됩니다.</source>
        <translation>No old certificate of this type was found on the connected storage. The bank still revokes the old one it recorded.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="36"/>
        <source>기존 인증서가 폐기·삭제되며 되돌릴 수 없다는 것을 확인했습니다</source>
        <translation>I understand the old certificate is revoked and deleted, and this cannot be undone</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="47"/>
        <source>재발급하면 클라우드의 기존 금융인증서는 은행에서 폐기되고 키도 지워집니다. 새 금융인증서에 쓸 PIN을 새로 정합니다. 이 작업은 되돌릴 수 없습니다.</source>
        <translation>Reissuing revokes the finance certificate in the cloud at the bank and deletes its key. You choose a new PIN for the new one. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="59"/>
        <source>만료일 {0}</source>
        <translation>expires {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="77"/>
        <source>저장 위치와 인증서 암호</source>
        <translation>Where to save, and the certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="78"/>
        <source>새 인증서는 기존 인증서가 있던 곳에 그대로 저장됩니다. 새 인증서 암호를 정하세요.</source>
        <translation>The new certificate is saved where the old one was. Choose the new certificate password.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="80"/>
        <source>인증서를 저장할 곳을 고르고 인증서 암호를 정하세요. 키 쌍은 이 PC에서 만들어지며 개인키는 암호로 잠겨 저장됩니다.</source>
        <translation>Choose where to save the certificate and set its password. The key pair is made on this PC; the private key is stored locked with the password.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="87"/>
        <source>저장 위치(&amp;S)</source>
        <translation>&amp;Save to</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="101"/>
        <source>이동식 디스크가 없습니다 — USB 저장장치를 꽂으면 여기에 나타납니다.</source>
        <translation>No removable drive — plug in a USB drive and it appears here.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="266"/>
        <source>새 PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="267"/>
        <source>본인확인을 마쳤습니다. 금융인증서에 쓸 새 숫자 6자리 PIN을 정하세요. 재설정하면 PIN 잠금도 풀립니다.</source>
        <translation>Your identity is confirmed. Choose a new 6-digit PIN for the finance certificate. Resetting also lifts the PIN lock.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="270"/>
        <source>금융인증서 PIN</source>
        <translation>Finance certificate PIN</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="271"/>
        <source>금융인증서는 금융결제원 클라우드(모의)에 보관되어 이 PC에는 아무 파일도 저장되지 않습니다. 인증서를 쓸 때 입력할 숫자 6자리 PIN을 정하세요.</source>
        <translation>A finance certificate is kept in the (simulated) KFTC cloud: nothing is saved on this PC. Choose the 6-digit PIN you will type to use it.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="277"/>
        <source>PIN (숫자 6자리)</source>
        <translation>PIN (6 digits)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="281"/>
        <source>PIN 확인</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="285"/>
        <source>같은 숫자 반복(111111), 연속된 숫자(123456, 654321), 생년월일은 쓸 수 없습니다. 5번 틀리면 잠기고, 본인확인 후 PIN 재설정으로 풀 수 있습니다.</source>
        <translation>One repeated digit (111111), a straight run (123456, 654321) and your birth date are not allowed. 5 wrong PINs lock the certificate; a PIN reset after verifying your identity unlocks it.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="315"/>
        <source>재설정</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="39"/>
        <location filename="../../gui/wizard/save_pages.py" line="105"/>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="113"/>
        <location filename="../../gui/wizard/save_pages.py" line="117"/>
        <source>인증서 암호(&amp;W)</source>
        <translation>Certificate pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="120"/>
        <source>영문, 숫자, 특수문자를 모두 넣어 10자 이상. &apos; &quot; ₩ | 는 쓸 수 없고, 생년월일·전화번호·계좌번호나 1234·qwer 같은 쉬운 배열도 안 됩니다.</source>
        <translation>At least 10 characters with letters, digits and symbols. &apos; &quot; ₩ | are not allowed, nor your birth date, phone or account number, nor easy runs like 1234 or qwer.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="132"/>
        <source>인증서 암호는 은행도 알 수 없어 찾아 드릴 수 없습니다. 잊어버리면 인증서를 삭제하고 재발급받아야 합니다.</source>
        <translation>Not even the bank knows this password, so it cannot be recovered. If you forget it, delete the certificate and reissue it.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="139"/>
        <location filename="../../gui/wizard/save_pages.py" line="229"/>
        <location filename="../../gui/wizard/save_pages.py" line="291"/>
        <source>준비 중…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="145"/>
        <source>키 쌍을 만들고 은행의 서명을 받아 저장하는 중입니다. 잠시 기다리세요. 취소하면 아무것도 남지 않습니다.</source>
        <translation>Making the key pair, getting the bank&apos;s signature and saving. Please wait. Cancel leaves nothing behind.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="214"/>
        <source>저장 위치: {0}
{1}</source>
        <translation>Saved to: {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="236"/>
        <location filename="../../gui/wizard/save_pages.py" line="316"/>
        <source>재발급</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="236"/>
        <source>갱신</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/save_pages.py" line="237"/>
        <location filename="../../gui/wizard/save_pages.py" line="316"/>
        <source>발급</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="19"/>
        <source>갱신할 인증서를 고르세요. 갱신은 만료 30일 전부터 만료일까지 할 수 있습니다. 이미 만료된 인증서는 재발급을 이용하세요.</source>
        <translation>Choose the certificate to renew. Renewal is possible from 30 days before expiry until the expiry date. For an expired certificate, use reissue.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="21"/>
        <source>폐기할 인증서를 고르세요. 폐기한 인증서는 다시 쓸 수 없습니다.</source>
        <translation>Choose the certificate to revoke. A revoked certificate can never be used again.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="22"/>
        <source>다른 기관(은행·공동인증기관)에서 발급받은 본인 인증서를 고르세요. 인증서 암호로 본인 것인지 확인한 뒤 이 은행에 등록합니다.</source>
        <translation>Choose your certificate issued by another institution (bank or CA). Its password proves it is yours; then it is registered with this bank.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="26"/>
        <source>갱신할 인증서 선택</source>
        <translation>Choose the certificate to renew</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="26"/>
        <source>폐기할 인증서 선택</source>
        <translation>Choose the certificate to revoke</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="27"/>
        <source>등록할 타기관 인증서 선택</source>
        <translation>Choose the certificate to register</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="33"/>
        <location filename="../../gui/wizard/cert_pages.py" line="67"/>
        <source>연결된 저장매체에서 인증서를 찾지 못했습니다. USB 저장장치를 꽂았다면 &apos;새로 고침&apos;을 누르세요.</source>
        <translation>No certificate found on the connected storage. If you just plugged in a USB drive, press &quot;Refresh&quot;.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="53"/>
        <source>만료됨</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="53"/>
        <source>{0}일 남음</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="56"/>
        <source>만료일 {0} ({1}) · {2}</source>
        <translation>expires {0} ({1}) · {2}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="70"/>
        <source>고를 수 있는 인증서가 없습니다. 각 인증서 아래에 그 이유가 있습니다.</source>
        <translation>No certificate can be chosen; the reason is shown under each one.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="102"/>
        <source>기존 인증서 암호 확인</source>
        <translation>Password of the current certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="103"/>
        <source>인증서 암호 확인 및 폐기</source>
        <translation>Password and revocation</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="104"/>
        <source>인증서 암호 확인</source>
        <translation>Certificate password</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="105"/>
        <source>본인의 인증서인지 확인하기 위해 지금 쓰는 인증서 암호를 입력하세요.</source>
        <translation>Enter the certificate&apos;s current password to prove it is yours.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="106"/>
        <source>폐기하려면 인증서 암호를 입력하고 아래 내용에 동의하세요.</source>
        <translation>To revoke, enter the certificate password and confirm below.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="107"/>
        <source>인증서 암호를 입력하면 인증서 속 본인확인 정보(VID)를 주민등록번호와 대조합니다.</source>
        <translation>With the password, the identity data (VID) in the certificate is checked against your resident registration number.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="123"/>
        <source>폐기한 인증서는 다시 쓸 수 없다는 것을 확인했습니다</source>
        <translation>I understand a revoked certificate can never be used again</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="125"/>
        <source>이 인증서 파일도 모든 저장매체에서 삭제합니다</source>
        <translation>Also delete this certificate&apos;s files from every storage</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="132"/>
        <source>암호를 잊었다면 찾을 방법이 없습니다. 인증서를 삭제하고 재발급받으세요.</source>
        <translation>A forgotten password cannot be recovered: delete the certificate and reissue it.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="141"/>
        <source>만료일 {0} · {1}</source>
        <translation>expires {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="154"/>
        <source>폐기</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="154"/>
        <source>등록</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/cert_pages.py" line="155"/>
        <source>확인</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="36"/>
        <source>저장 위치</source>
        <translation>Saved to</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="37"/>
        <source>폴더</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="38"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="39"/>
        <source>유효기간</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="40"/>
        <source>수수료</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="41"/>
        <source>삭제한 기존 인증서</source>
        <translation>Old copies deleted</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="73"/>
        <source>공동인증서를 발급했습니다</source>
        <translation>Your certificate is issued</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="74"/>
        <source>공동인증서를 재발급했습니다</source>
        <translation>Your certificate is reissued</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="75"/>
        <source>공동인증서를 갱신했습니다</source>
        <translation>Your certificate is renewed</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="76"/>
        <source>타기관 인증서를 등록했습니다</source>
        <translation>The certificate is registered</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="77"/>
        <source>인증서를 폐기했습니다</source>
        <translation>The certificate is revoked</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="87"/>
        <location filename="../../gui/wizard/done_page.py" line="132"/>
        <source> (테스트)</source>
        <translation> (test)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="91"/>
        <source>~ {0}</source>
        <translation>until {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="94"/>
        <location filename="../../gui/wizard/done_page.py" line="134"/>
        <source>{0:,}원 (계좌에서 출금)</source>
        <translation>{0:,} KRW (debited from your account)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="95"/>
        <location filename="../../gui/wizard/done_page.py" line="135"/>
        <source>무료</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="101"/>
        <source>삭제하지 못함: {0}</source>
        <translation>Could not delete: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="104"/>
        <source>이 인증서는 이제 어디에서도 쓸 수 없습니다. 새 인증서가 필요하면 발급을 이용하세요.</source>
        <translation>This certificate can no longer be used anywhere. If you need one, issue a new certificate.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="106"/>
        <source>인증서 파일을 남겨 두었다면 폐기된 인증서로 표시됩니다. 필요 없으면 삭제하세요.</source>
        <translation>Files you kept show as revoked. Delete them if you do not need them.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="109"/>
        <source>이 인증서로 이 은행의 인터넷뱅킹을 쓸 수 있습니다.</source>
        <translation>You can now use this certificate for this bank&apos;s internet banking.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="110"/>
        <source>인증서 파일은 그대로 두었습니다. 암호를 잊으면 찾을 수 없으니 발급한 기관에서 재발급받으세요.</source>
        <translation>The certificate files were left as they are. A forgotten password cannot be recovered: reissue it at the institution that issued it.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="113"/>
        <source>아래 위치에 저장했습니다. 모의 은행이 발급한 테스트 인증서라서 도장과 다른 NPKI 프로그램에서 시험용으로 쓸 수 있지만, 실제 은행이나 공공기관에서는 쓸 수 없습니다.</source>
        <translation>Saved below. This is a test certificate from the simulated bank: it works with Dojang and any NPKI software for testing, but real banks and government sites do not accept it.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="116"/>
        <source>아래 위치에 저장했습니다.</source>
        <translation>Saved below.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="117"/>
        <source>인증서 암호는 어디에도 저장되지 않아 잊어버리면 찾을 수 없습니다. 잊어버렸다면 인증서를 삭제하고 재발급받으세요. 다른 사람에게 알려주지 마세요.</source>
        <translation>The certificate password is stored nowhere, so a forgotten one cannot be recovered: delete the certificate and reissue it. Never tell it to anyone.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="124"/>
        <source>금융인증서를 재발급했습니다</source>
        <translation>The finance certificate was reissued</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="125"/>
        <source>금융인증서를 발급했습니다</source>
        <translation>Finance certificate issued</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="130"/>
        <location filename="../../gui/wizard/done_page.py" line="151"/>
        <source>클라우드 (금융결제원, 모의)</source>
        <translation>Cloud (KFTC, simulated)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="137"/>
        <source>인증서와 개인키는 클라우드에 보관되고 이 PC에는 파일이 없습니다. 이 PC는 이용 기기로 연결되었습니다.</source>
        <translation>The certificate and its private key are kept in the cloud; there is no file on this PC. This PC is connected as a device.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="139"/>
        <source>PIN을 5번 틀리면 인증서가 잠깁니다. 잊어버렸다면 본인확인 후 PIN을 재설정하세요 (저장매체 목록의 금융인증서 — 클라우드). 다른 사람에게 알려주지 마세요.</source>
        <translation>Five wrong PINs lock the certificate. If you forget it, reset the PIN after verifying your identity (Finance certificates — cloud in the storage list). Never tell anyone.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="145"/>
        <source>금융인증서 PIN을 재설정했습니다</source>
        <translation>The finance certificate PIN was reset</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="152"/>
        <source>PIN 잠금이 풀렸습니다. 이제 새 PIN으로 금융인증서를 쓸 수 있습니다.</source>
        <translation>The PIN lock is lifted. Use the finance certificate with the new PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="153"/>
        <source>PIN을 5번 틀리면 인증서가 잠깁니다. 다른 사람에게 알려주지 마세요.</source>
        <translation>Five wrong PINs lock the certificate. Never tell anyone.</translation>
    </message>
    <message>
        <source>PIN을 5번 틀리면 인증서가 잠깁니다. 잊어버렸다면 본인확인 후 PIN을 재설정하세요 (python main.py cloud reset-pin). 다른 사람에게 알려주지 마세요.</source>
        <translation type="vanished">5 wrong PINs lock the certificate. If you forget it, reset it after verifying your identity (python main.py cloud reset-pin). Never tell anyone your PIN.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/done_page.py" line="157"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="33"/>
        <source>공동인증서 발급</source>
        <translation>Issue a certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="33"/>
        <source>공동인증서 재발급</source>
        <translation>Reissue a certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="34"/>
        <source>공동인증서 갱신</source>
        <translation>Renew a certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="34"/>
        <source>타기관 인증서 등록</source>
        <translation>Register another institution&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="35"/>
        <source>인증서 폐기</source>
        <translation>Revoke a certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="36"/>
        <source>금융인증서 PIN 재설정</source>
        <translation>Reset finance certificate PIN</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="73"/>
        <location filename="../../gui/wizard/frame.py" line="207"/>
        <location filename="../../gui/wizard/frame.py" line="362"/>
        <source>도장 인증센터</source>
        <translation>Dojang certificate centre</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="153"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="159"/>
        <source>◀ 이전</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="164"/>
        <source>다음 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="357"/>
        <source>금융인증서 발급</source>
        <translation>Issue finance certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="359"/>
        <source>금융인증서 재발급</source>
        <translation>Reissue finance certificate</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="472"/>
        <source>취소하는 중…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/frame.py" line="474"/>
        <source>취소하는 중입니다. 저장하던 것은 지웁니다…</source>
        <translation>Cancelling. Anything half-saved is removed…</translation>
    </message>
</context>
</TS>
