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
# This installation's own NEXTAUTH_SECRET and ENCRYPTION_KEY, made once and kept outside the repository
# (the built-in ones are public; the production server refuses them). Every process loads them itself.
"$BIN/tsx" --conditions=react-server scripts/secrets.ts ensure
"$BIN/tsx" --conditions=react-server prisma/seed.ts
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

# The web server: Next.js behind scripts/serve.mjs (the client's real address, one process per core).
start_process web node scripts/serve.mjs
# The built-in OKX simulator: where brands without their own exchange credentials send their calls
# (server/exchange/brand-client.ts). `npm run okx-sim`'s command, run directly so Ctrl-C reaches it.
# OKX_SIM=off leaves it out (one is already running, or every brand has real credentials).
OKX_SIM="${OKX_SIM:-on}"
if [[ "$OKX_SIM" != "off" ]]; then
  start_process okx-sim "$BIN/tsx" --conditions=react-server server/exchange/sim/main.ts
fi
# The background-job worker (`npm run worker`): BullMQ queues and their schedules (jobs/worker.ts).
start_process worker "$BIN/tsx" --conditions=react-server jobs/worker.ts

# What the simulator listens on and the demo key it accepts: the environment, else server/env-defaults.ts.
# Like the simulator itself, print a secret only while it is the built-in (public) development value.
sim_secret() {
  if [[ -n "${!1:-}" ]]; then printf '(set by %s)' "$1"; else env_default "DEFAULT_$1"; fi
}
print_simulator() {
  local port key
  port="${OKX_SIM_PORT:-$(sed -n 's/^export const DEFAULT_OKX_SIM_PORT = \([0-9]*\);$/\1/p' server/env-defaults.ts)}"
  key="${OKX_SIM_API_KEY:-$(env_default DEFAULT_OKX_SIM_API_KEY)}"
  log "OKX simulator at http://127.0.0.1:$port: brands without exchange credentials use it${OKX_SIM_URL:+ (at OKX_SIM_URL=$OKX_SIM_URL)}"
  log "  master demo key: API key $key  secret $(sim_secret OKX_SIM_SECRET_KEY)  passphrase $(sim_secret OKX_SIM_PASSPHRASE)"
  log "  (each brand without credentials uses its own account, with a key derived from this one)"
}

if wait_for_http "http://127.0.0.1:$PORT/login" 90 "${PIDS[0]}"; then
  log ""
  log "Brokerdesk is running at http://localhost:$PORT"
  if [[ "$OKX_SIM" != "off" ]]; then print_simulator; else log "OKX simulator not started (OKX_SIM=off)"; fi
  "$BIN/tsx" --conditions=react-server scripts/demo-totp.ts --list || true
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
