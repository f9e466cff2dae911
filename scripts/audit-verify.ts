/**
 * `npm run audit:verify`: recomputes every audit hash chain in DATABASE_URL. Exit 0 when every chain
 * holds; exit 1 naming the first broken link of each broken chain (changed, inserted or removed rows).
 */
import "../server/load-env";
import { verifyAuditChains } from "../server/audit/audit";
import { db } from "../server/db/client";

async function main(): Promise<number> {
  const report = await verifyAuditChains(db);
  console.log(`audit: ${report.chains} chain(s), ${report.rows} row(s) checked`);
  if (report.breaks.length === 0) {
    console.log("audit: every chain is intact");
    return 0;
  }
  for (const b of report.breaks) {
    console.error(`audit: BROKEN chain=${b.chain} id=${b.id} seq=${b.seq}: ${b.reason}`);
  }
  console.error(`audit: ${report.breaks.length} chain(s) broken`);
  return 1;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error("audit: verification failed to run:", error instanceof Error ? error.message : error);
    process.exitCode = 2;
  })
  .finally(() => db.$disconnect());
