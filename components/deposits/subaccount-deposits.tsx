"use client";
/** A sub-account's deposits (placeholder until the deposits table is built). */
export function SubaccountDeposits(_props: { subaccountId: string }) {
  return null;
}
