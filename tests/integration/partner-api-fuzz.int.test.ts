/**
 * Hostile input to every partner endpoint (PARTNER_ENDPOINTS): valid requests with one or two values
 * replaced by hostile ones (tests/helpers/hostile.ts: NUL, lone surrogates, huge strings and numbers,
 * dates out of range, wrong types), whole bodies of arbitrary JSON, unknown fields, and raw JSON text and
 * path bytes no serialiser would produce. Never a 5xx; a refusal always has the one shape, a 400 names its
 * field, and a refused request (or any GET) writes nothing of the brand. Plus the fixed body refusals.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { handlePartnerRequest, MAX_BODY_BYTES } from "@/server/partner/dispatch";
import { PARTNER_ENDPOINTS } from "@/server/partner/endpoints";
import type { PartnerEndpoint } from "@/server/partner/registry";
import { HEADERS } from "@/lib/partner-api/signing";
import { applyMutations, CANONICAL, describeValue, fieldsOf, mutationsOf, type Field } from "../helpers/hostile";
import { idempotent, partnerClient, type PartnerClient, type PartnerCredentials } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import { expectRefusal, signedRequest } from "../partner-api/raw";

const RUNS = 40;
let api: PartnerClient;
let credentials: PartnerCredentials;
let brandId: string;
let ids: { customerId: string; tradingAccountId: string; grantId: string };

beforeAll(async () => {
  const a = await partnerBrand({ bonusApprovalThreshold: "1000000" });
  brandId = a.brand.id;
  ({ credentials } = await partnerKey(a.admin));
  // Timestamps that never repeat, so two equal requests in one millisecond are not refused as replays.
  let last = 0;
  api = partnerClient(credentials, { timestamp: () => new Date((last = Math.max(Date.now(), last + 1))).toISOString() });
  const c = await api.POST("/customers", { params: idempotent(), body: { name: "Fuzz", email: `fuzz-${brandId}@example.com`, country: "SG" } });
  const g = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId: c.data!.id, kind: "withdrawable", amount: "50", currency: "USDT", reason: "Fuzz seed" } });
  expect(g.response.status).toBe(201);
  ids = { customerId: c.data!.id, tradingAccountId: g.data!.tradingAccountId, grantId: g.data!.id };
});

/** A valid request of each endpoint: what the mutations start from. */
function validInput(e: PartnerEndpoint): { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown } {
  const email = `v${Math.random().toString(36).slice(2, 10)}@example.com`;
  const params = { customerId: ids.customerId, tradingAccountId: ids.tradingAccountId, grantId: ids.grantId };
  const bodies: Record<string, unknown> = {
    registerCustomer: { name: "Valid", email, country: "SG" },
    grantBonus: { customerId: ids.customerId, kind: "withdrawable", amount: "1", tradingAccountId: ids.tradingAccountId, reason: "Fuzzing" },
    releaseBonus: { amount: "1", reason: "Fuzzing" },
    lockTransfers: { direction: "transfer_in", reason: "Fuzzing", expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    unlockTransfers: { direction: "transfer_in", reason: "Fuzzing" },
  };
  const query = e.operationId === "lookupCustomer" ? { email } : e.query ? { limit: 5 } : {};
  return { params: e.params ? params : {}, query, body: bodies[e.operationId] };
}

/** Rows of the brand a refused request must not add to. */
async function written() {
  const [row] = await db.$queryRaw<{ n: string }[]>`
    SELECT concat_ws('/',
      (SELECT count(*) FROM customer WHERE brand_id = ${brandId}::uuid), (SELECT count(*) FROM bonus_grant WHERE brand_id = ${brandId}::uuid),
      (SELECT count(*) FROM fund_lock WHERE brand_id = ${brandId}::uuid), (SELECT count(*) FROM ledger_journal WHERE brand_id = ${brandId}::uuid),
      (SELECT count(*) FROM audit_log WHERE brand_id = ${brandId}::uuid)) AS n`;
  return row.n;
}

/** What is wrong with an answer, or null. */
function problemOf(method: string, status: number, headers: Headers, payload: unknown, before: string, after: string): string | null {
  if (status >= 500) return `answered ${status}: ${JSON.stringify(payload)}`;
  if ((method === "GET" || status >= 400) && before !== after) return `status ${status} but wrote rows (${before} → ${after})`;
  if (status < 400) return null;
  const r = payload as { code?: unknown; message?: unknown; field?: unknown; requestId?: unknown } | null;
  if (!r || typeof r.code !== "string" || typeof r.message !== "string" || !("field" in r) || typeof r.requestId !== "string") return `not the refusal shape: ${JSON.stringify(payload)}`;
  if (r.requestId !== headers.get(HEADERS.requestId)) return "requestId is not the X-Request-Id header";
  if (status === 400 && (typeof r.field !== "string" || !r.field)) return `400 ${r.code} without a field`;
  return null;
}

type Part = "params" | "query" | "body";
const partsOf = (e: PartnerEndpoint): Part[] => (["params", "query", "body"] as const).filter((p) => e[p]);

/** One or two hostile values in a valid request, arbitrary JSON as the body, or an unknown field. */
function hostileRequest(e: PartnerEndpoint) {
  const valid = validInput(e);
  const fields = partsOf(e).flatMap((part) => fieldsOf(e[part]).filter((f) => f.path.length > 0).map((f): Field => ({ ...f, path: [part, ...f.path] })));
  const options: fc.Arbitrary<typeof valid>[] = [];
  if (fields.length) options.push(mutationsOf(fields, valid).map((m) => applyMutations(valid, m) as typeof valid));
  if (e.body) {
    options.push(fc.jsonValue({ maxDepth: 4 }).map((body) => ({ ...valid, body })));
    options.push(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({ ...valid, body: { ...(valid.body as object), [k]: v } })));
  }
  if (!options.length) options.push(fc.constant(valid));
  return fc.oneof(...options);
}

