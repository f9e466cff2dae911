/**
 * Simulator settings: `createSimulator(options)` takes them directly (tests), `main.ts` reads them from
 * OKX_SIM_* variables (validated here; a bad value stops the process naming the variable).
 */
import "server-only";
import path from "node:path";
import { z } from "zod";
import {
  DEFAULT_OKX_SIM_API_KEY,
  DEFAULT_OKX_SIM_PASSPHRASE,
  DEFAULT_OKX_SIM_PORT,
  DEFAULT_OKX_SIM_SECRET_KEY,
} from "../../env-defaults";
import { type FaultConfig, FaultConfigSchema } from "./faults";

export interface SimConfig {
  /** 127.0.0.1 unless told otherwise; admin endpoints refuse non-loopback callers anyway. */
  host: string;
  /** 0 = any free port (tests). */
  port: number;
  /** Where state.json lives; created if missing. */
  dataDir: string;
  apiKey: string;
  secretKey: string;
  passphrase: string;
  /** The key's trading environment: "demo" keys need `x-simulated-trading: 1`, "live" keys must not send it. */
  mode: "demo" | "live";
  /** false: no 50011 at all (bulk seeding in benchmarks). */
  rateLimits: boolean;
  /** Seed of the generated data (and of fault draws). */
  seed: number;
  /** Size of the data generated on first start (empty dataDir). */
  subaccounts: number;
  deposits: number;
  /** How long a rebate file stays "ongoing". */
  rebateDelayMs: number;
  /** Rows in each FD rebate file (streamed, so millions are fine). */
  rebateRows: number;
  /**
   * Fills a day in DMA trading details (every file covering the day lists them; rebate-daily sums them).
   * Streamed, so a file of millions of rows is fine.
   */
  dmaRowsPerDay: number;
  /**
   * How long a file link stays valid; null = the documented times (FD 2 h, DMA 9 h). Tests shorten it
   * (0 = links already expired) here or at run time with POST /sim/admin/file-links.
   */
  fileLinkTtlMs: number | null;
  faults: FaultConfig;
  /** Allowed distance between OK-ACCESS-TIMESTAMP and the simulator's clock (50102 beyond). */
  timestampToleranceMs: number;
  /**
   * Pace of a sub-account's own withdrawals: waiting (0) → broadcasting (1) → success (2), one step each;
   * a cancel goes -3 → -2 in one step.
   */
  withdrawalStepMs: number;
  /** Debounce of state.json writes. */
  persistDebounceMs: number;
  /** Log lines (start, persistence problems); never given a secret. */
  log: (line: string) => void;
}

export type SimulatorOptions = Partial<SimConfig>;

export const DEFAULT_DATA_DIR = "var/okx-sim";

export function resolveConfig(options: SimulatorOptions = {}): SimConfig {
  const config: SimConfig = {
    host: "127.0.0.1",
    port: DEFAULT_OKX_SIM_PORT,
    dataDir: DEFAULT_DATA_DIR,
    apiKey: DEFAULT_OKX_SIM_API_KEY,
    secretKey: DEFAULT_OKX_SIM_SECRET_KEY,
    passphrase: DEFAULT_OKX_SIM_PASSPHRASE,
    mode: "demo",
    rateLimits: true,
    seed: 20_250_601,
    subaccounts: 25,
    deposits: 200,
    rebateDelayMs: 3000,
    rebateRows: 1000,
    dmaRowsPerDay: 1000,
    fileLinkTtlMs: null,
    faults: {},
    timestampToleranceMs: 30_000,
    persistDebounceMs: 250,
    withdrawalStepMs: 3000,
    log: (line) => console.log(`[okx-sim] ${line}`),
    ...options,
  };
  config.dataDir = path.resolve(config.dataDir);
  config.faults = FaultConfigSchema.parse(config.faults);
  return config;
}

const int = (name: string, min: number, max: number) =>
  z.coerce.number({ error: `${name} must be a number` }).int({ error: `${name} must be an integer` }).min(min, { error: `${name} must be ≥ ${min}` }).max(max, { error: `${name} must be ≤ ${max}` }).optional();

const nonEmpty = (name: string) => z.string().min(1, { error: `${name} must not be empty` }).optional();

