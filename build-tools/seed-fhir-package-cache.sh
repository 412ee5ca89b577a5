#!/usr/bin/env bash
# Seed an offline FHIR package cache at <home>/.fhir/packages from the npm registry only.
#
#   build-tools/seed-fhir-package-cache.sh <home>
#
# SUSHI (and the HL7 validator) read their package cache from $HOME/.fhir/packages; run them with
# HOME=<home>. Idempotent: a stamp file records a finished seed, so a second run returns at once.
# Concurrent runs (two modules, two engineers) are serialised with flock.
#
# Adapted from the team's shared tools/seed-fhir-package-cache.sh: same packages and versions, plus
# the stamp, the lock and an atomic install of each package directory.
set -euo pipefail
H=${1:?usage: seed-fhir-package-cache.sh <home>}
C="$H/.fhir/packages"
STAMP="$C/.continuum-seeded-v1"
mkdir -p "$C"
exec 9>"$C/.seed.lock"
flock 9
if [[ -f "$STAMP" ]]; then exit 0; fi

echo "Seeding FHIR package cache in $C from the npm registry (once)"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
[[ -f "$C/packages.ini" ]] || printf '[cache]\nversion=3\n\n[urls]\n\n[local]\n\n' > "$C/packages.ini"
( cd "$W" && npm pack --silent hl7.fhir.r4.examples@4.0.1 hl7.terminology.r4@7.0.1 hl7.terminology@7.0.1 \
      hl7.fhir.uv.extensions.r4@5.3.0-ballot-tc1 hl7.fhir.xver-extensions@0.1.0 >/dev/null )

# hl7.fhir.r4.core is an empty name on npm: rebuild it from the conformance resources in r4.examples.
CORE="$W/core/package"
mkdir -p "$W/ex" "$CORE"
tar xzf "$W/hl7.fhir.r4.examples-4.0.1.tgz" -C "$W/ex"
for t in StructureDefinition ValueSet CodeSystem SearchParameter OperationDefinition CapabilityStatement \
         CompartmentDefinition ConceptMap NamingSystem ImplementationGuide StructureMap; do
  cp "$W"/ex/package/$t-*.json "$CORE/" 2>/dev/null || true
done
cat > "$CORE/package.json" <<'J'
{"name":"hl7.fhir.r4.core","version":"4.0.1","tools-version":3,"type":"Core","license":"CC0-1.0","canonical":"http://hl7.org/fhir","url":"http://hl7.org/fhir/R4","fhirVersions":["4.0.1"],"dependencies":{}}
J

# place <dir-with-package/> as <cache>/<name#version>, replacing a half-written one atomically
place() { rm -rf "$C/$2.tmp" "$C/$2"; mv "$1" "$C/$2.tmp"; mv "$C/$2.tmp" "$C/$2"; }
inst() { local d="$W/inst-$2"; mkdir -p "$d"; tar xzf "$W/$1" -C "$d"; place "$d" "$2"; }
place "$W/core" 'hl7.fhir.r4.core#4.0.1'
inst hl7.fhir.xver-extensions-0.1.0.tgz 'hl7.fhir.xver-extensions#0.1.0'
inst hl7.terminology-7.0.1.tgz 'hl7.terminology#7.0.1'
# the HL7 validator 6.5.18 pins these exact versions; alias the npm versions and cut the dependency cycle
for v in 6.2.0 6.5.0; do inst hl7.terminology.r4-7.0.1.tgz "hl7.terminology.r4#$v"; done
inst hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz 'hl7.fhir.uv.extensions.r4#5.2.0'
node -e '
const fs=require("fs"),C=process.argv[1];
const fix=(d,ver,deps)=>{const p=C+"/"+d+"/package/package.json";const j=JSON.parse(fs.readFileSync(p));if(ver)j.version=ver;if(deps)j.dependencies=deps;fs.writeFileSync(p,JSON.stringify(j,null,1));};
fix("hl7.terminology.r4#6.2.0","6.2.0",{"hl7.fhir.r4.core":"4.0.1"});
fix("hl7.terminology.r4#6.5.0","6.5.0",{"hl7.fhir.r4.core":"4.0.1"});
fix("hl7.fhir.uv.extensions.r4#5.2.0","5.2.0",null);
fix("hl7.terminology#7.0.1",null,{});' "$C"
mkdir -p "$C/hl7.fhir.uv.extensions#5.2.0/package"
echo '{"name":"hl7.fhir.uv.extensions","version":"5.2.0","fhirVersions":["5.0.0"],"dependencies":{}}' \
  > "$C/hl7.fhir.uv.extensions#5.2.0/package/package.json"
date -u +%FT%TZ > "$STAMP"
echo "FHIR package cache ready: $(ls "$C" | grep -c '#') packages"
