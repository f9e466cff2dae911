/**
 * The customer list against real PostgreSQL: each filter and search kind, each sort, keyset paging both
 * ways (equal to OFFSET order, with ties in registered_at), cursor validation, the capped total, the
 * export iterator and brand scoping.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { CUSTOMER_TOTAL_CAP, SEARCH_TOTAL_CAP, customerPageSql, customerWhere } from "@/server/customers/list-query";
import type { CustomerListInput } from "@/lib/customers/schemas";
import { iterateCustomers } from "@/server/customers/list";
import type { CustomerPage } from "@/server/customers/types";
import { db, type Prisma } from "@/server/db/client";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
type Customer = Prisma.CustomerGetPayload<object>;
type ListQuery = Partial<CustomerListInput>;

const NAMES = ["Liang Wei", "梁伟", "王芳", "Anna Müller", "Zoë O'Brien", "liang weiming", "Ahmed Al Mansouri", "Sato Yuki", "Emma 50% Off"];
const COUNTRIES = ["CN", "SG", "GB", "DE"];
const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.UTC(2026, 0, 1, 9, 30);

async function caller(brandId: string) {
  const { user } = await createTestStaff({ brandId, role: "operations" });
  const ctx = await staffContext(user, { tenantId: brandId });
  return { caller: createCaller(ctx), ctx: ctx as TenantContext };
}

/** The rows the list should return for these rules, in the list's order (uuid and C-collation order = JS string order). */
function expected(all: Customer[], keep: (c: Customer) => boolean, sort: "registeredAt" | "uid" | "name" = "registeredAt", dir: "asc" | "desc" = "desc") {
  const sign = dir === "asc" ? 1 : -1;
  const cmp = (a: string | number | bigint, b: string | number | bigint) => (a < b ? -1 : a > b ? 1 : 0);
  return all
    .filter(keep)
    .sort((a, b) => {
      const primary =
        sort === "registeredAt" ? cmp(a.registeredAt.getTime(), b.registeredAt.getTime()) : sort === "uid" ? cmp(a.uid, b.uid) : cmp(a.name, b.name);
      return sign * (primary || cmp(a.id, b.id));
    })
    .map((c) => c.id);
}

const idsOf = (page: CustomerPage) => page.rows.map((r) => r.id);

/** Every row of the query, following nextCursor from page 1. */
async function walkForward(c: Caller, query: ListQuery, pageSize = 10) {
  const pages: CustomerPage[] = [];
  let page = await c.customer.list({ ...query, pageSize, page: 1 });
  pages.push(page);
  while (page.nextCursor) {
    page = await c.customer.list({ ...query, pageSize, page: page.page + 1, cursor: page.nextCursor });
    pages.push(page);
  }
  return pages;
}

