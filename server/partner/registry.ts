/**
 * The partner API's endpoints, declared once: method, path, scope, the zod schemas of path, query, body
 * and answer, and the handler (which calls the same services staff use). The dispatcher
 * (./dispatch.ts) routes, validates and authorises from these declarations, and the OpenAPI document
 * (./openapi.ts) is generated from them — so an endpoint cannot exist without being documented, or be
 * documented with other rules than it runs with. A domain adds its endpoints in ./endpoints/<domain>.ts
 * and lists them in ./endpoints/index.ts.
 */
import "server-only";
import type { z } from "zod";
import type { PartnerContext } from "../actor";
import type { ScopeAccess, ScopeGroup } from "@/lib/partner-api/scopes";

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface EndpointInput<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends AnyObject | undefined> {
  params: P extends AnyObject ? z.output<P> : Record<string, never>;
  query: Q extends AnyObject ? z.output<Q> : Record<string, never>;
  body: B extends AnyObject ? z.output<B> : Record<string, never>;
  /** The request's Idempotency-Key (POST only), for services that keep their own. */
  idempotencyKey: string | null;
}

export interface PartnerEndpoint<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends AnyObject | undefined = AnyObject | undefined,
  R extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: "GET" | "POST";
  /** OpenAPI path template under /api/v1, e.g. "/customers/{customerId}". */
  path: string;
  group: ScopeGroup;
  access: ScopeAccess;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 unless it creates something (201). */
  status?: 200 | 201;
  /** Refusals this endpoint may answer besides the ones every endpoint may (documented). */
  refusals?: readonly (400 | 404 | 409)[];
  handler: (ctx: PartnerContext, input: EndpointInput<P, Q, B>) => Promise<z.input<R>>;
}

/** Declares an endpoint with its types inferred from its schemas. */
export const endpoint = <P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends AnyObject | undefined = undefined, R extends z.ZodType = z.ZodType>(
  e: PartnerEndpoint<P, Q, B, R>,
): PartnerEndpoint => e as unknown as PartnerEndpoint;
