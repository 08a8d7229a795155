<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../gui/welcome.py" line="145"/>
        <location filename="../../gui/welcome.py" line="146"/>
        <source>도장에 오신 것을 환영합니다</source>
        <translation>Welcome to Dojang</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="147"/>
        <source>공동인증서 관리 프로그램과 인터넷 없이 동작하는 모의 은행</source>
        <translation>A manager for Korean banking certificates (공동인증서) and an offline simulated bank</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="148"/>
        <source>도장은 무엇인가요?</source>
        <translation>What is Dojang?</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="155"/>
        <source>&lt;b&gt;모의 은행이 발급한 인증서는 시험용입니다.&lt;/b&gt; 실제 은행이나 관공서에서는 쓸 수 없습니다. 모의 은행은 이 컴퓨터 안에서만 동작하며 어떤 정보도 밖으로 보내지 않습니다.</source>
        <translation>&lt;b&gt;Certificates from the simulated bank are test certificates.&lt;/b&gt; They do not work at real banks or government sites. The simulated bank runs only on this computer and sends nothing anywhere.</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="157"/>
        <source>인증서는 어디에서 찾나요?</source>
        <translation>Where does Dojang look for certificates?</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="158"/>
        <source>이 컴퓨터(하드디스크)의 NPKI 폴더:</source>
        <translation>The NPKI folder on this computer (hard disk):</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="150"/>
        <source>공동인증서(예전 이름: 공인인증서)를 한곳에서 살펴보고 복사·이동·암호 변경·PFX 내보내기를 할 수 있습니다. 모의 은행에서는 실제 은행과 같은 단계로 인증서를 발급·재발급·갱신하고, 클라우드에 보관되는 금융인증서(숫자 6자리 PIN)를 받고, &lt;i&gt;은행 업무 &amp;gt; 인증서로 로그인&lt;/i&gt;으로 은행이 인증서를 받아들이는지 확인해 볼 수 있습니다. 모의 휴대폰의 은행 앱에서도 인증서를 발급받을 수 있습니다.</source>
        <translation>See all your joint certificates (공동인증서, formerly 공인인증서) in one place, copy, move, change passwords and export PFX. The simulated bank issues, reissues and renews certificates in the same steps as a real bank, issues finance certificates kept in the cloud (a 6-digit PIN), and with &lt;i&gt;Bank &amp;gt; Log in with certificate&lt;/i&gt; shows whether the bank accepts a certificate. The bank app on the mock phones issues certificates too.</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="160"/>
        <source>꽂혀 있는 USB 메모리 같은 이동식 디스크의 NPKI 폴더, 모의 휴대폰, 그리고 &lt;i&gt;파일 &amp;gt; 폴더 추가&lt;/i&gt;로 더한 폴더도 찾아 봅니다. USB 메모리를 꽂으면 목록에 바로 나타납니다. 금융인증서는 파일이 없어 목록 맨 아래의 &lt;i&gt;금융인증서 — 클라우드&lt;/i&gt;에 있습니다.</source>
        <translation>Also the NPKI folder of removable drives such as USB sticks, the mock phones, and folders you added with &lt;i&gt;File &amp;gt; Add folder&lt;/i&gt;. A USB stick shows up in the list as soon as you plug it in. Finance certificates have no files: they are under &lt;i&gt;Finance certificates — cloud&lt;/i&gt; at the bottom of the list.</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="163"/>
        <source>데모 고객으로 해보기</source>
        <translation>Try it with the demo customers</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="165"/>
        <source>모의 은행에는 연습용 고객이 준비되어 있습니다. &lt;b&gt;김보안&lt;/b&gt;(보안카드)이나 &lt;b&gt;이오티&lt;/b&gt;(OTP)로 &lt;i&gt;은행 업무 &amp;gt; 발급&lt;/i&gt;에서 새 인증서를 받아 보고, &lt;b&gt;최갱신&lt;/b&gt;(곧 만료)·&lt;b&gt;정만료&lt;/b&gt;(만료됨)의 데모 인증서로 갱신과 재발급을 해보세요. 데모 인증서는 실제 NPKI 폴더에 쓰지 않으므로 다른 은행 프로그램에는 보이지 않습니다. 주민등록번호·계좌 비밀번호 등 입력할 값은 모두 데모 고객 안내에 있습니다(가짜 데이터).</source>
        <translation>The simulated bank comes with practice customers. Get a new certificate as &lt;b&gt;김보안&lt;/b&gt; (security card) or &lt;b&gt;이오티&lt;/b&gt; (OTP) under &lt;i&gt;Bank &amp;gt; Issue&lt;/i&gt;, then try renewal and reissue with the demo certificates of &lt;b&gt;최갱신&lt;/b&gt; (expiring soon) and &lt;b&gt;정만료&lt;/b&gt; (expired). Demo certificates are never written to your real NPKI folder, so other banking software does not see them. Every value to type in (resident number, account password, …) is in the demo customers guide (all fake data).</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="170"/>
        <source>데모 고객 안내 열기</source>
        <translation>Open the demo customers guide</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="171"/>
        <source>언어(&amp;L):</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="172"/>
        <source>다음부터 보지 않기</source>
        <translation>Don&apos;t show this again</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="173"/>
        <source>시작하기</source>
        <translation>Get started</translation>
    </message>
</context>
</TS>
