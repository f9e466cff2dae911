/** Re-exported for callers that look beside the router; the schemas live with the domain. */
import "server-only";

export * from "@/lib/brands/schemas";
