"use client";
/** A sub-account's API keys (placeholder until the API-key panel is built). */
export function SubaccountApiKeys(_props: { subaccountId: string; subAcct: string; canManage: boolean }) {
  return null;
}
