/**
 * Environment, validated once at start-up. Every setting has a default that works on a fresh machine,
 * and every one can be overridden by the environment. A bad value stops the process naming the variable.
 */
import "server-only";
import { z } from "zod";
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_OKX_LIVE_BASE_URL,
  DEFAULT_OKX_SIM_API_KEY,
  DEFAULT_OKX_SIM_PASSPHRASE,
  DEFAULT_OKX_SIM_PORT,
  DEFAULT_OKX_SIM_SECRET_KEY,
  DEFAULT_REDIS_URL,
  DEV_AUTH_SECRET,
  DEV_ENCRYPTION_KEY,
} from "./env-defaults";
import { devSecretsRefusal } from "./secrets-policy";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }).default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.url({ error: "REDIS_URL must be a redis:// URL" }).default(DEFAULT_REDIS_URL),
  NEXTAUTH_SECRET: z.string().min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters" }).default(DEV_AUTH_SECRET),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  /** 32-byte key, base64, for AES-256-GCM encryption of secrets at rest. */
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, {
      error: "ENCRYPTION_KEY must be 32 bytes encoded as base64 (openssl rand -base64 32)",
    })
    .default(DEV_ENCRYPTION_KEY),
  /** Idle and absolute session limits, in minutes. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_MINUTES: z.coerce.number().int().positive().default(8 * 60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Failed sign-ins from one address in a window before that address is refused (server/auth/source-limit.ts). */
  LOGIN_SOURCE_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  LOGIN_SOURCE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Circuit breakers on exchange calls (server/exchange/okx/breaker.ts): on unless "off". */
  OKX_BREAKERS: z.enum(["on", "off"], { error: "OKX_BREAKERS must be on or off" }).default("on"),
  /**
   * Where a brand's exchange calls go (server/exchange/brand-client.ts): brands with credentials → OKX at
   * OKX_BASE_URL; brands without → the built-in simulator at OKX_SIM_URL with the OKX_SIM_* demo key.
   */
  OKX_BASE_URL: z.url({ error: "OKX_BASE_URL must be a URL such as https://www.okx.com" }).default(DEFAULT_OKX_LIVE_BASE_URL),
  OKX_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_OKX_SIM_PORT),
  /** Unset: http://127.0.0.1:$OKX_SIM_PORT (the simulator `npm start` runs next to the web app). */
  OKX_SIM_URL: z.url({ error: "OKX_SIM_URL must be a URL such as http://127.0.0.1:8787" }).optional(),
  OKX_SIM_API_KEY: z.string().min(1, { error: "OKX_SIM_API_KEY must not be empty" }).default(DEFAULT_OKX_SIM_API_KEY),
  OKX_SIM_SECRET_KEY: z.string().min(1, { error: "OKX_SIM_SECRET_KEY must not be empty" }).default(DEFAULT_OKX_SIM_SECRET_KEY),
  OKX_SIM_PASSPHRASE: z.string().min(1, { error: "OKX_SIM_PASSPHRASE must not be empty" }).default(DEFAULT_OKX_SIM_PASSPHRASE),
  /** Where KYC documents are kept (server/kyc/storage.ts): a local directory, or an S3-compatible bucket (KYC_S3_*). */
  KYC_STORAGE: z.enum(["local", "s3"], { error: 'KYC_STORAGE must be "local" or "s3"' }).default("local"),
  /** Local storage directory; a relative path is taken from the directory the app starts in (the project root). */
  KYC_STORAGE_DIR: z.string().min(1, { error: "KYC_STORAGE_DIR must not be empty" }).default("var/kyc-documents"),
  /** Where downloaded exchange rebate and trading-details files are kept (server/rebates/storage.ts); relative to the project root. */
  REBATE_FILES_DIR: z.string().min(1, { error: "REBATE_FILES_DIR must not be empty" }).default("var/rebate-files"),
  /** Base URL of the S3-compatible service, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000; path-style requests. */
  KYC_S3_ENDPOINT: z.url({ error: "KYC_S3_ENDPOINT must be a URL such as https://s3.eu-west-1.amazonaws.com" }).optional(),
  KYC_S3_BUCKET: z.string().min(1).optional(),
  KYC_S3_REGION: z.string().min(1).default("us-east-1"),
  KYC_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  KYC_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /**
   * Bearer token GET /api/metrics requires (app/api/metrics/route.ts); unset, that route answers 404.
   * At least 32 characters: it is compared in constant time, but a short one could be guessed.
   */
  METRICS_TOKEN: z.string().min(32, { error: "METRICS_TOKEN must be at least 32 characters" }).optional(),
  /** The worker process serves GET /metrics on this port when set (needs METRICS_TOKEN); unset: it serves none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** BullMQ key prefix for every job queue (server/queues/connection.ts); lets two installations share one Redis. */
  JOBS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { error: "JOBS_PREFIX may contain only letters, digits, _ and -" })
    .default("bull"),
})
  .superRefine((e, ctx) => {
    if (e.WORKER_METRICS_PORT && !e.METRICS_TOKEN) ctx.addIssue({ code: "custom", path: ["WORKER_METRICS_PORT"], message: "WORKER_METRICS_PORT needs METRICS_TOKEN (the scrape's bearer token)" });
    if (e.KYC_STORAGE !== "s3") return;
    for (const name of ["KYC_S3_ENDPOINT", "KYC_S3_BUCKET", "KYC_S3_ACCESS_KEY_ID", "KYC_S3_SECRET_ACCESS_KEY"] as const) {
      if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when KYC_STORAGE=s3` });
    }
  })
  .transform((e) => ({ ...e, OKX_SIM_URL: e.OKX_SIM_URL ?? `http://127.0.0.1:${e.OKX_SIM_PORT}` }));

export type Env = z.infer<typeof EnvSchema>;

function loadEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const refusal = devSecretsRefusal(process.env);
  if (refusal) throw new Error(refusal);
  return env;
}

export const env = loadEnv();
