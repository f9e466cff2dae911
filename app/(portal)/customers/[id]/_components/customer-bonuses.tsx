"use client";
/** The customer's bonus grants (being built). */
import type { Permission } from "@/server/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerBonuses(_props: { customer: CustomerDetail; granted: readonly Permission[] }) {
  return null;
}
