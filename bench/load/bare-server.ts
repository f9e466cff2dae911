/**
 * The floor of the customer-list saturation ratio: a plain Node HTTP server, on both cores like the app
 * (cluster, WEB_CONCURRENCY workers), answering GET /customers with the SAME two statements the list
 * service sends for page 1 (built by server/customers/list-query.ts in the parent and passed in
 * BARE_STATEMENTS), through a plain pg.Pool, as JSON. No session, no tRPC, no Prisma, no React.
 */
import cluster from "node:cluster";
import http from "node:http";
import pg from "pg";

const workers = Number(process.env.WEB_CONCURRENCY ?? 2);
if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const { page, count } = JSON.parse(process.env.BARE_STATEMENTS!) as Record<"page" | "count", { text: string; values: unknown[] }>;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  http
    .createServer((req, res) => {
      if (req.url !== "/customers") return res.writeHead(404).end();
      Promise.all([pool.query(page.text, page.values), pool.query(count.text, count.values)]).then(
        ([rows, total]) => {
          const body = JSON.stringify({ rows: rows.rows.slice(0, 20), total: total.rows[0] });
          res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }).end(body);
        },
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    })
    .listen(Number(process.env.PORT), "127.0.0.1");
}
