/**
 * Contract of the OKX simulator: what an unchanged OKX client (python-okx, okx-api, ccxt, ours) sees.
 * Requests are built by hand and sent with node:http so the exact bytes are under the test's control:
 * compact and spaced JSON, raw and percent-encoded queries, any key order — each signed the way those
 * clients sign. Needs no database; lives with the integration tests because it starts servers.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_OKX_SIM_API_KEY, DEFAULT_OKX_SIM_PASSPHRASE, DEFAULT_OKX_SIM_SECRET_KEY } from "../../env-defaults";
import { signOkx } from "../okx/sign";
import { REBATE_CSV_FIELDS, type Simulator, type SimulatorOptions, createSimulator } from ".";

// ── Plumbing ─────────────────────────────────────────────────────────────────────────────────────────

interface Envelope {
  code: string;
  msg: string;
  data: unknown[];
}
interface Reply {
  status: number;
  text: string;
  json: Envelope;
  ms: number;
}

/** One request with the exact target and body given (no re-encoding), on a fresh connection. */
function send(base: string, method: string, target: string, opts: { body?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${target.split("?")[0]}`, { method, path: target, headers: opts.headers, agent: false, timeout: opts.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: Envelope;
        try {
          json = JSON.parse(text) as Envelope;
        } catch {
          json = { code: "(not json)", msg: text, data: [] };
        }
        resolve({ status: res.statusCode ?? 0, text, json, ms: Date.now() - started });
      });
    });
    req.on("timeout", () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

interface Credentials {
  key?: string;
  secret?: string;
  passphrase?: string;
  timestamp?: string;
  /** Value of x-simulated-trading; null = header absent. Default "1" (the default key is a demo key). */
  demo?: string | null;
}

function authHeaders(method: string, target: string, body: string, c: Credentials = {}): Record<string, string> {
  const timestamp = c.timestamp ?? new Date().toISOString();
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "OK-ACCESS-KEY": c.key ?? DEFAULT_OKX_SIM_API_KEY,
    "OK-ACCESS-SIGN": signOkx(c.secret ?? DEFAULT_OKX_SIM_SECRET_KEY, timestamp, method, target, body),
    "OK-ACCESS-TIMESTAMP": timestamp,
    "OK-ACCESS-PASSPHRASE": c.passphrase ?? DEFAULT_OKX_SIM_PASSPHRASE,
  };
  const demo = c.demo === undefined ? "1" : c.demo;
  if (demo !== null) headers["x-simulated-trading"] = demo;
  return headers;
}

const get = (sim: Simulator, target: string, c?: Credentials) => send(sim.url, "GET", target, { headers: authHeaders("GET", target, "", c) });
/** POST with the body text exactly as given (and signed). */
const postRaw = (sim: Simulator, target: string, body: string, c?: Credentials) => send(sim.url, "POST", target, { body, headers: authHeaders("POST", target, body, c) });
/** POST as JavaScript clients send it: JSON.stringify, no spaces. */
const post = (sim: Simulator, target: string, params: Record<string, string>, c?: Credentials) => postRaw(sim, target, JSON.stringify(params), c);
/** Python's json.dumps default: ", " and ": " separators. */
const pythonJson = (params: Record<string, string>) => `{${Object.entries(params).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`;

const admin = (sim: Simulator, method: "GET" | "POST", route: string, body?: unknown) =>
  send(sim.url, method, `/sim/admin/${route}`, { body: body === undefined ? undefined : JSON.stringify(body), headers: { "Content-Type": "application/json" } }).then(
    (r) => JSON.parse(r.text) as Record<string, unknown>,
  );

const expectOk = (r: Reply) => {
  expect(r.json, r.text).toMatchObject({ code: "0", msg: "" });
  expect(r.status).toBe(200);
  return r.json.data;
};
const expectError = (r: Reply, status: number, code: string, msg?: string) => {
  expect(r.status, r.text).toBe(status);
  expect(r.json.code).toBe(code);
  expect(r.json.data).toEqual([]);
  if (msg !== undefined) expect(r.json.msg).toBe(msg);
};

interface Page<T> {
  page: string;
  totalPage: string;
  details: T[];
}
interface SubRow {
  subAcct: string;
  uid: string;
  ts: string;
}
interface DepositRow {
  depId: string;
  ts: string;
  state: string;
  subAcct: string;
}

const P = {
  info: "/api/v5/broker/dma/subaccount-info",
  fee: "/api/v5/broker/dma/subaccount-trade-fee",
  apikey: "/api/v5/broker/dma/subaccount/apikey",
  level: "/api/v5/broker/dma/set-subaccount-level",
  addr: "/api/v5/asset/broker/dma/subaccount-deposit-address",
  modifyAddr: "/api/v5/asset/broker/dma/modify-subaccount-deposit-address",
  deposits: "/api/v5/asset/broker/dma/subaccount-deposit-history",
  rebateFile: "/api/v5/broker/fd/rebate-per-orders",
  ifRebate: "/api/v5/broker/fd/if-rebate",
  create: "/api/v5/broker/nd/create-subaccount",
  del: "/api/v5/broker/nd/delete-subaccount",
  modifyKey: "/api/v5/broker/nd/subaccount/modify-apikey",
  deleteKey: "/api/v5/broker/nd/subaccount/delete-apikey",
  withdrawals: "/api/v5/asset/broker/nd/subaccount-withdrawal-history",
  rebateDaily: "/api/v5/broker/nd/rebate-daily",
  ndInfo: "/api/v5/broker/nd/subaccount-info",
  currencies: "/api/v5/asset/currencies",
};

const dirs: string[] = [];
const sims: Simulator[] = [];
async function start(options: SimulatorOptions = {}, dataDir?: string): Promise<Simulator> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), "okx-sim-contract-")));
  if (!dataDir) dirs.push(dir);
  const sim = await createSimulator({ port: 0, dataDir: dir, log: () => {}, ...options });
  sims.push(sim);
  return sim;
}

/** The main simulator: no rate limits (tests call 1-per-second endpoints back to back), short rebate delay. */
let sim: Simulator;
let firstSub: SubRow;

beforeAll(async () => {
  sim = await start({ rateLimits: false, rebateDelayMs: 1000, rebateRows: 50 });
  const page = expectOk(await get(sim, `${P.info}?limit=1`))[0] as Page<SubRow>;
  firstSub = page.details[0];
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

// ── Signatures ───────────────────────────────────────────────────────────────────────────────────────

describe("signatures, the ways OKX clients make them", () => {
  it("accepts a compact JSON body (JavaScript clients, ccxt, okx-api with its extra `tag`)", async () => {
    expect(expectOk(await post(sim, P.level, { subAcct: firstSub.subAcct, acctLv: "2" }))).toEqual([{ acctLv: "2" }]);
    expect(expectOk(await post(sim, P.level, { subAcct: firstSub.subAcct, acctLv: "3", tag: "159881cb7207BCDE" }))).toEqual([{ acctLv: "3" }]);
  });

  it("accepts Python's json.dumps body with spaces, and treats its empty-string parameters as absent", async () => {
    const body = pythonJson({ subAcct: firstSub.subAcct, label: "pykey", passphrase: "Py-Pass-123", ip: "", perm: "" });
    expect(body).toContain('", "');
    const data = expectOk(await postRaw(sim, P.apikey, body)) as { perm: string; ip: string }[];
    expect(data[0]).toMatchObject({ perm: "read_only", ip: "" });
  });

  it("accepts a raw query, the same query in another key order, and a percent-encoded one, with the same answer", async () => {
    const sub = firstSub.subAcct;
    const raw = await get(sim, `${P.addr}?subAcct=${sub}&ccy=USDT`);
    const reordered = await get(sim, `${P.addr}?ccy=USDT&subAcct=${sub}`);
    const encoded = await get(sim, `${P.addr}?ccy=%55SDT&subAcct=${[...sub].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`).join("")}`);
    expectOk(raw);
    expect(reordered.json).toEqual(raw.json);
    expect(encoded.json).toEqual(raw.json);
  });

  it("accepts URLSearchParams encoding (commas as %2C) as our client sends it", async () => {
    const query = new URLSearchParams({ subAcct: firstSub.subAcct, limit: "5", state: "2" }).toString();
    expectOk(await get(sim, `${P.deposits}?${query}`));
    const withComma = new URLSearchParams({ txId: "a,b", limit: "1" }).toString();
    expect(withComma).toContain("%2C");
    expect(expectOk(await get(sim, `${P.deposits}?${withComma}`))).toEqual([]);
  });

  it("verifies over the bytes received: a body re-serialised after signing is refused", async () => {
    const params = { subAcct: firstSub.subAcct, acctLv: "1" };
    const headers = authHeaders("POST", P.level, JSON.stringify(params), {});
    expectError(await send(sim.url, "POST", P.level, { body: pythonJson(params), headers }), 401, "50113");
  });
});

