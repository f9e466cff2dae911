/**
 * The partner API's OpenAPI 3.1 document, generated from the endpoint registry (./registry.ts) and the
 * same zod schemas the dispatcher validates with — served at /api/v1/openapi.json, rendered by the portal's
 * reference page, and turned into the typed client the tests call the API with (tests/partner-api/).
 */
import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "@/lib/partner-api/schemas";
import { scopeOf } from "@/lib/partner-api/scopes";
import { HEADERS, TIMESTAMP_WINDOW_MS } from "@/lib/partner-api/signing";
import { MAX_BODY_BYTES } from "./dispatch";
import { PARTNER_ENDPOINTS } from "./endpoints";
import { ZRefusal } from "./endpoints/common";
import type { PartnerEndpoint } from "./registry";

export const API_VERSION = "1.0.0";

const DESCRIPTION = `The interface a brand's own systems call: customers, their assets, bonus credit and transfer locks,
reference data. Every call acts for the brand its key belongs to.

## Signing
Each request carries three headers, as OKX's V5 API does:

- \`${HEADERS.key}\`: the key's access key (\`bdk_…\`).
- \`${HEADERS.timestamp}\`: the time of the request, ISO-8601 UTC with milliseconds (\`2026-12-06T09:08:57.715Z\`);
  it must be within ${TIMESTAMP_WINDOW_MS / 1000} s of the server's clock.
- \`${HEADERS.sign}\`: \`base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body))\`, where
  \`requestPath\` is the path with its query string exactly as sent (\`/api/v1/customers?limit=20\`) and \`body\`
  the exact bytes sent (empty for GET).

A signature is accepted once: sign every request, retries included, afresh.

## Idempotency
Every POST needs an \`${HEADERS.idempotency}\` header (1–255 printable ASCII characters, e.g. a UUID). A retry with
the same key and the same request gets the first answer again (with \`Idempotent-Replayed: true\`), and nothing
is applied twice; the same key with a different request is refused with 409. Keys are kept for at least 24 hours.
An answer of 5xx is not kept: retry with the same key.

## Limits
Each key may make ${DEFAULT_RATE_LIMIT_PER_SECOND} requests per second per endpoint group unless its brand set another
limit. Answers carry \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\` and \`X-RateLimit-Reset\`; a 429 carries
\`Retry-After\`. Bodies are at most ${MAX_BODY_BYTES / 1024} KB of JSON; unknown fields are refused.

## Refusals
Every refusal is \`{ "code", "message", "field", "requestId" }\`. \`code\` is stable; \`message\` is English, or
Chinese with \`Accept-Language: zh-CN\`.`;

const refusal = (description: string) => ({ description, content: { "application/json": { schema: ZRefusal } } });

const REFUSALS = {
  400: "The input is invalid: `field` names it.",
  401: "A signing header is missing or wrong, the signature was reused, or the key is unknown, revoked or expired.",
  403: "The key may not call this endpoint (scope) or not from this address.",
  404: "No such resource in the key's brand.",
  409: "A conflict with the resource's state, or an Idempotency-Key reused with another request or still in flight.",
  413: "The body is too large.",
  429: "Too many requests: wait `Retry-After` seconds.",
  503: "Briefly unavailable: retry (with the same Idempotency-Key).",
} as const;

function operation(e: PartnerEndpoint): ZodOpenApiOperationObject {
  const scope = scopeOf(e.group, e.access);
  const codes = new Set<keyof typeof REFUSALS>([400, 401, 403, 429, 503, ...(e.refusals ?? [])]);
  if (e.method === "POST") {
    codes.add(409);
    codes.add(413);
  }
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    description: [e.description, `Scope: \`${scope}\`.`].filter(Boolean).join("\n\n"),
    "x-scope": scope,
    requestParams: Object.fromEntries(
      Object.entries({
        path: e.params,
        query: e.query,
        header:
          e.method === "POST"
            ? z.object({ [HEADERS.idempotency]: z.string().min(1).max(255).meta({ description: "Makes a retry safe: see Idempotency.", example: "6f1d0c52-0b3e-4a8f-a0e4-2c9f8d7e6b5a" }) })
            : undefined,
      }).filter(([, schema]) => schema !== undefined),
    ),
    requestBody: e.body ? { required: true, content: { "application/json": { schema: e.body } } } : undefined,
    responses: {
      [String(e.status ?? 200)]: { description: e.status === 201 ? "Created." : "OK.", content: { "application/json": { schema: e.response } } },
      ...Object.fromEntries([...codes].sort().map((code) => [String(code), refusal(REFUSALS[code])])),
    },
  } as ZodOpenApiOperationObject;
}

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const e of PARTNER_ENDPOINTS) {
    paths[e.path] = { ...paths[e.path], [e.method.toLowerCase()]: operation(e) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: { title: "Brokerdesk partner API", version: API_VERSION, description: DESCRIPTION },
    servers: [{ url: "/api/v1" }],
    tags: [...new Set(PARTNER_ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    security: [{ AccessKey: [], AccessSign: [], AccessTimestamp: [] }],
    components: {
      securitySchemes: {
        AccessKey: { type: "apiKey", in: "header", name: HEADERS.key, description: "The key's access key." },
        AccessSign: { type: "apiKey", in: "header", name: HEADERS.sign, description: "base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body))." },
        AccessTimestamp: { type: "apiKey", in: "header", name: HEADERS.timestamp, description: "ISO-8601 UTC with milliseconds." },
      },
    },
    paths,
  });
}

let cached: string | null = null;
/** The document as JSON text (built once per process: the registry does not change at run time). */
export function openApiJson(): string {
  cached ??= JSON.stringify(buildDocument());
  return cached;
}
export const openApiDocument = () => JSON.parse(openApiJson()) as ReturnType<typeof buildDocument>;
