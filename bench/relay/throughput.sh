#!/usr/bin/env bash
# Relay benchmark (issue 4, item 8): deliveries/s with one and with two gateway instances on one
# PostgreSQL, and commit -> partner 2xx latency at a steady event rate.
#
#   bench/relay/throughput.sh [N=2000] [PHASES="one two latency"]
#
#   one      one gateway; N referrals queued (transactions of 100) while held back, then released
#            at once; deliveries/s from the partner's first to its last received request
#   two      the same with a second gateway instance (other port) on the same PostgreSQL; the
#            second is first warmed alone with as many referrals as the first has made (WARMUP_B=)
#   again    "one" once more (after "two", so the first instance is as warm as it gets)
#   latency  one gateway; one referral created every 1/RATE s (RATE=50) for DURATION=60 s;
#            latency = WireMock receive time - the created resource's meta.lastUpdated
#
# The partner is a WireMock that answers 200 at once. Queued rows are held back while they are
# written (a bench-only PostgreSQL trigger moves their next_attempt_at to 2999; the release is one
# UPDATE back to now()), so the throughput phases measure delivery alone, on warm instances, with
# every instance polling. Relay settings come from the environment (CONTINUUM_RELAY_CONCURRENCY,
# CONTINUUM_RELAY_BATCH_SIZE, CONTINUUM_RELAY_POLL_INTERVAL, ...) and are printed.
#
# Needs: gateway/target/continuum-gateway.jar (or JAR=...), PostgreSQL server binaries, curl, jq,
# python3, the wiremock-standalone jar in ~/.m2. Loopback only; stops everything it started on exit.
# PROFILE=1 records the first instance with JFR from release until every attempt is delivered and
# audited, and prints where its CPU went.
# INSTANCE_CPU=0.5 gives every gateway instance that many cores once it is ready (a cgroup v1 CPU
# quota, as a Kubernetes CPU limit does; needs root), PostgreSQL and the partner unconstrained: on
# one 2-core machine this is the only way to ask whether a second instance adds throughput, since
# one unconstrained instance already fills both cores.
set -euo pipefail
bench=$(cd "$(dirname "$0")/.." && pwd)
source "$bench/auth.sh"
n=${1:-2000}; phases=${2:-one two latency}
rate=${RATE:-50}; duration=${DURATION:-60}; warmup=${WARMUP:-300}
port_a=${PORT_A:-8092}; port_b=${PORT_B:-8093}; mock_port=${MOCK_PORT:-18090}
pg_dir=${PG_DIR:-/tmp/continuum-relay-bench-pg}; pg_port=${PG_PORT:-55434}
jar=${JAR:-$bench/../gateway/target/continuum-gateway.jar}
run="bench-$(date +%s)"; out=${OUT:-/tmp/$run}; mkdir -p "$out"
wm_jar=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | sort -V | tail -1)
[ -f "$jar" ] || { echo "build first: mvn -B -q -o -DskipTests install" >&2; exit 1; }
# bounded waits: every loop below gives up after these many seconds
ready_max=${READY_MAX:-600}; drain_max=${DRAIN_MAX:-900}

echo "relay settings: $(env | grep '^CONTINUUM_RELAY_' | sort | tr '\n' ' ')(others: application.yaml defaults)"
echo "machine: $(nproc) cores; $(uptime)"