// ── Authentication errors ────────────────────────────────────────────────────────────────────────────

describe("authentication errors, HTTP 401", () => {
  const target = `${P.info}?limit=1`;

  it("wrong secret → 50113, wrong passphrase → 50105, unknown key → 50111", async () => {
    expectError(await get(sim, target, { secret: "NOT-THE-SECRET" }), 401, "50113");
    expectError(await get(sim, target, { passphrase: "Wrong-Pass-1!" }), 401, "50105");
    expectError(await get(sim, target, { key: "00000000-0000-4000-8000-000000000000" }), 401, "50111");
  });

  it("timestamp more than 30 s off (either way) → 50102; not ISO-8601 → 50112", async () => {
    expectError(await get(sim, target, { timestamp: new Date(Date.now() - 31_000).toISOString() }), 401, "50102");
    expectError(await get(sim, target, { timestamp: new Date(Date.now() + 31_000).toISOString() }), 401, "50102");
    expectError(await get(sim, target, { timestamp: String(Math.floor(Date.now() / 1000)) }), 401, "50112");
    expectOk(await get(sim, target, { timestamp: new Date(Date.now() - 20_000).toISOString() }));
  });

  it("a missing header → 50103 key, 50104 passphrase, 50106 sign, 50107 timestamp", async () => {
    const cases: [string, string][] = [
      ["OK-ACCESS-KEY", "50103"],
      ["OK-ACCESS-PASSPHRASE", "50104"],
      ["OK-ACCESS-SIGN", "50106"],
      ["OK-ACCESS-TIMESTAMP", "50107"],
    ];
    for (const [name, code] of cases) {
      const headers = authHeaders("GET", target, "");
      delete headers[name];
      expectError(await send(sim.url, "GET", target, { headers }), 401, code);
    }
  });

  it("demo key without x-simulated-trading: 1 (absent, or Python's live flag \"0\") → 50101; a live key with it → 50101", async () => {
    expectError(await get(sim, target, { demo: null }), 401, "50101");
    expectError(await get(sim, target, { demo: "0" }), 401, "50101");
    const live = await start({ mode: "live", rateLimits: false, subaccounts: 2, deposits: 0 });
    expectError(await get(live, target, { demo: "1" }), 401, "50101");
    expectOk(await get(live, target, { demo: null }));
    expectOk(await get(live, target, { demo: "0" }));
  });

  it("a sub-account's own API key cannot call broker endpoints → 50114", async () => {
    const created = expectOk(await post(sim, P.apikey, { subAcct: firstSub.subAcct, label: "own", passphrase: "Own-Pass-123" })) as { apiKey: string; secretKey: string }[];
    const { apiKey, secretKey } = created[0];
    expectError(await get(sim, target, { key: apiKey, secret: secretKey, passphrase: "Own-Pass-123" }), 401, "50114");
  });

  it("public market data needs no signature", async () => {
    expectOk(await send(sim.url, "GET", "/api/v5/market/tickers?instType=SPOT"));
  });
});

