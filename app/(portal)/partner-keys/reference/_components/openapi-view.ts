/**
 * Reads the partner API's OpenAPI document for the reference page: operations grouped by tag, parameters,
 * and JSON schemas flattened into field rows ("data[].name") with $refs to components.schemas resolved.
 * Pure functions over the document's JSON, so the page renders on the server with no extra package.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface MediaObject {
  content?: Record<string, { schema?: JsonSchema }>;
  description?: string;
  required?: boolean;
}

export interface OperationObject {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  "x-scope"?: string;
  parameters?: ParameterObject[];
  requestBody?: MediaObject;
  responses?: Record<string, MediaObject>;
}

export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", OperationObject>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation extends OperationObject {
  method: string;
  path: string;
}

export interface TagGroup {
  name: string;
  operations: Operation[];
}

/** Operations per tag, in the document's tag order, each tag's operations in path order. */
export function operationsByTag(doc: OpenApiDoc): TagGroup[] {
  const groups = new Map<string, Operation[]>((doc.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ ...operation, method: method.toUpperCase(), path });
    }
  }
  return [...groups].filter(([, operations]) => operations.length > 0).map(([name, operations]) => ({ name, operations }));
}

export const refName = (ref: string) => ref.replace(/^#\/components\/schemas\//, "");

export function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[refName(schema.$ref)];
}

/** "string (uuid)", "integer", "string | null", "Customer[]". */
export function typeLabel(doc: OpenApiDoc, schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.map((v) => typeLabel(doc, v)))].join(" | ");
  if (schema.allOf?.length === 1) return typeLabel(doc, schema.allOf[0]);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const words = types.map((type) => {
    if (type === "array") return `${typeLabel(doc, schema.items)}[]`;
    if (type === "string" && schema.format) return `string (${schema.format})`;
    return type;
  });
  return words.length ? words.join(" | ") : "any";
}

/** The object behind a schema (through $ref, a nullable anyOf, a one-item allOf or an array's items). */
function objectOf(doc: OpenApiDoc, schema: JsonSchema | undefined, seen: ReadonlySet<string>): { schema: JsonSchema; seen: Set<string> } | null {
  const next = new Set(seen);
  let current = schema;
  for (let hops = 0; current && hops < 8; hops++) {
    if (current.$ref) {
      const name = refName(current.$ref);
      if (next.has(name)) return null; // a cycle: stop at the type name
      next.add(name);
      current = doc.components?.schemas?.[name];
    } else if (current.anyOf ?? current.oneOf) {
      const parts = (current.anyOf ?? current.oneOf)!.filter((v) => v.type !== "null");
      if (parts.length !== 1) return null;
      current = parts[0];
    } else if (current.allOf?.length === 1) current = current.allOf[0];
    else if (current.type === "array" || (Array.isArray(current.type) && current.type.includes("array"))) current = current.items;
    else break;
  }
  return current?.properties ? { schema: current, seen: next } : null;
}

export interface FieldRow {
  /** "data[].name": the path from the top of the body. */
  path: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string;
  enumValues?: string[];
  defaultValue?: string;
  example?: string;
  /** Bounds of the value: length of text, size of a number, items of a list. */
  limits?: Limits;
}

export interface Limits {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

/** The bounds a schema (or the non-null part of a nullable one) sets, if any. */
export function limitsOf(schema: JsonSchema): Limits | undefined {
  const base = (schema.anyOf ?? schema.oneOf)?.find((v) => v.type !== "null") ?? schema;
  const limits: Limits = { minLength: base.minLength, maxLength: base.maxLength, minimum: base.minimum, maximum: base.maximum, maxItems: base.maxItems };
  const set = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as Limits;
  return Object.keys(set).length ? set : undefined;
}

/** Every field of an object schema, nested objects and arrays of objects expanded (to `maxDepth`). */
export function fieldRows(doc: OpenApiDoc, schema: JsonSchema | undefined, maxDepth = 4): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (node: JsonSchema | undefined, prefix: string, depth: number, seen: ReadonlySet<string>) => {
    const object = objectOf(doc, node, seen);
    if (!object || depth > maxDepth) return;
    const required = new Set(object.schema.required ?? []);
    for (const [name, property] of Object.entries(object.schema.properties ?? {})) {
      const resolved = resolve(doc, property) ?? property;
      const values = resolved.enum ?? (resolved.anyOf ?? []).flatMap((v) => v.enum ?? []);
      const isArray = typeLabel(doc, property).endsWith("[]");
      rows.push({
        path: `${prefix}${name}`,
        depth,
        type: typeLabel(doc, property),
        required: required.has(name),
        description: property.description ?? resolved.description,
        enumValues: values.length ? values.map(String) : undefined,
        defaultValue: property.default !== undefined ? JSON.stringify(property.default) : undefined,
        example: property.example !== undefined ? JSON.stringify(property.example) : undefined,
        limits: limitsOf(property),
      });
      walk(property, `${prefix}${name}${isArray ? "[]" : ""}.`, depth + 1, object.seen);
    }
  };
  walk(schema, "", 0, new Set());
  return rows;
}

/** The JSON schema of a request body or response (application/json). */
export const jsonSchemaOf = (media: MediaObject | undefined) => media?.content?.["application/json"]?.schema;

export const isSuccess = (status: string) => /^2\d\d$/.test(status);
