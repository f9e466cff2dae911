import { describe, expect, it } from "vitest";
import { z } from "zod";
import { searchParamsToObject, ZTableQuery, zDateParam, zMulti } from "./table-state";

const Schema = ZTableQuery.extend({ role: zMulti(["admin", "support"] as const), from: zDateParam });

describe("table state", () => {
  it("parses URL params with defaults", () => {
    expect(Schema.parse(searchParamsToObject(new URLSearchParams("")))).toEqual({ page: 1, pageSize: 20, dir: "desc" });
    const parsed = Schema.parse(searchParamsToObject(new URLSearchParams("page=3&pageSize=50&sort=email&dir=asc&q=%20ann%20&role=admin,support&from=2026-11-01")));
    expect(parsed).toMatchObject({ page: 3, pageSize: 50, sort: "email", dir: "asc", q: "ann", role: ["admin", "support"] });
    expect(parsed.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("refuses values outside the allowed sets, naming the field", () => {
    const bad = Schema.safeParse({ pageSize: "7", role: "root" });
    expect(bad.success).toBe(false);
    const fields = Object.keys(z.flattenError(bad.error!).fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(["pageSize", "role"]));
  });

  it("accepts arrays from tRPC the same as comma lists from the URL", () => {
    expect(Schema.parse({ role: ["support"] }).role).toEqual(["support"]);
    expect(Schema.parse({ role: "" }).role).toBeUndefined();
  });
});
