/**
 * The simulator's HTTP server and request pipeline:
 *   body → route → fault ("before") → auth (private) → rate limit → params → handler → fault ("after") → answer.
 * Every answer is OKX's envelope {"code","msg","data":[]} with OKX's HTTP status. /sim/* is the
 * simulator's own: rebate files (no auth, signed link) and the loopback-only admin endpoints.
 */
import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MAIN_SIM_ACCOUNT, SIM_ACCOUNT_ID } from "../sim-accounts";
import { SimAccounts } from "./accounts";
import { authenticate } from "./auth";
import { type SimConfig, type SimulatorOptions, resolveConfig } from "./config";
import { Errors, OkxError, type OkxBody, PerItemAnswer, errorBody } from "./errors";
import type { Caller } from "./handlers/context";
import { type FaultKind, Faults } from "./faults";
import { type AdminRuntime, handleAdmin, isLoopback } from "./handlers/admin";
import { linkValid, sendFile } from "./handlers/files";
import { RateLimiter, Stats } from "./rate-limit";
import { type Route, buildRoutes, lookup, pathKnown } from "./routes";
import { type RawParams, paramsFromBody, paramsFromQuery } from "./validation";

const MAX_BODY = 1024 * 1024;

export interface Simulator {
  /** Base URL to give a client, e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  port: number;
  /** The master key it accepts (the secret and passphrase are the ones passed in / the defaults); keys derived from it open accounts of their own. */
  apiKey: string;
  mode: SimConfig["mode"];
  dataDir: string;
  /** Stops listening, drops open connections (including held "timeout" requests) and writes state.json. */
  close(): Promise<void>;
}

/** Starts a simulator; `port: 0` picks a free port (tests). Resolves once it is listening. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = resolveConfig(options);
  const accounts = await SimAccounts.open(config);
  const rt: Runtime = {
    config,
    accounts,
    faults: new Faults(config.faults, config.seed),
    limiter: new RateLimiter(config.rateLimits),
    stats: new Stats(),
    routes: buildRoutes(),
    held: new Set(),
  };
  const server = http.createServer((req, res) => {
    handle(rt, req, res).catch((e: unknown) => {
      config.log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) send(res, Errors.systemError().httpStatus, errorBody(Errors.systemError()));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    apiKey: config.apiKey,
    mode: config.mode,
    dataDir: config.dataDir,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const res of rt.held) res.socket?.destroy();
        server.closeAllConnections();
        await closed;
        await accounts.close();
      })()),
  };
}

interface Runtime extends Omit<AdminRuntime, "store"> {
  routes: Map<string, Route>;
  /** Requests held open by the "timeout" fault. */
  held: Set<ServerResponse>;
}

function send(res: ServerResponse, status: number, body: unknown, contentType = "application/json") {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

const sendError = (res: ServerResponse, e: OkxError) => send(res, e.httpStatus, errorBody(e));

/** The raw body text, or null when it was too large (already answered). */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) {
      sendError(res, Errors.bodyTooLarge());
      req.socket.destroySoon();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req, res);
  if (body === null) return;
  const method = (req.method ?? "GET").toUpperCase();
  // The request target exactly as received (origin-form); absolute-form targets lose their origin.
  const target = (req.url ?? "/").replace(/^[a-z]+:\/\/[^/]*/i, "") || "/";
  const q = target.indexOf("?");
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? "" : target.slice(q + 1);

  if (path.startsWith("/sim/")) return simPath(rt, req, res, method, path, query, body);

  const route = lookup(rt.routes, method, path);
  if (!route) {
    rt.stats.request("unmatched");
    return sendError(res, pathKnown(rt.routes, path) ? Errors.methodNotAllowed() : Errors.notFound());
  }
  rt.stats.request(route.key);

  const fault = rt.faults.decide(path);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault?.kind && fault.phase === "before") return applyFault(rt, fault.kind, req, res);

  const now = Date.now();
  let caller = req.socket.remoteAddress ?? "unknown";
  // Public endpoints read only what every account shares (currencies, prices): the main account's.
  let account = MAIN_SIM_ACCOUNT;
  let who: Caller | null = null;
  if (route.private) {
    const access = { signer: route.signer, perm: route.perm };
    const auth = authenticate({ method, target, body, headers: req.headers }, rt.config, rt.accounts.byId(), now, access, req.socket.remoteAddress ?? "");
    if (!auth.ok) return sendError(res, auth.error);
    caller = auth.apiKey;
    account = auth.account;
    who = { apiKey: auth.apiKey, subAcct: auth.subAcct };
  }
  for (const [scope, units] of limitScopes(route, method === "GET" ? "" : body)) {
    if (!rt.limiter.take(route.key, scope ? `${caller}\n${scope}` : caller, route.limit, now, units)) {
      rt.stats.rateLimited(route.key);
      return sendError(res, Errors.tooManyRequests());
    }
  }
  // After the limit is counted: a new account's first request generates its data set, which takes a moment.
  const store = await rt.accounts.get(account);

  let answer: { status: number; body: OkxBody };
  try {
    const params = method === "GET" ? paramsFromQuery(query) : route.arrayBody ? arrayParams(route.arrayBody, body) : paramsFromJson(body);
    const data = route.handler({ params, store, config: rt.config, now, baseUrl: `http://${req.headers.host ?? `127.0.0.1:${rt.config.port}`}`, caller: who });
    answer = { status: 200, body: { code: "0", msg: "", data } };
  } catch (e) {
    if (e instanceof PerItemAnswer) answer = { status: 200, body: { code: e.code, msg: e.message, data: e.data } };
    else if (e instanceof OkxError) answer = { status: e.httpStatus, body: errorBody(e) };
    else throw e;
  }
  if (fault?.kind) return applyFault(rt, fault.kind, req, res);
  send(res, answer.status, answer.body);
}

