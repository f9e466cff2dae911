/**
 * Trading accounts: a customer's accounts per type, currency and real/demo, whose balances are the sums of
 * their ledger lines (./post.ts). Every money movement here checks fund locks in its transaction, posts one
 * balanced journal and is audited in the same transaction. Every query is scoped to the caller's brand.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { registerCloseGuard } from "../customers/close-guards";
import { Prisma, type Db, type DbTx } from "../db/client";
import { readCursor, writeCursor } from "../db/cursor";
import { AppError, invalid, notFound } from "../errors";
import { assertTransferAllowed } from "../fund-locks/guard";
import { decText, sumDec } from "./decimal";
import { findByIdempotencyKey, MONEY_TX, postJournal, type PostedJournal } from "./post";
import type { ZAdjustCashInput, ZCustomerRef, ZLedgerLinesInput, ZOpenTradingAccountInput, ZTransferInput } from "@/lib/ledger/schemas";
import { isIsoTimestamp } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import type { LedgerLineRow, LedgerLinesPage, MoneyMovementResult, TradingAccountRow } from "./types";
import { verifyLedger, type LedgerReport } from "./verify";

type In<T extends z.ZodType> = z.infer<T>;

const accountSelect = {
  id: true,
  brandId: true,
  customerId: true,
  type: true,
  currency: true,
  demo: true,
  status: true,
  cash: true,
  bonusWithdrawable: true,
  bonusNonWithdrawable: true,
  version: true,
  createdAt: true,
} satisfies Prisma.TradingAccountSelect;
type AccountRecord = Prisma.TradingAccountGetPayload<{ select: typeof accountSelect }>;

/** Which accounts an active fund lock blocks, per direction (expired-but-not-yet-ended locks do not count). */
async function lockFlags(db: Db | DbTx, brandId: string, ids: string[]): Promise<Map<string, { in: boolean; out: boolean }>> {
  const now = new Date();
  const locks = ids.length
    ? await db.fundLock.findMany({
        where: { brandId, tradingAccountId: { in: ids }, endedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        select: { tradingAccountId: true, direction: true },
      })
    : [];
  const flags = new Map(ids.map((id) => [id, { in: false, out: false }]));
  for (const l of locks) {
    const f = flags.get(l.tradingAccountId)!;
    if (l.direction !== "transfer_out") f.in = true;
    if (l.direction !== "transfer_in") f.out = true;
  }
  return flags;
}

function toRow(a: AccountRecord, locks: { in: boolean; out: boolean }): TradingAccountRow {
  return {
    id: a.id,
    customerId: a.customerId,
    type: a.type,
    currency: a.currency,
    demo: a.demo,
    status: a.status,
    cash: decText(a.cash),
    bonusWithdrawable: decText(a.bonusWithdrawable),
    bonusNonWithdrawable: decText(a.bonusNonWithdrawable),
    total: decText(sumDec([a.cash, a.bonusWithdrawable, a.bonusNonWithdrawable])),
    locks,
    version: a.version,
    createdAt: a.createdAt,
  };
}

async function rowsFor(db: Db | DbTx, brandId: string, accounts: AccountRecord[]): Promise<TradingAccountRow[]> {
  const flags = await lockFlags(db, brandId, accounts.map((a) => a.id));
  return accounts.map((a) => toRow(a, flags.get(a.id)!));
}

async function loadAccount(db: Db | DbTx, ctx: BrandContext, id: string, field = "tradingAccountId"): Promise<AccountRecord> {
  const account = await db.tradingAccount.findFirst({ where: { id, brandId: ctx.tenantId }, select: accountSelect });
  if (!account) throw new AppError("NOT_FOUND", "errors.notFound.tradingAccount", { field });
  return account;
}

async function loadCustomer(db: Db | DbTx, ctx: BrandContext, id: string) {
  const customer = await db.customer.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true, uid: true, status: true } });
  if (!customer) throw notFound("customer");
  return customer;
}

const snapshot = (a: AccountRecord) => ({
  customerId: a.customerId,
  type: a.type,
  currency: a.currency,
  demo: a.demo,
  status: a.status,
  cash: decText(a.cash),
  bonusWithdrawable: decText(a.bonusWithdrawable),
  bonusNonWithdrawable: decText(a.bonusNonWithdrawable),
});

// ── Accounts ──────────────────────────────────────────────────────────────────────────────────────