// ── Parameters ───────────────────────────────────────────────────────────────────────────────────────

describe("parameter validation (seed 001 rules): 50014 empty / 51000 invalid, naming the field, HTTP 400", () => {
  const sub = () => firstSub.subAcct;
  const key = (over: Record<string, string>) => ({ subAcct: sub(), label: "valid1", passphrase: "Good-Pass-1", ...over });

  it("API key creation", async () => {
    expectError(await post(sim, P.apikey, { subAcct: sub(), passphrase: "Good-Pass-1" }), 400, "50014", "Parameter label can not be empty.");
    expectError(await post(sim, P.apikey, key({ label: "" })), 400, "50014", "Parameter label can not be empty.");
    expectError(await post(sim, P.apikey, key({ label: "has space" })), 400, "51000", "Parameter label error");
    expectError(await post(sim, P.apikey, key({ label: "x".repeat(51) })), 400, "51000", "Parameter label error");
    for (const weak of ["short1A!", "alllower1!", "ALLUPPER1!", "NoDigits!!", "NoSpecial12", "x".repeat(30) + "A1!a"]) {
      const r = await post(sim, P.apikey, key({ passphrase: weak }));
      if (weak === "short1A!") expectOk(r); // exactly 8 characters with all four classes is fine
      else expectError(r, 400, "51000", "Parameter passphrase error");
    }
    expectError(await post(sim, P.apikey, key({ ip: "10.0.0.1,not-an-ip" })), 400, "51000", "Parameter ip error");
    const ips21 = Array.from({ length: 21 }, (_, i) => `10.0.0.${i + 1}`).join(",");
    expectError(await post(sim, P.apikey, key({ ip: ips21 })), 400, "51000", "Parameter ip error");
    expectOk(await post(sim, P.apikey, key({ ip: `${ips21.split(",").slice(0, 19).join(",")},2001:db8::1`, perm: "read_only,trade,withdraw" })));
    expectError(await post(sim, P.apikey, key({ perm: "read_only,admin" })), 400, "51000", "Parameter perm error");
    expectError(await post(sim, P.apikey, key({ subAcct: "nosuchaccount1" })), 400, "51000", "Parameter subAcct error");
  });

  it("sub-accounts and levels", async () => {
    expectError(await post(sim, P.create, { subAcct: "ab12" }), 400, "51000", "Parameter subAcct error");
    expectError(await post(sim, P.create, { subAcct: "has_underscore1" }), 400, "51000", "Parameter subAcct error");
    expectError(await post(sim, P.create, { subAcct: "a".repeat(21) }), 400, "51000", "Parameter subAcct error");
    expectError(await post(sim, P.create, { subAcct: sub() }), 400, "51000", "Parameter subAcct error"); // exists
    expectError(await post(sim, P.level, { subAcct: sub(), acctLv: "5" }), 400, "51000", "Parameter acctLv error");
    expectError(await post(sim, P.level, { subAcct: sub() }), 400, "50014", "Parameter acctLv can not be empty.");
    expectError(await post(sim, P.level, { subAcct: "nosuchaccount1", acctLv: "1" }), 400, "51000", "Parameter subAcct error");
  });

  it("deposit addresses", async () => {
    expectError(await post(sim, P.addr, { subAcct: sub(), ccy: "usdt" }), 400, "51000", "Parameter ccy error");
    expectError(await post(sim, P.addr, { subAcct: sub(), ccy: "USDT", to: "7" }), 400, "51000", "Parameter to error");
    expectError(await post(sim, P.addr, { subAcct: sub(), ccy: "USDT", addrType: "2" }), 400, "51000", "Parameter addrType error");
    expectError(await post(sim, P.addr, { subAcct: sub(), ccy: "USDT", chain: "USDT-Nowhere" }), 400, "51000", "Parameter chain error");
    expectError(await post(sim, P.modifyAddr, { subAcct: sub(), ccy: "USDT", addr: "0xnotmine", to: "18" }), 400, "51000", "Parameter addr error");
    expectError(await post(sim, P.modifyAddr, { subAcct: sub(), ccy: "USDT", addr: "0xnotmine" }), 400, "50014", "Parameter to can not be empty.");
    expectError(await get(sim, `${P.addr}?subAcct=${sub()}`), 400, "50014", "Parameter ccy can not be empty.");
  });

  it("currencies: ccy upper-case, at most 20, comma-separated (percent-encoded too)", async () => {
    expectError(await get(sim, `${P.currencies}?ccy=btc`), 400, "51000", "Parameter ccy error");
    const many = Array.from({ length: 21 }, (_, i) => `C${i}`);
    expectError(await get(sim, `${P.currencies}?ccy=${many.join(",")}`), 400, "51000", "Parameter ccy error");
    expectOk(await get(sim, `${P.currencies}?ccy=${many.slice(0, 20).join(",")}`));
    expect((expectOk(await get(sim, `${P.currencies}?ccy=BTC%2CXRP`)) as { chain: string }[]).map((r) => r.chain)).toEqual(["BTC-Bitcoin", "XRP-Ripple"]);
  });

  it("history filters and paging parameters", async () => {
    expectError(await get(sim, `${P.deposits}?state=3`), 400, "51000", "Parameter state error");
    expectError(await get(sim, `${P.deposits}?type=5`), 400, "51000", "Parameter type error");
    expectError(await get(sim, `${P.deposits}?limit=101`), 400, "51000", "Parameter limit error");
    expectError(await get(sim, `${P.deposits}?after=yesterday`), 400, "51000", "Parameter after error");
    expectError(await get(sim, `${P.info}?limit=0`), 400, "51000", "Parameter limit error");
    expectOk(await get(sim, `${P.info}?limit=100`));
  });

  it("dates: YYYYMMDD, a real day, begin ≤ end", async () => {
    expectError(await get(sim, `${P.rebateDaily}?begin=20240231&end=20240301`), 400, "51000", "Parameter begin error");
    expectError(await get(sim, `${P.rebateDaily}?begin=2024-01-01`), 400, "51000", "Parameter begin error");
    expectError(await get(sim, `${P.rebateDaily}?begin=20240310&end=20240301`), 400, "51000", "Parameter end error");
    expectError(await get(sim, `${P.rebateFile}?type=false&end=20240301`), 400, "50014", "Parameter begin can not be empty.");
    expectError(await get(sim, `${P.rebateFile}?type=maybe`), 400, "51000", "Parameter type error");
  });

  it("bodies: empty → 50000, not a JSON object → 50002", async () => {
    expectError(await postRaw(sim, P.level, ""), 400, "50000");
    expectError(await postRaw(sim, P.level, "{subAcct:"), 400, "50002");
    expectError(await postRaw(sim, P.level, "[]"), 400, "50002");
  });

  it("unknown paths → 404, wrong method → 405, both in the OKX envelope", async () => {
    expectError(await get(sim, "/api/v5/broker/dma/nothing-here"), 404, "404");
    expectError(await post(sim, P.info, {}), 405, "405");
  });
});

