/**
 * Message benchmarks on the customer bench data (a million customers in one brand, bench/customers/seed.ts):
 *
 *  1. Fan-out: one message to every customer of the brand who can receive one (closed accounts never do),
 *     sent through the service (`sendMessage`) and delivered by a real BullMQ worker running the
 *     `message-fanout` job — timed from the send call until the message reads `sent`. The floor, in the
 *     same run: one bare `INSERT … SELECT` of the same recipient rows into a copy of message_delivery with
 *     the same indexes. Target: ≤ 30 s and ≤ 2× the floor.
 *  2. Inbox: one customer with 10,000 messages (2,000 unread) in a message_delivery of 10 million rows:
 *     the first page and a deep page of the inbox (service vs the same statement over plain pg), the unread
 *     count, and "mark all read" (service) against a bare UPDATE of those 10,000 rows. Targets: inbox p95
 *     ≤ 20 ms, mark-all-read ≤ 50 ms.
 *
 *   npm run bench:fanout [-- --runs 3] [-- --inbox-runs 200] [-- --deliveries 10000000]
 *
 * Writes the "## Message fan-out and inbox" section of bench/RESULTS.md.
 */
import "../../server/load-env";
import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { arg, writeResultsSection } from "../lib";
import { BENCH_URL, prepareData } from "../customers/seed";

const SECTION = "## Message fan-out and inbox";
const RUNS = Number(arg("runs") ?? 3);
const INBOX_RUNS = Number(arg("inbox-runs") ?? 200);
const DELIVERIES = Number(arg("deliveries") ?? 10_000_000);
const INBOX_MESSAGES = 10_000;
const INBOX_UNREAD = 2_000;

