/**
 * Load for bench/partner-api: like bench/load/generator.ts (keep-alive HTTP/1.1 with Node's own client,
 * latency from the instant a request was due), but each request is built when it is sent — a partner signs
 * every request with the time of sending and gives every POST its own Idempotency-Key.
 */
import http from "node:http";
import { paced, saturate, type Outcome } from "../load/generator";

export interface Call {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Builds the next request (signing it now). */
export type MakeCall = () => Call;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Sends one request; resolves with its status and body (a refused or reset connection is status 0). */
export function send(origin: string, call: Call): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const headers = call.body === undefined ? call.headers : { ...call.headers, "content-length": String(Buffer.byteLength(call.body)) };
    const req = http.request(`${origin}${call.path}`, { method: call.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", () => resolve({ status: 0, body: "" }));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on("error", () => resolve({ status: 0, body: "" }));
    req.end(call.body);
  });
}

const ok = (status: number) => status === 200 || status === 201;

/** `rate` requests a second at evenly spaced instants for `durationMs`; each latency counts from its due instant. */
export async function openLoop(origin: string, name: string, make: MakeCall, rate: number, durationMs: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await paced(rate, durationMs, async (_i, due) => {
    const { status, body } = await send(origin, make());
    // Status 200 for the summary's error count: a 201 is a success here.
    outcomes.push({ name, latencyMs: performance.now() - due, status: ok(status) ? 200 : status, bytes: Buffer.byteLength(body) });
  });
  return outcomes;
}

/** `concurrency` requests in flight at all times for `durationMs`: the saturation rate. */
export const closedLoop = (origin: string, make: MakeCall, concurrency: number, durationMs: number) =>
  saturate(concurrency, durationMs, async () => ok((await send(origin, make())).status));
