#!/usr/bin/env bash
# Handoffs stored as FHIR, two gateway builds measured in one run, interleaved (A, B, A, B, ...).
#   A_JAR=/tmp/before.jar B_JAR=gateway/target/continuum-gateway.jar bench/prison/compare-handoffs.sh [MESSAGES] [CLIENTS]
# (defaults: 200 messages, 4 clients; B_JAR defaults to the built gateway, A_JAR to B_JAR.)
# Each build runs on its own fresh database of one throwaway PostgreSQL, with the demo Organizations,
# the same JVM options (BENCH_JAVA_OPTS), and receives, per round and in turn:
#   original  HL7 v2 over MLLP, original mode: each AA after the handoff's FHIR transaction committed;
#   accept    HL7 v2 over MLLP, enhanced mode (MSH-15 AL, MSH-16 NE): CA once queued, then waits until the
#             queue is empty (every handoff stored as FHIR); "stored/s" is messages / time to empty queue;
#   json      POST /api/handoffs (JSON, the release team's token): 201 after the FHIR commit.
# Per run: handoffs/s (stored), ACK/response p50/p95, server CPU per handoff (utime+stime of the gateway
# over the run, from /proc). Raw lines in $OUT/raw.txt, table in $OUT/table.md. PROFILE=B (or A) records
# the B (A) gateway with JFR for the whole run ($OUT/B.jfr). MODES (default "original accept json").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd); cd "$root"
messages=${1:-200}; clients=${2:-4}; ROUNDS=${ROUNDS:-2}; MODES=${MODES:-original accept json}
B_JAR=${B_JAR:-$root/gateway/target/continuum-gateway.jar}; A_JAR=${A_JAR:-$B_JAR}
A_PORT=${A_PORT:-18680}; B_PORT=${B_PORT:-18690}
PG_PORT=${PG_PORT:-55462}; PG_DIR=${PG_DIR:-/tmp/continuum-bench-pg-handoffs}
OUT=${OUT:-/tmp/continuum-handoffs}; mkdir -p "$OUT"; : > "$OUT/raw.txt"
read -r -a JOPTS <<< "${BENCH_JAVA_OPTS:-}"
HZ=$(getconf CLK_TCK)
cpu_ms() { awk -v hz="$HZ" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }

url=$("$root/bench/postgres.sh" start "$PG_DIR" "$PG_PORT")
for db in handoffs_a handoffs_b; do
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists $db with (force)"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $db owner continuum"
done
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() {
  local name=$1 jar=$2 port=$3 prof=()
  [ "${PROFILE:-}" = "$name" ] && prof=(-XX:StartFlightRecording=name=bench,settings=profile)
  env CONTINUUM_SECURITY_DEV_ISSUER_ENABLED=true CONTINUUM_SECURITY_DEV_ISSUER_FORCE=true \
    SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="${url%/*}/handoffs_${name,,}" \
    SPRING_DATASOURCE_USERNAME=continuum SPRING_DATASOURCE_PASSWORD=continuum SERVER_PORT="$port" \
    CONTINUUM_PRISON_MLLP_PORT=$((port + 10000)) CONTINUUM_DEMO_ENABLED=true \
    CONTINUUM_PRISON_UNACKNOWLEDGEDCHECKINTERVAL=1h \
    java "${JOPTS[@]}" "${prof[@]}" -jar "$jar" > "$OUT/$name-server.log" 2>&1 &
  pids+=("$!"); echo "$!" > "$OUT/$name.pid"
}
wait_ready() {
  local name=$1 port=$2
  for _ in $(seq 1 1800); do
    kill -0 "$(cat "$OUT/$name.pid")" 2>/dev/null || { tail -30 "$OUT/$name-server.log"; exit 1; }
    curl -sf -m 2 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  echo "$name not ready" >&2; exit 1
}
start A "$A_JAR" "$A_PORT"; wait_ready A "$A_PORT"
start B "$B_JAR" "$B_PORT"; wait_ready B "$B_PORT"
echo "# $(date -u +%FT%TZ) $(nproc) cores; A=$A_JAR B=$B_JAR; $messages messages, $clients clients, ROUNDS=$ROUNDS" \
  | tee -a "$OUT/raw.txt"

# one NAME PORT MODE RUN-ID: one run against one gateway; appends a raw line.
one() {
  local name=$1 port=$2 mode=$3 id=$4 pid line c0 c1
  pid=$(cat "$OUT/$name.pid")
  c0=$(cpu_ms "$pid")
  case "$mode" in
    original) line=$(java "$here/MllpEndToEndBench.java" 127.0.0.1 $((port + 10000)) "$messages" "$clients" "$id") ;;
    accept) line=$(ACK_MODE=accept-only METRICS_URL="http://127.0.0.1:$port/actuator/prometheus" \
                   java "$here/MllpEndToEndBench.java" 127.0.0.1 $((port + 10000)) "$messages" "$clients" "$id" | tr '\n' ' ') ;;
    json) line=$(java "$here/HttpJsonHandoffBench.java" "http://127.0.0.1:$port" \
                   "$("$root/bench/token.sh" demo-release-team "$port")" "$messages" "$clients" "$id") ;;
  esac
  c1=$(cpu_ms "$pid")
  printf '%s\t%s\tload %s\tcpu_ms_per_handoff %.1f\t%s\n' "$mode" "$name" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$(echo "($c1 - $c0) / $messages" | bc -l)" "$line" | tee -a "$OUT/raw.txt"
}
# Warm-up: every mode once on each gateway (not counted).
for mode in $MODES; do for g in A:$A_PORT B:$B_PORT; do
  one "${g%%:*}" "${g#*:}" "$mode" "w${mode:0:1}${g%%:*}$(date +%s)" > /dev/null
done; done
: > "$OUT/measured.txt"
for round in $(seq 1 "$ROUNDS"); do
  for mode in $MODES; do for g in A:$A_PORT B:$B_PORT; do
    one "${g%%:*}" "${g#*:}" "$mode" "r$round${mode:0:1}${g%%:*}$(date +%s)" | tee -a "$OUT/measured.txt" >/dev/null
  done; done
done
for name in A B; do
  [ "${PROFILE:-}" = "$name" ] && jcmd "$(cat "$OUT/$name.pid")" JFR.dump name=bench filename="$OUT/$name.jfr" >/dev/null
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/raw.txt"
python3 "$here/compare_handoffs_report.py" "$OUT/measured.txt" | tee "$OUT/table.md"
