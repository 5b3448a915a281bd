#!/usr/bin/env bash
# Prints the numeric application version jpackage accepts, derived from the pom's <version>:
# "0.1.0-SNAPSHOT" -> "0.1.0", "1.2" -> "1.2.0", "2.0.0.RC1" -> "2.0.0". jpackage rejects qualifiers, and the
# Windows MSI and macOS bundle versions need plain numbers; three parts suit all three platforms.
set -euo pipefail
pom="${1:-$(dirname "$0")/../pom.xml}"
# The project's own <version> is the first one after its <artifactId> (the parent-less pom has none earlier).
raw=$(awk '/<artifactId>watchpost<\/artifactId>/ {found=1} found && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' "$pom")
if [[ -z "$raw" ]]; then
  echo "app-version: no <version> found in $pom" >&2
  exit 1
fi
numeric=$(sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/' <<<"$raw")
if [[ ! "$numeric" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "app-version: pom version '$raw' does not start with a number" >&2
  exit 1
fi
while [[ $(tr -cd . <<<"$numeric" | wc -c) -lt 2 ]]; do numeric="$numeric.0"; done
echo "$numeric"
