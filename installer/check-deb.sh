#!/usr/bin/env bash
# Checks a built watchpost .deb: its control data (dpkg-deb -I), that it carries the launcher, the jlink'd runtime,
# the jar, the icon and the desktop entry (dpkg-deb -c), that the desktop entry points at files the package
# installs, and that the bundled runtime really runs the app (`Watchpost --version` from the unpacked package).
#
#   installer/check-deb.sh target/installer/watchpost_0.1.0-1_amd64.deb
set -euo pipefail
DEB=$(realpath "${1:?usage: check-deb.sh PACKAGE.deb}")
cd "$(dirname "$0")/.."
VERSION=$(installer/app-version.sh pom.xml)
POM_VERSION=$(awk '/<artifactId>watchpost<\/artifactId>/ {f=1} f && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
failures=0
check() { # check DESCRIPTION COMMAND...
  if "${@:2}" >/dev/null 2>&1; then echo "  ok   $1"; else echo "  FAIL $1"; failures=$((failures + 1)); fi
}

info=$(dpkg-deb -I "$DEB")
contents=$(dpkg-deb -c "$DEB")
has() { grep -qE "$1" <<<"$contents"; }
field() { grep -qE "^ $1: $2\$" <<<"$info"; }

echo "check-deb: $DEB"
check "Package: watchpost"                     field Package watchpost
check "Version: $VERSION-1"                     field Version "$VERSION-1"
check "Architecture: amd64"                     field Architecture amd64
check "depends on xdg-utils (menu entry)"       grep -qE "^ Depends:.*xdg-utils" <<<"$info"
check "launcher /opt/watchpost/bin/Watchpost, executable" has '^-rwxr-xr-x .* \./opt/watchpost/bin/Watchpost$'
check "runtime: libjvm.so"                      has '\./opt/watchpost/lib/runtime/lib/server/libjvm\.so$'
check "runtime: release file"                   has '\./opt/watchpost/lib/runtime/release$'
check "runtime is jlink'd (no jmods, no javac)" bash -c "! grep -qE '/runtime/(jmods/|bin/javac)' <<<\"\$0\"" "$contents"
check "application jar"                         has '\./opt/watchpost/lib/app/watchpost\.jar$'
check "launcher config"                         has '\./opt/watchpost/lib/app/Watchpost\.cfg$'
check "icon"                                    has '\./opt/watchpost/lib/Watchpost\.png$'
check "desktop entry"                           has '\./opt/watchpost/lib/watchpost-Watchpost\.desktop$'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$DEB" "$work/root"
dpkg-deb -e "$DEB" "$work/control"
desktop="$work/root/opt/watchpost/lib/watchpost-Watchpost.desktop"
exec_path=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon_path=$(sed -n 's/^Icon=//p' "$desktop")
check "desktop entry is ours (assets/linux/watchpost.desktop)" diff -q assets/linux/watchpost.desktop "$desktop"
check "desktop Exec=$exec_path is in the package" test -x "$work/root$exec_path"
check "desktop Icon=$icon_path is in the package" test -f "$work/root$icon_path"
check "icon is assets/icon/watchpost.png"        cmp -s assets/icon/watchpost.png "$work/root$icon_path"
check "postinst installs the menu entry"       grep -q "xdg-desktop-menu install /opt/watchpost/lib/watchpost-Watchpost.desktop" "$work/control/postinst"
check "app version in the launcher config"     grep -q "jpackage.app-version=$VERSION" "$work/root/opt/watchpost/lib/app/Watchpost.cfg"
while IFS= read -r option; do
  [[ -z "$option" || "$option" == \#* ]] && continue
  if [[ "$option" == -XX:ThreadPriorityPolicy=* ]]; then # build-linux.sh puts it into the runtime image
    check "runtime image has $option (installer/jvm.options)" grep -aqF -- "$option" "$work/root/opt/watchpost/lib/runtime/lib/modules"
  else
    check "launcher config has $option (installer/jvm.options)" grep -qF -- "java-options=$option" "$work/root/opt/watchpost/lib/app/Watchpost.cfg"
  fi
done < installer/jvm.options
out=$("$work/root/opt/watchpost/bin/Watchpost" --version 2>&1 || true)
check "bundled runtime runs: Watchpost --version -> 'watchpost $POM_VERSION'" test "$out" = "watchpost $POM_VERSION"
[[ "$out" = "watchpost $POM_VERSION" ]] || echo "       got: $out"

if (( failures )); then
  echo "check-deb: $failures check(s) failed"
  exit 1
fi
echo "check-deb: all checks passed ($(du -h "$DEB" | cut -f1), $(wc -l <<<"$contents") entries)"
