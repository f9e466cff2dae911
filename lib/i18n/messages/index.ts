/**
 * Dictionaries, one file per namespace and locale. Add a namespace by writing
 * `en/<ns>.ts` (exporting `const <ns> = {...} as const`) and `zh-CN/<ns>.ts` (typed `Dict<typeof en.<ns>>`),
 * then listing it in both objects below.
 */
import { common as enCommon } from "./en/common";
import { common as zhCommon } from "./zh-CN/common";
import { nav as enNav } from "./en/nav";
import { nav as zhNav } from "./zh-CN/nav";
import { shell as enShell } from "./en/shell";
import { shell as zhShell } from "./zh-CN/shell";
import { auth as enAuth } from "./en/auth";
import { auth as zhAuth } from "./zh-CN/auth";
import { account as enAccount } from "./en/account";
import { account as zhAccount } from "./zh-CN/account";
import { placeholder as enPlaceholder } from "./en/placeholder";
import { placeholder as zhPlaceholder } from "./zh-CN/placeholder";
import { dashboard as enDashboard } from "./en/dashboard";
import { dashboard as zhDashboard } from "./zh-CN/dashboard";
import { table as enTable } from "./en/table";
import { table as zhTable } from "./zh-CN/table";
import { staff as enStaff } from "./en/staff";
import { staff as zhStaff } from "./zh-CN/staff";
import { audit as enAudit } from "./en/audit";
import { audit as zhAudit } from "./zh-CN/audit";
import { brandSettings as enBrandSettings } from "./en/brandSettings";
import { brandSettings as zhBrandSettings } from "./zh-CN/brandSettings";
import { platformBrands as enPlatformBrands } from "./en/platformBrands";
import { platformBrands as zhPlatformBrands } from "./zh-CN/platformBrands";
import { exchange as enExchange } from "./en/exchange";
import { exchange as zhExchange } from "./zh-CN/exchange";
import { customers as enCustomers } from "./en/customers";
import { customers as zhCustomers } from "./zh-CN/customers";
import { kyc as enKyc } from "./en/kyc";
import { kyc as zhKyc } from "./zh-CN/kyc";
import { jobs as enJobs } from "./en/jobs";
import { jobs as zhJobs } from "./zh-CN/jobs";
import { subaccounts as enSubaccounts } from "./en/subaccounts";
import { subaccounts as zhSubaccounts } from "./zh-CN/subaccounts";
import { apiKeys as enApiKeys } from "./en/apiKeys";
import { apiKeys as zhApiKeys } from "./zh-CN/apiKeys";
import { deposits as enDeposits } from "./en/deposits";
import { deposits as zhDeposits } from "./zh-CN/deposits";
import { tradingAccounts as enTradingAccounts } from "./en/tradingAccounts";
import { tradingAccounts as zhTradingAccounts } from "./zh-CN/tradingAccounts";
import { fundLocks as enFundLocks } from "./en/fundLocks";
import { rebates as enRebates } from "./en/rebates";
import { fundLocks as zhFundLocks } from "./zh-CN/fundLocks";
import { rebates as zhRebates } from "./zh-CN/rebates";
import { rebateReports as enRebateReports } from "./en/rebateReports";
import { rebateReports as zhRebateReports } from "./zh-CN/rebateReports";
import { rebateReconciliation as enRebateReconciliation } from "./en/rebateReconciliation";
import { rebateReconciliation as zhRebateReconciliation } from "./zh-CN/rebateReconciliation";
import { rebateEligibility as enRebateEligibility } from "./en/rebateEligibility";
import { rebateEligibility as zhRebateEligibility } from "./zh-CN/rebateEligibility";
import { fdReports as enFdReports } from "./en/fdReports";
import { exchangeAccounts as enExchangeAccounts } from "./en/exchangeAccounts";
import { exchangeAccounts as zhExchangeAccounts } from "./zh-CN/exchangeAccounts";
import { exchangeActions as enExchangeActions } from "./en/exchangeActions";
import { exchangeActions as zhExchangeActions } from "./zh-CN/exchangeActions";
import { fdReports as zhFdReports } from "./zh-CN/fdReports";
import { bonuses as enBonuses } from "./en/bonuses";
import { errors as enErrors } from "./en/errors";
import { errors as zhErrors } from "./zh-CN/errors";
import { bonuses as zhBonuses } from "./zh-CN/bonuses";
import { approvals as enApprovals } from "./en/approvals";
import { approvals as zhApprovals } from "./zh-CN/approvals";
import { bonusApprovals as enBonusApprovals } from "./en/bonusApprovals";
import { bonusApprovals as zhBonusApprovals } from "./zh-CN/bonusApprovals";
import { partnerApi as enPartnerApi } from "./en/partnerApi";
import { partnerApi as zhPartnerApi } from "./zh-CN/partnerApi";
import { announcements as enAnnouncements } from "./en/announcements";
import { messages as enMessages } from "./en/messages";
import { messages as zhMessages } from "./zh-CN/messages";
import { announcements as zhAnnouncements } from "./zh-CN/announcements";
import { withdrawals as enWithdrawals } from "./en/withdrawals";
import { withdrawals as zhWithdrawals } from "./zh-CN/withdrawals";
import { health as enHealth } from "./en/health";
import { health as zhHealth } from "./zh-CN/health";
import { emergency as enEmergency } from "./en/emergency";
import { emergency as zhEmergency } from "./zh-CN/emergency";
import { risk as enRisk } from "./en/risk";
import { risk as zhRisk } from "./zh-CN/risk";

