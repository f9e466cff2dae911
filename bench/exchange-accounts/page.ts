/** The brand-wide positions page timed through the service and as the same two statements sent raw. */
import type pg from "pg";

export interface Times {
  p50: number;
  p95: number;
}
export interface PageCase {
  name: string;
  service: Times;
  raw: Times;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms: number[]): Times => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

const RUNS = 200;
const WARMUP = 20;

/** `listPositions` as the bench calls it: (ctx, parsed input). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ListPositions = (ctx: any, input: any) => Promise<{ rows: unknown[]; total: number }>;

const HOLDER = `JOIN subaccount s ON s.id = p.subaccount_id LEFT JOIN customer c ON c.id = s.customer_id`;
const COLUMNS = `p.*, s.sub_acct, s.customer_id, c.uid, c.name`;

interface Case {
  name: string;
  input: Record<string, unknown>;
  where: string;
  order: string;
  offset: number;
  values: (brandId: string) => unknown[];
}

const CASES: Case[] = [
  { name: "largest exposure first, page 1", input: {}, where: "p.brand_id = $1", order: "p.exposure_usd DESC, p.id", offset: 0, values: (b) => [b] },
  { name: "largest exposure first, page 100", input: { page: 100 }, where: "p.brand_id = $1", order: "p.exposure_usd DESC, p.id", offset: 1980, values: (b) => [b] },
  { name: "instrument prefix BTC, page 1", input: { q: "BTC" }, where: "p.brand_id = $1 AND p.inst_id LIKE 'BTC%'", order: "p.exposure_usd DESC, p.id", offset: 0, values: (b) => [b] },
  { name: "shorts by unrealised PnL, page 1", input: { direction: ["short"], sort: "upl", dir: "asc" }, where: "p.brand_id = $1 AND p.pos_side = 'short'", order: "p.upl ASC NULLS LAST, p.id", offset: 0, values: (b) => [b] },
];

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function pageCases(ctx: { tenantId: string }, raw: pg.Pool, listPositions: ListPositions, log: (line: string) => void): Promise<PageCase[]> {
  const { ZPositionListInput } = await import("@/lib/exchange-accounts/schemas");
  const out: PageCase[] = [];
  for (const c of CASES) {
    const input = ZPositionListInput.parse(c.input);
    const first = await listPositions(ctx, input);
    const page = `SELECT ${COLUMNS} FROM exchange_position p ${HOLDER} WHERE ${c.where} ORDER BY ${c.order} LIMIT 20 OFFSET ${c.offset}`;
    const count = `SELECT count(*) FROM exchange_position p WHERE ${c.where}`;
    const rawRows = await raw.query(page, c.values(ctx.tenantId));
    if (rawRows.rows.length !== first.rows.length) throw new Error(`${c.name}: service gave ${first.rows.length} rows, raw ${rawRows.rows.length}`);
    const service = await time(() => listPositions(ctx, input));
    const rawTimes = await time(() => Promise.all([raw.query(page, c.values(ctx.tenantId)), raw.query(count, c.values(ctx.tenantId))]));
    const r: PageCase = { name: c.name, service: summary(service), raw: summary(rawTimes) };
    log(`${c.name}: service p95 ${r.service.p95.toFixed(1)} ms, raw p95 ${r.raw.p95.toFixed(1)} ms (${first.total} positions match)`);
    out.push(r);
  }
  return out;
}
