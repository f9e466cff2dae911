#!/usr/bin/env bash
# `npm test`: the whole suite, in order, stopping at the first failure:
#   services → typecheck and lint (side by side) → migration drift → unit → integration (fresh brokerdesk_test)
#   → next build → Playwright (fresh brokerdesk_e2e, server on port 3100)
# Ends with one line `N passed, M failed` (vitest + Playwright test counts; a failed step that is not
# a test run counts as one failure) and exits non-zero when anything failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BROKERDESK_ROOT"
mkdir -p test-results

PASSED=0
FAILED=0
STARTED=$SECONDS

finish() {
  log ""
  log "test run took $(((SECONDS - STARTED) / 60))m$(((SECONDS - STARTED) % 60))s"
  log "$PASSED passed, $FAILED failed"
  ((FAILED == 0)) || exit 1
  exit 0
}

# `step NAME command...` — runs one step; on failure counts it (unless the step counted its own tests
# already) and ends the run.
step() {
  local name=$1 before=$FAILED rc=0
  shift
  log ""
  log "==> $name"
  "$@" || rc=$?
  if [[ "$rc" != 0 ]]; then
    ((FAILED > before)) || FAILED=$((FAILED + 1))
    log "✗ $name failed (exit $rc)"
    finish
  fi
}

# `add_counts KIND JSON_FILE EXIT_CODE` — adds a vitest or Playwright JSON report's counts. A run that
# failed without a failed test in its report (a file that does not load, a broken setup, a server that
# does not start) still counts as one failure.
add_counts() {
  local counts
  counts="$(node -e '
    const [kind, file, rc] = process.argv.slice(1);
    let passed = 0, failed = 0;
    try {
      const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
      if (kind === "vitest") {
        passed = r.numPassedTests ?? 0;
        failed = r.numFailedTests ?? 0;
        // Files that failed outside any test (import error, failing beforeAll with no test marked).
        for (const f of r.testResults ?? []) {
          if (f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")) failed++;
        }
      } else {
        const s = r.stats ?? {};
        passed = (s.expected ?? 0) + (s.flaky ?? 0);
        failed = (s.unexpected ?? 0) + ((r.errors ?? []).length && !s.unexpected ? 1 : 0);
      }
    } catch {}
    if (rc !== "0" && failed === 0) failed = 1;
    console.log(passed, failed);' "$1" "$2" "$3")"
  PASSED=$((PASSED + ${counts% *}))
  FAILED=$((FAILED + ${counts#* }))
}

db_check() {
  local rc=0
  npm run -s db:check || rc=$?
  if [[ "$rc" == 2 ]]; then
    log "prisma/schema.prisma and prisma/migrations disagree: create a migration for the schema change"
    log "(npm run db:migrate -- --name <change>, see README) or revert the schema edit."
  fi
  return "$rc"
}

# tsc and ESLint each read the whole project on one core: run side by side on the two, each one's output
# printed whole when both are done (not interleaved). Fails when either fails.
typecheck_and_lint() {
  local tsc_out lint_out tsc_rc=0 lint_rc=0 tsc_pid
  tsc_out="$(mktemp)"
  lint_out="$(mktemp)"
  npm run -s typecheck >"$tsc_out" 2>&1 &
  tsc_pid=$!
  npm run -s lint >"$lint_out" 2>&1 || lint_rc=$?
  wait "$tsc_pid" || tsc_rc=$?
  cat "$tsc_out" "$lint_out"
  rm -f "$tsc_out" "$lint_out"
  ((tsc_rc == 0)) && log "typecheck: ok" || log "typecheck: failed (exit $tsc_rc)"
  ((lint_rc == 0)) && log "lint: ok" || log "lint: failed (exit $lint_rc)"
  ((tsc_rc == 0 && lint_rc == 0))
}

vitest_project() {
  local project=$1 report="test-results/vitest-$1.json" rc=0
  rm -f "$report"
  "$BIN/vitest" run --project "$project" --passWithNoTests \
    --reporter=default --reporter=json --outputFile.json="$report" || rc=$?
  add_counts vitest "$report" "$rc"
  return "$rc"
}

playwright_suite() {
  local report="test-results/playwright.json" rc=0
  rm -f "$report"
  # Playwright prepares brokerdesk_e2e and starts `next start -p 3100` itself (playwright.config.ts).
  "$BIN/playwright" test || rc=$?
  add_counts playwright "$report" "$rc"
  return "$rc"
}

step "dependencies" ensure_node_modules
step "services" bash scripts/ensure-services.sh
step "typecheck and lint" typecheck_and_lint
# The build below would type-check the same sources again (Next's own TypeScript pass, ~35 s): it was
# just done, so next.config.mjs skips it for this run's build only.
export BROKERDESK_TYPECHECKED=1
step "migrations match the schema" db_check
step "unit tests" vitest_project unit
step "integration tests" vitest_project integration
step "next build" build_if_stale
step "e2e tests" playwright_suite
finish