describe("customer list", () => {
  let brandId: string;
  let list: Caller;
  let ctx: TenantContext;
  let all: Customer[];
  let groups: { a: string; b: string };
  let other: Customer[];

  beforeAll(async () => {
    const brand = await createTestBrand();
    const brandB = await createTestBrand();
    brandId = brand.id;
    ({ caller: list, ctx } = await caller(brandId));
    const suffix = uniqueSuffix();
    const [ga, gb] = await Promise.all([
      db.customerGroup.create({ data: { brandId, name: "VIP" } }),
      db.customerGroup.create({ data: { brandId, name: "Institutional" } }),
    ]);
    groups = { a: ga.id, b: gb.id };
    await db.customer.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        brandId,
        name: NAMES[i % NAMES.length],
        email: i % 9 === 0 ? null : `c${i}.${suffix}@Example.test`.toLowerCase(),
        phoneCountryCode: i % 4 === 0 ? "+86" : i % 4 === 1 ? "+65" : null,
        phone: i % 4 === 0 ? `138${String(i).padStart(8, "0")}` : i % 4 === 1 ? `9${String(i).padStart(7, "0")}` : null,
        country: COUNTRIES[i % COUNTRIES.length],
        status: i % 15 === 0 ? "closed" : i % 10 === 0 ? "frozen" : "active",
        kycLevel: i % 4,
        groupId: i % 3 === 0 ? ga.id : i % 3 === 1 ? gb.id : null,
        tags: i % 7 === 0 ? ["vip", "api-trader"] : i % 5 === 0 ? ["vip"] : [],
        // Three customers per day, registered at the very same instant: ties the keyset must break by id.
        registeredAt: new Date(BASE + Math.floor(i / 3) * DAY),
        registrationSource: "web",
      })),
    });
    all = await db.customer.findMany({ where: { brandId } });
    // Brand B has customers with the same names and one of the same emails: never listed in brand A.
    await db.customer.createMany({
      data: NAMES.map((name, i) => ({
        brandId: brandB.id,
        name,
        email: i === 0 ? all.find((c) => c.email)!.email : `b${i}.${suffix}@example.test`,
        country: "CN",
        registrationSource: "app",
        registeredAt: new Date(BASE + i * DAY),
      })),
    });
    other = await db.customer.findMany({ where: { brandId: brandB.id }, orderBy: { registeredAt: "asc" } });
  });

  const everything = async (query: ListQuery) => (await walkForward(list, query, 100)).flatMap(idsOf);

  it("lists the brand's customers newest first, with their group names", async () => {
    const page = await list.customer.list({ page: 1, pageSize: 10 });
    expect(idsOf(page)).toEqual(expected(all, () => true).slice(0, 10));
    expect(page).toMatchObject({ page: 1, pageSize: 10, total: 57, totalIsExact: true, prevCursor: null });
    const inGroup = page.rows.find((r) => r.groupId === groups.a)!;
    expect(inGroup.groupName).toBe("VIP");
    expect(typeof inGroup.uid).toBe("string");
    expect(inGroup.registeredAt).toBeInstanceOf(Date);
  });

  it("filters by each field, and by several values of one", async () => {
    const cases: [ListQuery, (c: Customer) => boolean][] = [
      [{ status: ["frozen"] }, (c) => c.status === "frozen"],
      [{ status: ["frozen", "closed"] }, (c) => c.status !== "active"],
      [{ kycLevel: ["2"] }, (c) => c.kycLevel === 2],
      [{ kycLevel: ["0", "3"] }, (c) => c.kycLevel === 0 || c.kycLevel === 3],
      [{ group: [groups.a] }, (c) => c.groupId === groups.a],
      [{ group: ["none"] }, (c) => c.groupId === null],
      [{ group: [groups.b, "none"] }, (c) => c.groupId === groups.b || c.groupId === null],
      [{ country: ["GB"] }, (c) => c.country === "GB"],
      [{ country: ["CN", "DE"] }, (c) => c.country === "CN" || c.country === "DE"],
      [{ tag: "vip" }, (c) => c.tags.includes("vip")],
      [{ tag: "api-trader" }, (c) => c.tags.includes("api-trader")],
      [{ registeredFrom: new Date(BASE + 3 * DAY) }, (c) => c.registeredAt.getTime() >= BASE + 3 * DAY],
      // A date-only "to" includes that whole day.
      [{ registeredTo: new Date(Date.UTC(2026, 0, 3)) }, (c) => c.registeredAt.getTime() < Date.UTC(2026, 0, 4)],
      [
        { status: ["active"], kycLevel: ["1"], country: ["SG"], group: [groups.b] },
        (c) => c.status === "active" && c.kycLevel === 1 && c.country === "SG" && c.groupId === groups.b,
      ],
    ];
    for (const [query, keep] of cases) {
      const want = expected(all, keep);
      expect(want.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(await everything(query), JSON.stringify(query)).toEqual(want);
      expect((await list.customer.list({ ...query, page: 1, pageSize: 10 })).total).toBe(want.length);
    }
  });

  it("parses the filters from URL text, as the page and the export send them", async () => {
    const fromUrl = await list.customer.list({ status: "frozen,closed", kycLevel: "0,3", country: "cn,de" } as never);
    expect(idsOf(fromUrl)).toEqual(
      expected(all, (c) => c.status !== "active" && [0, 3].includes(c.kycLevel) && ["CN", "DE"].includes(c.country)).slice(0, 20),
    );
  });

  it("searches by uid, phone, email and name", async () => {
    const withPhone = all.find((c) => c.phoneCountryCode === "+86")!;
    const sgPhones = all.filter((c) => c.phoneCountryCode === "+65");
    const withEmail = all.find((c) => c.email)!;
    const cases: [string, (c: Customer) => boolean][] = [
      [all[5].uid.toString(), (c) => c.id === all[5].id],
      [withPhone.phone!, (c) => c.id === withPhone.id],
      // The start of a national number, with or without spaces.
      ["1380000", (c) => c.phone?.startsWith("1380000") ?? false],
      ["138 0000 001", (c) => c.phone?.startsWith("1380000001") ?? false],
      // With the calling code.
      [`+86 ${withPhone.phone!.slice(0, 6)}`, (c) => c.phoneCountryCode === "+86" && c.phone!.startsWith(withPhone.phone!.slice(0, 6))],
      ["+65", (c) => c.phoneCountryCode === "+65"],
      [`+65${sgPhones[0].phone}`, (c) => c.id === sgPhones[0].id],
      // A whole address, any case: exactly that customer.
      [withEmail.email!.toUpperCase(), (c) => c.id === withEmail.id],
      // Part of an address.
      [`${withEmail.email!.split("@")[0]}@`, (c) => c.email?.startsWith(`${withEmail.email!.split("@")[0]}@`) ?? false],
      // Part of a name, any case.
      ["liang wei", (c) => c.name.toLowerCase().includes("liang wei")],
      ["MÜLLER", (c) => c.name.includes("Müller")],
      // One or two characters: the start of a name (any case) or of an email.
      ["梁伟", (c) => c.name.startsWith("梁伟")],
      ["王", (c) => c.name.startsWith("王")],
      ["li", (c) => c.name.toLowerCase().startsWith("li") || (c.email?.startsWith("li") ?? false)],
      ["Mü", (c) => c.name.toLowerCase().startsWith("mü") || (c.email?.startsWith("mü") ?? false)],
      // LIKE wildcards are characters here, not patterns.
      ["50%", (c) => c.name.includes("50%")],
      ["_", (c) => c.name.startsWith("_") || (c.email?.startsWith("_") ?? false)],
    ];
    for (const [q, keep] of cases) {
      const want = expected(all, keep);
      expect(await everything({ q }), q).toEqual(want);
    }
    expect(await everything({ q: "+0999" })).toEqual([]);
  });

  it("finds a phone typed with its calling code but no +, and by its last digits", async () => {
    const brand = await createTestBrand();
    const { caller: c } = await caller(brand.id);
    const phones = [
      ["+86", "13927640132", "孙军"],
      ["+86", "13927649999", "孙丽"],
      ["+65", "91230132", "Tan Wei"],
      ["+1", "4155550132", "Ann Lee"],
      ["+44", "7700900123", "Tom Hall"],
    ] as const;
    await db.customer.createMany({
      data: phones.map(([phoneCountryCode, phone, name], i) => ({
        brandId: brand.id, name, phoneCountryCode, phone, country: "CN", registrationSource: "web" as const, registeredAt: new Date(BASE + i * DAY),
      })),
    });
    const rows = await db.customer.findMany({ where: { brandId: brand.id } });
    const names = async (q: string) => {
      const page = await c.customer.list({ q, page: 1, pageSize: 50 });
      return page.rows.map((r) => rows.find((x) => x.id === r.id)!.name).sort();
    };
    expect(await names("8613927640132")).toEqual(["孙军"]);
    expect(await names("86 139 2764 0132")).toEqual(["孙军"]);
    expect(await names("14155550132")).toEqual(["Ann Lee"]);
    // The last four digits, whatever the country; more digits narrow it.
    expect(await names("0132")).toEqual(["Ann Lee", "Tan Wei", "孙军"].sort());
    expect(await names("40132")).toEqual(["孙军"]);
    expect(await names("9999")).toEqual(["孙丽"]);
    // The start of the national number still works.
    expect(await names("1392764")).toEqual(["孙丽", "孙军"].sort());
  });

  it("sorts by registration time, uid and name both ways, ties broken by id", async () => {
    for (const sort of ["registeredAt", "uid", "name"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        expect(await everything({ sort, dir }), `${sort} ${dir}`).toEqual(expected(all, () => true, sort, dir));
      }
    }
  });

  it("pages by keyset forwards and back exactly as OFFSET pages, with no duplicates or gaps", async () => {
    const queries: [ListQuery, (c: Customer) => boolean][] = [
      [{}, () => true],
      [{ dir: "asc" }, () => true],
      [{ sort: "name", dir: "asc" }, () => true],
      [{ sort: "name", dir: "desc", status: ["active"] }, (c) => c.status === "active"],
      [{ sort: "uid", dir: "desc" }, () => true],
      [{ sort: "uid", dir: "asc", group: ["none"] }, (c) => c.groupId === null],
      [{ q: "liang" }, (c) => c.name.toLowerCase().includes("liang")],
    ];
    for (const [query, keep] of queries) {
      const label = JSON.stringify(query);
      const pageSize = 10;
      const forward = await walkForward(list, query, pageSize);
      const ids = forward.flatMap(idsOf);
      expect(new Set(ids).size, label).toBe(ids.length);
      expect(ids, label).toEqual(expected(all, keep, query.sort, query.dir));
      for (const [i, page] of forward.entries()) {
        const byOffset = await list.customer.list({ ...query, pageSize, page: i + 1 });
        expect(idsOf(page), `${label} page ${i + 1}`).toEqual(idsOf(byOffset));
        expect(page.nextCursor === null, `${label} page ${i + 1} next`).toBe(i === forward.length - 1);
        expect(page.prevCursor === null, `${label} page ${i + 1} prev`).toBe(i === 0);
      }
      // And back again from the last page to the first.
      let page = forward[forward.length - 1];
      for (let i = forward.length - 2; i >= 0; i--) {
        page = await list.customer.list({ ...query, pageSize, page: i + 1, cursor: page.prevCursor! });
        expect(idsOf(page), `${label} back to page ${i + 1}`).toEqual(idsOf(forward[i]));
        expect(page.page).toBe(i + 1);
      }
      expect(page.prevCursor, label).toBeNull();
    }
  });

  it("gives the filtered sets' totals and checks them against the filters", async () => {
    const frozen = await list.customer.list({ status: ["frozen"], page: 1, pageSize: 10 });
    expect(frozen.total).toBe(all.filter((c) => c.status === "frozen").length);
    expect(frozen.totalIsExact).toBe(true);
  });

  it("refuses a tampered, foreign or stale cursor, naming the field", async () => {
    const first = await list.customer.list({ page: 1, pageSize: 10 });
    const decoded = JSON.parse(Buffer.from(first.nextCursor!, "base64url").toString()) as Record<string, string>;
    const forged = (patch: Record<string, string>) => Buffer.from(JSON.stringify({ ...decoded, ...patch })).toString("base64url");
    // Not base64url at all: the input schema refuses it, on the same field.
    await expect(list.customer.list({ page: 2, pageSize: 10, cursor: "garbage!" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["cursor"] })] },
    });
    const bad = [
      forged({ i: "not-a-uuid" }),
      forged({ v: "2026-13-01T00:00:00.000Z" }),
      forged({ v: "'; DROP TABLE customer; --" }),
      forged({ k: "up" }),
    ];
    for (const cursor of bad) {
      await expect(list.customer.list({ page: 2, pageSize: 10, cursor }), cursor).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: expect.objectContaining({ field: "cursor" }),
      });
    }
    // A cursor made for another sort or direction does not apply to this one.
    await expect(list.customer.list({ page: 2, pageSize: 10, sort: "name", cursor: first.nextCursor! })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: expect.objectContaining({ field: "cursor" }),
    });
    await expect(list.customer.list({ page: 2, pageSize: 10, dir: "asc", cursor: first.nextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.customer.count({ where: { brandId } })).toBe(57);
  });

  it("streams the whole filtered set for export in keyset batches, in list order", async () => {
    const rows: string[] = [];
    for await (const row of iterateCustomers(ctx, { page: 1, pageSize: 20, dir: "desc", sort: "name", status: ["active", "frozen"] }, 7)) {
      rows.push(row.id);
    }
    expect(rows).toEqual(expected(all, (c) => c.status !== "closed", "name", "desc"));
    // The page and cursor of the screen the export was started from do not limit it.
    const fromPage3: string[] = [];
    for await (const row of iterateCustomers(ctx, { page: 3, pageSize: 10, dir: "desc" }, 5)) fromPage3.push(row.id);
    expect(fromPage3).toEqual(expected(all, () => true));
  });

  it("never shows another brand's customers", async () => {
    const ids = await everything({});
    for (const c of other) expect(ids).not.toContain(c.id);
    expect(await everything({ q: other[0].email! })).toEqual([all.find((c) => c.email === other[0].email)!.id]);
    expect(await everything({ q: other[1].uid.toString() })).toEqual([]);
    expect(await everything({ q: other[1].email! })).toEqual([]);
  });
});

