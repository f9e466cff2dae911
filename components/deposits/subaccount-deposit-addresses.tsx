"use client";
/** A sub-account's deposit addresses (placeholder until the deposits panel is built). */
export function SubaccountDepositAddresses(_props: { subaccountId: string; canManage: boolean }) {
  return null;
}
