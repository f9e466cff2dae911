/**
 * The partner API's OpenAPI document: valid OpenAPI 3.1, every registered endpoint in it with its scope,
 * refusals and schemas, and the typed client the tests use generated from exactly this document.
 */
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { PARTNER_ENDPOINTS } from "@/server/partner/endpoints";
import { openApiDocument } from "@/server/partner/openapi";
import { scopeOf } from "@/lib/partner-api/scopes";
import { renderTypes, TYPES_PATH } from "@/scripts/lib/partner-api-types";

type Operation = { operationId: string; "x-scope": string; responses: Record<string, unknown>; requestBody?: unknown; parameters?: { in: string; name: string; required?: boolean }[] };

const doc = openApiDocument();
const operationOf = (path: string, method: string) => (doc.paths as Record<string, Record<string, Operation>>)[path]?.[method.toLowerCase()];

describe("the partner API's OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it.each(PARTNER_ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))("documents %s with its scope, answers and refusals", (_name, e) => {
    const op = operationOf(e.path, e.method);
    expect(op, `${e.method} ${e.path} is missing from the document`).toBeDefined();
    expect(op.operationId).toBe(e.operationId);
    expect(op["x-scope"]).toBe(scopeOf(e.group, e.access));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining([String(e.status ?? 200), "400", "401", "403", "429"]));
    if (e.body) expect(op.requestBody).toBeDefined();
    if (e.method === "POST") expect(op.parameters).toContainEqual(expect.objectContaining({ in: "header", name: "Idempotency-Key", required: true }));
    for (const name of Object.keys(e.params?.shape ?? {})) expect(op.parameters).toContainEqual(expect.objectContaining({ in: "path", name }));
  });

  it("lists no operation that is not registered (nothing documented that does not run)", () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(PARTNER_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });

  it("is what the committed typed client was generated from (run `npm run partner-api:types` after changing an endpoint)", async () => {
    expect(readFileSync(TYPES_PATH, "utf8")).toBe(await renderTypes());
  });
});
