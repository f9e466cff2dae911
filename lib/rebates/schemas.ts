/** Inputs of the rebate procedures (the files page, its request form). Client-safe: no server imports. */
import { z } from "zod";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";

export const REBATE_FILE_KINDS = ["dma_trades", "fd_rebates"] as const;
export const REBATE_FILE_STATES = ["requested", "generating", "downloading", "importing", "imported", "failed"] as const;
/** A file still on its way: the page refreshes while one is shown. */
export const ACTIVE_REBATE_STATES = ["requested", "generating", "downloading", "importing"] as const;
/** One request may cover this many days at most (the exchange's rule); a longer range is split. */
export const MAX_DAYS_PER_FILE = 180;
/** How far back the exchange keeps files. */
export const MAX_YEARS_BACK = 3;

const day = z.iso.date({ error: "Enter a day as YYYY-MM-DD" });

export const ZRebateRequestInput = z.object({
  kind: z.enum(REBATE_FILE_KINDS, { error: "Choose a kind of file" }),
  begin: day,
  end: day,
});

export const ZRebateFileListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "beginDay"]).optional(),
  kind: zMulti(REBATE_FILE_KINDS),
  state: zMulti(REBATE_FILE_STATES),
});

export const ZRebateFileRef = z.object({ id: zId() });
