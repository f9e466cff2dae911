/**
 * Hostile input for the property tests (tests/integration/hostile-input*.int.test.ts): where a zod schema
 * takes values (its fields, found by walking the schema), and fast-check arbitraries for what an attacker
 * or a broken client may send there — NUL and other controls, lone surrogates, U+10FFFF, huge strings and
 * numbers, dates outside PostgreSQL's range, hand-made keyset cursors and values of the wrong type.
 */
import fc from "fast-check";
import type { z } from "zod";

export type FieldKind = "text" | "number" | "date" | "cursor" | "other";
export interface Field {
  path: (string | number)[];
  kind: FieldKind;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const LEAF_KINDS: Record<string, FieldKind> = { string: "text", number: "number", int: "number", bigint: "number", date: "date" };

/** Every place in `schema` that takes a value: the whole input, each object key, each array's first element. */
export function fieldsOf(schema: z.ZodType | undefined, path: Field["path"] = []): Field[] {
  if (!schema) return path.length ? [] : [{ path, kind: "other" }];
  const def = defOf(schema);
  const last = path[path.length - 1];
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fieldsOf(def.innerType, path);
    case "pipe":
      // z.preprocess is pipe(transform, schema); .transform() is pipe(schema, transform).
      return fieldsOf(defOf(def.in!).type === "transform" ? def.out : def.in, path);
    case "object":
      return [{ path, kind: "other" }, ...Object.entries(def.shape!).flatMap(([key, value]) => fieldsOf(value, [...path, key]))];
    case "array":
      return [{ path, kind: "other" }, ...fieldsOf(def.element, [...path, 0])];
    case "union": {
      const objects = def.options!.filter((o) => defOf(o).type === "object");
      if (objects.length) return objects.flatMap((o) => fieldsOf(o, path));
      const kinds = def.options!.flatMap((o) => fieldsOf(o, path).map((f) => f.kind));
      return [{ path, kind: kinds.find((k) => k !== "other") ?? "other" }];
    }
    default: {
      const kind = LEAF_KINDS[def.type] ?? "other";
      return [{ path, kind: last === "cursor" && kind === "text" ? "cursor" : kind }];
    }
  }
}

/** A copy of `input` with `value` at `path`, creating the objects and arrays on the way. */
export function withValueAt(input: unknown, path: Field["path"], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const base = (
    Array.isArray(input) ? [...input] : input && typeof input === "object" && !(input instanceof Date) ? { ...input } : typeof head === "number" ? [] : {}
  ) as Record<string | number, unknown>;
  base[head] = withValueAt(base[head], rest, value);
  return base;
}

// ── Values ─────────────────────────────────────────────────────────────────────────────────────────
const NASTY_UNITS = ["\0", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\u{10FFFF}", "\uFFFF", "\uFFFE", "\u202E", "\u200B", "\n", "\t", "\r", " ", "%", "_", "\\", "'", '"', "@", ".", "-", "+", "a", "Z", "1", "9", "İ", "ß", "王"];
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_UNITS) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);
export const HUGE_TEXT = "x".repeat(100_001);
const nastyText = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(HUGE_TEXT, "\u{10FFFF}".repeat(3000), "\0".repeat(300), "'); DROP TABLE customer; --") },
);
/** Text around a valid value, so a format check sees a plausible start or end. */
const textNear = (valid: unknown) =>
  typeof valid === "string" && valid
    ? fc.oneof(nastyText, nastyText.map((s) => valid + s), nastyText.map((s) => s + valid), fc.nat(valid.length - 1).chain((i) => nastyText.map((s) => valid.slice(0, i) + s + valid.slice(i + 1))))
    : nastyText;

export const NASTY_NUMBERS = [NaN, Infinity, -Infinity, -1, 0, -0, 0.5, 2 ** 31, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 1e308, -1e308, Number.MIN_VALUE];
const nastyNumber = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.double(),
  fc.constantFrom("1e400", "9223372036854775808", "-1", "0x10", " 1", "1 ", "١"),
);

