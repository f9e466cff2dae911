/**
 * The unsigned floor of bench/partner-api (app/api/bench/unsigned-customer/[id]): absent (404) unless the
 * server runs with BENCH_UNSIGNED_FLOOR=1, and then answering exactly what the signed partner route answers.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/bench/unsigned-customer/[id]/route";
import { db } from "@/server/db/client";
import { idempotent, type PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";

let api: PartnerClient;
let accessKey: string;
let customerId: string;

beforeAll(async () => {
  const { brand, admin } = await partnerBrand();
  await db.brand.update({ where: { id: brand.id }, data: { bonusApprovalThreshold: "1000" } });
  const key = await partnerKey(admin);
  api = key.api;
  accessKey = key.credentials.accessKey;
  const registered = await api.POST("/customers", { params: idempotent(), body: { name: "Floor", email: `floor${Math.random().toString(36).slice(2)}@example.com`, country: "SG" } });
  customerId = registered.data!.id;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const floorRequest = (method: "GET" | "POST", body?: unknown) =>
  new Request(`http://partner.test/api/bench/unsigned-customer/${customerId}`, {
    method,
    headers: { "BD-ACCESS-KEY": accessKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const route = () => ({ params: Promise.resolve({ id: customerId }) });
const grantBody = () => ({ customerId, kind: "withdrawable", amount: "0.01", currency: "USDT", reason: "Bench grant" });

describe("bench floor route", () => {
  it("answers 404 to GET and POST without BENCH_UNSIGNED_FLOOR=1, and grants nothing", async () => {
    vi.stubEnv("BENCH_UNSIGNED_FLOOR", "");
    expect((await GET(floorRequest("GET"), route())).status).toBe(404);
    vi.stubEnv("BENCH_UNSIGNED_FLOOR", "true");
    expect((await GET(floorRequest("GET"), route())).status).toBe(404);
    expect((await POST(floorRequest("POST", grantBody()), route())).status).toBe(404);
    expect(await db.bonusGrant.count({ where: { customerId } })).toBe(0);
  });

  it("with the flag, answers the signed route's JSON: the same customer, and a grant of the same shape", async () => {
    vi.stubEnv("BENCH_UNSIGNED_FLOOR", "1");
    const signed = await api.GET("/customers/{customerId}", { params: { path: { customerId } } });
    const floor = await GET(floorRequest("GET"), route());
    expect(floor.status).toBe(200);
    expect(await floor.json()).toEqual(signed.data);

    const granted = await POST(floorRequest("POST", grantBody()), route());
    expect(granted.status).toBe(201);
    const grant = (await granted.json()) as Record<string, unknown>;
    expect(grant).toMatchObject({ customerId, amount: "0.01", kind: "withdrawable", status: "applied" });
    const viaApi = await api.POST("/bonus-grants", { params: idempotent(), body: grantBody() as never });
    expect(Object.keys(grant).sort()).toEqual(Object.keys(viaApi.data!).sort());
  });
});
