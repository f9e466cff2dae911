/**
 * DMA trading-detail files and the affiliate if-rebate, through the typed client against the simulator:
 * request → ongoing → finished → a 9-hour link → gzip CSV whose rows are the simulator's own sub-accounts
 * trading at their own fee rates; an overlapping file holds the same fills on the days it shares, and ND
 * rebate-daily sums exactly those fills (unless a test adjusts a day); links that expire; OKX's parameter
 * errors; 50011 on a second request inside the hour. (FD files are covered by contract.int.test.ts; both
 * are gzip.)
 */
import Decimal from "decimal.js";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DMA_TRADES_CSV_COLUMNS, FILE_LINK_TTL_MS } from "../okx/files";
import type { OkxClient } from "../okx/client";
import { ENDPOINTS } from "../okx/endpoints";
import { simClient, startSim, type SimHarness } from "../okx/testing/sim-harness";
import { feeTypeOf } from ".";

/** Fills a day; the main file covers seven days. */
const PER_DAY = 60;
const DAY = 86_400_000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
/** The UTC day `back` days before today, as YYYYMMDD. */
const daysAgo = (back: number) => new Date(today - back * DAY).toISOString().slice(0, 10).replaceAll("-", "");
/** No client-side pacing: the simulator's own limits (off here, on in `limited`) are what is tested. */
const unpaced = Object.fromEntries(Object.keys(ENDPOINTS).map((id) => [id, { count: 1000, windowMs: 1000 }]));

let h: SimHarness;
let okx: OkxClient;
const harnesses: SimHarness[] = [];
const start = async (options: Parameters<typeof startSim>[0]) => {
  const s = await startSim(options);
  harnesses.push(s);
  return s;
};

beforeAll(async () => {
  h = await start({ rateLimits: false, rebateDelayMs: 400, dmaRowsPerDay: PER_DAY });
  okx = simClient(h.url, null, { limits: unpaced, maxRetries: 0 });
});
afterAll(async () => {
  await Promise.all(harnesses.map((s) => s.close()));
});

