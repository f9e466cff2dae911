/**
 * What may stop a customer from being closed. Domains that hold something of the customer's (balances,
 * open positions, pending withdrawals) register a guard when they are loaded; closing asks every guard,
 * inside the closing transaction, and is refused with the first reason given.
 */
import "server-only";
import type { DbTx } from "../db/client";
import type { ErrorParams, ErrorReason } from "../errors";

export interface CustomerToClose {
  id: string;
  brandId: string;
  uid: string;
}

/**
 * Why the customer cannot be closed: a reason key of the guard's domain (`<ns>.errors.*`) worded as the whole
 * refusal, e.g. "This customer cannot be closed: they hold {amount} {currency}", with its params.
 */
export interface CloseObjection {
  reason: ErrorReason;
  params?: ErrorParams;
}

/** Returns the guard's objection, or null. */
export type CloseGuard = (tx: DbTx, customer: CustomerToClose) => Promise<CloseObjection | null>;

const guards = new Set<CloseGuard>();

/** Adds a guard; the returned function removes it again (for tests). */
export function registerCloseGuard(guard: CloseGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** The first objection any registered guard gives, or null when the customer may be closed. */
export async function closeRefusal(tx: DbTx, customer: CustomerToClose): Promise<CloseObjection | null> {
  for (const guard of guards) {
    const reason = await guard(tx, customer);
    if (reason) return reason;
  }
  return null;
}
