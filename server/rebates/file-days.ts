/**
 * A file's own totals per UTC day — its row count, Σ amt and Σ fee, exact — counted while the import streams
 * it, from every line: the days the import loads and the days another file of the brand had already brought
 * (which the import skips, so nothing else ever looks at them). Recorded with the import, in its
 * transaction, together with a reconciliation of the file's days (./reconciliation-runs.ts), so what the
 * exchange wrote is compared with what was imported and with ND rebate-daily.
 *
 * Counting watches the decompressed bytes on their way to the loader (a 'data' listener, not a stage of the
 * pipeline): it adds no backpressure and no copy. Per line it reads the last fields by position and sums the
 * decimals as integer parts in plain numbers, carried into bigints every few thousand rows — exact, and a
 * fraction of what checking the line costs.
 */
import "server-only";
import type { Readable } from "node:stream";
import type pg from "pg";
import type { RebateFileKind } from "../db/generated/enums";

const DAY_MS = 86_400_000;
/** The counted columns of a kind, by header name; kinds without an entry are not counted (yet). */
const COUNTED: Partial<Record<RebateFileKind, { amount: string; fee: string; ts: string }>> = {
  dma_trades: { amount: "amt", fee: "fee", ts: "ts" },
};

const E9N = 1_000_000_000n;
const E18N = E9N * E9N;
/** Numbers below this stay exact after adding a value of at most 15 integer digits. */
const CARRY_AT = 4e15;
const EMPTY = Buffer.alloc(0);
const POW10 = Array.from({ length: 10 }, (_, i) => 10 ** i);

/**
 * An exact running sum of decimals of at most 18 fraction digits, kept as whole part, first nine and last
 * nine fraction digits in plain numbers (read straight from the characters, no substrings) and carried into
 * a bigint of 1e-18 every few thousand values.
 */
class DecimalSum {
  private whole = 0;
  private hi = 0;
  private lo = 0;
  private added = 0;
  private carried = 0n;

  /** Adds the decimal written in bytes[from, to). */
  add(bytes: Buffer, from: number, to: number) {
    let i = from;
    const negative = bytes[i] === 45;
    if (negative) i++;
    let whole = 0;
    const wholeStart = i;
    let c = 0;
    while (i < to && (c = bytes[i]) !== 46) {
      whole = whole * 10 + (c - 48);
      i++;
    }
    if (i - wholeStart > 15) {
      // Too long for a number to stay exact: this part straight to the bigint (10¹⁵ USDT and more: rare).
      const big = BigInt(bytes.toString("latin1", wholeStart, i)) * E18N;
      this.carried += negative ? -big : big;
      whole = 0;
    }
    let hi = 0;
    let lo = 0;
    if (i < to) {
      let k = 0;
      for (i++; i < to; i++, k++) {
        const d = bytes[i] - 48;
        if (k < 9) hi = hi * 10 + d;
        else lo = lo * 10 + d;
      }
      if (k < 9) hi *= POW10[9 - k];
      else lo *= POW10[18 - k];
    }
    if (negative) {
      this.whole -= whole;
      this.hi -= hi;
      this.lo -= lo;
    } else {
      this.whole += whole;
      this.hi += hi;
      this.lo += lo;
    }
    if (++this.added === 4096 || this.whole > CARRY_AT || this.whole < -CARRY_AT) this.carry();
  }

  private carry() {
    this.carried += (BigInt(this.whole) * E9N + BigInt(this.hi)) * E9N + BigInt(this.lo);
    this.whole = this.hi = this.lo = this.added = 0;
  }

  /** The sum as decimal text (no exponent, trailing zeros trimmed). */
  text(): string {
    this.carry();
    const n = this.carried;
    const digits = (n < 0n ? -n : n).toString().padStart(19, "0");
    const frac = digits.slice(-18).replace(/0+$/, "");
    return `${n < 0n ? "-" : ""}${digits.slice(0, -18)}${frac ? `.${frac}` : ""}`;
  }
}

interface DayTotal {
  rows: number;
  amount: DecimalSum;
  fee: DecimalSum;
}

export interface FileDayTotal {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  rows: number;
  amount: string;
  fee: string;
}

/** Counts a file's lines per day as they pass (see the module comment). */
export class FileDayTotals {
  private readonly days = new Map<number, DayTotal>();
  private readonly positions: { amount: number; fee: number; ts: number };
  private tail: Buffer = EMPTY;
  private header = true;
  private currentDay = Number.NaN;
  private current: DayTotal | undefined;
  private readonly deepest: number;
  private readonly ends: number[];

  private constructor(headers: string[], counted: { amount: string; fee: string; ts: string }) {
    // Positions from the end of the line: the counted columns of the kinds counted so far are its last ones.
    const fromEnd = (name: string) => headers.length - headers.indexOf(name);
    this.positions = { amount: fromEnd(counted.amount), fee: fromEnd(counted.fee), ts: fromEnd(counted.ts) };
    this.deepest = Math.max(this.positions.amount, this.positions.fee, this.positions.ts);
    this.ends = new Array<number>(this.deepest + 1).fill(0);
  }

