/** Fund locks: lock / unlock transfers in or out of a trading account, lists. Thin: rules live in the service. */
import { createTRPCRouter } from "@/server/trpc";

export const fundLockRouter = createTRPCRouter({});
