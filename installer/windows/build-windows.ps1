# Builds the Watchpost Windows installer (.msi) with jpackage. Run on Windows, from any directory:
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1
#
# Needs: a JDK 17+ (JAVA_HOME, with jpackage), Maven on PATH, and the WiX Toolset 3.x (candle.exe and light.exe on
# PATH; `winget install WiXToolset.WiXToolset` or https://wixtoolset.org/docs/wix3/). jpackage 17 does not support
# WiX 4+. Output: target\installer\Watchpost-<version>.msi, installing per machine under C:\Program Files\Watchpost
# with a Start-menu entry and a desktop shortcut; a later version upgrades it in place (same upgrade UUID).
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

# The numeric version jpackage and MSI accept, from the pom: "0.1.0-SNAPSHOT" -> "0.1.0" (the same rule as
# installer/app-version.sh). MSI versions are major.minor.build with major and minor <= 255.
[xml]$pom = Get-Content pom.xml
$raw = $pom.project.version
if ($raw -notmatch '^(\d+)(\.(\d+))?(\.(\d+))?') { throw "pom version '$raw' does not start with a number" }
$version = "{0}.{1}.{2}" -f $Matches[1], ($(if ($Matches[3]) { $Matches[3] } else { 0 })), ($(if ($Matches[5]) { $Matches[5] } else { 0 }))

$jpackage = Join-Path $env:JAVA_HOME "bin\jpackage.exe"
if (-not (Test-Path $jpackage)) { throw "no jpackage at $jpackage: set JAVA_HOME to a JDK 17+" }
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) { throw "WiX 3 (candle.exe, light.exe) is not on PATH" }

# JavaFX's native libraries are per platform: build the jar with the Windows ones (the pom defaults to linux).
mvn -B -q -DskipTests "-Djavafx.platform=win" package
if ($LASTEXITCODE -ne 0) { throw "maven build failed" }

$out = "target\installer"
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item target\watchpost.jar "$out\input\"

# The same modules as build-linux.sh (jdeps on the shaded jar, plus the TLS providers and zipfs).
$modules = "java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.crypto.mscapi,jdk.httpserver,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs"

& $jpackage --type msi --dest $out `
  --name Watchpost --app-version $version `
  --description "Desktop workbench for security analysts watching AWS CloudWatch Logs" `
  --vendor "Watchpost" --copyright "Copyright Watchpost contributors" `
  --input "$out\input" --main-jar watchpost.jar --main-class io.watchpost.app.Main `
  --icon assets\icon\watchpost.ico `
  --add-modules $modules `
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" `
  --java-options "-Xmx2g" --java-options "-Dfile.encoding=UTF-8" `
  --win-menu --win-menu-group "Watchpost" --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid "6f3c2a64-7f1e-4f0c-9b7a-3d2b8e1c5a90"
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Remove-Item -Recurse -Force "$out\input"
Get-ChildItem "$out\*.msi"
