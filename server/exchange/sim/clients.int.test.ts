/**
 * Public OKX clients from npm, unchanged but for the base URL, against the simulator: `okx-api` (generic
 * signed GET/POST plus a named method) and `ccxt` (raw implicit methods, which need no loadMarkets). Both
 * run in demo mode, which is how they add `x-simulated-trading: 1`. Issue 15's three calls — the DMA trades
 * POST, the DMA link GET and the affiliate if-rebate — go through each library's own method where it has one
 * (ccxt: all three; okx-api: getAffiliateRebateInfo, and its generic postPrivate / getPrivate for the DMA
 * pair, which it does not name) and are refused with a forged signature. See ../../../../shared/OKX.md "Known
 * clients". Needs no database; lives with the integration tests because it starts a server.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ccxt from "ccxt";
import { RestClient } from "okx-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OKX_SIM_API_KEY, DEFAULT_OKX_SIM_PASSPHRASE, DEFAULT_OKX_SIM_SECRET_KEY } from "../../env-defaults";
import { type Simulator, createSimulator } from ".";

interface Page<T> {
  page: string;
  totalPage: string;
  details: T[];
}
interface SubRow {
  subAcct: string;
  uid: string;
  acctLv: string;
}
interface Envelope<T = unknown> {
  code: string;
  msg: string;
  data: T[];
}
/** broker/dma/trades: the file exists already ("true") or starts generating ("false"). */
interface FileRequest {
  result: string;
  ts: string;
}
/** broker/dma/rebate-per-orders: one row per requested file. */
interface FileRow {
  beginTime: string;
  endTime: string;
  cTime: string;
  fileHref: string;
  state: string;
  ts: string;
}

/** A UTC day `back` days ago as the DMA endpoints take it: YYYYMMDD. */
const dayAgo = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
/** A key the simulator's account does not hold: the affiliate answer is drawn for it (type 0, 2 or 4). */
const OUTSIDE_KEY = "63d54aa0-0020-4ad9-a9f0-ac92654bc831";
/** The answer's type and the result it must come with (only type 2, no invitation, is false). */
const affiliateAnswer = { result: expect.any(Boolean), type: expect.stringMatching(/^[024]$/) };
const consistent = (r: { result: boolean; type: string }) => expect(r.result).toBe(r.type !== "2");

