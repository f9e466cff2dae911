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

/** A calendar day that exists, within the years the database and every date elsewhere accept (1970–2999). */
const day = z.iso
  .date({ error: "Enter a day as YYYY-MM-DD" })
  .refine((d) => d >= "1970-01-01" && d <= "2999-12-31", { error: "Enter a date between 1970 and 2999" });

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

/** Report dimensions: what the breakdown groups the daily sums by. */
export const REPORT_DIMENSIONS = ["customer", "subaccount", "instrument", "family", "execType"] as const;
/** A report covers at most this many days (a year and a bit: a year of data is what it must stay fast for). */
export const MAX_REPORT_DAYS = 400;

export const ZRebateReportInput = z
  .object({
    from: day,
    to: day,
    /** One customer's report (the customer page's tab). */
    customerId: zId().optional(),
  })
  .refine((r) => r.from <= r.to, { error: "The last day must not be before the first day", path: ["to"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_REPORT_DAYS, { error: `A report covers at most ${MAX_REPORT_DAYS} days`, path: ["from"] });

export const ZRebateBreakdownInput = z
  .object({
    from: day,
    to: day,
    customerId: zId().optional(),
    by: z.enum(REPORT_DIMENSIONS),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((r) => r.from <= r.to, { error: "The last day must not be before the first day", path: ["to"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_REPORT_DAYS, { error: `A report covers at most ${MAX_REPORT_DAYS} days`, path: ["from"] });

/** The drill-down's customer filter for trades of sub-accounts linked to no customer. */
export const UNLINKED_CUSTOMER = "none";

export const ZDmaTradeListInput = ZTableQuery.extend({
  sort: z.enum(["tradedAt"]).optional(),
  from: day,
  to: day,
  /** A customer's trades, or `none`: the trades attributed to no customer. */
  customerId: z.union([zId(), z.literal(UNLINKED_CUSTOMER)]).optional(),
  subAcct: z.string().regex(/^[A-Za-z0-9]{1,32}$/, { error: "A sub-account name is letters and digits" }).optional(),
  instId: z.string().regex(/^[A-Z0-9.-]{1,64}$/, { error: "An instrument id such as BTC-USDT" }).optional(),
  instFamily: z.enum(["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"]).optional(),
  execType: z.enum(["T", "M"]).optional(),
});
