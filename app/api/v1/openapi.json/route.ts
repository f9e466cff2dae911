/** The partner API's OpenAPI 3.1 document, public: it holds no data, only the interface. */
import { openApiJson } from "@/server/partner/openapi";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(openApiJson(), { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
