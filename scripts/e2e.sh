#!/usr/bin/env bash
# The e2e suite on its own: services up, `next build` when sources changed, then Playwright (which
# prepares brokerdesk_e2e and starts the server itself, see playwright.config.ts). Arguments go to
# `playwright test`, e.g. `bash scripts/e2e.sh e2e/smoke.spec.ts`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BROKERDESK_ROOT"

bash scripts/ensure-services.sh
build_if_stale
exec "$BIN/playwright" test "$@"
