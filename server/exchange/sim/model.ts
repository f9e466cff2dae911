/**
 * The simulator's records and the schema of its snapshot (state.json). Field names and string types
 * follow seed 001's response fields, so handlers mostly pick fields from these records.
 */
import "server-only";
import { z } from "zod";
import { SubTradingSchema } from "./trading/model";

const str = z.string();

/** One fee-rate entry of a sub-account. Seed 001's example JSON says "marker"; its field table says `maker`, which we use. */
export const FeeRateSchema = z.object({ type: str, maker: str, taker: str });
export type FeeRate = z.infer<typeof FeeRateSchema>;

export const SubaccountSchema = z.object({
  subAcct: str,
  uid: str,
  label: str,
  acctLv: z.enum(["1", "2", "3", "4"]),
  enable: z.boolean(),
  frozenFunc: z.array(str),
  canTransOut: z.boolean(),
  /** "" = first-level sub-account; else the first-level parent's name (a second-level sub-account). */
  mainAcct: str,
  ts: str,
  feeRates: z.array(FeeRateSchema),
  /** Account that deposits credit: "6" funding, "18" trading — one setting for all the sub-account's addresses. */
  depositTo: z.enum(["6", "18"]),
  /** Rebate-daily fee level, e.g. "Lv1". */
  level: str,
  /**
   * The rates that applied before a change (set-subaccount-fee-rate), oldest first: fills of a day before
   * `until` (00:00 UTC of the change's effective day, ms) paid `feeRates` of the first such entry. Absent
   * when the rates never changed.
   */
  feeRateHistory: z.array(z.object({ until: str, feeRates: z.array(FeeRateSchema) })).optional(),
});
export type Subaccount = z.infer<typeof SubaccountSchema>;

export const ApiKeySchema = z.object({
  subAcct: str,
  apiKey: str,
  secretKey: str,
  passphrase: str,
  label: str,
  perm: str,
  ip: str,
  ts: str,
});
export type ApiKeyRecord = z.infer<typeof ApiKeySchema>;

export const DepositAddressSchema = z.object({
  subAcct: str,
  ccy: str,
  chain: str,
  addr: str,
  /** Present only for currencies that need them (EOS memo, XRP tag, TON comment, XMR pmtId). */
  memo: str.optional(),
  tag: str.optional(),
  pmtId: str.optional(),
  comment: str.optional(),
  /** Last 6 characters of the token contract; "" for native coins. */
  ctAddr: str,
  addrType: z.enum(["1", "2"]),
  selected: z.boolean(),
  ts: str,
});
export type DepositAddress = z.infer<typeof DepositAddressSchema>;

export const DEPOSIT_STATES = ["0", "1", "2", "8", "11", "12", "13", "14"] as const;
export const DEPOSIT_TYPES = ["3", "4"] as const;

export const DepositSchema = z.object({
  depId: str,
  subAcct: str,
  ccy: str,
  chain: str,
  amt: str,
  from: str,
  areaCodeFrom: str,
  to: str,
  txId: str,
  ts: str,
  state: z.enum(DEPOSIT_STATES),
  /** 3 internal transfer, 4 on-chain (a request filter in the seed; kept per record, not returned). */
  type: z.enum(DEPOSIT_TYPES),
  actualDepBlkConfirm: str,
});
export type Deposit = z.infer<typeof DepositSchema>;

/** OKX withdrawal states: -3 cancelling, -2 cancelled, -1 failed, 0 waiting, 1 broadcasting, 2 success, 4–17 review/approval stages. */
export const WITHDRAWAL_STATES = ["-3", "-2", "-1", "0", "1", "2", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17"] as const;

export const WithdrawalSchema = z.object({
  wdId: str,
  clientId: str,
  subAcct: str,
  ccy: str,
  chain: str,
  amt: str,
  fee: str,
  from: str,
  areaCodeFrom: str,
  to: str,
  areaCodeTo: str,
  txId: str,
  ts: str,
  state: z.enum(WITHDRAWAL_STATES),
  type: z.enum(DEPOSIT_TYPES),
  memo: str.optional(),
  tag: str.optional(),
  /**
   * Present on withdrawals made through asset/withdrawal: they move through OKX's states over time (see
   * trading/funding.ts) and hold `amt + fee` of the sub-account's funding balance until they end.
   */
  live: z
    .object({
      /** fail: → -1 after the first step; stall: waits (0) one step, then stays at stallState. */
      outcome: z.enum(["fail", "stall"]).optional(),
      stallState: z.enum(["0", "1", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17"]).optional(),
      /** When cancel-withdrawal was accepted (ms): -3 now, -2 one step later. */
      cancelAt: z.number().optional(),
      /** The funding balance was debited (success) — never twice. */
      settled: z.boolean().optional(),
    })
    .optional(),
});
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

export const RebateFileSchema = z.object({
  id: str,
  /** FD rebate files, their ND twin, and DMA trading files keep separate lists. */
  scope: z.enum(["fd", "nd", "dma"]),
  /** YYYYMMDD; FD/ND end is inclusive (the seed's reading), DMA end exclusive. */
  begin: str,
  end: str,
  /** "" when not given (always for DMA). */
  brokerType: str,
  /** First request for this range (ms). */
  cTime: z.number(),
  /** When it turns "finished" (ms). */
  readyAt: z.number(),
});
export type RebateFile = z.infer<typeof RebateFileSchema>;

export const MetaSchema = z.object({
  seed: z.number(),
  /** Counter behind new uids, API keys and ids, so they never repeat across restarts. */
  nextSeq: z.number(),
  /** The FD broker code returned by if-rebate and written in the CSVs. */
  brokerCode: str,
  generatedAt: z.number(),
});
export type Meta = z.infer<typeof MetaSchema>;

export const SnapshotSchema = z.object({
  version: z.literal(1),
  meta: MetaSchema,
  subaccounts: z.array(SubaccountSchema),
  apiKeys: z.array(ApiKeySchema),
  addresses: z.array(DepositAddressSchema),
  deposits: z.array(DepositSchema),
  withdrawals: z.array(WithdrawalSchema),
  rebateFiles: z.array(RebateFileSchema),
  /** Sub-accounts' own trading and funding state, only those that changed (older snapshots have none). */
  trading: z.array(SubTradingSchema).optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