# --- PostgreSQL of our own ------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$pg_dir/PG_VERSION" ]; then
  mkdir -p "$pg_dir"; [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi
as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" \
  -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null
psql -h 127.0.0.1 -p "$pg_port" -U postgres -tc "select 1 from pg_roles where rolname='continuum'" | grep -q 1 || {
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create role continuum login password 'continuum'"
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database continuum owner continuum"; }
url="jdbc:postgresql://127.0.0.1:$pg_port/continuum"
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d continuum -v ON_ERROR_STOP=1 -tAqc "$1"; }

# --- processes we start, stopped on exit ----------------------------------------------------------
wm_pid=""; gw_pids=(); cpu_groups=()
stop_gateway() {  # PID: TERM, wait up to 60 s, then KILL
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$1" 2>/dev/null || true
}
stop_all() {
  set +e
  sql "drop trigger if exists bench_hold on continuum_outbox" >/dev/null 2>&1
  for pid in "${gw_pids[@]}"; do stop_gateway "$pid"; done
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
  for group in "${cpu_groups[@]}"; do rmdir "$group" 2>/dev/null; done
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null
}
trap stop_all EXIT

limit_cpu() {  # PORT PID: with INSTANCE_CPU, move the instance into a CPU-quota cgroup of its own
  [ -n "${INSTANCE_CPU:-}" ] || return 0
  local group=/sys/fs/cgroup/cpu/continuum-bench-$1
  mkdir -p "$group"
  echo 100000 > "$group/cpu.cfs_period_us"
  local quota; quota=$(python3 -c "print(int(float('$INSTANCE_CPU') * 100000))")
  echo "$quota" > "$group/cpu.cfs_quota_us"
  echo "$2" > "$group/cgroup.procs"
  cpu_groups+=("$group")
  echo "gateway :$1 limited to $INSTANCE_CPU cores ($group)"
}

start_gateway() {  # PORT -> waits for readiness; appends the pid to gw_pids
  local port=$1 log="$out/gateway-$1.log"
  bench_auth_reset "$port"
  env "${BENCH_AUTH_ENV[@]}" SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME=continuum \
    SPRING_DATASOURCE_PASSWORD=continuum SERVER_PORT="$port" \
    CONTINUUM_PRISON_MLLP_PORT="${CONTINUUM_PRISON_MLLP_PORT:-$((port + 10000))}" \
    nohup java -jar "$jar" > "$log" 2>&1 &
  local pid=$!; gw_pids+=("$pid"); local t0=$(date +%s)
  for _ in $(seq 1 "$ready_max"); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && {
      echo "gateway :$port ready in $(( $(date +%s) - t0 )) s (log $log)"; limit_cpu "$port" "$pid"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; return 1; }
    sleep 1
  done
  echo "gateway :$port not ready after $ready_max s" >&2; return 1
}

# --- the partner ----------------------------------------------------------------------------------
java -jar "$wm_jar" --port "$mock_port" --bind-address 127.0.0.1 --disable-banner \
  --async-response-enabled true --container-threads 64 > "$out/wiremock.log" 2>&1 &
wm_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$mock_port/__admin/mappings" >/dev/null && break; sleep 1; done
curl -sf -X POST "http://127.0.0.1:$mock_port/__admin/mappings" -d '{"request":{"method":"PUT",
  "urlPathPattern":"/'"$run"'-[a-z]+/fhir/.*"},"response":{"status":200}}' >/dev/null

post() { curl -sf -H "$(bench_auth_header "$1")" -H 'Content-Type: application/fhir+json' -d "$3" "http://127.0.0.1:$1/fhir${2:+/$2}"; }
patient=""
partner() {  # PORT NAME -> Organization id of a partner whose FHIR REST Endpoint is /<run>-NAME/fhir
  local org
  org=$(post "$1" Organization '{"resourceType":"Organization","name":"'"$run-$2"'"}' | jq -r .id)
  post "$1" Endpoint '{"resourceType":"Endpoint","status":"active","connectionType":{"system":
    "http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"hl7-fhir-rest"},
    "payloadType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/endpoint-payload-type",
    "code":"any"}]}],"address":"http://127.0.0.1:'"$mock_port"'/'"$run-$2"'/fhir",
    "managingOrganization":{"reference":"Organization/'"$org"'"}}' >/dev/null
  echo "$org"
}
queue() {  # PORT ORG COUNT: referrals to ORG in transactions of 100, back to back
  python3 - "$3" "$2" "$patient" <<'PY' | while read -r bundle; do post "$1" "" "$bundle" >/dev/null; done
import json, sys
n, org, patient = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for first in range(0, n, 100):
    entries = [{"resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                "subject": {"reference": "Patient/" + patient},
                "performer": [{"reference": "Organization/" + org}],
                "note": [{"text": "bench %d" % i}]},
                "request": {"method": "POST", "url": "ServiceRequest"}}
               for i in range(first, min(n, first + 100))]
    print(json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries}))
PY
}
delivered() { sql "select count(*) from continuum_outbox where partner_id = '$1' and state = 'DELIVERED'"; }
drain() {  # ORG COUNT: wait until COUNT rows of ORG are delivered (bounded)
  local t0=$(date +%s)
  until [ "$(delivered "$1")" -ge "$2" ]; do
    [ $(( $(date +%s) - t0 )) -gt "$drain_max" ] && { echo "not all delivered after $drain_max s" >&2; return 1; }
    sleep 1
  done
}
outbox() { sql "select coalesce(string_agg(state || '=' || n, ' '), 'empty') from (select state, count(*) n
  from continuum_outbox where partner_id = '$1' group by state) s"; }
