#!/usr/bin/env bash
# The HL7 FHIR Validator (shared/tools/hl7-validator, 6.5.18, offline, -tx n/a) over every resource of both
# packages (terminology and recovery, examples included), with terminology/validation-support loaded as well:
# fragments of LOINC, HL7 v2 table 0112, ICD-10 and ICD-10-CM holding the codes our packages use, the media types
# registered with IANA (urn:ietf:bcp:13, complete) and the SDC calculatedExpression extension, which the offline
# cache lacks (build-tools/validation-support.py made them). Needs both packages built
# (mvn -B -pl fhir-profiles -am package -DskipTests). Usage, from the repository root:
# build-tools/hl7-validate.sh [validator path] ; prints each failing file with its errors, then the totals over all
# files, then the validator's own closing line; the full output stays in target/hl7-validate.out. Exits non-zero when
# any file has an error or when no file was validated.
set -euo pipefail
cd "$(dirname "$0")/.."
# The team's validator wrapper: shared/ beside this checkout (as CI lays it out), else the workplace's.
validator=${1:-$(if [ -x ../shared/tools/hl7-validator/validate.sh ]; then
  echo "$(cd .. && pwd)/shared/tools/hl7-validator/validate.sh"; else echo /work/shared/tools/hl7-validator/validate.sh; fi)}
term=${TERMINOLOGY_TGZ:-terminology/target/continuumcare.terminology-0.1.0.tgz}
recovery=${RECOVERY_TGZ:-fhir-profiles/target/continuumcare.recovery-0.1.0.tgz}
support=target/continuumcare.validation-support-0.1.0.tgz
mkdir -p target
term=$(cd "$(dirname "$term")" && pwd)/$(basename "$term")
recovery=$(cd "$(dirname "$recovery")" && pwd)/$(basename "$recovery")
tar czf "$support" -C terminology/validation-support package
work=$(mktemp -d)
trap 'cp "$work/out.txt" target/hl7-validate.out 2>/dev/null; rm -rf "$work"' EXIT
for tgz in "$term" "$recovery"; do
  mkdir -p "$work/x"; tar xzf "$tgz" -C "$work/x"
  # Flat copies: given the package/ files of a package it also loads with -ig, the validator validates nothing.
  find "$work/x/package" -maxdepth 1 -name '*.json' ! -name package.json ! -name '.index.json' -exec cp {} "$work/" \;
  rm -rf "$work/x"
done
"$validator" -ig "$term" -ig "$recovery" -ig "$support" "$work"/*.json > "$work/out.txt" 2>&1 || true
awk '/^-- /{file=$0} /^\*FAILURE\*/{print file; print; failing=1} /^Success/{failing=0} failing && /^  Error/' "$work/out.txt"
totals=$(grep -E '^(Success|\*FAILURE\*): ' "$work/out.txt" \
  | awk '{e += $2; w += $4; n += $6; f++} END {printf "%d %d %d %d", f, e, w, n}')
read -r files errors warnings notes <<< "$totals"
echo "files: $files; Success: $(grep -c '^Success' "$work/out.txt" || true); Errors: $errors, Warnings: $warnings, Information: $notes"
grep -E '^Done\. Times' "$work/out.txt" | tail -1 || tail -5 "$work/out.txt"
[ "$files" -gt 0 ] && [ "$errors" -eq 0 ]
