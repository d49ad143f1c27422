; Inno Setup script for SNApp on Windows: one installer from the one-folder build.
;
; On a Windows PC, from the project folder (Git Bash for the first line):
;     bash packaging/build.sh
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\snapp.iss
; gives dist\SNApp-0.1.0-setup.exe. It installs for the current user without
; administrator rights (clerks rarely have them) into
; %LOCALAPPDATA%\Programs\SNApp; an administrator can choose all users instead.
; The database, settings and log live in the user's folders, never in {app},
; so an update or an uninstall leaves them alone.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C7F3A52-9D1E-4B8A-A0E2-5F3C1D7B9E41}
AppName=SNApp
AppVersion={#AppVersion}
AppVerName=SNApp {#AppVersion}
AppPublisher=SNApp
DefaultDirName={autopf}\SNApp
DefaultGroupName=SNApp
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SNApp-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\snapp.ico
UninstallDisplayIcon={app}\SNApp.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup's Chinese (Simplified) messages are an unofficial translation: add
; ChineseSimplified.isl to its Languages folder, then uncomment.
; Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\SNApp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\SNApp"; Filename: "{app}\SNApp.exe"
Name: "{group}\{cm:UninstallProgram,SNApp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\SNApp"; Filename: "{app}\SNApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\SNApp.exe"; Description: "{cm:LaunchProgram,SNApp}"; Flags: nowait postinstall skipifsilent
