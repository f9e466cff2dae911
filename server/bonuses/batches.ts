/**
 * Bulk grants from a CSV upload. `previewBatch` validates every row against the database and reports
 * problems by row and field, writing nothing. `submitBatch` validates again inside its transaction and
 * stores the batch with all its grants, or nothing: one bad row, a used idempotency key or a budget that
 * cannot cover the total refuses the whole file. At or under the brand's threshold (compared to the batch
 * total) it is applied at once; above it, it waits for a different admin's approval, which applies it
 * (checking budget, accounts and fund locks again) or rejects it — again all rows or none.
 *
 * Applying is set-based: grants are inserted (or switched to applied) with one statement per 5,000 rows,
 * and posted as one journal per 5,000 grants (JOURNAL_CHUNK) whose lines are summed per trading account; postJournal
 * itself is set-based (a fixed number of statements per journal). One audit row per batch action
 * carries the file hash, row count and total.
 */
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { Prisma, type Db, type DbTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { directionsBlocking } from "../fund-locks/guard";
import { assertMoneyMovementAllowed } from "../emergency/guard";
import { postJournal } from "../ledger/post";
import { enqueueEvaluations } from "../risk/triggers";
import { assertApprover, brandThreshold, refusalError, staffId, staffNames, TX, type BonusCtx } from "./common";
import { bucketOf, campaignRefusal } from "./grant-posting";
import { addDays, D, dec, ineligibility, needsApproval, readBatchCsv, rowProblem, ruleAmount, RuleError, text, type BonusReason, type Refusal } from "./rules";
import type { ZBatchPreviewInput, ZBatchRef, ZBatchSubmitInput, ZRejectInput } from "@/lib/bonuses/schemas";
import type { BatchPreview, BatchRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;
type CampaignRecord = Prisma.BonusCampaignGetPayload<object>;
type LookupCustomer = Prisma.CustomerGetPayload<{ select: { id: true; uid: true; email: true; status: true; groupId: true; country: true; kycLevel: true } }>;
type LookupAccount = Prisma.TradingAccountGetPayload<{ select: { id: true; customerId: true; type: true; currency: true; demo: true; status: true } }>;

const MAX_ROWS = 100_000;
const CHUNK = 1000;
/**
 * Grants per journal (its lines are summed per trading account). Bigger journals mean fewer statements;
 * 5,000 keeps each statement's arrays and a journal's line list a manageable size.
 */
export const JOURNAL_CHUNK = 5000;
/** Ids or keys per lookup statement (one array parameter each). */
const LOOKUP_CHUNK = 20_000;
const AMOUNT = /^\d{1,18}(\.\d{1,18})?$/;
const ACCOUNT_TYPES = ["spot", "margin", "futures", "swap", "options"] as const;
type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Row problems that name a status or an account type: one reason per status or type. */
const CUSTOMER_NOT_ACTIVE: Record<"frozen" | "closed", BonusReason> = {
  frozen: "bonuses.errors.csv.customerNotActive.frozen",
  closed: "bonuses.errors.csv.customerNotActive.closed",
};
const ACCOUNT_NOT_ACTIVE: Record<"frozen" | "closed", BonusReason> = {
  frozen: "bonuses.errors.csv.accountNotActive.frozen",
  closed: "bonuses.errors.csv.accountNotActive.closed",
};
const NO_ACCOUNT_OF_TYPE: Record<AccountType, BonusReason> = {
  spot: "bonuses.errors.csv.noAccountOfType.spot",
  margin: "bonuses.errors.csv.noAccountOfType.margin",
  futures: "bonuses.errors.csv.noAccountOfType.futures",
  swap: "bonuses.errors.csv.noAccountOfType.swap",
  options: "bonuses.errors.csv.noAccountOfType.options",
};
/** The customer has no account of the row's type: a known type names it in the reader's language, another is the file's text. */
const noAccountOfType = (type: string, currency: string): Refusal =>
  (ACCOUNT_TYPES as readonly string[]).includes(type)
    ? { reason: NO_ACCOUNT_OF_TYPE[type as AccountType], params: { currency } }
    : { reason: "bonuses.errors.csv.noAccountOfOtherType", params: { type, currency } };
const BATCH_NOT_PENDING: Record<"applied" | "rejected", BonusReason> = {
  applied: "bonuses.errors.batchNotPending.applied",
  rejected: "bonuses.errors.batchNotPending.rejected",
};

interface ValidRow {
  row: number;
  customerId: string;
  tradingAccountId: string;
  amount: D;
  currency: string;
  demo: boolean;
  idempotencyKey: string;
  reason: string;
}

interface Validated {
  preview: BatchPreview;
  rows: ValidRow[];
  campaign: CampaignRecord | null;
  withdrawable: boolean;
}

const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Row-level validation against the brand's data; reads only. */
async function validate(db: Db | DbTx, ctx: BonusCtx, input: In<typeof ZBatchPreviewInput>): Promise<Validated> {
  const sha = createHash("sha256").update(input.csv).digest("hex");
  const { rows: raw, problems } = readBatchCsv(input.csv);
  const campaign = input.campaignId ? await db.bonusCampaign.findFirst({ where: { id: input.campaignId, brandId: ctx.tenantId } }) : null;
  if (input.campaignId && !campaign) throw notFound("campaign");
  const result = (rows: ValidRow[], total: D, currency: string | null, threshold: Prisma.Decimal | null): Validated => ({
    preview: { fileSha256: sha, rowCount: raw.length, totalAmount: text(total), currency, problems: problems.sort((a, b) => a.row - b.row), needsApproval: needsApproval(total, threshold) },
    rows,
    campaign,
    withdrawable: campaign?.withdrawable ?? false,
  });
  const threshold = await brandThreshold(db, ctx.tenantId);
  if (raw.length > MAX_ROWS) problems.push(rowProblem(1, "file", { reason: "bonuses.errors.csv.tooManyRows", params: { max: MAX_ROWS.toLocaleString("en"), count: raw.length } }));
  if (campaign) {
    const refusal = campaignRefusal(campaign, new Date());
    if (refusal) problems.push(rowProblem(1, "campaignId", refusal));
  }
  if (problems.length) return result([], new D(0), campaign?.currency ?? null, threshold);

  const add = (row: number, field: string, reason: BonusReason, params?: Refusal["params"]) => problems.push(rowProblem(row, field, { reason, params }));

  // 1. Shape of each row.
  const parsed = raw.map((r) => {
    const c = r.cells;
    const who = c.customer ?? "";
    const uid = /^\d{1,18}$/.test(who) ? BigInt(who) : null;
    const email = who.includes("@") ? who.toLowerCase() : null;
    if (!uid && !email) add(r.row, "customer", "bonuses.errors.csv.customerMissing");
    let amount: D | null = null;
    if (c.amount) {
      if (!AMOUNT.test(c.amount) || !dec(c.amount).gt(0)) add(r.row, "amount", "bonuses.errors.csv.amountInvalid", { amount: c.amount });
      else amount = dec(c.amount);
    } else if (campaign) {
      try {
        amount = ruleAmount(campaign, null);
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        add(r.row, "amount", "bonuses.errors.csv.amountPerRowNeeded");
      }
    } else add(r.row, "amount", "bonuses.errors.csv.amountMissing");
    const accountId = c.trading_account_id || null;
    if (accountId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(accountId)) add(r.row, "trading_account_id", "bonuses.errors.csv.accountIdInvalid");
    const type = (c.account_type || "").toLowerCase();
    if (!accountId && !(ACCOUNT_TYPES as readonly string[]).includes(type)) add(r.row, "account_type", "bonuses.errors.csv.accountMissing", { types: ACCOUNT_TYPES.join(", ") });
    const currency = (c.currency || campaign?.currency || "").toUpperCase();
    if (!accountId && !currency) add(r.row, "currency", "bonuses.errors.csv.currencyMissing");
    const key = c.idempotency_key || `csv:${sha.slice(0, 16)}:${r.row}`;
    if (key.length > 200) add(r.row, "idempotency_key", "bonuses.errors.csv.keyTooLong", { max: 200 });
    return { row: r.row, uid, email, amount, accountId, type, currency, key, reason: (c.reason ?? "").slice(0, 500) };
  });

  // 2. Customers and accounts, read in chunks, each chunk one array parameter (`= ANY`), not thousands.
  const uids = [...new Set(parsed.flatMap((p) => (p.uid !== null ? [p.uid] : [])))];
  const emails = [...new Set(parsed.flatMap((p) => (p.email ? [p.email] : [])))];
  const customers: LookupCustomer[] = [];
  const customerColumns = Prisma.sql`SELECT id::text, uid, email, status::text, group_id::text AS "groupId", country, kyc_level::int AS "kycLevel" FROM customer`;
  for (const part of chunks(uids, LOOKUP_CHUNK)) {
    customers.push(...(await db.$queryRaw<typeof customers>`${customerColumns} WHERE brand_id = ${ctx.tenantId}::uuid AND uid = ANY(${part.map(String)}::bigint[])`));
  }
  for (const part of chunks(emails, LOOKUP_CHUNK)) {
    customers.push(...(await db.$queryRaw<typeof customers>`${customerColumns} WHERE brand_id = ${ctx.tenantId}::uuid AND email = ANY(${part}::text[])`));
  }
  for (const c of customers) c.uid = BigInt(c.uid);
  const byUid = new Map(customers.map((c) => [c.uid, c]));
  const byEmail = new Map(customers.flatMap((c) => (c.email ? [[c.email, c] as const] : [])));
  const customerIds = [...new Set(customers.map((c) => c.id))];
  const accounts: LookupAccount[] = [];
  for (const part of chunks(customerIds, LOOKUP_CHUNK)) {
    accounts.push(
      ...(await db.$queryRaw<typeof accounts>`
        SELECT id::text, customer_id::text AS "customerId", type::text, currency, demo, status::text
        FROM trading_account WHERE brand_id = ${ctx.tenantId}::uuid AND customer_id = ANY(${part}::uuid[])`),
    );
  }
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const accountByKind = new Map(accounts.filter((a) => !a.demo).map((a) => [`${a.customerId}|${a.type}|${a.currency}`, a]));

  // 3. Keys: unique in the file, unused in the brand.
  const seenKeys = new Map<string, number>();
  const keys = [...new Set(parsed.map((p) => p.key))];
  const used = new Set<string>();
  for (const part of chunks(keys, LOOKUP_CHUNK)) {
    const found = await db.$queryRaw<{ key: string }[]>`
      SELECT idempotency_key AS key FROM bonus_grant WHERE brand_id = ${ctx.tenantId}::uuid AND idempotency_key = ANY(${part}::text[])`;
    for (const g of found) used.add(g.key);
  }

  const rows: ValidRow[] = [];
  let batchCurrency: string | null = campaign?.currency ?? null;
  for (const p of parsed) {
    const before = problems.length;
    const customer = p.uid !== null ? byUid.get(p.uid) : p.email ? byEmail.get(p.email) : undefined;
    if ((p.uid !== null || p.email) && !customer) add(p.row, "customer", "bonuses.errors.csv.customerUnknown");
    if (customer && customer.status !== "active") add(p.row, "customer", CUSTOMER_NOT_ACTIVE[customer.status], { uid: String(customer.uid) });
    if (customer && campaign) {
      const why = ineligibility(campaign, customer);
      if (why) problems.push(rowProblem(p.row, "customer", why));
    }
    let account = p.accountId ? accountById.get(p.accountId) : customer ? accountByKind.get(`${customer.id}|${p.type}|${p.currency}`) : undefined;
    if (customer && account && account.customerId !== customer.id) {
      add(p.row, "trading_account_id", "bonuses.errors.accountNotCustomers");
      account = undefined;
    } else if (customer && !account) {
      if (p.accountId) add(p.row, "trading_account_id", "bonuses.errors.csv.accountUnknown");
      else problems.push(rowProblem(p.row, "account_type", noAccountOfType(p.type, p.currency)));
    }
    if (account && account.status !== "active") add(p.row, "trading_account_id", ACCOUNT_NOT_ACTIVE[account.status]);
    if (account) {
      batchCurrency ??= account.currency;
      if (account.currency !== batchCurrency) add(p.row, "currency", "bonuses.errors.csv.mixedCurrencies", { currency: batchCurrency, accountCurrency: account.currency });
    }
    const earlierRow = seenKeys.get(p.key);
    if (earlierRow !== undefined) add(p.row, "idempotency_key", "bonuses.errors.csv.duplicateKey", { row: earlierRow });
    else seenKeys.set(p.key, p.row);
    if (used.has(p.key)) add(p.row, "idempotency_key", "bonuses.errors.csv.keyUsed");
    if (problems.length === before && customer && account && p.amount) {
      rows.push({ row: p.row, customerId: customer.id, tradingAccountId: account.id, amount: p.amount, currency: account.currency, demo: account.demo, idempotencyKey: p.key, reason: p.reason });
    }
  }

  // 4. Fund locks refusing money in (the guard's rule, for every account at once).
  const locked = await lockedAccounts(db, [...new Set(rows.map((r) => r.tradingAccountId))]);
  for (const r of rows) if (locked.has(r.tradingAccountId)) add(r.row, "trading_account_id", "bonuses.errors.csv.accountLocked", { lockReason: locked.get(r.tradingAccountId)! });

  const total = parsed.reduce((s, p) => (p.amount ? s.plus(p.amount) : s), new D(0));
  if (campaign) {
    const left = dec(campaign.budget).minus(dec(campaign.granted));
    if (total.gt(left)) add(1, "amount", "bonuses.errors.csv.overBudget", { total: text(total), currency: campaign.currency, left: text(left) });
  }
  return result(problems.length ? [] : rows, total, batchCurrency, threshold);
}

/** Accounts with an active lock on money coming in, with the lock's reason. */
async function lockedAccounts(db: Db | DbTx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const now = new Date();
  const directions: string[] = directionsBlocking("in");
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const locks = await db.$queryRaw<{ tradingAccountId: string; reason: string }[]>`
      SELECT trading_account_id::text AS "tradingAccountId", reason FROM fund_lock
      WHERE trading_account_id = ANY(${part}::uuid[]) AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > ${now}::timestamptz)
        AND direction::text = ANY(${directions}::text[])`;
    for (const l of locks) out.set(l.tradingAccountId, l.reason);
  }
  return out;
}

/** Validates a file and reports its problems by row; writes nothing. */
export async function previewBatch(ctx: BonusCtx, input: In<typeof ZBatchPreviewInput>): Promise<BatchPreview> {
  return (await validate(ctx.db, ctx, input)).preview;
}

/**
 * Applies a batch's grants under locks, all or none: the accounts (in id order, as the fund-lock guard
 * does, then their transfer-in locks), the campaign (status, budget), one journal per JOURNAL_CHUNK grants.
 */
async function apply(tx: DbTx, ctx: BonusCtx, batchId: string, campaignId: string | null, rows: { tradingAccountId: string; amount: D; currency: string; demo: boolean }[], withdrawable: boolean) {
  const accountIds = [...new Set(rows.map((r) => r.tradingAccountId))].sort();
  const states = new Map<string, string>();
  for (const part of chunks(accountIds, LOOKUP_CHUNK)) {
    const locked = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id::text, status::text FROM trading_account WHERE id = ANY(${part}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
    for (const a of locked) states.set(a.id, a.status);
  }
  const inactive = accountIds.find((id) => states.get(id) !== "active");
  if (inactive) throw new AppError("CONFLICT", "bonuses.errors.batchAccountInactive", { params: { account: inactive } });
  const locks = await lockedAccounts(tx, accountIds);
  if (locks.size) throw new AppError("CONFLICT", "bonuses.errors.batchAccountsLocked", { params: { count: locks.size, lockReason: [...locks.values()][0] } });
  const total = rows.reduce((s, r) => s.plus(r.amount), new D(0));
  if (campaignId) {
    await tx.$queryRaw`SELECT id FROM bonus_campaign WHERE id = ${campaignId}::uuid FOR NO KEY UPDATE`;
    const c = await tx.bonusCampaign.findUniqueOrThrow({ where: { id: campaignId } });
    const refusal = campaignRefusal(c, new Date());
    if (refusal) throw refusalError("CONFLICT", refusal);
    const left = dec(c.budget).minus(dec(c.granted));
    if (total.gt(left)) throw new AppError("CONFLICT", "bonuses.errors.batchOverBudget", { params: { total: text(total), currency: c.currency, left: text(left) } });
  }
  const bucket = bucketOf(withdrawable);
  let n = 0;
  for (const part of chunks(rows, JOURNAL_CHUNK)) {
    const perAccount = new Map<string, D>();
    for (const r of part) perAccount.set(r.tradingAccountId, (perAccount.get(r.tradingAccountId) ?? new D(0)).plus(r.amount));
    const sum = part.reduce((s, r) => s.plus(r.amount), new D(0));
    await postJournal(tx, {
      brandId: ctx.tenantId,
      kind: "bonus_grant",
      reference: { type: "bonus_grant_batch", id: batchId },
      idempotencyKey: `bonus-batch:${batchId}:${n++}`,
      actorId: staffId(ctx.actor) ?? undefined,
      lines: [
        { account: { system: "bonus_funding", currency: part[0].currency, demo: part[0].demo }, amount: sum.neg().toFixed() },
        ...[...perAccount].map(([tradingAccountId, amount]) => ({ account: { tradingAccountId, bucket }, amount: amount.toFixed() })),
      ],
    });
  }
  if (campaignId) await tx.$executeRaw`UPDATE bonus_campaign SET granted = granted + ${total.toFixed()}::numeric, updated_at = now() WHERE id = ${campaignId}::uuid`;
}

const batchSnapshot = (b: { id: string; campaignId: string | null; fileName: string; fileSha256: string; rowCount: number; totalAmount: { toFixed(): string }; status: string }) => ({
  id: b.id,
  campaignId: b.campaignId,
  fileName: b.fileName,
  fileSha256: b.fileSha256,
  rowCount: b.rowCount,
  totalAmount: text(b.totalAmount),
  status: b.status,
});

async function toBatchRows(db: Db | DbTx, records: Prisma.BonusGrantBatchGetPayload<object>[]): Promise<BatchRow[]> {
  const names = await staffNames(db, records.flatMap((r) => [r.requestedById, r.approvedById]));
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? "—" } : null);
  return records.map((b) => ({
    id: b.id,
    campaignId: b.campaignId,
    fileName: b.fileName,
    fileSha256: b.fileSha256,
    rowCount: b.rowCount,
    totalAmount: text(b.totalAmount),
    status: b.status,
    requestedBy: ref(b.requestedById),
    approvedBy: ref(b.approvedById),
    decidedAt: b.decidedAt,
    rejectReason: b.rejectReason,
    createdAt: b.createdAt,
  }));
}

