#!/usr/bin/env bash
# HAPI HL7v2 parse + Terser + ACK vs the hand-written ER7 reader, and the whole translation, on ONE thread.
# Same sample ADT messages as run.sh. Usage, from the repository root: bench/prison/run-hapi.sh [seconds-per-run] [runs]
# Needs camel-routes compiled (mvn -B -q -pl camel-routes -am compile); no database, no network.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=camel-routes/target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ camel-routes/pom.xml -nt "$cp_file" ]; then
  mvn -B -q -o -pl camel-routes dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
fi
exec java -Xmx512m -XX:ActiveProcessorCount=1 -Dlogback.configurationFile=bench/prison/logback-bench.xml -cp "camel-routes/target/classes:$(cat "$cp_file")" \
  bench/prison/HapiHl7v2ParseBench.java "$@"