const EnvSchema = z.object({
  OKX_SIM_HOST: nonEmpty("OKX_SIM_HOST"),
  OKX_SIM_PORT: int("OKX_SIM_PORT", 0, 65535),
  OKX_SIM_DATA_DIR: nonEmpty("OKX_SIM_DATA_DIR"),
  OKX_SIM_API_KEY: nonEmpty("OKX_SIM_API_KEY"),
  OKX_SIM_SECRET_KEY: nonEmpty("OKX_SIM_SECRET_KEY"),
  OKX_SIM_PASSPHRASE: nonEmpty("OKX_SIM_PASSPHRASE"),
  OKX_SIM_MODE: z.enum(["demo", "live"], { error: "OKX_SIM_MODE must be demo or live" }).optional(),
  OKX_SIM_RATE_LIMITS: z.enum(["on", "off"], { error: "OKX_SIM_RATE_LIMITS must be on or off" }).optional(),
  OKX_SIM_SEED: int("OKX_SIM_SEED", 0, 2 ** 31 - 1),
  OKX_SIM_SUBACCOUNTS: int("OKX_SIM_SUBACCOUNTS", 0, 100_000),
  OKX_SIM_DEPOSITS: int("OKX_SIM_DEPOSITS", 0, 1_000_000),
  OKX_SIM_REBATE_DELAY_MS: int("OKX_SIM_REBATE_DELAY_MS", 0, 24 * 3600 * 1000),
  OKX_SIM_REBATE_ROWS: int("OKX_SIM_REBATE_ROWS", 0, 100_000_000),
  OKX_SIM_DMA_ROWS_PER_DAY: int("OKX_SIM_DMA_ROWS_PER_DAY", 0, 10_000_000),
  OKX_SIM_FILE_LINK_TTL_MS: int("OKX_SIM_FILE_LINK_TTL_MS", 0, 24 * 3600 * 1000),
  OKX_SIM_WITHDRAWAL_STEP_MS: int("OKX_SIM_WITHDRAWAL_STEP_MS", 0, 24 * 3600 * 1000),
  OKX_SIM_FAULTS: z
    .string()
    .transform((text, ctx) => {
      try {
        const parsed = FaultConfigSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: `OKX_SIM_FAULTS: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}` });
      } catch {
        ctx.addIssue({ code: "custom", message: "OKX_SIM_FAULTS must be JSON, e.g. {\"latencyMs\":200,\"errorRate\":0.1}" });
      }
      return z.NEVER;
    })
    .optional(),
});

/** Options from OKX_SIM_* variables (unset ones keep the defaults); throws naming a bad variable. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SimulatorOptions {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid OKX simulator environment:\n${parsed.error.issues.map((i) => `  ${i.message}`).join("\n")}`);
  }
  const e = parsed.data;
  const options: SimulatorOptions = {
    host: e.OKX_SIM_HOST,
    port: e.OKX_SIM_PORT,
    dataDir: e.OKX_SIM_DATA_DIR,
    apiKey: e.OKX_SIM_API_KEY,
    secretKey: e.OKX_SIM_SECRET_KEY,
    passphrase: e.OKX_SIM_PASSPHRASE,
    mode: e.OKX_SIM_MODE,
    rateLimits: e.OKX_SIM_RATE_LIMITS === undefined ? undefined : e.OKX_SIM_RATE_LIMITS === "on",
    seed: e.OKX_SIM_SEED,
    subaccounts: e.OKX_SIM_SUBACCOUNTS,
    deposits: e.OKX_SIM_DEPOSITS,
    rebateDelayMs: e.OKX_SIM_REBATE_DELAY_MS,
    rebateRows: e.OKX_SIM_REBATE_ROWS,
    dmaRowsPerDay: e.OKX_SIM_DMA_ROWS_PER_DAY,
    fileLinkTtlMs: e.OKX_SIM_FILE_LINK_TTL_MS,
    faults: e.OKX_SIM_FAULTS,
    withdrawalStepMs: e.OKX_SIM_WITHDRAWAL_STEP_MS,
  };
  // Drop unset entries so resolveConfig's defaults apply.
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as SimulatorOptions;
}
