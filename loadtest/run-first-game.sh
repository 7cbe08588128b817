#!/usr/bin/env bash
# The first game of a fresh server (docs/benchmarks.md, "The first game of the day"): one room of N players all
# answering at once, no warm-up game, a fresh server per run, RUNS runs per size; then one run per server under
# Java Flight Recorder for the hottest frames.
# Usage (from the project's top folder, after `mvn -q -DskipTests package`):
#   bash loadtest/run-first-game.sh [OUT_DIR] [RUNS]
# SERVERS="name=path/to/quizroom.jar other=path/to/other.jar" measures several builds, their runs interleaved so
# that each sees the same load on the machine (default: "server=server/target/quizroom.jar").
# SIZES="1000 5000 10000" picks the sizes; JFR_SIZES="1000" those of the profiled runs ("" for none).
# Writes OUT_DIR/<server>-n<N>-<run>.json and .txt (table, and `uptime` before the run), OUT_DIR/summary-<server>.md,
# OUT_DIR/jfr-<server>-n<N>.jfr and OUT_DIR/jfr-<server>-n<N>-top.txt (JfrTop: the play only).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-loadtest/target/first-game-$(date +%Y%m%d-%H%M%S)}
RUNS=${2:-3}
TOOL=loadtest/target/quizroom-loadtest.jar
SERVERS=${SERVERS:-server=server/target/quizroom.jar}
SIZES=${SIZES:-1000 5000 10000}
JFR_SIZES=${JFR_SIZES-1000}
SERVER_JVM="-Xms256m -Xmx1g"
# The tool is a fresh JVM on the same cores as the server: with C2 its JIT compiler threads took 4.5 s of CPU in a
# run of 1,000 (its event loops 0.3 s). C1 alone compiles its light work at a tenth of that; it checks the same.
TOOL_JVM=${TOOL_JVM:-"-Xmx3g -XX:TieredStopAtLevel=1"}
# Three questions: the first opened by `start`, the next two by `next`; answers at once (window 0).
SHAPE="--questions 3 --window 0 --reading 2 --join-concurrency 500"
ulimit -n 20000 2>/dev/null || true
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
git rev-parse --short HEAD > "$OUT/revision.txt" 2>/dev/null || true

for i in $(seq 1 "$RUNS"); do
  for n in $SIZES; do
    for server in $SERVERS; do
      label=${server%%=*} jar=${server#*=}
      file="$OUT/$label-n$n-$i"
      { echo "# $(date -u +%FT%TZ) uptime: $(uptime)"; echo "# server: $jar"; echo "# options: --players $n $SHAPE"; } > "$file.txt"
      # shellcheck disable=SC2086
      java $TOOL_JVM -jar "$TOOL" --spawn-server "$jar" --server-jvm "$SERVER_JVM" --players "$n" $SHAPE \
        --json "$file.json" 2>&1 | grep -v '^JSON ' >> "$file.txt" || true
      echo "$label n=$n run $i: $(tail -n 1 "$file.txt")"
    done
  done
done

for server in $SERVERS; do
  label=${server%%=*}
  java -cp "$TOOL" app.quizroom.loadtest.Summary "$OUT/$label"-n*.json > "$OUT/summary-$label.md"
  echo "## $label"; cat "$OUT/summary-$label.md"
done

# One profiled run per server at 1,000: where the server's time goes during the play (the warm-ups and the joins
# left out, cut by the run's playEpochMs): Java samples every 1 ms, native ones every 2 ms, every compilation.
JFC="$OUT/profile-1ms.jfc"
jfr configure --input profile 'jdk.ExecutionSample#period=1 ms' 'jdk.NativeMethodSample#period=2 ms' \
  'jdk.Compilation#threshold=0 ms' --output "$JFC" > /dev/null
for n in $JFR_SIZES; do
  for server in $SERVERS; do
    label=${server%%=*}-n$n jar=${server#*=}
    jfr="$OUT/jfr-$label.jfr"
    # shellcheck disable=SC2086
    java $TOOL_JVM -jar "$TOOL" --spawn-server "$jar" --no-bare --players "$n" $SHAPE \
      --server-jvm "$SERVER_JVM -XX:StartFlightRecording=filename=$jfr,settings=$JFC" \
      --json "$OUT/jfr-$label.json" 2>&1 | tail -n 1
    java -cp "$TOOL" app.quizroom.loadtest.JfrTop "$jfr" "$OUT/jfr-$label.json" 25 > "$OUT/jfr-$label-top.txt"
    echo "## JFR $label"; head -n 40 "$OUT/jfr-$label-top.txt"
  done
done
echo "# $(date -u +%FT%TZ) uptime: $(uptime)" > "$OUT/end.txt"
