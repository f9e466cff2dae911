/**
 * A customer's money-movement breaker (tripped by the risk action customer_breaker, reset by staff): the
 * one check, beside the emergency stop's and built the same way, race-free for money. A money transaction
 * takes the customer's advisory lock SHARED, then (its own statement, so its snapshot is taken after the
 * wait) reads whether a breaker is active; the trip takes the same lock EXCLUSIVE before writing the row.
 * So a trip waits for every posting of that customer already past the check to commit, and every later
 * one sees the breaker: nothing half-applied. Postings never wait for each other here (shared locks).
 */
import "server-only";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";

/** The first half of the two-key advisory lock: "rskb". */
export const CUSTOMER_BREAKER_LOCK_CLASS = 0x72736b62;
/**
 * The second half: one of 64 stripes, by the brand's and the customer's ids hashed together. A posting
 * touching thousands of customers (a bonus batch's chunk) takes at most 64 locks, not one per customer (the
 * lock table is small); the price is that a trip also waits for postings of the other customers of its
 * stripe — of its own brand only, as the brand is in the hash.
 */
const STRIPES = 64;

export class CustomerBreakerError extends AppError {
  constructor(readonly customerId: string, readonly since: Date) {
    super("CONFLICT", "risk.errors.customerBreaker", { params: { since: since.toISOString() } });
  }
}

export const isCustomerBreaker = (error: unknown): error is CustomerBreakerError => error instanceof CustomerBreakerError;

/** Exclusive: the trip (and reset) of one customer's breaker waits here for that customer's money transactions. */
export async function lockCustomerBreaker(tx: DbTx, brandId: string, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CUSTOMER_BREAKER_LOCK_CLASS}::int, hashtext(${brandId}::text || ${customerId}::text) & ${STRIPES - 1}::int)`;
}

const refuse = (row: { customer_id: string; tripped_at: Date } | undefined) => {
  if (row) throw new CustomerBreakerError(row.customer_id, row.tripped_at);
};

/** Inside a money transaction of these customers (a withdrawal's request, approval, send; a grant): shares their locks, refuses when tripped. */
export async function assertCustomerMoneyAllowed(tx: DbTx, brandId: string, customerIds: string[]): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return;
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock_shared(${CUSTOMER_BREAKER_LOCK_CLASS}::int, s)::text
    FROM (SELECT DISTINCT hashtext(${brandId}::text || c) & ${STRIPES - 1}::int AS s FROM unnest(${ids}::text[]) AS c ORDER BY s) t`;
  // Its own statement, after the locks: its snapshot sees a trip that made it wait.
  const rows = await tx.$queryRaw<{ customer_id: string; tripped_at: Date }[]>`
    SELECT customer_id::text, tripped_at FROM customer_breaker
    WHERE customer_id = ANY(${ids}::uuid[]) AND brand_id = ${brandId}::uuid AND reset_at IS NULL
    ORDER BY tripped_at LIMIT 1`;
  refuse(rows[0]);
}

/** The same for a ledger posting: the customers are the owners of the trading accounts it touches. */
export async function assertAccountsMoneyAllowed(tx: DbTx, brandId: string, tradingAccountIds: string[]): Promise<void> {
  if (!tradingAccountIds.length) return;
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock_shared(${CUSTOMER_BREAKER_LOCK_CLASS}::int, s)::text
    FROM (SELECT DISTINCT hashtext(brand_id::text || customer_id::text) & ${STRIPES - 1}::int AS s FROM trading_account
          WHERE id = ANY(${tradingAccountIds}::uuid[]) AND brand_id = ${brandId}::uuid ORDER BY s) t`;
  const rows = await tx.$queryRaw<{ customer_id: string; tripped_at: Date }[]>`
    SELECT b.customer_id::text, b.tripped_at FROM customer_breaker b
    JOIN trading_account t ON t.customer_id = b.customer_id
    WHERE t.id = ANY(${tradingAccountIds}::uuid[]) AND b.brand_id = ${brandId}::uuid AND b.reset_at IS NULL
    ORDER BY b.tripped_at LIMIT 1`;
  refuse(rows[0]);
}