// ── Rate limits ──────────────────────────────────────────────────────────────────────────────────────

describe("rate limits (per endpoint, per key; per IP for public data)", () => {
  let limited: Simulator;
  beforeAll(async () => {
    limited = await start({ subaccounts: 3, deposits: 20 });
  });

  it("answers 50011 with HTTP 429 past the table's limit, counts it, and lets the next window through", async () => {
    await admin(limited, "POST", "reset-stats");
    const first = await get(limited, P.info);
    const firstAt = Date.now();
    expectOk(first);
    expectError(await get(limited, P.info), 429, "50011", "Too Many Requests");
    // Another endpoint has its own window.
    expectOk(await get(limited, P.fee));
    const stats = (await admin(limited, "GET", "stats")) as { rateLimited: number; endpoints: Record<string, { requests: number; rateLimited: number }> };
    expect(stats.rateLimited).toBe(1);
    expect(stats.endpoints[`GET ${P.info}`]).toEqual({ requests: 2, rateLimited: 1 });
    // 1 per second: allowed again once the first request has left the window, not before.
    await vi.waitFor(async () => expectOk(await get(limited, P.info)), { timeout: 2000, interval: 150 });
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(950);
  });

  it("5 per 2 s for set-subaccount-level; ND twins share nothing with their DMA path", async () => {
    const sub = ((expectOk(await get(limited, `${P.ndInfo}?limit=1`))[0] as Page<SubRow>).details[0]).subAcct;
    for (let i = 0; i < 5; i++) expectOk(await post(limited, P.level, { subAcct: sub, acctLv: "1" }));
    expectError(await post(limited, P.level, { subAcct: sub, acctLv: "1" }), 429, "50011");
    expectOk(await post(limited, "/api/v5/broker/nd/set-subaccount-level", { subAcct: sub, acctLv: "1" }));
  });

  it("6 per second for asset/currencies", async () => {
    for (let i = 0; i < 6; i++) expectOk(await get(limited, P.currencies));
    expectError(await get(limited, P.currencies), 429, "50011");
  });

  it("public market data: 20 per 2 s per IP", async () => {
    const replies = [];
    for (let i = 0; i < 21; i++) replies.push(await send(limited.url, "GET", "/api/v5/market/ticker?instId=BTC-USDT"));
    expect(replies.slice(0, 20).every((r) => r.json.code === "0")).toBe(true);
    expectError(replies[20], 429, "50011");
  });

  it("reset-stats zeroes the counts; rate limits can be switched off at run time", async () => {
    const reset = (await admin(limited, "POST", "reset-stats")) as { requests: number; rateLimited: number };
    expect(reset).toMatchObject({ requests: 0, rateLimited: 0 });
    expect(await admin(limited, "POST", "rate-limits", { enabled: false })).toEqual({ enabled: false });
    for (let i = 0; i < 3; i++) expectOk(await get(limited, P.fee));
    await admin(limited, "POST", "rate-limits", { enabled: true, reset: true });
  });
});

// ── Paging ───────────────────────────────────────────────────────────────────────────────────────────

