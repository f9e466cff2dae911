/**
 * Customers: the operations desk's records. Every query is scoped to the caller's brand; every change
 * carries the version the caller saw (a stale one is refused, never overwritten) and is audited in the
 * transaction that makes it. The list is keyset-paged SQL (./list-query.ts) so it stays fast at a million
 * customers per brand.
 */
import "server-only";
import type { z } from "zod";
import { COUNTRY_CODES } from "@/lib/countries";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma, type Db, type DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { KYC_SCENARIOS, OPEN_KYC_STATUSES, type KycStatus } from "@/lib/kyc/schemas";
import { closeRefusal } from "./close-guards";
import { decodeCursor, encodeCursor, type ListCursor } from "./cursor";
import {
  customerCountSql,
  customerPageSql,
  customerWhere,
  sortValueOf,
  totalCapFor,
  type CustomerListRecord,
  type Ordering,
  type PageRead,
} from "./list-query";
import type {
  CustomerStatus,
  ZAddCustomerNoteInput,
  ZCustomerExistsInput,
  ZCustomerId,
  ZCustomerListInput,
  ZCustomerStatusChangeInput,
  ZCustomerTimelineInput,
  ZRegisterCustomerInput,
  ZSetCustomerGroupInput,
  ZUpdateCustomerInput,
} from "@/lib/customers/schemas";
import type { CustomerDetail, CustomerKycSummary, CustomerNoteRow, CustomerPage, CustomerRow, CustomerTimelineEntry } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

// ── List ──────────────────────────────────────────────────────────────────────────────────────────

function toRow(r: CustomerListRecord): CustomerRow {
  return {
    id: r.id,
    uid: String(r.uid),
    email: r.email,
    phoneCountryCode: r.phoneCountryCode,
    phone: r.phone,
    name: r.name,
    country: r.country,
    language: r.language,
    status: r.status,
    kycLevel: r.kycLevel,
    groupId: r.groupId,
    groupName: r.groupName,
    tags: r.tags ?? [],
    registeredAt: r.registeredAt,
    registrationSource: r.registrationSource,
  };
}

const ordering = (q: In<typeof ZCustomerListInput>): Ordering => ({ sort: q.sort ?? "registeredAt", dir: q.dir });

const cursorAt = (o: Ordering, row: CustomerListRecord, direction: ListCursor["direction"]) =>
  encodeCursor({ ...o, value: sortValueOf(o.sort, row), id: row.id, direction });

const readPage = (db: Db, where: Prisma.Sql, o: Ordering, read: PageRead) =>
  db.$queryRaw<CustomerListRecord[]>(customerPageSql(where, o, read));

/**
 * One page of the brand's customers. Without a cursor the page is read with OFFSET (the first pages);
 * with one, by keyset from the cursor's row, so any depth costs the same. One extra row is read to know
 * whether there is a further page in the reading direction.
 */
export async function listCustomers(ctx: TenantContext, q: In<typeof ZCustomerListInput>): Promise<CustomerPage> {
  const o = ordering(q);
  const cursor = q.cursor ? decodeCursor(q.cursor, o) : null;
  const where = customerWhere(ctx.tenantId, q);
  const cap = totalCapFor(q);
  const size = q.pageSize;
  const backwards = cursor?.direction === "prev";
  const [fetched, [{ n: counted }]] = await Promise.all([
    cursor
      ? readPage(ctx.db, where, o, { edge: cursor, backwards, limit: size + 1 })
      : readPage(ctx.db, where, o, { offset: (q.page - 1) * size, limit: size + 1 }),
    ctx.db.$queryRaw<{ n: number }[]>(customerCountSql(where, cap)),
  ]);
  const totals = { total: Math.min(counted, cap), totalIsExact: counted <= cap };
  const page = (rows: CustomerListRecord[], number: number, hasNext: boolean, hasPrev: boolean): CustomerPage => ({
    rows: rows.map(toRow),
    page: number,
    pageSize: size,
    ...totals,
    nextCursor: hasNext && rows.length ? cursorAt(o, rows[rows.length - 1], "next") : null,
    prevCursor: hasPrev && rows.length ? cursorAt(o, rows[0], "prev") : null,
  });

  if (backwards) {
    const rows = fetched.slice(0, size).reverse();
    if (rows.length < size) {
      // Back at the start with a short page (rows before the cursor went away): show a full first page.
      const first = await readPage(ctx.db, where, o, { limit: size + 1 });
      return page(first.slice(0, size), 1, first.length > size, false);
    }
    const hasPrev = fetched.length > size;
    return page(rows, hasPrev ? q.page : 1, true, hasPrev);
  }
  return page(fetched.slice(0, size), q.page, fetched.length > size, cursor !== null || q.page > 1);
}

