/**
 * Public OKX clients from npm, unchanged but for the base URL, against the simulator: `okx-api` (generic
 * signed GET/POST plus a named method) and `ccxt` (raw implicit methods, which need no loadMarkets). Both
 * run in demo mode, which is how they add `x-simulated-trading: 1`. See ../../../../shared/OKX.md "Known
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

  it("reads public tickers (unsigned) with getTickers", async () => {
    const tickers = await client().getTickers({ instType: "SPOT" });
    expect(tickers.length).toBeGreaterThan(0);
    expect(tickers.find((t) => t.instId === "BTC-USDT")).toMatchObject({ instType: "SPOT", last: expect.stringMatching(/^\d+(\.\d+)?$/) });
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

  it("maps a simulator error to ccxt's exception (unknown sub-account)", async () => {
    await expect(client().privatePostBrokerNdSetSubaccountLevel({ subAcct: "nosuchsub999", acctLv: "2" })).rejects.toBeInstanceOf(ccxt.ExchangeError);
  });

  it("is refused without sandbox mode (no x-simulated-trading with a demo key)", async () => {
    const live = new ccxt.okx({ apiKey: DEFAULT_OKX_SIM_API_KEY, secret: DEFAULT_OKX_SIM_SECRET_KEY, password: DEFAULT_OKX_SIM_PASSPHRASE, urls: { api: { rest: sim.url } } });
    await expect(live.privateGetBrokerDmaSubaccountInfo({ limit: "1" })).rejects.toThrow(/50101/);
  });
});
