/**
 * A customer's timeline: the audit entries about them and about what belongs to them, keyset-paged on
 * (time, id), closed by their own sign-up when no back-office registration entry exists.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { readCursor, writeCursor } from "../db/cursor";
import { invalid } from "../errors";
import type { ZCustomerTimelineInput } from "@/lib/customers/schemas";
import { isIsoTimestamp } from "@/lib/validation/dates";
import { isInt8Text } from "@/lib/validation/ids";
import { actorNames } from "../audit/names";
import { loadCustomer } from "./internal";
import type { CustomerTimelineEntry } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const encodeTimelineCursor = (at: Date, id: bigint) => writeCursor({ t: at.toISOString(), i: id.toString() });

/** Audit ids are int8: a longer number would overflow the query's bigint, not miss a row. */
function decodeTimelineCursor(text: string): { at: Date; id: bigint } {
  const { t, i } = readCursor(text, "customers.errors.invalidTimelineCursor");
  if (!isIsoTimestamp(t) || !isInt8Text(i)) throw invalid("cursor", "customers.errors.invalidTimelineCursor");
  return { at: new Date(t), id: BigInt(i) };
}

/**
 * Everything that happened to a customer, newest first: audit entries about the customer and about what
 * belongs to them — KYC applications, trading accounts (opened, adjusted, transfers), fund locks on those
 * accounts, bonus grants, and sub-accounts while they were linked to them — keyset-paged on (time, id).
 */
export async function customerTimeline(
  ctx: TenantContext,
  input: In<typeof ZCustomerTimelineInput>,
): Promise<{ entries: CustomerTimelineEntry[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeTimelineCursor(input.cursor) : null;
  const customer = await loadCustomer(ctx.db, ctx, input.id);
  const owned = { brandId: ctx.tenantId, customerId: input.id };
  const [applications, accounts, grants] = await Promise.all([
    ctx.db.kycApplication.findMany({ where: owned, select: { id: true } }),
    ctx.db.tradingAccount.findMany({ where: owned, select: { id: true } }),
    ctx.db.bonusGrant.findMany({ where: owned, select: { id: true } }),
  ]);
  const locks = accounts.length
    ? await ctx.db.fundLock.findMany({ where: { brandId: ctx.tenantId, tradingAccountId: { in: accounts.map((a) => a.id) } }, select: { id: true } })
    : [];
  const about = (entityType: string, records: { id: string }[]) => (records.length ? [{ entityType, entityId: { in: records.map((r) => r.id) } }] : []);
  const rows = await ctx.db.auditLog.findMany({
    where: {
      brandId: ctx.tenantId,
      OR: [
        { entityType: "customer", entityId: input.id },
        ...about("kyc_application", applications),
        ...about("trading_account", accounts),
        ...about("fund_lock", locks),
        ...about("bonus_grant", grants),
        // Sub-account entries carry the link before and after: those made while it was linked to them (or
        // that linked or unlinked them), not the history it had with another customer.
        {
          entityType: "subaccount",
          OR: [{ after: { path: ["customerId"], equals: input.id } }, { before: { path: ["customerId"], equals: input.id } }],
        },
      ],
      ...(after ? { AND: [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, actorType: true, actorId: true, actorLabel: true, before: true, after: true },
  });
  const names = await actorNames(ctx.db, rows);
  const entries = rows.slice(0, input.limit);
  const last = entries[entries.length - 1];
  const isLastPage = rows.length <= input.limit;
  // A customer who signed up on the web, app or API has no back-office registration entry: the record's
  // own registration time and source close the timeline instead.
  const signup: CustomerTimelineEntry[] =
    isLastPage && !entries.some((r) => r.action === "customer.register")
      ? [
          {
            id: `signup-${customer.id}`,
            at: customer.registeredAt,
            action: "customer.signup",
            entityType: "customer",
            entityId: customer.id,
            actorType: "customer",
            actorLabel: customer.name,
            actorName: customer.name,
            before: null,
            after: { registrationSource: customer.registrationSource },
          },
        ]
      : [];
  return {
    entries: [
      ...entries.map((r) => ({
        id: r.id.toString(),
        at: r.createdAt,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        actorType: r.actorType,
        actorLabel: r.actorLabel,
        actorName: r.actorType === "staff" && r.actorId ? (names.get(r.actorId) ?? null) : null,
        before: r.before,
        after: r.after,
      })),
      ...signup,
    ],
    nextCursor: isLastPage ? null : encodeTimelineCursor(last.createdAt, last.id),
  };
}