describe("paging", () => {
  it("broker lists: page/limit → data[0] = {page, totalPage, details}", async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(expectOk(await get(sim, `${P.info}?page=${page}&limit=10`))[0] as Page<SubRow>);
    expect(pages.map((p) => [p.page, p.totalPage, p.details.length])).toEqual([
      ["1", "3", 10],
      ["2", "3", 10],
      ["3", "3", 5],
    ]);
    const names = pages.flatMap((p) => p.details.map((d) => d.subAcct));
    expect(new Set(names).size).toBe(25);
    expect((expectOk(await get(sim, `${P.info}?page=4&limit=10`))[0] as Page<SubRow>).details).toEqual([]);
    // Default limit 100: one page.
    expect(expectOk(await get(sim, P.info))[0]).toMatchObject({ page: "1", totalPage: "1" });
    // Filters: an unknown name is an empty page, not an error.
    expect(expectOk(await get(sim, `${P.info}?subAcct=nosuchaccount1`))[0]).toMatchObject({ details: [], totalPage: "0" });
    expect((expectOk(await get(sim, `${P.info}?uid=${firstSub.uid}`))[0] as Page<SubRow>).details.map((d) => d.subAcct)).toEqual([firstSub.subAcct]);
  });

  it("deposit history: newest first; after = older than, before = newer than (ms timestamps)", async () => {
    const page1 = expectOk(await get(sim, `${P.deposits}?limit=50`)) as DepositRow[];
    expect(page1).toHaveLength(50);
    const ts = page1.map((d) => Number(d.ts));
    expect([...ts].sort((a, b) => b - a)).toEqual(ts);
    const page2 = expectOk(await get(sim, `${P.deposits}?limit=50&after=${page1[49].ts}`)) as DepositRow[];
    expect(page2).toHaveLength(50);
    expect(Number(page2[0].ts)).toBeLessThan(Number(page1[49].ts));
    expect(new Set([...page1, ...page2].map((d) => d.depId)).size).toBe(100);
    // Back again: the 50 just newer than page 2's first are page 1.
    expect(expectOk(await get(sim, `${P.deposits}?limit=50&before=${page2[0].ts}`))).toEqual(page1);
    // Default limit 100 (of 200).
    expect(expectOk(await get(sim, P.deposits))).toHaveLength(100);
  });

  it("generated deposits cover every documented state and both types", async () => {
    for (const state of ["0", "1", "2", "8", "11", "12", "13", "14"]) {
      const rows = expectOk(await get(sim, `${P.deposits}?state=${state}&limit=1`)) as DepositRow[];
      expect(rows, `state ${state}`).toHaveLength(1);
    }
    for (const type of ["3", "4"]) expect(expectOk(await get(sim, `${P.deposits}?type=${type}&limit=1`))).toHaveLength(1);
  });
});

// ── Shapes ───────────────────────────────────────────────────────────────────────────────────────────

