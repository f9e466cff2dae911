/**
 * The currencies and chains the deposit-address forms offer, read from the brand's own exchange
 * (GET asset/currencies: the real OKX for a brand with credentials, the built-in simulator otherwise), so
 * the list is what that exchange takes deposits in. Only suggestions: the forms accept any valid code and
 * the exchange decides.
 *
 * The list changes rarely and the endpoint allows 6 requests/s per key, so it is kept per brand in this
 * process for ten minutes — a new key (or a switch between simulator and OKX) reads it again at once. A
 * failure is not kept: the next call asks again.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { brandExchange, type BrandClientOptions, type ExchangeTarget } from "../exchange/brand-client";
import { isOkxError, toAppError, type CurrencyChain } from "../exchange/okx";
import { SEGWIT_CURRENCIES, type AddressExtra, type KnownCurrency } from "@/lib/deposits/currencies";

export type { KnownCurrency } from "@/lib/deposits/currencies";

export const DEPOSIT_CURRENCIES_TTL_MS = 10 * 60_000;

/**
 * OKX says only whether a chain needs one (`needTag`), not what it is called. The ones this product knows
 * by name (the simulator's table: EOS memo, XRP tag, TON comment, XMR payment id); any other: a tag.
 */
const EXTRA_BY_CCY: Readonly<Record<string, AddressExtra>> = { EOS: "memo", XRP: "tag", TON: "comment", XMR: "pmtId" };

/**
 * asset/currencies rows (one per currency and chain) → the forms' list: only chains that take deposits,
 * the main net first (then the exchange's order), currencies without any such chain left out, sorted by code.
 */
export function toKnownCurrencies(rows: readonly CurrencyChain[]): KnownCurrency[] {
  const byCcy = new Map<string, CurrencyChain[]>();
  for (const row of rows) {
    if (!row.canDep) continue;
    let chains = byCcy.get(row.ccy);
    if (!chains) byCcy.set(row.ccy, (chains = []));
    if (!chains.some((c) => c.chain === row.chain)) chains.push(row);
  }
  return [...byCcy]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ccy, chains]) => {
      const ordered = [...chains.filter((c) => c.mainNet), ...chains.filter((c) => !c.mainNet)];
      return {
        ccy,
        chains: ordered.map((c) => c.chain),
        segwit: SEGWIT_CURRENCIES.includes(ccy),
        extra: ordered[0].needTag ? (EXTRA_BY_CCY[ccy] ?? "tag") : null,
      };
    });
}

interface Entry {
  /** Where the list came from: a different destination or newer credentials is a miss. */
  source: string;
  at: number;
  list: Promise<KnownCurrency[]>;
}

/** Per brand id; one entry each, replaced on expiry. Concurrent callers share the request in flight. */
const cache = new Map<string, Entry>();

const sourceOf = (t: ExchangeTarget) => [t.usingSimulator ? "sim" : "okx", t.baseUrl, t.mode, t.credentialsUpdatedAt?.getTime() ?? ""].join("|");

export interface DepositCurrenciesOptions {
  /** Client tuning and destinations (tests). */
  client?: BrandClientOptions;
  /** Clock of the cache (tests). */
  now?: () => number;
}

/**
 * The brand's depositable currencies and their chains, from its exchange (cached ten minutes). An exchange
 * failure is the AppError every exchange read throws (toAppError): EXCHANGE_ERROR or RATE_LIMITED.
 */
export async function listDepositCurrencies(ctx: BrandContext, options: DepositCurrenciesOptions = {}): Promise<KnownCurrency[]> {
  const now = options.now ?? Date.now;
  const { client, target } = await brandExchange(ctx.db, ctx.tenantId, options.client);
  const source = sourceOf(target);
  const hit = cache.get(ctx.tenantId);
  if (hit && hit.source === source && now() - hit.at < DEPOSIT_CURRENCIES_TTL_MS) return hit.list;

  const list = client.currencies().then(toKnownCurrencies, (error: unknown) => {
    throw isOkxError(error) ? toAppError(error) : error;
  });
  const entry: Entry = { source, at: now(), list };
  cache.set(ctx.tenantId, entry);
  list.catch(() => {
    if (cache.get(ctx.tenantId) === entry) cache.delete(ctx.tenantId);
  });
  return list;
}
