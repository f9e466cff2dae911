/**
 * Puts names to audit rows, a page at a time: the staff member who acted, the record the entry is about
 * (with a link to where it is shown) and the customer that record belongs to. One query per kind of
 * record on the page, each scoped to the brand whose log is read; a record that is gone is named from
 * the entry's own snapshot.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";
import { auditEntityHref, type AuditRef } from "@/lib/audit/present";
import { titleOf } from "../announcements/content";

type Reader = Db | DbTx;

export interface NamedRef {
  ref: AuditRef;
  customer?: { id: string; name: string };
}

interface RowLike {
  actorType: string;
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Names of the staff who acted (a platform admin acting in a brand included). */
export async function actorNames(db: Reader, rows: Pick<RowLike, "actorType" | "actorId">[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.filter((r) => r.actorType === "staff" && r.actorId).map((r) => r.actorId!))];
  if (ids.length === 0) return new Map();
  const staff = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

const customerRef = (c: { id: string; name: string }) => ({ id: c.id, name: c.name });
const ref = (entityType: string, id: string, label: string): AuditRef => ({ label, href: auditEntityHref(entityType, id) });

type Resolver = (db: Reader, brandId: string, ids: string[]) => Promise<[string, NamedRef][]>;

/** Per kind of record: its label, its page and, for what a customer owns, the customer. */
const RESOLVERS: Record<string, Resolver> = {
  customer: async (db, brandId, ids) =>
    (await db.customer.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, { ref: ref("customer", c.id, c.name) }]),
  // Named by the applicant, linked to the application (which shows the customer): no second customer link.
  kyc_application: async (db, brandId, ids) =>
    (await db.kycApplication.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, customer: { select: { name: true } } } })).map((a) => [
      a.id,
      { ref: ref("kyc_application", a.id, a.customer.name) },
    ]),
  bonus_campaign: async (db, brandId, ids) =>
    (await db.bonusCampaign.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, { ref: ref("bonus_campaign", c.id, c.name) }]),
  bonus_grant: async (db, brandId, ids) =>
    (await db.bonusGrant.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, amount: true, currency: true, campaignId: true, customer: { select: { id: true, name: true } } } })).map((g) => [
      g.id,
      { ref: { label: `${g.amount.toString()} ${g.currency}`, href: g.campaignId ? auditEntityHref("bonus_campaign", g.campaignId) : null }, customer: customerRef(g.customer) },
    ]),
  bonus_grant_batch: async (db, brandId, ids) =>
    (await db.bonusGrantBatch.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, fileName: true, campaignId: true } })).map((b) => [
      b.id,
      { ref: { label: b.fileName, href: b.campaignId ? auditEntityHref("bonus_campaign", b.campaignId) : null } },
    ]),
  subaccount: async (db, brandId, ids) =>
    (await db.subaccount.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, subAcct: true, customer: { select: { id: true, name: true } } } })).map((s) => [
      s.id,
      { ref: ref("subaccount", s.id, s.subAcct), ...(s.customer ? { customer: customerRef(s.customer) } : {}) },
    ]),
  subaccount_api_key: async (db, brandId, ids) =>
    (await db.subaccountApiKey.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, label: true, subaccount: { select: { id: true, subAcct: true, customer: { select: { id: true, name: true } } } } } })).map((k) => [
      k.id,
      { ref: { label: `${k.label} (${k.subaccount.subAcct})`, href: auditEntityHref("subaccount", k.subaccount.id) }, ...(k.subaccount.customer ? { customer: customerRef(k.subaccount.customer) } : {}) },
    ]),
  partner_key: async (db, brandId, ids) =>
    (await db.partnerKey.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, label: true, accessKey: true } })).map((k) => [
      k.id,
      { ref: { label: `${k.label} (${k.accessKey})`, href: auditEntityHref("partner_key", k.id) } },
    ]),
  announcement: async (db, brandId, ids) =>
    (await db.announcement.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, content: true } })).map((a) => [a.id, { ref: ref("announcement", a.id, titleOf(a.content)) }]),
  deposit_address: async (db, brandId, ids) =>
    (await db.depositAddress.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, ccy: true, chain: true, subaccount: { select: { id: true } } } })).map((d) => [
      d.id,
      { ref: { label: `${d.ccy} ${d.chain}`, href: auditEntityHref("subaccount", d.subaccount.id) } },
    ]),
  trading_account: async (db, brandId, ids) =>
    (await db.tradingAccount.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, currency: true, type: true, customer: { select: { id: true, name: true } } } })).map((a) => [
      a.id,
      { ref: { label: `${a.currency} ${a.type}`, href: `${auditEntityHref("customer", a.customer.id)}?tab=trading-accounts` }, customer: customerRef(a.customer) },
    ]),
  fund_lock: async (db, brandId, ids) =>
    (await db.fundLock.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, tradingAccount: { select: { currency: true, type: true, customer: { select: { id: true, name: true } } } } } })).map((l) => [
      l.id,
      {
        ref: { label: `${l.tradingAccount.currency} ${l.tradingAccount.type}`, href: `${auditEntityHref("customer", l.tradingAccount.customer.id)}?tab=fund-locks` },
        customer: customerRef(l.tradingAccount.customer),
      },
    ]),
  staff_user: async (db, brandId, ids) =>
    (await db.staffUser.findMany({ where: { id: { in: ids }, OR: [{ brandId }, { brandId: null }] }, select: { id: true, name: true } })).map((s) => [s.id, { ref: ref("staff_user", s.id, s.name) }]),
  customer_group: async (db, brandId, ids) =>
    (await db.customerGroup.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, name: true } })).map((g) => [g.id, { ref: ref("customer_group", g.id, g.name) }]),
  kyc_rejection_reason: async (db, brandId, ids) =>
    (await db.kycRejectionReason.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, label: true } })).map((r) => [r.id, { ref: ref("kyc_rejection_reason", r.id, r.label) }]),
  brand: async (db, brandId, ids) =>
    (await db.brand.findMany({ where: { id: { in: ids.filter((id) => id === brandId) } }, select: { id: true, name: true } })).map((b) => [b.id, { ref: { label: b.name, href: "/settings/brand" } }]),
};

