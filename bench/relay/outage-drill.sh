#!/usr/bin/env bash
# Relay outage drill (issue 4, item 7b): the partner answers 503 for OUTAGE seconds (default 600)
# while N referrals are queued, then 200; every referral must reach it after the recovery.
#
#   bench/relay/outage-drill.sh [N=500] [OUTAGE=600]
#
# The 503 carries no Retry-After, so the relay retries on its own exponential backoff
# (backoff-base 2 s doubled up to backoff-max, max-attempts; application.yaml defaults unless
# CONTINUUM_RELAY_* says otherwise). Prints the outbox during the outage, the time from the recovery
# to the last delivery, and, from WireMock's journal, lost referrals, duplicate 200s and the number
# of refused attempts. Needs what crash-drill.sh needs. Loopback only; stops what it started on exit.
set -euo pipefail
bench=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-500}; outage=${2:-600}
port=${PORT:-8094}; mock_port=${MOCK_PORT:-18091}
pg_dir=${PG_DIR:-/tmp/continuum-relay-outage-pg}; pg_port=${PG_PORT:-55435}
jar=${JAR:-$bench/../gateway/target/continuum-gateway.jar}
run="outage-$(date +%s)"; out=${OUT:-/tmp/$run}; mkdir -p "$out"
drain_max=${DRAIN_MAX:-1200}
wm_jar=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | sort -V | tail -1)
fhir="http://127.0.0.1:$port/fhir"
[ -f "$jar" ] || { echo "build first: mvn -B -q -o -DskipTests install" >&2; exit 1; }
echo "relay settings: $(env | grep '^CONTINUUM_RELAY_' | sort | tr '\n' ' ')(others: application.yaml defaults)"
echo "machine: $(nproc) cores; $(uptime)"

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
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d continuum -tAc "$1"; }

wm_pid=""; gw_pid=""
stop_all() {
  set +e
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
  if [ -n "$gw_pid" ]; then
    kill "$gw_pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$gw_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$gw_pid" 2>/dev/null
  fi
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null
}
trap stop_all EXIT

java -jar "$wm_jar" --port "$mock_port" --bind-address 127.0.0.1 --disable-banner \
  --async-response-enabled true --container-threads 64 > "$out/wiremock.log" 2>&1 &
wm_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$mock_port/__admin/mappings" >/dev/null && break; sleep 1; done
partner() {  # the newest stub wins; the old one stays, so there is never a gap answered 404
  curl -sf -X POST "http://127.0.0.1:$mock_port/__admin/mappings" -d '{"request":{"method":"PUT",
    "urlPathPattern":"/'"$run"'/fhir/.*"},"response":'"$1"'}' >/dev/null
}
partner '{"status":503,"body":"maintenance"}'

source "$(dirname "$0")/../auth.sh"; bench_auth_reset "$port"
env "${BENCH_AUTH_ENV[@]}" SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME=continuum \
  SPRING_DATASOURCE_PASSWORD=continuum SERVER_PORT="$port" \
  CONTINUUM_PRISON_MLLP_PORT="${CONTINUUM_PRISON_MLLP_PORT:-$((port + 10000))}" \
  nohup java -jar "$jar" > "$out/gateway.log" 2>&1 &
gw_pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break
  kill -0 "$gw_pid" 2>/dev/null || { tail -30 "$out/gateway.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "gateway not ready" >&2; exit 1; }
post() { curl -sf -H "$(bench_auth_header "$port")" -H 'Content-Type: application/fhir+json' -d "$2" "$fhir${1:+/$1}"; }
org=$(post Organization '{"resourceType":"Organization","name":"'"$run"'"}' | jq -r .id)
post Endpoint '{"resourceType":"Endpoint","status":"active","connectionType":{"system":
  "http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"hl7-fhir-rest"},
  "payloadType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/endpoint-payload-type",
  "code":"any"}]}],"address":"http://127.0.0.1:'"$mock_port"'/'"$run"'/fhir",
  "managingOrganization":{"reference":"Organization/'"$org"'"}}' >/dev/null
patient=$(post Patient '{"resourceType":"Patient","name":[{"family":"Outage"}]}' | jq -r .id)

outage_start=$(date +%s)
echo "outage begins $(date -u +%T); queueing $n referrals"
python3 - "$n" "$org" "$patient" <<'PY' | while read -r bundle; do post "" "$bundle" >/dev/null; done
import json, sys
n, org, patient = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for first in range(0, n, 100):
    entries = [{"resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                "subject": {"reference": "Patient/" + patient},
                "performer": [{"reference": "Organization/" + org}],
                "note": [{"text": "outage %d" % i}]},
                "request": {"method": "POST", "url": "ServiceRequest"}}
               for i in range(first, min(n, first + 100))]
    print(json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries}))
PY
outbox() { sql "select coalesce(string_agg(state || '=' || n, ' '), 'empty') from (select state, count(*) n
  from continuum_outbox where partner_id = '$org' group by state) s"; }
echo "queued $n in $(( $(date +%s) - outage_start )) s; outbox $(outbox)"
while [ $(( $(date +%s) - outage_start )) -lt "$outage" ]; do
  sleep 60
  echo "  +$(( $(date +%s) - outage_start )) s: outbox $(outbox); max attempts $(sql "select max(attempts) from continuum_outbox where partner_id = '$org'")"
done
partner '{"status":200}'
recovered=$(date +%s)
echo "partner recovered $(date -u +%T) after $(( recovered - outage_start )) s of 503"
echo "next attempts due: $(sql "select 'first +' || coalesce(extract(epoch from min(next_attempt_at) - now())::int, 0) || ' s, last +'
  || coalesce(extract(epoch from max(next_attempt_at) - now())::int, 0) || ' s' from continuum_outbox where partner_id = '$org' and state = 'PENDING'")"
until [ "$(sql "select count(*) from continuum_outbox where partner_id = '$org' and state in ('PENDING', 'IN_FLIGHT')")" = 0 ]; do
  [ $(( $(date +%s) - recovered )) -gt "$drain_max" ] && { echo "still undelivered after $drain_max s" >&2; break; }
  sleep 2
done
echo "drained $(( $(date +%s) - recovered )) s after the recovery; outbox $(outbox)"
echo "last delivery $(sql "select extract(epoch from max(delivered_at) - to_timestamp($recovered))::int from continuum_outbox where partner_id = '$org'") s after the recovery"
curl -sf "http://127.0.0.1:$mock_port/__admin/requests?limit=1000000" | python3 -c '
import collections, json, sys
n, run = int(sys.argv[1]), sys.argv[2]
reqs = [e for e in json.load(sys.stdin)["requests"] if ("/" + run + "/") in e["request"]["url"]]
ok = [e["request"] for e in reqs if e["responseDefinition"]["status"] == 200]
keys = collections.Counter(r["headers"].get("Idempotency-Key") for r in ok)
print("partner: %d requests refused with 503, %d answered 200: %d distinct keys, lost %d, duplicate sends %d"
      % (len(reqs) - len(ok), len(ok), len(keys), n - len(keys), len(ok) - len(keys)))' "$n" "$run"
echo "dead letters: $(sql "select count(*) from continuum_outbox where partner_id = '$org' and state = 'DEAD'")"