/** The canonical hostile values of each field, always tried. */
function canonicalRequests(e: PartnerEndpoint) {
  const valid = validInput(e);
  return partsOf(e).flatMap((part) =>
    fieldsOf(e[part])
      .filter((f) => f.path.length > 0)
      .flatMap((f) => CANONICAL[f.kind].map((value) => applyMutations(valid, [{ path: [part, ...f.path], value }]) as typeof valid)),
  );
}

describe("partner API: hostile input never breaks an endpoint", () => {
  it.each(PARTNER_ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))("%s", async (_name, e) => {
    const send = async (input: ReturnType<typeof validInput>): Promise<string | null> => {
      const before = await written();
      let answer: { response: Response; data?: unknown; error?: unknown };
      try {
        const init = { params: { path: input.params, query: input.query, header: e.method === "POST" ? idempotent().header : undefined }, body: e.method === "POST" ? input.body : undefined };
        answer = await api.request(e.method.toLowerCase() as "get", e.path as never, init as never);
      } catch {
        return null; // the client itself cannot send it (a lone surrogate in a URL, a BigInt in JSON): covered raw below
      }
      return problemOf(e.method, answer.response.status, answer.response.headers, answer.data ?? answer.error, before, await written());
    };
    for (const input of canonicalRequests(e)) {
      expect(await send(input), describeValue(input)).toBeNull();
    }
    await fc.assert(
      fc.asyncProperty(hostileRequest(e), async (input) => {
        const problem = await send(input);
        if (problem) throw new Error(`${problem} for ${describeValue(input)}`);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  const RAW_BODIES = [
    '{"name":"A","email":"x@example.com","country":"SG","amount":1e400}',
    '{"customerId":"\\ud800","kind":"withdrawable","amount":"1","reason":"Raw text"}',
    '{"amount":1e400,"reason":"Raw text"}',
    '{"amount":"1e400","reason":"Raw text"}',
    '{"amount":-1,"reason":"Raw text"}',
    '{"amount":0.5,"reason":"Raw text"}',
    '{"direction":"transfer_in","reason":"Raw text","expiresAt":"9999-99-99T99:99:99.999Z"}',
    '{"direction":"transfer_in","reason":"Raw text","expiresAt":"+275760-09-13T00:00:00.000Z"}',
    '{"validityDays":1e400,"customerId":"00000000-0000-0000-0000-000000000000","kind":"withdrawable","amount":"1","currency":"USDT","reason":"Raw text"}',
    '{"name":"a\\u0000b","email":"n@example.com","country":"SG"}',
    '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
    '{"a":1,"a":2}',
    `${"[".repeat(5000)}${"]".repeat(5000)}`,
    '"just a string"',
    "null",
    "-0",
    "1e400",
  ];
  const RAW_SEGMENTS = ["%", "%ED%A0%80", "%C0%AF", "%00", "%FF", "..", "%2F", "%252F", "a".repeat(5000), "00000000-0000-0000-0000-000000000000%00"];
  const raw = async (method: string, path: string, body?: string) => {
    const before = await written();
    const response = await handlePartnerRequest(signedRequest(credentials, method, path, { body }));
    const text = await response.text();
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {
      // not JSON: problemOf reports the shape
    }
    return problemOf(method, response.status, response.headers, payload, before, await written());
  };

  it("answers raw JSON text and path bytes no client would send with a refusal, never a 5xx", async () => {
    const posts = PARTNER_ENDPOINTS.filter((e) => e.method === "POST");
    const pathOf = (e: PartnerEndpoint, segment: string) => e.path.replace(/\{\w+\}/g, segment);
    await fc.assert(
      fc.asyncProperty(fc.nat(posts.length - 1), fc.constantFrom(...RAW_BODIES), async (i, body) => {
        const e = posts[i];
        const problem = await raw("POST", pathOf(e, ids.tradingAccountId), body);
        if (problem) throw new Error(`${problem} for POST ${e.path} ${body.slice(0, 80)}`);
      }),
      { numRuns: 60 },
    );
    for (const e of PARTNER_ENDPOINTS.filter((x) => x.params)) {
      for (const segment of RAW_SEGMENTS) {
        const body = e.method === "POST" ? JSON.stringify(validInput(e).body) : undefined;
        expect(await raw(e.method, pathOf(e, segment), body), `${e.method} ${pathOf(e, segment).slice(0, 80)}`).toBeNull();
      }
    }
    for (const query of ["?limit=%", "?limit=1e400", "?limit=-1", "?limit=0.5", "?cursor=%ED%A0%80", "?limit=1&limit=2", "?status=%00", "?unknown=1"]) {
      expect(await raw("GET", `/customers${query}`), query).toBeNull();
    }
  }, 120_000);
});

describe("partner API: body refusals", () => {
  const register = JSON.stringify({ name: "Body", email: "body@example.com", country: "SG" });
  const send = (req: Request) => handlePartnerRequest(req);

  it("refuses malformed JSON and bytes that are not UTF-8, naming the body", async () => {
    await expectRefusal(await send(signedRequest(credentials, "POST", "/customers", { body: '{"name": "Lin",' })), 400, "partnerApi.errors.invalidJson", "body");
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    await expectRefusal(await send(signedRequest(credentials, "POST", "/customers", { body: bytes })), 400, "partnerApi.errors.invalidUtf8", "body");
    // 10,000 levels fit in 64 KB; the body's walk stops at the limit instead of overflowing the stack (a 500).
    const deep = `{"name":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    await expectRefusal(await send(signedRequest(credentials, "POST", "/customers", { body: deep })), 400, "partnerApi.errors.invalidValue", "body");
  });

  it("refuses a body over 64 KB, declared or streamed", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES), email: "big@example.com", country: "SG" });
    await expectRefusal(await send(signedRequest(credentials, "POST", "/customers", { body: big })), 413, "errors.bodyTooLarge", "body");
    const chunk = new TextEncoder().encode(big.slice(0, 8192));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES * 2) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = signedRequest(credentials, "POST", "/customers", { body: stream, signedBody: big });
    expect(streamed.headers.get("content-length")).toBeNull();
    await expectRefusal(await send(streamed), 413, "errors.bodyTooLarge", "body");
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2); // it stopped reading past the limit
  });

  it("refuses a POST body that is not JSON", async () => {
    const answer = await send(signedRequest(credentials, "POST", "/customers", { body: register, headers: { "content-type": "text/plain" } }));
    await expectRefusal(answer, 415, "partnerApi.errors.unsupportedMediaType", "Content-Type");
  });

  it("refuses an unknown field, naming it", async () => {
    const answer = await api.POST("/customers", { params: idempotent(), body: { name: "Extra", email: "extra@example.com", country: "SG", colour: "red" } as never });
    const refusal = await expectRefusal(answer, 400, "partnerApi.errors.unknownField", "colour");
    expect(refusal.message).toContain("colour");
  });

  it("answers 405 to a method the path does not take, and 404 to an unknown path", async () => {
    await expectRefusal(await send(signedRequest(credentials, "GET", "/bonus-grants")), 405, "partnerApi.errors.methodNotAllowed", null);
    await expectRefusal(await send(signedRequest(credentials, "DELETE", `/customers/${ids.customerId}`)), 405, "partnerApi.errors.methodNotAllowed", null);
    await expectRefusal(await send(signedRequest(credentials, "GET", "/no-such-thing")), 404, "errors.notFound.route", null);
    await expectRefusal(await send(signedRequest(credentials, "POST", "/customers/x/y/z", { body: "{}" })), 404, "errors.notFound.route", null);
  });
});
