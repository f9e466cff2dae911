/**
 * A customer's exchange accounts as the Exchange tab shows them: each sub-account's freshness (per data
 * kind, or why no key can be used), balances by currency valued in USDT, positions and open orders.
 * Reads only what the sync stored; never calls the exchange. Brand-scoped: another brand's customer is
 * NOT_FOUND.
 */
import "server-only";
import Decimal from "decimal.js";
import type { BrandContext } from "../actor";
import { notFound } from "../errors";
import { DATA_KINDS, type DataKind } from "@/lib/exchange-accounts/schemas";
import type { BalanceRow, CurrencyTotal, CustomerExchangeSummary, KindFreshness, SubaccountFreshness } from "@/lib/exchange-accounts/types";
import { holderSelect, openOrderRow, positionRow, str, strOrNull } from "./rows";

/** The customer's sub-accounts (not removed), oldest first; NOT_FOUND for another brand's customer. */
export async function customerSubaccounts(ctx: BrandContext, customerId: string) {
  const customer = await ctx.db.customer.findFirst({ where: { id: customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  return ctx.db.subaccount.findMany({
    where: { brandId: ctx.tenantId, customerId, removedAt: null },
    select: { id: true, subAcct: true, label: true, _count: { select: { apiKeys: true } } },
    orderBy: [{ exchangeCreatedAt: "asc" }, { id: "asc" }],
  });
}

export async function customerExchangeSummary(ctx: BrandContext, customerId: string): Promise<CustomerExchangeSummary> {
  const subs = await customerSubaccounts(ctx, customerId);
  const ids = subs.map((s) => s.id);
  const scope = { brandId: ctx.tenantId, subaccountId: { in: ids } };
  const [states, balances, positions, orders] = await Promise.all([
    ctx.db.exchangeSyncState.findMany({ where: scope, include: { kinds: true } }),
    ctx.db.exchangeBalance.findMany({ where: scope, orderBy: [{ ccy: "asc" }, { account: "asc" }] }),
    ctx.db.exchangePosition.findMany({ where: scope, include: { subaccount: holderSelect }, orderBy: [{ exposureUsd: "desc" }, { id: "asc" }] }),
    ctx.db.exchangeOpenOrder.findMany({ where: scope, include: { subaccount: holderSelect }, orderBy: [{ exchangeCreatedAt: "desc" }, { id: "asc" }] }),
  ]);
  const subAcctOf = new Map(subs.map((s) => [s.id, s.subAcct]));

  const freshness: SubaccountFreshness[] = subs.map((s) => {
    const state = states.find((x) => x.subaccountId === s.id);
    const kinds = Object.fromEntries(DATA_KINDS.map((k) => [k, null])) as Record<DataKind, KindFreshness | null>;
    for (const k of state?.kinds ?? []) kinds[k.kind] = { lastSuccessAt: k.lastSuccessAt, lastFailureAt: k.lastFailureAt, errorCode: k.errorCode, errorMessage: k.errorMessage };
    // A sub-account without any key was never synced: say so without waiting for a run.
    const noKeyReason = s._count.apiKeys === 0 ? "no_key" : (state?.noKeyReason ?? null);
    return { subaccountId: s.id, subAcct: s.subAcct, label: s.label, noKeyReason, lastRunAt: state?.lastRunAt ?? null, kinds };
  });

  const balanceRows: BalanceRow[] = balances.map((b) => ({
    subaccountId: b.subaccountId,
    subAcct: subAcctOf.get(b.subaccountId) ?? "",
    account: b.account,
    ccy: b.ccy,
    total: str(b.total),
    available: strOrNull(b.available),
    frozen: strOrNull(b.frozen),
    upl: strOrNull(b.upl),
    valueUsdt: strOrNull(b.valueUsdt),
  }));

  const byCcy = new Map<string, { trading: Decimal; funding: Decimal; value: Decimal | null }>();
  for (const b of balances) {
    const t = byCcy.get(b.ccy) ?? { trading: new Decimal(0), funding: new Decimal(0), value: new Decimal(0) };
    t[b.account] = t[b.account].plus(b.total.toFixed());
    t.value = t.value === null || b.valueUsdt === null ? null : t.value.plus(b.valueUsdt.toFixed());
    byCcy.set(b.ccy, t);
  }
  const currencies: CurrencyTotal[] = [...byCcy.entries()]
    .map(([ccy, t]) => ({ ccy, trading: t.trading.toFixed(), funding: t.funding.toFixed(), total: t.trading.plus(t.funding).toFixed(), valueUsdt: t.value?.toFixed() ?? null }))
    .filter((c) => !new Decimal(c.total).isZero())
    .sort((a, b) => new Decimal(b.valueUsdt ?? -1).cmp(a.valueUsdt ?? -1) || a.ccy.localeCompare(b.ccy));
  const totalValue = currencies.reduce((sum, c) => (c.valueUsdt ? sum.plus(c.valueUsdt) : sum), new Decimal(0));

  return {
    customerId,
    subaccounts: freshness,
    balances: balanceRows,
    currencies,
    totalValueUsdt: totalValue.toFixed(2),
    unvalued: currencies.filter((c) => c.valueUsdt === null).map((c) => c.ccy),
    positions: positions.map(positionRow),
    openOrders: orders.map(openOrderRow),
  };
}
