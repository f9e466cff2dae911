/**
 * audit-verify: recomputes the audit hash chains (the same verifier as `npm run audit:verify`) and
 * returns a summary as the job's result. A broken chain fails the job — without retries, since a
 * re-run gives the same answer — so it shows as failed on the jobs page. Read-only, hence idempotent.
 */
import { UnrecoverableError } from "bullmq";
import { verifyAuditChains } from "@/server/audit/audit";
import type { Db } from "@/server/db/client";
import { ZAuditVerifyPayload } from "@/server/queues/registry";

export interface AuditVerifySummary {
  chains: number;
  rows: number;
  broken: { chain: string; id: string; seq: number; reason: string }[];
}

export async function processAuditVerify(data: unknown, db: Db): Promise<AuditVerifySummary> {
  const payload = ZAuditVerifyPayload.parse(data);
  const report = await verifyAuditChains(db, payload.brandId ? { chain: payload.brandId } : {});
  // Row ids are bigints, which a job result (JSON) cannot hold.
  const broken = report.breaks.map((b) => ({ chain: b.chain, id: String(b.id), seq: b.seq, reason: b.reason }));
  const summary = { chains: report.chains, rows: report.rows, broken };
  if (broken.length > 0) {
    // Counts only: this message is shown to every brand's jobs page, the chains it names are brands.
    throw new UnrecoverableError(
      `audit chain verification failed: ${broken.length} of ${summary.chains} chain(s) broken (${summary.rows} rows checked); run npm run audit:verify for details`,
    );
  }
  return summary;
}
