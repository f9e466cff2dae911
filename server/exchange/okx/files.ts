/**
 * The files OKX hands out by link — FD rebate details and DMA trading details: their CSV columns and how
 * long a link lives. One definition for the import code and the simulator (which serves files in this
 * format), as endpoints.ts is one table for both.
 *
 * A link (`fileHref`) is a pre-signed object-storage URL: no OKX signature, no OKX rate limit; each GET of
 * the endpoint gives a fresh one. The body is gzip-compressed CSV (OKX's docs describe "the decompressed
 * CSV"): header line, then one row per line, amounts in USDT as decimal text.
 */
import "server-only";

/** Seed 001 "解压后CSV里的字段说明" (FD), in its order: one row per order. */
export const FD_REBATE_CSV_COLUMNS = [
  "brokerCode",
  "level",
  "instId",
  "ordId",
  "spotTradeAmt",
  "derivativeTradeAmt",
  "fee",
  "netFee",
  "settlementFee",
  "brokerRebate",
  "suBrokerRebate",
  "userRebate",
  "affiliated",
  "ts",
] as const;

/**
 * OKX broker docs "Get trading data link (DMA)", in its order: one row per fill ("fill dimension"), so
 * several rows may share an ordId; tradeId identifies the fill. subAcctLv "1" | "2"; firstLvSubAcct is
 * the sub-account itself at level 1, its parent at level 2. amt and fee in USDT; fee negative = charged
 * (OKX's fill convention). execType T taker, M maker. ts in ms.
 */
export const DMA_TRADES_CSV_COLUMNS = ["subAcct", "subAcctLv", "firstLvSubAcct", "instId", "ordId", "tradeId", "amt", "fee", "execType", "ts"] as const;

/** A link is valid this long after the GET that returned it (FD: seed 001, 2 hours; DMA: OKX docs, 9 hours). */
export const FILE_LINK_TTL_MS = { fd: 2 * 3600_000, dma: 9 * 3600_000 } as const;
