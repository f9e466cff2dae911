/**
 * The one permission map. Server checks (every tRPC procedure declares a permission) and client UI
 * hints (navigation, buttons) both read it. Anything not granted here is denied.
 *
 * Import-safe for client components: no server-only code in this file.
 */
export const ROLES = ["platform_admin", "admin", "operations", "compliance", "marketing", "support"] as const;
export type Role = (typeof ROLES)[number];

/** Roles a brand admin may hand out; platform_admin is granted only by another platform admin. */
export const BRAND_ROLES = ["admin", "operations", "compliance", "marketing", "support"] as const satisfies readonly Role[];

const ALL: readonly Role[] = ROLES;
const ADMINS = ["platform_admin", "admin"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  // Everyone signed in
  "dashboard.view": ALL,
  "account.self": ALL,
  // Foundation
  "staff.read": ADMINS,
  "staff.manage": ADMINS,
  "brand.read": ADMINS,
  "brand.manage": ADMINS,
  "audit.read": [...ADMINS, "compliance"],
  "platform.brands": ["platform_admin"],
  // Domains built by later issues; the map is complete now so navigation and tests cover them.
  "customer.read": [...ADMINS, "operations", "compliance", "marketing", "support"],
  "customer.manage": [...ADMINS, "operations"],
  /** Notes are how the desks leave context for each other; support stays read-only (DESIGN.md). */
  "customer.note": [...ADMINS, "operations", "compliance"],
  "kyc.read": [...ADMINS, "compliance", "operations", "support"],
  /** Opening an application on a customer's behalf and uploading its documents (the B-end channel). */
  "kyc.submit": [...ADMINS, "operations", "compliance"],
  /** Identity documents are the most sensitive data here: compliance and admins only. */
  "kyc.documents": [...ADMINS, "compliance"],
  "kyc.review": ["compliance"],
  /** Rejection reasons, corporate countries, SLA target. */
  "kyc.configure": [...ADMINS, "compliance"],
  "subaccount.read": [...ADMINS, "operations", "support"],
  "subaccount.manage": [...ADMINS, "operations"],
  "apikey.read": [...ADMINS, "operations", "support"],
  "apikey.manage": [...ADMINS, "operations"],
  "deposit.read": [...ADMINS, "operations", "compliance", "support"],
  "bonus.read": [...ADMINS, "marketing", "operations", "support"],
  "bonus.manage": [...ADMINS, "marketing"],
  "bonus.approve": ADMINS,
  "fundlock.read": [...ADMINS, "operations", "compliance", "support"],
  "fundlock.manage": [...ADMINS, "operations"],
  /** Customers' exchange accounts (balances, positions, orders, fills, bills), read through their keys. */
  "exchange.read": [...ADMINS, "operations", "compliance", "support"],
  /** Cancelling orders and closing positions on a customer's exchange account. */
  "exchange.act": [...ADMINS, "operations"],
  /** The brand's exchange circuit breakers: their state, and closing one by hand. */
  "breaker.read": [...ADMINS, "operations"],
  "breaker.reset": ADMINS,
  "withdrawal.read": [...ADMINS, "operations", "compliance", "support"],
  /** Entering a withdrawal for a customer, cancelling one, and the withdrawal address book. */
  "withdrawal.request": [...ADMINS, "operations"],
  /** Deciding a withdrawal above the brand's threshold (never one's own request). */
  "withdrawal.approve": ADMINS,
  "rebate.read": [...ADMINS, "operations"],
  "rebate.manage": [...ADMINS, "operations"],
  "message.read": [...ADMINS, "marketing", "support"],
  "message.manage": [...ADMINS, "marketing"],
  /** A message to more customers than the brand's threshold waits for an admin (never its own writer). */
  "message.approve": ADMINS,
  "jobs.read": [...ADMINS, "operations"],
  /** Retry, remove and run-now of the caller's brand's jobs. */
  "jobs.manage": [...ADMINS, "operations"],
  /** Pausing and resuming a queue: queues are shared by every brand, so the platform's to do. */
  "jobs.control": ["platform_admin"],
  "risk.read": [...ADMINS, "operations", "compliance"],
  "risk.manage": ADMINS,
  /** Acknowledging and resolving risk events (undoing what a rule did stays with risk.manage). */
  "risk.handle": [...ADMINS, "operations", "compliance"],
  /** The emergency stop's state and history (the banner on every page needs no permission). */
  "emergency.read": [...ADMINS, "operations", "compliance"],
  /** Triggering and resetting the stop of the caller's brand (step-up TOTP and a reason). */
  "emergency.manage": ADMINS,
  /** The global stop: every brand at once. */
  "emergency.global": ["platform_admin"],
  "health.read": [...ADMINS, "operations"],
  "partnerkey.manage": ADMINS,
  /**
   * The approvals inbox: seeing it (the roles that may see some registered kind's items) and deciding from
   * it (those that may decide some kind). Each kind still checks its own permissions; a test keeps these
   * two in step with the registered kinds.
   */
  "approval.read": [...ADMINS, "marketing", "operations", "support"],
  "approval.decide": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[] | undefined)?.includes(role) ?? false;
}

export const permissionsOf = (role: Role) => ALL_PERMISSIONS.filter((p) => can(role, p));

/** TOTP is mandatory for these roles whatever the brand says. */
export const ROLES_REQUIRING_2FA: readonly Role[] = ADMINS;
