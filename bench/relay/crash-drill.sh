#!/usr/bin/env bash
# Relay crash drill (issue 4, item 7): queue N deliveries to a WireMock partner, kill -9 the
# gateway while it is delivering, restart it, and count what the partner received.
#
#   bench/relay/crash-drill.sh [N=1000] [KILL_AFTER=300]
#
# The partner (WireMock) answers 503 with Retry-After: 60 while the N referrals are written, then
# 200 after 20 ms; the gateway is killed once KILL_AFTER deliveries reached it.
#
# Needs: gateway/target/continuum-gateway.jar (mvn -B -DskipTests package), PostgreSQL server
# binaries (bench/postgres.sh), curl, jq, python3, the wiremock-standalone jar in ~/.m2.
# Prints: queued, delivered rows, distinct Idempotency-Keys at the partner (lost = N - distinct),
# requests at the partner (duplicates = requests - distinct; a partner deduplicating on the key
# stores each once).
set -euo pipefail
bench=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}; kill_after=${2:-300}
port=${PORT:-8091}; mock_port=${MOCK_PORT:-18089}
pg_dir=${PG_DIR:-/tmp/continuum-relay-drill-pg}; pg_port=${PG_PORT:-55433}
run="drill-$(date +%s)"
wm_jar=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | sort -V | tail -1)
fhir="http://127.0.0.1:$port/fhir"
# Rows in flight at the kill are taken over when their lease ends; a short lease keeps the drill short.
# (The lease must exceed a batch's worst case: 4 rounds x (2 s + 3 s + 1 s) = 24 s.)
export CONTINUUM_RELAY_LEASE=${CONTINUUM_RELAY_LEASE:-30s}
export CONTINUUM_RELAY_CONNECT_TIMEOUT=${CONTINUUM_RELAY_CONNECT_TIMEOUT:-2s}
export CONTINUUM_RELAY_READ_TIMEOUT=${CONTINUUM_RELAY_READ_TIMEOUT:-3s}

ready() {  # bench/gateway.sh waits 180 s; a loaded machine may need longer
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && return 0; sleep 1
  done
  echo "gateway not ready" >&2; return 1
}
start_gateway() { "$bench/gateway.sh" start "$url" "$port" || ready; }
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d continuum -tAc "$1"; }
source "$bench/auth.sh"   # gateway.sh forces the development issuer on and voids the cached token at each start
post() { curl -sf -H "$(bench_auth_header "$port")" -H 'Content-Type: application/fhir+json' -d "$2" "$fhir${1:+/$1}"; }

# A throwaway PostgreSQL of our own (as bench/postgres.sh does, with one statement per psql call:
# CREATE DATABASE cannot share a transaction with CREATE ROLE).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$pg_dir/PG_VERSION" ]; then
  mkdir -p "$pg_dir"; [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi
as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" \
  -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
psql -h 127.0.0.1 -p "$pg_port" -U postgres -tc "select 1 from pg_roles where rolname='continuum'" | grep -q 1 || {
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create role continuum login password 'continuum'"
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database continuum owner continuum"; }
url="jdbc:postgresql://127.0.0.1:$pg_port/continuum"
wm_pid=""
stop_all() {
  set +e
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
  gw=$(cat "/tmp/continuum-gateway-$port.pid" 2>/dev/null)
  "$bench/gateway.sh" stop "$port"
  for _ in $(seq 1 60); do [ -n "$gw" ] && kill -0 "$gw" 2>/dev/null || break; sleep 1; done
  [ -n "$gw" ] && kill -9 "$gw" 2>/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null
}
trap stop_all EXIT
java -jar "$wm_jar" --port "$mock_port" --bind-address 127.0.0.1 --disable-banner \
  --async-response-enabled true --container-threads 64 > "/tmp/$run-wiremock.log" 2>&1 &
wm_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$mock_port/__admin/mappings" >/dev/null && break; sleep 1; done
partner() {  # partner answer: busy (503, Retry-After 60) or healthy (200 after 20 ms)
  # (the newest stub wins; deleting the old one first would leave a gap answered 404)
  curl -sf -X POST "http://127.0.0.1:$mock_port/__admin/mappings" -d '{"request":{"method":"PUT",
    "urlPathPattern":"/'"$run"'/fhir/.*"},"response":'"$1"'}' >/dev/null
}
# Busy while the referrals are queued, so that the kill falls in the middle of the deliveries.
partner '{"status":503,"headers":{"Retry-After":"60"}}'

