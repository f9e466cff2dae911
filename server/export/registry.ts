/**
 * What can be exported as CSV: per resource, the permission, the list schema (the same one the table
 * page and the list procedure use) and the columns. `/api/export/<resource>` serves these.
 */
import "server-only";
import { apiKeyExporter } from "../api-keys/export";
import { auditExporter } from "../audit/export";
import { bonusGrantsExporter } from "../bonuses/export";
import { staffExporter } from "../staff/export";
import { subaccountExporter } from "../subaccounts/export";
import { customerExporter } from "../customers/export";
import { depositsExporter } from "../deposits/export";
import { exchangeBillsExporter, exchangeFillsExporter, exchangeOpenOrdersExporter, exchangePositionsExporter } from "../exchange-accounts/export";
import { fundLockExporter } from "../fund-locks/export";
import { rebateTradesExporter } from "../rebates/export";
import { rebateReconciliationExporter } from "../rebates/reconciliation-list";
import { fdRebatesExporter } from "../rebates/fd-export";
import { withdrawalsExporter } from "../withdrawals/export";

export const EXPORTERS = {
  apiKeys: apiKeyExporter,
  bonusGrants: bonusGrantsExporter,
  deposits: depositsExporter,
  exchangePositions: exchangePositionsExporter,
  exchangeOpenOrders: exchangeOpenOrdersExporter,
  exchangeFills: exchangeFillsExporter,
  exchangeBills: exchangeBillsExporter,
  fundLocks: fundLockExporter,
  rebateTrades: rebateTradesExporter,
  rebateReconciliation: rebateReconciliationExporter,
  fdRebates: fdRebatesExporter,
  subaccounts: subaccountExporter,
  staff: staffExporter,
  customers: customerExporter,
  audit: auditExporter,
  withdrawals: withdrawalsExporter,
} as const;

export type ExportResource = keyof typeof EXPORTERS;
export const isExportResource = (v: string): v is ExportResource => Object.hasOwn(EXPORTERS, v);
