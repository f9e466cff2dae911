/** The Bonuses grants list against the real database: its filters, paging, sorting and CSV export share one schema. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { bonusGrantsExporter } from "@/server/bonuses/export";
import { grant } from "@/server/bonuses/grant-create";
import { listGrants } from "@/server/bonuses/grant-list";
import type { GrantRow } from "@/server/bonuses/types";
import { db } from "@/server/db/client";
import { ZGrantListInput } from "@/lib/bonuses/schemas";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import { account, activeCampaign, newBrand } from "../helpers/bonuses";

describe("the grants list", () => {
  let b: Awaited<ReturnType<typeof newBrand>>;
  const ids: Record<string, string> = {};
  let spring: { id: string };
  let uid: string;

  beforeAll(async () => {
    // Above 50 a grant waits for approval: both statuses appear.
    b = await newBrand("50");
    spring = await activeCampaign(b.maker, { name: `Spring ${randomUUID().slice(0, 6)}`, budget: "10000" });
    const autumn = await activeCampaign(b.maker, { name: `Autumn ${randomUUID().slice(0, 6)}`, budget: "10000" });
    const mei = await account(b.brandId, {}, { name: "Mei Searchable" });
    const other = await account(b.brandId);
    uid = String((await db.customer.findUniqueOrThrow({ where: { id: mei.customerId } })).uid);
    const give = async (key: string, campaignId: string, acc: { id: string; customerId: string }, amount: string, day: string) => {
      const g = await grant(b.maker, { campaignId, customerId: acc.customerId, tradingAccountId: acc.id, amount, idempotencyKey: `${key}-${randomUUID()}`, reason: "Spring promotion" });
      await db.bonusGrant.update({ where: { id: g.id }, data: { createdAt: new Date(`${day}T12:00:00Z`) } });
      ids[key] = g.id;
    };
    await give("a", spring.id, mei, "10", "2026-03-01");
    await give("b", spring.id, other, "20", "2026-03-02");
    await give("c", spring.id, mei, "100", "2026-03-03");
    await give("d", autumn.id, other, "30", "2026-09-01");
    await give("e", autumn.id, mei, "5", "2026-09-02");
  });

  const list = async (query: Record<string, unknown>) => (await listGrants(b.maker, ZGrantListInput.parse(query))).rows.map((r) => r.id);

  it("filters by status, campaign, customer and day range, as the URL says", async () => {
    expect(await list({})).toEqual([ids.e, ids.d, ids.c, ids.b, ids.a]);
    expect(await list({ status: "pending_approval" })).toEqual([ids.c]);
    expect(await list({ status: "applied", campaignId: spring.id })).toEqual([ids.b, ids.a]);
    expect(await list({ q: "mei searchable" })).toEqual([ids.e, ids.c, ids.a]);
    expect(await list({ q: uid })).toEqual([ids.e, ids.c, ids.a]);
    // "to" includes that whole day.
    expect(await list({ createdFrom: "2026-03-02", createdTo: "2026-09-01" })).toEqual([ids.d, ids.c, ids.b]);
  });

  it("sorts on the server, and refuses a column it cannot sort by", async () => {
    const sorted = await listGrants(b.maker, ZGrantListInput.parse({ sort: "amount", dir: "asc" }));
    expect(sorted.total).toBe(5);
    expect(sorted.rows.map((r) => r.amount)).toEqual(["5", "10", "20", "30", "100"]);
    expect(() => ZGrantListInput.parse({ sort: "reason" })).toThrow();
  });

  it("pages on the server: pages never overlap and the total counts every match", async () => {
    const other = await newBrand(null);
    const camp = await activeCampaign(other.admin, { budget: "10000" });
    const acc = await account(other.brandId);
    for (let i = 0; i < 23; i++) {
      await grant(other.admin, { campaignId: camp.id, customerId: acc.customerId, tradingAccountId: acc.id, amount: "1", idempotencyKey: `p-${randomUUID()}`, reason: "Paging test" });
    }
    const pages = await Promise.all([1, 2, 3].map((page) => listGrants(other.admin, ZGrantListInput.parse({ page, pageSize: "10" }))));
    expect(pages.map((p) => [p.total, p.rows.length])).toEqual([
      [23, 10],
      [23, 10],
      [23, 3],
    ]);
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.id))).size).toBe(23);
  });

  it("exports the filtered set with readable statuses beside their codes", async () => {
    const rows: GrantRow[] = [];
    for await (const r of bonusGrantsExporter.rows(b.maker, ZGrantListInput.parse({ campaignId: spring.id, sort: "amount", dir: "desc" }))) rows.push(r);
    expect(rows.map((r) => r.id)).toEqual([ids.c, ids.b, ids.a]);
    // Machine headers (the stable keys) and English values, whichever way the columns are declared.
    const en = createTranslator("en");
    const record = (r: GrantRow) =>
      Object.fromEntries(
        bonusGrantsExporter.columns.map((c) => ["header" in c ? c.header : (c as { key: string }).key, (c.value as (row: GrantRow, t: Translate) => unknown)(r, en)]),
      );
    expect(record(rows[0])).toMatchObject({ status: "Pending approval", status_code: "pending_approval", amount: "100", customer_name: "Mei Searchable" });
    expect(record(rows[1])).toMatchObject({ status: "Applied", status_code: "applied" });
  });
});
