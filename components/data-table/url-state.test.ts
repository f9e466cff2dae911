import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZTableQuery, zDateParam, zMulti } from "@/lib/table-state";
import {
  buildExportHref,
  hasActiveFilters,
  parseTableParams,
  patchTableParams,
  resetFilterPatch,
  serializeParamValue,
  sortingFromInput,
  sortPatchFromSorting,
} from "./url-state";

// Shaped like the staff list input: a narrowed sort, a multi-value filter and a date.
const ZInput = ZTableQuery.extend({
  sort: z.enum(["name", "createdAt"]).optional(),
  role: zMulti(["admin", "support"] as const),
  from: zDateParam,
});
const defaults = ZInput.parse({});
const sp = (qs: string) => new URLSearchParams(qs);

describe("parseTableParams", () => {
  it("parses a full URL into the procedure input", () => {
    const input = parseTableParams(ZInput, sp("page=3&pageSize=50&sort=name&dir=asc&q=ada&role=admin,support"));
    expect(input).toEqual({
      page: 3,
      pageSize: 50,
      sort: "name",
      dir: "asc",
      q: "ada",
      role: ["admin", "support"],
      from: undefined,
    });
  });

  it("fills defaults for an empty URL", () => {
    expect(parseTableParams(ZInput, sp(""))).toEqual({ page: 1, pageSize: 20, dir: "desc" });
  });

  it("drops only the invalid keys of a hand-edited URL", () => {
    const input = parseTableParams(ZInput, sp("pageSize=7&sort=password&role=root&q=kim&page=2"));
    expect(input.pageSize).toBe(20);
    expect(input.sort).toBeUndefined();
    expect(input.role).toBeUndefined();
    expect(input.q).toBe("kim");
    expect(input.page).toBe(2);
  });

  it("reads Next's searchParams record, joining repeated keys", () => {
    const input = parseTableParams(ZInput, { role: ["admin", "support"], from: "2026-01-31" });
    expect(input.role).toEqual(["admin", "support"]);
    expect(input.from?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });
});

describe("serializeParamValue", () => {
  it("writes arrays, dates and trims text; empty means remove", () => {
    expect(serializeParamValue(["admin", "support"])).toBe("admin,support");
    expect(serializeParamValue([])).toBeUndefined();
    expect(serializeParamValue(new Date("2026-03-04T10:00:00Z"))).toBe("2026-03-04");
    expect(serializeParamValue(new Date("nope"))).toBeUndefined();
    expect(serializeParamValue("  ada ")).toBe("ada");
    expect(serializeParamValue("   ")).toBeUndefined();
    expect(serializeParamValue(null)).toBeUndefined();
    expect(serializeParamValue(50)).toBe("50");
  });
});

describe("patchTableParams", () => {
  it("goes back to page 1 when a filter changes", () => {
    const next = patchTableParams(sp("page=4&q=old"), { role: ["admin"] }, defaults);
    expect(next.toString()).toBe("q=old&role=admin");
  });

  it("goes back to page 1 when the search, sort or page size changes", () => {
    expect(patchTableParams(sp("page=4"), { q: "x" }, defaults).has("page")).toBe(false);
    expect(patchTableParams(sp("page=4"), { sort: "name", dir: "asc" }, defaults).has("page")).toBe(false);
    expect(patchTableParams(sp("page=4"), { pageSize: 50 }, defaults).toString()).toBe("pageSize=50");
  });

  it("keeps the filters when only the page changes", () => {
    expect(patchTableParams(sp("role=admin&q=a"), { page: 3 }, defaults).toString()).toBe("page=3&q=a&role=admin");
  });

  it("drops values equal to the defaults and empty values", () => {
    const next = patchTableParams(sp("q=a&role=admin&pageSize=50"), { q: "", role: [], pageSize: 20, page: 1 }, defaults);
    expect(next.toString()).toBe("");
  });

  it("keeps dir=asc but drops dir=desc (the default)", () => {
    expect(patchTableParams(sp(""), { sort: "name", dir: "asc" }, defaults).toString()).toBe("dir=asc&sort=name");
    expect(patchTableParams(sp("dir=asc&sort=name"), { dir: "desc" }, defaults).toString()).toBe("sort=name");
  });

  it("does not mutate the params it was given", () => {
    const current = sp("page=2&q=a");
    patchTableParams(current, { q: "b" }, defaults);
    expect(current.toString()).toBe("page=2&q=a");
  });

  it("round-trips through the schema", () => {
    const url = patchTableParams(sp(""), { role: ["support", "admin"], from: "2026-02-01", sort: "createdAt", dir: "asc" }, defaults);
    const input = parseTableParams(ZInput, url);
    expect(input.role).toEqual(["support", "admin"]);
    expect(input.from?.toISOString().slice(0, 10)).toBe("2026-02-01");
    expect(input).toMatchObject({ sort: "createdAt", dir: "asc", page: 1 });
  });
});

describe("filter reset and export", () => {
  it("resets every filter but keeps paging size and sort", () => {
    expect(resetFilterPatch(sp("q=a&role=admin&sort=name&pageSize=50&page=2"))).toEqual({ q: null, role: null });
    expect(resetFilterPatch(sp("q=a&tab=x"), ["tab"])).toEqual({ q: null });
  });

  it("knows whether any filter is active", () => {
    expect(hasActiveFilters(sp("page=2&sort=name&dir=asc&pageSize=50"))).toBe(false);
    expect(hasActiveFilters(sp("page=2&role=admin"))).toBe(true);
  });

  it("links the export to the same filters without paging", () => {
    expect(buildExportHref("/api/export/staff", sp("page=3&pageSize=50&role=admin&q=x"))).toBe("/api/export/staff?q=x&role=admin");
    expect(buildExportHref("/api/export/audit", sp("page=2"))).toBe("/api/export/audit");
  });
});

describe("sorting <-> URL", () => {
  it("reads the URL sort, or shows the server default", () => {
    expect(sortingFromInput({ sort: "name", dir: "asc" })).toEqual([{ id: "name", desc: false }]);
    expect(sortingFromInput({ sort: undefined, dir: "desc" }, { id: "createdAt", desc: true })).toEqual([
      { id: "createdAt", desc: true },
    ]);
    expect(sortingFromInput({ sort: undefined, dir: "desc" })).toEqual([]);
  });

  it("writes the first sort column, or clears it", () => {
    expect(sortPatchFromSorting([{ id: "email", desc: false }])).toEqual({ sort: "email", dir: "asc" });
    expect(sortPatchFromSorting([{ id: "email", desc: true }, { id: "name", desc: false }])).toEqual({ sort: "email", dir: "desc" });
    expect(sortPatchFromSorting([])).toEqual({ sort: null, dir: null });
  });
});
