#!/usr/bin/env bash
# HMIS import rows/s through the gateway endpoint POST /api/partners/demo-housing/hmis-csv, for the HUD
# demo export, with its people referred first (seed_referrals.py), on a throwaway PostgreSQL.
# Usage, from the repository root, after `mvn -B -DskipTests package`:
#   bench/housing/endpoint.sh [EXPORT.zip] [PERSONS (0 = every person of the export)]
set -euo pipefail
cd "$(dirname "$0")/../.."
export_zip=${1:-camel-routes/src/test/resources/housing/hmis-csv-fy2026-demo.zip}
persons=${2:-0}
port=${BENCH_PORT:-18096}
pg_dir=/tmp/continuum-bench-pg-housing; pg_port=55436
out=bench/housing/results; mkdir -p "$out"
url=$(bench/postgres.sh start "$pg_dir" "$pg_port")
trap 'bench/gateway.sh stop "$port"; bench/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
# The demo export (1.2 MB) is under the default 20 MB body limit (continuum.http.max-request-body).
CONTINUUM_HMIS_DROP_DIR=/tmp/continuum-bench-hmis-drop bench/gateway.sh start "$url" "$port"
base="http://127.0.0.1:$port"
start=$(date +%s.%N)
seeded=$(python3 bench/housing/seed_referrals.py "$base" "$export_zip" "$persons")
echo "seeded $seeded referred persons in $(echo "$(date +%s.%N) - $start" | bc) s"
housing=$(bench/token.sh demo-housing "$port")
for run in first again; do
  curl -sS -H "Authorization: Bearer $housing" -o "$out/import-$run.json" -w "%{http_code} %{time_total}\n" \
    -H 'Content-Type: application/zip' --data-binary @"$export_zip" \
    "$base/api/partners/demo-housing/hmis-csv" > "$out/import-$run.timing"
  read -r code seconds < "$out/import-$run.timing"
  python3 - "$out/import-$run.json" "$seconds" "$run" "$code" <<'PY'
import json, sys
report, seconds, run, code = json.load(open(sys.argv[1])), float(sys.argv[2]), sys.argv[3], sys.argv[4]
o, t = report["observations"], report["taskUpdates"]
print(f"{run}: HTTP {code} in {seconds:.1f} s: read {report['read']} rows ({report['read'] / seconds:,.0f} rows/s), "
      f"matched {report['matched']}, observations created {o['created']} / existing {o['existing']}, "
      f"task updates applied {t['applied']} (older {t['ignoredOlder']}, duplicate {t['ignoredDuplicate']}, "
      f"refused {t['refused']}), rejected rows {report['rejected']}; server time {report['millis']} ms")
PY
done
