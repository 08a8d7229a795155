"""Fill resources/i18n/main_en.ts (main window, models, password widget, dialogs, details, settings).

Run after `pyside6-lupdate … -ts resources/i18n/main_en.ts`: every <translation> is set from EN below,
and the script fails listing any source text that has no English yet (so nothing ships unfinished).
`python tools/i18n_main_en.py`
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "main_en.ts"

EN = {
    # models: status, headers, storage list
    "손상됨": "Broken",
    "만료됨": "Expired",
    "만료 D-{0}": "Expires D-{0}",
    "정상": "Valid",
    "구분": "Usage",
    "사용자": "Holder",
    "만료일 (KST)": "Expires (KST)",
    "발급기관": "Issuer",
    "상태": "Status",
    "저장매체": "Storage",
    " (테스트)": " (test)",
    "손상된 인증서: {0}": "Broken certificate: {0}",
    "{0}에 만료되었습니다. 은행에서 재발급받으세요.": "Expired on {0}. Get it reissued at your bank.",
    "{0}일 남았습니다. 만료 전에 갱신하세요.": "{0} days left. Renew it before it expires.",
    "{0}일 남았습니다.": "{0} days left.",
    "인증서 {0}개": "{0} certificate(s)",
    "모든 저장매체": "All storages",
    "모든 저장매체, 인증서 {0}개": "All storages, {0} certificate(s)",
    "찾는 중…": "Scanning…",
    " · 찾는 중…": " · scanning…",
    "여유 {0}": "{0} free",
    "읽기 전용": "Read-only",
    "여유 공간: {0}": "Free space: {0}",
    # dialogs
    "인증서 암호 변경": "Change certificate password",
    "인증서: {0}\n현재 암호를 확인한 뒤 새 암호로 바꿉니다. 잊어버린 암호는 찾을 수 없으니 새 암호를 잘 기억하세요.":
        "Certificate: {0}\nThe current password is checked, then replaced by the new one. A forgotten password "
        "cannot be recovered, so remember the new one well.",
    "현재 암호(&C)": "&Current password",
    "새 암호(&N)": "&New password",
    "같은 이름의 인증서가 있습니다": "A certificate with the same name exists",
    "저장하려는 위치에 이름이 같은 다른 인증서가 이미 있습니다.\n\n가져오는 인증서: {0} (만료일 {1})\n이미 있는 것: {2}\n위치: {3}":
        "Another certificate with the same name is already at the destination.\n\nIncoming: {0} (expires {1})\n"
        "Already there: {2}\nLocation: {3}",
    "(읽을 수 없는 폴더)": "(unreadable folder)",
    "바꾸기(&R)": "&Replace",
    "둘 다 보관(&K)": "&Keep both",
    "취소": "Cancel",
    "PFX 파일로 내보내기": "Export to a PFX file",
    "인증서와 개인키를 PFX(PKCS#12) 파일 하나로 저장합니다. 파일은 인증서 암호로 보호됩니다. 어디에 쓸지에 맞는 형식을 고르세요.":
        "Saves the certificate and its private key in one PFX (PKCS#12) file, protected by the certificate "
        "password. Choose the format that suits where you will use it.",
    "최신 형식 (AES-256) — 권장(&M)": "&Modern format (AES-256) — recommended",
    "Windows 10 이후, macOS, 최근 브라우저와 프로그램에서 읽습니다. 더 안전합니다.":
        "Read by Windows 10 and later, macOS, and recent browsers and programs. Safer.",
    "호환 형식 (SHA-1 / 3DES)(&L)": "&Legacy format (SHA-1 / 3DES)",
    "오래된 프로그램(예: Windows 7, 예전 뱅킹 프로그램)이 최신 형식을 읽지 못할 때만 고르세요.":
        "Choose only when an old program (e.g. Windows 7, older banking software) cannot read the modern format.",
    "준비 중…": "Preparing…",
    "%v / %m": "%v / %m",
    "지금 처리 중인 인증서까지 마치고 멈춥니다…": "Stopping after the certificate in progress…",
    "닫기": "Close",
    "저장매체를 고르세요(&S):": "Choose a &storage:",
    # details
    "인증서 보기 — {0}": "Certificate — {0}",
    "정상 ({0}일 남음)": "Valid ({0} days left)",
    "만료 D-{0} — 갱신할 수 있습니다": "Expires D-{0} — can be renewed",
    "만료됨 — 재발급이 필요합니다": "Expired — needs reissuing",
    " (테스트 인증서 — 실제 은행에서 쓸 수 없음)": " (test certificate — not usable at real banks)",
    "유효기간": "Validity",
    "위치": "Location",
    "일반(&G)": "&General",
    "필드": "Field",
    "값": "Value",
    "버전": "Version",
    "일련번호": "Serial number",
    "서명 알고리즘": "Signature algorithm",
    "발급자": "Issuer",
    "유효기간 시작": "Valid from",
    "유효기간 끝": "Valid to",
    "주체": "Subject",
    "공개키": "Public key",
    "용도 (정책 OID)": "Usage (policy OID)",
    "본인확인 정보 (VID)": "Identity check data (VID)",
    "있음": "Present",
    "없음": "None",
    "지문 (SHA-256)": "Fingerprint (SHA-256)",
    "파일": "Files",
    "확장 필드": "Extensions",
    " (중요)": " (critical)",
    "자세히(&D)": "&Details",
    "이 인증서가 어떤 주민등록번호의 것인지 확인합니다. 인증서 안의 본인확인 정보(VID)와 개인키의 난수로 계산하므로 인증서 암호가 필요합니다. 입력한 값은 저장하지 않습니다.":
        "Checks whether this certificate belongs to a resident registration number. It is computed from the "
        "identity data (VID) in the certificate and the random number in the private key, so the certificate "
        "password is needed. Nothing you type is stored.",
    "주민등록번호(&R)": "&Resident registration no.",
    "인증서 암호(&P)": "Certificate &password",
    "확인(&V)": "&Verify",
    "이 인증서에는 본인확인 정보(VID)가 없어 확인할 수 없습니다.":
        "This certificate has no identity data (VID), so it cannot be checked.",
    "본인확인(&I)": "&Identity check",
    "확인하는 중…": "Checking…",
    "이 인증서는 입력한 주민등록번호({0})의 것이 맞습니다.":
        "This certificate belongs to the number entered ({0}).",
    "이 인증서는 입력한 주민등록번호({0})의 것이 아닙니다.":
        "This certificate does not belong to the number entered ({0}).",
    # main window
    "도장 — 공동인증서 관리": "Dojang — certificate manager",
    "인증서 보기(&V)": "&View certificate",
    "보기": "View",
    "암호 확인(&K)…": "Chec&k password…",
    "암호 확인": "Check password",
    "암호 변경(&P)…": "Change &password…",
    "암호 변경": "Change password",
    "복사(&C)…": "&Copy…",
    "복사": "Copy",
    "이동(&M)…": "&Move…",
    "이동": "Move",
    "삭제(&D)…": "&Delete…",
    "삭제": "Delete",
    "PFX 내보내기(&E)…": "&Export PFX…",
    "내보내기": "Export",
    "PFX 파일 가져오기(&I)…": "&Import PFX file…",
    "인증서 폴더 가져오기(&O)…": "Import certificate f&older…",
    "폴더 추가(&A)…": "&Add folder…",
    "폴더 추가": "Add folder",
    "목록에서 폴더 빼기": "Remove folder from list",
    "새로 고침(&R)": "&Refresh",
    "새로 고침": "Refresh",
    "설정(&S)…": "&Settings…",
    "끝내기(&X)": "E&xit",
    "검색": "Search",
    "발급(&N)…": "&Issue…",
    "발급": "Issue",
    "재발급(&R)…": "&Reissue…",
    "재발급": "Reissue",
    "갱신(&U)…": "Ren&ew…",
    "갱신": "Renew",
    "타기관 인증서 등록(&G)…": "Re&gister other CA's certificate…",
    "타기관 등록": "Register",
    "폐기(&V)…": "Re&voke…",
    "폐기": "Revoke",
    "은행 창구 (Teller)(&T)…": "Bank &teller…",
    "휴대폰 (모의) 열기(&P)…": "Open mock &phone…",
    "휴대폰과 인증서 주고받기(&X)…": "E&xchange certificates with a phone…",
    "데모 고객 안내(&D)…": "&Demo customers…",
    "도장 정보(&A)": "&About Dojang",
    "시작 안내(&W)": "&Welcome page",
    "키 사용": "Key usage",
    "인증서 정책": "Certificate policies",
    "주체 대체 이름": "Subject alternative name",
    "주체 키 식별자": "Subject key identifier",
    "기관 키 식별자": "Authority key identifier",
    "CRL 배포 지점": "CRL distribution points",
    "기본 제한": "Basic constraints",
    "기관 정보 액세스": "Authority information access",
    "디지털 서명": "Digital signature",
    "부인 방지": "Non-repudiation",
    "키 암호화": "Key encipherment",
    "데이터 암호화": "Data encipherment",
    "키 합의": "Key agreement",
    "인증서 서명": "Certificate signing",
    "CRL 서명": "CRL signing",
    "옮길 인증서: {0}": "Certificate(s) to move: {0}",
    "복사할 인증서: {0}": "Certificate(s) to copy: {0}",
    " (받는 곳: {0}).": " (to: {0}).",
    "가져오기": "Import",
    "PFX 파일이나 인증서 폴더를 가져옵니다": "Import a PFX file or a certificate folder",
    "파일(&F)": "&File",
    "인증서(&C)": "&Certificate",
    "은행 업무(&B)": "&Bank",
    "도구(&T)": "&Tools",
    "도움말(&H)": "&Help",
    "도구 모음": "Toolbar",
    "저장매체(&S)": "&Storages",
    "저장매체 목록": "Storage list",
    "검색(&F)": "&Find",
    "이름, 발급기관, 용도로 찾기": "Search by name, issuer or usage",
    "인증서 검색": "Search certificates",
    "만료된 인증서 표시(&E)": "Show &expired",
    "인증서 목록(&L) — 다른 저장매체로 끌어다 놓으면 복사, Shift를 누른 채 놓으면 이동":
        "Certificate &list — drag onto another storage to copy, hold Shift to move",
    "지금 처리 중: {0}": "Now: {0}",
    "인증서 목록": "Certificate list",
    "이 알림 닫기": "Dismiss this notice",
    "만료 알림 닫기": "Dismiss expiry notice",
    "인증서 {0}개 표시 (전체 {1}개)": "Showing {0} of {1} certificate(s)",
    "인증서 {0}개가 30일 이내에 만료되고, {1}개는 이미 만료되었습니다 (가장 빠른 만료: {2}).":
        "{0} certificate(s) expire within 30 days and {1} already expired (earliest: {2}).",
    "인증서 {0}개가 30일 이내에 만료됩니다 (가장 빠른 만료: {1}).":
        "{0} certificate(s) expire within 30 days (earliest: {1}).",
    "만료된 인증서가 {0}개 있습니다. 은행에서 재발급받을 수 있습니다.":
        "Expired certificates: {0}. Your bank can reissue them.",
    "암호를 잊었다면 찾을 방법이 없습니다: 인증서를 삭제하고 은행에서 다시 발급받으세요.":
        "A forgotten password cannot be recovered: delete the certificate and get a new one from your bank.",
    "저장매체를 다시 연결한 뒤 새로 고침하세요. 원본은 그대로 있습니다.":
        "Reconnect the storage and refresh. The original is untouched.",
    "인증서를 하나 고르세요.": "Select one certificate.",
    "{0}님의 인증서 암호를 입력하세요.": "Enter the certificate password of {0}.",
    "암호를 확인하는 중…": "Checking the password…",
    "암호가 맞습니다.": "The password is correct.",
    "인증서 목록을 불러오는 중…": "Loading the certificate list…",
    # stale copies (issue 16, docs/copies.md)
    "이전 인증서": "Old certificate",
    "사본 {0}개": "copies: {0}",
    "이 인증서는 갱신·재발급되어 더 이상 쓸 수 없습니다. '모두 새 인증서로 바꾸기'로 새 인증서로 바꾸세요.": "This certificate was renewed or reissued and no longer works. Replace it with \"Replace all with the new certificate\".",
    "같은 인증서가 {0}곳에 있습니다: {1}": "The same certificate is in these places ({0}): {1}",
    "모두 새 인증서로 바꾸기": "Replace all with the new certificate",
    "이전 인증서 {0}개가 남아 있습니다 ({1}). 갱신·재발급 전의 인증서라 은행에서 쓸 수 없습니다.": "Old certificates left: {0} ({1}). They are from before a renewal or reissue; the bank no longer accepts them.",
    "{0}님의 새 인증서 암호를 입력하세요. 이전 인증서 {1}개를 새 인증서로 바꿉니다.": "Enter the password of {0}'s new certificate. Old copies to replace: {1}.",
    "확인하는 중…": "Checking…",
    "암호가 다른 사본": "Copies with another password",
    "아래 이전 인증서는 암호가 다릅니다. 새 인증서로 바꾸면 그곳에서도 새 인증서의 암호를 써야 합니다. 함께 바꿀까요?\n\n{0}": "These old copies have another password. Once replaced, they open with the new certificate's password. Replace them too?\n\n{0}",
    "바꾼 사본이 없습니다: 남은 이전 인증서는 모두 암호가 달라 그대로 두었습니다.": "Nothing was replaced: every old copy left has another password and was left alone.",
    "새 인증서로 바꾸는 중…": "Replacing with the new certificate…",
    "이전 인증서 {0}개를 새 인증서로 바꿨습니다.": "Old copies replaced with the new certificate: {0}.",
    "암호가 다른 {0}개는 그대로 두었습니다.": "Left alone (another password): {0}.",
    "저장매체가 분리되었습니다: {0}. 거기서 고른 인증서는 목록에서 빠졌고, 다시 연결하면 다시 나타납니다.":
        "Storage removed: {0}. The certificates you had selected there left the list; they come back when you "
        "reconnect it.",
    "암호를 바꾸는 중…": "Changing the password…",
    "인증서 암호를 바꿨습니다.": "The certificate password was changed.",
    "PFX 파일 저장": "Save PFX file",
    "PFX 파일 (*.pfx *.p12)": "PFX files (*.pfx *.p12)",
    "파일 바꾸기": "Replace file",
    "같은 이름의 파일이 이미 있습니다. 바꿀까요?": "A file with this name already exists. Replace it?",
    "PFX 내보내기": "Export PFX",
    "인증서 암호를 입력하세요. PFX 파일도 이 암호로 보호됩니다.":
        "Enter the certificate password. The PFX file is protected with the same password.",
    "내보내는 중…": "Exporting…",
    "PFX 파일로 내보냈습니다: {0}": "Exported to PFX file: {0}",
    "쓸 수 있는 저장매체가 없습니다. USB 저장매체를 연결하거나 폴더를 추가하세요.":
        "No writable storage. Plug in a USB drive or add a folder.",
    "복사하거나 이동할 인증서를 고르세요.": "Select the certificates to copy or move.",
    "이동할 위치": "Move to",
    "복사할 위치": "Copy to",
    "읽기 전용 저장매체의 인증서는 옮길 수 없습니다. 복사하세요.":
        "Certificates on a read-only storage cannot be moved. Copy them instead.",
    "인증서 복사": "Copy certificates",
    "인증서를 여러 저장매체에 복사해 두는 것은 권장하지 않습니다. 사본이 많을수록 잃어버리거나 도난당할 위험이 커집니다. 꼭 필요할 때만 복사하고 쓰지 않는 사본은 삭제하세요.\n\n복사할까요?":
        "Keeping copies of a certificate on several storages is not recommended: the more copies, the greater "
        "the risk of losing one or having it stolen. Copy only when you need to, and delete copies you do not "
        "use.\n\nCopy now?",
    "인증서 이동": "Move certificates",
    "삭제할 인증서를 고르세요.": "Select the certificates to delete.",
    "읽기 전용 저장매체의 인증서는 삭제할 수 없습니다.": "Certificates on a read-only storage cannot be deleted.",
    "마지막 사본 삭제": "Delete the last copy",
    "삭제하려는 인증서 중 {0}개는 다른 저장매체에 사본이 없는 마지막 인증서입니다 ({1}).\n\n삭제하면 되살릴 수 없고, 이 인증서를 쓰려면 은행에서 다시 발급받아야 합니다. 정말 삭제할까요?":
        "{0} of the certificates to delete have no copy on any other storage ({1}).\n\nDeleting cannot be "
        "undone; to use them again you must get them reissued at your bank. Really delete?",
    "인증서 삭제": "Delete certificates",
    "인증서 {0}개를 삭제합니다 ({1}).\n삭제한 인증서는 되살릴 수 없습니다. 삭제할까요?":
        "Delete {0} certificate(s) ({1}).\nDeleted certificates cannot be restored. Delete?",
    "{0} / {1}: {2}": "{0} / {1}: {2}",
    "복사하는 중…": "Copying…",
    "옮기는 중…": "Moving…",
    "삭제하는 중…": "Deleting…",
    "처리하는 중…": "Working…",
    "{0}개 복사됨": "{0} copied",
    "{0}개 이동됨": "{0} moved",
    "{0}개 삭제됨": "{0} deleted",
    "{0}개 바꿈": "{0} replaced",
    "{0}개 다른 이름으로 보관": "{0} kept under another name",
    "{0}개 이미 있어 건너뜀": "{0} already there, skipped",
    "{0}개 취소함": "{0} cancelled",
    "{0}개 실패": "{0} failed",
    "{0}개는 취소해서 처리하지 않음": "{0} not processed (cancelled)",
    "처리한 인증서가 없습니다": "No certificate was processed",
    "PFX 파일 가져오기": "Import PFX file",
    "PFX 파일 (*.pfx *.p12);;모든 파일 (*)": "PFX files (*.pfx *.p12);;All files (*)",
    "가져올 위치": "Import to",
    "PFX 가져오기": "Import PFX",
    "PFX 파일의 암호를 입력하세요. 가져온 인증서도 같은 암호를 씁니다.":
        "Enter the PFX file's password. The imported certificate keeps the same password.",
    "가져올 인증서 폴더 (signCert.der가 있는 폴더)": "Certificate folder to import (the one with signCert.der)",
    "인증서를 가져왔습니다.": "Certificate imported.",
    "이미 있는 인증서입니다.": "The certificate is already there.",
    "인증서를 바꿨습니다.": "Certificate replaced.",
    "인증서를 다른 이름으로 가져왔습니다.": "Certificate imported under another name.",
    "위치: {0}": "Location: {0}",
    "이 PFX에는 본인확인용 난수가 없어 본인확인은 할 수 없습니다.":
        "This PFX has no identity-check random number, so the identity check is not possible.",
    "가져오는 중…": "Importing…",
    "추가할 폴더 (NPKI 폴더나 백업 폴더)": "Folder to add (an NPKI folder or a backup folder)",
    "폴더를 추가했습니다: {0}": "Folder added: {0}",
    "목록에서 뺐습니다. 폴더와 인증서는 그대로 있습니다.":
        "Removed from the list. The folder and its certificates are untouched.",
    "인증서 발급·갱신 마법사를 불러올 수 없습니다.": "The issue/renew wizard could not be loaded.",
    "이 창을 열 수 없습니다.": "This window cannot be opened.",
    "도장 정보": "About Dojang",
    "도장 {0}\n공동인증서(옛 공인인증서)를 하드디스크, USB 저장매체, 휴대폰(모의)에서 관리합니다.\n내장된 모의 은행이 발급하는 인증서는 테스트용이며 실제 은행에서 쓸 수 없습니다.":
        "Dojang {0}\nManages joint certificates (공동인증서, formerly 공인인증서) on the hard disk, USB drives and "
        "(mock) phones.\nCertificates issued by the built-in simulated bank are for testing and do not work at "
        "real banks.",
    # password widget
    "암호": "Password",
    "인증서 암호": "Certificate password",
    "암호 보이기/숨기기 (Ctrl+H)": "Show/hide password (Ctrl+H)",
    "암호 보이기": "Show password",
    "가상키보드로 입력 (키가 무작위로 배열됩니다)": "Type with the on-screen keypad (keys are shuffled)",
    "가상키보드": "On-screen keypad",
    "암호 확인(&R)": "&Repeat password",
    "암호 다시 입력": "Repeat password",
    "같은 암호를 한 번 더 입력": "Type the same password again",
    "Caps Lock이 켜져 있습니다.": "Caps Lock is on.",
    "영문·숫자·특수문자가 아닌 글자가 있습니다. 한/영 키를 눌러 영문 입력 상태로 바꾼 뒤 다시 입력하세요.":
        "The password contains characters other than letters, digits and symbols. Press the Han/Eng key to "
        "switch to English input and type it again.",
    "숨기기": "Hide",
    "강도: {0}": "Strength: {0}",
    "암호 규칙을 만족합니다.": "The password meets the rules.",
    "강도: -": "Strength: -",
    "영문, 숫자, 특수문자를 섞어 10자 이상으로 만드세요.":
        "Use at least 10 characters mixing letters, digits and symbols.",
    "두 암호가 일치합니다.": "The passwords match.",
    "두 암호가 일치하지 않습니다.": "The passwords do not match.",
    "Shift": "Shift",
    "특수문자": "Symbols",
    "← 지우기": "← Delete",
    "전체 삭제": "Clear",
    "재배열": "Shuffle",
    # settings
    "설정": "Settings",
    "자동 (시스템 언어)": "Automatic (system language)",
    "언어(&L)": "&Language",
    "바꾼 언어는 바로 적용됩니다.": "A new language applies at once.",
}


def fill(path: Path = TS) -> list[str]:
    tree = ET.parse(path)
    missing = []
    for msg in tree.iter("message"):
        src = msg.find("source").text or ""
        tr = msg.find("translation")
        if src not in EN:
            missing.append(src)
            continue
        tr.text = EN[src]
        tr.attrib.pop("type", None)          # drop "unfinished" / "vanished" / "obsolete"
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    gaps = fill()
    for s in gaps:
        print("no English for:", repr(s), file=sys.stderr)
    raise SystemExit(1 if gaps else 0)
