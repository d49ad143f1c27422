#!/usr/bin/env bash
# Build the desktop app for the platform this runs on, as one folder:
#
#     bash packaging/build.sh        ->  dist/SNApp/  (run dist/SNApp/SNApp, or SNApp.exe on Windows)
#
# Uses the project's .venv (made here with the app installed if it is missing)
# and installs PyInstaller into it when it is not there yet. Then
# `bash packaging/smoke.sh` checks the result. On Windows run it from Git Bash;
# packaging/windows/snapp.iss then makes the installer from dist/SNApp.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x .venv/Scripts/python.exe ]; then PYTHON=.venv/Scripts/python.exe; else PYTHON=.venv/bin/python; fi
[ -x "$PYTHON" ] || { python3 -m venv .venv && PYTHON=.venv/bin/python; }
"$PYTHON" -c "import snapp, PyInstaller" 2>/dev/null || "$PYTHON" -m pip install -q -e '.[bundle]'

"$PYTHON" packaging/icons.py build/icons
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/snapp.spec

case "$(uname -s)" in
    Linux) cp packaging/linux/snapp.desktop packaging/linux/install.sh build/icons/snapp.png resources/icons/snapp.svg dist/SNApp/ ;;
esac
echo "built dist/SNApp: $(du -sh dist/SNApp | cut -f1)"
