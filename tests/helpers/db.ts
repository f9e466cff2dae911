/**
 * Shared helpers for integration tests (`*.int.test.ts`), which run against the throwaway
 * `brokerdesk_test` database. Every call makes unique rows (random suffix), so tests never collide
 * and never need cleaning up.
 */
import { randomBytes } from "node:crypto";
import type { StaffActor } from "@/server/actor";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { newTotpSecret } from "@/server/auth/totp";
import { encryptSecret } from "@/server/crypto/secrets";
import { db, type Prisma } from "@/server/db/client";
import type { TrpcContext } from "@/server/trpc";

/** Password of every user made by `createTestStaff` unless one is given; meets the password policy. */
export const TEST_PASSWORD = "Test-Password-2026";

/** 10 random lower-case hex characters. */
export const uniqueSuffix = () => randomBytes(5).toString("hex");

let cachedHash: Promise<string> | undefined;
/** argon2id is deliberately slow: hash the shared test password once per test file. */
const passwordHash = (password: string) =>
  password === TEST_PASSWORD ? (cachedHash ??= hashPassword(TEST_PASSWORD)) : hashPassword(password);

/** A new active brand with a unique slug, name and broker code. */
export async function createTestBrand(overrides: Partial<Prisma.BrandUncheckedCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return db.brand.create({
    data: { slug: `test-${suffix}`, name: `Test Brand ${suffix}`, brokerCode: `T${suffix.toUpperCase()}`, ...overrides },
  });
}

export interface TestStaffOptions {
  /** null for a platform admin. */
  brandId: string | null;
  role: Role;
  /** Defaults to TEST_PASSWORD. */
  password?: string;
  /** Turn on TOTP with a fresh secret (returned as `totpSecret`). */
  totp?: boolean;
  /** Any other column, e.g. `{ status: "disabled" }` or `{ mustChangePassword: true }`. */
  data?: Partial<Prisma.StaffUserUncheckedCreateInput>;
}

/** A new staff user with a unique email; returns the row, its plain password and its TOTP secret if any. */
export async function createTestStaff({ brandId, role, password = TEST_PASSWORD, totp = false, data = {} }: TestStaffOptions) {
  const suffix = uniqueSuffix();
  const totpSecret = totp ? newTotpSecret() : null;
  const user = await db.staffUser.create({
    data: {
      brandId,
      role,
      email: `${role.replace("_", "-")}.${suffix}@brokerdesk.test`,
      name: `Test ${role} ${suffix}`,
      passwordHash: await passwordHash(password),
      ...(totpSecret ? { totpSecretEnc: encryptSecret(totpSecret), totpEnabledAt: new Date() } : {}),
      ...data,
    },
  });
  return { user, password, totpSecret };
}

type TestUser = { id: string; email: string; name: string; role: Role; brandId: string | null };

/**
 * The tRPC context a signed-in `user` gets: a real StaffSession row behind it, working on `tenantId`
 * (default: the user's own brand; give one for a platform admin). Pass it to `createCallerFactory(appRouter)`.
 */
export async function staffContext(user: TestUser, options: { tenantId?: string | null } = {}) {
  const request = { ip: "127.0.0.1", userAgent: "vitest" };
  const session = await db.staffSession.create({ data: { userId: user.id, ...request } });
  const actor: StaffActor = {
    type: "staff",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    brandId: user.brandId,
    sessionId: session.id,
  };
  const tenantId = options.tenantId === undefined ? user.brandId : options.tenantId;
  return { db, actor, tenantId, request, mustChangePassword: false } satisfies TrpcContext;
}