/**
 * The limiter buckets one request counts against: [scope, units]. Most count once per caller; OKX's order
 * endpoints count per caller + instrument, and cancel-batch-orders counts each order per instrument.
 */
function limitScopes(route: Route, body: string): [string, number][] {
  if (!route.limitBy) return [["", 1]];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [["", 1]];
  }
  const items = (Array.isArray(parsed) ? parsed : [parsed]) as { instId?: unknown }[];
  const counts = new Map<string, number>();
  for (const it of items) {
    const instId = typeof it?.instId === "string" ? it.instId : "";
    counts.set(instId, (counts.get(instId) ?? 0) + 1);
  }
  if (route.limitBy === "instrument") return [[[...counts.keys()][0] ?? "", 1]];
  return [...counts];
}

/** An array body (cancel-batch-orders) → one parameter holding its JSON text; anything else is 50002. */
function arrayParams(name: string, body: string): RawParams {
  if (body.trim() === "") throw Errors.emptyBody();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw Errors.badJson();
  }
  if (!Array.isArray(parsed)) throw Errors.badJson();
  return new Map([[name, JSON.stringify(parsed)]]);
}

/** POST parameters: a JSON object; an empty body is OKX's 50000, anything else unparsable 50002. */
function paramsFromJson(body: string): RawParams {
  if (body.trim() === "") throw Errors.emptyBody();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw Errors.badJson();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw Errors.badJson();
  return paramsFromBody(parsed as Record<string, unknown>);
}

function applyFault(rt: Runtime, kind: FaultKind, req: IncomingMessage, res: ServerResponse) {
  switch (kind) {
    case "timeout":
      // Never answer; forget the response once the client gives up.
      rt.held.add(res);
      res.on("close", () => rt.held.delete(res));
      return;
    case "drop":
      req.socket.destroy();
      return;
    case "status5xx":
      return sendError(res, Errors.serviceUnavailable());
    case "error":
      return sendError(res, Errors.systemError());
  }
}

/** /sim/files/<id>.csv.gz (signed link, streamed gzip) and /sim/admin/* (loopback only; `?account=<id>` picks the account, default main). */
async function simPath(rt: Runtime, req: IncomingMessage, res: ServerResponse, method: string, path: string, query: string, body: string) {
  const file = /^\/sim\/files\/([0-9a-f]{1,64})\.csv\.gz$/.exec(path);
  if (file && method === "GET") {
    const owner = rt.accounts.all().find((s) => s.rebateFiles.some((f) => f.id === file[1]));
    const rec = owner?.rebateFiles.find((f) => f.id === file[1]);
    const q = new URLSearchParams(query);
    const now = Date.now();
    if (!owner || !rec || now < rec.readyAt) return send(res, 404, "NoSuchKey: The specified key does not exist.\n", "text/plain");
    if (!linkValid(rt.config, rec.id, q.get("Expires"), q.get("Signature"), now)) {
      return send(res, 403, "AccessDenied: Request has expired or the signature does not match.\n", "text/plain");
    }
    return sendFile(res, rec, owner, rt.config);
  }
  if (path.startsWith("/sim/admin/")) {
    if (!isLoopback(req.socket.remoteAddress) || req.headers.origin !== undefined) {
      return send(res, 403, { error: "the admin endpoints answer local, non-browser callers only" });
    }
    let parsed: unknown = undefined;
    if (body.trim() !== "") {
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, { error: "body must be JSON" });
      }
    }
    const account = new URLSearchParams(query).get("account") ?? MAIN_SIM_ACCOUNT;
    if (!SIM_ACCOUNT_ID.test(account)) return send(res, 400, { error: "account must be 1–64 letters, digits, _ or -" });
    const answer = handleAdmin({ ...rt, store: await rt.accounts.get(account) }, method, path, parsed);
    return send(res, answer.status, answer.body);
  }
  send(res, 404, errorBody(Errors.notFound()));
}