let dir: string;
let sim: Simulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "okx-sim-clients-"));
  // No 50011: both clients call the 1-per-second endpoints back to back.
  sim = await createSimulator({ port: 0, dataDir: dir, rateLimits: false, log: () => {} });
});
afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("okx-api (RestClient)", () => {
  // The client resolves to `data` when the answer is HTTP 200 with code "0", and throws the body otherwise.
  const client = () =>
    new RestClient({ apiKey: DEFAULT_OKX_SIM_API_KEY, apiSecret: DEFAULT_OKX_SIM_SECRET_KEY, apiPass: DEFAULT_OKX_SIM_PASSPHRASE, baseUrl: sim.url, demoTrading: true });

  it("lists DMA sub-accounts through getPrivate and pages like OKX", async () => {
    const data = (await client().getPrivate("/api/v5/broker/dma/subaccount-info", { limit: "10", page: "1" })) as Page<SubRow>[];
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ page: "1" });
    expect(Number(data[0].totalPage)).toBeGreaterThanOrEqual(1);
    expect(data[0].details.length).toBeGreaterThan(0);
    expect(data[0].details.length).toBeLessThanOrEqual(10);
    expect(data[0].details[0]).toMatchObject({ subAcct: expect.any(String), uid: expect.any(String) });
  });

  it("sets a sub-account level through postPrivate (which adds its `tag`) and reads it back", async () => {
    const c = client();
    const [page] = (await c.getPrivate("/api/v5/broker/dma/subaccount-info", { limit: "1" })) as Page<SubRow>[];
    const subAcct = page.details[0].subAcct;
    expect(await c.postPrivate("/api/v5/broker/dma/set-subaccount-level", { subAcct, acctLv: "2" })).toEqual([{ acctLv: "2" }]);
    const [after] = (await c.getPrivate("/api/v5/broker/dma/subaccount-info", { subAcct })) as Page<SubRow>[];
    expect(after.details).toEqual([expect.objectContaining({ subAcct, acctLv: "2" })]);
  });

  it("creates an ND sub-account with its named createSubAccount method", async () => {
    const data = await client().createSubAccount({ subAcct: "okxapiclient1", label: "okxapi", mainAcct: "" });
    expect(data).toEqual([expect.objectContaining({ subAcct: "okxapiclient1", label: "okxapi" })]);
  });

  it("reads a sub-account's own account/balance with getBalance, signed with the sub-account's key", async () => {
    const c = client();
    const [page] = (await c.getPrivate("/api/v5/broker/dma/subaccount-info", { limit: "1" })) as Page<SubRow>[];
    const subAcct = page.details[0].subAcct;
    const [key] = (await c.postPrivate("/api/v5/broker/dma/subaccount/apikey", { subAcct, label: "okxapiown", passphrase: "Own-Pass-123", perm: "read_only" })) as { apiKey: string; secretKey: string; passphrase: string }[];
    const own = new RestClient({ apiKey: key.apiKey, apiSecret: key.secretKey, apiPass: key.passphrase, baseUrl: sim.url, demoTrading: true });
    const [balance] = await own.getBalance();
    expect(balance).toMatchObject({ totalEq: expect.stringMatching(/^\d+(\.\d+)?$/) });
    expect(balance.details.length).toBeGreaterThan(0);
    expect(balance.details[0]).toMatchObject({ ccy: expect.any(String), cashBal: expect.any(String), eq: expect.any(String) });
  });

  it("reads public tickers (unsigned) with getTickers", async () => {
    const tickers = await client().getTickers({ instType: "SPOT" });
    expect(tickers.length).toBeGreaterThan(0);
    expect(tickers.find((t) => t.instId === "BTC-USDT")).toMatchObject({ instType: "SPOT", last: expect.stringMatching(/^\d+(\.\d+)?$/) });
  });

  // okx-api 3.2.3 names no DMA file method: the trades POST and the link GET go through its generic signed
  // postPrivate / getPrivate (postPrivate adds its `tag` to the body, which the endpoint does not document).
  it("requests a DMA trading-details file (postPrivate broker/dma/trades) and finds it by its link GET (getPrivate broker/dma/rebate-per-orders)", async () => {
    const c = client();
    const range = { begin: dayAgo(40), end: dayAgo(38) };
    expect(await c.postPrivate("/api/v5/broker/dma/trades", range)).toEqual([{ result: "false", ts: expect.stringMatching(/^\d{13}$/) }]);
    // The same range again: the exchange already has it.
    expect(await c.postPrivate("/api/v5/broker/dma/trades", range)).toEqual([{ result: "true", ts: expect.stringMatching(/^\d{13}$/) }]);
    const all = (await c.getPrivate("/api/v5/broker/dma/rebate-per-orders", { type: "true" })) as FileRow[];
    const beginMs = String(Date.parse(`${range.begin.slice(0, 4)}-${range.begin.slice(4, 6)}-${range.begin.slice(6)}T00:00:00Z`));
    const mine = all.find((f) => f.beginTime === beginMs);
    expect(mine).toMatchObject({ state: expect.stringMatching(/^(ongoing|finished)$/), cTime: expect.stringMatching(/^\d{13}$/) });
    // type=false: the files whose link was asked for, or whose data falls, within begin–end.
    const inRange = (await c.getPrivate("/api/v5/broker/dma/rebate-per-orders", { type: "false", begin: range.begin, end: range.end })) as FileRow[];
    expect(inRange).toContainEqual(mine);
  });

  it("reads the affiliate if-rebate with its named getAffiliateRebateInfo (users/partner/if-rebate)", async () => {
    const [answer] = (await client().getAffiliateRebateInfo({ apiKey: OUTSIDE_KEY })) as { result: boolean; type: string }[];
    expect(answer).toEqual(affiliateAnswer);
    consistent(answer);
    // One of the account's own sub-account keys: an invitee earning a rebate.
    const [page] = (await client().getPrivate("/api/v5/broker/dma/subaccount-info", { limit: "100" })) as Page<SubRow>[];
    let own: string | undefined;
    for (const { subAcct } of page.details) {
      const keys = (await client().getPrivate("/api/v5/broker/dma/subaccount/apikey", { subAcct })) as { apiKey: string }[];
      own = keys[0]?.apiKey;
      if (own) break;
    }
    expect(own).toBeDefined();
    expect(await client().getAffiliateRebateInfo({ apiKey: own! })).toEqual([{ result: true, type: "0" }]);
  });

  it("is refused on these endpoints when the signature is wrong (the simulator checks it)", async () => {
    const forged = new RestClient({ apiKey: DEFAULT_OKX_SIM_API_KEY, apiSecret: "NOT0THE0SECRET0KEY0000000000000", apiPass: DEFAULT_OKX_SIM_PASSPHRASE, baseUrl: sim.url, demoTrading: true });
    await expect(forged.postPrivate("/api/v5/broker/dma/trades", { begin: dayAgo(3), end: dayAgo(1) })).rejects.toMatchObject({ code: "50113" });
    await expect(forged.getPrivate("/api/v5/broker/dma/rebate-per-orders", { type: "true" })).rejects.toMatchObject({ code: "50113" });
    await expect(forged.getAffiliateRebateInfo({ apiKey: OUTSIDE_KEY })).rejects.toMatchObject({ code: "50113" });
  });

  it("is refused without the demo header (the default key is a demo key)", async () => {
    const live = new RestClient({ apiKey: DEFAULT_OKX_SIM_API_KEY, apiSecret: DEFAULT_OKX_SIM_SECRET_KEY, apiPass: DEFAULT_OKX_SIM_PASSPHRASE, baseUrl: sim.url });
    await expect(live.getPrivate("/api/v5/broker/dma/subaccount-info", { limit: "1" })).rejects.toMatchObject({ code: "50101" });
  });
});

