#!/usr/bin/env bash
# Continuum against plain HAPI (bench/baseline), measured in one run, interleaved.
#   bench/compare.sh            (ROUNDS=2 by default; each simulation runs gateway, baseline, gateway, ...)
# Build first: mvn -B -DskipTests package; mvn -B -Pbench -pl bench/baseline -DskipTests package;
#   mvn -B -Pbench -pl bench test-compile dependency:build-classpath \
#       -Dmdep.outputFile=target/gatling-classpath.txt -Dmdep.includeScope=test
# Both servers run side by side on one throwaway PostgreSQL (bench/postgres.sh), each with its own
# database and the same JVM options (BENCH_JAVA_OPTS, default: the JVM's own defaults). Prints one
# table of ratios Continuum / baseline; raw figures go to $OUT (default /tmp/continuum-compare).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root="$here/.."
ROUNDS=${ROUNDS:-2}; GW=${GW_PORT:-8080}; BL=${BL_PORT:-8090}
PG_PORT=${PG_PORT:-55432}; PG_DIR=${PG_DIR:-/tmp/continuum-bench-pg}
OUT=${OUT:-/tmp/continuum-compare}; mkdir -p "$OUT"; : > "$OUT/raw.tsv"
read -r -a JOPTS <<< "${BENCH_JAVA_OPTS:-}"
# GW_BEFORE_JAR=another gateway build: it runs too, as a third server ("before", its own database, same
# options), in the same interleaving (gateway, before, baseline, ...); the table then also has its ratios.
# ONLY="patient-create-8 assessment-store": only these simulations (labels as in the table).
# GW_PROFILE=1: the gateway also records a Java Flight Recorder profile (dumped to $OUT/gateway.jfr at the end).
GW_OPTS=(); [ -n "${GW_PROFILE:-}" ] && GW_OPTS=(-XX:StartFlightRecording=name=bench,settings=profile)
gw_jar="${GW_JAR:-$root/gateway/target/continuum-gateway.jar}"; bl_jar="$here/baseline/target/continuum-bench-baseline.jar"
cp_file="$here/target/gatling-classpath.txt"
before_jar="${GW_BEFORE_JAR:-}"
for f in "$gw_jar" "$bl_jar" "$cp_file" ${before_jar:+"$before_jar"}; do [ -f "$f" ] || { echo "missing $f: build first (see the head of $0)" >&2; exit 1; }; done
HZ=$(getconf CLK_TCK)

url=$("$here/postgres.sh" start "$PG_DIR" "$PG_PORT")
# Both servers start on empty databases, every run.
for db in continuum baseline before; do
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists $db with (force)"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $db owner continuum"
done
bl_url="${url%/*}/baseline"

