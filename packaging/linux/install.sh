#!/bin/sh
# Put SNApp in the current user's application menu: sh install.sh, run from the
# bundle folder (dist/SNApp, copied wherever it should live, e.g. ~/.local/opt/SNApp).
# The menu entry starts the SNApp executable beside this script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/256x256/apps"
sed "s|^Exec=SNApp$|Exec=\"$here/SNApp\"|" "$here/snapp.desktop" > "$data/applications/snapp.desktop"
cp "$here/snapp.svg" "$data/icons/hicolor/scalable/apps/snapp.svg"
cp "$here/snapp.png" "$data/icons/hicolor/256x256/apps/snapp.png"
echo "SNApp is in the application menu; it starts $here/SNApp"
