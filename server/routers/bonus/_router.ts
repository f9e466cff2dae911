/** Bonus campaigns, grants (single, CSV batch, automatic), approvals, releases and revokes. Thin: rules live in the service. */
import { createTRPCRouter } from "@/server/trpc";

export const bonusRouter = createTRPCRouter({});
