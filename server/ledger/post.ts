/**
 * The one posting function every money path uses. A journal is a set of signed lines on ledger accounts
 * that sum to exactly zero; a customer bucket may never go below zero; the cached balances (the ledger
 * account's `balance`, the trading account's cash / bonus columns) are written in the same transaction as
 * the lines, after being checked against each other under row locks.
 *
 * Locking order, the same for every caller so two postings never deadlock: the touched trading accounts
 * (by id), then their ledger accounts (by id), then the brand's system accounts (by id). The idempotency
 * row is claimed before any of them.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type DbTx } from "../db/client";
import { assertAccountsMoneyAllowed } from "../emergency/customer-breaker";
import { assertMoneyMovementAllowed } from "../emergency/guard";
import { AppError, invalid, notFound } from "../errors";
import { Dec, decText, toDec, ZERO, type Amount } from "./decimal";

/**
 * Options of every money transaction: postings queue on the same account rows (and, for bonuses, the
 * campaign row), so a caller waits for its turn rather than failing after Prisma's default 2 s wait.
 */
export const MONEY_TX = { maxWait: 60_000, timeout: 120_000 } as const;

export const CUSTOMER_BUCKETS = ["cash", "bonus_withdrawable", "bonus_non_withdrawable"] as const;
export type CustomerBucket = (typeof CUSTOMER_BUCKETS)[number];

/** The trading-account column that caches each bucket's balance. */
export const BUCKET_COLUMN = { cash: "cash", bonus_withdrawable: "bonusWithdrawable", bonus_non_withdrawable: "bonusNonWithdrawable" } as const;
const BUCKET_SQL_COLUMN = { cash: "cash", bonus_withdrawable: "bonus_withdrawable", bonus_non_withdrawable: "bonus_non_withdrawable" } as const;
/** Each bucket's leaf under the refusals that name a bucket (tradingAccounts.errors.insufficientBalance.cash …). */
const BUCKET_REASON = { cash: "cash", bonus_withdrawable: "bonusWithdrawable", bonus_non_withdrawable: "bonusNonWithdrawable" } as const;

/** The brand-side accounts: where bonuses are funded from, where clawbacks go, the world outside. */
export type SystemCode = "bonus_funding" | "bonus_clawback" | "external" | (string & {});

export type LedgerAccountRef =
  | { tradingAccountId: string; bucket: CustomerBucket }
  | { system: SystemCode; currency: string; demo: boolean };

export interface PostLine {
  account: LedgerAccountRef;
  /** Signed: positive adds to the account's balance, negative takes from it. Never a `number`. */
  amount: Amount;
}

export interface PostJournalInput {
  brandId: string;
  /** What kind of movement, e.g. "transfer", "cash_adjustment", "bonus_grant". */
  kind: string;
  /** What caused it (a transfer, a bonus grant...), for the ledger view and for tracing. */
  reference: { type: string; id: string };
  /** Unique per brand: a second posting with the same key returns the first journal and posts nothing. */
  idempotencyKey?: string;
  memo?: string;
  actorId?: string;
  lines: PostLine[];
}

export interface PostedLine {
  id: string;
  ledgerAccountId: string;
  tradingAccountId: string | null;
  bucket: CustomerBucket | "system";
  systemCode: string | null;
  amount: string;
  balanceAfter: string;
}

export interface PostedJournal {
  id: string;
  brandId: string;
  kind: string;
  referenceType: string | null;
  referenceId: string | null;
  idempotencyKey: string | null;
  memo: string | null;
  createdById: string | null;
  createdAt: Date;
  currency: string;
  demo: boolean;
  lines: PostedLine[];
  /** True when the idempotency key had been used: nothing was posted by this call. */
  replayed: boolean;
}

const isSystemRef = (a: LedgerAccountRef): a is Extract<LedgerAccountRef, { system: string }> => "system" in a;
const refKey = (a: LedgerAccountRef) => (isSystemRef(a) ? `sys|${a.system}|${a.currency}|${a.demo}` : `ta|${a.tradingAccountId}|${a.bucket}`);

interface TradingAccountLockRow {
  id: string;
  brand_id: string;
  status: string;
  currency: string;
  demo: boolean;
  cash: string;
  bonus_withdrawable: string;
  bonus_non_withdrawable: string;
}

