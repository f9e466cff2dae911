/**
 * Withdrawals a brand's own system asks for on behalf of a customer (by UID): the same checks, approval
 * threshold and one-time send as staff requests (server/withdrawals). The Idempotency-Key makes a retried
 * request answer the first; the withdrawal keeps a hash of it too, so even a lost answer row finds it.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError, invalid, notFound } from "../../errors";
import { getWithdrawal } from "../../withdrawals/list";
import { requestWithdrawal } from "../../withdrawals/request";
import type { WithdrawalRow } from "../../withdrawals/types";
import { WITHDRAWAL_STATES, ZRequestWithdrawalInput } from "@/lib/withdrawals/schemas";
import { endpoint } from "../registry";
import { iso, zDecimal, zPositiveDecimal, zTime, zUuid } from "./common";

const TAG = "Withdrawals";

const ZWithdrawal = z
  .object({
    id: z.uuid(),
    status: z.enum(WITHDRAWAL_STATES).meta({ description: "`pending_approval` above the brand's threshold; then `queued`, `sending`, `sent` (on the exchange), and one of `completed`, `failed`, `cancelled`, `rejected`, `refused`." }),
    exchangeState: z.string().nullable().meta({ description: "OKX's withdrawal state while it holds it (-3 cancelling, -2 cancelled, -1 failed, 0 waiting, 1 broadcasting, 2 success, 4–17 review)." }),
    customerUid: z.string(),
    subAcct: z.string(),
    ccy: z.string(),
    chain: z.string(),
    amount: zDecimal,
    fee: zDecimal.nullable(),
    address: z.string(),
    tag: z.string(),
    clientId: z.string().meta({ description: "The id sent to the exchange as its clientId." }),
    wdId: z.string().nullable(),
    txId: z.string().nullable(),
    createdAt: zTime,
    sentAt: zTime.nullable(),
    finishedAt: zTime.nullable(),
  })
  .meta({ id: "Withdrawal" });

const answer = (w: WithdrawalRow) => ({
  id: w.id,
  status: w.state,
  exchangeState: w.okxState,
  customerUid: w.customer.uid,
  subAcct: w.subaccount.subAcct,
  ccy: w.ccy,
  chain: w.chain,
  amount: w.amount,
  fee: w.fee,
  address: w.address,
  tag: w.tag,
  clientId: w.clientId,
  wdId: w.wdId,
  txId: w.txId,
  createdAt: w.createdAt.toISOString(),
  sentAt: iso(w.sentAt),
  finishedAt: iso(w.finishedAt),
});

const ZRequestBody = z
  .strictObject({
    customerUid: z.string().regex(/^\d{1,18}$/, { error: "customerUid is the customer's number (digits)" }).meta({ description: "The customer's UID.", example: "100023" }),
    subAcct: z.string().min(1).max(32).optional().meta({ description: "The sub-account to withdraw from; may be left out when the customer has exactly one." }),
    ccy: z.string().max(12).meta({ example: "USDT" }),
    chain: z.string().max(60).meta({ example: "USDT-TRC20" }),
    amount: zPositiveDecimal,
    address: z.string().max(256).meta({ description: "An address in the customer's withdrawal address book, past its cooling-off." }),
    tag: z.string().max(64).optional().meta({ description: "Memo / tag, for chains that need one." }),
    reason: z.string().max(500).optional(),
  })
  .meta({ id: "RequestWithdrawal" });

/** A service-side key per request key: the withdrawal's own idempotency holds even if the answer row is lost. */
const requestKey = (idempotencyKey: string | null) => `api:${createHash("sha256").update(idempotencyKey ?? "").digest("hex")}`;

export const withdrawalEndpoints = [
  endpoint({
    operationId: "requestWithdrawal",
    method: "POST",
    path: "/withdrawals",
    group: "funds",
    access: "write",
    tag: TAG,
    summary: "Request a withdrawal for a customer",
    description:
      "Checks the customer's status, KYC-level limits, transfer-out locks, the address book and its cooling-off, the chain, amount and address, the live funding balance and the brand's limits; a refusal names its field and changes nothing. Above the brand's approval threshold the withdrawal waits for a second person (`status: pending_approval`); otherwise it is sent at once. Poll `GET /withdrawals/{withdrawalId}`.",
    body: ZRequestBody,
    response: ZWithdrawal,
    status: 201,
    refusals: [400, 404, 409],
    handler: async (ctx, { body, idempotencyKey }) => {
      const customer = await ctx.db.customer.findFirst({ where: { brandId: ctx.tenantId, uid: BigInt(body.customerUid) }, select: { id: true } });
      if (!customer) throw notFound("customer");
      const subs = await ctx.db.subaccount.findMany({ where: { brandId: ctx.tenantId, customerId: customer.id, removedAt: null, ...(body.subAcct ? { subAcct: body.subAcct } : {}) }, select: { id: true }, take: 2 });
      if (subs.length === 0) throw body.subAcct ? notFound("subAccount") : new AppError("CONFLICT", "withdrawals.errors.subaccountNotCustomers", { field: "subAcct", params: { subAcct: "—" } });
      if (subs.length > 1) throw invalid("subAcct", "partnerApi.errors.invalidValue", { field: "subAcct", detail: "The customer has several sub-accounts: name one" });
      const parsed = ZRequestWithdrawalInput.safeParse({ customerId: customer.id, subaccountId: subs[0]!.id, ccy: body.ccy, chain: body.chain, amount: body.amount, address: body.address, tag: body.tag, reason: body.reason });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw invalid(String(issue.path[0] ?? "body"), "partnerApi.errors.invalidValue", { field: String(issue.path[0] ?? "body"), detail: issue.message });
      }
      return answer(await requestWithdrawal(ctx, parsed.data, { idempotencyKey: requestKey(idempotencyKey) }));
    },
  }),
  endpoint({
    operationId: "getWithdrawal",
    method: "GET",
    path: "/withdrawals/{withdrawalId}",
    group: "funds",
    access: "read",
    tag: TAG,
    summary: "A withdrawal's status",
    params: z.strictObject({ withdrawalId: zUuid("withdrawal") }),
    response: ZWithdrawal,
    refusals: [400, 404],
    handler: async (ctx, { params }) => answer(await getWithdrawal(ctx, { id: params.withdrawalId })),
  }),
];
