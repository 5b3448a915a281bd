#!/usr/bin/env bash
# Builds the Watchpost macOS disk image (.dmg) with jpackage. Run on macOS:
#
#   installer/macos/build-macos.sh                         # unsigned .dmg for testing
#   SIGN_IDENTITY="Developer ID Application: Example Corp (TEAMID)" installer/macos/build-macos.sh
#
# Needs: a JDK 17+ (JAVA_HOME, with jpackage), Maven, and Xcode's command line tools (sips, iconutil, hdiutil).
# Apple Silicon builds get aarch64 natives, Intel builds x86_64: build on the architecture you ship (or both).
# Output: target/installer/Watchpost-<version>.dmg holding Watchpost.app.
#
# macOS refuses bundle versions whose first number is 0 (CFBundleVersion), so while the pom is 0.x the app
# version must be given: APP_VERSION=1.0.0 installer/macos/build-macos.sh. From 1.0 on, the pom's is used.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME="${JAVA_HOME:-$(/usr/libexec/java_home -v 17+)}"
JPACKAGE="$JAVA_HOME/bin/jpackage"
VERSION="${APP_VERSION:-$(installer/app-version.sh pom.xml)}"
if [[ "$VERSION" == 0.* ]]; then
  echo "build-macos: app version $VERSION starts with 0, which macOS rejects; set APP_VERSION (e.g. 1.0.0)" >&2
  exit 1
fi
case "$(uname -m)" in
  arm64) PLATFORM=mac-aarch64 ;;
  *) PLATFORM=mac ;;
esac

# JavaFX's native libraries are per platform: build the jar with the Mac ones (the pom defaults to linux).
mvn -B -q -DskipTests -Djavafx.platform="$PLATFORM" package

OUT=target/installer
rm -rf "$OUT" && mkdir -p "$OUT/input" "$OUT/Watchpost.iconset"
cp target/watchpost.jar "$OUT/input/"

# The .icns from the one PNG source (assets/icon/watchpost.png, drawn by installer/icon/DrawIcon.java at 256 px;
# redraw at 1024 for a sharper Retina icon: java installer/icon/DrawIcon.java "$OUT/icon-1024.png" 1024).
java installer/icon/DrawIcon.java "$OUT/icon-1024.png" 1024
for size in 16 32 128 256 512; do
  sips -z $size $size "$OUT/icon-1024.png" --out "$OUT/Watchpost.iconset/icon_${size}x${size}.png" >/dev/null
  sips -z $((size * 2)) $((size * 2)) "$OUT/icon-1024.png" --out "$OUT/Watchpost.iconset/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$OUT/Watchpost.iconset" -o "$OUT/Watchpost.icns"

MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs

sign=()
if [[ -n "${SIGN_IDENTITY:-}" ]]; then
  sign=(--mac-sign --mac-signing-key-user-name "$SIGN_IDENTITY")
fi

"$JPACKAGE" --type dmg --dest "$OUT" \
  --name Watchpost --app-version "$VERSION" \
  --description "Desktop workbench for security analysts watching AWS CloudWatch Logs" \
  --vendor "Watchpost" --copyright "Copyright Watchpost contributors" \
  --input "$OUT/input" --main-jar watchpost.jar --main-class io.watchpost.app.Main \
  --icon "$OUT/Watchpost.icns" \
  --add-modules "$MODULES" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --java-options "-Xmx2g" --java-options "-Dfile.encoding=UTF-8" \
  --mac-package-identifier io.watchpost.app --mac-package-name Watchpost \
  --mac-app-category public.app-category.developer-tools \
  "${sign[@]}"

rm -rf "$OUT/input" "$OUT/Watchpost.iconset"
ls -1 "$OUT"/*.dmg
# Distributing outside the App Store also needs notarization:
#   xcrun notarytool submit "$OUT"/Watchpost-*.dmg --keychain-profile NOTARY --wait && xcrun stapler staple "$OUT"/Watchpost-*.dmg
