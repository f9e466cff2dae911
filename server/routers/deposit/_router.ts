/** Deposit addresses and the synced deposit history. Thin: rules live in the service. */
import { createTRPCRouter } from "@/server/trpc";

export const depositRouter = createTRPCRouter({});