  /** The counter for a kind, or null when its totals are not kept. */
  static for(def: { kind: RebateFileKind; columns: { header: string }[] }): FileDayTotals | null {
    const counted = COUNTED[def.kind];
    return counted ? new FileDayTotals(def.columns.map((c) => c.header), counted) : null;
  }

  /** Counts what `stream` emits from now on (the decompressed file, header first); starts over. */
  observe(stream: Readable): void {
    this.days.clear();
    this.tail = EMPTY;
    this.header = true;
    this.currentDay = Number.NaN;
    this.current = undefined;
    stream.on("data", (chunk: Buffer) => this.write(chunk));
    stream.on("end", () => this.end());
  }

  write(chunk: Buffer): void {
    // Bytes, not text: every counted value is ASCII, and a multi-byte character never holds "\n" or ",".
    const bytes = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
      this.line(bytes, start, nl);
      start = nl + 1;
    }
    this.tail = bytes.subarray(start);
  }

  end(): void {
    const rest = this.tail;
    this.tail = EMPTY;
    if (rest.length) this.line(rest, 0, rest.length);
  }

  /** The totals, in day order. */
  totals(): FileDayTotal[] {
    return [...this.days.entries()].sort(([a], [b]) => a - b).map(([day, t]) => ({ day, rows: t.rows, amount: t.amount.text(), fee: t.fee.text() }));
  }

  private line(bytes: Buffer, from: number, to: number) {
    if (to > from && bytes[to - 1] === 13) to--;
    if (to === from) return;
    if (this.header) {
      this.header = false;
      return;
    }
    // The ends of the last fields, walking back over the commas (lines of these kinds are never quoted).
    const { amount, fee, ts } = this.positions;
    const ends = this.ends;
    ends[0] = to;
    for (let k = 1; k <= this.deepest; k++) {
      const at = ends[k - 1] - 1 < from ? -1 : bytes.lastIndexOf(44, ends[k - 1] - 1);
      if (at < from) return; // a short line: the import refuses it, and nothing is recorded then
      ends[k] = at;
    }
    let ms = 0;
    for (let i = ends[ts] + 1; i < ends[ts - 1]; i++) ms = ms * 10 + (bytes[i] - 48);
    const day = Math.floor(ms / DAY_MS);
    let total = this.currentDay === day ? this.current : this.days.get(day);
    if (!total) this.days.set(day, (total = { rows: 0, amount: new DecimalSum(), fee: new DecimalSum() }));
    this.currentDay = day;
    this.current = total;
    total.rows++;
    total.amount.add(bytes, ends[amount] + 1, ends[amount - 1]);
    total.fee.add(bytes, ends[fee] + 1, ends[fee - 1]);
  }
}

/**
 * Records a file's day totals (every day of its range, zero where it has no rows, and any day outside it that
 * its rows fall on) and asks for a reconciliation of those days — on the import's connection, in its
 * transaction, after the rows were loaded.
 */
export async function recordFileDays(client: pg.Client, file: { id: string; brandId: string; kind: RebateFileKind }, totals: FileDayTotals): Promise<void> {
  const t = totals.totals();
  await client.query(
    `WITH counted AS (
       SELECT date '1970-01-01' + d AS day, n, a, f FROM unnest($3::int[], $4::int[], $5::numeric[], $6::numeric[]) AS x(d, n, a, f)
     ),
     covered AS (
       SELECT g::date AS day FROM rebate_file rf, generate_series(rf.begin_day, rf.end_day, interval '1 day') g WHERE rf.id = $1::uuid
     )
     INSERT INTO rebate_file_day (file_id, brand_id, day, rows, amount, fee)
     SELECT $1::uuid, $2::uuid, coalesce(c.day, v.day), coalesce(c.n, 0), coalesce(c.a, 0), coalesce(c.f, 0)
     FROM counted c FULL JOIN covered v ON v.day = c.day
     ON CONFLICT (file_id, day) DO UPDATE SET rows = excluded.rows, amount = excluded.amount, fee = excluded.fee`,
    [file.id, file.brandId, t.map((x) => x.day), t.map((x) => x.rows), t.map((x) => x.amount), t.map((x) => x.fee)],
  );
  await client.query(
    `INSERT INTO rebate_reconciliation_run (id, brand_id, kind, from_day, to_day, trigger, file_id, updated_at)
     SELECT gen_random_uuid(), $2::uuid, $3::"RebateFileKind", min(day), max(day), 'import', $1::uuid, now()
     FROM rebate_file_day WHERE file_id = $1::uuid HAVING count(*) > 0`,
    [file.id, file.brandId, file.kind],
  );
}
