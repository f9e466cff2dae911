/**
 * The brand's own exchange (OKX) key: set, clear, show masked, test. A brand without one runs on the
 * built-in simulator (server/exchange/brand-client.ts decides where calls go).
 *
 * Secrets: the secret key and passphrase are sealed with AES-256-GCM before they reach the database and
 * are never returned, logged or audited — not even redacted-after-the-fact: the audit snapshots below
 * hold only "set"/null markers and the masked API key, so a plain secret never reaches `recordAudit`.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { encryptSecret, maskSecret } from "../crypto/secrets";
import type { Prisma } from "../db/client";
import { invalid, notFound, type ErrorReason } from "../errors";
import { brandExchange, UnreadableCredentialsError, type BrandClientOptions, type ExchangeTarget } from "../exchange/brand-client";
import { isOkxError, type OkxError } from "../exchange/okx";
import { ZSetExchangeCredentialsInput, type ExchangeTestFailure, type OkxMode, type SetExchangeCredentialsInput } from "@/lib/brands/schemas";

const credentialsSelect = {
  okxApiKey: true,
  okxSecretEnc: true,
  okxPassphraseEnc: true,
  okxMode: true,
  okxCredentialsUpdatedAt: true,
  okxLastTestAt: true,
  okxLastTestOk: true,
  okxLastTestMessage: true,
} satisfies Prisma.BrandSelect;
type CredentialsRecord = Prisma.BrandGetPayload<{ select: typeof credentialsSelect }>;

type CredentialsRefusal = `exchange.errors.credentialsInvalid.${string}` & ErrorReason;
/**
 * The refusal per field and zod issue code of ZSetExchangeCredentialsInput's rules (lib/brands/schemas.ts),
 * whose English messages these reasons' templates repeat; `default` is the field's other refusals.
 */
const CREDENTIALS_REFUSALS: Record<string, { default: CredentialsRefusal } & Partial<Record<string, CredentialsRefusal>>> = {
  apiKey: {
    default: "exchange.errors.credentialsInvalid.apiKeyMissing",
    too_big: "exchange.errors.credentialsInvalid.apiKeyTooLong",
    invalid_format: "exchange.errors.credentialsInvalid.apiKeyFormat",
  },
  secretKey: {
    default: "exchange.errors.credentialsInvalid.secretKeyMissing",
    too_big: "exchange.errors.credentialsInvalid.secretKeyTooLong",
    invalid_format: "exchange.errors.credentialsInvalid.secretKeyFormat",
  },
  passphrase: { default: "exchange.errors.credentialsInvalid.passphraseLength", custom: "exchange.errors.credentialsInvalid.passphraseComplexity" },
  mode: { default: "exchange.errors.credentialsInvalid.mode" },
};

function credentialsRefusal(issue: { path: PropertyKey[]; code: string } | undefined): ErrorReason {
  const rules = issue ? CREDENTIALS_REFUSALS[String(issue.path[0])] : undefined;
  if (!issue || !rules) return "exchange.errors.credentialsInvalid.other";
  return rules[issue.code] ?? rules.default;
}

/** What the API returns about the brand's key: masked metadata only. */
export interface ExchangeCredentialsView {
  configured: boolean;
  /** "8a1b…9c0d"; null when none is set. */
  apiKeyMasked: string | null;
  /** The brand's mode; the simulator is always demo. */
  mode: OkxMode;
  /** When the key was last set or removed; null if never. */
  updatedAt: Date | null;
  usingSimulator: boolean;
  lastTest: { at: Date; ok: boolean; message: string | null } | null;
}

const isConfigured = (b: CredentialsRecord) => Boolean(b.okxApiKey && b.okxSecretEnc && b.okxPassphraseEnc);

const toView = (b: CredentialsRecord): ExchangeCredentialsView => {
  const configured = isConfigured(b);
  return {
    configured,
    apiKeyMasked: configured && b.okxApiKey ? maskSecret(b.okxApiKey) : null,
    mode: configured ? b.okxMode : "demo",
    updatedAt: b.okxCredentialsUpdatedAt,
    usingSimulator: !configured,
    lastTest: b.okxLastTestAt && b.okxLastTestOk !== null ? { at: b.okxLastTestAt, ok: b.okxLastTestOk, message: b.okxLastTestMessage } : null,
  };
};

