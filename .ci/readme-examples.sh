#!/usr/bin/env bash
# Runs every shell example of README.md and of the docs pages it links (docs/*.md, in the order the
# README first links them: its tour), as written, in one shell (a variable set by one example is
# there for the next), against the built jar started on its embedded defaults in a fresh data
# directory, from the repository root. The only change made to the examples: localhost:8080 becomes
# the port this run chose. A fenced block preceded by a line `<!-- readme-examples: skip (reason) -->`
# is not run (set-up commands and production settings that need outside systems).
#
# Every curl in the examples must answer 2xx: curl is wrapped so that any other status, or a
# connection failure, fails the run and names the example (file and line) and the request.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=gateway/target/continuum-gateway.jar
[ -f "$jar" ] || { echo "readme-examples: 0 passed, 1 failed ($jar is missing: build it first)"; exit 1; }
work=$(mktemp -d); port=$(( 20000 + RANDOM % 20000 )); mllp=$(( port + 1 )); base="http://127.0.0.1:$port"
pid=
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

# The examples, one script: each block is announced, so a failure can name it.
python3 - "$work/examples.sh" "$port" <<'PY'
import os, re, sys
target, port = sys.argv[1], sys.argv[2]
readme = open("README.md", encoding="utf-8").read()
pages = ["README.md"]
for link in re.findall(r"\]\((docs/[^)#]+\.md)", readme):
    if link not in pages and os.path.exists(link):
        pages.append(link)
out, blocks = [], 0
for page in pages:
    lines = open(page, encoding="utf-8").read().split("\n")
    skip, i = False, 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"<!-- readme-examples: skip", line.strip()):
            skip = True
        elif line.strip() == "```sh":
            start = i + 1
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i]); i += 1
            if not skip:
                blocks += 1
                out.append(f"example_line='{page}:{start + 1}'")
                out.extend(l.replace("localhost:8080", f"localhost:{port}") for l in body)
            skip = False
        elif line.strip():
            skip = skip and line.strip().startswith("<!--")
        i += 1
open(target, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"readme-examples: {blocks} example blocks to run from {', '.join(pages)}", file=sys.stderr)
PY

cat > "$work/prelude.sh" <<'SH'
set -euo pipefail
example_line=?
curl() {
  local body status
  body=$(mktemp)
  if ! status=$(command curl -o "$body" -w '%{http_code}' "$@"); then
    echo "readme-examples: $example_line: curl $* failed to connect" >&2; exit 1
  fi
  cat "$body" || true   # a reader such as head may stop early: that is not a failure
  rm -f "$body"
  if [ "$status" -lt 200 ] || [ "$status" -ge 300 ]; then
    echo >&2; echo "readme-examples: $example_line: HTTP $status from curl $*" >&2; exit 1
  fi
}
SH

CONTINUUM_DATA_DIR="$work/data" SERVER_PORT=$port CONTINUUM_PRISON_MLLP_PORT=$mllp java -jar "$jar" > "$work/gateway.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  command curl -sf "$base/actuator/health/readiness" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { tail -50 "$work/gateway.log"; echo "readme-examples: 0 passed, 1 failed (gateway did not start)"; exit 1; }
  sleep 1
done

if (cat "$work/prelude.sh" "$work/examples.sh" > "$work/run.sh" && bash "$work/run.sh" > "$work/output.txt" 2> "$work/errors.txt"); then
  errors=$(grep -c ' ERROR ' "$work/gateway.log" || true)
  if [ "$errors" != 0 ]; then
    grep ' ERROR ' "$work/gateway.log" | head -20
    echo "readme-examples: 0 passed, 1 failed (the examples ran, but the gateway logged $errors ERROR lines)"
    exit 1
  fi
  echo "readme-examples: 1 passed, 0 failed (every shell example of README.md and its docs pages answered 2xx; no ERROR in the log)"
else
  tail -c 2000 "$work/output.txt"; echo; cat "$work/errors.txt"
  echo "--- gateway log (last 40 lines)"; tail -40 "$work/gateway.log"
  echo "readme-examples: 0 passed, 1 failed"
  exit 1
fi
