/**
 * The unsigned floor of `npm run bench:partner-api` (bench/partner-api/run.ts), and nothing else: it answers
 * 404 unless the server was started with BENCH_UNSIGNED_FLOOR=1, which only that benchmark sets.
 *
 * It runs the partner API's own endpoints — `getCustomer` (GET) and `grantBonus` (POST, the path's customer
 * with the grant body) — with the same schemas, handler and JSON answer as /api/v1, but without what the
 * benchmark measures: no signature check, no Redis nonce and rate count, no request idempotency row (the
 * grant gets a fresh service idempotency key). The caller names its partner key in BD-ACCESS-KEY, unsigned;
 * the key is looked up once per process, so the floor also pays no key look-up.
 */
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { requestMetaFrom, type PartnerContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { json, refusalAnswer, toResponse } from "@/server/partner/answer";
import { PARTNER_ENDPOINTS } from "@/server/partner/endpoints";
import { HEADERS } from "@/lib/partner-api/signing";

export const dynamic = "force-dynamic";

/** Read per request (not server/env.ts): a bench switch, off unless a benchmark's server sets it. */
const enabled = () => process.env.BENCH_UNSIGNED_FLOOR === "1";

const notFound = () => new Response(null, { status: 404 });

const keys = new Map<string, Promise<PartnerContext["actor"] & { brandId: string }>>();

function partnerOf(accessKey: string) {
  let found = keys.get(accessKey);
  if (!found) {
    found = db.partnerKey.findUniqueOrThrow({ where: { accessKey } }).then((k) => ({ type: "partner" as const, id: k.id, accessKey: k.accessKey, label: k.label, brandId: k.brandId }));
    found.catch(() => keys.delete(accessKey));
    keys.set(accessKey, found);
  }
  return found;
}

const endpointNamed = (operationId: string) => PARTNER_ENDPOINTS.find((e) => e.operationId === operationId)!;

async function answer(req: Request, operationId: string, customerId: string): Promise<Response> {
  const requestId = randomUUID();
  try {
    const accessKey = req.headers.get(HEADERS.key);
    if (!accessKey) return notFound();
    const { brandId, ...actor } = await partnerOf(accessKey);
    const ctx: PartnerContext = { db, tenantId: brandId, request: requestMetaFrom(req.headers), actor };
    const endpoint = endpointNamed(operationId);
    const params = operationId === "getCustomer" ? endpoint.params!.parse({ customerId }) : {};
    const body = endpoint.body ? endpoint.body.parse({ ...(JSON.parse(await req.text()) as object), customerId }) : {};
    const value = await endpoint.handler(ctx, { params, query: {}, body, idempotencyKey: endpoint.method === "POST" ? randomUUID() : null } as never);
    return toResponse(json(endpoint.status ?? 200, value), requestId);
  } catch (error) {
    if (error instanceof AppError) return toResponse(refusalAnswer(error, requestId, "en"), requestId);
    if (error instanceof ZodError || error instanceof SyntaxError) return toResponse(json(400, { code: "bench.invalid", message: String(error), field: null, requestId }), requestId);
    throw error;
  }
}

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!enabled()) return notFound();
  return answer(req, "getCustomer", (await params).id);
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!enabled()) return notFound();
  return answer(req, "grantBonus", (await params).id);
}