journal() {  # NAME -> the partner's journal of PUTs under /<run>-NAME/
  curl -sf -X POST "http://127.0.0.1:$mock_port/__admin/requests/find" \
    -d '{"method":"PUT","urlPathPattern":"/'"$run-$1"'/fhir/.*"}'
}
rate_of() {  # NAME COUNT: deliveries/s from the first to the last request the partner received
  journal "$1" | python3 -c '
import collections, json, sys
n = int(sys.argv[1])
reqs = json.load(sys.stdin)["requests"]
times = sorted(r["loggedDate"] for r in reqs)
keys = collections.Counter(r["headers"].get("Idempotency-Key") for r in reqs)
span = (times[-1] - times[0]) / 1000.0
print("requests %d, distinct keys %d (lost %d, duplicates %d), first->last %.1f s, %.1f deliveries/s"
      % (len(reqs), len(keys), n - len(keys), len(reqs) - len(keys), span, (len(reqs) - 1) / span))' "$2"
}
hold() {  # rows written from now on wait until release
  sql "create or replace function bench_hold() returns trigger language plpgsql as \$\$
       begin new.next_attempt_at := timestamptz '2999-01-01 00:00:00+00'; return new; end \$\$;
       drop trigger if exists bench_hold on continuum_outbox;
       create trigger bench_hold before insert on continuum_outbox for each row execute function bench_hold()"
}
release() {
  sql "drop trigger if exists bench_hold on continuum_outbox;
       update continuum_outbox set next_attempt_at = now() where partner_id = '$1' and state = 'PENDING'" >/dev/null
}

throughput() {  # NAME PORT(S)...: hold, queue N through the first port, release, drain, measure
  local name=$1; shift
  local org; org=$(partner "$1" "$name"); last_org=$org
  hold; local t0=$(date +%s)
  queue "$1" "$org" "$n"
  echo "[$name] queued $n referrals in $(( $(date +%s) - t0 )) s; outbox $(outbox "$org")"
  echo "[$name] load before release: $(uptime)"
  [ "${PROFILE:-0}" = 1 ] && jcmd "${gw_pids[0]}" JFR.start name=relay settings=profile >/dev/null
  local t_release; t_release=$(date +%s)
  release "$org"
  drain "$org" "$n" || true
  echo "[$name] load after drain:   $(uptime)"
  echo "[$name] $(rate_of "$name" "$n"); outbox $(outbox "$org")"
  # Every attempt is also stored as an AuditEvent, from the attempt journal, off the delivery
  # threads: the work is only done when the journal is empty again.
  local backlog; backlog=$(sql "select count(*) from continuum_relay_attempt")
  until [ "$(sql "select count(*) from continuum_relay_attempt")" = 0 ]; do
    [ $(( $(date +%s) - t_release )) -gt "$drain_max" ] && { echo "[$name] audit journal not empty after $drain_max s" >&2; break; }
    sleep 1
  done
  echo "[$name] attempts not yet audited when the partner had everything: $backlog; release -> all delivered and audited: $(( $(date +%s) - t_release )) s"
  if [ "${PROFILE:-0}" = 1 ]; then
    jcmd "${gw_pids[0]}" JFR.stop name=relay filename="$out/relay-$name.jfr" >/dev/null
    jfr_tool=$(ls /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr 2>/dev/null || command -v jfr)
    python3 "$bench/prison/jfr-breakdown.py" "$out/relay-$name.jfr" "$jfr_tool" | sed "s/^/[$name] cpu: /"
  fi
}

delivered_by() {  # PORT ORG: deliveries to ORG this instance made (its Prometheus counter)
  curl -sf "http://127.0.0.1:$1/actuator/prometheus" | python3 -c '
import re, sys
org = sys.argv[1]
total = sum(float(m.group(1)) for line in sys.stdin
            for m in [re.match(r"continuum_relay_delivered_total\{.*partner=\"%s\".*\} (\S+)" % org, line)] if m)
print(int(total))' "$2"
}

start_gateway "$port_a"
patient=$(post "$port_a" Patient '{"resourceType":"Patient","name":[{"family":"Bench"}]}' | jq -r .id)
# warm-up: the first deliveries after a start pay for class loading and JIT compilation
warm=$(partner "$port_a" warm); queue "$port_a" "$warm" "$warmup"; drain "$warm" "$warmup" || true
echo "[warm] $(rate_of warm "$warmup")"
made_by_a=$warmup  # referrals the first instance has created and delivered so far (its JIT's history)