interface LedgerAccountLockRow {
  id: string;
  trading_account_id: string | null;
  bucket: CustomerBucket | "system";
  system_code: string | null;
  currency: string;
  demo: boolean;
  balance: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shape checks that need no database: decimals, ≥ 2 lines, each account once, a zero sum. */
function validate(input: PostJournalInput): { account: LedgerAccountRef; amount: Dec }[] {
  if (!input.kind.trim()) throw invalid("kind", "tradingAccounts.errors.journalKindMissing");
  if (!input.reference?.type || !input.reference.id) throw invalid("reference", "tradingAccounts.errors.journalReferenceMissing");
  if (!Array.isArray(input.lines) || input.lines.length < 2) throw invalid("lines", "tradingAccounts.errors.journalTooFewLines");
  const seen = new Set<string>();
  const lines = input.lines.map((line, i) => {
    const amount = toDec(line.amount, "amount");
    if (amount.isZero()) throw invalid("amount", "tradingAccounts.errors.lineZeroAmount", { line: i + 1 });
    const a = line.account;
    if (isSystemRef(a)) {
      if (!a.system || !a.currency) throw invalid("lines", "tradingAccounts.errors.lineSystemAccountIncomplete", { line: i + 1 });
    } else {
      if (!UUID.test(a.tradingAccountId)) throw invalid("lines", "tradingAccounts.errors.lineUnknownTradingAccount", { line: i + 1 });
      if (!(CUSTOMER_BUCKETS as readonly string[]).includes(a.bucket)) throw invalid("lines", "tradingAccounts.errors.lineUnknownBucket", { line: i + 1, bucket: String(a.bucket) });
    }
    const key = refKey(a);
    if (seen.has(key)) throw invalid("lines", "tradingAccounts.errors.lineRepeatsAccount", { line: i + 1 });
    seen.add(key);
    return { account: a, amount };
  });
  const sum = lines.reduce((acc, l) => acc.plus(l.amount), ZERO);
  if (!sum.isZero()) throw invalid("lines", "tradingAccounts.errors.journalUnbalanced", { sum: decText(sum) });
  return lines;
}

/**
 * Claims the idempotency key by inserting the journal row; ON CONFLICT DO NOTHING waits for a concurrent
 * holder of the same key to commit or roll back, so of N parallel callers exactly one posts.
 * Returns the new journal id, or null when the key was already used.
 */
async function insertJournal(tx: DbTx, input: PostJournalInput): Promise<{ id: string; createdAt: Date } | null> {
  const id = randomUUID();
  const rows = await tx.$queryRaw<{ id: string; created_at: Date }[]>`
    INSERT INTO ledger_journal (id, brand_id, kind, reference_type, reference_id, idempotency_key, memo, created_by_id)
    VALUES (${id}::uuid, ${input.brandId}::uuid, ${input.kind}, ${input.reference.type}, ${input.reference.id},
            ${input.idempotencyKey ?? null}, ${input.memo ?? null}, ${input.actorId ?? null}::uuid)
    ON CONFLICT (brand_id, idempotency_key) DO NOTHING
    RETURNING id::text, created_at`;
  return rows[0] ? { id: rows[0].id, createdAt: rows[0].created_at } : null;
}

const lineSelect = {
  id: true,
  ledgerAccountId: true,
  amount: true,
  balanceAfter: true,
  ledgerAccount: { select: { tradingAccountId: true, bucket: true, systemCode: true, currency: true, demo: true } },
} satisfies Prisma.LedgerLineSelect;

/** A journal with its lines, amounts as decimal strings. */
export async function loadJournal(tx: DbTx, brandId: string, where: { id: string } | { idempotencyKey: string }, replayed = false): Promise<PostedJournal | null> {
  const journal = await tx.ledgerJournal.findFirst({
    where: { brandId, ...where },
    include: { lines: { select: lineSelect, orderBy: { id: "asc" } } },
  });
  if (!journal) return null;
  const { lines, ...rest } = journal;
  return {
    ...rest,
    currency: lines[0]?.ledgerAccount.currency ?? "",
    demo: lines[0]?.ledgerAccount.demo ?? false,
    replayed,
    lines: lines.map((l) => ({
      id: l.id,
      ledgerAccountId: l.ledgerAccountId,
      tradingAccountId: l.ledgerAccount.tradingAccountId,
      bucket: l.ledgerAccount.bucket,
      systemCode: l.ledgerAccount.systemCode,
      amount: decText(l.amount),
      balanceAfter: decText(l.balanceAfter),
    })),
  };
}

/** The journal already posted under this key; refused if the key was used for a different movement. */
async function replay(tx: DbTx, input: PostJournalInput): Promise<PostedJournal> {
  const existing = await loadJournal(tx, input.brandId, { idempotencyKey: input.idempotencyKey! }, true);
  if (!existing) throw new AppError("CONFLICT", "tradingAccounts.errors.idempotencyKeyInFlight");
  if (existing.kind !== input.kind || existing.referenceType !== input.reference.type) {
    throw new AppError("CONFLICT", "tradingAccounts.errors.idempotencyKeyReused", { field: "idempotencyKey", params: { kind: existing.kind } });
  }
  return existing;
}

/** An already-posted journal for this key, without claiming it (callers use it to skip work on a retry). */
export async function findByIdempotencyKey(tx: DbTx, brandId: string, idempotencyKey: string): Promise<PostedJournal | null> {
  return loadJournal(tx, brandId, { idempotencyKey }, true);
}

/**
 * Posts one balanced journal inside the caller's transaction and returns it with its lines. Refuses
 * (AppError, nothing written by this call) unbalanced or malformed lines, a `number` amount, mixed
 * currencies or real/demo money, a closed or unknown trading account, and any customer bucket that would
 * go below zero, and everything while an emergency stop applies to the brand (EmergencyStopError) or a
 * breaker to a customer whose account it touches (CustomerBreakerError). A used
 * idempotency key returns the earlier journal (`replayed: true`).
 */
export async function postJournal(tx: DbTx, input: PostJournalInput): Promise<PostedJournal> {
  const lines = validate(input);
  if (input.idempotencyKey !== undefined && !input.idempotencyKey.trim()) throw invalid("idempotencyKey", "tradingAccounts.errors.idempotencyKeyEmpty");

  // 1. Claim the key (or find the journal that holds it) before locking any account.
  if (input.idempotencyKey) {
    const earlier = await findByIdempotencyKey(tx, input.brandId, input.idempotencyKey);
    if (earlier) return replay(tx, input);
  }
  // The emergency stop: every money movement posts here, so this one check covers them all (a replay above moves nothing).
  await assertMoneyMovementAllowed(tx, input.brandId);
  // A tripped customer breaker refuses every posting that touches the customer's accounts (the same lock pattern).
  const taIds = [...new Set(lines.flatMap((l) => (isSystemRef(l.account) ? [] : [l.account.tradingAccountId])))].sort();
  await assertAccountsMoneyAllowed(tx, input.brandId, taIds);
  const claimed = await insertJournal(tx, input);
  if (!claimed) return replay(tx, input);
  const { id: journalId, createdAt } = claimed;

  // 2. Lock the trading accounts, by id, in one statement, and check each may move money in this currency.
  const tradingAccounts = new Map<string, TradingAccountLockRow>();
  if (taIds.length) {
    const rows = await tx.$queryRaw<TradingAccountLockRow[]>`
      SELECT id::text, brand_id::text, status::text, currency, demo,
             cash::text, bonus_withdrawable::text, bonus_non_withdrawable::text
      FROM trading_account WHERE id = ANY(${taIds}::uuid[])
      ORDER BY id FOR NO KEY UPDATE`;
    for (const r of rows) if (r.brand_id === input.brandId) tradingAccounts.set(r.id, r);
  }
  let money: { currency: string; demo: boolean } | null = null;
  /** `who` names the account in the refusal: a trading account by id, a system account by code. */
  const sameMoney = (currency: string, demo: boolean, who: { id: string } | { code: string }) => {
    const trading = "id" in who;
    if (!money) money = { currency, demo };
    else if (money.currency !== currency) {
      const reason = trading ? "tradingAccounts.errors.tradingAccountCurrencyMismatch" : "tradingAccounts.errors.systemAccountCurrencyMismatch";
      throw invalid("currency", reason, { ...who, currency, journalCurrency: money.currency });
    } else if (money.demo !== demo) {
      const reason = trading
        ? demo ? "tradingAccounts.errors.tradingAccountIsDemo" : "tradingAccounts.errors.tradingAccountIsReal"
        : demo ? "tradingAccounts.errors.systemAccountIsDemo" : "tradingAccounts.errors.systemAccountIsReal";
      throw invalid("demo", reason, who);
    }
  };
  for (const id of taIds) {
    const ta = tradingAccounts.get(id);
    if (!ta) throw notFound("tradingAccount");
    if (ta.status === "closed") throw new AppError("CONFLICT", "tradingAccounts.errors.tradingAccountClosed", { params: { id } });
    sameMoney(ta.currency, ta.demo, { id });
  }
  for (const l of lines) if (isSystemRef(l.account)) sameMoney(l.account.currency, l.account.demo, { code: l.account.system });
  const { currency, demo } = money!;

  // 3. System accounts are created when missing (one statement, in a fixed order). Then every existing
  //    ledger account is locked. A customer bucket with no ledger account yet gets one in step 5, inserted
  //    with its balance after this journal: the trading-account locks above keep a concurrent posting from
  //    creating it meanwhile, and a row this transaction inserts is its own until commit.
  const systemRefs = lines
    .map((l) => l.account)
    .filter(isSystemRef)
    .sort((a, b) => (refKey(a) < refKey(b) ? -1 : 1));
  const sys = { codes: systemRefs.map((s) => s.system), currencies: systemRefs.map((s) => s.currency), demos: systemRefs.map((s) => s.demo) };
  if (systemRefs.length) {
    await tx.$executeRaw`
      INSERT INTO ledger_account (id, brand_id, bucket, system_code, currency, demo)
      SELECT gen_random_uuid(), ${input.brandId}::uuid, 'system', s.code, s.currency, s.demo
      FROM unnest(${sys.codes}::text[], ${sys.currencies}::text[], ${sys.demos}::boolean[]) WITH ORDINALITY AS s(code, currency, demo, n)
      ORDER BY s.n
      ON CONFLICT DO NOTHING`;
  }
  // The customer ones by trading account (every bucket of the locked trading accounts: the unique index's
  // leading column, one index range per account), then the system ones.
  const found = taIds.length
    ? await tx.$queryRaw<LedgerAccountLockRow[]>`
        SELECT id::text, trading_account_id::text, bucket::text, system_code, currency, demo, balance::text
        FROM ledger_account WHERE trading_account_id = ANY(${taIds}::uuid[]) AND brand_id = ${input.brandId}::uuid
        ORDER BY id FOR NO KEY UPDATE`
    : [];
  if (systemRefs.length) {
    found.push(
      ...(await tx.$queryRaw<LedgerAccountLockRow[]>`
        SELECT a.id::text, a.trading_account_id::text, a.bucket::text, a.system_code, a.currency, a.demo, a.balance::text
        FROM ledger_account a
        JOIN unnest(${sys.codes}::text[], ${sys.currencies}::text[], ${sys.demos}::boolean[]) AS s(code, currency, demo)
          ON a.system_code = s.code AND a.currency = s.currency AND a.demo = s.demo
        WHERE a.brand_id = ${input.brandId}::uuid AND a.bucket = 'system'
        ORDER BY a.id FOR NO KEY UPDATE OF a`),
    );
  }
  const byKey = new Map(
    found.map((r) => [r.bucket === "system" ? `sys|${r.system_code}|${r.currency}|${r.demo}` : `ta|${r.trading_account_id}|${r.bucket}`, r]),
  );

  // 4. New balances, computed here with Decimal: checked against the cache (a missing ledger account
  //    against a zero cache), never below zero for a customer bucket.
  const planned = lines.map((l) => {
    const existing = byKey.get(refKey(l.account));
    const account: LedgerAccountLockRow | undefined =
      existing ??
      (isSystemRef(l.account)
        ? undefined
        : { id: randomUUID(), trading_account_id: l.account.tradingAccountId, bucket: l.account.bucket, system_code: null, currency, demo, balance: "0" });
    if (!account) throw new AppError("CONFLICT", "tradingAccounts.errors.ledgerAccountNotCreated");
    const before = new Dec(account.balance);
    const after = before.plus(l.amount);
    if (account.bucket !== "system") {
      const bucket = account.bucket;
      const ta = tradingAccounts.get(account.trading_account_id!)!;
      if (account.currency !== ta.currency || account.demo !== ta.demo) {
        throw new AppError("CONFLICT", `tradingAccounts.errors.ledgerAccountCurrencyMismatch.${BUCKET_REASON[bucket]}`, { params: { id: ta.id } });
      }
      if (!new Dec(ta[BUCKET_SQL_COLUMN[bucket]]).eq(before)) {
        throw new AppError("CONFLICT", `tradingAccounts.errors.balanceCacheMismatch.${BUCKET_REASON[bucket]}`, { params: { id: ta.id } });
      }
      if (after.isNegative()) {
        throw new AppError("CONFLICT", `tradingAccounts.errors.insufficientBalance.${BUCKET_REASON[bucket]}`, {
          field: "amount",
          params: { id: ta.id, balance: decText(before), currency: ta.currency, amount: decText(l.amount.neg()) },
        });
      }
    }
    return { lineId: randomUUID(), account, created: !existing, amount: l.amount, after };
  });

  // 5. Write the new ledger accounts (with their balance), the lines, the other ledger-account balances and
  //    the trading-account caches: one statement each.
  const created = planned.filter((p) => p.created);
  const updated = planned.filter((p) => !p.created);
  if (created.length) {
    await tx.$executeRaw`
      INSERT INTO ledger_account (id, brand_id, trading_account_id, bucket, currency, demo, balance)
      SELECT k.id, ${input.brandId}::uuid, k.ta, k.bucket, ${currency}, ${demo}, k.balance
      FROM unnest(${created.map((p) => p.account.id)}::uuid[], ${created.map((p) => p.account.trading_account_id)}::uuid[],
                  ${created.map((p) => p.account.bucket)}::"LedgerBucket"[], ${created.map((p) => p.after.toFixed())}::numeric[]) AS k(id, ta, bucket, balance)`;
  }
  await tx.$executeRaw`
    INSERT INTO ledger_line (id, brand_id, journal_id, ledger_account_id, amount, balance_after)
    SELECT u.id, ${input.brandId}::uuid, ${journalId}::uuid, u.account, u.amount, u.after
    FROM unnest(${planned.map((p) => p.lineId)}::uuid[], ${planned.map((p) => p.account.id)}::uuid[], ${planned.map((p) => p.amount.toFixed())}::numeric[],
                ${planned.map((p) => p.after.toFixed())}::numeric[]) AS u(id, account, amount, after)`;
  if (updated.length) {
    await tx.$executeRaw`
      UPDATE ledger_account a SET balance = u.after
      FROM unnest(${updated.map((p) => p.account.id)}::uuid[], ${updated.map((p) => p.after.toFixed())}::numeric[]) AS u(id, after)
      WHERE a.id = u.id`;
  }
  if (taIds.length) {
    // One row per trading account; "" leaves a bucket's column as it is.
    const columns = new Map(taIds.map((id) => [id, { cash: "", bonus_withdrawable: "", bonus_non_withdrawable: "" } as Record<CustomerBucket, string>]));
    for (const p of planned) {
      if (p.account.bucket !== "system") columns.get(p.account.trading_account_id!)![p.account.bucket] = p.after.toFixed();
    }
    const col = (bucket: CustomerBucket) => taIds.map((id) => columns.get(id)![bucket]);
    await tx.$executeRaw`
      UPDATE trading_account t
      SET cash = COALESCE(NULLIF(u.cash, '')::numeric, t.cash),
          bonus_withdrawable = COALESCE(NULLIF(u.bw, '')::numeric, t.bonus_withdrawable),
          bonus_non_withdrawable = COALESCE(NULLIF(u.bnw, '')::numeric, t.bonus_non_withdrawable),
          version = t.version + 1,
          updated_at = now()
      FROM unnest(${taIds}::uuid[], ${col("cash")}::text[], ${col("bonus_withdrawable")}::text[], ${col("bonus_non_withdrawable")}::text[]) AS u(id, cash, bw, bnw)
      WHERE t.id = u.id`;
  }

  // The journal as loadJournal would read it back (lines by id), built from what was just written.
  return {
    id: journalId,
    brandId: input.brandId,
    kind: input.kind,
    referenceType: input.reference.type,
    referenceId: input.reference.id,
    idempotencyKey: input.idempotencyKey ?? null,
    memo: input.memo ?? null,
    createdById: input.actorId ?? null,
    createdAt,
    currency,
    demo,
    replayed: false,
    lines: planned
      .map((p) => ({
        id: p.lineId,
        ledgerAccountId: p.account.id,
        tradingAccountId: p.account.trading_account_id,
        bucket: p.account.bucket,
        systemCode: p.account.system_code,
        amount: decText(p.amount),
        balanceAfter: decText(p.after),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
