/** The app router: one sub-router per domain folder. */
import { createTRPCRouter } from "@/server/trpc";
import { accountRouter } from "./account/_router";
import { auditRouter } from "./audit/_router";
import { brandRouter } from "./brand/_router";
import { customerGroupRouter, customerRouter } from "./customer/_router";
import { jobsRouter } from "./jobs/_router";
import { kycRouter } from "./kyc/_router";
import { platformRouter } from "./platform/_router";
import { staffRouter } from "./staff/_router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  brand: brandRouter,
  customer: customerRouter,
  customerGroup: customerGroupRouter,
  jobs: jobsRouter,
  kyc: kycRouter,
  platform: platformRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
