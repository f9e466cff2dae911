/**
 * The demo brands and staff logins, shared by the seed, the e2e tests, `npm run demo:totp` and the
 * README. No imports on purpose: anything (Playwright, scripts, the seed) can read it without an
 * environment or a database.
 *
 * The TOTP secrets are published here so people and tests can produce codes; they protect demo data
 * only. A real installation creates its own brands and staff and never runs with these accounts.
 */

export const DEMO_PASSWORD = "Demo-Password-2026";

export type DemoRole = "platform_admin" | "admin" | "operations" | "compliance" | "marketing" | "support";

export interface DemoBrand {
  slug: string;
  name: string;
  brokerCode: string;
  primaryColor: string;
}

export interface DemoAccount {
  email: string;
  name: string;
  role: DemoRole;
  /** Slug of the account's brand; null for the platform admin. */
  brandSlug: string | null;
  /** Base32 TOTP secret (20 bytes) for accounts that sign in with a second factor; null otherwise. */
  totpSecret: string | null;
}

export const DEMO_BRANDS = [
  { slug: "aurora", name: "Aurora Markets", brokerCode: "AURORA01", primaryColor: "#0ea5e9" },
  { slug: "borealis", name: "Borealis Trade", brokerCode: "BOREAL02", primaryColor: "#8b5cf6" },
] as const satisfies readonly DemoBrand[];

export type DemoBrandSlug = (typeof DEMO_BRANDS)[number]["slug"];

const brandStaff = (slug: DemoBrandSlug, label: string, adminTotpSecret: string): DemoAccount[] => [
  { email: `admin@${slug}.demo`, name: `${label} Admin`, role: "admin", brandSlug: slug, totpSecret: adminTotpSecret },
  { email: `ops@${slug}.demo`, name: `${label} Operations`, role: "operations", brandSlug: slug, totpSecret: null },
  { email: `compliance@${slug}.demo`, name: `${label} Compliance`, role: "compliance", brandSlug: slug, totpSecret: null },
  // A second reviewer, so level 3 KYC (four eyes) can be approved end to end.
  { email: `compliance2@${slug}.demo`, name: `${label} Compliance Lead`, role: "compliance", brandSlug: slug, totpSecret: null },
  { email: `marketing@${slug}.demo`, name: `${label} Marketing`, role: "marketing", brandSlug: slug, totpSecret: null },
  { email: `support@${slug}.demo`, name: `${label} Support`, role: "support", brandSlug: slug, totpSecret: null },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "platform@brokerdesk.demo",
    name: "Platform Admin",
    role: "platform_admin",
    brandSlug: null,
    totpSecret: "ZTGMEXRYOC7PIOF45FWT2SLQV7Z3WWU7",
  },
  ...brandStaff("aurora", "Aurora", "SPMEPBCGPS6XRQLXAN46HJPY6T4DCRAR"),
  ...brandStaff("borealis", "Borealis", "5X33UO6THZI3MX6TH3DAXXT7XT3P2ERT"),
];

/** Named handles for tests: `DEMO.aurora.admin.email`, `DEMO.platform.totpSecret`, ... */
export const DEMO = {
  platform: demoAccount("platform@brokerdesk.demo"),
  aurora: byRole("aurora"),
  borealis: byRole("borealis"),
} as const;

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email.trim().toLowerCase());
  if (!account) throw new Error(`No demo account ${email}`);
  return account;
}

function byRole(slug: DemoBrandSlug) {
  const get = (prefix: string) => demoAccount(`${prefix}@${slug}.demo`);
  return {
    admin: get("admin"),
    operations: get("ops"),
    compliance: get("compliance"),
    compliance2: get("compliance2"),
    marketing: get("marketing"),
    support: get("support"),
  } as const;
}
