#!/usr/bin/env bash
# Builds Watchpost as a Linux desktop application with jpackage:
#   <build>/installer/Watchpost/                      the app-image (launcher + jlink'd runtime + the jar)
#   <build>/installer/watchpost_<version>_amd64.deb   the Debian package, installing to /opt/watchpost
#
#   installer/build-linux.sh                  # builds the jar with Maven, then the app-image and the .deb
#   SKIP_MAVEN=1 installer/build-linux.sh     # reuses an existing <build>/watchpost.jar (CI after `mvn verify`)
#   BUILD_DIR=target-x installer/build-linux.sh
#
# Needs a JDK 17+ with jpackage; the .deb also needs fakeroot and dpkg-deb (installed with apt-get when missing
# and running as root, as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR="${BUILD_DIR:-target}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
JPACKAGE="$JAVA_HOME/bin/jpackage"
NAME=Watchpost
PACKAGE=watchpost
VERSION=$(installer/app-version.sh pom.xml)
OUT="$BUILD_DIR/installer"

# What the jar needs from the JDK (jdeps --print-module-deps on the shaded jar), plus what it loads reflectively:
# the embedded endpoint serves on jdk.httpserver; TLS to AWS needs the EC and PKCS#11 providers; zipfs reads jars.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs

step() { echo "build-linux: $*"; }

if [[ ! -x "$JPACKAGE" ]]; then
  echo "build-linux: no jpackage at $JPACKAGE (set JAVA_HOME to a JDK 17+)" >&2
  exit 1
fi
missing=()
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v dpkg-deb >/dev/null || missing+=(dpkg)
if (( ${#missing[@]} )); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    step "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "build-linux: the .deb needs ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [[ "${SKIP_MAVEN:-}" != 1 ]]; then
  step "building the jar (mvn package)"
  mvn -B -q -DskipTests -DbuildDir="$BUILD_DIR" package
fi
JAR="$BUILD_DIR/watchpost.jar"
[[ -f "$JAR" ]] || { echo "build-linux: no $JAR" >&2; exit 1; }

# jpackage copies the whole --input directory into the image: give it the jar alone.
rm -rf "$OUT" && mkdir -p "$OUT/input" "$OUT/resources"
cp "$JAR" "$OUT/input/watchpost.jar"
# jpackage looks up overrides by file name: <launcher>.desktop for the menu entry, <launcher>.png for the icon.
cp assets/linux/watchpost.desktop "$OUT/resources/$NAME.desktop"
cp assets/icon/watchpost.png "$OUT/resources/$NAME.png"

# The launcher's JVM options live in installer/jvm.options (why each is there is written beside it). The thread
# priority policy goes into the runtime image instead (jlink --add-options): set there, the JVM does not warn a user
# who is not root that the policy "may require system level permission" on every start, CLI output included.
JVM_OPTIONS=()
JLINK_OPTIONS="--strip-debug --no-man-pages --no-header-files --strip-native-commands"
while IFS= read -r line; do
  if [[ -z "$line" || "$line" == \#* ]]; then
    continue
  elif [[ "$line" == -XX:ThreadPriorityPolicy=* ]]; then
    JLINK_OPTIONS+=" --add-options=$line"
  else
    JVM_OPTIONS+=(--java-options "$line")
  fi
done < installer/jvm.options
step "app-image $VERSION (jlink'd runtime)"
"$JPACKAGE" --type app-image --dest "$OUT" \
  --name "$NAME" --app-version "$VERSION" \
  --description "Desktop workbench for security analysts watching AWS CloudWatch Logs" \
  --vendor "Watchpost" --copyright "Copyright Watchpost contributors" \
  --input "$OUT/input" --main-jar watchpost.jar --main-class io.watchpost.app.Main \
  --icon assets/icon/watchpost.png \
  --add-modules "$MODULES" \
  --jlink-options "$JLINK_OPTIONS" \
  "${JVM_OPTIONS[@]}"

# dpkg-deb's default xz takes minutes on the ~120 MB image and saves little (the jar inside is already zipped):
# gzip builds in seconds and installs everywhere. DPKG_DEB_COMPRESSOR_TYPE=xz for the smallest file.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
step "deb ($DPKG_DEB_COMPRESSOR_TYPE)"
"$JPACKAGE" --type deb --dest "$OUT" \
  --app-image "$OUT/$NAME" --name "$NAME" --app-version "$VERSION" \
  --description "Desktop workbench for security analysts watching AWS CloudWatch Logs" \
  --vendor "Watchpost" \
  --resource-dir "$OUT/resources" \
  --linux-package-name "$PACKAGE" --linux-deb-maintainer "maintainers@watchpost.io" \
  --linux-menu-group "Development;Monitor;Security;" --linux-app-category utils --linux-shortcut

rm -rf "$OUT/input"
step "done:"
ls -1sh "$OUT"/*.deb
echo "  app-image: $OUT/$NAME/bin/$NAME"
