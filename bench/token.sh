#!/usr/bin/env bash
# Print a bearer token of a demo client from a gateway's development token issuer.
#   bench/token.sh [CLIENT] [PORT]      e.g. TOKEN=$(bench/token.sh demo-admin 8080)
# The issuer is on in the zero-setup run, and in gateways started by bench/gateway.sh (forced on in
# the postgres profile). Secrets are the documented demo ones: <client>-secret.
set -euo pipefail
client=${1:-demo-admin}; port=${2:-8080}
curl -sf -u "$client:$client-secret" -d grant_type=client_credentials "http://127.0.0.1:$port/oauth2/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
