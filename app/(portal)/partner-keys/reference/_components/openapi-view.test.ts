import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown";
import { fieldRows, limitsOf, operationsByTag, typeLabel, type OpenApiDoc } from "./openapi-view";

const doc: OpenApiDoc = {
  info: { title: "T", version: "1" },
  tags: [{ name: "Customers" }, { name: "Empty" }],
  paths: {
    "/customers": {
      get: { operationId: "list", tags: ["Customers"], responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } } } } },
      post: { operationId: "create", tags: ["Customers"] },
    },
  },
  components: {
    schemas: {
      Page: {
        type: "object",
        properties: { data: { type: "array", items: { $ref: "#/components/schemas/Customer" } }, nextCursor: { type: ["string", "null"], description: "Next page" } },
        required: ["data"],
      },
      Customer: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          status: { type: "string", enum: ["active", "frozen"] },
          group: { anyOf: [{ $ref: "#/components/schemas/Group" }, { type: "null" }] },
          parent: { $ref: "#/components/schemas/Customer" },
        },
        required: ["id"],
      },
      Group: { type: "object", properties: { name: { type: "string", default: "x" } } },
    },
  },
};

describe("the reference page's reading of the OpenAPI document", () => {
  it("groups operations by tag in the document's order and drops empty tags", () => {
    expect(operationsByTag(doc).map((g) => [g.name, g.operations.map((o) => `${o.method} ${o.path}`)])).toEqual([["Customers", ["GET /customers", "POST /customers"]]]);
  });

  it("names types, arrays, formats and nullable unions", () => {
    expect(typeLabel(doc, { type: "array", items: { $ref: "#/components/schemas/Customer" } })).toBe("Customer[]");
    expect(typeLabel(doc, { type: ["string", "null"] })).toBe("string | null");
    expect(typeLabel(doc, { type: "string", format: "uuid" })).toBe("string (uuid)");
    expect(typeLabel(doc, { anyOf: [{ $ref: "#/components/schemas/Group" }, { type: "null" }] })).toBe("Group | null");
  });

  it("flattens a body into nested field rows through $refs, arrays and nullable objects, stopping at cycles", () => {
    const rows = fieldRows(doc, { $ref: "#/components/schemas/Page" });
    expect(rows.map((r) => `${r.path}:${r.depth}${r.required ? "!" : ""}`)).toEqual([
      "data:0!",
      "data[].id:1!",
      "data[].status:1",
      "data[].group:1",
      "data[].group.name:2",
      "data[].parent:1",
      "nextCursor:0",
    ]);
    expect(rows.find((r) => r.path === "data[].status")?.enumValues).toEqual(["active", "frozen"]);
    expect(rows.find((r) => r.path === "data[].group.name")?.defaultValue).toBe('"x"');
  });

  it("reads the bounds of a value, through a nullable union", () => {
    expect(limitsOf({ type: "string", minLength: 2, maxLength: 2 })).toEqual({ minLength: 2, maxLength: 2 });
    expect(limitsOf({ anyOf: [{ type: "integer", minimum: 1, maximum: 100 }, { type: "null" }] })).toEqual({ minimum: 1, maximum: 100 });
    expect(limitsOf({ type: "string" })).toBeUndefined();
  });

  it("reads headings, paragraphs that run over lines, and list items that continue on the next line", () => {
    expect(parseMarkdown("Intro line one\nline two.\n\n## Signing\nEach request:\n\n- `A`: one\n  continued.\n- B")).toEqual([
      { kind: "paragraph", text: "Intro line one line two." },
      { kind: "heading", level: 2, text: "Signing" },
      { kind: "paragraph", text: "Each request:" },
      { kind: "list", items: ["`A`: one continued.", "B"] },
    ]);
  });
});
