import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { OkxError } from "@/server/exchange/okx";
import type { Position } from "@/server/exchange/okx/schemas";
import { kindFailure } from "./sync";
import { exposureOf } from "./sync-write";

const position = (p: Partial<Position>): Position =>
  ({ instType: "SWAP", instId: "BTC-USDT-SWAP", posId: "1", posSide: "net", pos: "2", mgnMode: "cross", avgPx: "60000", markPx: "61000", upl: null, uplRatio: null, lever: "", liqPx: null, mgnRatio: null, imr: null, notionalUsd: null, ccy: "", cTime: new Date(0), uTime: new Date(0), ...p }) as Position;

describe("exposureOf", () => {
  it("is OKX's notionalUsd, made positive, when given", () => {
    expect(exposureOf(position({ notionalUsd: "-1234.5" }), new Map())).toBe("1234.500000000000000000");
  });
  it("is |size| × contract value × mark price otherwise, exactly", () => {
    expect(exposureOf(position({ pos: "-3" }), new Map([["BTC-USDT-SWAP", new Decimal("0.01")]]))).toBe("1830.000000000000000000");
    // Without a contract value one unit per contract; without a mark price the average price.
    expect(exposureOf(position({ pos: "0.1", markPx: null }), new Map())).toBe("6000.000000000000000000");
  });
});

describe("kindFailure", () => {
  it("names what went wrong in words the page translates, with OKX's code", () => {
    expect(kindFailure(new OkxError({ code: "50011", msg: "Too Many Requests", httpStatus: 429, endpoint: "accountBills" }))).toEqual({ code: "rate_limited", message: "50011 (HTTP 429) Too Many Requests" });
    expect(kindFailure(new OkxError({ code: "TIMEOUT", msg: "", httpStatus: null, endpoint: "fills", kind: "transient" })).code).toBe("timeout");
    expect(kindFailure(new OkxError({ code: "50001", msg: "busy", httpStatus: 503, endpoint: "fills" })).code).toBe("unavailable");
    expect(kindFailure(new OkxError({ code: "50111", msg: "Invalid OK-ACCESS-KEY.", httpStatus: 401, endpoint: "fills" })).code).toBe("auth");
    expect(kindFailure(new Error("x".repeat(400))).message).toHaveLength(300);
  });
});