/** Stores the batch and all its grants (applied at once, or pending approval), or refuses the whole file. */
export async function submitBatch(ctx: BonusCtx, input: In<typeof ZBatchSubmitInput>): Promise<BatchRow> {
  let credited: string[] = [];
  try {
    const submitted = await ctx.db.$transaction(async (tx) => {
      // The emergency stop refuses a new batch, one waiting for approval too.
      await assertMoneyMovementAllowed(tx, ctx.tenantId);
      const v = await validate(tx, ctx, input);
      if (v.preview.problems.length) {
        throw new AppError("VALIDATION", "bonuses.errors.batchHasProblems", { field: "csv", params: { count: v.preview.problems.length } });
      }
      const pending = v.preview.needsApproval;
      const now = new Date();
      const batch = await tx.bonusGrantBatch.create({
        data: {
          id: randomUUID(),
          brandId: ctx.tenantId,
          campaignId: v.campaign?.id ?? null,
          fileName: input.fileName,
          fileSha256: v.preview.fileSha256,
          rowCount: v.rows.length,
          totalAmount: v.preview.totalAmount,
          status: pending ? "pending_approval" : "applied",
          requestedById: staffId(ctx.actor),
          decidedAt: pending ? null : now,
        },
      });
      const expiresAt = !pending && v.campaign?.validityDays ? addDays(now, v.campaign.validityDays) : null;
      // One INSERT per 5,000 grants (arrays, not one bind parameter per cell); a key another grant took
      // meanwhile inserts nothing for that row, which refuses the whole file below.
      const requestedById = staffId(ctx.actor);
      for (const part of chunks(v.rows, 5000)) {
        const inserted = await tx.$executeRaw`
          INSERT INTO bonus_grant (id, brand_id, campaign_id, batch_id, customer_id, trading_account_id, amount, currency, withdrawable,
                                   remaining, status, idempotency_key, reason, expires_at, requested_by_id, applied_at, updated_at)
          SELECT gen_random_uuid(), ${ctx.tenantId}::uuid, ${v.campaign?.id ?? null}::uuid, ${batch.id}::uuid, r.customer, r.account, r.amount, r.currency,
                 ${v.withdrawable}, CASE WHEN ${pending} THEN 0 ELSE r.amount END, ${pending ? "pending_approval" : "applied"}::"BonusGrantStatus",
                 r.key, r.reason, ${expiresAt}::timestamptz, ${requestedById}::uuid, ${pending ? null : now}::timestamptz, ${now}::timestamptz
          FROM unnest(${part.map((r) => r.customerId)}::uuid[], ${part.map((r) => r.tradingAccountId)}::uuid[], ${part.map((r) => r.amount.toFixed())}::numeric[],
                      ${part.map((r) => r.currency)}::text[], ${part.map((r) => r.idempotencyKey)}::text[], ${part.map((r) => r.reason || input.reason)}::text[])
            AS r(customer, account, amount, currency, key, reason)
          ON CONFLICT DO NOTHING`;
        if (inserted !== part.length) {
          throw new AppError("CONFLICT", "bonuses.errors.batchKeyTaken", { field: "csv" });
        }
      }
      // Keys first, then the campaign and the accounts: the order of every grant path, so a single grant
      // holding one of the file's keys and this batch never wait on each other in a circle. (The grants'
      // account references are checked at commit, when this transaction holds those rows; see the migration
      // bonus_grant_deferred_account_check.)
      if (!pending) await apply(tx, ctx, batch.id, v.campaign?.id ?? null, v.rows, v.withdrawable);
      if (!pending) credited = v.rows.map((r) => r.customerId);
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: pending ? "bonus.batch_request" : "bonus.batch_apply",
        entityType: "bonus_grant_batch",
        entityId: batch.id,
        after: { ...batchSnapshot(batch), reason: input.reason },
      });
      return (await toBatchRows(tx, [batch]))[0];
    }, TX);
    await enqueueEvaluations(ctx.tenantId, credited);
    return submitted;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "bonuses.errors.batchKeyTaken", { field: "csv" });
    }
    throw error;
  }
}

