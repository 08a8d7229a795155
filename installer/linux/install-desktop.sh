#!/bin/sh
# Add Dojang to the desktop menu and make it an "Open with" choice for .pfx/.p12 files (this user only).
#   ./install-desktop.sh             run from the unpacked Dojang folder (next to the Dojang executable)
#   ./install-desktop.sh --uninstall removes the menu entry, icon and MIME file (never any certificate or data)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor/256x256/apps
mime=$data/mime/packages

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/dojang.desktop" "$icons/dojang.png" "$mime/dojang-pfx.xml"
else
    [ -x "$here/Dojang" ] || { echo "Dojang executable not found in $here" >&2; exit 1; }
    mkdir -p "$apps" "$icons" "$mime"
    # Quote the path in Exec (the folder may contain spaces), per the desktop entry spec.
    sed -e "s|^Exec=.*|Exec=\"$here/Dojang\" %f|" -e "s|^TryExec=.*|TryExec=$here/Dojang|" \
        "$here/dojang.desktop" > "$apps/dojang.desktop"
    cp "$here/app.png" "$icons/dojang.png"
    cp "$here/dojang-pfx.xml" "$mime/dojang-pfx.xml"
fi
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "done"