describe("response shapes (seed 001 field names; strings, booleans where the seed shows them)", () => {
  it("sub-account list and fee rates (`maker`, not the example's \"marker\")", async () => {
    const d = ((expectOk(await get(sim, `${P.info}?limit=1`))[0] as Page<Record<string, unknown>>).details[0]);
    expect(Object.keys(d).sort()).toEqual(["acctLv", "canTransOut", "enable", "frozenFunc", "label", "mainAcct", "subAcct", "ts", "uid"]);
    expect(d).toMatchObject({ enable: expect.any(Boolean), canTransOut: expect.any(Boolean), frozenFunc: expect.any(Array), mainAcct: "", ts: expect.stringMatching(/^\d{13}$/) });
    const fee = (expectOk(await get(sim, `${P.fee}?limit=1`))[0] as Page<{ feeRates: Record<string, string>[] }>).details[0];
    expect(fee.feeRates.map((f) => f.type)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    for (const f of fee.feeRates) expect(Object.keys(f).sort()).toEqual(["maker", "taker", "type"]);
  });

  it("API keys: create (secret once), list, modify, delete", async () => {
    const sub = firstSub.subAcct;
    const [created] = expectOk(await post(sim, P.apikey, { subAcct: sub, label: "shape1", passphrase: "Shape-Pass-1", perm: "trade", ip: "10.0.108.9" })) as Record<string, string>[];
    expect(Object.keys(created).sort()).toEqual(["apiKey", "ip", "label", "passphrase", "perm", "secretKey", "subAcct", "ts"]);
    expect(created).toMatchObject({ subAcct: sub, label: "shape1", perm: "read_only,trade", ip: "10.0.108.9" });
    const listed = expectOk(await get(sim, `${P.apikey}?subAcct=${sub}&apiKey=${created.apiKey}`)) as Record<string, string>[];
    expect(listed).toEqual([{ label: "shape1", apiKey: created.apiKey, perm: "read_only,trade", ip: "10.0.108.9", ts: created.ts }]);
    const [modified] = expectOk(await post(sim, P.modifyKey, { subAcct: sub, apiKey: created.apiKey, perm: "read_only", ip: "1.1.1.1,2.2.2.2" })) as Record<string, string>[];
    expect(modified).toMatchObject({ apiKey: created.apiKey, perm: "read_only", ip: "1.1.1.1,2.2.2.2", label: "shape1" });
    expect(expectOk(await post(sim, P.deleteKey, { subAcct: sub, apiKey: created.apiKey }))).toEqual([{ subAcct: sub }]);
    expect(expectOk(await get(sim, `${P.apikey}?subAcct=${sub}&apiKey=${created.apiKey}`))).toEqual([]);
    expectError(await post(sim, P.deleteKey, { subAcct: sub, apiKey: created.apiKey }), 400, "51000", "Parameter apiKey error");
  });

  it("deposit addresses: memo for EOS, contract tail for tokens, `to` one setting per sub-account", async () => {
    const sub = firstSub.subAcct;
    const [eos] = expectOk(await post(sim, P.addr, { subAcct: sub, ccy: "EOS" })) as Record<string, string>[];
    expect(eos).toMatchObject({ ccy: "EOS", chain: "EOS-EOS", addr: "okbtothemoon", memo: expect.stringMatching(/^\d+$/), ts: expect.stringMatching(/^\d+$/) });
    const [trc] = expectOk(await post(sim, P.addr, { subAcct: sub, ccy: "USDT", chain: "USDT-TRC20", to: "6" })) as Record<string, string>[];
    expect(trc).not.toHaveProperty("memo");
    const [btc] = expectOk(await post(sim, P.addr, { subAcct: sub, ccy: "BTC", addrType: "2" })) as Record<string, string>[];
    expect(btc).toMatchObject({ chain: "BTC-Bitcoin", addr: expect.stringMatching(/^bc1q/) });
    const usdt = expectOk(await get(sim, `${P.addr}?subAcct=${sub}&ccy=USDT`)) as Record<string, unknown>[];
    expect(usdt.find((a) => a.addr === trc.addr)).toEqual({ chain: "USDT-TRC20", ctAddr: "gjLj6t", ccy: "USDT", to: "6", addr: trc.addr, selected: true });
    const [modified] = expectOk(await post(sim, P.modifyAddr, { subAcct: sub, ccy: "USDT", chain: "USDT-TRC20", addr: trc.addr, to: "18" })) as Record<string, string>[];
    expect(modified).toMatchObject({ chain: "USDT-TRC20", ccy: "USDT", to: "18", addr: trc.addr, pmtId: "", tag: "", memo: "", comment: "" });
    const eosAfter = expectOk(await get(sim, `${P.addr}?subAcct=${sub}&ccy=EOS`)) as Record<string, unknown>[];
    expect(eosAfter.every((a) => a.to === "18")).toBe(true);
    // "address:memo" form is accepted for modification.
    expectOk(await post(sim, P.modifyAddr, { subAcct: sub, ccy: "EOS", addr: `${eos.addr}:${eos.memo}`, to: "6" }));
  });

  it("currencies: one row per chain of the asset table — what deposit addresses can be made for", async () => {
    const rows = expectOk(await get(sim, P.currencies)) as Record<string, unknown>[];
    for (const r of rows) {
      expect(r).toMatchObject({ canDep: true, canWd: true, canInternal: true, mainNet: expect.any(Boolean), needTag: expect.any(Boolean), minDep: expect.stringMatching(/^\d+(\.\d+)?$/) });
    }
    // Every listed chain takes an address, the main net is the chain used when none is given, and
    // needTag is where the address carries a memo.
    const sub = firstSub.subAcct;
    const main = rows.find((r) => r.ccy === "USDT" && r.mainNet)!;
    const [made] = expectOk(await post(sim, P.addr, { subAcct: sub, ccy: "USDT" })) as Record<string, string>[];
    expect(made.chain).toBe(main.chain);
    const eos = rows.find((r) => r.ccy === "EOS")!;
    expect(eos.needTag).toBe(true);
    expect(expectOk(await post(sim, P.addr, { subAcct: sub, ccy: "EOS", chain: eos.chain as string }))[0]).toHaveProperty("memo");
    const trc = rows.find((r) => r.chain === "USDT-TRC20")!;
    expect(trc).toMatchObject({ mainNet: false, needTag: false, ctAddr: "gjLj6t" });
    expectOk(await post(sim, P.addr, { subAcct: sub, ccy: "USDT", chain: "USDT-TRC20" }));
  });

  it("deposit and withdrawal rows", async () => {
    const [dep] = expectOk(await get(sim, `${P.deposits}?limit=1`)) as Record<string, string>[];
    expect(Object.keys(dep).sort()).toEqual(["actualDepBlkConfirm", "amt", "areaCodeFrom", "ccy", "chain", "depId", "from", "state", "subAcct", "to", "ts", "txId"]);
    expect(dep.amt).toMatch(/^\d+(\.\d+)?$/);
    const [wd] = expectOk(await get(sim, `${P.withdrawals}?limit=1`)) as Record<string, string>[];
    expect(wd).toMatchObject({ wdId: expect.any(String), amt: expect.stringMatching(/^\d+(\.\d+)?$/), fee: expect.any(String), state: expect.any(String), ts: expect.stringMatching(/^\d+$/) });
  });

  it("ND create/delete sub-account, the ND list twin, broker info", async () => {
    const [made] = expectOk(await post(sim, P.create, { subAcct: "contractTest01", label: "ct" })) as Record<string, string>[];
    expect(made).toMatchObject({ subAcct: "contractTest01", label: "ct", acctLv: "1", uid: expect.stringMatching(/^\d{18}$/), ts: expect.stringMatching(/^\d+$/) });
    expect(expectOk(await get(sim, `${P.ndInfo}?subAcct=contractTest01`))).toEqual(expectOk(await get(sim, `${P.info}?subAcct=contractTest01`)));
    expect(expectOk(await post(sim, P.del, { subAcct: "contractTest01" }))).toEqual([{ subAcct: "contractTest01" }]);
    expectError(await post(sim, P.del, { subAcct: "contractTest01" }), 400, "51000", "Parameter subAcct error");
    const [info] = expectOk(await get(sim, "/api/v5/broker/nd/info")) as Record<string, string>[];
    expect(info).toMatchObject({ subAcctQty: "25" });
  });

  it("if-rebate and rebate-daily", async () => {
    const [r] = expectOk(await get(sim, `${P.ifRebate}?apiKey=63d54aa0-0020-4ad9-a9f0-ac92654bc831`)) as Record<string, unknown>[];
    expect(Object.keys(r).sort()).toEqual(["affiliated", "brokerCode", "clientRebateRatio", "lastRebate", "type"]);
    expect(r).toMatchObject({ affiliated: expect.any(Boolean), type: expect.stringMatching(/^[0-3]$/), brokerCode: expect.stringMatching(/^[0-9a-f]{12}SCDE$/) });
    expectError(await get(sim, P.ifRebate), 400, "50014", "Parameter apiKey can not be empty.");
    const [daily] = expectOk(await get(sim, `${P.rebateDaily}?limit=5`)) as (Page<Record<string, string>> & { totalCommission: string })[];
    expect(daily).toMatchObject({ page: "1", totalCommission: expect.stringMatching(/^\d+(\.\d+)?$/) });
    expect(daily.details.length).toBeLessThanOrEqual(5);
    expect(Object.keys(daily.details[0]).sort()).toEqual(["asset", "label", "level", "subAcct", "totalCommission", "ts", "uid", "vol"]);
  });

  it("market data: tickers, ticker, candles as arrays of strings, newest first", async () => {
    const spot = expectOk(await send(sim.url, "GET", "/api/v5/market/tickers?instType=SPOT")) as Record<string, string>[];
    expect(spot.map((t) => t.instId)).toContain("BTC-USDT");
    for (const t of spot) for (const v of Object.values(t)) expect(typeof v).toBe("string");
    const [btc] = expectOk(await send(sim.url, "GET", "/api/v5/market/ticker?instId=BTC-USDT")) as Record<string, string>[];
    expect(Number(btc.last)).toBeGreaterThan(10_000);
    const candles = expectOk(await send(sim.url, "GET", "/api/v5/market/candles?instId=BTC-USDT&bar=1H&limit=5")) as string[][];
    expect(candles).toHaveLength(5);
    for (const c of candles) {
      expect(c).toHaveLength(9);
      for (const v of c) expect(typeof v).toBe("string");
      expect(Number(c[2])).toBeGreaterThanOrEqual(Math.max(Number(c[1]), Number(c[4])));
    }
    expect(Number(candles[0][0]) - Number(candles[1][0])).toBe(3_600_000);
    expect(candles[0][8]).toBe("0");
    expect(candles[1][8]).toBe("1");
    const older = expectOk(await send(sim.url, "GET", `/api/v5/market/candles?instId=BTC-USDT&bar=1H&limit=2&after=${candles[1][0]}`)) as string[][];
    expect(older[0]).toEqual(candles[2]);
    const unknown = await send(sim.url, "GET", "/api/v5/market/ticker?instId=NOPE-USDT");
    expect(unknown.json).toMatchObject({ code: "51001", data: [] });
    expectError(await send(sim.url, "GET", "/api/v5/market/candles?instId=BTC-USDT&bar=7m"), 400, "51000", "Parameter bar error");
  });
});

// ── Rebate files ─────────────────────────────────────────────────────────────────────────────────────

describe("FD rebate files", () => {
  it("POST creates (result false, then true); GET is ongoing, then finished with a 2-hour link to a gzip CSV with the seed's fields", async () => {
    expect(expectOk(await post(sim, P.rebateFile, { begin: "20240101", end: "20240131" }))).toEqual([{ result: "false", ts: expect.stringMatching(/^\d+$/) }]);
    expect(expectOk(await post(sim, P.rebateFile, { begin: "20240101", end: "20240131" }))[0]).toMatchObject({ result: "true" });

    const [ongoing] = expectOk(await get(sim, `${P.rebateFile}?type=true`)) as Record<string, string>[];
    expect(ongoing).toMatchObject({ state: "ongoing", fileHref: "", beginTime: String(Date.UTC(2024, 0, 1)), endTime: String(Date.UTC(2024, 0, 31)) });

    let finished: Record<string, string> = {};
    await vi.waitFor(
      async () => {
        [finished] = expectOk(await get(sim, `${P.rebateFile}?type=false&begin=20240101&end=20240131`)) as Record<string, string>[];
        expect(finished.state).toBe("finished");
      },
      { timeout: 3000, interval: 100 },
    );
    expect(finished.fileHref.startsWith(`${sim.url}/sim/files/`)).toBe(true);
    const expires = Number(new URL(finished.fileHref).searchParams.get("Expires"));
    expect(expires * 1000 - Number(finished.ts)).toBeGreaterThan(2 * 3600_000 - 2000);

    const file = await fetch(finished.fileHref);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/gzip");
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="RebateDetails0101-0131.csv.gz"');
    expect(new URL(finished.fileHref).pathname).toMatch(/^\/sim\/files\/[0-9a-f]+\.csv\.gz$/);
    const lines = gunzipSync(Buffer.from(await file.arrayBuffer())).toString("utf8").trim().split("\n");
    expect(lines[0]).toBe(REBATE_CSV_FIELDS.join(","));
    expect(lines[0]).toBe("brokerCode,level,instId,ordId,spotTradeAmt,derivativeTradeAmt,fee,netFee,settlementFee,brokerRebate,suBrokerRebate,userRebate,affiliated,ts");
    expect(lines).toHaveLength(51);
    expect(lines[1].split(",")).toHaveLength(14);

    const tampered = finished.fileHref.slice(sim.url.length).replace(/Signature=[^&]+/, "Signature=not-the-signature");
    expect((await send(sim.url, "GET", tampered)).status).toBe(403);
  });
});

// ── Persistence ──────────────────────────────────────────────────────────────────────────────────────

describe("persistence", () => {
  it("keeps changes across a restart on the same data directory, written atomically", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "okx-sim-persist-"));
    dirs.push(dir);
    const a = await start({ rateLimits: false, subaccounts: 5, deposits: 10 }, dir);
    expectOk(await post(a, P.create, { subAcct: "persistMe01", label: "keep" }));
    const before = expectOk(await get(a, P.info));
    await a.close();
    expect((await readdir(dir)).sort()).toEqual(["state.json"]);

    const b = await start({ rateLimits: false, subaccounts: 99, deposits: 99 }, dir);
    const after = expectOk(await get(b, P.info));
    expect(after).toEqual(before);
    expect((after[0] as Page<SubRow>).details.map((d) => d.subAcct)).toContain("persistMe01");
  });

  it("generates the same data from the same seed", async () => {
    const one = await start({ rateLimits: false, subaccounts: 5, deposits: 20, seed: 7 });
    const two = await start({ rateLimits: false, subaccounts: 5, deposits: 20, seed: 7 });
    const list = async (s: Simulator) => (expectOk(await get(s, P.info))[0] as Page<SubRow>).details.map((d) => [d.subAcct, d.uid]);
    expect(await list(one)).toEqual(await list(two));
    const deps = async (s: Simulator) => (expectOk(await get(s, P.deposits)) as DepositRow[]).map((d) => [d.depId, d.subAcct, d.state]);
    expect(await deps(one)).toEqual(await deps(two));
  });
});