cpu_ms() { awk -v hz="$HZ" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
now() { date +%s.%N; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME PORT READY_PATH -- command...: launches, then records seconds to the port answering
# (any HTTP status) and to readiness (HTTP 200 on READY_PATH), and the CPU spent until ready.
start() {
  local name=$1 port=$2 ready=$3; shift 4
  local t0; t0=$(now)
  "$@" > "$OUT/$name-server.log" 2>&1 &
  local pid=$!; pids+=("$pid"); echo "$pid" > "$OUT/$name.pid"
  local t_port="" code
  for _ in $(seq 1 3000); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$OUT/$name-server.log"; exit 1; }
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port$ready" || true)
    [ -z "$t_port" ] && [ "$code" != "000" ] && t_port=$(now)
    [ "$code" = 200 ] && break
    sleep 0.1
  done
  local t_ready; t_ready=$(now)
  printf '%s\tstart\tport_s\t%.1f\n%s\tstart\tready_s\t%.1f\n%s\tstart\tready_after_port_s\t%.1f\n%s\tstart\tcpu_s\t%.1f\n' \
    "$name" "$(echo "$t_port - $t0" | bc)" "$name" "$(echo "$t_ready - $t0" | bc)" \
    "$name" "$(echo "$t_ready - $t_port" | bc)" "$name" "$(echo "$(cpu_ms "$pid") / 1000" | bc -l)" >> "$OUT/raw.tsv"
}

start gateway "$GW" /actuator/health/readiness -- env CONTINUUM_SECURITY_DEV_ISSUER_ENABLED=true \
  CONTINUUM_SECURITY_DEV_ISSUER_FORCE=true SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$url" \
  SPRING_DATASOURCE_USERNAME=continuum SPRING_DATASOURCE_PASSWORD=continuum SERVER_PORT="$GW" \
  CONTINUUM_PRISON_MLLP_PORT=$((GW + 10000)) java "${JOPTS[@]}" "${GW_OPTS[@]}" -jar "$gw_jar"
BF=${GW_BEFORE_PORT:-8070}; targets=(gateway baseline)
if [ -n "$before_jar" ]; then
  targets=(gateway before baseline)
  start before "$BF" /actuator/health/readiness -- env CONTINUUM_SECURITY_DEV_ISSUER_ENABLED=true \
    CONTINUUM_SECURITY_DEV_ISSUER_FORCE=true SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="${url%/*}/before" \
    SPRING_DATASOURCE_USERNAME=continuum SPRING_DATASOURCE_PASSWORD=continuum SERVER_PORT="$BF" \
    CONTINUUM_PRISON_MLLP_PORT=$((BF + 10000)) java "${JOPTS[@]}" -jar "$before_jar"
  bf_pid=$(cat "$OUT/before.pid"); bf_token=$("$here/token.sh" demo-admin "$BF")
fi
start baseline "$BL" /actuator/health/readiness -- env SPRING_DATASOURCE_URL="$bl_url" SERVER_PORT="$BL" \
  java "${JOPTS[@]}" -jar "$bl_jar"
gw_pid=$(cat "$OUT/gateway.pid"); bl_pid=$(cat "$OUT/baseline.pid")
token=$("$here/token.sh" demo-admin "$GW")

# Idle: both servers ready and untouched, IDLE_SETTLE s (60) to settle, then IDLE_WINDOW s (60) of CPU.
settle=${IDLE_SETTLE:-60}; window=${IDLE_WINDOW:-60}
sleep "$settle"
python3 "$here/thread_cpu.py" snap "$gw_pid" > "$OUT/gateway-idle-threads.json"
g0=$(cpu_ms "$gw_pid"); b0=$(cpu_ms "$bl_pid"); f0=$([ -n "$before_jar" ] && cpu_ms "$bf_pid" || echo 0)
sleep "$window"
g1=$(cpu_ms "$gw_pid"); b1=$(cpu_ms "$bl_pid"); f1=$([ -n "$before_jar" ] && cpu_ms "$bf_pid" || echo 0)
python3 "$here/thread_cpu.py" diff "$gw_pid" "$OUT/gateway-idle-threads.json" "$window" > "$OUT/gateway-idle-threads.txt" || true
printf 'gateway\tidle\tcpu_ms_per_s\t%.1f\nbaseline\tidle\tcpu_ms_per_s\t%.1f\n' \
  "$(echo "($g1 - $g0) / $window" | bc -l)" "$(echo "($b1 - $b0) / $window" | bc -l)" >> "$OUT/raw.tsv"
[ -n "$before_jar" ] && printf 'before\tidle\tcpu_ms_per_s\t%.1f\n' "$(echo "($f1 - $f0) / $window" | bc -l)" >> "$OUT/raw.tsv"

# run NAME SIMULATION REQUEST_LABEL -Dk=v...: one Gatling run against each server per round, interleaved.
run() {
  local label=$1 sim=$2 req=$3; shift 3
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $label "* ]]; then return 0; fi
  for round in $(seq 1 "$ROUNDS"); do
    for target in "${targets[@]}"; do
      local port=$GW pid=$gw_pid tok=$token
      [ "$target" = baseline ] && { port=$BL; pid=$bl_pid; tok=none; }
      [ "$target" = before ] && { port=$BF; pid=$bf_pid; tok=$bf_token; }
      local dir="$OUT/gatling/$label-$target-$round"; rm -rf "$dir"; mkdir -p "$dir"
      local c0 t0 c1 t1; c0=$(cpu_ms "$pid"); t0=$(now)
      java --add-opens=java.base/java.lang=ALL-UNNAMED -Dlogback.configurationFile="$here/prison/logback-bench.xml" -cp "$here/target/test-classes:$(cat "$cp_file")" -Dcontinuum.fhir-base="http://127.0.0.1:$port/fhir" \
        -Dcontinuum.token="$tok" "$@" io.gatling.app.Gatling -s "org.continuumcare.bench.$sim" -rf "$dir" \
        > "$dir.log" 2>&1 || { echo "$label on $target failed: $dir.log" >&2; tail -20 "$dir.log" >&2; }
      c1=$(cpu_ms "$pid"); t1=$(now)
      python3 "$here/compare_report.py" gatling "$dir" "$req" "$target" "$label" "$(echo "$c1 - $c0" | bc -l)" >> "$OUT/raw.tsv" || true
    done
  done
}
run "patient-create-8" PatientCreateSimulation "create Patient" -Dclients=8 -Drequests=100
run "transaction-100" TransactionSimulation "" -Dclients=1 -Drequests=10
run "search-mix-8" SearchMixSimulation "" -Dclients=8 -Drequests=20
run "assessment-store" AssessmentSimulation "store assessment" -Dclients=1 -Drequests=100 -Dassessment.validate=false
printf 'gateway\tafter_load\trss_mb\t%s\nbaseline\tafter_load\trss_mb\t%s\n' "$(rss_mb "$gw_pid")" "$(rss_mb "$bl_pid")" >> "$OUT/raw.tsv"
[ -n "$before_jar" ] && printf 'before\tafter_load\trss_mb\t%s\n' "$(rss_mb "$bf_pid")" >> "$OUT/raw.tsv"
# $validate of an assessment (the gateway only: plain HAPI does not know the profile), warm.
ROUNDS=1
dir="$OUT/gatling/assessment-validate-gateway"; rm -rf "$dir"; mkdir -p "$dir"
java --add-opens=java.base/java.lang=ALL-UNNAMED -Dlogback.configurationFile="$here/prison/logback-bench.xml" -cp "$here/target/test-classes:$(cat "$cp_file")" -Dcontinuum.fhir-base="http://127.0.0.1:$GW/fhir" \
  -Dcontinuum.token="$token" -Dclients=1 -Drequests=100 io.gatling.app.Gatling \
  -s org.continuumcare.bench.AssessmentSimulation -rf "$dir" > "$dir.log" 2>&1 || true
python3 "$here/compare_report.py" gatling "$dir" "QuestionnaireResponse \$validate" gateway assessment-validate 0 >> "$OUT/raw.tsv" || true
[ -n "${GW_PROFILE:-}" ] && jcmd "$gw_pid" JFR.dump name=bench filename="$OUT/gateway.jfr" >/dev/null
jcmd "$gw_pid" GC.class_histogram > "$OUT/gateway-histogram.txt" 2>/dev/null || true
jcmd "$bl_pid" GC.class_histogram > "$OUT/baseline-histogram.txt" 2>/dev/null || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/loadavg.txt"
python3 "$here/compare_report.py" table "$OUT/raw.tsv" | tee "$OUT/table.md"
