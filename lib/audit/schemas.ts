/** Input of the audit list, shared by the procedure, the page's URL state and the CSV export. */
import { z } from "zod";
import { zDateParam, ZTableQuery } from "@/lib/table-state";
import { zOptionalText } from "@/lib/validation/text";

const zFilterText = zOptionalText(200);

export const ZAuditListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt"]).optional(),
  action: zFilterText,
  actor: zFilterText,
  entityType: zFilterText,
  entityId: zFilterText,
  from: zDateParam,
  to: zDateParam,
  platform: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).optional(),
});
