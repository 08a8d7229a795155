; Inno Setup 6 script for Dojang (Windows x64). Build the one-folder app first (`make dist` on Windows
; gives dist\Dojang\Dojang.exe), then from the repository root:
;     iscc installer\windows\dojang.iss            (output: dist\Dojang-<version>-setup.exe)
;
; - Installs per user by default (no admin prompt); "install for all users" is offered in a dialog.
; - Start-menu entry (+ optional desktop icon); "Open with Dojang" for .pfx/.p12 (Dojang then starts a
;   PFX import of the file). The existing default handler of .pfx (Windows' certificate import) is left alone.
; - The uninstaller removes only what it installed. Certificates (NPKI folders) are never touched.
;   Dojang's data folder (%APPDATA%\Dojang: simulated bank, settings, mock phones) is kept unless the
;   user says yes to a question whose default answer is "keep" (a silent uninstall always keeps it).
;   A portable `dojang-data` folder in the install folder is not an installed file, so it stays too.

#define AppName "Dojang"
#define AppExe "Dojang.exe"
#define SourceDir "..\..\dist\Dojang"
#ifndef AppVersion
  ; The version resource PyInstaller wrote into Dojang.exe (from core/__init__.py), e.g. 0.1.0.0
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + SourceDir + "\" + AppExe)
#endif

[Setup]
AppId={{6F2C3E0A-5B1D-4C8E-9A57-D0A9E1B7C4F2}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Dojang
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Dojang setup — 공동인증서 관리
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Dojang-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
korean.DesktopIcon=바탕 화면에 바로 가기 만들기
english.DesktopIcon=Create a desktop shortcut
korean.AssocPfx=PFX 파일(.pfx, .p12)의 "연결 프로그램"에 도장 추가
english.AssocPfx=Add Dojang to "Open with" for PFX files (.pfx, .p12)
korean.PfxType=PFX 인증서 파일
english.PfxType=PFX certificate file
korean.KeepData=도장의 데이터 폴더가 남아 있습니다:%n%n%1%n%n모의 은행(발급 기록, 데모 고객), 설정, 모의 휴대폰이 들어 있습니다. 이 폴더도 지울까요?%n%n공동인증서(NPKI 폴더)는 어느 쪽이든 지우지 않습니다.%n%n[아니요]를 누르면 그대로 둡니다(권장).
english.KeepData=Dojang's data folder is still there:%n%n%1%n%nIt holds the simulated bank (issuance records, demo customers), settings and the mock phones. Delete this folder as well?%n%nYour certificates (NPKI folders) are never deleted either way.%n%nChoose No to keep it (recommended).
korean.RunApp=도장 실행
english.RunApp=Start Dojang

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked
Name: "assocpfx"; Description: "{cm:AssocPfx}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName} (도장)"; Filename: "{app}\{#AppExe}"; Comment: "공동인증서 관리 · Certificate manager"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName} (도장)"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" entries only (HKA = HKCU for a per-user install, HKLM for all users); removed on uninstall.
Root: HKA; Subkey: "Software\Classes\Dojang.Pfx"; ValueType: string; ValueName: ""; ValueData: "{cm:PfxType}"; Flags: uninsdeletekey; Tasks: assocpfx
Root: HKA; Subkey: "Software\Classes\Dojang.Pfx\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: assocpfx
Root: HKA; Subkey: "Software\Classes\Dojang.Pfx\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: assocpfx
Root: HKA; Subkey: "Software\Classes\.pfx\OpenWithProgids"; ValueType: string; ValueName: "Dojang.Pfx"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assocpfx
Root: HKA; Subkey: "Software\Classes\.p12\OpenWithProgids"; ValueType: string; ValueName: "Dojang.Pfx"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assocpfx
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pfx"; ValueData: ""; Flags: uninsdeletekey; Tasks: assocpfx
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".p12"; ValueData: ""; Tasks: assocpfx

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:RunApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Nothing of the user's: no NPKI folder, no data folder (see the question below), no dojang-data.

[Code]
// After the files are gone: offer to delete Dojang's own data folder; the default answer keeps it.
// The NPKI folders (%USERPROFILE%\AppData\LocalLow\NPKI, removable drives) are never deleted.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{userappdata}\Dojang');
    if DirExists(DataDir) then
      if SuppressibleMsgBox(FmtMessage(CustomMessage('KeepData'), [DataDir]), mbConfirmation,
                            MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
