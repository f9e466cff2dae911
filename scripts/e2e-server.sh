#!/usr/bin/env bash
# Playwright's webServer command (playwright.config.ts): a fresh, migrated and seeded e2e database,
# then `next start` on PORT. Playwright passes DATABASE_URL (brokerdesk_e2e), NEXTAUTH_URL and PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BROKERDESK_ROOT"

[[ -f .next/BUILD_ID ]] || die "e2e: no build in .next — run 'bash scripts/e2e.sh' (builds, then tests) or 'npm run build' first"
"$BIN/tsx" scripts/db-recreate.ts --seed
exec "$BIN/next" start -p "${PORT:-3100}"
