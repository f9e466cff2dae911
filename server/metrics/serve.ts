/**
 * The worker process's own GET /metrics (it makes most exchange calls, which only its registry counts):
 * a bare node:http server answering through the same handler as the web app's /api/metrics — the same
 * bearer token, 401 without it — and 404 for any other path.
 */
import "server-only";
import { createServer, type Server } from "node:http";
import { metricsHandler } from "../health/http";

export async function serveMetrics(port: number, token: string, host = "0.0.0.0"): Promise<Server> {
  const scrape = metricsHandler(token);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const answer =
      req.method === "GET" && path === "/metrics"
        ? scrape(new Request(`http://localhost${path}`, { headers: { authorization: req.headers.authorization ?? "" } }))
        : Promise.resolve(new Response(null, { status: 404 }));
    answer
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
