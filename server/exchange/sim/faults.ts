/**
 * Fault injection for client tests: latency, 50026 errors, 503s, requests that never answer and dropped
 * connections, on all API paths or only `paths`. Set at start (OKX_SIM_FAULTS / `faults` option) or at
 * run time through POST /sim/admin/faults. Never applied to /sim/* (admin, files).
 */
import "server-only";
import { z } from "zod";
import { mulberry32 } from "./random";

const rate = z.number().min(0).max(1);

export const FaultConfigSchema = z.strictObject({
  /** Added before every affected answer (including faulty ones). */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** HTTP 500 {"code":"50026"} — OKX's "System error". */
  errorRate: rate.optional(),
  /** HTTP 503 {"code":"50001"} — OKX's "Service temporarily unavailable". */
  status5xxRate: rate.optional(),
  /** No answer at all; the socket stays open until the client gives up (or the simulator closes). */
  timeoutRate: rate.optional(),
  /** The socket is destroyed without an answer (ECONNRESET / "socket hang up" at the client). */
  dropRate: rate.optional(),
  /** Only these paths (no query string); all API paths when absent or empty. */
  paths: z.array(z.string().startsWith("/")).optional(),
  /**
   * "before" (default): a faulty request has no effect. "after": the request is carried out, then its answer
   * is replaced by the fault — what a client must expect after a time-out on a POST that creates something.
   */
  phase: z.enum(["before", "after"]).optional(),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export type FaultKind = "timeout" | "drop" | "status5xx" | "error";

export interface FaultDecision {
  latencyMs: number;
  kind: FaultKind | null;
  phase: "before" | "after";
}

/** Holds the current fault settings and draws faults from a seeded generator, so runs repeat. */
export class Faults {
  private config: FaultConfig;
  private readonly random: () => number;

  constructor(config: FaultConfig, seed: number) {
    this.config = FaultConfigSchema.parse(config);
    this.random = mulberry32(seed ^ 0x5eed_fa17);
  }

  get current(): FaultConfig {
    return this.config;
  }

  set(config: FaultConfig) {
    this.config = FaultConfigSchema.parse(config);
  }

  /** null when the path is not affected or nothing is configured. */
  decide(path: string): FaultDecision | null {
    const c = this.config;
    if (c.paths && c.paths.length > 0 && !c.paths.includes(path)) return null;
    const latencyMs = c.latencyMs ?? 0;
    // One draw per kind, in order of severity; the first that fires wins.
    const kinds: [FaultKind, number | undefined][] = [
      ["timeout", c.timeoutRate],
      ["drop", c.dropRate],
      ["status5xx", c.status5xxRate],
      ["error", c.errorRate],
    ];
    let kind: FaultKind | null = null;
    for (const [k, r] of kinds) {
      if (r && this.random() < r) {
        kind = k;
        break;
      }
    }
    if (!kind && latencyMs === 0) return null;
    return { latencyMs, kind, phase: c.phase ?? "before" };
  }
}
