import type { Permission } from "@/lib/auth/permissions";

/** What the signed-in staff member may do on the customer page (the procedures enforce it either way). */
export interface CustomerPagePermissions {
  /** Edit, move to a group, freeze, unfreeze, close. */
  manage: boolean;
  /** Add notes. */
  note: boolean;
  /** See KYC applications (the KYC tab and the link to an open application). */
  kyc: boolean;
  /** Open KYC applications for the customer. */
  kycSubmit: boolean;
  /** Every permission of the role, for the tabs of other domains (sub-accounts, API keys, money, locks). */
  granted: readonly Permission[];
}

export const CUSTOMER_TABS = [
  "overview",
  "kyc",
  "timeline",
  "notes",
  "trading-accounts",
  "sub-accounts",
  "exchange",
  "api-keys",
  "bonuses",
  "fund-locks",
  "messages",
  "rebates",
  "risk",
] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];
