#!/usr/bin/env bash
# Builds the production jar of an older commit, for the bench's before column:
#   bench/baseline.sh [-o] COMMIT [DIR]
# writes DIR/syncro-bot-<short sha>.jar (DIR defaults to target/baseline of this tree) and prints its path;
# then: mvn -B -Pbench -DskipTests verify -Dbench.args="--baseline THAT_PATH ...".
# The commit's tree is exported with git archive into a temporary folder and built there with
# mvn -B -q package -DskipTests (-o: offline), so this working tree and its target/ stay as they are.
# A jar already built for that commit is reused.
set -euo pipefail

offline=()
if [[ "${1:-}" == "-o" ]]; then
  offline=(-o)
  shift
fi
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: bench/baseline.sh [-o] COMMIT [DIR]   (e.g. bench/baseline.sh main~3 /tmp/baselines)" >&2
  exit 2
fi

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
if ! sha="$(git -C "$root" rev-parse --verify --quiet "$1^{commit}")"; then
  echo "No commit '$1' in $root: give a commit id, branch or tag (git log --oneline)." >&2
  exit 2
fi
short="${sha:0:7}"
dir="${2:-$root/target/baseline}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
jar="$dir/syncro-bot-$short.jar"
if [[ -f "$jar" ]]; then
  echo "$jar"
  exit 0
fi

src="$(mktemp -d "${TMPDIR:-/tmp}/syncro-baseline-$short.XXXXXX")"
trap 'rm -rf "$src"' EXIT
git -C "$root" archive "$sha" | tar -x -C "$src"
echo "Building $short in $src ..." >&2
(cd "$src" && mvn -B -q "${offline[@]}" package -DskipTests >&2)
if [[ ! -f "$src/target/syncro-bot.jar" ]]; then
  echo "The build of $short made no target/syncro-bot.jar." >&2
  exit 1
fi
cp "$src/target/syncro-bot.jar" "$jar"
echo "$jar"
