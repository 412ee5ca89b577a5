#!/usr/bin/env bash
# Start the built gateway on the bench PostgreSQL and wait until it is ready.
#   bench/gateway.sh start JDBC_URL [PORT]    bench/gateway.sh stop [PORT]
# Each instance listens for HL7 v2 over MLLP on PORT+10000 (unless CONTINUUM_PRISON_MLLP_PORT is set),
# so several instances can run side by side.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); jar="${GW_JAR:-$here/../gateway/target/continuum-gateway.jar}"
cmd=${1:?start|stop}
case "$cmd" in
  start)
    url=${2:?JDBC URL}; port=${3:-8080}; log="/tmp/continuum-gateway-$port.log"
    [ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
    rm -f "/tmp/continuum-bench-token-$port"   # a new signing key: tokens of the last run are void
    # The development token issuer, forced on in the postgres profile: benchmarks get tokens from
    # the gateway itself (bench/token.sh).
    CONTINUUM_SECURITY_DEV_ISSUER_ENABLED=true CONTINUUM_SECURITY_DEV_ISSUER_FORCE=true \
    SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME=continuum \
      SPRING_DATASOURCE_PASSWORD=continuum SERVER_PORT="$port" \
      CONTINUUM_PRISON_MLLP_PORT="${CONTINUUM_PRISON_MLLP_PORT:-$((port + 10000))}" nohup java -jar "$jar" > "$log" 2>&1 &
    echo $! > "/tmp/continuum-gateway-$port.pid"
    for _ in $(seq 1 420); do
      curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && { echo "gateway ready on :$port (log $log)"; exit 0; }
      kill -0 "$(cat /tmp/continuum-gateway-$port.pid)" 2>/dev/null || { tail -30 "$log"; exit 1; }
      sleep 1
    done
    echo "gateway did not become ready; see $log" >&2; exit 1 ;;
  stop) port=${2:-8080}; kill "$(cat /tmp/continuum-gateway-$port.pid)" 2>/dev/null || true ;;
esac
