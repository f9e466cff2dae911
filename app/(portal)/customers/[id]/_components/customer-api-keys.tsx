"use client";
/** The customer page's "API keys" tab: the keys of each of the customer's sub-accounts. */
import type { Permission } from "@/server/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerApiKeys(_props: { customer: CustomerDetail; granted: readonly Permission[] }) {
  return null;
}