/** Every customer matching the filter, streamed in keyset batches (never OFFSET), for CSV export. */
export async function* iterateCustomers(
  ctx: TenantContext,
  q: In<typeof ZCustomerListInput>,
  batchSize = 1000,
): AsyncGenerator<CustomerRow> {
  const o = ordering(q);
  const where = customerWhere(ctx.tenantId, q);
  let edge: PageRead["edge"];
  for (;;) {
    const batch = await readPage(ctx.db, where, o, { edge, limit: batchSize });
    for (const row of batch) yield toRow(row);
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    edge = { value: sortValueOf(o.sort, last), id: last.id };
  }
}

// ── One customer ──────────────────────────────────────────────────────────────────────────────────

const customerSelect = {
  id: true,
  uid: true,
  email: true,
  phoneCountryCode: true,
  phone: true,
  name: true,
  country: true,
  language: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  kycLevel: true,
  groupId: true,
  group: { select: { name: true } },
  tags: true,
  registeredAt: true,
  registrationSource: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerSelect;

type CustomerRecord = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

/** Audit snapshot: the fields staff change, so before/after shows what moved. */
const snapshot = (c: CustomerRecord) => ({
  uid: c.uid,
  name: c.name,
  email: c.email,
  phoneCountryCode: c.phoneCountryCode,
  phone: c.phone,
  country: c.country,
  language: c.language,
  status: c.status,
  statusReason: c.statusReason,
  kycLevel: c.kycLevel,
  groupId: c.groupId,
  tags: c.tags,
  version: c.version,
});

const isOpen = (status: KycStatus) => (OPEN_KYC_STATUSES as readonly KycStatus[]).includes(status);

async function kycSummary(db: Db | DbTx, tenantId: string, customer: CustomerRecord): Promise<CustomerKycSummary> {
  const applications = await db.kycApplication.findMany({
    where: { brandId: tenantId, customerId: customer.id },
    select: { id: true, level: true, scenario: true, status: true, submittedAt: true, decidedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const open = applications.find((a) => isOpen(a.status));
  return {
    level: customer.kycLevel,
    openApplication: open ? { id: open.id, level: open.level, scenario: open.scenario, status: open.status, submittedAt: open.submittedAt } : null,
    scenarios: KYC_SCENARIOS.map((scenario) => {
      const approved = applications
        .filter((a) => a.scenario === scenario && a.status === "approved")
        .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0];
      return { scenario, passed: Boolean(approved), approvedLevel: approved?.level ?? null, approvedAt: approved?.decidedAt ?? null };
    }),
  };
}

async function toDetail(db: Db | DbTx, tenantId: string, c: CustomerRecord): Promise<CustomerDetail> {
  const { group, uid, ...rest } = c;
  return { ...rest, uid: uid.toString(), groupName: group?.name ?? null, kyc: await kycSummary(db, tenantId, c) };
}

async function loadCustomer(db: Db | DbTx, ctx: TenantContext, id: string): Promise<CustomerRecord> {
  const customer = await db.customer.findFirst({ where: { id, brandId: ctx.tenantId }, select: customerSelect });
  if (!customer) throw notFound("Customer");
  return customer;
}

export async function getCustomer(ctx: TenantContext, input: In<typeof ZCustomerId>): Promise<CustomerDetail> {
  return toDetail(ctx.db, ctx.tenantId, await loadCustomer(ctx.db, ctx, input.id));
}

// ── Timeline ──────────────────────────────────────────────────────────────────────────────────────

const encodeTimelineCursor = (at: Date, id: bigint) => Buffer.from(JSON.stringify({ t: at.toISOString(), i: id.toString() })).toString("base64url");

function decodeTimelineCursor(text: string): { at: Date; id: bigint } {
  try {
    const { t, i } = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { t: unknown; i: unknown };
    if (typeof t === "string" && typeof i === "string" && /^\d{1,19}$/.test(i) && !Number.isNaN(Date.parse(t))) {
      return { at: new Date(t), id: BigInt(i) };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw invalid("cursor", "Invalid timeline cursor");
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
    select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, actorType: true, actorLabel: true, before: true, after: true },
  });
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
        before: r.before,
        after: r.after,
      })),
      ...signup,
    ],
    nextCursor: isLastPage ? null : encodeTimelineCursor(last.createdAt, last.id),
  };
}

// ── Registration and profile ──────────────────────────────────────────────────────────────────────

interface Contacts {
  email?: string | null;
  phoneCountryCode?: string | null;
  phone?: string | null;
}

