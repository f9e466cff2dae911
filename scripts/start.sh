#!/usr/bin/env bash
# `npm start`: the one command that sets up and runs Brokerdesk on this machine.
#   dependencies → PostgreSQL/Redis → migrations → demo data → build (when sources changed) → processes
# Needs no `.env`: every setting has a default and can be overridden from the environment
# (see .env.example). Ctrl-C (or SIGTERM) stops every process it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BROKERDESK_ROOT"

export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"

ensure_node_modules
bash scripts/ensure-services.sh
log "database: applying migrations"
quietly "prisma migrate deploy" "$BIN/prisma" migrate deploy
"$BIN/tsx" prisma/seed.ts
build_if_stale

# ── Long-running processes ──────────────────────────────────────────────────────────────────────────
# Each runs in the background; when any one exits, or on Ctrl-C / SIGTERM, all are stopped.
PIDS=()
NAMES=()

start_process() {
  local name=$1
  shift
  "$@" &
  PIDS+=("$!")
  NAMES+=("$name")
}

stop_all() {
  trap - INT TERM EXIT
  ((${#PIDS[@]})) || return 0
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${PIDS[@]}" 2>/dev/null || true
  PIDS=()
}

trap 'log ""; log "stopping ${NAMES[*]}"; stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

start_process web "$BIN/next" start -p "$PORT"
# Added by later issues, e.g.:
#   start_process worker "$BIN/tsx" jobs/worker.ts
#   start_process okx-simulator "$BIN/tsx" <simulator entry>

if wait_for_http "http://127.0.0.1:$PORT/login" 90 "${PIDS[0]}"; then
  log ""
  log "Brokerdesk is running at http://localhost:$PORT"
  "$BIN/tsx" scripts/demo-totp.ts --list || true
  log "Current code for a TOTP account: npm run demo:totp -- admin@aurora.demo  (more in README.md, \"Demo logins\")"
  log "Press Ctrl-C to stop."
fi

status=0
wait -n || status=$?
for i in "${!PIDS[@]}"; do
  kill -0 "${PIDS[$i]}" 2>/dev/null || log "${NAMES[$i]} exited (status $status); stopping the rest"
done
stop_all
exit "$status"