const download = async (href: string) => {
  const res = await fetch(href);
  return { res, text: res.ok ? gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8") : await res.text() };
};
/** YYYYMMDD → its 00:00 UTC in ms. */
const dateOf = (yyyymmdd: string) => Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
const rowsOf = (text: string) => text.trimEnd().split("\n").map((l) => l.split(","));
const finishedFiles = async (client: OkxClient) => {
  let files: Awaited<ReturnType<OkxClient["getDmaTradesFile"]>> = [];
  await vi.waitFor(
    async () => {
      files = await client.getDmaTradesFile({ type: true });
      expect(files.every((f) => f.state === "finished")).toBe(true);
    },
    { timeout: 5000, interval: 100 },
  );
  return files;
};

describe("DMA trading files", () => {
  it("request → ongoing → finished with a 9-hour link → gzip CSV of the sim's sub-accounts at their fee rates", async () => {
    const first = await okx.createDmaTradesFile({ begin: daysAgo(7), end: daysAgo(0) });
    expect(first.result).toBe(false);
    expect(await okx.createDmaTradesFile({ begin: daysAgo(7), end: daysAgo(0) })).toEqual({ result: true, ts: first.ts });

    const [ongoing] = await okx.getDmaTradesFile({ type: true });
    expect(ongoing).toMatchObject({ state: "ongoing", fileHref: "", beginTime: new Date(today - 7 * DAY), endTime: new Date(today), cTime: first.ts });

    const [file] = await finishedFiles(okx);
    const link = new URL(file.fileHref);
    expect(link.pathname).toMatch(/^\/sim\/files\/[0-9a-f]+\.csv\.gz$/);
    expect(Number(link.searchParams.get("Expires")) * 1000 - file.ts.getTime()).toBeGreaterThan(FILE_LINK_TTL_MS.dma - 2000);
    // The FD list is a separate one.
    expect(await okx.getRebateFile({ type: true })).toEqual([]);

    const { res, text } = await download(file.fileHref);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="TradeDetails${daysAgo(7).slice(4)}-${daysAgo(0).slice(4)}.csv.gz"`);
    expect(res.headers.get("content-length")).toBeNull(); // streamed
    const [header, ...rows] = rowsOf(text);
    expect(header).toEqual([...DMA_TRADES_CSV_COLUMNS]);
    expect(header.join(",")).toBe("subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts");
    expect(rows).toHaveLength(7 * PER_DAY);

    const subs = new Map((await okx.subaccountInfo({ limit: 100 })).details.map((s) => [s.subAcct, s]));
    const rates = new Map((await okx.subaccountTradeFee({ limit: 100 })).details.map((s) => [s.subAcct, s.feeRates]));
    const [from, to] = [today - 7 * DAY, today];
    const tradeIds = new Set<string>();
    const fillsPerOrder = new Map<string, number>();
    for (const [subAcct, lv, firstLv, instId, ordId, tradeId, amt, fee, execType, ts] of rows) {
      const sub = subs.get(subAcct);
      expect(sub, subAcct).toBeDefined();
      expect([lv, firstLv]).toEqual(sub!.mainAcct ? ["2", sub!.mainAcct] : ["1", subAcct]);
      expect(ordId).toMatch(/^\d{18}$/);
      expect(amt).toMatch(/^\d+(\.\d{1,8})?$/);
      expect(["T", "M"]).toContain(execType);
      expect(Number(ts)).toBeGreaterThanOrEqual(from);
      expect(Number(ts)).toBeLessThan(to);
      const rate = rates.get(subAcct)!.find((r) => r.type === String(feeTypeOf(instId)))!;
      const want = new Decimal(amt).times(execType === "M" ? rate.maker : rate.taker).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
      expect(new Decimal(fee).eq(want), `${fee} = ${amt} × ${execType} rate of type ${feeTypeOf(instId)}`).toBe(true);
      expect(new Decimal(fee).isNegative()).toBe(true); // every generated rate is a charge
      tradeIds.add(tradeId);
      fillsPerOrder.set(ordId, (fillsPerOrder.get(ordId) ?? 0) + 1);
    }
    expect(tradeIds.size).toBe(7 * PER_DAY);
    expect(Math.max(...fillsPerOrder.values())).toBeGreaterThan(1);
    // Both levels: the generated set has second-level sub-accounts, and they trade.
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["1", "2"]));

    // The same file again: the same rows.
    expect((await download(file.fileHref)).text).toBe(text);
  });

  it("an overlapping file holds the same fills on the shared day; rebate-daily sums exactly those fills", async () => {
    await okx.createDmaTradesFile({ begin: daysAgo(3), end: daysAgo(1) });
    await okx.createDmaTradesFile({ begin: daysAgo(2), end: daysAgo(0) });
    const files = await finishedFiles(okx);
    const rowsFrom = async (begin: string, end: string) => {
      const f = files.find((x) => x.beginTime.getTime() === dateOf(begin) && x.endTime.getTime() === dateOf(end))!;
      return rowsOf((await download(f.fileHref)).text).slice(1);
    };
    const [early, late] = [await rowsFrom(daysAgo(3), daysAgo(1)), await rowsFrom(daysAgo(2), daysAgo(0))];
    const shared = dateOf(daysAgo(2));
    const onShared = (rows: string[][]) => rows.filter((r) => Number(r[9]) >= shared && Number(r[9]) < shared + DAY).map((r) => r.join(","));
    expect(onShared(early)).toHaveLength(PER_DAY);
    expect(onShared(late)).toEqual(onShared(early));

    // Per sub-account and day: vol = Σ amt, totalCommission = 30 % of Σ |fee| (half up, 8 decimals).
    const want = new Map<string, { vol: Decimal; fees: Decimal }>();
    for (const r of [...early, ...late.filter((x) => Number(x[9]) >= shared + DAY)]) {
      const key = `${r[0]}|${Math.floor(Number(r[9]) / DAY) * DAY}`;
      const w = want.get(key) ?? { vol: new Decimal(0), fees: new Decimal(0) };
      want.set(key, { vol: w.vol.plus(r[6]), fees: w.fees.plus(new Decimal(r[7]).abs()) });
    }
    const daily = async () => {
      const rows: Awaited<ReturnType<OkxClient["rebateDaily"]>>["details"] = [];
      for (let page = 1; ; page++) {
        const answer = await okx.rebateDaily({ begin: daysAgo(3), end: daysAgo(1), page, limit: 100 });
        rows.push(...answer.details);
        if (page >= answer.totalPage) return rows;
      }
    };
    const got = await daily();
    expect(new Set(got.map((d) => d.ts.getTime()))).toEqual(new Set([3, 2, 1].map((n) => dateOf(daysAgo(n)))));
    expect(got).toHaveLength(want.size);
    for (const d of got) {
      const w = want.get(`${d.subAcct}|${d.ts.getTime()}`);
      expect(w, `${d.subAcct} traded on ${d.ts.toISOString()}`).toBeDefined();
      expect(d.vol).toBe(w!.vol.toFixed());
      expect(d.totalCommission).toBe(w!.fees.times("0.3").toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed());
    }

    // The admin hook: one day's rebate-daily disagrees by the delta, the other days do not move.
    const volOf = (rows: typeof got, day: string) => rows.filter((d) => d.ts.getTime() === dateOf(day)).reduce((n, d) => n.plus(d.vol), new Decimal(0));
    await h.adjustRebateDaily({ day: daysAgo(2), volDelta: "1000.5", commissionDelta: "-0.1" });
    const adjusted = await daily();
    expect(volOf(adjusted, daysAgo(2)).minus(volOf(got, daysAgo(2))).toFixed()).toBe("1000.5");
    expect(volOf(adjusted, daysAgo(3)).eq(volOf(got, daysAgo(3)))).toBe(true);
    await h.adjustRebateDaily({ day: daysAgo(2) });
    expect(await daily()).toEqual(got);
  });

  it("links: a fresh one per GET; one made expired (admin file-links) or tampered with is refused with 403", async () => {
    await okx.createDmaTradesFile({ begin: "20240201", end: "20240202" });
    await finishedFiles(okx);
    await h.setFileLinkTtl(0);
    const expired = (await okx.getDmaTradesFile({ type: false, begin: "20240201", end: "20240201" }))[0].fileHref;
    const refused = await download(expired);
    expect(refused.res.status).toBe(403);
    expect(refused.text).toMatch(/^AccessDenied: Request has expired/);

    await h.setFileLinkTtl(null);
    const fresh = (await okx.getDmaTradesFile({ type: false, begin: "20240201", end: "20240201" }))[0].fileHref;
    expect(fresh).not.toBe(expired);
    expect((await download(fresh)).res.status).toBe(200);
    expect((await download(fresh.replace(/Signature=[^&]+/, "Signature=forged"))).res.status).toBe(403);
    expect((await download(fresh.replace(/\.csv\.gz\?/, ".csv?"))).res.status).toBe(404);
  });

  it("a simulator without sub-accounts gives the header alone", async () => {
    const empty = await start({ rateLimits: false, rebateDelayMs: 0, subaccounts: 0, deposits: 0 });
    const client = simClient(empty.url, null, { limits: unpaced });
    await client.createDmaTradesFile({ begin: "20240301", end: "20240401" });
    const [file] = await finishedFiles(client);
    expect((await download(file.fileHref)).text).toBe(`${DMA_TRADES_CSV_COLUMNS.join(",")}\n`);
  });

  it("refuses what OKX refuses: end not after begin, over 180 days, missing or malformed dates (51000 / 50014)", async () => {
    const raw = (id: "createDmaTradesFile" | "getDmaTradesFile", params: Record<string, unknown>) =>
      okx.request(id, params, { skipValidation: true }).then(
        () => "ok",
        (e: { code: string; msg: string }) => `${e.code} ${e.msg}`,
      );
    expect(await raw("createDmaTradesFile", { begin: "20240301", end: "20240301" })).toBe("51000 Parameter end error");
    expect(await raw("createDmaTradesFile", { begin: "20240302", end: "20240301" })).toBe("51000 Parameter end error");
    expect(await raw("createDmaTradesFile", { begin: "20240101", end: "20240630" })).toBe("51000 Parameter end error");
    expect(await raw("createDmaTradesFile", { begin: "20240101", end: "20240629" })).toBe("ok"); // 180 days
    expect(await raw("createDmaTradesFile", { end: "20240301" })).toBe("50014 Parameter begin can not be empty.");
    expect(await raw("createDmaTradesFile", { begin: "20240230", end: "20240301" })).toBe("51000 Parameter begin error");
    expect(await raw("getDmaTradesFile", { type: false, end: "20240301" })).toBe("50014 Parameter begin can not be empty.");
    expect(await raw("getDmaTradesFile", { type: "maybe" })).toBe("51000 Parameter type error");
  });

  it("50011 (HTTP 429) for a second request inside the hour; the real client does not send it", async () => {
    const limited = await start({ rebateDelayMs: 0, subaccounts: 2, deposits: 0 });
    const eager = simClient(limited.url, null, { limits: unpaced, maxRetries: 0 });
    expect((await eager.createDmaTradesFile({ begin: "20240101", end: "20240102" })).result).toBe(false);
    await expect(eager.createDmaTradesFile({ begin: "20240102", end: "20240103" })).rejects.toMatchObject({ code: "50011", httpStatus: 429, kind: "rate_limited" });
    expect(await limited.statsOf("POST", "/api/v5/broker/dma/trades")).toEqual({ requests: 2, rateLimited: 1 });

    const paced = simClient(limited.url, null, { maxRetries: 0 });
    await paced.createDmaTradesFile({ begin: "20240103", end: "20240104" }).catch(() => undefined); // the sim's window is full: 50011
    await expect(paced.createDmaTradesFile({ begin: "20240104", end: "20240105" }, { maxRateWaitMs: 100 })).rejects.toMatchObject({ code: "RATE_LIMIT_WAIT" });
    expect((await limited.statsOf("POST", "/api/v5/broker/dma/trades")).requests).toBe(3);
  });
});

describe("affiliate if-rebate", () => {
  it("answers {result, type} stably per apiKey; the account's own sub-account keys earn a rebate", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => okx.partnerIfRebate({ apiKey: `a1b2c3d4-0000-4000-8000-${String(i).padStart(12, "0")}` })));
    for (const a of answers) {
      expect(["0", "2", "4"]).toContain(a.type);
      expect(a.result).toBe(a.type !== "2");
    }
    expect(await okx.partnerIfRebate({ apiKey: "a1b2c3d4-0000-4000-8000-000000000003" })).toEqual(answers[3]);
    const sub = (await okx.subaccountInfo({ limit: 1 })).details[0].subAcct;
    const { apiKey } = await okx.createApiKey({ subAcct: sub, label: "affiliate", passphrase: "Aff-pass-123" });
    expect(await okx.partnerIfRebate({ apiKey })).toEqual({ result: true, type: "0" });
  });
});
