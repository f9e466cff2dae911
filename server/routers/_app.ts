/** The app router: one sub-router per domain folder. */
import { createTRPCRouter } from "@/server/trpc";
import { accountRouter } from "./account/_router";
import { auditRouter } from "./audit/_router";
import { brandRouter } from "./brand/_router";
import { platformRouter } from "./platform/_router";
import { staffRouter } from "./staff/_router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  brand: brandRouter,
  platform: platformRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