// ── Faults ───────────────────────────────────────────────────────────────────────────────────────────

describe("fault injection", () => {
  let faulty: Simulator;
  const target = `${P.info}?limit=1`;
  beforeAll(async () => {
    faulty = await start({ rateLimits: false, subaccounts: 3, deposits: 10 });
  });
  const setFaults = (f: Record<string, unknown>) => admin(faulty, "POST", "faults", f);

  it("latency", async () => {
    await setFaults({ latencyMs: 300 });
    const r = await get(faulty, target);
    expectOk(r);
    expect(r.ms).toBeGreaterThanOrEqual(290);
    await setFaults({});
  });

  it("5xx → HTTP 503 50001; errorRate → HTTP 500 50026; only on the listed paths", async () => {
    expect(await setFaults({ status5xxRate: 1, paths: [P.info] })).toEqual({ status5xxRate: 1, paths: [P.info] });
    expectError(await get(faulty, target), 503, "50001", "Service temporarily unavailable. Please try again later.");
    expectOk(await get(faulty, P.fee));
    await setFaults({ errorRate: 1 });
    expectError(await get(faulty, target), 500, "50026", "System error. Try again later");
    await setFaults({});
    expectOk(await get(faulty, target));
  });

  it("drop destroys the connection; timeout never answers", async () => {
    await setFaults({ dropRate: 1 });
    await expect(get(faulty, target)).rejects.toThrow(/socket hang up|ECONNRESET/);
    await setFaults({ timeoutRate: 1 });
    const started = Date.now();
    await expect(send(faulty.url, "GET", target, { headers: authHeaders("GET", target, ""), timeoutMs: 400 })).rejects.toThrow("client timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    await setFaults({});
  });

  it('phase "after": the request takes effect although the client gets the fault', async () => {
    await setFaults({ status5xxRate: 1, phase: "after", paths: [P.create] });
    expectError(await post(faulty, P.create, { subAcct: "afterFault01" }), 503, "50001");
    await setFaults({});
    expect(((expectOk(await get(faulty, `${P.info}?subAcct=afterFault01`))[0]) as Page<SubRow>).details).toHaveLength(1);
  });

  it("admin: rejects bad settings, browser callers; never applies faults to itself", async () => {
    const bad = await send(faulty.url, "POST", "/sim/admin/faults", { body: JSON.stringify({ errorRate: 2 }) });
    expect(bad.status).toBe(400);
    const browser = await send(faulty.url, "GET", "/sim/admin/stats", { headers: { Origin: "http://evil.example" } });
    expect(browser.status).toBe(403);
    await setFaults({ dropRate: 1 });
    expect(await admin(faulty, "GET", "faults")).toEqual({ dropRate: 1 });
    await setFaults({});
  });

  it("admin: add a deposit and move it through its states", async () => {
    const sub = ((expectOk(await get(faulty, `${P.info}?limit=1`))[0]) as Page<SubRow>).details[0].subAcct;
    const made = (await admin(faulty, "POST", "deposit", { subAcct: sub, ccy: "USDT", chain: "USDT-TRC20", amt: "125.5" })) as { depId: string; state: string };
    expect(made.state).toBe("0");
    const [newest] = expectOk(await get(faulty, `${P.deposits}?limit=1`)) as DepositRow[];
    expect(newest).toMatchObject({ depId: made.depId, state: "0", subAcct: sub });
    await admin(faulty, "POST", "deposit", { depId: made.depId, state: "2" });
    expect((expectOk(await get(faulty, `${P.deposits}?limit=1`)) as DepositRow[])[0].state).toBe("2");
  });
});
