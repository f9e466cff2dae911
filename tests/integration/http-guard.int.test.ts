/**
 * The one HTTP guard (server/http/route.ts): every route handler is refused exactly as a tRPC procedure
 * would be (signed out 401, permission missing 403, password change pending 403, no brand chosen 403), and
 * a service's AppError or an input's zod error answers the status `httpStatusOf` gives, in one JSON shape.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Role } from "@/lib/auth/permissions";
import { validateSession, type ValidSession } from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { route, staffRoute } from "@/server/http/route";
import { GET as exportRoute } from "@/app/api/export/[resource]/route";
import { createTestBrand, createTestStaff } from "../helpers/db";

const world = vi.hoisted(() => ({ session: null as ValidSession | null, noBrand: false }));
vi.mock("@/server/auth/next-auth", () => ({ getCurrentStaff: async () => world.session }));
// A platform admin falls back to the first active brand; "no brand at all" is an empty installation.
vi.mock("@/server/tenant", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/tenant")>();
  return { ...actual, resolveTenantId: (...args: Parameters<typeof actual.resolveTenantId>) => (world.noBrand ? Promise.resolve(null) : actual.resolveTenantId(...args)) };
});

afterEach(() => Object.assign(world, { session: null, noBrand: false }));

async function signIn(role: Role, options: { brand?: boolean; mustChangePassword?: boolean } = {}) {
  const brand = options.brand === false ? null : await createTestBrand();
  const { user } = await createTestStaff({ brandId: brand?.id ?? null, role, data: { mustChangePassword: options.mustChangePassword ?? false } });
  const row = await db.staffSession.create({ data: { userId: user.id, ip: "127.0.0.1", userAgent: "vitest" } });
  world.session = await validateSession(db, row.id);
  expect(world.session).not.toBeNull();
  return { brand, user };
}

const call = <P extends object>(handler: (req: Request, args: { params: Promise<P> }) => Promise<Response>, params = {} as P) =>
  handler(new Request("http://localhost/api/test"), { params: Promise.resolve(params) });

const ok = () => Promise.resolve(new Response("ran"));
const staffRead = route("staff.read", ok);

describe("route(): the same checks as a procedure", () => {
  it("refuses a signed-out caller with 401 and the sign-in reason", async () => {
    const res = await call(staffRead);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "UNAUTHORIZED", reason: "errors.signIn", error: "Please sign in" });
  });

  it("refuses a role without the permission with 403, and runs the handler for one with it", async () => {
    await signIn("support");
    const refused = await call(staffRead);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ reason: "errors.forbidden" });
    await signIn("admin");
    expect(await (await call(staffRead)).text()).toBe("ran");
  });

  it("refuses everything but own-account work while a password change is pending", async () => {
    await signIn("admin", { mustChangePassword: true });
    const res = await call(staffRead);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ reason: "errors.changePassword" });
    expect(await (await call(staffRoute("account.self", ok))).text()).toBe("ran");
  });

  it("needs a brand chosen for brand-owned work; staffRoute runs without one", async () => {
    await signIn("platform_admin", { brand: false });
    world.noBrand = true;
    const res = await call(staffRead);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ reason: "errors.chooseBrand" });
    expect(await (await call(staffRoute("staff.read", ok))).text()).toBe("ran");
  });
});

describe("route(): refusals from the handler", () => {
  it.each([
    ["CONFLICT", 409],
    ["RATE_LIMITED", 429],
    ["NOT_FOUND", 404],
    ["EXCHANGE_ERROR", 502],
  ] as const)("an AppError %s answers %i with its reason and field", async (code, status) => {
    await signIn("admin");
    const handler = route("staff.read", async () => {
      throw new AppError(code, `errors.generic.${code}`, { field: "name" });
    });
    const res = await call(handler);
    expect(res.status).toBe(status);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ code, reason: `errors.generic.${code}`, field: "name" });
  });

  it("a zod error answers 400 naming the field", async () => {
    await signIn("admin");
    const handler = route("staff.read", async () => {
      z.object({ email: z.email() }).parse({ email: "nope" });
      return new Response("unreachable");
    });
    const res = await call(handler);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "VALIDATION", field: "email", reason: "errors.invalidField" });
  });

  it("anything else is a bug and is not turned into a refusal", async () => {
    await signIn("admin");
    const handler = route("staff.read", async () => {
      throw new TypeError("boom");
    });
    await expect(call(handler)).rejects.toThrow("boom");
  });
});

describe("the export route goes through the guard", () => {
  it("declares each export's own permission, answers 404 for an unknown one and 400 naming a bad filter", async () => {
    await signIn("marketing");
    expect((await call(exportRoute, { resource: "staff" })).status).toBe(403);
    expect((await call(exportRoute, { resource: "no-such-export" })).status).toBe(404);
    await signIn("admin");
    const bad = await exportRoute(new Request("http://localhost/api/export/staff?pageSize=0&sort=nope"), { params: Promise.resolve({ resource: "staff" }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "VALIDATION", reason: "errors.invalidField" });
  });
});

describe("route(): cross-origin writes", () => {
  const post = (handler: ReturnType<typeof route<Record<string, never>>>, headers: Record<string, string>) =>
    handler(new Request("http://portal.test/api/test", { method: "POST", headers: { host: "portal.test", ...headers } }), { params: Promise.resolve({}) });
  const write = route("staff.read", async () => new Response("written"));

  it("refuses a state-changing request whose Origin is another site, before the handler runs", async () => {
    await signIn("admin");
    const res = await post(write, { origin: "http://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "FORBIDDEN", reason: "errors.crossOrigin" });
    expect((await post(write, { origin: "null" })).status).toBe(403);
    expect((await post(write, { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("lets the site's own pages and non-browser clients write", async () => {
    await signIn("admin");
    expect(await (await post(write, { origin: "http://portal.test" })).text()).toBe("written");
    expect(await (await post(write, { "sec-fetch-site": "same-origin" })).text()).toBe("written");
    expect(await (await post(write, {})).text()).toBe("written");
  });
});
