/**
 * Foundation demo data: the two demo brands and one staff login per role per brand, plus the platform
 * admin (see ../demo-accounts.ts). Creates what is missing and leaves existing rows alone, so re-running
 * never duplicates and never resets a password someone changed. Each creation is audited, as the
 * "seed" system actor, in the transaction that makes it.
 */
import { systemActor, type RequestMeta } from "../../server/actor";
import { recordAudit } from "../../server/audit/audit";
import { hashPassword } from "../../server/auth/password";
import { encryptSecret } from "../../server/crypto/secrets";
import { Prisma, type Db } from "../../server/db/client";
import { DEMO_ACCOUNTS, DEMO_BRANDS, DEMO_PASSWORD } from "../demo-accounts";

const who = { actor: systemActor("seed"), request: { ip: null, userAgent: null } satisfies RequestMeta };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function seedFoundation(db: Db): Promise<string> {
  let brandsCreated = 0;
  let staffCreated = 0;
  const brandIds = new Map<string, string>();

  for (const demo of DEMO_BRANDS) {
    const existing = await db.brand.findUnique({ where: { slug: demo.slug }, select: { id: true } });
    if (existing) {
      brandIds.set(demo.slug, existing.id);
      continue;
    }
    try {
      const brand = await db.$transaction(async (tx) => {
        const created = await tx.brand.create({
          data: { slug: demo.slug, name: demo.name, brokerCode: demo.brokerCode, primaryColor: demo.primaryColor },
          select: { id: true, slug: true, name: true, brokerCode: true, primaryColor: true, accentColor: true, status: true },
        });
        await recordAudit(tx, who, { brandId: null, action: "brand.create", entityType: "brand", entityId: created.id, after: created });
        return created;
      });
      brandIds.set(demo.slug, brand.id);
      brandsCreated++;
    } catch (error) {
      // A concurrent seed got there first.
      if (!isUniqueViolation(error)) throw error;
      const raced = await db.brand.findUniqueOrThrow({ where: { slug: demo.slug }, select: { id: true } });
      brandIds.set(demo.slug, raced.id);
    }
  }

  for (const account of DEMO_ACCOUNTS) {
    if (await db.staffUser.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    const brandId = account.brandSlug ? brandIds.get(account.brandSlug) ?? null : null;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    try {
      await db.$transaction(async (tx) => {
        const user = await tx.staffUser.create({
          data: {
            brandId,
            email: account.email,
            name: account.name,
            role: account.role,
            passwordHash,
            ...(account.totpSecret ? { totpSecretEnc: encryptSecret(account.totpSecret), totpEnabledAt: new Date() } : {}),
          },
          select: { id: true, brandId: true, email: true, name: true, role: true, status: true },
        });
        await recordAudit(tx, who, {
          brandId: user.brandId,
          action: "staff.create",
          entityType: "staff_user",
          entityId: user.id,
          after: { ...user, secondFactor: Boolean(account.totpSecret) },
        });
      });
      staffCreated++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  const brandsKept = DEMO_BRANDS.length - brandsCreated;
  const staffKept = DEMO_ACCOUNTS.length - staffCreated;
  return `foundation: ${brandsCreated} brands and ${staffCreated} staff created, ${brandsKept} brands and ${staffKept} staff already there`;
}