/** The customer's trading accounts with their balances and lock flags, oldest first. */
export async function listForCustomer(ctx: BrandContext, input: In<typeof ZCustomerRef>): Promise<TradingAccountRow[]> {
  await loadCustomer(ctx.db, ctx, input.customerId);
  const accounts = await ctx.db.tradingAccount.findMany({
    where: { brandId: ctx.tenantId, customerId: input.customerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: accountSelect,
  });
  return rowsFor(ctx.db, ctx.tenantId, accounts);
}

/**
 * Opens an account for a customer of the brand who is not closed; one per type, currency and real/demo.
 * Its three bucket ledger accounts are created with it.
 */
export async function openTradingAccount(ctx: BrandContext, input: In<typeof ZOpenTradingAccountInput>): Promise<TradingAccountRow> {
  try {
    return await ctx.db.$transaction((tx) => openTradingAccountIn(tx, ctx, input));
  } catch (error) {
    // Two staff opening the same account at once: the unique index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateAccount(input);
    throw error;
  }
}

const duplicateAccount = (input: In<typeof ZOpenTradingAccountInput>) =>
  invalid("type", input.demo ? "tradingAccounts.errors.alreadyHasDemoAccount" : "tradingAccounts.errors.alreadyHasRealAccount", {
    type: input.type,
    currency: input.currency,
  });

/** The same inside a caller's transaction (a partner grant opens the account it credits, all or nothing). */
export async function openTradingAccountIn(tx: DbTx, ctx: BrandContext, input: In<typeof ZOpenTradingAccountInput>): Promise<TradingAccountRow> {
  const customer = await loadCustomer(tx, ctx, input.customerId);
  if (customer.status === "closed") throw new AppError("CONFLICT", "tradingAccounts.errors.customerClosed", { params: { uid: String(customer.uid) } });
  const existing = await tx.tradingAccount.findFirst({
    where: { customerId: customer.id, type: input.type, currency: input.currency, demo: input.demo },
    select: { id: true },
  });
  if (existing) throw duplicateAccount(input);
  const created = await tx.tradingAccount.create({
    data: { brandId: ctx.tenantId, customerId: customer.id, type: input.type, currency: input.currency, demo: input.demo },
    select: accountSelect,
  });
  await tx.ledgerAccount.createMany({
    data: (["cash", "bonus_withdrawable", "bonus_non_withdrawable"] as const).map((bucket) => ({
      brandId: ctx.tenantId,
      tradingAccountId: created.id,
      bucket,
      currency: created.currency,
      demo: created.demo,
    })),
  });
  await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "trading_account.open", entityType: "trading_account", entityId: created.id, after: snapshot(created) });
  return toRow(created, { in: false, out: false });
}

// ── Ledger view ───────────────────────────────────────────────────────────────────────────────────

const encodeCursor = (at: Date, id: string) => writeCursor({ t: at.toISOString(), i: id });

function decodeCursor(text: string): { at: Date; id: string } {
  const { t, i } = readCursor(text, "tradingAccounts.errors.invalidCursor");
  if (!isIsoTimestamp(t) || !isUuid(i)) throw invalid("cursor", "tradingAccounts.errors.invalidCursor");
  return { at: new Date(t), id: i };
}

/** The journal lines behind one trading account's balances, newest first, keyset-paged on (time, id). */
export async function ledgerLines(ctx: BrandContext, input: In<typeof ZLedgerLinesInput>): Promise<LedgerLinesPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const account = await loadAccount(ctx.db, ctx, input.tradingAccountId);
  const ledgerAccounts = await ctx.db.ledgerAccount.findMany({ where: { brandId: ctx.tenantId, tradingAccountId: account.id }, select: { id: true } });
  if (!ledgerAccounts.length) return { rows: [], nextCursor: null };
  const lines = await ctx.db.ledgerLine.findMany({
    where: {
      brandId: ctx.tenantId,
      ledgerAccountId: { in: ledgerAccounts.map((a) => a.id) },
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      amount: true,
      balanceAfter: true,
      createdAt: true,
      ledgerAccount: { select: { bucket: true } },
      journal: { select: { id: true, kind: true, referenceType: true, referenceId: true, memo: true } },
    },
  });
  const page = lines.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(
      (l): LedgerLineRow => ({
        id: l.id,
        journalId: l.journal.id,
        kind: l.journal.kind,
        referenceType: l.journal.referenceType,
        referenceId: l.journal.referenceId,
        memo: l.journal.memo,
        bucket: l.ledgerAccount.bucket as LedgerLineRow["bucket"],
        amount: decText(l.amount),
        balanceAfter: decText(l.balanceAfter),
        createdAt: l.createdAt,
      }),
    ),
    nextCursor: lines.length > input.limit ? encodeCursor(last.createdAt, last.id) : null,
  };
}

// ── Money movements ───────────────────────────────────────────────────────────────────────────────

async function result(tx: DbTx, ctx: TenantContext, journal: PostedJournal, ids: string[]): Promise<MoneyMovementResult> {
  const accounts = await tx.tradingAccount.findMany({ where: { id: { in: ids }, brandId: ctx.tenantId }, select: accountSelect });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return { journalId: journal.id, replayed: journal.replayed, accounts: await rowsFor(tx, ctx.tenantId, ids.map((id) => byId.get(id)!)) };
}

/**
 * Moves cash between two accounts of the same customer, currency and real/demo. Fund locks on either side
 * refuse it (out of the source, into the target); a retried call with the same key moves nothing again.
 */
