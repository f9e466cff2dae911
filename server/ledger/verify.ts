/**
 * The ledger's own audit: every journal balances in one currency, every cached balance equals the sum of
 * its lines, and each trading account's columns equal its bucket accounts. An empty list means the books
 * are consistent; tests run it after every step, and admins can run it from the back office.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";

export interface LedgerDiscrepancy {
  kind: "journal_unbalanced" | "journal_mixed_currency" | "journal_too_few_lines" | "account_cache" | "trading_account_cache" | "negative_balance";
  id: string;
  detail: string;
}

export interface LedgerReport {
  checkedAt: Date;
  journals: number;
  ledgerAccounts: number;
  tradingAccounts: number;
  discrepancies: LedgerDiscrepancy[];
}

export async function verifyLedger(db: Db | DbTx, brandId: string): Promise<LedgerReport> {
  const journals = await db.$queryRaw<{ id: string; lines: number; total: string; unbalanced: boolean; moneys: number }[]>`
    SELECT j.id::text, COUNT(l.id)::int AS lines, COALESCE(SUM(l.amount), 0)::text AS total,
           COALESCE(SUM(l.amount), 0) <> 0 AS unbalanced,
           COUNT(DISTINCT (a.currency, a.demo))::int AS moneys
    FROM ledger_journal j
    LEFT JOIN ledger_line l ON l.journal_id = j.id
    LEFT JOIN ledger_account a ON a.id = l.ledger_account_id
    WHERE j.brand_id = ${brandId}::uuid
    GROUP BY j.id
    HAVING COALESCE(SUM(l.amount), 0) <> 0 OR COUNT(l.id) < 2 OR COUNT(DISTINCT (a.currency, a.demo)) > 1`;
  const accounts = await db.$queryRaw<{ id: string; balance: string; total: string; cacheOff: boolean; negative: boolean }[]>`
    SELECT a.id::text, a.balance::text, COALESCE(SUM(l.amount), 0)::text AS total,
           a.balance <> COALESCE(SUM(l.amount), 0) AS "cacheOff", (a.bucket <> 'system' AND a.balance < 0) AS negative
    FROM ledger_account a LEFT JOIN ledger_line l ON l.ledger_account_id = a.id
    WHERE a.brand_id = ${brandId}::uuid
    GROUP BY a.id
    HAVING a.balance <> COALESCE(SUM(l.amount), 0) OR (a.bucket <> 'system' AND a.balance < 0)`;
  const tradingAccounts = await db.$queryRaw<{ id: string; bucket: string; cached: string; ledger: string }[]>`
    SELECT t.id::text, b.bucket, b.cached::text, COALESCE(a.balance, 0)::text AS ledger
    FROM trading_account t
    CROSS JOIN LATERAL (VALUES ('cash', t.cash), ('bonus_withdrawable', t.bonus_withdrawable),
                               ('bonus_non_withdrawable', t.bonus_non_withdrawable)) AS b(bucket, cached)
    LEFT JOIN ledger_account a ON a.trading_account_id = t.id AND a.bucket::text = b.bucket
    WHERE t.brand_id = ${brandId}::uuid AND b.cached <> COALESCE(a.balance, 0)`;
  const [counts] = await db.$queryRaw<{ journals: number; accounts: number; trading: number }[]>`
    SELECT (SELECT COUNT(*)::int FROM ledger_journal WHERE brand_id = ${brandId}::uuid) AS journals,
           (SELECT COUNT(*)::int FROM ledger_account WHERE brand_id = ${brandId}::uuid) AS accounts,
           (SELECT COUNT(*)::int FROM trading_account WHERE brand_id = ${brandId}::uuid) AS trading`;

  const discrepancies: LedgerDiscrepancy[] = [];
  for (const j of journals) {
    if (j.lines < 2) discrepancies.push({ kind: "journal_too_few_lines", id: j.id, detail: `${j.lines} line(s)` });
    if (j.unbalanced) {
      discrepancies.push({ kind: "journal_unbalanced", id: j.id, detail: `lines sum to ${j.total}` });
    }
    if (j.moneys > 1) discrepancies.push({ kind: "journal_mixed_currency", id: j.id, detail: `${j.moneys} currencies / real-demo mixes` });
  }
  for (const a of accounts) {
    if (a.negative) discrepancies.push({ kind: "negative_balance", id: a.id, detail: `balance ${a.balance}` });
    if (a.cacheOff) discrepancies.push({ kind: "account_cache", id: a.id, detail: `cached ${a.balance}, lines sum to ${a.total}` });
  }
  for (const t of tradingAccounts) {
    discrepancies.push({ kind: "trading_account_cache", id: t.id, detail: `${t.bucket}: column ${t.cached}, ledger account ${t.ledger}` });
  }
  return { checkedAt: new Date(), journals: counts.journals, ledgerAccounts: counts.accounts, tradingAccounts: counts.trading, discrepancies };
}
