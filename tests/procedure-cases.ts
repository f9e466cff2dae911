/**
 * One entry per tRPC procedure: how to call it validly, and how brand isolation is checked for it.
 * The permission-matrix and isolation tests walk the app router and fail for any procedure without an
 * entry here, so a new procedure cannot ship untested.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { totpCode } from "@/server/auth/totp";
import { encryptSecret } from "@/server/crypto/secrets";
import { db } from "@/server/db/client";
import { newTotpSecret } from "@/server/auth/totp";
import { TEST_PASSWORD } from "./helpers/db";
import { ANNOUNCEMENT_CASES } from "./cases/announcements";
import { API_KEY_CASES } from "./cases/api-keys";
import { APPROVAL_CASES } from "./cases/approvals";
import { BONUS_CASES } from "./cases/bonuses";
import { BREAKER_CASES } from "./cases/breakers";
import { CUSTOMER_CASES } from "./cases/customers";
import { DEPOSIT_CASES } from "./cases/deposits";
import { EXCHANGE_ACCOUNT_CASES } from "./cases/exchange-accounts";
import { EXCHANGE_ACTION_CASES } from "./cases/exchange-actions";
import { EMERGENCY_CASES } from "./cases/emergency";
import { FUND_LOCK_CASES } from "./cases/fund-locks";
import { HEALTH_CASES } from "./cases/health";
import { RISK_CASES } from "./cases/risk";
import { JOB_CASES } from "./cases/jobs";
import { KYC_CASES } from "./cases/kyc";
import { MESSAGE_CASES } from "./cases/messages";
import { PARTNER_KEY_CASES } from "./cases/partner-keys";
import { REBATE_CASES } from "./cases/rebates";
import { REBATE_RECONCILIATION_CASES } from "./cases/rebate-reconciliation";
import { FD_REBATE_CASES } from "./cases/fd-rebates";
import { SUBACCOUNT_CASES } from "./cases/subaccounts";
import { TRADING_ACCOUNT_CASES } from "./cases/tradingaccounts";
import { WITHDRAWAL_CASES } from "./cases/withdrawals";

export interface Fixture {
  brandA: { id: string };
  brandB: { id: string };
  /** One member of brand A per brand role, plus a platform admin (brandId null). */
  callers: Record<Role, { id: string; email: string }>;
  /** Rows to act on: an operations member in each brand. */
  targetA: { id: string; email: string };
  targetB: { id: string; email: string };
  /** An audit action present only in brand B's chain. */
  actionOnlyInB: string;
}

type Call = (path: string, input?: unknown) => Promise<unknown>;

export interface ProcedureCase {
  /** A valid input for a call on the caller's own brand; may prepare state for that caller first. */
  input: (f: Fixture, caller: { id: string; role: Role }) => unknown | Promise<unknown>;
  /**
   * For allowed roles whose call is refused by a business rule rather than by permission
   * (e.g. turning off TOTP where the role requires it): the AppError code expected instead of success.
   */
  refusedFor?: Partial<Record<Role, "FORBIDDEN" | "CONFLICT">>;
  /**
   * Brand isolation, run as a brand-A member allowed to call it:
   *  - a function: calls the procedure aimed at brand B's rows and asserts nothing of B was read or changed;
   *  - "self": acts only on the caller's own account (no brand rows to reach);
   *  - "platform": platform-admin only, cross-brand by design; brand staff are refused by permission.
   */
  isolation: ((f: Fixture, call: Call) => Promise<void>) | "self" | "platform";
}

const uniqueEmail = () => `new-${randomUUID().slice(0, 8)}@example.test`;
const PNG_1PX =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** Snapshot of a staff row and its sessions, to prove a cross-brand call changed nothing. */
const staffState = async (id: string) => ({
  user: await db.staffUser.findUniqueOrThrow({ where: { id } }),
  sessions: await db.staffSession.findMany({ where: { userId: id }, orderBy: { id: "asc" } }),
});
const brandState = (id: string) => db.brand.findUniqueOrThrow({ where: { id } });

