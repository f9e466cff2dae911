/** The partner REST API: every endpoint is declared in server/partner/endpoints and dispatched here. */
import { handlePartnerRequest } from "@/server/partner/dispatch";

export const dynamic = "force-dynamic";

export const GET = handlePartnerRequest;
export const POST = handlePartnerRequest;
export const PUT = handlePartnerRequest;
export const PATCH = handlePartnerRequest;
export const DELETE = handlePartnerRequest;
