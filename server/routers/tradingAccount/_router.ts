/** Trading accounts and their ledger: open, balances, journal lines, transfers. Thin: rules live in the service. */
import { createTRPCRouter } from "@/server/trpc";

export const tradingAccountRouter = createTRPCRouter({});