/**
 * The audit's view of the credentials. Secret-named keys are redacted by the audit writer anyway; the
 * values here are markers, so nothing secret is ever handed to it. `maskedKey` tells auditors which key.
 */
const auditSnapshot = (b: CredentialsRecord) => {
  const configured = isConfigured(b);
  return {
    configured,
    maskedKey: configured && b.okxApiKey ? maskSecret(b.okxApiKey) : null,
    apiKey: configured ? "set" : null,
    secretKey: configured ? "set" : null,
    passphrase: configured ? "set" : null,
    mode: b.okxMode,
  };
};

async function loadCredentials(db: Prisma.TransactionClient, brandId: string) {
  const brand = await db.brand.findUnique({ where: { id: brandId }, select: credentialsSelect });
  if (!brand) throw notFound("brand");
  return brand;
}

/** The brand's key as masked metadata, and whether its calls go to the simulator. */
export async function getExchangeCredentials(ctx: TenantContext): Promise<ExchangeCredentialsView> {
  return toView(await loadCredentials(ctx.db, ctx.tenantId));
}

/**
 * Stores the brand's OKX key (replacing any), sealed. From now on its exchange calls go to OKX with it.
 * Re-validated here, not only in the router: the REST API and scripts call services directly.
 */
export async function setExchangeCredentials(ctx: TenantContext, input: SetExchangeCredentialsInput): Promise<ExchangeCredentialsView> {
  const parsed = ZSetExchangeCredentialsInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(String(issue?.path[0] ?? "apiKey"), credentialsRefusal(issue));
  }
  const { apiKey, secretKey, passphrase, mode } = parsed.data;
  const data = {
    okxApiKey: apiKey,
    okxSecretEnc: encryptSecret(secretKey),
    okxPassphraseEnc: encryptSecret(passphrase),
    okxMode: mode,
    okxCredentialsUpdatedAt: new Date(),
    // A new key has not been tested: an old outcome would describe a different key.
    okxLastTestAt: null,
    okxLastTestOk: null,
    okxLastTestMessage: null,
  } satisfies Prisma.BrandUpdateInput;
  return ctx.db.$transaction(async (tx) => {
    const before = await loadCredentials(tx, ctx.tenantId);
    const after = await tx.brand.update({ where: { id: ctx.tenantId }, data, select: credentialsSelect });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "brand.exchange_credentials_set",
      entityType: "brand",
      entityId: ctx.tenantId,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return toView(after);
  });
}

/** Forgets the brand's key: its exchange calls go back to the built-in simulator. */
export async function clearExchangeCredentials(ctx: TenantContext): Promise<ExchangeCredentialsView> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadCredentials(tx, ctx.tenantId);
    const after = await tx.brand.update({
      where: { id: ctx.tenantId },
      data: {
        okxApiKey: null,
        okxSecretEnc: null,
        okxPassphraseEnc: null,
        okxMode: "demo",
        okxCredentialsUpdatedAt: new Date(),
        okxLastTestAt: null,
        okxLastTestOk: null,
        okxLastTestMessage: null,
      },
      select: credentialsSelect,
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "brand.exchange_credentials_cleared",
      entityType: "brand",
      entityId: ctx.tenantId,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return toView(after);
  });
}

export interface ExchangeTestResult {
  ok: boolean;
  /** Wall time of the test call, including any wait for the rate limiter. */
  latencyMs: number;
  /** English; the page shows its own text per `failure`. */
  message: string;
  /** OKX's code ("50111"), or the client's own ("TIMEOUT", "NETWORK"); null on success. */
  okxCode: string | null;
  failure: ExchangeTestFailure | null;
  usingSimulator: boolean;
  mode: OkxMode;
  testedAt: Date;
}

