#!/usr/bin/env bash
# Builds the bot's class-data sharing archive (AppCDS, JDK 17's dynamic archive), as the Dockerfile and the
# bench do: starts `serve` against a throwaway store, waits until GET /healthz answers 200, stops it with
# SIGTERM as a container runtime does, and the JVM writes every class it loaded to ARCHIVE on its way out.
# A later `java -XX:SharedArchiveFile=ARCHIVE ...` with the same JVM, jar and options maps those classes
# instead of loading and verifying them again; a missing or mismatched archive only costs that speed.
#
# Usage: cds-archive.sh ARCHIVE JAVA [JVM OPTIONS...] -jar JAR
# Nothing outside the throwaway folder is touched: Slack and Syncro point at a closed loopback port
# (the bot only warns that it cannot check its token). PORT (default 3000) is where the bot listens meanwhile.
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 ARCHIVE JAVA [JVM OPTIONS...] -jar JAR" >&2
  exit 2
fi
archive=$1
java=$2
shift 2
port=${PORT:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"

# Only the locale is kept from the caller's environment: nothing of an operator's bot configuration leaks in.
env -i PATH="$PATH" HOME="$work" PORT="$port" ${LANG:+LANG="$LANG"} ${LC_ALL:+LC_ALL="$LC_ALL"} \
  SLACK_BOT_TOKEN=xoxb-cds-training SLACK_SIGNING_SECRET=cds-training \
  SLACK_API_URL=http://127.0.0.1:9/api/ SYNCRO_BASE_URL=http://127.0.0.1:9/api/v1 \
  SYNCRO_BOT_DB_URL="jdbc:sqlite:$work/bot.db" SYNCRO_BOT_SECRET_KEY_FILE="$work/secret.key" \
  "$java" -XX:ArchiveClassesAtExit="$archive" "$@" serve >"$work/bot.log" 2>&1 &
pid=$!

healthy() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /healthz HTTP/1.0\r\n\r\n' >&3 && grep -q ' 200' <&3
}
up=no
for _ in $(seq 1200); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "cds-archive: the bot exited before it was healthy:" >&2
    cat "$work/bot.log" >&2
    exit 1
  fi
  if (healthy) 2>/dev/null; then
    up=yes
    break
  fi
  sleep 0.1
done
kill -TERM "$pid"
if [ "$up" != yes ]; then
  wait "$pid" || true
  rm -f "$archive"
  echo "cds-archive: the bot was not healthy within 120 s:" >&2
  cat "$work/bot.log" >&2
  exit 1
fi
# A JVM stopped by SIGTERM exits with 143 after its shutdown hooks, having written the archive.
wait "$pid" || true
if [ ! -s "$archive" ]; then
  echo "cds-archive: no archive was written to $archive:" >&2
  cat "$work/bot.log" >&2
  exit 1
fi
echo "cds-archive: wrote $archive ($(du -k "$archive" | cut -f1) KB)"
