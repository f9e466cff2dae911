/** Re-exported for callers that look beside the router; the schemas live with the domain. */
export * from "@/server/brands/schemas";
