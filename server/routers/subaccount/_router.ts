/** Sub-accounts: list, page, link to a customer, create, account level, fee rates. Thin: rules live in the service. */
import { createTRPCRouter } from "@/server/trpc";

export const subaccountRouter = createTRPCRouter({});