export async function transfer(ctx: TenantContext, input: In<typeof ZTransferInput>): Promise<MoneyMovementResult> {
  const idempotencyKey = `transfer:${input.idempotencyKey}`;
  const ids = [input.fromTradingAccountId, input.toTradingAccountId];
  return ctx.db.$transaction(async (tx) => {
    const from = await loadAccount(tx, ctx, input.fromTradingAccountId, "fromTradingAccountId");
    const to = await loadAccount(tx, ctx, input.toTradingAccountId, "toTradingAccountId");
    const earlier = await findByIdempotencyKey(tx, ctx.tenantId, idempotencyKey);
    if (earlier) return result(tx, ctx, earlier, ids);
    if (from.id === to.id) throw invalid("toTradingAccountId", "tradingAccounts.errors.transferToSameAccount");
    if (from.customerId !== to.customerId) throw invalid("toTradingAccountId", "tradingAccounts.errors.transferToOtherCustomer");
    if (from.currency !== to.currency) throw invalid("toTradingAccountId", "tradingAccounts.errors.transferCurrencyMismatch", { targetCurrency: to.currency, sourceCurrency: from.currency });
    if (from.demo !== to.demo) throw invalid("toTradingAccountId", "tradingAccounts.errors.transferDemoMismatch");
    await assertTransferAllowed(tx, { out: from.id, in: to.id });
    const transferId = randomUUID();
    const journal = await postJournal(tx, {
      brandId: ctx.tenantId,
      kind: "transfer",
      reference: { type: "transfer", id: transferId },
      idempotencyKey,
      memo: input.memo || undefined,
      actorId: ctx.actor.id,
      lines: [
        { account: { tradingAccountId: from.id, bucket: "cash" }, amount: `-${input.amount}` },
        { account: { tradingAccountId: to.id, bucket: "cash" }, amount: input.amount },
      ],
    });
    if (!journal.replayed) {
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "trading_account.transfer",
        entityType: "trading_account",
        entityId: from.id,
        after: { journalId: journal.id, transferId, from: from.id, to: to.id, amount: input.amount, currency: from.currency, memo: input.memo || null },
      });
    }
    return result(tx, ctx, journal, ids);
  }, MONEY_TX);
}

/**
 * A manual cash movement between the outside world (the brand's `external` account) and a trading account:
 * a credit brings cash in, a debit takes it out. For operations' corrections and demo funding; audited
 * with its reason, and refused when a fund lock blocks that direction.
 */
export async function adjustCash(ctx: TenantContext, input: In<typeof ZAdjustCashInput>): Promise<MoneyMovementResult> {
  const idempotencyKey = `adjust:${input.idempotencyKey}`;
  return ctx.db.$transaction(async (tx) => {
    const account = await loadAccount(tx, ctx, input.tradingAccountId);
    const earlier = await findByIdempotencyKey(tx, ctx.tenantId, idempotencyKey);
    if (earlier) return result(tx, ctx, earlier, [account.id]);
    await assertTransferAllowed(tx, input.direction === "credit" ? { in: account.id } : { out: account.id });
    const adjustmentId = randomUUID();
    const signed = input.direction === "credit" ? input.amount : `-${input.amount}`;
    const journal = await postJournal(tx, {
      brandId: ctx.tenantId,
      kind: "cash_adjustment",
      reference: { type: "manual_adjustment", id: adjustmentId },
      idempotencyKey,
      memo: input.reason,
      actorId: ctx.actor.id,
      lines: [
        { account: { tradingAccountId: account.id, bucket: "cash" }, amount: signed },
        { account: { system: "external", currency: account.currency, demo: account.demo }, amount: input.direction === "credit" ? `-${input.amount}` : input.amount },
      ],
    });
    if (!journal.replayed) {
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "trading_account.adjust_cash",
        entityType: "trading_account",
        entityId: account.id,
        before: { cash: decText(account.cash) },
        after: {
          cash: journal.lines.find((l) => l.tradingAccountId === account.id)!.balanceAfter,
          journalId: journal.id,
          adjustmentId,
          direction: input.direction,
          amount: input.amount,
          currency: account.currency,
          reason: input.reason,
        },
      });
    }
    return result(tx, ctx, journal, [account.id]);
  }, MONEY_TX);
}

/** The ledger consistency check for the caller's brand (see ./verify.ts). */
export const verify = (ctx: TenantContext): Promise<LedgerReport> => verifyLedger(ctx.db, ctx.tenantId);

// ── Closing a customer ────────────────────────────────────────────────────────────────────────────

/** A customer holding money in any real trading account cannot be closed: the refusal says what they hold, per account type. */
registerCloseGuard(async (tx, customer) => {
  const accounts = await tx.tradingAccount.findMany({
    where: { brandId: customer.brandId, customerId: customer.id },
    select: { type: true, currency: true, demo: true, cash: true, bonusWithdrawable: true, bonusNonWithdrawable: true },
  });
  const holding = accounts
    .filter((a) => !a.demo)
    .map((a) => ({ a, total: sumDec([a.cash, a.bonusWithdrawable, a.bonusNonWithdrawable]) }))
    .filter(({ total }) => !total.isZero());
  if (!holding.length) return null;
  const holdings = holding.map(({ a, total }) => `${decText(total)} ${a.currency} (${a.type})`).join(", ");
  return { reason: "tradingAccounts.errors.customerHoldsMoney", params: { holdings } };
});
