#!/usr/bin/env bash
# Crash drill for the HL7 v2 accept acknowledgment (enhanced mode, MSH-16 NE): MESSAGES handoffs, each a new
# person, are answered CA by one gateway on PostgreSQL; once KILL_AFTER of them have been stored as FHIR the
# gateway is killed with SIGKILL (no shutdown, a claimed batch in flight), then started again. Afterwards the
# queue must be empty with no dead letters, and every person must have exactly one Patient: 0 lost (a CA is a
# promise), 0 duplicated (a handoff stored again after the crash is an update).
#   bench/prison/crash-drill.sh [MESSAGES] [KILL_AFTER]        (default 300, 100)
# Needs the built jar (mvn -B -DskipTests package), PostgreSQL binaries, curl, jq. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/auth.sh
messages=${1:-300}; kill_after=${2:-100}
port=${PORT:-18481}; mllp=$((port + 10000))
pg_dir=/tmp/continuum-bench-pg-prison-crash; pg_port=${PG_PORT:-55443}
url=$(bench/postgres.sh start "$pg_dir" "$pg_port")
trap 'kill -9 "$(cat /tmp/continuum-gateway-$port.pid)" 2>/dev/null || true; bench/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
# Demo Organizations (the handoff names them); the unacknowledged check out of the way; a short lease so the
# batch that was in flight at the kill is taken over soon after the restart.
export CONTINUUM_DEMO_ENABLED=true CONTINUUM_PRISON_UNACKNOWLEDGEDCHECKINTERVAL=1h CONTINUUM_PRISON_QUEUE_LEASE=20s
mkdir -p bench/prison/results
exec > >(tee "bench/prison/results/crash-drill-$(date -u +%Y%m%dT%H%M%SZ).txt") 2>&1
metrics="http://127.0.0.1:$port/actuator/prometheus"
queue() {  # STATE: rows of the handoff queue in that state (its gauge)
  curl -sf "$metrics" | awk -v s="state=\"$1\"" 'index($0, "continuum_prison_handoff_queue{") == 1 && index($0, s) { print int($NF) }'
}
bench/gateway.sh start "$url" "$port"
run="k$(date +%s)"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $messages handoffs, kill after $kill_after stored"
ACK_MODE=accept-only java bench/prison/MllpEndToEndBench.java 127.0.0.1 "$mllp" "$messages" 4 "$run"
for _ in $(seq 1 3000); do
  waiting=$(( $(queue pending) + $(queue in_flight) ))
  [ $((messages - waiting)) -ge "$kill_after" ] && break
  sleep 0.1
done
echo "killing the gateway (SIGKILL) with $(queue pending) pending and $(queue in_flight) in flight"
kill -9 "$(cat "/tmp/continuum-gateway-$port.pid")"
sleep 1
bench_auth_reset "$port"
bench/gateway.sh start "$url" "$port"
for _ in $(seq 1 6000); do
  [ $(( $(queue pending) + $(queue in_flight) )) -eq 0 ] && break
  sleep 0.1
done
dead=$(queue dead); left=$(( $(queue pending) + $(queue in_flight) ))
auth=$(bench_auth_header "$port")
lost=0; duplicated=0
for i in $(seq 0 $((messages - 1))); do
  found=$(curl -sf -H "$auth" "http://127.0.0.1:$port/fhir/Patient?identifier=B${run}x$i&_elements=id" | jq '.entry // [] | length')
  [ "$found" -eq 0 ] && lost=$((lost + 1))
  [ "$found" -gt 1 ] && duplicated=$((duplicated + 1))
done
echo "after restart: queue left $left, dead letters $dead; persons $messages: lost $lost, duplicated $duplicated"
[ "$left" -eq 0 ] && [ "$dead" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$duplicated" -eq 0 ]
