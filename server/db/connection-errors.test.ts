import { describe, expect, it } from "vitest";
import { isConnectionError } from "./connection-errors";
import { isPlainRead } from "./retry-reads";

describe("isConnectionError", () => {
  it("knows a database that went away, in each shape it reaches us", () => {
    expect(isConnectionError({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "h", port: 1 } })).toBe(true);
    expect(isConnectionError({ name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" } })).toBe(true);
    expect(isConnectionError({ name: "DriverAdapterError", cause: { kind: "postgres", code: "57P03", message: "the database system is starting up" } })).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } })).toBe(true);
    expect(isConnectionError({ code: "P1001" })).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(isConnectionError({ name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation" } })).toBe(false);
    expect(isConnectionError({ name: "DriverAdapterError", cause: { kind: "postgres", code: "22P02", message: "invalid input syntax" } })).toBe(false);
    expect(isConnectionError({ code: "P2002" })).toBe(false);
    expect(isConnectionError(new Error("boom"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe("isPlainRead", () => {
  it("is a SELECT that cannot change or lock anything", () => {
    expect(isPlainRead('SELECT "t0"."id" FROM "public"."Brand" AS "t0" WHERE "t0"."id" = $1')).toBe(true);
    expect(isPlainRead("  with x as (select 1) select * from x")).toBe(true);
    expect(isPlainRead('INSERT INTO "Brand" ("id") VALUES ($1) RETURNING "id"')).toBe(false);
    expect(isPlainRead("WITH moved AS (DELETE FROM t RETURNING *) SELECT * FROM moved")).toBe(false);
    expect(isPlainRead("SELECT * FROM t FOR UPDATE")).toBe(false);
    expect(isPlainRead("UPDATE t SET x = 1")).toBe(false);
  });
});