process.env.DATABASE_URL = BENCH_URL;
process.env.JOBS_PREFIX = `bench-fanout-${randomUUID().slice(0, 8)}`;

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1))]!;
const s = (ms: number) => (ms / 1000).toFixed(2);
const f = (ms: number) => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
async function timed(run: () => Promise<unknown>) {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function main() {
  const log = (line: string) => console.log(`[bench:fanout] ${line}`);
  const command = `npm run bench:fanout${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const data = await prepareData({ mainRows: 1_000_000, otherRows: 100_000, rebuild: false }, log);
  const loadAtStart = os.loadavg().map((n) => n.toFixed(2)).join(" / ");

  const { db } = await import("../../server/db/client");
  const { env } = await import("../../server/env");
  const { configureJobs, workerConnection, closeProducerConnection } = await import("../../server/queues/connection");
  const { startWorker } = await import("../../jobs/runtime");
  const { processMessageFanout } = await import("../../jobs/workers/message-fanout");
  const { sendMessage } = await import("../../server/messages/send");
  const { listInbox, unreadCount, markAllReadFor } = await import("../../server/messages/inbox");
  const { systemActor } = await import("../../server/actor");

  const pool = new pg.Pool({ connectionString: BENCH_URL, max: 4 });
  const q = (text: string, values: unknown[] = []) => pool.query(text, values);
  await configureJobs({ prefix: process.env.JOBS_PREFIX!, redisUrl: env.REDIS_URL });
  const worker = startWorker("message-fanout", (job) => processMessageFanout(job.data, db, job), { connection: workerConnection(), prefix: process.env.JOBS_PREFIX!, log: () => undefined });
  const ctx = { db, actor: systemActor("bench-fanout"), tenantId: data.main, request: { ip: null, userAgent: "bench/fanout" } };

  // ── 1. Fan-out against a bare INSERT … SELECT ─────────────────────────────────────────────────────
  await q(`DROP TABLE IF EXISTS bench_delivery_floor`);
  await q(`CREATE TABLE bench_delivery_floor (LIKE message_delivery INCLUDING ALL)`);
  const recipients = Number((await q(`SELECT count(*) AS n FROM customer WHERE brand_id = $1 AND status <> 'closed'`, [data.main])).rows[0].n);
  const content = { en: { title: "Year-end offer", body: "Hello {{name}}, your uid {{uid}} qualifies." }, "zh-CN": { title: "年终优惠", body: "{{name}}，您好：uid {{uid}} 符合条件。" } };
  const fanout: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await q(`TRUNCATE message_delivery, message_recipient_chunk`);
    await q(`TRUNCATE bench_delivery_floor`);
    await q(`CHECKPOINT`);
    const t = performance.now();
    const sent = await sendMessage(ctx, { type: "marketing", content, audience: { kind: "everyone" } });
    for (;;) {
      const m = await db.message.findUniqueOrThrow({ where: { id: sent.id }, select: { status: true, deliveredCount: true } });
      if (m.status === "sent") break;
      if (m.status === "failed") throw new Error("fan-out failed");
      await new Promise((r) => setTimeout(r, 50));
    }
    fanout.push(performance.now() - t);
    const delivered = Number((await q(`SELECT count(*) AS n FROM message_delivery WHERE message_id = $1`, [sent.id])).rows[0].n);
    if (delivered !== recipients) throw new Error(`delivered ${delivered}, expected ${recipients}`);
    await q(`CHECKPOINT`);
    floor.push(
      await timed(() =>
        q(`INSERT INTO bench_delivery_floor (message_id, customer_id, type, locale, delivered_at)
           SELECT $2::uuid, c.id, 'marketing', c.language, now() FROM customer c WHERE c.brand_id = $1 AND c.status <> 'closed'`, [data.main, sent.id]),
      ),
    );
    log(`run ${run + 1}: fan-out ${s(fanout.at(-1)!)} s, bare insert ${s(floor.at(-1)!)} s (${recipients.toLocaleString("en")} rows)`);
  }
  await worker.close();
  await q(`DROP TABLE bench_delivery_floor`);

  // ── 2. Inbox at 10M deliveries ────────────────────────────────────────────────────────────────────
  const target = (await q(`SELECT id FROM customer WHERE brand_id = $1 AND status = 'active' ORDER BY id LIMIT 1`, [data.main])).rows[0].id as string;
  await q(`TRUNCATE message_delivery, message_recipient_chunk, customer_inbox`);
  await q(`DELETE FROM message WHERE brand_id = $1`, [data.main]);
  log(`filling message_delivery with ${DELIVERIES.toLocaleString("en")} rows …`);
  const fillStart = Date.now();
  const perMessage = 1_000_000;
  const messages = Math.ceil(DELIVERIES / perMessage) + INBOX_MESSAGES;
  await q(`INSERT INTO message (id, brand_id, type, source, content, audience, estimated_count, status, created_at, updated_at)
           SELECT gen_random_uuid(), $1, (ARRAY['system','account','marketing','risk']::"MessageType"[])[1 + i % 4], 'portal', $2::jsonb, '{"kind":"everyone"}', 0, 'sent',
                  now() - make_interval(mins => i), now() FROM generate_series(1, $3) i`, [data.main, JSON.stringify(content), messages]);
  const ids = (await q(`SELECT id, type FROM message WHERE brand_id = $1 ORDER BY created_at`, [data.main])).rows as { id: string; type: string }[];
  await q(`ALTER TABLE message_delivery SET UNLOGGED`);
  for (let i = 0; i < Math.ceil(DELIVERIES / perMessage); i++) {
    await q(`INSERT INTO message_delivery (message_id, customer_id, type, locale, delivered_at, read_at)
             SELECT $1::uuid, c.id, $3::"MessageType", c.language, now() - interval '30 days', CASE WHEN random() < 0.5 THEN now() - interval '29 days' END
             FROM customer c WHERE c.brand_id = $2 AND c.id <> $4::uuid LIMIT ${perMessage}`, [ids[i]!.id, data.main, ids[i]!.type, target]);
  }
  const own = ids.slice(ids.length - INBOX_MESSAGES);
  await q(`INSERT INTO message_delivery (message_id, customer_id, type, locale, delivered_at, read_at)
           SELECT m.id, $2::uuid, m.type, 'en', now() - make_interval(mins => n::int), CASE WHEN n > ${INBOX_UNREAD} THEN now() END
           FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) JOIN message m ON m.id = u.id`, [own.map((m) => m.id), target]);
  await q(`ALTER TABLE message_delivery SET LOGGED`);
  await q(`VACUUM (ANALYZE) message_delivery`);
  const total = Number((await q(`SELECT count(*) AS n FROM message_delivery`)).rows[0].n);
  log(`filled ${total.toLocaleString("en")} deliveries in ${((Date.now() - fillStart) / 1000).toFixed(0)} s`);

  const firstPage = await listInbox(ctx, target, { limit: 20 });
  let deep = firstPage.nextCursor!;
  for (let i = 0; i < 150; i++) deep = (await listInbox(ctx, target, { limit: 20, cursor: deep })).nextCursor!; // into the read part
  const rawFirst = `SELECT d.message_id, d.type, d.locale, d.delivered_at, d.read_at, m.content, m.vars FROM message_delivery d
    JOIN message m ON m.id = d.message_id AND m.status <> 'retracted'
    WHERE d.customer_id = $1 AND d.read_at IS NULL AND d.delivered_at > 'epoch' ORDER BY d.delivered_at DESC, d.message_id DESC LIMIT 21`;
  const series = { first: [] as number[], rawFirst: [] as number[], deep: [] as number[], count: [] as number[], readAll: [] as number[], bareUpdate: [] as number[] };
  for (let i = 0; i < 10 + INBOX_RUNS; i++) {
    const a = await timed(() => listInbox(ctx, target, { limit: 20 }));
    const b = await timed(() => q(rawFirst, [target]));
    const c = await timed(() => listInbox(ctx, target, { limit: 20, cursor: deep }));
    const d = await timed(() => unreadCount(ctx, target));
    if (i < 10) continue;
    series.first.push(a);
    series.rawFirst.push(b);
    series.deep.push(c);
    series.count.push(d);
  }
  for (let i = 0; i < 20; i++) {
    await q(`DELETE FROM customer_inbox WHERE customer_id = $1`, [target]);
    series.readAll.push(await timed(() => markAllReadFor(ctx, target)));
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      series.bareUpdate.push(await timed(() => client.query(`UPDATE message_delivery SET read_at = now() WHERE customer_id = $1`, [target])));
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  }
  await q(`TRUNCATE message_delivery, customer_inbox`);
  await q(`DELETE FROM message WHERE brand_id = $1`, [data.main]);

  const fan = pct(fanout, 0.5);
  const bare = pct(floor, 0.5);
  const p95 = (xs: number[]) => f(pct(xs, 0.95));
  const text = `${SECTION}

\`${command}\` — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load at start ${loadAtStart}.

**Fan-out** of one message to ${recipients.toLocaleString("en")} customers (every non-closed customer of a brand of 1,000,000), from \`sendMessage\`
to status \`sent\` through a real BullMQ worker (snapshot in one statement, then chunks of 10,000, one transaction each),
against a bare \`INSERT … SELECT\` of the same rows into a copy of \`message_delivery\` with the same indexes. ${RUNS} runs, median:

| | median | runs |
|---|---|---|
| fan-out (send → sent) | ${s(fan)} s | ${fanout.map(s).join(", ")} |
| bare INSERT … SELECT (floor) | ${s(bare)} s | ${floor.map(s).join(", ")} |
| ratio | **${(fan / bare).toFixed(2)}×** | target ≤ 30 s and ≤ 2× |

The fan-out writes each chunk in customer-id order, so its rows reach the (message, customer) and (customer, …)
indexes in key order; the bare statement inserts in scan order, which is why it can be the slower of the two.

**Inbox** of one customer with ${INBOX_MESSAGES.toLocaleString("en")} messages (${INBOX_UNREAD.toLocaleString("en")} unread) in a \`message_delivery\` of ${total.toLocaleString("en")} rows, ${INBOX_RUNS} runs each:

| | p50 ms | p95 ms | target |
|---|---|---|---|
| first page (service, unread first) | ${f(pct(series.first, 0.5))} | ${p95(series.first)} | p95 ≤ 20 |
| first page, same SQL over plain pg (floor) | ${f(pct(series.rawFirst, 0.5))} | ${p95(series.rawFirst)} | |
| page 151 by cursor (the read part) | ${f(pct(series.deep, 0.5))} | ${p95(series.deep)} | p95 ≤ 20 |
| unread count | ${f(pct(series.count, 0.5))} | ${p95(series.count)} | |
| mark all read (service, 20 runs) | ${f(pct(series.readAll, 0.5))} | ${p95(series.readAll)} | ≤ 50 |
| bare UPDATE of the 10,000 rows (rolled back, for comparison) | ${f(pct(series.bareUpdate, 0.5))} | ${p95(series.bareUpdate)} | |

"Mark all read" is one row per customer (\`customer_inbox.read_all_at\`), read by the inbox at once; the dispatcher writes \`read_at\`
on the deliveries behind it for the statistics — which is why it does not grow with the inbox, where the bare UPDATE does.
`;
  await writeResultsSection(SECTION, text);
  console.log(text);
  await pool.end();
  await closeProducerConnection();
  await db.$disconnect();
  // The worker's own Redis connection and BullMQ timers would keep the process alive.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
