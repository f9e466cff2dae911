/**
 * The production web server: Next.js behind a small Node server of our own, for two things `next start`
 * cannot do —
 *  - the client's address: Next copies the TCP peer into X-Forwarded-For only when the request has none,
 *    so any caller could choose the address the audit log records and the sign-in limit counts. Here the
 *    header is replaced by the address worked out from the peer and TRUSTED_PROXIES (lib/client-address);
 *  - both cores: WEB_CONCURRENCY processes (default: one per core) share the port through Node's cluster.
 * `npm run serve`; `npm start` and the e2e server run it.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { clientAddress, trustedProxies } from "./lib/client-address.mjs";

// As `next start` does: the production build of React and of our own code paths.
process.env.NODE_ENV ??= "production";
const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies is replaced, unless the server is stopping.
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`[serve] web process ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 10_000).unref();
      cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    });
  }
} else {
  const trusted = trustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    if (address) req.headers["x-forwarded-for"] = address;
    else delete req.headers["x-forwarded-for"];
    delete req.headers["x-real-ip"];
    void handle(req, res);
  });
  server.listen(port, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`[serve] listening on port ${port} with ${workers} web process(es)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
}
