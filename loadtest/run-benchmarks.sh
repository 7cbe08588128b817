#!/usr/bin/env bash
# Runs every load measurement of docs/benchmarks.md in one sitting, 3 runs per shape, each against a freshly
# started server (java -jar server/target/quizroom.jar) on 127.0.0.1; then the JMH microbenchmarks.
# Usage (from the project's top folder, after `mvn -q -DskipTests package`):
#   bash loadtest/run-benchmarks.sh [OUT_DIR] [RUNS]
# SERVERS="name=path/to/quizroom.jar other=path/to/other.jar" measures several builds of the server, their runs
# interleaved so that each sees the same load on the machine (default: "server=server/target/quizroom.jar").
# Writes OUT_DIR/<server>-<shape>-<run>.json, OUT_DIR/<server>-<shape>-<run>.txt (table, and `uptime` before the
# run), OUT_DIR/summary-<server>.md and OUT_DIR/jmh.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-loadtest/target/bench-$(date +%Y%m%d-%H%M%S)}
RUNS=${2:-3}
TOOL=loadtest/target/quizroom-loadtest.jar
SERVERS=${SERVERS:-server=server/target/quizroom.jar}
# The server's heap for every run; the tool's own JVM gets more, it holds every client socket.
SERVER_JVM="-Xms256m -Xmx1g"
TOOL_JVM="-Xmx3g"
# 10,000 sockets in the tool and 10,000 in the server: each process needs that many descriptors.
ulimit -n 20000 || true
mkdir -p "$OUT"
git rev-parse --short HEAD > "$OUT/revision.txt" 2>/dev/null || true

run() { # name, then load-tool options
  local name=$1; shift
  for i in $(seq 1 "$RUNS"); do
    for server in $SERVERS; do
      local label=${server%%=*} jar=${server#*=}
      local file="$OUT/$label-$name-$i"
      { echo "# $(date -u +%FT%TZ) uptime: $(uptime)"; echo "# server: $jar"; echo "# options: $*"; } > "$file.txt"
      java $TOOL_JVM -jar "$TOOL" --spawn-server "$jar" --server-jvm "$SERVER_JVM" \
        --json "$file.json" "$@" 2>&1 | grep -v '^JSON ' >> "$file.txt" || true
      echo "$label $name $i: $(tail -n 1 "$file.txt")"
    done
  done
}

# The server runs with its defaults except what the load tool lifts for a spawned server: the join rate per
# room and the games one address may create per minute (see LoadOptions.SPAWN_ENV).

# The curve: one room, answers spread over 10 s, after a 1,000-player warm-up game.
for n in 100 1000 2000 5000 10000; do
  run "curve-n$n" --players "$n" --questions 3 --window 10 --reading 2 --join-concurrency 500 --warmup 1000
done
# One room of 1,000, everyone answering at once.
run "at-once-n1000" --players 1000 --questions 5 --window 0 --reading 2 --warmup 1000
# The same with the results database in memory (tmpfs): how much of the acknowledgement time is the disk sync.
run "at-once-n1000-dbtmpfs" --players 1000 --questions 5 --window 0 --reading 2 --warmup 1000 \
  --server-env QUIZROOM_DB=/dev/shm/quizroom-loadtest.db
# 300 rooms of 30 at the same time.
run "rooms300x30" --rooms 300 --players 30 --questions 3 --window 10 --reading 2 --join-concurrency 30 \
  --warmup 1000 --no-bare

for server in $SERVERS; do
  label=${server%%=*}
  java -cp "$TOOL" app.quizroom.loadtest.Summary "$OUT/$label"-*.json > "$OUT/summary-$label.md"
  echo "## $label"; cat "$OUT/summary-$label.md"
done
rm -f /dev/shm/quizroom-loadtest.db*

echo "# $(date -u +%FT%TZ) uptime: $(uptime)" > "$OUT/jmh.txt"
java -cp "$TOOL" org.openjdk.jmh.Main -wi 2 -i 3 -f 1 -w 1s -r 1s >> "$OUT/jmh.txt" 2>&1
tail -n 15 "$OUT/jmh.txt"
