#!/usr/bin/env bash
# fuzz-api.sh: property-based fuzzing of the whole HTTP API with schemathesis, from the engine's own
# OpenAPI document (every operation), in a few minutes at most.
#
#   bash scripts/fuzz-api.sh                 # builds nothing: run `npm run build` first
#   FUZZ_BASE_URL=http://127.0.0.1:3000 bash scripts/fuzz-api.sh   # against an engine already running
#
# schemathesis comes from PyPI at a pinned version, installed once into a virtualenv cached outside the
# repository. Without FUZZ_BASE_URL the script starts the built engine on a fresh embedded PostgreSQL in a
# temporary DATA_DIR (samples loaded) and stops it afterwards.
#
# Checks: not_a_server_error (no 5xx), status_code_conformance and response_schema_conformance (every
# answer is documented and matches its schema), content_type_conformance, response_headers_conformance.
# Exit status: schemathesis's (non-zero when it found anything). Its closing banner ("=== 5 warnings in
# 90s ===") is reworded: CI readers take that pytest-like line for a test runner's count and would read it
# as "no test executed"; the run's own count is the closing "tests: N passed, N failed" line of .ci/run.
#
# Environment (all optional):
#   FUZZ_BASE_URL        an engine to test instead of starting one
#   FUZZ_AUTH_HEADER     a whole Authorization header value, e.g. "Bearer eyJ…" (one pass as that caller);
#                        when unset, one pass per role of FUZZ_ROLES with a token from `npm run token`
#   FUZZ_ROLES           default "receiving-officer system-admin"
#   FUZZ_AGENCY          the tokens' agency (default 000.31.18.H56, the sample agency)
#   FUZZ_MAX_EXAMPLES    examples per operation and phase (default 25)
#   FUZZ_MAX_TIME        time budget in seconds for the whole run, shared by the passes (default 300)
#   FUZZ_SEED            a seed, to replay a run
#   FUZZ_WORKERS         concurrent workers (default 1: with more, CPython 3.11 can fail inside
#                        hypothesis with "AST constructor recursion depth mismatch", a runner error)
#   FUZZ_REPORT_DIR      where the JUnit report goes (default artifacts/fuzz)
#   FUZZ_CACHE           the virtualenv cache (default $HOME/.cache/tthc-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
CACHE="${FUZZ_CACHE:-$HOME/.cache/tthc-fuzz}"
VENV="$CACHE/venv-$SCHEMATHESIS_VERSION"
REPORT_DIR="${FUZZ_REPORT_DIR:-artifacts/fuzz}"
say() { printf '[fuzz] %s\n' "$*" >&2; }

if ! [ -x "$VENV/bin/schemathesis" ]; then
  say "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

engine_pid=""
data_dir=""
cleanup() {
  if [ -n "$engine_pid" ] && kill -0 "$engine_pid" 2>/dev/null; then
    kill -TERM "$engine_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$engine_pid" 2>/dev/null || true
  fi
  [ -n "$data_dir" ] && rm -rf "$data_dir"
}
trap cleanup EXIT

base_url="${FUZZ_BASE_URL:-}"
if [ -z "$base_url" ]; then
  [ -f dist/apps/engine/src/main.js ] || { say "dist/ is missing: run npm run build first"; exit 2; }
  data_dir="$(mktemp -d)"
  chmod 755 "$data_dir"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  say "starting the engine on port $port with a fresh embedded database in $data_dir"
  env -u DATABASE_URL -u KAFKA_BROKERS DATA_DIR="$data_dir" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn \
    node dist/apps/engine/src/main.js >"$data_dir/engine.log" 2>&1 &
  engine_pid=$!
  base_url="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    if curl -fsS "$base_url/v1/procedures/1.004873" >/dev/null 2>&1; then break; fi
    kill -0 "$engine_pid" 2>/dev/null || { cat "$data_dir/engine.log" >&2; exit 2; }
    sleep 0.5
  done
  curl -fsS "$base_url/v1/procedures/1.004873" >/dev/null || { say "the engine did not load its samples"; exit 2; }
fi

# One pass per caller: with FUZZ_AUTH_HEADER, that caller; else, when `npm run token` exists, one token per
# role in FUZZ_ROLES (an official of the sample agency reaches the dossier operations, a system
# administrator the administration ones); else no credentials (before authentication existed).
passes=()
if [ -n "${FUZZ_AUTH_HEADER:-}" ]; then
  passes+=("given|$FUZZ_AUTH_HEADER")
elif node -e 'process.exit(require("./package.json").scripts?.token ? 0 : 1)'; then
  for role in ${FUZZ_ROLES:-receiving-officer system-admin}; do
    # The token CLI signs with the secret the embedded engine keeps in its DATA_DIR.
    token="$(DATA_DIR="${data_dir:-${DATA_DIR:-./.data}}" npm run --silent token -- --role "$role" --agency "${FUZZ_AGENCY:-000.31.18.H56}" | tail -n 1)"
    passes+=("$role|Bearer $token")
  done
else
  passes+=("anonymous|")
fi
budget=$(("${FUZZ_MAX_TIME:-300}" / ${#passes[@]}))

mkdir -p "$REPORT_DIR"
rc=0
for pass in "${passes[@]}"; do
  who="${pass%%|*}"
  auth="${pass#*|}"
  headers=()
  [ -n "$auth" ] && headers+=(-H "Authorization: $auth")
  say "schemathesis over $base_url/docs/openapi.json as $who (${budget}s at most)"
  set +e
  SCHEMATHESIS_HOOKS="$PWD/scripts/fuzz/hooks.py" "$VENV/bin/schemathesis" run "$base_url/docs/openapi.json" \
    --url "$base_url" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance,response_headers_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "${FUZZ_MAX_EXAMPLES:-25}" \
    --max-time "$budget" \
    --workers "${FUZZ_WORKERS:-1}" \
    --request-timeout 20 \
    --suppress-health-check all \
    --report junit --report-junit-path "$REPORT_DIR/schemathesis-$who.xml" \
    ${FUZZ_SEED:+--seed "$FUZZ_SEED"} \
    "${headers[@]}" 2>&1 | sed -E 's/^=+ (.+ in [0-9.]+s) =+$/[fuzz] schemathesis as '"$who"': \1/'
  pass_rc=${PIPESTATUS[0]}
  set -e
  [ "$pass_rc" -ne 0 ] && rc=$pass_rc
done
if [ "$rc" -ne 0 ] && [ -n "$data_dir" ]; then
  say "engine log (last 60 lines):"
  tail -n 60 "$data_dir/engine.log" >&2 || true
fi
exit "$rc"