/** Calls a by-id mutation with brand B's target: must answer NOT_FOUND and leave the target untouched. */
const refusesBrandBTarget =
  (path: string, extra: Record<string, unknown> = {}) =>
  async (f: Fixture, call: Call) => {
    const before = await staffState(f.targetB.id);
    await expect(call(path, { id: f.targetB.id, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await staffState(f.targetB.id)).toEqual(before);
  };

/** A brand mutation: runs on A and must leave brand B's row unchanged. */
const leavesBrandBUnchanged = (path: string, input: () => unknown) => async (f: Fixture, call: Call) => {
  const before = await brandState(f.brandB.id);
  await call(path, input());
  expect(await brandState(f.brandB.id)).toEqual(before);
};

/** A well-formed OKX key (never a real one) for the exchange-credentials procedures. */
const okxKey = (apiKey = randomUUID()) => ({ apiKey, secretKey: "0123456789ABCDEF0123456789ABCDEF", passphrase: "Test-Pass-1!", mode: "demo" });

/** Gives brand B a key of its own first, so a set, clear or test that reached B would show in its row. */
const leavesBrandBCredentialsUnchanged = (path: string, input: () => unknown) => async (f: Fixture, call: Call) => {
  await db.brand.update({
    where: { id: f.brandB.id },
    data: {
      okxApiKey: randomUUID(),
      okxSecretEnc: encryptSecret("FEDCBA9876543210FEDCBA9876543210"),
      okxPassphraseEnc: encryptSecret("Brand-B-Pass-1!"),
      okxMode: "live",
      okxCredentialsUpdatedAt: new Date(),
    },
  });
  await leavesBrandBUnchanged(path, input)(f, call);
};

/**
 * Brand A with no key, so its connection test goes to the simulator URL (which answers, or refuses the
 * connection at once) rather than to real OKX, which these machines cannot reach. Either outcome is a
 * result, not an error: the test reports it.
 */
const brandAOnSimulator = (f: Fixture) =>
  db.brand.update({ where: { id: f.brandA.id }, data: { okxApiKey: null, okxSecretEnc: null, okxPassphraseEnc: null, okxCredentialsUpdatedAt: null } });

export const PROCEDURE_CASES: Record<string, ProcedureCase> = {
  // ── account (self only) ──────────────────────────────────────────────────────────────────────────
  "account.me": { input: () => undefined, isolation: "self" },
  "account.changePassword": {
    input: async (_f, caller) => {
      // Each call leaves the password as it found it, so repeated calls stay valid.
      const next = `Changed-${randomUUID().slice(0, 6)}-Aa1`;
      const { hashPassword } = await import("@/server/auth/password");
      await db.staffUser.update({ where: { id: caller.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });
      return { currentPassword: TEST_PASSWORD, newPassword: next };
    },
    isolation: "self",
  },
  "account.startTotpEnrolment": {
    input: async (_f, caller) => {
      await db.staffUser.update({ where: { id: caller.id }, data: { totpSecretEnc: null, totpEnabledAt: null } });
      return undefined;
    },
    isolation: "self",
  },
  "account.confirmTotpEnrolment": {
    input: async (_f, caller) => {
      const secret = newTotpSecret();
      await db.staffUser.update({
        where: { id: caller.id },
        data: { totpSecretEnc: null, totpEnabledAt: null, totpPendingSecretEnc: encryptSecret(secret), totpLastStep: null },
      });
      return { code: await totpCode(secret) };
    },
    isolation: "self",
  },
  "account.disableTotp": {
    input: async (_f, caller) => {
      const secret = newTotpSecret();
      await db.staffUser.update({
        where: { id: caller.id },
        data: { totpSecretEnc: encryptSecret(secret), totpEnabledAt: new Date(), totpLastStep: null },
      });
      return { code: await totpCode(secret) };
    },
    refusedFor: { admin: "FORBIDDEN", platform_admin: "FORBIDDEN" },
    isolation: "self",
  },
  "account.logoutEverywhere": { input: () => undefined, isolation: "self" },

  // ── staff ────────────────────────────────────────────────────────────────────────────────────────
  "staff.list": {
    input: () => ({ page: 1, pageSize: 100 }),
    isolation: async (f, call) => {
      const all = (await call("staff.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] };
      expect(all.rows.length).toBeGreaterThan(0);
      expect(all.rows.map((r) => r.id)).not.toContain(f.targetB.id);
      const searched = (await call("staff.list", { page: 1, pageSize: 10, q: f.targetB.email })) as { total: number };
      expect(searched.total).toBe(0);
    },
  },
  "staff.create": {
    input: () => ({ email: uniqueEmail(), name: "New Member", role: "support" }),
    isolation: async (f, call) => {
      const email = uniqueEmail();
      await call("staff.create", { email, name: "Scoped", role: "support" });
      const created = await db.staffUser.findUniqueOrThrow({ where: { email } });
      expect(created.brandId).toBe(f.brandA.id);
    },
  },
  "staff.update": {
    input: (f) => ({ id: f.targetA.id, name: "Target A", role: "operations" }),
    isolation: refusesBrandBTarget("staff.update", { name: "Hijacked", role: "admin" }),
  },
  "staff.setStatus": {
    input: (f) => ({ id: f.targetA.id, status: "active" }),
    isolation: refusesBrandBTarget("staff.setStatus", { status: "disabled" }),
  },
  "staff.resetPassword": {
    input: (f) => ({ id: f.targetA.id }),
    isolation: refusesBrandBTarget("staff.resetPassword"),
  },
  "staff.resetTotp": {
    input: (f) => ({ id: f.targetA.id }),
    isolation: refusesBrandBTarget("staff.resetTotp"),
  },
  "staff.unlock": {
    input: (f) => ({ id: f.targetA.id }),
    isolation: refusesBrandBTarget("staff.unlock"),
  },

  // ── brand settings ───────────────────────────────────────────────────────────────────────────────
  "brand.get": {
    input: () => undefined,
    isolation: async (f, call) => {
      const settings = (await call("brand.get")) as { id: string };
      expect(settings.id).toBe(f.brandA.id);
    },
  },
  "brand.update": {
    input: () => ({ name: "Brand A", brokerCode: "BRANDA", primaryColor: "#112233", accentColor: "#445566", require2fa: false }),
    isolation: leavesBrandBUnchanged("brand.update", () => ({
      name: "Hijacked",
      brokerCode: "HIJACK",
      primaryColor: "#000000",
      accentColor: "#000000",
      require2fa: true,
    })),
  },
  "brand.setLogo": {
    input: () => ({ mime: "image/png", base64: PNG_1PX }),
    isolation: leavesBrandBUnchanged("brand.setLogo", () => ({ mime: "image/png", base64: PNG_1PX })),
  },
  "brand.removeLogo": {
    input: () => undefined,
    isolation: leavesBrandBUnchanged("brand.removeLogo", () => undefined),
  },
  "brand.exchangeCredentials": {
    input: () => undefined,
    isolation: async (f, call) => {
      const keyA = randomUUID();
      const keyB = randomUUID();
      for (const [id, apiKey] of [[f.brandA.id, keyA], [f.brandB.id, keyB]] as const) {
        await db.brand.update({
          where: { id },
          data: { okxApiKey: apiKey, okxSecretEnc: encryptSecret("S"), okxPassphraseEnc: encryptSecret("P"), okxCredentialsUpdatedAt: new Date() },
        });
      }
      const view = (await call("brand.exchangeCredentials")) as { apiKeyMasked: string | null };
      expect(view.apiKeyMasked).toBe(`${keyA.slice(0, 4)}…${keyA.slice(-4)}`);
    },
  },
  "brand.setExchangeCredentials": {
    input: () => okxKey(),
    isolation: leavesBrandBCredentialsUnchanged("brand.setExchangeCredentials", () => okxKey()),
  },
  "brand.clearExchangeCredentials": {
    input: () => undefined,
    isolation: leavesBrandBCredentialsUnchanged("brand.clearExchangeCredentials", () => undefined),
  },
  "brand.testExchangeConnection": {
    input: async (f) => {
      await brandAOnSimulator(f);
      return undefined;
    },
    isolation: async (f, call) => {
      await brandAOnSimulator(f);
      await leavesBrandBCredentialsUnchanged("brand.testExchangeConnection", () => undefined)(f, call);
    },
  },

  // ── audit ────────────────────────────────────────────────────────────────────────────────────────
  "audit.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const page = (await call("audit.list", { page: 1, pageSize: 100, entityId: f.targetB.id })) as { total: number };
      expect(page.total).toBe(0);
      const byAction = (await call("audit.list", { page: 1, pageSize: 10, action: f.actionOnlyInB })) as { total: number };
      expect(byAction.total).toBe(0);
      await expect(call("audit.list", { page: 1, pageSize: 10, platform: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  },
  "audit.facets": {
    input: () => undefined,
    isolation: async (f, call) => {
      const facets = (await call("audit.facets")) as { actions: string[] };
      expect(facets.actions).not.toContain(f.actionOnlyInB);
    },
  },
  "audit.verify": {
    input: () => undefined,
    isolation: async (_f, call) => {
      const report = (await call("audit.verify")) as { chains: number };
      expect(report.chains).toBe(1);
    },
  },

  // ── platform (platform admins only) ──────────────────────────────────────────────────────────────
  "platform.listBrands": { input: () => ({ page: 1, pageSize: 10 }), isolation: "platform" },
  "platform.createBrand": {
    input: () => {
      const slug = `b-${randomUUID().slice(0, 8)}`;
      return { name: `Brand ${slug}`, slug, brokerCode: null, primaryColor: "#2563eb", admin: { email: uniqueEmail(), name: "First Admin" } };
    },
    isolation: "platform",
  },
  "platform.setBrandStatus": {
    input: (f) => ({ id: f.brandA.id, status: "active" }),
    isolation: "platform",
  },
  ...CUSTOMER_CASES,
  ...KYC_CASES,
  ...JOB_CASES,
  ...SUBACCOUNT_CASES,
  ...API_KEY_CASES,
  ...DEPOSIT_CASES,
  ...TRADING_ACCOUNT_CASES,
  ...FUND_LOCK_CASES,
  ...HEALTH_CASES,
  ...RISK_CASES,
  ...BONUS_CASES,
  ...BREAKER_CASES,
  ...APPROVAL_CASES,
  ...PARTNER_KEY_CASES,
  ...ANNOUNCEMENT_CASES,
  ...MESSAGE_CASES,
  ...REBATE_CASES,
  ...REBATE_RECONCILIATION_CASES,
  ...FD_REBATE_CASES,
  ...WITHDRAWAL_CASES,
  ...EXCHANGE_ACTION_CASES,
  ...EXCHANGE_ACCOUNT_CASES,
  ...EMERGENCY_CASES,
};
