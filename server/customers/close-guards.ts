/**
 * What may stop a customer from being closed. Domains that hold something of the customer's (balances,
 * open positions, pending withdrawals) register a guard when they are loaded; closing asks every guard,
 * inside the closing transaction, and is refused with the first reason given.
 */
import "server-only";
import type { DbTx } from "../db/client";

export interface CustomerToClose {
  id: string;
  brandId: string;
  uid: string;
}

/** Returns why the customer cannot be closed (shown to staff, e.g. "they hold 120.5 USDT"), or null. */
export type CloseGuard = (tx: DbTx, customer: CustomerToClose) => Promise<string | null>;

const guards = new Set<CloseGuard>();

/** Adds a guard; the returned function removes it again (for tests). */
export function registerCloseGuard(guard: CloseGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** The first refusal any registered guard gives, or null when the customer may be closed. */
export async function closeRefusal(tx: DbTx, customer: CustomerToClose): Promise<string | null> {
  for (const guard of guards) {
    const reason = await guard(tx, customer);
    if (reason) return reason;
  }
  return null;
}
