#!/usr/bin/env bash
# Playwright's webServer command (playwright.config.ts): a fresh, migrated and seeded e2e database,
# then the production server (scripts/serve.mjs) on PORT. Playwright passes DATABASE_URL (brokerdesk_e2e), NEXTAUTH_URL and PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BROKERDESK_ROOT"

[[ -f .next/BUILD_ID ]] || die "e2e: no build in .next — run 'bash scripts/e2e.sh' (builds, then tests) or 'npm run build' first"
# A fresh database gets a fresh document store: the seed's files would otherwise pile up run after run.
[[ -n "${KYC_STORAGE_DIR:-}" ]] && rm -rf "$KYC_STORAGE_DIR"
# …and fresh job queues (their Redis keys under JOBS_PREFIX).
if [[ -n "${JOBS_PREFIX:-}" ]]; then
  node -e '
    const { Redis } = require("ioredis");
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379");
    (async () => {
      const keys = await redis.keys(`${process.env.JOBS_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    })().catch((e) => { console.error(`e2e: could not clear the job queues: ${e.message}`); process.exit(1); });'
fi
"$BIN/tsx" --conditions=react-server scripts/db-recreate.ts --seed
# Everything the server prints also goes to E2E_SERVER_LOG, which the run's last check reads.
if [[ -n "${E2E_SERVER_LOG:-}" ]]; then
  mkdir -p "$(dirname "$E2E_SERVER_LOG")"
  : >"$E2E_SERVER_LOG"
  exec > >(tee -a "$E2E_SERVER_LOG") 2>&1
fi
PORT="${PORT:-3100}" exec node scripts/serve.mjs