/** Tests point the brand at a simulator they started (`endpoints`) and read the client's log lines. */
export type TestConnectionOptions = Pick<BrandClientOptions, "endpoints" | "timeoutMs" | "logger">;

/**
 * Someone is waiting on a spinner: one retry for a blip, then the answer. Worst case about 2 × 8 s; the
 * client's defaults (3 retries, 10 s each, 30 s rate wait) suit jobs, not a button.
 */
const TEST_CLIENT = { timeoutMs: 8_000, maxRetries: 1, maxRateWaitMs: 3_000 } as const;

/**
 * Calls one cheap read endpoint (sub-account list, one row) with the brand's key and reports what
 * happened, in words a brand admin can act on. An exchange failure is the answer, not an error: it is
 * returned, and recorded on the brand as the last test (audited as `brand.exchange_test`).
 */
export async function testExchangeConnection(ctx: TenantContext, options: TestConnectionOptions = {}): Promise<ExchangeTestResult> {
  const started = performance.now();
  const testedAt = new Date();
  let target: ExchangeTarget | null = null;
  let outcome: Pick<ExchangeTestResult, "ok" | "message" | "okxCode" | "failure">;
  try {
    const brand = await brandExchange(ctx.db, ctx.tenantId, { ...TEST_CLIENT, ...options });
    target = brand.target;
    await brand.client.subaccountInfo({ limit: 1 });
    outcome = { ok: true, message: successMessage(target, Math.round(performance.now() - started)), okxCode: null, failure: null };
  } catch (error) {
    if (error instanceof UnreadableCredentialsError) {
      outcome = { ok: false, message: error.message, okxCode: null, failure: "credentials" };
    } else if (isOkxError(error)) {
      outcome = { ok: false, message: failureMessage(error, target), okxCode: error.code, failure: error.kind };
    } else {
      throw error; // not the exchange's answer: a bug or the database, reported as such
    }
  }
  const latencyMs = Math.round(performance.now() - started);
  const result: ExchangeTestResult = {
    ...outcome,
    latencyMs,
    usingSimulator: target?.usingSimulator ?? false,
    mode: target?.mode ?? "demo",
    testedAt,
  };

  await ctx.db.$transaction(async (tx) => {
    // Recorded only if the key is still the one tested: a key saved meanwhile starts untested.
    await tx.brand.updateMany({
      where: { id: ctx.tenantId, ...(target ? { okxCredentialsUpdatedAt: target.credentialsUpdatedAt } : {}) },
      data: { okxLastTestAt: testedAt, okxLastTestOk: result.ok, okxLastTestMessage: result.message },
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "brand.exchange_test",
      entityType: "brand",
      entityId: ctx.tenantId,
      after: { ok: result.ok, okxCode: result.okxCode, failure: result.failure, message: result.message, latencyMs, usingSimulator: result.usingSimulator, mode: result.mode },
    });
  });
  return result;
}

function successMessage(target: ExchangeTarget, ms: number) {
  return target.usingSimulator
    ? `Connected to the built-in simulator in ${ms} ms`
    : `Connected to OKX (${target.mode === "live" ? "live trading" : "demo trading"}) in ${ms} ms`;
}

/** One message per kind of failure, saying what to do. OKX's own `msg` names no secret values. */
function failureMessage(error: OkxError, target: ExchangeTarget | null): string {
  const detail = `OKX ${error.code}${error.msg ? `: ${error.msg}` : ""}`;
  switch (error.kind) {
    case "auth":
      return `The exchange refused the key: check key, secret, passphrase and live/demo mode (${detail})`;
    case "transient":
      return target?.usingSimulator
        ? `The built-in simulator did not answer at ${target.baseUrl}: is it running? npm start starts it (${detail})`
        : `The exchange did not answer or is temporarily unavailable; try again in a minute (${detail})`;
    case "rate_limited":
      return `The exchange is rate limiting this key; wait a few seconds and test again (${detail})`;
    case "parameter":
      return `The exchange refused the test request itself; this is a Brokerdesk problem, please report it (${detail})`;
    default:
      return `The exchange refused the request: check that the key belongs to the broker's main account and has read permission (${detail})`;
  }
}
