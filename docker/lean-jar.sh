#!/usr/bin/env bash
# Makes the image's copy of the jar lean: of the SQLite native libraries (sqlite-jdbc ships one for each of
# 20 platforms, about 12 MB of the jar) it keeps only those of the platforms the container runs on, Linux
# with glibc on x86_64 and aarch64 (eclipse-temurin's images), and deletes the others (musl, 32-bit and other
# Linux CPUs, Windows, macOS, FreeBSD...). The jar that `mvn package` builds for `java -jar` keeps them all.
#
# Usage: lean-jar.sh IN.jar OUT.jar    (needs the JDK's `jar` and Info-ZIP's `zip`)
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 IN.jar OUT.jar" >&2
  exit 2
fi
in=$1
out=$2
keep='^org/sqlite/native/Linux/(x86_64|aarch64)/'
cp "$in" "$out"
jar tf "$out" | grep '^org/sqlite/native/.' | grep -Ev "$keep|^org/sqlite/native/Linux/$" | sed 's/[][*?\\]/\\&/g' \
  | xargs -r zip -q -d "$out"
# A newer sqlite-jdbc that moved its libraries must fail the build, not ship an image that cannot open a store.
left=$(jar tf "$out" | grep '^org/sqlite/native/.*[^/]$' || true)
for arch in x86_64 aarch64; do
  if ! grep -q "^org/sqlite/native/Linux/$arch/libsqlitejdbc.so$" <<<"$left"; then
    echo "lean-jar: $in has no SQLite library for Linux $arch (org/sqlite/native/Linux/$arch/)" >&2
    exit 1
  fi
done
echo "lean-jar: $out $(($(stat -c %s "$out") / 1024)) KB (from $(($(stat -c %s "$in") / 1024)) KB), SQLite libraries kept:" $left
