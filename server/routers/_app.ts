/** The app router: one sub-router per domain folder. */
import "server-only";
import { createTRPCRouter } from "@/server/trpc";
import { accountRouter } from "./account/_router";
import { announcementRouter } from "./announcement/_router";
import { apiKeyRouter } from "./apiKey/_router";
import { approvalsRouter } from "./approvals/_router";
import { auditRouter } from "./audit/_router";
import { bonusRouter } from "./bonus/_router";
import { breakerRouter } from "./breaker/_router";
import { brandRouter } from "./brand/_router";
import { customerGroupRouter, customerRouter } from "./customer/_router";
import { depositRouter } from "./deposit/_router";
import { exchangeAccountRouter } from "./exchangeAccount/_router";
import { exchangeActionRouter } from "./exchangeAction/_router";
import { rebateRouter } from "./rebate/_router";
import { rebateReconciliationRouter } from "./rebateReconciliation/_router";
import { fundLockRouter } from "./fundLock/_router";
import { healthRouter } from "./health/_router";
import { riskRouter } from "./risk/_router";
import { emergencyRouter } from "./emergency/_router";
import { jobsRouter } from "./jobs/_router";
import { kycRouter } from "./kyc/_router";
import { messageRouter } from "./message/_router";
import { partnerKeyRouter } from "./partnerKey/_router";
import { platformRouter } from "./platform/_router";
import { staffRouter } from "./staff/_router";
import { subaccountRouter } from "./subaccount/_router";
import { tradingAccountRouter } from "./tradingAccount/_router";
import { withdrawalRouter } from "./withdrawal/_router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  announcement: announcementRouter,
  apiKey: apiKeyRouter,
  approvals: approvalsRouter,
  audit: auditRouter,
  bonus: bonusRouter,
  breaker: breakerRouter,
  brand: brandRouter,
  customer: customerRouter,
  customerGroup: customerGroupRouter,
  deposit: depositRouter,
  exchangeAccount: exchangeAccountRouter,
  exchangeAction: exchangeActionRouter,
  rebate: rebateRouter,
  rebateReconciliation: rebateReconciliationRouter,
  fundLock: fundLockRouter,
  health: healthRouter,
  risk: riskRouter,
  emergency: emergencyRouter,
  jobs: jobsRouter,
  kyc: kycRouter,
  message: messageRouter,
  partnerKey: partnerKeyRouter,
  platform: platformRouter,
  staff: staffRouter,
  subaccount: subaccountRouter,
  tradingAccount: tradingAccountRouter,
  withdrawal: withdrawalRouter,
});

export type AppRouter = typeof appRouter;
