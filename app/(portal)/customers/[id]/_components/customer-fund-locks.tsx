"use client";
/** The customer's fund locks (being built). */
import type { Permission } from "@/server/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerFundLocks(_props: { customer: CustomerDetail; granted: readonly Permission[] }) {
  return null;
}
