/**
 * The checks and the profile data that registration (./register.ts) and profile edits (./profile.ts)
 * share: contacts unique per brand (also when two writers race), a known country, a group of the brand.
 */
import "server-only";
import type { z } from "zod";
import { COUNTRY_CODES } from "@/lib/countries";
import type { BrandContext } from "../actor";
import { Prisma, type Db, type DbTx } from "../db/client";
import { invalid } from "../errors";
import type { ZRegisterCustomerInput, ZUpdateCustomerInput } from "@/lib/customers/schemas";

type In<T extends z.ZodType> = z.infer<T>;

interface Contacts {
  email?: string | null;
  phoneCountryCode?: string | null;
  phone?: string | null;
}

/** Email and phone are unique per brand; the message names the customer who has them. */
export async function assertContactsFree(db: Db | DbTx, ctx: BrandContext, c: Contacts, exceptId?: string) {
  const others = exceptId ? { id: { not: exceptId } } : {};
  if (c.email) {
    const owner = await db.customer.findFirst({ where: { brandId: ctx.tenantId, email: c.email, ...others }, select: { uid: true } });
    if (owner) throw invalid("email", "customers.errors.emailTaken", { uid: owner.uid.toString() });
  }
  if (c.phone && c.phoneCountryCode) {
    const owner = await db.customer.findFirst({
      where: { brandId: ctx.tenantId, phoneCountryCode: c.phoneCountryCode, phone: c.phone, ...others },
      select: { uid: true },
    });
    if (owner) throw invalid("phone", "customers.errors.phoneTaken", { uid: owner.uid.toString() });
  }
}

/**
 * Runs a write that may collide with a concurrent registration on email or phone: the unique index
 * refuses the second writer, which is then told which field, like the check before the write does.
 */
export async function withContactRace<T>(ctx: BrandContext, c: Contacts, exceptId: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") await assertContactsFree(ctx.db, ctx, c, exceptId);
    throw error;
  }
}

export function assertCountry(country: string) {
  if (!COUNTRY_CODES.includes(country)) throw invalid("country", "customers.errors.unknownCountry");
}

export async function assertGroupInBrand(tx: DbTx, ctx: BrandContext, groupId: string | null) {
  if (groupId === null) return;
  const group = await tx.customerGroup.findFirst({ where: { id: groupId, brandId: ctx.tenantId }, select: { id: true } });
  if (!group) throw invalid("groupId", "customers.errors.groupNotInBrand");
}

const uniqueTags = (tags: string[]) => [...new Set(tags)];

export const profileData = (input: In<typeof ZUpdateCustomerInput> | In<typeof ZRegisterCustomerInput>) => ({
  name: input.name,
  email: input.email ?? null,
  phoneCountryCode: input.phone ? (input.phoneCountryCode ?? null) : null,
  phone: input.phone ?? null,
  country: input.country,
  language: input.language,
  tags: uniqueTags(input.tags),
});
