/** Sub-account API keys: create (secret shown once), list masked, modify, delete, step-up reveal. Thin: rules live in the service. */
import { createTRPCRouter } from "@/server/trpc";

export const apiKeyRouter = createTRPCRouter({});