start_gateway
org=$(post Organization '{"resourceType":"Organization","name":"'"$run"'"}' | jq -r .id)
post Endpoint '{"resourceType":"Endpoint","status":"active","connectionType":{"system":
  "http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"hl7-fhir-rest"},
  "payloadType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/endpoint-payload-type",
  "code":"any"}]}],"address":"http://127.0.0.1:'"$mock_port"'/'"$run"'/fhir",
  "managingOrganization":{"reference":"Organization/'"$org"'"}}' >/dev/null
patient=$(post Patient '{"resourceType":"Patient","name":[{"family":"Drill"}]}' | jq -r .id)

start=$(date +%s)
python3 - "$n" "$org" "$patient" > "/tmp/$run-bundles.ndjson" <<'PY'
import json, sys
n, org, patient = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for first in range(0, n, 100):
    entries = [{"resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                "subject": {"reference": "Patient/" + patient},
                "performer": [{"reference": "Organization/" + org}],
                "note": [{"text": "drill %d" % i}]},
                "request": {"method": "POST", "url": "ServiceRequest"}}
               for i in range(first, min(n, first + 100))]
    print(json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries}))
PY
while read -r bundle; do post "" "$bundle" >/dev/null; done < "/tmp/$run-bundles.ndjson"
echo "queued $n referrals in $(( $(date +%s) - start )) s (partner busy meanwhile)"
curl -sf -X DELETE "http://127.0.0.1:$mock_port/__admin/requests" >/dev/null
partner '{"status":200,"fixedDelayMilliseconds":20}'

received() { curl -sf -X POST "http://127.0.0.1:$mock_port/__admin/requests/count" \
  -d '{"method":"PUT","urlPathPattern":"/'"$run"'/fhir/.*"}' | jq .count; }
until [ "$(received)" -ge "$kill_after" ]; do sleep 0.2; done
kill -9 "$(cat "/tmp/continuum-gateway-$port.pid")"
echo "kill -9 after $(received) partner requests; outbox: $(sql "select string_agg(state || '=' || n, ' ')
  from (select state, count(*) n from continuum_outbox where partner_id = '$org' group by state) s")"

restart=$(date +%s)
start_gateway
until [ "$(sql "select count(*) from continuum_outbox where partner_id = '$org' and state = 'DELIVERED'")" -ge "$n" ]; do
  [ $(( $(date +%s) - restart )) -gt 900 ] && { echo "not all delivered after 15 min" >&2; break; }
  sleep 1
done
echo "all delivered $(( $(date +%s) - restart )) s after the restart"

curl -sf "http://127.0.0.1:$mock_port/__admin/requests?limit=1000000" | python3 -c '
import collections, json, sys
run, n = sys.argv[1], int(sys.argv[2])
# what the partner stored: requests it answered 200 (the busy 503s stored nothing)
reqs = [r["request"] for r in json.load(sys.stdin)["requests"]
        if ("/" + run + "/") in r["request"]["url"] and r["responseDefinition"]["status"] == 200]
keys = collections.Counter(r["headers"].get("Idempotency-Key") for r in reqs)
print("queued %d | distinct keys at partner %d | lost %d | requests %d | duplicate sends %d (deduplicated by key: 0 duplicates stored)"
      % (n, len(keys), n - len(keys), len(reqs), len(reqs) - len(keys)))' "$run" "$n"
echo "outbox: $(sql "select string_agg(state || '=' || n, ' ') from (select state, count(*) n
  from continuum_outbox where partner_id = '$org' group by state) s")"
