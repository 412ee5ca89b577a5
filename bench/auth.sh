# Sourced by the bench scripts: the Authorization header for the gateway on PORT, from its
# development token issuer (bench/token.sh), cached until that gateway starts again (its signing key
# is new at every start, so each instance needs its own token).
bench_auth_header() {
  local cache="/tmp/continuum-bench-token-$1"
  [ -s "$cache" ] || "$(dirname "${BASH_SOURCE[0]}")/token.sh" demo-admin "$1" > "$cache"
  echo "Authorization: Bearer $(cat "$cache")"
}
bench_auth_reset() { rm -f "/tmp/continuum-bench-token-$1"; }
# Environment of a gateway started by a bench script in the postgres profile: the development
# issuer forced on, so the scripts can obtain tokens.
BENCH_AUTH_ENV=(CONTINUUM_SECURITY_DEV_ISSUER_ENABLED=true CONTINUUM_SECURITY_DEV_ISSUER_FORCE=true)
