/**
 * GET /api/export/<resource> as a browser calls it: headers in the reader's language (the locale cookie)
 * or machine keys (`headers=machine`), statuses as labels with their code beside them, no internal uuids
 * unless `ids=1`, phone digits and uids kept as text for spreadsheets without a visible apostrophe, and the
 * formula guard still in place for what people typed.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { validateSession, type ValidSession } from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import { GET as exportRoute } from "@/app/api/export/[resource]/route";
import { createTestBrand, createTestStaff } from "../helpers/db";

const world = vi.hoisted(() => ({ session: null as ValidSession | null }));
vi.mock("@/server/auth/next-auth", () => ({ getCurrentStaff: async () => world.session }));
afterEach(() => Object.assign(world, { session: null }));

async function signIn(role: Role) {
  const brand = await createTestBrand();
  const { user } = await createTestStaff({ brandId: brand.id, role });
  const row = await db.staffSession.create({ data: { userId: user.id, ip: "127.0.0.1", userAgent: "vitest" } });
  world.session = await validateSession(db, row.id);
  return { brand, user };
}

/** The CSV as rows of raw cells (no quoted commas in these fixtures), BOM dropped. */
async function download(resource: string, query: string, locale?: string) {
  const headers = locale ? { cookie: `other=1; bd-locale=${locale}` } : undefined;
  const res = await exportRoute(new Request(`http://localhost/api/export/${resource}?${query}`, { headers }), { params: Promise.resolve({ resource }) });
  expect(res.status).toBe(200);
  const text = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\uFEFF/, "");
  const [header, ...rows] = text.trimEnd().split("\r\n").map((line) => line.split(","));
  return { header: header!, rows, text };
}

describe("customer export", () => {
  async function setup() {
    const { brand } = await signIn("operations");
    const customer = await db.customer.create({
      data: {
        brandId: brand.id, name: "孙军", email: "sun.jun@example.test", phoneCountryCode: "+86", phone: "013927640132",
        country: "CN", language: "zh-CN", status: "frozen", registrationSource: "backoffice",
      },
    });
    await db.customer.create({ data: { brandId: brand.id, name: "=HYPERLINK(\"http://evil\")", country: "GB", registrationSource: "web" } });
    return customer;
  }
  const cell = (header: string[], row: string[], name: string) => row[header.indexOf(name)];

  it("writes headers and statuses in the reader's language, codes beside them, no uuid, digits as text", async () => {
    const customer = await setup();
    const { header, rows, text } = await download("customers", "sort=name&dir=desc");
    expect(header).toEqual([
      "UID", "Name", "Email", "Area code", "Phone", "Country", "Language", "Language (code)", "Status", "Status (code)",
      "KYC level", "Group", "Tags", "Registered", "Source", "Source (code)",
    ]);
    const sun = rows.find((r) => r[1] === "孙军")!;
    expect(cell(header, sun, "Status")).toBe("Frozen");
    expect(cell(header, sun, "Status (code)")).toBe("frozen");
    expect(cell(header, sun, "Source")).toBe("Back office");
    expect(cell(header, sun, "Language")).toBe("Chinese (Simplified)");
    // ="…": spreadsheets show +86 and the leading zero, not '+86 or 13927640132.
    expect(cell(header, sun, "Area code")).toBe('"=""+86"""');
    expect(cell(header, sun, "Phone")).toBe('"=""013927640132"""');
    expect(cell(header, sun, "UID")).toBe(`"=""${customer.uid}"""`);
    expect(text).not.toContain(customer.id);
    // What someone typed is still never run as a formula.
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("writes Chinese headers and labels for a reader in Chinese", async () => {
    await setup();
    const { header, rows } = await download("customers", "", "zh-CN");
    expect(header.slice(0, 3)).toEqual(["UID", "姓名", "邮箱"]);
    expect(header).toContain("状态（代码）");
    const sun = rows.find((r) => r[header.indexOf("姓名")] === "孙军")!;
    expect(sun[header.indexOf("状态")]).toBe("已冻结");
  });

  it("gives programs stable machine headers and plain values, and the ids when asked", async () => {
    const customer = await setup();
    const machine = await download("customers", "headers=machine", "zh-CN");
    expect(machine.header).toEqual([
      "uid", "name", "email", "phone_country_code", "phone", "country", "language", "language_code", "status", "status_code",
      "kyc_level", "group", "tags", "registered_at", "registration_source", "registration_source_code",
    ]);
    const sun = machine.rows.find((r) => r[1] === "孙军")!;
    expect(sun.slice(3, 5)).toEqual(["+86", "013927640132"]);
    expect(sun[machine.header.indexOf("status_code")]).toBe("frozen");

    const withIds = await download("customers", "headers=machine&ids=1");
    expect(withIds.header.at(-1)).toBe("id");
    expect(withIds.rows.find((r) => r[1] === "孙军")!.at(-1)).toBe(customer.id);
  });
});

describe("staff export", () => {
  it("names roles and statuses, codes beside them", async () => {
    const { user } = await signIn("admin");
    const { header, rows } = await download("staff", "");
    expect(header).toEqual(["Email", "Name", "Role", "Role (code)", "Status", "Status (code)", "2FA", "Lockout", "Last sign-in", "Created"]);
    const me = rows.find((r) => r[0] === user.email)!;
    expect(me.slice(2, 6)).toEqual(["Admin", "admin", "Active", "active"]);
  });
});

describe("bonus-grant and audit exports", () => {
  it("bonus grants: translated headers, the status code beside its label, uuids only with ids=1", async () => {
    await signIn("admin");
    const people = await download("bonusGrants", "");
    expect(people.header.slice(0, 4)).toEqual(["Created", "Campaign", "Customer UID", "Customer name"]);
    expect(people.header).toEqual(expect.arrayContaining(["Amount", "Status", "Status (code)"]));
    expect(people.header).not.toContain("id");
    expect((await download("bonusGrants", "", "zh-CN")).header).toContain("状态（代码）");
    const machine = await download("bonusGrants", "headers=machine");
    expect(machine.header).toEqual(expect.arrayContaining(["amount", "status", "status_code"]));
    expect(machine.header).not.toContain("batch_id");
    expect((await download("bonusGrants", "headers=machine&ids=1")).header.slice(-3)).toEqual(["id", "batch_id", "trading_account_id"]);
  });

  it("audit: translated headers, the actor type in words beside its code, the entity's uuid only with ids=1", async () => {
    await signIn("admin");
    // The export records itself first, so the file holds at least that entry.
    const { header, rows } = await download("audit", "");
    expect(header).toEqual(expect.arrayContaining(["Time", "Actor type", "Actor type (code)", "Action (code)", "Action"]));
    expect(header).not.toContain("entity_id");
    const own = rows.find((r) => r[header.indexOf("Action (code)")] === "export.audit")!;
    expect([own[header.indexOf("Actor type")], own[header.indexOf("Actor type (code)")]]).toEqual(["Staff", "staff"]);
    const machine = await download("audit", "headers=machine&ids=1");
    expect(machine.header.indexOf("action_name")).toBe(machine.header.indexOf("action") + 1);
    expect(machine.header).toContain("entity_id");
  });
});
