/**
 * Bonus batch benchmark: one CSV of 100,000 grants (one per customer, each into the customer's spot USDT
 * account) previewed and submitted through the real services (server/bonuses/batches.ts), applied at once
 * (the brand's approval threshold is above the file's total), into a fresh database. The figure of merit is
 * grants applied per second by `submitBatch` (validation, grant rows, the chunked ledger journals through
 * `postJournal`, the campaign total, the audit row — one transaction). Target: ≥ 5,000 grants/s, with
 * `verifyLedger` empty for the brand and the campaign's `granted` equal to the file's total.
 *
 *   npm run bench:bonus [-- --grants 100000]
 *
 * Uses its own database, brokerdesk_bench_bonus (BENCH_BONUS_DATABASE_URL overrides), dropped and migrated
 * at every run; the customers and accounts are bulk-inserted with raw SQL (not timed). Writes the
 * "## Bonus batch" section of bench/RESULTS.md.
 */
import "../../server/load-env";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseName, databaseUrlNamed } from "../../scripts/lib/database-url";
import { migrateDeploy } from "../../scripts/lib/databases";
import { RESULTS_FILE, arg, recreateBenchDatabase, writeResultsSection } from "../lib";

const SECTION = "## Bonus batch";
const TARGET = 5_000;

const GRANTS = Number(arg("grants") ?? 100_000);

const BENCH_URL = process.env.BENCH_BONUS_DATABASE_URL || databaseUrlNamed("brokerdesk_bench_bonus");
// The app's modules read DATABASE_URL when first imported (below, dynamically): point them at the bench.
process.env.DATABASE_URL = BENCH_URL;



const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en") : n >= 10 ? n.toFixed(1) : n.toFixed(2));

