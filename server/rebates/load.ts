/** What the two ways of loading a file (./import.ts, ./direct-import.ts) are given and give back. */
import type { Readable, Transform } from "node:stream";
import type pg from "pg";
import type { RebateFileKind } from "../db/generated/enums";
import type { FileKindDef, ImportBrand } from "./kinds";
import type { RowError } from "./line-checks";

export interface LoadContext {
  /** The import's connection, in its transaction, the file's row locked. */
  client: pg.Client;
  file: { id: string; brandId: string; kind: RebateFileKind };
  /** The brand as the kind's checks read it. */
  brand: ImportBrand;
  def: FileKindDef;
  /** The file's bytes: the stored object and its decompression, to lead a pipeline. */
  open: () => [Readable, Transform];
  /** Marks a COPY in flight (an error then closes the connection rather than rolling back on it). */
  copying: (on: boolean) => void;
  /** Ends a phase, for the benchmark. */
  phase: (name: "copy" | "merge" | "sums") => void;
}

export type LoadResult =
  | { rowsTotal: number; refused: { rows: number; errors: RowError[] } }
  | { rowsTotal: number; refused?: undefined; rowsAdded: number; rowsUnmatched: number };