/** Email and phone are unique per brand; the message names the customer who has them. */
async function assertContactsFree(db: Db | DbTx, ctx: TenantContext, c: Contacts, exceptId?: string) {
  const others = exceptId ? { id: { not: exceptId } } : {};
  if (c.email) {
    const owner = await db.customer.findFirst({ where: { brandId: ctx.tenantId, email: c.email, ...others }, select: { uid: true } });
    if (owner) throw invalid("email", `This email address already belongs to customer ${owner.uid}`);
  }
  if (c.phone && c.phoneCountryCode) {
    const owner = await db.customer.findFirst({
      where: { brandId: ctx.tenantId, phoneCountryCode: c.phoneCountryCode, phone: c.phone, ...others },
      select: { uid: true },
    });
    if (owner) throw invalid("phone", `This phone number already belongs to customer ${owner.uid}`);
  }
}

/**
 * Runs a write that may collide with a concurrent registration on email or phone: the unique index
 * refuses the second writer, which is then told which field, like the check before the write does.
 */
async function withContactRace<T>(ctx: TenantContext, c: Contacts, exceptId: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") await assertContactsFree(ctx.db, ctx, c, exceptId);
    throw error;
  }
}

function assertCountry(country: string) {
  if (!COUNTRY_CODES.includes(country)) throw invalid("country", "Choose a country");
}

async function assertGroupInBrand(tx: DbTx, ctx: TenantContext, groupId: string | null) {
  if (groupId === null) return;
  const group = await tx.customerGroup.findFirst({ where: { id: groupId, brandId: ctx.tenantId }, select: { id: true } });
  if (!group) throw invalid("groupId", "Choose one of the brand's customer groups");
}

const uniqueTags = (tags: string[]) => [...new Set(tags)];

const profileData = (input: In<typeof ZUpdateCustomerInput> | In<typeof ZRegisterCustomerInput>) => ({
  name: input.name,
  email: input.email ?? null,
  phoneCountryCode: input.phone ? (input.phoneCountryCode ?? null) : null,
  phone: input.phone ?? null,
  country: input.country,
  language: input.language,
  tags: uniqueTags(input.tags),
});

/** Seed 003 "检测客户信息是否存在": whether an email or phone already belongs to one of the brand's customers. */
export async function customerExists(
  ctx: TenantContext,
  input: In<typeof ZCustomerExistsInput>,
): Promise<{ exists: boolean; field: "email" | "phone" | null }> {
  const others = input.exceptId ? { id: { not: input.exceptId } } : {};
  if (input.email && (await ctx.db.customer.findFirst({ where: { brandId: ctx.tenantId, email: input.email, ...others }, select: { id: true } }))) {
    return { exists: true, field: "email" };
  }
  if (
    input.phone &&
    input.phoneCountryCode &&
    (await ctx.db.customer.findFirst({
      where: { brandId: ctx.tenantId, phoneCountryCode: input.phoneCountryCode, phone: input.phone, ...others },
      select: { id: true },
    }))
  ) {
    return { exists: true, field: "phone" };
  }
  return { exists: false, field: null };
}

/** The B-end "customer registration": staff register a customer on their behalf (source "backoffice"). */
export async function registerCustomer(ctx: TenantContext, input: In<typeof ZRegisterCustomerInput>): Promise<CustomerDetail> {
  assertCountry(input.country);
  const data = profileData(input);
  return withContactRace(ctx, data, undefined, () =>
    ctx.db.$transaction(async (tx) => {
      await assertGroupInBrand(tx, ctx, input.groupId);
      await assertContactsFree(tx, ctx, data);
      const created = await tx.customer.create({
        data: { ...data, brandId: ctx.tenantId, groupId: input.groupId, registrationSource: "backoffice" },
        select: customerSelect,
      });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "customer.register", entityType: "customer", entityId: created.id, after: snapshot(created) });
      return toDetail(tx, ctx.tenantId, created);
    }),
  );
}

const STALE_MESSAGE = "This customer was changed by someone else; reload and try again";

/**
 * The shape of every change: load in the brand, check the caller's version, compute the change, write it
 * only if the version is still the same (bumping it), audit before/after — all in one transaction.
 */
async function changeCustomer(
  ctx: TenantContext,
  input: { id: string; version: number },
  action: string,
  change: (tx: DbTx, before: CustomerRecord) => Promise<Prisma.CustomerUncheckedUpdateManyInput>,
): Promise<CustomerDetail> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadCustomer(tx, ctx, input.id);
    if (before.version !== input.version) throw new AppError("CONFLICT", STALE_MESSAGE);
    const data = await change(tx, before);
    const { count } = await tx.customer.updateMany({
      where: { id: before.id, brandId: ctx.tenantId, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", STALE_MESSAGE);
    const after = await loadCustomer(tx, ctx, before.id);
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action, entityType: "customer", entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return toDetail(tx, ctx.tenantId, after);
  });
}

