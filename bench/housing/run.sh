#!/usr/bin/env bash
# HMIS import throughput over the HUD demo export (or the export given as $1).
# Usage, from the repository root: bench/housing/run.sh [export.zip|folder] [warmup] [runs]
# Needs camel-routes compiled (mvn -B -q -pl camel-routes -am compile); no database, no network.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=camel-routes/target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ camel-routes/pom.xml -nt "$cp_file" ]; then
  mvn -B -q -o -pl camel-routes dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
fi
exec java -Xmx512m -cp "camel-routes/target/classes:$(cat "$cp_file")" bench/housing/HmisImportBench.java "$@"
