#!/usr/bin/env bash
# Build one FSH project into a FHIR npm package, offline, incrementally.
#
#   build-tools/sushi-package.sh <module-dir> <package-id>
#
# <module-dir> holds package.json + package-lock.json (pinned fsh-sushi), sushi-config.yaml and
# input/fsh/**. Produces:
#   <module-dir>/target/<package-id>-<version>.tgz            the FHIR package (package/package.json,
#                                                              package/.index.json, package/*.json)
#   <module-dir>/target/classes/fhir-packages/<package-id>.tgz the same file, for the jar
#   <fhir-home>/.fhir/packages/<package-id>#<version>/         installed, so dependants resolve it offline
# <fhir-home> is $CONTINUUM_FHIR_HOME or <repo-root>/target/fhir-home; it is seeded once from the npm
# registry (build-tools/seed-fhir-package-cache.sh). SUSHI runs with HOME=<fhir-home>.
set -euo pipefail
MODULE=$(cd "${1:?usage: sushi-package.sh <module-dir> <package-id>}" && pwd)
PACKAGE_ID=${2:?usage: sushi-package.sh <module-dir> <package-id>}
TOOLS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$TOOLS")
FHIR_HOME=${CONTINUUM_FHIR_HOME:-$ROOT/target/fhir-home}

command -v node >/dev/null || { echo "sushi-package: node is not on the PATH" >&2; exit 1; }
"$TOOLS/seed-fhir-package-cache.sh" "$FHIR_HOME"

# npm ci only when the lock file changed since the last install
if [[ ! -f "$MODULE/node_modules/.package-lock.json" || "$MODULE/package-lock.json" -nt "$MODULE/node_modules/.package-lock.json" ]]; then
  echo "sushi-package: npm ci in $MODULE"
  ( cd "$MODULE" && npm ci --no-audit --no-fund --loglevel=error )
fi

# one build of a module at a time (two engineers, or an IDE and a terminal)
mkdir -p "$MODULE/target"
exec 8>"$MODULE/target/.sushi-package.lock"
flock 8
node "$TOOLS/fhir-package.js" "$MODULE" "$PACKAGE_ID" "$FHIR_HOME"
