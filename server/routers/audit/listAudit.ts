import "server-only";
import { listAudit as listAuditService } from "@/server/audit/query";
import { ZAuditListInput } from "@/lib/audit/schemas";
import { brandProcedure } from "@/server/trpc";

export { ZAuditListInput };

/** One page of the audit log, newest first by default. */
export const listAudit = brandProcedure("audit.read")
  .input(ZAuditListInput)
  .query(({ ctx, input }) => listAuditService(ctx, input));
