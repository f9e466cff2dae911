/**
 * Inputs of the deposit procedures, shared by the procedures, the pages' URL state, the forms and the CSV
 * export, plus the seed's deposit states. Client-safe: no server imports.
 */
import { z } from "zod";
import { zDateParam, zMulti, ZTableQuery } from "@/lib/table-state";
import { zCursor } from "@/lib/validation/cursor";
import { zId } from "@/lib/validation/ids";
import { zSearchTerm, zText } from "@/lib/validation/text";

/**
 * Seed 001's deposit states: 0 waiting for confirmation, 1 credited, 2 succeeded, 8 not credited while the
 * currency's deposits are suspended (credited when they resume), 11 blacklisted address, 12 account or
 * deposit frozen, 13 sub-account deposit intercepted, 14 KYC limit.
 */
export const DEPOSIT_STATES = ["0", "1", "2", "8", "11", "12", "13", "14"] as const;
export type DepositStateCode = (typeof DEPOSIT_STATES)[number];

/**
 * States whose deposit can still change, so the sync reads them again (server/deposits/sync.ts):
 *  - 0 and 1 move on by themselves (confirmations, then 2);
 *  - 8 is credited automatically once the currency's deposits resume (the seed says so);
 *  - 12, 13 and 14 hold a deposit (frozen account, interception, KYC limit) rather than refuse it: it is
 *    credited once the freeze, interception or limit is lifted.
 * 2 (succeeded) and 11 (blacklisted address: refused) are final.
 */
export const PENDING_DEPOSIT_STATES = [0, 1, 8, 12, 13, 14] as const;
export const FINAL_DEPOSIT_STATES = [2, 11] as const;

/** Badge tone per state, for the UI: done, in progress, or held/refused. */
export const DEPOSIT_STATE_TONE: Record<DepositStateCode, "success" | "pending" | "blocked"> = {
  "0": "pending",
  "1": "pending",
  "2": "success",
  "8": "pending",
  "11": "blocked",
  "12": "blocked",
  "13": "blocked",
  "14": "blocked",
};

/** "6" funding account, "18" trading account (seed 001). */
export const RECEIVING_ACCOUNTS = ["6", "18"] as const;
export type ReceivingAccount = (typeof RECEIVING_ACCOUNTS)[number];

/** Upper-case letters and digits, as the exchange wants it (seed: "仅支持大写"). */
export const zCcy = z
  .string({ error: "Enter a currency, e.g. BTC" })
  .trim()
  .min(1, { error: "Enter a currency, e.g. BTC" })
  .max(20, { error: "A currency code is at most 20 characters" })
  .regex(/^[A-Za-z0-9]+$/, { error: "A currency code is letters and digits, e.g. BTC" })
  .transform((v) => v.toUpperCase());

const zOptionalChain = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .string()
    .trim()
    .min(1)
    .max(64, { error: "A chain is at most 64 characters" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_ ()]*$/, { error: "A chain looks like USDT-TRC20" })
    .optional(),
);

const zSubaccountId = zId("Unknown sub-account");

export const ZSubaccountRef = z.object({ subaccountId: zSubaccountId });

export const ZAddressesInput = z.object({ subaccountId: zSubaccountId, ccy: zCcy });

/** Create a deposit address: chain defaults to the main chain, addrType to 1, `to` to the current setting. */
export const ZCreateAddressInput = z
  .object({
    subaccountId: zSubaccountId,
    ccy: zCcy,
    chain: zOptionalChain,
    /** 1 normal, 2 SegWit (BTC and LTC only). */
    addrType: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(["1", "2"], { error: "Choose an address type" }).optional()),
    /** Receiving account; it is one setting for all of the sub-account's addresses. */
    to: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(RECEIVING_ACCOUNTS, { error: "Choose funding (6) or trading (18)" }).optional()),
  })
  .refine((v) => v.addrType !== "2" || v.ccy === "BTC" || v.ccy === "LTC", {
    error: "SegWit addresses are for BTC and LTC only",
    path: ["addrType"],
  });
export type CreateAddressInput = z.input<typeof ZCreateAddressInput>;

/** Change the receiving account; the exchange applies it to every address of the sub-account. */
export const ZSetReceivingAccountInput = z.object({
  subaccountId: zSubaccountId,
  ccy: zCcy,
  chain: zOptionalChain,
  addr: zText(256, { min: 1, required: "Choose an address", tooLong: "An address is at most 256 characters" }),
  to: z.enum(RECEIVING_ACCOUNTS, { error: "Choose funding (6) or trading (18)" }),
});
export type SetReceivingAccountInput = z.input<typeof ZSetReceivingAccountInput>;

/** Several currencies from "BTC,USDT" (URL) or ["BTC","USDT"] (tRPC). */
const zCcyList = z.preprocess(
  (v) => (typeof v === "string" ? (v === "" ? undefined : v.split(",")) : v),
  z.array(zCcy).max(50).optional(),
);
const zOptionalUuid = (message: string) => z.preprocess((v) => (v === "" ? undefined : v), zId(message).optional());

export const DEPOSIT_SORTS = ["ts"] as const;

export const ZDepositListInput = ZTableQuery.extend({
  sort: z.enum(DEPOSIT_SORTS).optional(),
  /** depId, txId or sub-account name (exact). */
  q: zSearchTerm(256),
  ccy: zCcyList,
  state: zMulti(DEPOSIT_STATES),
  /** Exchange time (the deposit's `ts`) from / to, inclusive days. */
  dateFrom: zDateParam,
  dateTo: zDateParam,
  customerId: zOptionalUuid("Unknown customer"),
  subaccountId: zOptionalUuid("Unknown sub-account"),
  /** Keyset cursor from a previous page's `nextCursor` / `prevCursor`. */
  cursor: zCursor,
});
export type DepositListInput = z.infer<typeof ZDepositListInput>;
