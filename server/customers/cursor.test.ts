import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor, type ListCursor } from "./cursor";

const id = "0b9e6a2e-7c1f-4c55-9d4e-2a4f8a1d3c11";
const encodeRaw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

const refusal = (text: string, expected = { sort: "registeredAt", dir: "desc" } as const) => {
  try {
    decodeCursor(text, expected);
  } catch (e) {
    return e;
  }
  return null;
};

describe("customer list cursors", () => {
  it("round-trips each sort", () => {
    const cursors: ListCursor[] = [
      { sort: "registeredAt", dir: "desc", value: "2026-01-02T03:04:05.678Z", id, direction: "next" },
      { sort: "uid", dir: "asc", value: "10000042", id, direction: "prev" },
      { sort: "name", dir: "asc", value: "梁伟 O'Brien", id, direction: "next" },
    ];
    for (const c of cursors) {
      const text = encodeCursor(c);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text, c)).toEqual(c);
    }
  });

  it("refuses garbage, hand-edited fields and a cursor of another sort, naming the cursor field", () => {
    const good = { s: "registeredAt", d: "desc", v: "2026-01-02T03:04:05.678Z", i: id, k: "next" };
    const bad = [
      "not base64 at all!",
      Buffer.from("{not json").toString("base64url"),
      encodeRaw([1, 2]),
      encodeRaw({ ...good, i: "1 OR 1=1" }),
      encodeRaw({ ...good, v: "yesterday" }),
      encodeRaw({ ...good, v: 5 }),
      encodeRaw({ ...good, k: "sideways" }),
      encodeRaw({ ...good, s: "email" }),
      encodeRaw({ ...good, s: "uid", v: "12; DROP TABLE customer" }),
      // Dates JavaScript rolls over or cannot hold, but PostgreSQL refuses: a 400 here, not a 500 there.
      encodeRaw({ ...good, v: "2026-13-01T00:00:00.000Z" }),
      encodeRaw({ ...good, v: "2026-02-30T00:00:00.000Z" }),
      encodeRaw({ ...good, v: "0000-01-01T00:00:00.000Z" }),
      encodeRaw({ ...good, i: "------------------------------------" }),
      encodeRaw({ ...good, s: "name", v: "a\0b" }),
      encodeRaw({ ...good, s: "name", v: "\uD800" }),
    ];
    for (const text of bad) {
      const error = refusal(text);
      expect(error, text).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "VALIDATION", field: "cursor", reason: "errors.invalidCursor", message: "Invalid page cursor" });
    }
    expect(refusal(encodeRaw(good), { sort: "registeredAt", dir: "desc" })).toBeNull();
    expect(refusal(encodeRaw(good), { sort: "registeredAt", dir: "asc" } as never)).toMatchObject({
      field: "cursor",
      reason: "errors.staleCursor",
      message: "This page link no longer matches the list; go back to the first page",
    });
    expect(refusal(encodeRaw(good), { sort: "name", dir: "desc" } as never)).toMatchObject({ field: "cursor" });
  });
});