async function lockBatch(tx: DbTx, ctx: BonusCtx, id: string) {
  await tx.$queryRaw`SELECT id FROM bonus_grant_batch WHERE id = ${id}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR NO KEY UPDATE`;
  const b = await tx.bonusGrantBatch.findFirst({ where: { id, brandId: ctx.tenantId } });
  if (!b) throw notFound("batch");
  if (b.status !== "pending_approval") throw new AppError("CONFLICT", BATCH_NOT_PENDING[b.status]);
  assertApprover(ctx.actor, b.requestedById);
  return b;
}

/** Applies a pending batch (an admin who did not upload it): every grant, or none. The approver's note goes into the audit entry. */
export async function approveBatch(ctx: BonusCtx, input: In<typeof ZBatchRef> & { note?: string }): Promise<BatchRow> {
  let credited: string[] = [];
  const approved = await ctx.db.$transaction(async (tx) => {
    const before = await lockBatch(tx, ctx, input.id);
    const grants = await tx.bonusGrant.findMany({
      where: { batchId: before.id, status: "pending_approval" },
      select: { customerId: true, tradingAccountId: true, amount: true, currency: true, withdrawable: true, tradingAccount: { select: { demo: true } } },
    });
    const now = new Date();
    const campaign = before.campaignId ? await tx.bonusCampaign.findUniqueOrThrow({ where: { id: before.campaignId }, select: { validityDays: true } }) : null;
    await tx.bonusGrant.updateMany({
      where: { batchId: before.id, status: "pending_approval" },
      data: {
        status: "applied",
        appliedAt: now,
        decidedAt: now,
        approvedById: staffId(ctx.actor),
        expiresAt: campaign?.validityDays ? addDays(now, campaign.validityDays) : null,
        version: { increment: 1 },
      },
    });
    await tx.$executeRaw`UPDATE bonus_grant SET remaining = amount WHERE batch_id = ${before.id}::uuid AND status = 'applied'`;
    const rows = grants.map((g) => ({ tradingAccountId: g.tradingAccountId, amount: dec(g.amount), currency: g.currency, demo: g.tradingAccount.demo }));
    if (rows.length) await apply(tx, ctx, before.id, before.campaignId, rows, grants[0].withdrawable);
    credited = grants.map((g) => g.customerId);
    const after = await tx.bonusGrantBatch.update({ where: { id: before.id }, data: { status: "applied", approvedById: staffId(ctx.actor), decidedAt: now, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "bonus.batch_approve", entityType: "bonus_grant_batch", entityId: before.id, before: batchSnapshot(before), after: { ...batchSnapshot(after), ...(input.note ? { note: input.note } : {}) } });
    return (await toBatchRows(tx, [after]))[0];
  }, TX);
  // Every customer credited: the risk limits' evaluation, in bulk after commit.
  await enqueueEvaluations(ctx.tenantId, credited);
  return approved;
}

/** Rejects a pending batch with a reason: its grants are rejected, nothing is posted. */
export async function rejectBatch(ctx: BonusCtx, input: In<typeof ZRejectInput>): Promise<BatchRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await lockBatch(tx, ctx, input.id);
    const now = new Date();
    await tx.bonusGrant.updateMany({
      where: { batchId: before.id, status: "pending_approval" },
      data: { status: "rejected", decidedAt: now, approvedById: staffId(ctx.actor), rejectReason: input.reason, version: { increment: 1 } },
    });
    const after = await tx.bonusGrantBatch.update({
      where: { id: before.id },
      data: { status: "rejected", approvedById: staffId(ctx.actor), decidedAt: now, rejectReason: input.reason, version: { increment: 1 } },
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "bonus.batch_reject", entityType: "bonus_grant_batch", entityId: before.id, before: batchSnapshot(before), after: { ...batchSnapshot(after), rejectReason: input.reason } });
    return (await toBatchRows(tx, [after]))[0];
  }, TX);
}

export async function listBatches(ctx: BonusCtx, input: { campaignId?: string }): Promise<BatchRow[]> {
  const records = await ctx.db.bonusGrantBatch.findMany({
    where: { brandId: ctx.tenantId, ...(input.campaignId ? { campaignId: input.campaignId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return toBatchRows(ctx.db, records);
}