describe("ccxt (okx, raw implicit methods)", () => {
  const client = () => {
    // setSandboxMode swaps urls.api for urls.test and adds x-simulated-trading: 1, so both point at the simulator.
    const exchange = new ccxt.okx({
      apiKey: DEFAULT_OKX_SIM_API_KEY,
      secret: DEFAULT_OKX_SIM_SECRET_KEY,
      password: DEFAULT_OKX_SIM_PASSPHRASE,
      urls: { api: { rest: sim.url }, test: { rest: sim.url } },
    });
    exchange.setSandboxMode(true);
    return exchange;
  };

  it("lists DMA sub-accounts with privateGetBrokerDmaSubaccountInfo", async () => {
    const res = (await client().privateGetBrokerDmaSubaccountInfo({ limit: "5" })) as Envelope<Page<SubRow>>;
    expect(res).toMatchObject({ code: "0", msg: "" });
    expect(res.data[0].details.length).toBeGreaterThan(0);
    expect(res.data[0].details.length).toBeLessThanOrEqual(5);
  });

  it("POSTs to DMA and ND paths (API key creation, level via the ND twin)", async () => {
    const ex = client();
    const list = (await ex.privateGetBrokerDmaSubaccountInfo({ limit: "2" })) as Envelope<Page<SubRow>>;
    const subAcct = list.data[0].details[1].subAcct;
    const key = (await ex.privatePostBrokerDmaSubaccountApikey({ subAcct, label: "ccxt", passphrase: "Ccxt-Pass-123", perm: "read_only" })) as Envelope<{
      subAcct: string;
      apiKey: string;
      secretKey: string;
      perm: string;
    }>;
    expect(key).toMatchObject({ code: "0", data: [expect.objectContaining({ subAcct, perm: "read_only", apiKey: expect.any(String), secretKey: expect.any(String) })] });
    const level = (await ex.privatePostBrokerNdSetSubaccountLevel({ subAcct, acctLv: "3" })) as Envelope;
    expect(level).toEqual({ code: "0", msg: "", data: [{ acctLv: "3" }] });
  });

  it("reads public tickers with publicGetMarketTickers / publicGetMarketTicker (no loadMarkets)", async () => {
    const ex = client();
    const all = (await ex.publicGetMarketTickers({ instType: "SPOT" })) as Envelope<{ instId: string; last: string }>;
    expect(all.code).toBe("0");
    expect(all.data.some((t) => t.instId === "BTC-USDT")).toBe(true);
    const one = (await ex.publicGetMarketTicker({ instId: "BTC-USDT" })) as Envelope<{ instId: string; last: string }>;
    expect(one).toMatchObject({ code: "0", data: [{ instId: "BTC-USDT", last: expect.stringMatching(/^\d+(\.\d+)?$/) }] });
  });

  // ccxt spaces calls by each endpoint's cost: broker/dma/trades costs an hour (OKX's 1 request per 60 min),
  // so after one POST its throttle holds every later call of that instance for an hour. These cases are about
  // paths and signatures, not ccxt's throttle, so they switch it off (the simulator runs without limits too).
  const unthrottled = () => {
    const ex = client();
    ex.enableRateLimit = false;
    return ex;
  };

  it("requests a DMA trading-details file with privatePostBrokerDmaTrades and finds it with privateGetBrokerDmaRebatePerOrders", async () => {
    const ex = unthrottled();
    const range = { begin: dayAgo(60), end: dayAgo(59) };
    const first = (await ex.privatePostBrokerDmaTrades(range)) as Envelope<FileRequest>;
    expect(first).toEqual({ code: "0", msg: "", data: [{ result: "false", ts: expect.stringMatching(/^\d{13}$/) }] });
    const again = (await ex.privatePostBrokerDmaTrades(range)) as Envelope<FileRequest>;
    expect(again.data).toEqual([{ result: "true", ts: first.data[0].ts }]);
    const links = (await ex.privateGetBrokerDmaRebatePerOrders({ type: "false", begin: range.begin, end: range.end })) as Envelope<FileRow>;
    expect(links.code).toBe("0");
    expect(links.data).toContainEqual(expect.objectContaining({ cTime: first.data[0].ts, state: expect.stringMatching(/^(ongoing|finished)$/) }));
  });

  it("reads the affiliate if-rebate with privateGetUsersPartnerIfRebate", async () => {
    const res = (await client().privateGetUsersPartnerIfRebate({ apiKey: OUTSIDE_KEY })) as Envelope<{ result: boolean; type: string }>;
    expect(res).toMatchObject({ code: "0", msg: "" });
    expect(res.data).toEqual([affiliateAnswer]);
    consistent(res.data[0]);
  });

  it("is refused on these endpoints when the signature is wrong (the simulator checks it)", async () => {
    const forged = new ccxt.okx({
      apiKey: DEFAULT_OKX_SIM_API_KEY,
      secret: "NOT0THE0SECRET0KEY0000000000000",
      password: DEFAULT_OKX_SIM_PASSPHRASE,
      urls: { api: { rest: sim.url }, test: { rest: sim.url } },
      enableRateLimit: false,
    });
    forged.setSandboxMode(true);
    await expect(forged.privatePostBrokerDmaTrades({ begin: dayAgo(3), end: dayAgo(1) })).rejects.toThrow(/50113/);
    await expect(forged.privateGetBrokerDmaRebatePerOrders({ type: "true" })).rejects.toThrow(/50113/);
    await expect(forged.privateGetUsersPartnerIfRebate({ apiKey: OUTSIDE_KEY })).rejects.toThrow(/50113/);
  });

  it("maps a simulator error to ccxt's exception (unknown sub-account)", async () => {
    await expect(client().privatePostBrokerNdSetSubaccountLevel({ subAcct: "nosuchsub999", acctLv: "2" })).rejects.toBeInstanceOf(ccxt.ExchangeError);
  });

  it("is refused without sandbox mode (no x-simulated-trading with a demo key)", async () => {
    const live = new ccxt.okx({ apiKey: DEFAULT_OKX_SIM_API_KEY, secret: DEFAULT_OKX_SIM_SECRET_KEY, password: DEFAULT_OKX_SIM_PASSPHRASE, urls: { api: { rest: sim.url } } });
    await expect(live.privateGetBrokerDmaSubaccountInfo({ limit: "1" })).rejects.toThrow(/50101/);
  });
});