describe("customer list at the total cap", () => {
  const COUNT = CUSTOMER_TOTAL_CAP + 50;
  let brandId: string;
  let list: Caller;
  let ctx: TenantContext;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ({ caller: list, ctx } = await caller(brandId));
    await db.$executeRaw`
      INSERT INTO customer (id, brand_id, name, email, country, registration_source, registered_at, updated_at)
      SELECT gen_random_uuid(), ${brandId}::uuid, 'Bulk ' || g, 'bulk' || g || '@example.test', 'SG', 'web',
             timestamptz '2026-01-01' + (g / 4) * interval '1 minute', now()
      FROM generate_series(1, ${COUNT}) g`;
    await db.$executeRaw`ANALYZE customer`;
  });

  it("stops counting past the cap and says the total is not exact", async () => {
    const page = await list.customer.list({ page: 1, pageSize: 20 });
    expect(page).toMatchObject({ total: CUSTOMER_TOTAL_CAP, totalIsExact: false });
    expect(page.rows).toHaveLength(20);
    const narrowed = await list.customer.list({ page: 1, pageSize: 20, q: "Bulk 1000" });
    // "Bulk 1000", "Bulk 10000" … "Bulk 10009".
    expect(narrowed).toMatchObject({ total: 11, totalIsExact: true });
    // A search counts to a thousand: enough to find someone, cheap for a match as broad as "@example".
    const broad = await list.customer.list({ page: 1, pageSize: 20, q: "@example.test" });
    expect(broad).toMatchObject({ total: SEARCH_TOTAL_CAP, totalIsExact: false });
    expect(broad.rows).toHaveLength(20);
  });

  it("exports more rows than the cap", async () => {
    const seen = new Set<string>();
    for await (const row of iterateCustomers(ctx, { page: 1, pageSize: 20, dir: "asc" })) seen.add(row.id);
    expect(seen.size).toBe(COUNT);
  });

  it("reads a deep keyset page from the cursor's row, not from the start", async () => {
    const [edge] = await db.customer.findMany({
      where: { brandId },
      orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
      skip: 9_000,
      take: 1,
    });
    const sql = customerPageSql(customerWhere(brandId, {}), { sort: "registeredAt", dir: "desc" }, {
      edge: { value: edge.registeredAt.toISOString(), id: edge.id },
      limit: 21,
    });
    const [{ "QUERY PLAN": plan }] = await db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, ...sql.values);
    const scans: { "Node Type": string; "Relation Name"?: string; "Actual Rows": number }[] = [];
    const visit = (node: Record<string, unknown>) => {
      if (node["Relation Name"] === "customer") scans.push(node as (typeof scans)[number]);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
    };
    visit((plan as { Plan: Record<string, unknown> }[])[0].Plan);
    expect(scans).toHaveLength(1);
    expect(scans[0]["Node Type"]).toMatch(/Index/);
    expect(scans[0]["Actual Rows"]).toBeLessThanOrEqual(21);

    const page = await list.customer.list({ page: 451, pageSize: 20, cursor: Buffer.from(JSON.stringify({ s: "registeredAt", d: "desc", v: edge.registeredAt.toISOString(), i: edge.id, k: "next" })).toString("base64url") });
    const byOffset = await db.customer.findMany({ where: { brandId }, orderBy: [{ registeredAt: "desc" }, { id: "desc" }], skip: 9_001, take: 20, select: { id: true } });
    expect(idsOf(page)).toEqual(byOffset.map((r) => r.id));
  });
});
