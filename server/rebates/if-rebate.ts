/**
 * Rebate eligibility of one API key, asked of the brand's exchange: the FD broker's check (GET
 * broker/fd/if-rebate, seed 001: reason type 0–3, the user's rebate ratio, the VIP4/5 monthly rebate) or the
 * affiliate's (GET users/partner/if-rebate: invited or not, reason type 0/1/2/4). The key is pasted, or one
 * of the brand's stored sub-account keys picked by id (its secret is never read).
 *
 * A read: nothing is stored or audited, like the other exchange look-ups behind queries (the deposit
 * currencies); the exchange client logs the call with the brand. Someone is waiting on the dialog, so the
 * client gives up sooner than a job's (one retry, 8 s per attempt, 3 s of waiting for the rate limit), and
 * each kind of exchange failure — no answer, rate limiting, 5xx, a refused key — has its own message.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { maskSecret } from "../crypto/secrets";
import { AppError, invalid, notFound, type ErrorParams } from "../errors";
import { brandExchange, type BrandClientOptions } from "../exchange/brand-client";
import { refusedParameter } from "../exchange/field-refusals";
import { isOkxError, LOCAL_CODES, toAppError, type OkxError } from "../exchange/okx";
import type { CheckableKey, CheckedKey, RebateEligibility, ZCustomerRebateKeysInput, ZRebateEligibilityInput } from "@/lib/rebates/eligibility";

type In<T extends z.ZodType> = z.output<T>;

export interface EligibilityDeps {
  /** Options of the brand's exchange client (tests point it at their simulator, shorten its time-out). */
  clientOptions?: BrandClientOptions;
}

/** A person is waiting: about 2 × 8 s at worst. */
const DIALOG_CLIENT = { timeoutMs: 8_000, maxRetries: 1, maxRateWaitMs: 3_000 } as const;

const NO_ANSWER = new Set<string>([LOCAL_CODES.timeout, LOCAL_CODES.network, LOCAL_CODES.connect]);

/**
 * An exchange failure as the refusal the dialog shows. A refusal of the checked key (a parameter error on
 * apiKey, or the FD OAuth table's 530xx, which are about the user's authorisation) goes on the key's field;
 * the brand's own key refused (501xx) says where to fix it.
 */
function refusal(error: OkxError, keyField: "apiKey" | "apiKeyId"): AppError {
  const params: ErrorParams = error.msg ? { code: error.code, msg: error.msg } : { code: error.code };
  const cause = error;
  if (error.kind === "rate_limited") return new AppError("RATE_LIMITED", "rebateEligibility.errors.rateLimited", { params: { code: error.code }, cause });
  if (error.kind === "transient") {
    return NO_ANSWER.has(error.code)
      ? new AppError("EXCHANGE_ERROR", "rebateEligibility.errors.noAnswer", { params: { code: error.code }, cause })
      : new AppError("EXCHANGE_ERROR", "rebateEligibility.errors.unavailable", { params: { code: error.code }, cause });
  }
  const onKey = (error.kind === "parameter" && refusedParameter(error) === "apiKey") || /^53\d{3}$/.test(error.code);
  if (onKey) {
    return new AppError("VALIDATION", error.msg ? "rebateEligibility.errors.keyRefused" : "rebateEligibility.errors.keyRefusedNoMessage", { field: keyField, params, cause });
  }
  if (error.kind === "auth") return new AppError("EXCHANGE_ERROR", "rebateEligibility.errors.brandKeyRefused", { params: { code: error.code }, cause });
  return toAppError(error);
}

const keySelect = { apiKey: true, label: true, subaccount: { select: { subAcct: true, customer: { select: { id: true, name: true } } } } } as const;

/** The key to check and what the brand knows of it. A stored key is the caller's brand's or NOT_FOUND. */
async function resolveKey(ctx: TenantContext, input: In<typeof ZRebateEligibilityInput>) {
  let row;
  if (input.source === "stored") {
    if (!input.apiKeyId) throw invalid("apiKeyId", "rebateEligibility.errors.chooseKey");
    row = await ctx.db.subaccountApiKey.findFirst({ where: { id: input.apiKeyId, brandId: ctx.tenantId }, select: keySelect });
    if (!row) throw notFound("apiKey");
  } else {
    if (!input.apiKey) throw invalid("apiKey", "rebateEligibility.errors.enterKey");
    row = await ctx.db.subaccountApiKey.findUnique({ where: { brandId_apiKey: { brandId: ctx.tenantId, apiKey: input.apiKey } }, select: keySelect });
  }
  const apiKey = row?.apiKey ?? input.apiKey!;
  const key: CheckedKey = {
    apiKeyMasked: maskSecret(apiKey),
    subAcct: row?.subaccount.subAcct ?? null,
    label: row?.label ?? null,
    customer: row?.subaccount.customer ?? null,
  };
  return { apiKey, key };
}

/** Asks the brand's exchange whether the key's trading earns the FD broker's or the affiliate's rebate. */
export async function checkRebateEligibility(ctx: TenantContext, input: In<typeof ZRebateEligibilityInput>, deps: EligibilityDeps = {}): Promise<RebateEligibility> {
  const { apiKey, key } = await resolveKey(ctx, input);
  const { client, target } = await brandExchange(ctx.db, ctx.tenantId, { ...DIALOG_CLIENT, ...deps.clientOptions });
  const keyField = input.source === "stored" ? "apiKeyId" : "apiKey";
  const base = { key, usingSimulator: target.usingSimulator, checkedAt: new Date() };
  try {
    if (input.program === "fd") {
      const r = await client.ifRebate({ apiKey });
      const monthlyRebate = r.lastRebate;
      return {
        ...base,
        program: "fd",
        reason: r.type,
        eligible: r.type === "0",
        brokerCode: r.brokerCode,
        affiliated: r.affiliated,
        clientRebateRatio: r.clientRebateRatio,
        monthlyRebate,
        monthlyCap: r.type === "2" ? "reached" : monthlyRebate !== null ? "below" : null,
      };
    }
    const r = await client.partnerIfRebate({ apiKey });
    return { ...base, program: "affiliate", reason: r.type, eligible: r.type === "0", invited: r.result };
  } catch (error) {
    throw isOkxError(error) ? refusal(error, keyField) : error;
  }
}

/** The API keys of a customer's sub-accounts the exchange still lists (masked), to pick one for the check. */
export async function customerRebateKeys(ctx: TenantContext, { customerId }: In<typeof ZCustomerRebateKeysInput>): Promise<CheckableKey[]> {
  const customer = await ctx.db.customer.findFirst({ where: { id: customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  const rows = await ctx.db.subaccountApiKey.findMany({
    where: { brandId: ctx.tenantId, subaccount: { customerId, removedAt: null } },
    select: { id: true, apiKey: true, label: true, subaccount: { select: { subAcct: true } } },
    orderBy: [{ subaccount: { subAcct: "asc" } }, { exchangeCreatedAt: "asc" }, { id: "asc" }],
    take: 100,
  });
  return rows.map((r) => ({ id: r.id, apiKeyMasked: maskSecret(r.apiKey), label: r.label, subAcct: r.subaccount.subAcct }));
}