/** Dates JavaScript can hold but PostgreSQL cannot (before 4713 BC), the edges of JS, and text that only looks like a date. */
export const NASTY_DATES: unknown[] = [
  new Date(-8.64e15),
  new Date(8.64e15),
  new Date(Number.NaN),
  new Date(Date.UTC(-4714, 0, 1)),
  "-271821-04-20",
  "+275760-09-13",
  "275760-09-13",
  "0000-01-01",
  "2024-13-01",
  "2024-02-30",
  "99999-01-01",
  -8.64e15,
  8.64e15,
  "1e20",
];
const nastyDate = fc.oneof(fc.constantFrom(...NASTY_DATES), fc.date({ noInvalidDate: false }), fc.integer().map((n) => n * 1e6));

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value), "utf8").toString("base64url");
/** Parts of the keyset cursors the services decode (time, id, sort value, direction, order). */
const CURSOR_TIMES = ["2024-13-01T00:00:00.000Z", "2024-02-31T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "2024-01-01T24:00:00.000Z", "1", "garbage"];
const CURSOR_IDS = ["99999999999999999999", "9223372036854775808", "9999999999999999999", "-1", "------------------------------------", "00000000-0000-0000-0000-000000000000", "1"];
export const NASTY_CURSORS = [
  b64({ t: "2024-13-01T00:00:00.000Z", i: "1" }),
  b64({ t: "2024-01-01T00:00:00.000Z", i: "9999999999999999999" }),
  b64({ t: "-271821-04-20T00:00:00.000Z", i: "------------------------------------" }),
  b64({ d: "desc", t: "2024-13-01T00:00:00.000Z", i: "00000000-0000-0000-0000-000000000000", k: "next" }),
  b64({ s: "registeredAt", d: "desc", v: "2024-02-30T00:00:00.000Z", i: "00000000-0000-0000-0000-000000000000", k: "next" }),
  b64({ s: "name", d: "desc", v: "\0", i: "00000000-0000-0000-0000-000000000000", k: "next" }),
  b64("null"),
  "%%%",
];
const nastyCursor = fc.oneof(
  fc.constantFrom(...NASTY_CURSORS),
  fc
    .record(
      { t: fc.oneof(fc.constantFrom(...CURSOR_TIMES), nastyText), i: fc.oneof(fc.constantFrom(...CURSOR_IDS), nastyText), v: nastyText, s: fc.constantFrom("registeredAt", "uid", "name"), d: fc.constantFrom("asc", "desc"), k: fc.constantFrom("next", "prev") },
      { requiredKeys: [] },
    )
    .map(b64),
  nastyText,
);

export const WRONG_TYPES: unknown[] = [null, undefined, true, false, 0, "", [], {}, [null], { length: 1 }, 10n];
const wrongType = fc.constantFrom(...WRONG_TYPES);

/** Hostile values for a field: mostly of its own kind, sometimes of another kind or type. */
export function hostileFor(field: Field, valid: unknown): fc.Arbitrary<unknown> {
  const own = { text: textNear(valid), number: nastyNumber, date: nastyDate, cursor: nastyCursor, other: fc.oneof(nastyText, nastyNumber) }[field.kind];
  return fc.oneof({ weight: 6, arbitrary: own }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: fc.oneof(nastyText, nastyNumber, nastyDate) });
}

/** The cases every field of a kind is always tried with (fast-check's `examples`), besides the random ones. */
export const CANONICAL: Record<FieldKind, unknown[]> = {
  text: ["a\0b", "\uD800", "x\uDFFF", "a\u{10FFFF}", "\u{10FFFF}", HUGE_TEXT, null],
  // int4 + 1 and the largest safe integer pass zod's int() and would overflow an int column.
  number: [2 ** 31, Number.MAX_SAFE_INTEGER, 2 ** 63, 1e308, -1, NaN, "1e400"],
  date: NASTY_DATES.slice(0, 8),
  cursor: NASTY_CURSORS,
  other: ["\0", 2 ** 63, null],
};

/** A value at a path: the mutation one property run applies to a valid input. */
export interface Mutation {
  path: Field["path"];
  value: unknown;
}

/** One or two fields of the input replaced by hostile values. */
export const mutationsOf = (fields: Field[], valid: unknown) =>
  fc.array(
    fc.constantFrom(...fields).chain((field) => hostileFor(field, valueAt(valid, field.path)).map((value): Mutation => ({ path: field.path, value }))),
    { minLength: 1, maxLength: 2 },
  );

export const valueAt = (input: unknown, path: Field["path"]): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined), input);

export const applyMutations = (valid: unknown, mutations: Mutation[]) => mutations.reduce((input, m) => withValueAt(input, m.path, m.value), valid);

/** Short text of a value for a failure message (huge strings cut, control characters escaped). */
export const describeValue = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…(${value.length} chars)` : value) : value instanceof Date ? `Date(${value.getTime()})` : typeof value === "bigint" ? `${value}n` : JSON.stringify(value) ?? String(value);
  return text.replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
};