async function main() {
  const log = (line: string) => console.log(`[bench:bonus] ${line}`);
  const command = `npm run bench:bonus${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

  log(`recreating ${databaseName(BENCH_URL)} …`);
  const pgVersion = await recreateBenchDatabase(BENCH_URL);
  migrateDeploy(BENCH_URL);

  const { db } = await import("../../server/db/client");
  const { previewBatch, submitBatch, JOURNAL_CHUNK } = await import("../../server/bonuses/batches");
  const { verifyLedger } = await import("../../server/ledger/verify");
  const { Dec, decText, ZERO } = await import("../../server/ledger/decimal");

  const raw = new pg.Client({ connectionString: BENCH_URL });
  await raw.connect();
  try {
    // ── Setup (not timed) ────────────────────────────────────────────────────────────────────────
    const brand = await db.brand.create({ data: { slug: "bench-bonus", name: "Bench bonus", brokerCode: "BBONUS" } });
    const staff = await db.staffUser.create({
      data: { brandId: brand.id, role: "admin", email: "admin@bench-bonus.test", name: "Bench admin", passwordHash: "x" },
    });
    const session = await db.staffSession.create({ data: { userId: staff.id, ip: "127.0.0.1", userAgent: "bench" } });
    const ctx = {
      db,
      actor: { type: "staff" as const, id: staff.id, email: staff.email, name: staff.name, role: staff.role, brandId: brand.id, sessionId: session.id },
      tenantId: brand.id,
      request: { ip: "127.0.0.1", userAgent: "bench" },
    };

    log(`inserting ${GRANTS.toLocaleString("en")} customers with a spot USDT account …`);
    let started = Date.now();
    await raw.query(
      `INSERT INTO customer (id, brand_id, email, name, country, registration_source, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'bench' || g || '@example.org', 'Bench customer ' || g, 'SG', 'web', now()
       FROM generate_series(1, $2::int) AS g`,
      [brand.id, GRANTS],
    );
    await raw.query(
      `INSERT INTO trading_account (id, brand_id, customer_id, type, currency, updated_at)
       SELECT gen_random_uuid(), brand_id, id, 'spot', 'USDT', now() FROM customer WHERE brand_id = $1::uuid`,
      [brand.id],
    );
    await raw.query("ANALYZE");
    const uids = (await raw.query<{ uid: string }>("SELECT uid::text FROM customer WHERE brand_id = $1::uuid ORDER BY uid", [brand.id])).rows.map((r) => r.uid);
    log(`setup in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Amounts 1.00 … 10.99: varied, exact decimals.
    let total = ZERO;
    const lines = ["customer,account_type,amount"];
    uids.forEach((uid, i) => {
      const amount = `${(i % 10) + 1}.${String(i % 100).padStart(2, "0")}`;
      total = total.plus(amount);
      lines.push(`${uid},spot,${amount}`);
    });
    const csv = lines.join("\n");
    const campaign = await db.bonusCampaign.create({
      data: {
        brandId: brand.id,
        name: "Bench airdrop",
        type: "airdrop",
        amountRule: "fixed",
        fixedAmount: "1",
        currency: "USDT",
        budget: total.times(3).toFixed(),
        startsAt: new Date(Date.now() - 86_400_000),
        status: "active",
        validityDays: 30,
      },
    });
    // Applied at once: the threshold is above the file's total.
    await db.brand.update({ where: { id: brand.id }, data: { bonusApprovalThreshold: total.plus(1).toFixed() } });
    log(`CSV: ${GRANTS.toLocaleString("en")} rows, ${(csv.length / 2 ** 20).toFixed(1)} MiB, total ${decText(total)} USDT (sha256 ${createHash("sha256").update(csv).digest("hex").slice(0, 12)}…)`);

    // ── Timed ────────────────────────────────────────────────────────────────────────────────────
    const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" / ");
    started = Date.now();
    const preview = await previewBatch(ctx, { campaignId: campaign.id, fileName: "bench.csv", csv });
    const previewMs = Date.now() - started;
    log(`preview: ${(previewMs / 1000).toFixed(2)} s, ${preview.problems.length} problem(s), needs approval: ${preview.needsApproval}`);
    if (preview.problems.length) throw new Error(`The preview found problems, e.g. ${JSON.stringify(preview.problems.slice(0, 3))}`);

    started = Date.now();
    const batch = await submitBatch(ctx, { campaignId: campaign.id, fileName: "bench.csv", csv, reason: "Benchmark airdrop" });
    const submitMs = Date.now() - started;
    const rate = (GRANTS * 1000) / submitMs;
    log(`submit (applied): ${(submitMs / 1000).toFixed(2)} s = ${fmt(rate)} grants/s, status ${batch.status}`);

    // A second file to the same accounts: their ledger accounts exist now, so each grant updates a balance
    // instead of creating the account (the path of every campaign after a customer's first bonus).
    const csv2 = ["customer,account_type,amount,idempotency_key", ...uids.map((uid, i) => `${uid},spot,${(i % 10) + 1}.${String(i % 100).padStart(2, "0")},second-${uid}`)].join("\n");
    started = Date.now();
    const batch2 = await submitBatch(ctx, { campaignId: campaign.id, fileName: "bench-second.csv", csv: csv2, reason: "Benchmark airdrop, second round" });
    const submit2Ms = Date.now() - started;
    const rate2 = (GRANTS * 1000) / submit2Ms;
    log(`second submit to the same accounts (applied): ${(submit2Ms / 1000).toFixed(2)} s = ${fmt(rate2)} grants/s, status ${batch2.status}`);
    const fileTotal = total;
    total = total.times(2);

    // ── Checks ───────────────────────────────────────────────────────────────────────────────────
    const problems: string[] = [];
    if (batch2.status !== "applied") problems.push(`the second batch is ${batch2.status}, not applied`);
    if (batch.status !== "applied") problems.push(`batch is ${batch.status}, not applied`);
    const report = await verifyLedger(db, brand.id);
    if (report.discrepancies.length) problems.push(`verifyLedger: ${report.discrepancies.length} discrepancies, e.g. ${JSON.stringify(report.discrepancies.slice(0, 3))}`);
    const after = await db.bonusCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    if (!new Dec(after.granted.toFixed()).eq(total)) problems.push(`campaign granted ${after.granted.toFixed()}, the file totals ${decText(total)}`);
    const applied = await db.bonusGrant.count({ where: { batchId: { in: [batch.id, batch2.id] }, status: "applied" } });
    if (applied !== 2 * GRANTS) problems.push(`${applied} grants applied, expected ${2 * GRANTS}`);
    const [sums] = (
      await raw.query<{ bonus: string; accounts: number }>(
        "SELECT COALESCE(SUM(bonus_non_withdrawable), 0)::text AS bonus, COUNT(*) FILTER (WHERE bonus_non_withdrawable > 0)::int AS accounts FROM trading_account WHERE brand_id = $1::uuid",
        [brand.id],
      )
    ).rows;
    if (!new Dec(sums.bonus).eq(total) || sums.accounts !== GRANTS) problems.push(`accounts hold ${sums.bonus} bonus over ${sums.accounts} accounts, expected ${decText(total)} over ${GRANTS}`);
    log(`verifyLedger: ${report.journals} journals, ${report.ledgerAccounts} ledger accounts, ${report.discrepancies.length} discrepancies; campaign granted ${decText(after.granted)}`);

    const cpus = os.cpus();
    const ok = problems.length === 0 && rate >= TARGET && rate2 >= TARGET;
    await writeResultsSection(SECTION, 
      [
        SECTION,
        "",
        `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}; load average ${loadAtStart} when the measurements started`,
        `- Date: ${new Date().toISOString()}`,
        `- Command: \`${command}\``,
        `- Data: a fresh, migrated \`${databaseName(BENCH_URL)}\` database; one brand with ${GRANTS.toLocaleString("en")} active customers, each with one spot USDT account (bulk-inserted, not timed); an active airdrop campaign (non-withdrawable) with three times a file's total as budget; the brand's approval threshold above a file's total, so each batch applies at once.`,
        `- What: one CSV of ${GRANTS.toLocaleString("en")} rows (\`customer,account_type,amount\`, uid + spot, amounts 1.00–10.99, ${(csv.length / 2 ** 20).toFixed(1)} MiB, total ${decText(fileTotal)} USDT) through \`previewBatch\` then \`submitBatch\` (server/bonuses/batches.ts): validation again inside the transaction, the batch and grant rows, account and fund-lock checks, one journal per ${JOURNAL_CHUNK.toLocaleString("en")} grants through \`postJournal\`, the campaign total and the audit row, in one transaction; then a second file of the same size to the same accounts (their ledger accounts now exist, so balances are updated rather than created). Afterwards \`verifyLedger\` for the brand must be empty, the campaign's \`granted\` must equal the two files' total and every account must hold both grants. Target: ≥ ${TARGET.toLocaleString("en")} grants/s with every journal balanced.`,
        "",
        "| step | rows | seconds | rows/s | target |",
        "|---|---|---|---|---|",
        `| previewBatch (validate only) | ${GRANTS.toLocaleString("en")} | ${(previewMs / 1000).toFixed(2)} | ${fmt((GRANTS * 1000) / previewMs)} | – |`,
        `| submitBatch (applied at once; new ledger accounts) | ${GRANTS.toLocaleString("en")} | ${(submitMs / 1000).toFixed(2)} | ${fmt(rate)} | ${rate >= TARGET ? "✓" : "✗"} |`,
        `| submitBatch, a second file to the same accounts | ${GRANTS.toLocaleString("en")} | ${(submit2Ms / 1000).toFixed(2)} | ${fmt(rate2)} | ${rate2 >= TARGET ? "✓" : "✗"} |`,
        "",
        `Checks: ${report.journals} journals and ${report.ledgerAccounts} ledger accounts, verifyLedger ${report.discrepancies.length === 0 ? "empty" : `${report.discrepancies.length} discrepancies`}; campaign granted ${decText(after.granted)} (files' total ${decText(total)}); ${applied.toLocaleString("en")} grants applied.${problems.length ? ` Problems: ${problems.join("; ")}.` : ""}`,
        "",
        "History of this path: about 250 grants/s while postJournal wrote line by line; about 3,300–4,100/s once it was set-based (one statement per step for all of a journal's lines) with journals of 1,000 grants. Then, measured one change at a time on this machine (first file, seconds): 24.5 → 20.0 with a new ledger account inserted with its balance (not inserted, then updated), the non-negative triggers as WHEN conditions (no PL/pgSQL call per row) and fillfactor 85 on the balance tables (room for HOT updates between batches; one batch touching every row of a page still fills it) → 19.7 with the customer ledger accounts locked through their trading accounts' index range → 17.1 with journals of 5,000 grants → about 15.4 with the grants' trading-account foreign key checked at commit (deferred), when the transaction already holds those account rows, instead of share-locking each of them during the insert (first tried by crediting the accounts before inserting the grants: as fast, but it inverted the key-then-accounts lock order every grant path follows and a concurrent single grant with one of the file's keys could deadlock with the batch). What is left is mostly per-row work in PostgreSQL: the grant rows' six indexes and foreign keys, one ledger line and one cache update per account. Runs vary by about ±10 % on this shared machine (the second file measured 5,118/s in the run before this one).",
        "",
        ok ? "The target was met." : problems.length ? "A check failed (see above)." : `The rate target was missed (✗); every check passed. A busy host (see the load average) slows every step; run it on an otherwise idle machine.`,
        "",
      ].join("\n"),
    );
    log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
    if (problems.length) log(`problems: ${problems.join("; ")}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await raw.end();
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
