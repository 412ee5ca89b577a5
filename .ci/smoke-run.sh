#!/usr/bin/env bash
# Smoke test of the zero-setup run: start the built jar on its embedded defaults in a fresh data
# directory, store a Patient, restart, and read it back (data survives a restart).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=gateway/target/continuum-gateway.jar
data=$(mktemp -d); port=$(( 20000 + RANDOM % 20000 )); mllp=$(( port + 1 )); base="http://127.0.0.1:$port"
pid=
start() {
  CONTINUUM_DATA_DIR="$data" SERVER_PORT=$port CONTINUUM_PRISON_MLLP_PORT=$mllp java -jar "$jar" > "$data/gateway.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -sf "$base/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -50 "$data/gateway.log"; return 1; }
    sleep 1
  done
  echo "gateway did not become ready"; tail -50 "$data/gateway.log"; return 1
}
stop() { kill "$pid"; wait "$pid" || true; }
# A token from the zero-setup run's development issuer (its key is new at every start).
token() {
  curl -sf -u demo-ehr:demo-ehr-secret -d grant_type=client_credentials "$base/oauth2/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

start
unauthenticated=$(curl -s -o /dev/null -w '%{http_code}' "$base/fhir/Patient")
[ "$unauthenticated" = 401 ] || { echo "smoke: 0 passed, 1 failed (no token answered $unauthenticated, not 401)"; exit 1; }
id=$(curl -sf -X POST "$base/fhir/Patient" -H "Authorization: Bearer $(token)" -H 'Content-Type: application/fhir+json' \
  -d '{"resourceType":"Patient","identifier":[{"system":"urn:continuum:smoke","value":"1"}]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
stop
start
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token)" "$base/fhir/Patient/$id")
stop
if [ "$status" = 200 ]; then
  echo "smoke: 1 passed, 0 failed (no token: 401; Patient/$id stored with a development-issuer token survived a restart on the embedded database)"
else
  echo "smoke: 0 passed, 1 failed (Patient/$id answered $status after restart)"; exit 1
fi
