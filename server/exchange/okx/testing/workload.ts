/**
 * Calls one endpoint back to back from a few concurrent callers until a deadline — the load of the
 * two-process test (hammer.ts) and of the benchmark (bench/exchange/run.ts). A call whose rate-limit slot
 * falls after the deadline is not made (maxRateWaitMs), so the count measures the limit, not the stragglers.
 */
import "server-only";
import type { OkxClient } from "../client";
import type { EndpointId } from "../endpoints";
import { isOkxError } from "../errors";

export interface HammerResult {
  endpoint: EndpointId;
  ok: number;
  /** Failures by code (50011 must stay absent). */
  failed: Record<string, number>;
  /** Completion times of the successful calls (ms since epoch). */
  sentAt: number[];
}

/** Params that the simulator accepts for each endpoint the load uses; `i` varies what must be unique. */
export function paramsFor(endpoint: EndpointId, i: number, subaccounts: readonly string[]): Record<string, unknown> {
  const sub = subaccounts[i % Math.max(1, subaccounts.length)];
  switch (endpoint) {
    case "ifRebate":
    case "partnerIfRebate":
      return { apiKey: `hammer-${i % 16}` };
    case "depositHistory":
    case "withdrawalHistory":
      return { limit: 1 };
    case "subaccountInfo":
    case "subaccountTradeFee":
      return { limit: 1 };
    case "setSubaccountLevel":
      return { subAcct: sub, acctLv: String((i % 2) + 1) };
    case "createApiKey":
      return { subAcct: sub, label: `bench${i}`, passphrase: "Bench-pass-1!", perm: ["read_only"] };
    case "createDepositAddress":
      return { subAcct: sub, ccy: ["USDT", "ETH", "BTC", "TRX", "SOL"][Math.floor(i / Math.max(1, subaccounts.length)) % 5] };
    case "getDepositAddresses":
      return { subAcct: sub, ccy: "USDT" };
    case "getApiKeys":
      return { subAcct: sub };
    case "currencies":
      return i % 2 ? { ccy: ["BTC", "USDT"] } : {};
    case "tickers":
      return { instType: "SPOT" };
    case "ticker":
    case "candles":
      return { instId: "BTC-USDT" };
    default:
      throw new Error(`no workload for ${endpoint}`);
  }
}

export async function hammerUntil(
  client: OkxClient,
  endpoint: EndpointId,
  deadline: number,
  concurrency: number,
  subaccounts: readonly string[] = [],
): Promise<HammerResult> {
  const result: HammerResult = { endpoint, ok: 0, failed: {}, sentAt: [] };
  let seq = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const i = seq++;
      try {
        await client.request(endpoint, paramsFor(endpoint, i, subaccounts), { maxRateWaitMs: Math.max(0, deadline - Date.now()) });
        result.ok++;
        result.sentAt.push(Date.now());
      } catch (e) {
        const code = isOkxError(e) ? e.code : "EXCEPTION";
        // Running out of time at the deadline is the normal end, not a failure.
        if (code === "RATE_LIMIT_WAIT") return;
        result.failed[code] = (result.failed[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
