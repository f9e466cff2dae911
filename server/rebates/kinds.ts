/**
 * The exchange files Brokerdesk imports, one entry per kind: how to ask for it, what its CSV holds, how
 * each value is checked (as the file streams by, ./line-checks.ts) and how checked rows land in their table. The
 * pipeline (./pipeline.ts) and the import (./import.ts) work for any kind registered here.
 */
import "server-only";
import type { RebateFileKind } from "../db/generated/enums";
import type { DirectLoad } from "./direct-load";
import { DMA_TRADES } from "./kinds-dma";
import { FD_REBATES } from "./kinds-fd";

/** The brand a file is imported for, as its checks need it (an FD row must carry the brand's broker code). */
export interface ImportBrand {
  brandId: string;
  /** Null when the brand has none: then every FD row is refused. */
  brokerCode: string | null;
}

/** One CSV column: its header name, its staging column and the check of a value as written. */
export interface FileColumn {
  header: string;
  column: string;
  /** Why the value (the field's text, unquoted) is refused, or null when it is fine. */
  check: (value: string, brand: ImportBrand) => RebateRowReason | null;
}

export type RebateRowReason = "missing" | "invalid" | "tooPrecise" | "outOfRange" | "otherBroker";

export interface FileKindDef {
  kind: RebateFileKind;
  /** The CSV header, in the file's order. */
  columns: FileColumn[];
  /** The endpoints that create and list the files, and whether `end` is exclusive on the wire. */
  createEndpoint: "createDmaTradesFile" | "createRebateFile";
  listEndpoint: "getDmaTradesFile" | "getRebateFile";
  endExclusive: boolean;
  /** Longest range one request may cover, in days. */
  maxDays: number;
  /**
   * How checked rows land, one of two ways. The merge, for files of moderate size: rows are staged and
   * `mergeSql` inserts the staged rows of file $1 for brand $2 (temp table `stage`) into the kind's table,
   * ON CONFLICT (its natural key) DO NOTHING — which also skips a row's second occurrence in the same file —
   * RETURNING one row per row added with `matched` (attributed to a customer) and the columns `rollupSql`
   * reads; `rollupSql` adds the rows just merged (CTE `ins`) to the kind's daily sums in the same statement.
   */
  mergeSql?: string;
  rollupSql?: string;
  /** Or straight into the table by COPY (./direct-load.ts), for the files that run to millions of rows. */
  direct?: DirectLoad;
}

export const FILE_KINDS: Partial<Record<RebateFileKind, FileKindDef>> = {
  dma_trades: DMA_TRADES,
  fd_rebates: FD_REBATES,
};

/** The kinds the pipeline can fetch and import now. */
export const IMPORTABLE_KINDS = Object.keys(FILE_KINDS) as RebateFileKind[];

export function fileKind(kind: RebateFileKind): FileKindDef {
  const def = FILE_KINDS[kind];
  if (!def) throw new Error(`No importer for rebate file kind ${kind}`);
  return def;
}