export const en = { common: enCommon, brandSettings: enBrandSettings, platformBrands: enPlatformBrands, nav: enNav, shell: enShell, auth: enAuth, account: enAccount, placeholder: enPlaceholder, dashboard: enDashboard, table: enTable, staff: enStaff, audit: enAudit, exchange: enExchange, customers: enCustomers, kyc: enKyc, jobs: enJobs, subaccounts: enSubaccounts, apiKeys: enApiKeys, deposits: enDeposits, tradingAccounts: enTradingAccounts, fundLocks: enFundLocks, bonuses: enBonuses, approvals: enApprovals, bonusApprovals: enBonusApprovals, partnerApi: enPartnerApi, announcements: enAnnouncements, messages: enMessages, rebates: enRebates, rebateReports: enRebateReports, rebateReconciliation: enRebateReconciliation, rebateEligibility: enRebateEligibility, fdReports: enFdReports, exchangeAccounts: enExchangeAccounts, exchangeActions: enExchangeActions, withdrawals: enWithdrawals, health: enHealth, emergency: enEmergency, risk: enRisk, errors: enErrors };

/** Same shape as English, every leaf a string. */
export type Dict<T> = { [K in keyof T]: T[K] extends string ? string : Dict<T[K]> };
export type Messages = typeof en;

const zhCN: Dict<Messages> = { common: zhCommon, brandSettings: zhBrandSettings, platformBrands: zhPlatformBrands, nav: zhNav, shell: zhShell, auth: zhAuth, account: zhAccount, placeholder: zhPlaceholder, dashboard: zhDashboard, table: zhTable, staff: zhStaff, audit: zhAudit, exchange: zhExchange, customers: zhCustomers, kyc: zhKyc, jobs: zhJobs, subaccounts: zhSubaccounts, apiKeys: zhApiKeys, deposits: zhDeposits, tradingAccounts: zhTradingAccounts, fundLocks: zhFundLocks, bonuses: zhBonuses, approvals: zhApprovals, bonusApprovals: zhBonusApprovals, partnerApi: zhPartnerApi, announcements: zhAnnouncements, messages: zhMessages, rebates: zhRebates, rebateReports: zhRebateReports, rebateReconciliation: zhRebateReconciliation, rebateEligibility: zhRebateEligibility, fdReports: zhFdReports, exchangeAccounts: zhExchangeAccounts, exchangeActions: zhExchangeActions, withdrawals: zhWithdrawals, health: zhHealth, emergency: zhEmergency, risk: zhRisk, errors: zhErrors };

export const messages = { en, "zh-CN": zhCN } as const;