for phase in $phases; do
  case "$phase" in
    one) throughput one "$port_a"; made_by_a=$((made_by_a + n)) ;;
    again) throughput again "$port_a"; made_by_a=$((made_by_a + n)) ;;  # once more, after the others
    two)
      start_gateway "$port_b"
      # warm the second instance alone (the first is paused meanwhile) with as many referrals as
      # the first has created and delivered so far, so both are equally warm: under a CPU quota
      # the JIT compiles slowly, and a second instance warmed less than the first would make
      # "two" measure warm-up rather than scaling
      kill -STOP "${gw_pids[0]}"
      warm_b_n=${WARMUP_B:-$made_by_a}
      warm_b=$(partner "$port_b" warmb); queue "$port_b" "$warm_b" "$warm_b_n"; drain "$warm_b" "$warm_b_n" || true
      kill -CONT "${gw_pids[0]}"
      echo "[warmb] $(rate_of warmb "$warm_b_n") (second instance alone, as warm as the first)"
      throughput two "$port_a" "$port_b"
      echo "[two] delivered by :$port_a $(delivered_by "$port_a" "$last_org"), by :$port_b $(delivered_by "$port_b" "$last_org") (each instance's continuum_relay_delivered_total)"
      stop_gateway "${gw_pids[1]}"; gw_pids=("${gw_pids[0]}"); made_by_a=$((made_by_a + n)) ;;
    latency)
      org=$(partner "$port_a" latency)
      echo "[latency] $rate referrals/s for $duration s, one create per request"
      python3 - "$port_a" "$org" "$patient" "$rate" "$duration" "$(bench_auth_header "$port_a")" > "$out/latency-created.json" <<'PY'
import http.client, json, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
port, org, patient, rate, duration = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
authorization = sys.argv[6].split(": ", 1)[1]
local = threading.local()
def create(i):
    if not hasattr(local, "c"):
        local.c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    body = json.dumps({"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                       "subject": {"reference": "Patient/" + patient},
                       "performer": [{"reference": "Organization/" + org}],
                       "note": [{"text": "latency %d" % i}]})
    sent = time.time()
    local.c.request("POST", "/fhir/ServiceRequest", body, {"Content-Type": "application/fhir+json", "Authorization": authorization})
    r = local.c.getresponse(); data = r.read()
    if r.status != 201:
        return {"status": r.status, "sent": sent}
    res = json.loads(data)
    return {"id": res["id"], "lastUpdated": res["meta"]["lastUpdated"], "sent": sent, "answered": time.time()}
count = int(rate * duration)
with ThreadPoolExecutor(max_workers=16) as pool:
    start = time.time(); futures = []
    for i in range(count):
        delay = start + i / rate - time.time()
        if delay > 0:
            time.sleep(delay)
        futures.append(pool.submit(create, i))
    results = [f.result() for f in futures]
print(json.dumps({"start": start, "scheduled_end": start + (count - 1) / rate, "results": results}))
PY
      ok=$(jq '[.results[] | select(.id)] | length' "$out/latency-created.json")
      echo "[latency] created $ok of $(jq '.results | length' "$out/latency-created.json"); load: $(uptime)"
      drain "$org" "$ok" || true
      journal latency > "$out/latency-journal.json"
      python3 - "$out/latency-created.json" "$out/latency-journal.json" <<'PY'
import datetime, json, re, sys, urllib.parse
created = json.load(open(sys.argv[1])); journal = json.load(open(sys.argv[2]))["requests"]
first_seen = {}
for r in journal:  # PUT .../ServiceRequest?identifier=<relay-source system>|ServiceRequest/<id> or .../ServiceRequest/<id>
    rid = re.search(r"ServiceRequest/([^/?&|]+)$", urllib.parse.unquote(r["url"])).group(1)
    first_seen[rid] = min(first_seen.get(rid, r["loggedDate"]), r["loggedDate"])
ok = [c for c in created["results"] if "id" in c]
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]
lat = []
for c in ok:
    if c["id"] in first_seen:
        committed = datetime.datetime.fromisoformat(c["lastUpdated"]).timestamp()
        lat.append(first_seen[c["id"]] / 1000.0 - committed)
span = max(c["sent"] for c in created["results"]) - created["start"]
answers = [c["answered"] - c["sent"] for c in ok]
print("[latency] sent %d creates in %.1f s (%.1f/s), create p50 %.0f ms p95 %.0f ms; %d delivered"
      % (len(created["results"]), span, (len(created["results"]) - 1) / span,
         pct(answers, 50) * 1000, pct(answers, 95) * 1000, len(lat)))
print("[latency] lastUpdated -> partner receive: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms"
      % (pct(lat, 50) * 1000, pct(lat, 95) * 1000, pct(lat, 99) * 1000, max(lat) * 1000))
PY
      echo "[latency] relay timer (commit of the outbox row -> 2xx, last ~2 min window):"
      curl -sf "http://127.0.0.1:$port_a/actuator/prometheus" \
        | grep "^continuum_relay_delivery_latency_seconds.*partner=\"$org\"" | sed 's/^/  /' || true ;;
    *) echo "unknown phase $phase" >&2 ;;
  esac
done
echo "done; logs and journals in $out"