/** On the platform chain only brands and staff are named: brands link to the platform's brand list. */
const PLATFORM_RESOLVERS: Record<string, (db: Reader, ids: string[]) => Promise<[string, NamedRef][]>> = {
  brand: async (db, ids) =>
    (await db.brand.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((b) => [b.id, { ref: { label: b.name, href: "/platform/brands" } }]),
  staff_user: async (db, ids) =>
    (await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, { ref: ref("staff_user", s.id, s.name) }]),
};

export const entityKey = (entityType: string, id: string) => `${entityType}:${id}`;
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The records a page of rows is about, resolved in the brand (`brandId`), or on the platform chain (null). */
export async function entityNames(db: Reader, brandId: string | null, rows: RowLike[]): Promise<Map<string, NamedRef>> {
  const wanted = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.entityId || !isUuid(r.entityId)) continue;
    if (!wanted.has(r.entityType)) wanted.set(r.entityType, new Set());
    wanted.get(r.entityType)!.add(r.entityId);
  }
  const found = await Promise.all(
    [...wanted].map(async ([entityType, ids]) => {
      const list = [...ids];
      const named = brandId === null ? await PLATFORM_RESOLVERS[entityType]?.(db, list) : await RESOLVERS[entityType]?.(db, brandId, list);
      return (named ?? []).map(([id, n]) => [entityKey(entityType, id), n] as const);
    }),
  );
  return new Map(found.flat());
}

/** A record's name from the entry itself, for what no longer exists (a deleted group, an unknown id). */
export function snapshotLabel(before: unknown, after: unknown): string | null {
  for (const snap of [after, before]) {
    if (snap && typeof snap === "object" && !Array.isArray(snap)) {
      const s = snap as Record<string, unknown>;
      for (const field of ["name", "label", "subAcct", "fileName", "email", "code"]) if (typeof s[field] === "string" && s[field]) return s[field] as string;
    }
  }
  return null;
}

