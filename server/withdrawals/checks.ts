/**
 * The checks before anything leaves. Each refusal names its field and changes nothing: the exchange reads
 * (chains, balance, price) come first, outside any transaction; the database checks (locks, address book,
 * daily sums) run in the request's transaction with the customer's row locked, so two requests of one
 * customer are counted one after the other, never both against the same headroom.
 */
import "server-only";
import Decimal from "decimal.js";
import type { Db, DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { directionsBlocking } from "../fund-locks/guard";
import { addressProblem, decimalsOf } from "@/lib/withdrawals/chains";
import { kycLimitOf } from "@/lib/withdrawals/limits";
import type { SubaccountClient } from "../exchange/subaccount-client";
import { chainsOf, fundingBalances, valueInUsdt, type ChainInfo } from "./exchange";
import type { EffectiveSettings } from "./settings";

export interface WithdrawalAsk {
  customerId: string;
  subaccountId: string;
  ccy: string;
  chain: string;
  amount: string;
  address: string;
  tag?: string;
}

const dec = (v: { toFixed(): string } | string) => new Decimal(typeof v === "string" ? v : v.toFixed());
const fmt = (d: Decimal) => d.toFixed();
/** Not yet sent: still to come off the funding balance. */
const HOLDING = ["pending_approval", "queued", "sending"] as const;
const COUNTED = ["pending_approval", "queued", "sending", "sent", "completed"] as const;

/** The customer and sub-account, both the brand's and each other's, the customer active, the sub-account usable. */
export async function checkParties(db: Db | DbTx, brandId: string, ask: Pick<WithdrawalAsk, "customerId" | "subaccountId">) {
  const customer = await db.customer.findFirst({ where: { id: ask.customerId, brandId }, select: { id: true, status: true, kycLevel: true, name: true } });
  if (!customer) throw notFound("customer");
  if (customer.status !== "active") throw new AppError("CONFLICT", "withdrawals.errors.customerNotActive", { field: "customerId", params: { status: customer.status } });
  const sub = await db.subaccount.findFirst({ where: { id: ask.subaccountId, brandId }, select: { id: true, subAcct: true, customerId: true, removedAt: true, frozenFunctions: true } });
  if (!sub) throw notFound("subAccount");
  if (sub.customerId !== customer.id) throw invalid("subaccountId", "withdrawals.errors.subaccountNotCustomers", { subAcct: sub.subAcct });
  if (sub.removedAt) throw new AppError("CONFLICT", "withdrawals.errors.subaccountRemoved", { field: "subaccountId", params: { subAcct: sub.subAcct } });
  if (sub.frozenFunctions.includes("withdrawal")) throw new AppError("CONFLICT", "withdrawals.errors.subaccountFrozen", { field: "subaccountId", params: { subAcct: sub.subAcct } });
  return { customer, sub };
}

export interface ExchangeFacts {
  chain: ChainInfo;
  amount: Decimal;
  fee: Decimal;
  valueUsdt: Decimal;
  available: Decimal;
}

/** Chain, amount, address and tag against what the exchange lists, the value and the live balance. */
export async function checkOnExchange(sc: SubaccountClient, ask: WithdrawalAsk, kycLevel: number, settings: EffectiveSettings): Promise<ExchangeFacts> {
  const level = kycLimitOf(kycLevel);
  if (dec(level.perWithdrawal).isZero()) throw new AppError("CONFLICT", "withdrawals.errors.kycLevelNoWithdrawals", { field: "customerId", params: { level: kycLevel } });

  const chains = await chainsOf(sc, ask.ccy);
  const chain = chains.find((c) => c.chain === ask.chain);
  if (!chain) throw invalid("chain", "withdrawals.errors.unknownChain", { ccy: ask.ccy, chain: ask.chain });
  if (!chain.canWd) throw new AppError("CONFLICT", "withdrawals.errors.chainSuspended", { field: "chain", params: { chain: chain.chain } });

  const amount = dec(ask.amount);
  if (decimalsOf(ask.amount) > chain.decimals) throw invalid("amount", "withdrawals.errors.tooManyDecimals", { decimals: chain.decimals, chain: chain.chain });
  if (chain.minWd && amount.lt(chain.minWd)) throw invalid("amount", "withdrawals.errors.belowMinimum", { min: chain.minWd, ccy: ask.ccy });
  if (chain.maxWd && amount.gt(chain.maxWd)) throw invalid("amount", "withdrawals.errors.aboveMaximum", { max: chain.maxWd, ccy: ask.ccy });

  const example = addressProblem(chain.chain, ask.address);
  if (example) throw invalid("address", "withdrawals.errors.badAddress", { chain: chain.chain, example });
  if (chain.needTag && !ask.tag) throw invalid("tag", "withdrawals.errors.tagRequired", { chain: chain.chain });
  if (!chain.needTag && ask.tag) throw invalid("tag", "withdrawals.errors.tagNotTaken", { chain: chain.chain });

  const valueUsdt = await valueInUsdt(sc, ask.ccy, amount);
  if (valueUsdt.gt(level.perWithdrawal)) {
    throw invalid("amount", "withdrawals.errors.kycPerWithdrawal", { level: kycLevel, limit: level.perWithdrawal, value: fmt(valueUsdt.toDecimalPlaces(2)) });
  }
  if (settings.perWithdrawalLimit && valueUsdt.gt(dec(settings.perWithdrawalLimit))) {
    throw invalid("amount", "withdrawals.errors.brandPerWithdrawal", { limit: fmt(dec(settings.perWithdrawalLimit)), value: fmt(valueUsdt.toDecimalPlaces(2)) });
  }

  const balances = await fundingBalances(sc, ask.ccy);
  return { chain, amount, fee: chain.fee ? dec(chain.fee) : new Decimal(0), valueUsdt, available: balances.get(ask.ccy) ?? new Decimal(0) };
}

/** The start of today, UTC: the daily limits count from here. */
export const utcDayStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * In the request's transaction: locks the customer's row, then checks transfer-out locks on any of the
 * customer's real trading accounts, the address book and its cooling-off, the daily limits and the balance
 * left after the customer's withdrawals not yet sent from this sub-account.
 */
export async function checkInTransaction(tx: DbTx, brandId: string, ask: WithdrawalAsk, facts: ExchangeFacts, kycLevel: number, settings: EffectiveSettings, now: Date) {
  await tx.$queryRaw`SELECT id FROM customer WHERE id = ${ask.customerId}::uuid AND brand_id = ${brandId}::uuid FOR NO KEY UPDATE`;
  await assertNoTransferOutLock(tx, ask.customerId, now);

  const entry = await tx.withdrawalAddress.findFirst({
    where: { customerId: ask.customerId, brandId, chain: ask.chain, address: ask.address, tag: ask.tag ?? "", removedAt: null },
    select: { id: true, usableFrom: true },
  });
  if (!entry) throw new AppError("CONFLICT", "withdrawals.errors.notInBook", { field: "address" });
  if (entry.usableFrom > now) throw new AppError("CONFLICT", "withdrawals.errors.coolingOff", { field: "address", params: { usableFrom: entry.usableFrom.toISOString().slice(0, 16).replace("T", " ") + " UTC" } });

  const today = await tx.withdrawal.aggregate({
    where: { customerId: ask.customerId, brandId, state: { in: [...COUNTED] }, createdAt: { gte: utcDayStart(now) } },
    _sum: { valueUsdt: true },
  });
  const used = today._sum.valueUsdt ? dec(today._sum.valueUsdt) : new Decimal(0);
  const level = kycLimitOf(kycLevel);
  if (used.plus(facts.valueUsdt).gt(level.perDay)) throw invalid("amount", "withdrawals.errors.kycDaily", { level: kycLevel, limit: level.perDay, used: fmt(used.toDecimalPlaces(2)) });
  if (settings.dailyLimit && used.plus(facts.valueUsdt).gt(dec(settings.dailyLimit))) {
    throw invalid("amount", "withdrawals.errors.brandDaily", { limit: fmt(dec(settings.dailyLimit)), used: fmt(used.toDecimalPlaces(2)) });
  }

  const held = await tx.withdrawal.findMany({
    where: { subaccountId: ask.subaccountId, brandId, ccy: ask.ccy, state: { in: [...HOLDING] } },
    select: { amount: true, fee: true },
  });
  const holding = held.reduce((sum, w) => sum.plus(dec(w.amount)).plus(w.fee ? dec(w.fee) : 0), new Decimal(0));
  const needed = facts.amount.plus(facts.fee);
  const available = facts.available.minus(holding);
  if (available.lt(needed)) throw invalid("amount", "withdrawals.errors.insufficientBalance", { available: fmt(Decimal.max(available, 0)), needed: fmt(needed), ccy: ask.ccy });
  return { addressBookId: entry.id };
}

/**
 * A transfer-out (or both-ways) lock on any of the customer's real trading accounts stops withdrawals from
 * their exchange sub-accounts too: a lock says "no money leaves this customer", and the sub-account is
 * where the money is. Takes the accounts' row locks, as guard.ts does, so a lock placed meanwhile is seen.
 */
export async function assertNoTransferOutLock(tx: DbTx, customerId: string, now: Date) {
  const accounts = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM trading_account WHERE customer_id = ${customerId}::uuid AND demo = false ORDER BY id FOR NO KEY UPDATE`;
  if (accounts.length === 0) return;
  const lock = await tx.fundLock.findFirst({
    where: { tradingAccountId: { in: accounts.map((a) => a.id) }, endedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }], direction: { in: directionsBlocking("out") } },
    orderBy: { createdAt: "asc" },
    select: { reason: true, tradingAccount: { select: { type: true, currency: true } } },
  });
  if (lock) throw new AppError("CONFLICT", "withdrawals.errors.transferOutLocked", { field: "customerId", params: { type: lock.tradingAccount.type, currency: lock.tradingAccount.currency, reason: lock.reason } });
}