/** Closing is final: a closed customer's record is kept as it was. */
function assertNotClosed(c: CustomerRecord) {
  if (c.status === "closed") throw new AppError("CONFLICT", `Customer ${c.uid} is closed; a closed customer cannot be changed`);
}

export async function updateCustomer(ctx: TenantContext, input: In<typeof ZUpdateCustomerInput>): Promise<CustomerDetail> {
  assertCountry(input.country);
  const data = profileData(input);
  return withContactRace(ctx, data, input.id, () =>
    changeCustomer(ctx, input, "customer.update", async (tx, before) => {
      assertNotClosed(before);
      await assertContactsFree(tx, ctx, data, before.id);
      return data;
    }),
  );
}

export async function setCustomerGroup(ctx: TenantContext, input: In<typeof ZSetCustomerGroupInput>): Promise<CustomerDetail> {
  return changeCustomer(ctx, input, "customer.set_group", async (tx, before) => {
    assertNotClosed(before);
    await assertGroupInBrand(tx, ctx, input.groupId);
    return { groupId: input.groupId };
  });
}

// ── Status ────────────────────────────────────────────────────────────────────────────────────────

interface Transition {
  action: string;
  from: readonly CustomerStatus[];
  to: CustomerStatus;
  /** Why the transition is refused from each status it does not start from. */
  refusal: Partial<Record<CustomerStatus, string>>;
}

const TRANSITIONS = {
  freeze: {
    action: "customer.freeze",
    from: ["active"],
    to: "frozen",
    refusal: { frozen: "This customer is already frozen", closed: "A closed customer cannot be frozen" },
  },
  unfreeze: {
    action: "customer.unfreeze",
    from: ["frozen"],
    to: "active",
    refusal: { active: "This customer is not frozen", closed: "A closed customer cannot be unfrozen" },
  },
  close: {
    action: "customer.close",
    from: ["active", "frozen"],
    to: "closed",
    refusal: { closed: "This customer is already closed" },
  },
} as const satisfies Record<string, Transition>;

function changeStatus(ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>, transition: Transition) {
  return changeCustomer(ctx, input, transition.action, async (tx, before) => {
    if (!transition.from.includes(before.status)) {
      throw new AppError("CONFLICT", transition.refusal[before.status] ?? `A customer who is ${before.status} cannot become ${transition.to}`);
    }
    if (transition.to === "closed") {
      const refusal = await closeRefusal(tx, { id: before.id, brandId: ctx.tenantId, uid: before.uid.toString() });
      if (refusal) throw new AppError("CONFLICT", `This customer cannot be closed: ${refusal}`);
    }
    return { status: transition.to, statusReason: input.reason, statusChangedAt: new Date() };
  });
}

/** active → frozen. */
export const freezeCustomer = (ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>) => changeStatus(ctx, input, TRANSITIONS.freeze);
/** frozen → active. */
export const unfreezeCustomer = (ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>) =>
  changeStatus(ctx, input, TRANSITIONS.unfreeze);
/** active | frozen → closed, for good; refused while a registered close guard objects. */
export const closeCustomer = (ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>) => changeStatus(ctx, input, TRANSITIONS.close);

// ── Notes ─────────────────────────────────────────────────────────────────────────────────────────

const noteSelect = { id: true, body: true, authorName: true, createdAt: true } satisfies Prisma.CustomerNoteSelect;

/** Newest first. */
export async function listCustomerNotes(ctx: TenantContext, input: In<typeof ZCustomerId>): Promise<CustomerNoteRow[]> {
  await loadCustomer(ctx.db, ctx, input.id);
  return ctx.db.customerNote.findMany({
    where: { brandId: ctx.tenantId, customerId: input.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: noteSelect,
  });
}

export async function addCustomerNote(ctx: TenantContext, input: In<typeof ZAddCustomerNoteInput>): Promise<CustomerNoteRow> {
  return ctx.db.$transaction(async (tx) => {
    await loadCustomer(tx, ctx, input.customerId);
    const note = await tx.customerNote.create({
      data: { brandId: ctx.tenantId, customerId: input.customerId, authorId: ctx.actor.id, authorName: ctx.actor.name, body: input.body },
      select: noteSelect,
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "customer.note_add",
      entityType: "customer",
      entityId: input.customerId,
      after: { noteId: note.id, body: note.body },
    });
    return note;
  });
}
