/**
 * Who a message goes to, as one SQL condition on `customer c`: the brand first, closed customers never,
 * then the audience — one customer, a list of uids, a group, a saved segment (a customers-list filter,
 * the list's own WHERE) or everyone. The same condition counts the audience before sending and takes the
 * snapshot when sending starts, so the number shown is the rule that is sent.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { customerWhere } from "../customers/list-query";
import { Prisma, type Db, type DbTx } from "../db/client";
import { AppError, invalid } from "../errors";
import { ZSegmentFilter, type Audience } from "@/lib/messages/schemas";

/** An audience with its segment's filter read: what the snapshot statement is built from. */
export type ResolvedAudience = Exclude<Audience, { kind: "segment" }> | { kind: "segment"; segmentId: string; filter: Prisma.JsonValue };

export async function resolveAudience(db: Db | DbTx, tenantId: string, audience: Audience): Promise<ResolvedAudience> {
  if (audience.kind !== "segment") return audience;
  const segment = await db.messageSegment.findFirst({ where: { id: audience.segmentId, brandId: tenantId }, select: { filter: true } });
  if (!segment) throw invalid("audience.segmentId", "messages.errors.segmentNotFound");
  return { ...audience, filter: segment.filter };
}

/** The condition on `customer c` (brand and not closed included). */
export function audienceWhere(tenantId: string, audience: ResolvedAudience): Prisma.Sql {
  const base = Prisma.sql`c.brand_id = ${tenantId}::uuid AND c.status <> 'closed'::"CustomerStatus"`;
  switch (audience.kind) {
    case "customer":
      return Prisma.sql`${base} AND c.id = ${audience.customerId}::uuid`;
    case "uids":
      return Prisma.sql`${base} AND c.uid = ANY(${audience.uids}::bigint[])`;
    case "group":
      return Prisma.sql`${base} AND c.group_id = ${audience.groupId}::uuid`;
    case "segment": {
      // A segment saved before a filter changed shape still reads: what no longer parses is refused, not guessed.
      const filter = ZSegmentFilter.safeParse(audience.filter);
      if (!filter.success) throw invalid("audience.segmentId", "messages.errors.segmentOutdated");
      return Prisma.sql`${customerWhere(tenantId, filter.data)} AND c.status <> 'closed'::"CustomerStatus"`;
    }
    case "everyone":
      return base;
  }
}

/** Refuses a group, customer or segment that is not the brand's (or a closed customer); returns the audience to query. */
export async function checkedAudience(db: Db | DbTx, ctx: BrandContext, audience: Audience): Promise<ResolvedAudience> {
  if (audience.kind === "group") {
    const group = await db.customerGroup.findFirst({ where: { id: audience.groupId, brandId: ctx.tenantId }, select: { id: true } });
    if (!group) throw invalid("audience.groupId", "messages.errors.groupNotFound");
  }
  if (audience.kind === "customer") {
    const customer = await db.customer.findFirst({ where: { id: audience.customerId, brandId: ctx.tenantId }, select: { status: true } });
    if (!customer) throw invalid("audience.customerId", "messages.errors.customerNotFound");
    if (customer.status === "closed") throw new AppError("CONFLICT", "messages.errors.customerClosed", { field: "audience.customerId" });
  }
  return resolveAudience(db, ctx.tenantId, audience);
}

/** How many customers the audience reaches now. A group or segment of another brand is refused. */
export async function countAudience(db: Db | DbTx, ctx: BrandContext, audience: Audience): Promise<number> {
  const resolved = await checkedAudience(db, ctx, audience);
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM customer c WHERE ${audienceWhere(ctx.tenantId, resolved)}`;
  return Number(row?.n ?? 0);
}

export interface UidCheck {
  /** Uids that will receive the message. */
  valid: number;
  /** Listed more than once (sent once). */
  duplicates: string[];
  /** Not a customer of this brand — unknown anywhere or another brand's: the two are not told apart. */
  unknown: string[];
  /** Closed customers (not sent). */
  closed: string[];
}

const SAMPLE = 50;

/** What a CSV of uids holds, before sending: reported, never sent to the ones that do not qualify. */
export async function checkUids(db: Db, ctx: BrandContext, uids: readonly string[]): Promise<UidCheck & { counts: { duplicates: number; unknown: number; closed: number } }> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const uid of uids) (seen.has(uid) ? duplicates : seen).add(uid);
  const distinct = [...seen];
  const rows = await db.$queryRaw<{ uid: string; status: string }[]>`
    SELECT c.uid::text AS uid, c.status::text AS status FROM customer c
    WHERE c.brand_id = ${ctx.tenantId}::uuid AND c.uid = ANY(${distinct}::bigint[])`;
  const found = new Map(rows.map((r) => [r.uid, r.status]));
  const unknown = distinct.filter((uid) => !found.has(String(BigInt(uid))));
  const closed = rows.filter((r) => r.status === "closed").map((r) => r.uid);
  return {
    valid: rows.length - closed.length,
    duplicates: [...duplicates].slice(0, SAMPLE),
    unknown: unknown.slice(0, SAMPLE),
    closed: closed.slice(0, SAMPLE),
    counts: { duplicates: duplicates.size, unknown: unknown.length, closed: closed.length },
  };
}
