#!/usr/bin/env bash
# Fetch a module's pinned npm packages (package.json + package-lock.json) and copy files out of
# node_modules, offline after the first run:
#
#   build-tools/npm-fetch.sh <npm-dir> <target-dir> <node_modules/relative/file>...
#
# `npm ci` runs only when the lock file changed since the last install (as sushi-package.sh does).
set -euo pipefail
DIR=$(cd "${1:?usage: npm-fetch.sh <npm-dir> <target-dir> <file>...}" && pwd)
TARGET=${2:?usage: npm-fetch.sh <npm-dir> <target-dir> <file>...}
shift 2
command -v npm >/dev/null || { echo "npm-fetch: npm is not on the PATH" >&2; exit 1; }
mkdir -p "$TARGET"
exec 8>"$TARGET/.npm-fetch.lock"
flock 8
if [[ ! -f "$DIR/node_modules/.package-lock.json" || "$DIR/package-lock.json" -nt "$DIR/node_modules/.package-lock.json" ]]; then
  echo "npm-fetch: npm ci in $DIR"
  ( cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error )
fi
for file in "$@"; do
  cp "$DIR/node_modules/$file" "$TARGET/"
done
