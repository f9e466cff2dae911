/**
 * One probing process of the emergency-stop bench (./stop.ts): posts a 1 USDT cash credit through the
 * ledger service (`adjustCash`, as the portal's mutation and the jobs' postings do) to its own trading
 * account in a tight loop, and tells the parent (IPC) the moment the postings flip from accepted to refused
 * and back. The stop's check reads PostgreSQL on every posting, so what this measures is how soon a posting
 * started after the trigger's commit sees it, in a process that knows nothing of the trigger.
 */
import "../../server/load-env";
import { randomUUID } from "node:crypto";
import { db } from "../../server/db/client";
import { isEmergencyStop } from "../../server/emergency/guard";
import { adjustCash } from "../../server/ledger/service";
import type { TenantContext } from "../../server/actor";

const [brandId, accountId, staffJson] = process.argv.slice(2);
const staff = JSON.parse(staffJson!) as TenantContext["actor"];
const ctx: TenantContext = { db, actor: staff, tenantId: brandId!, request: { ip: null, userAgent: "bench/risk stop probe" } };

let refused: boolean | null = null;
let running = true;
process.on("disconnect", () => {
  running = false;
});

async function main() {
  while (running) {
    let now: boolean;
    try {
      await adjustCash(ctx, { tradingAccountId: accountId!, direction: "credit", amount: "1", reason: "Bench probe", idempotencyKey: randomUUID() });
      now = false;
    } catch (error) {
      if (!isEmergencyStop(error)) throw error;
      now = true;
    }
    // Timed when the posting's answer came back: the refusal is known to this process from then on.
    if (now !== refused) process.send?.({ refused: now, at: Date.now() });
    refused = now;
    await new Promise((r) => setTimeout(r, 2));
  }
  await db.$disconnect();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
