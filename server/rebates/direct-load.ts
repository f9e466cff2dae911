/**
 * The fast path of a file kind whose rows go to their table as written (DMA fills): each line is checked
 * with one regular expression for the whole line (the per-value checks of ./kinds.ts run only on a line it
 * refuses, to say which value and why) and passes to PostgreSQL's COPY with the brand in front, in this
 * process while PostgreSQL parses on the other core. No staging table and no merge: what keeps the natural
 * key unique is that a UTC day's rows come from one file — the lines of a day another file already brought
 * are dropped here and counted as duplicates, and so is a line repeating a key already seen in its day's run
 * of lines (a file is written in time order, so a run is the day; a file out of order would be checked run by
 * run). What it counts per day (rows kept, first and last ts) is what the import records and sums.
 */
import "server-only";
import { Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { FileKindDef, ImportBrand } from "./kinds";
import { FileRefusal, lineRefusals, MAX_REPORTED_ERRORS, type RowError } from "./line-checks";

export const DAY_MS = 86_400_000;

/** How a kind loads directly (FileKindDef.direct). */
export interface DirectLoad {
  /** The table the lines are copied into, and its columns in the file's order (the brand's column first). */
  table: string;
  /** The table recording which file brought each of the brand's days (brand_id, day, file_id, trades). */
  dayTable: string;
  /** The table's block-range index on (brand_id, time), summarized after each load. */
  timeIndex: string;
  tableColumns: string[];
  /** The whole line as the kind accepts it (anchored), for the fast check; a line it refuses is diagnosed by the per-value checks. */
  line: RegExp;
  /** Field positions of the row's time (ms since the epoch, its UTC day owns the row) and of its natural key. */
  tsField: number;
  keyFields: [number, number];
  /**
   * The sums, in one statement after the COPY: $1 brand, $2 first ts, $3 last ts, $4 the days (days since
   * the epoch) this file brought; returns one row with `unmatched`, the rows of sub-accounts linked to no customer.
   */
  rollupSql: string;
}

/** Positions of the first `count` commas of a line (fewer when it has fewer). */
function commas(line: string, count: number): number[] {
  const at: number[] = [];
  for (let i = line.indexOf(","); i >= 0 && at.length < count; i = line.indexOf(",", i + 1)) at.push(i);
  return at;
}

export class DirectLineLoader extends Transform {
  readonly errors: RowError[] = [];
  refusedRows = 0;
  /** Data lines read, and those dropped as duplicates (their day another file's, or their key seen before). */
  rows = 0;
  skippedRows = 0;
  /** Rows kept per UTC day (days since the epoch), and the range of their times. */
  readonly days = new Map<number, number>();
  minTs = Number.POSITIVE_INFINITY;
  maxTs = Number.NEGATIVE_INFINITY;
  private tail = "";
  private readonly decoder = new StringDecoder("utf8");
  private line = 0;
  private readonly header: string;
  private readonly prefix: string;
  private readonly direct: DirectLoad;
  /** Keys seen in the current run of lines of one day. */
  private runDay = -1;
  private runKeys = new Set<string>();

  constructor(
    private readonly def: FileKindDef,
    private readonly brand: ImportBrand,
    /** Days (since the epoch) another file of the brand already brought. */
    private readonly ownedElsewhere: ReadonlySet<number>,
  ) {
    super();
    if (!def.direct) throw new Error(`${def.kind} does not load directly`);
    this.direct = def.direct;
    this.header = def.columns.map((c) => c.header).join(",");
    this.prefix = `${brand.brandId},`;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: string) => void) {
    const text = this.tail + this.decoder.write(chunk);
    const lines = text.split("\n");
    this.tail = lines.pop() ?? "";
    let out = "";
    try {
      for (const line of lines) out += this.loadLine(line);
    } catch (error) {
      return done(error as Error);
    }
    done(null, out);
  }

  override _flush(done: (error?: Error | null, data?: string) => void) {
    let out = "";
    try {
      const rest = this.tail + this.decoder.end();
      if (rest !== "") out = this.loadLine(rest);
      if (this.line === 0) throw new FileRefusal("rebates.errors.emptyFile", "the file has no header line");
    } catch (error) {
      return done(error as Error);
    }
    done(null, out);
  }

  /** The line as COPY reads it ("" when it is dropped or refused). */
  private loadLine(raw: string): string {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    this.line++;
    if (this.line === 1) {
      const found = line.replace(/^\uFEFF/, "");
      if (found !== this.header) throw new FileRefusal("rebates.errors.wrongHeader", `expected "${this.header}", found "${found.slice(0, 300)}"`);
      return "";
    }
    if (line === "") return "";
    this.rows++;
    if (!this.direct.line.test(line)) {
      this.diagnose(line);
      return "";
    }
    // The line is well-formed: its time and key are found by position, without splitting it.
    const { tsField, keyFields } = this.direct;
    const at = commas(line, Math.max(tsField, keyFields[1] + 1));
    const tsText = line.slice(at[tsField - 1] + 1, tsField < at.length ? at[tsField] : line.length);
    const tsReason = this.def.columns[tsField].check(tsText, this.brand);
    if (tsReason) return this.refuse(this.def.columns[tsField].header, tsText, tsReason);
    const ts = Number(tsText);
    const day = Math.floor(ts / DAY_MS);
    if (this.ownedElsewhere.has(day)) {
      this.skippedRows++;
      return "";
    }
    if (day !== this.runDay) {
      this.runDay = day;
      this.runKeys = new Set();
    }
    const key = line.slice(at[keyFields[0] - 1] + 1, at[keyFields[1]]);
    if (this.runKeys.has(key)) {
      this.skippedRows++;
      return "";
    }
    this.runKeys.add(key);
    if (this.refusedRows > 0) return ""; // nothing more is loaded once a row is refused; the rest is still checked
    this.days.set(day, (this.days.get(day) ?? 0) + 1);
    if (ts < this.minTs) this.minTs = ts;
    if (ts > this.maxTs) this.maxTs = ts;
    return this.prefix + line + "\n";
  }

  /** Why a line the fast check refused is wrong: each value's own check, or a quoted value (which COPY would read, this path not). */
  private diagnose(line: string): void {
    const refusals = lineRefusals(this.def, this.brand, line, this.line);
    // Every value passes its check but not the whole-line pattern: quoting, which COPY reads but this path does not.
    if (refusals.length === 0) throw new FileRefusal("rebates.errors.malformedCsv", `line ${this.line}: quoted values are not expected in this file`);
    this.refusedRows++;
    this.errors.push(...refusals.slice(0, MAX_REPORTED_ERRORS - this.errors.length));
  }

  private refuse(field: string, value: string, reason: RowError["reason"]): string {
    this.refusedRows++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ line: this.line, field, value: value.slice(0, 200), reason });
    return "";
  }
}
