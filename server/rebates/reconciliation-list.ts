/**
 * The reconciled days as staff read them (the reconciliation page, its CSV export): the days where
 * something differs first, then the newest; a range of days and "only differences" narrow them. Amounts are
 * the stored exact decimals, as text. Every query starts with the caller's brand.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { Prisma } from "../db/client";
import { defineExporter, exportColumns } from "../export/exporter";
import type { Page } from "@/lib/table-state";
import { ZReconciliationListInput, type ReconciliationStatus } from "@/lib/rebates/reconciliation-schemas";

type Query = z.infer<typeof ZReconciliationListInput>;

export interface ReconciliationRow {
  day: string;
  status: ReconciliationStatus;
  fileTrades: number | null;
  fileAmount: string | null;
  fileFee: string | null;
  /** False when two files covering the day held different totals for it. */
  filesAgree: boolean;
  importedTrades: number;
  importedAmount: string;
  importedFee: string;
  /** Null: the exchange does not offer its daily figures to this broker. */
  exchangeVolume: string | null;
  exchangeCommission: string | null;
  /** Imported − file. */
  tradesDifference: number | null;
  amountDifference: string | null;
  feeDifference: string | null;
  /** The exchange's volume − the file's (the import's when no file covers the day). */
  exchangeDifference: string | null;
  checkedAt: Date;
}

/** Decimals as text without trailing zeros ("12.5", not "12.500000000000000000"). */
const COLUMNS = Prisma.sql`to_char(day, 'YYYY-MM-DD') AS day, status::text AS status, file_trades AS "fileTrades", trim_scale(file_amount)::text AS "fileAmount",
  trim_scale(file_fee)::text AS "fileFee", files_agree AS "filesAgree", imported_trades AS "importedTrades", trim_scale(imported_amount)::text AS "importedAmount",
  trim_scale(imported_fee)::text AS "importedFee", trim_scale(exchange_volume)::text AS "exchangeVolume", trim_scale(exchange_commission)::text AS "exchangeCommission",
  trades_difference AS "tradesDifference", trim_scale(amount_difference)::text AS "amountDifference", trim_scale(fee_difference)::text AS "feeDifference",
  trim_scale(exchange_difference)::text AS "exchangeDifference", checked_at AS "checkedAt"`;

function where(ctx: TenantContext, q: Query) {
  return Prisma.sql`brand_id = ${ctx.tenantId}::uuid AND kind = 'dma_trades'
    ${q.from ? Prisma.sql`AND day >= ${q.from}::date` : Prisma.empty}
    ${q.to ? Prisma.sql`AND day <= ${q.to}::date` : Prisma.empty}
    ${q.differences ? Prisma.sql`AND status = 'different'` : Prisma.empty}`;
}

/** Days that differ first, then by day (newest first unless asked otherwise). */
const orderBy = (q: Query) => Prisma.sql`ORDER BY (status = 'different') DESC, day ${Prisma.raw(q.dir === "asc" ? "ASC" : "DESC")}`;

/** One page of the brand's reconciled days. */
export async function listReconciliation(ctx: TenantContext, q: Query): Promise<Page<ReconciliationRow>> {
  const [rows, [count]] = await Promise.all([
    ctx.db.$queryRaw<ReconciliationRow[]>`SELECT ${COLUMNS} FROM rebate_reconciliation WHERE ${where(ctx, q)} ${orderBy(q)}
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM rebate_reconciliation WHERE ${where(ctx, q)}`,
  ]);
  return { rows, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every day the query selects, in the page's order (a brand has a few thousand days at most). */
export async function* iterateReconciliation(ctx: TenantContext, q: Query, batchSize = 1000): AsyncGenerator<ReconciliationRow> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = await ctx.db.$queryRaw<ReconciliationRow[]>`SELECT ${COLUMNS} FROM rebate_reconciliation WHERE ${where(ctx, q)} ${orderBy(q)}
      LIMIT ${batchSize} OFFSET ${offset}`;
    yield* rows;
    if (rows.length < batchSize) return;
  }
}

const c = exportColumns<ReconciliationRow>();
const h = "rebateReconciliation.columns";

export const rebateReconciliationExporter = defineExporter({
  permission: "rebate.read",
  schema: ZReconciliationListInput,
  rows: iterateReconciliation,
  columns: [
    c.col("day", `${h}.day`, (r) => r.day),
    ...c.coded("status", `${h}.status`, (r) => r.status, (code) => `rebateReconciliation.statuses.${code}`),
    c.col("file_trades", `${h}.fileTrades`, (r) => r.fileTrades),
    c.col("imported_trades", `${h}.importedTrades`, (r) => r.importedTrades),
    c.col("trades_difference", `${h}.tradesDifference`, (r) => r.tradesDifference),
    c.col("file_volume", `${h}.fileAmount`, (r) => r.fileAmount),
    c.col("imported_volume", `${h}.importedAmount`, (r) => r.importedAmount),
    c.col("volume_difference", `${h}.amountDifference`, (r) => r.amountDifference),
    c.col("exchange_volume", `${h}.exchangeVolume`, (r) => r.exchangeVolume),
    c.col("exchange_difference", `${h}.exchangeDifference`, (r) => r.exchangeDifference),
    c.col("file_fee", `${h}.fileFee`, (r) => r.fileFee),
    c.col("imported_fee", `${h}.importedFee`, (r) => r.importedFee),
    c.col("fee_difference", `${h}.feeDifference`, (r) => r.feeDifference),
    c.col("exchange_commission", `${h}.exchangeCommission`, (r) => r.exchangeCommission),
    c.col("files_agree", `${h}.filesAgree`, (r) => (r.filesAgree ? "yes" : "no")),
    c.col("checked_at", `${h}.checkedAt`, (r) => r.checkedAt),
  ],
});
