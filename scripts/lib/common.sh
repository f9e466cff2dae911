# Shared helpers for scripts/*.sh. Source it; it defines functions and defaults, nothing runs.
# Every default can be overridden by the environment; no `.env` is needed.

# Repository root, whatever the caller's working directory.
BROKERDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# `.env`, if present, fills in what the environment does not set (the environment wins, as in Next.js).
if [[ -f "$BROKERDESK_ROOT/.env" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}" value="${BASH_REMATCH[3]}"
    [[ -n "${!key+set}" ]] && continue
    [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]] && value="${BASH_REMATCH[1]}"
    export "$key=$value"
  done <"$BROKERDESK_ROOT/.env"
  unset line key value
fi

# The built-in defaults live in one place, server/env-defaults.ts, read by the app, Prisma and tests.
env_default() {
  sed -n "s/^export const $1 = \"\(.*\)\";$/\1/p" "$BROKERDESK_ROOT/server/env-defaults.ts"
}
: "${DATABASE_URL:=$(env_default DEFAULT_DATABASE_URL)}"
: "${REDIS_URL:=$(env_default DEFAULT_REDIS_URL)}"
[[ -n "$DATABASE_URL" && -n "$REDIS_URL" ]] || { echo "scripts: cannot read the defaults in server/env-defaults.ts" >&2; exit 1; }
export DATABASE_URL REDIS_URL
# These machines are offline: no Prisma update check, no Next.js telemetry.
export CHECKPOINT_DISABLE="${CHECKPOINT_DISABLE:-1}" NEXT_TELEMETRY_DISABLED="${NEXT_TELEMETRY_DISABLED:-1}"

BIN="$BROKERDESK_ROOT/node_modules/.bin"

log() { printf '%s\n' "$*"; }
die() { printf '%s\n' "$*" >&2; exit 1; }

# npm install when node_modules is missing or the lockfile changed since the last install.
# `npm install` keeps an existing node_modules (CI uses `npm ci`); with the committed lockfile it leaves
# package-lock.json unchanged.
ensure_node_modules() {
  cd "$BROKERDESK_ROOT"
  if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "npm: installing dependencies"
    npm install --no-audit --no-fund
  fi
}

# A fingerprint of everything `next build` reads: git HEAD plus the newest source mtime and the file count
# (so a deleted file counts too). Tests, e2e specs and scripts are left out: they are not in the bundle.
build_fingerprint() {
  cd "$BROKERDESK_ROOT"
  local head newest count
  head="$(git rev-parse HEAD 2>/dev/null || echo no-git)"
  local paths=()
  for p in app server lib components jobs prisma public types messages \
    next.config.mjs postcss.config.mjs tsconfig.json package.json package-lock.json proxy.ts middleware.ts \
    instrumentation.ts instrumentation-client.ts; do
    [[ -e "$p" ]] && paths+=("$p")
  done
  read -r newest count < <(find "${paths[@]}" -type f \
    ! -name '*.test.ts' ! -name '*.test.tsx' ! -path 'prisma/migrations/*' -printf '%T@\n' 2>/dev/null |
    sort -n | awk '{ last = $1; n++ } END { printf "%s %d\n", last, n }')
  printf '%s %s %s\n' "$head" "$newest" "$count"
}

BUILD_STAMP=".next/brokerdesk-build.stamp"

# `next build` unless .next holds a build of exactly these sources. A failed build deletes .next.
build_if_stale() {
  cd "$BROKERDESK_ROOT"
  local want
  want="$(build_fingerprint)"
  if [[ -f .next/BUILD_ID && -f "$BUILD_STAMP" && "$(cat "$BUILD_STAMP")" == "$want" ]]; then
    log "next: build is up to date"
    return 0
  fi
  log "next: building (sources changed since the last build)"
  "$BIN/next" build || return 1
  printf '%s\n' "$want" >"$BUILD_STAMP"
}

# `quietly LABEL command...` — runs the command with its output kept aside; shows it only on failure.
quietly() {
  local label=$1 out rc=0
  shift
  out="$(mktemp)"
  "$@" >"$out" 2>&1 || rc=$?
  if [[ "$rc" != 0 ]]; then
    cat "$out" >&2
    log "$label: failed (exit $rc)" >&2
  fi
  rm -f "$out"
  return "$rc"
}

# `wait_for_http URL SECONDS [PID]` — until URL answers below 500; gives up early if PID exits.
wait_for_http() {
  local url=$1 deadline=$((SECONDS + $2)) pid=${3:-}
  until node -e 'fetch(process.argv[1], { redirect: "manual" }).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))' "$url"; do
    ((SECONDS < deadline)) || return 1
    [[ -z "$pid" ]] || kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
}
