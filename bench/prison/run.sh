#!/usr/bin/env bash
# HL7 v2 -> FHIR handoff translation throughput on ONE thread (parse, validate, map, build the transaction;
# optionally serialise it to JSON), over the sample ADT messages the handoff accepts.
# Usage, from the repository root: bench/prison/run.sh [seconds-per-run] [runs]
# Needs camel-routes compiled (mvn -B -q -pl camel-routes -am compile); no database, no network.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=camel-routes/target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ camel-routes/pom.xml -nt "$cp_file" ]; then
  mvn -B -q -o -pl camel-routes dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
fi
exec java -Xmx512m -XX:ActiveProcessorCount=1 -Dlogback.configurationFile=bench/prison/logback-bench.xml -cp "camel-routes/target/classes:$(cat "$cp_file")" \
  bench/prison/Hl7v2TranslationBench.java "$@"
