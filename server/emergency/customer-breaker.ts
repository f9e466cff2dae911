/**
 * A customer's money-movement breaker (tripped by the risk action customer_breaker, reset by staff): the
 * one check, beside the emergency stop's and built the same way, race-free for money. A money transaction
 * takes the customer's advisory lock SHARED, then (its own statement, so its snapshot is taken after the
 * wait) reads whether a breaker is active; the trip takes the same lock EXCLUSIVE before writing the row.
 * So a trip waits for every posting of that customer already past the check to commit, and every later
 * one sees the breaker: nothing half-applied. Other customers' locks are other keys: they never wait.
 */
import "server-only";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";

/** The first half of the two-key advisory lock (the second is the customer's id hashed): "rskb". */
export const CUSTOMER_BREAKER_LOCK_CLASS = 0x72736b62;

export class CustomerBreakerError extends AppError {
  constructor(readonly customerId: string, readonly since: Date) {
    super("CONFLICT", "risk.errors.customerBreaker", { params: { since: since.toISOString() } });
  }
}

export const isCustomerBreaker = (error: unknown): error is CustomerBreakerError => error instanceof CustomerBreakerError;

/** Exclusive: the trip (and reset) of one customer's breaker waits here for that customer's money transactions. */
export async function lockCustomerBreaker(tx: DbTx, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CUSTOMER_BREAKER_LOCK_CLASS}::int, hashtext(${customerId}))`;
}

/** Reads the earliest active breaker of these customers (after the caller took their locks). */
async function refuseIfTripped(tx: DbTx, brandId: string, customerIds: string[]) {
  const rows = await tx.$queryRaw<{ customer_id: string; tripped_at: Date }[]>`
    SELECT customer_id::text, tripped_at FROM customer_breaker
    WHERE customer_id = ANY(${customerIds}::uuid[]) AND brand_id = ${brandId}::uuid AND reset_at IS NULL
    ORDER BY tripped_at LIMIT 1`;
  if (rows[0]) throw new CustomerBreakerError(rows[0].customer_id, rows[0].tripped_at);
}

/** Inside a money transaction of these customers (a withdrawal's request, approval, send; a grant): shares their locks, refuses when tripped. */
export async function assertCustomerMoneyAllowed(tx: DbTx, brandId: string, customerIds: string[]): Promise<void> {
  const ids = [...new Set(customerIds)].sort();
  if (!ids.length) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CUSTOMER_BREAKER_LOCK_CLASS}::int, hashtext(c)) FROM unnest(${ids}::text[]) AS c ORDER BY c`;
  await refuseIfTripped(tx, brandId, ids);
}

/** The same for a ledger posting: the customers are the owners of the trading accounts it touches. */
export async function assertAccountsMoneyAllowed(tx: DbTx, brandId: string, tradingAccountIds: string[]): Promise<void> {
  if (!tradingAccountIds.length) return;
  const rows = await tx.$queryRaw<{ customer_id: string }[]>`
    SELECT customer_id::text, pg_advisory_xact_lock_shared(${CUSTOMER_BREAKER_LOCK_CLASS}::int, hashtext(customer_id::text))::text
    FROM (SELECT DISTINCT customer_id FROM trading_account WHERE id = ANY(${tradingAccountIds}::uuid[]) AND brand_id = ${brandId}::uuid ORDER BY customer_id) t`;
  if (rows.length) await refuseIfTripped(tx, brandId, rows.map((r) => r.customer_id));
}
