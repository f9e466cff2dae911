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
export const zReportDay = z.iso
  .date({ error: "Enter a day as YYYY-MM-DD" })
  .refine((d) => d >= "1970-01-01" && d <= "2999-12-31", { error: "Enter a date between 1970 and 2999" });

export const ZRebateRequestInput = z.object({
  kind: z.enum(REBATE_FILE_KINDS, { error: "Choose a kind of file" }),
  begin: zReportDay,
  end: zReportDay,
});

export const ZRebateFileListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "beginDay"]).optional(),
  kind: zMulti(REBATE_FILE_KINDS),
  state: zMulti(REBATE_FILE_STATES),
});

export const ZRebateFileRef = z.object({ id: zId() });

/** The kinds of file a brand fetches each day (brand settings): each at most once, none allowed. */
export const ZRebateFileKindsInput = z.object({
  kinds: z.array(z.enum(REBATE_FILE_KINDS, { error: "Choose a kind of file" })).max(REBATE_FILE_KINDS.length),
});

/** Report dimensions: what the breakdown groups the daily sums by. */
export const REPORT_DIMENSIONS = ["customer", "subaccount", "instrument", "family", "execType"] as const;
/** A report covers at most this many days (a year and a bit: a year of data is what it must stay fast for). */
export const MAX_REPORT_DAYS = 400;

/** Instrument families and maker/taker as the trades table stores them. */
export const INST_FAMILIES = ["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"] as const;
export const EXEC_TYPES = ["M", "T"] as const;

const DAY_MS = 86_400_000;
/** How many days `from`…`to` covers, both included (0 when `to` is before `from`). */
export const daysIn = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1);

/** What is wrong with a report's range, if anything: out of order, or longer than MAX_REPORT_DAYS. */
export const rangeProblem = (from: string, to: string): "order" | "length" | null =>
  from > to ? "order" : daysIn(from, to) > MAX_REPORT_DAYS ? "length" : null;

/** A report's days, in order and at most MAX_REPORT_DAYS of them: the rule of every report input. */
export const inRange = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((r) => rangeProblem(r.from, r.to) !== "order", { error: "The last day must not be before the first day", path: ["to"] })
    .refine((r) => rangeProblem(r.from, r.to) !== "length", { error: `A report covers at most ${MAX_REPORT_DAYS} days`, path: ["from"] });

export const ZRebateReportInput = inRange(
  z.object({
    from: zReportDay,
    to: zReportDay,
    /** One customer's report (the customer page's tab). */
    customerId: zId().optional(),
  }),
);

export const ZRebateBreakdownInput = inRange(
  z.object({
    from: zReportDay,
    to: zReportDay,
    customerId: zId().optional(),
    by: z.enum(REPORT_DIMENSIONS),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
);

/** The drill-down's customer filter for trades of sub-accounts linked to no customer. */
export const UNLINKED_CUSTOMER = "none";

export const ZDmaTradeListInput = ZTableQuery.extend({
  sort: z.enum(["tradedAt"]).optional(),
  from: zReportDay,
  to: zReportDay,
  /** A customer's trades, or `none`: the trades attributed to no customer. */
  customerId: z.union([zId(), z.literal(UNLINKED_CUSTOMER)]).optional(),
  subAcct: z.string().regex(/^[A-Za-z0-9]{1,32}$/, { error: "A sub-account name is letters and digits" }).optional(),
  instId: z.string().regex(/^[A-Z0-9.-]{1,64}$/, { error: "An instrument id such as BTC-USDT" }).optional(),
  instFamily: z.enum(INST_FAMILIES).optional(),
  execType: z.enum(EXEC_TYPES).optional(),
});
