/** The app router: one sub-router per domain folder. */
import { createTRPCRouter } from "@/server/trpc";
import { accountRouter } from "./account/_router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
