/**
 * Creating a sub-account on the exchange for a customer and storing it linked to them, with its fee rates
 * read at once. The exchange is called before the transaction (./exchange-calls.ts).
 */
import "server-only";
import { assertExchangeMutationsAllowed } from "../exchange-actions/mutation-guard";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, invalid, notFound } from "../errors";
import { brandExchange } from "../exchange/brand-client";
import { isOkxError, type OkxClient, type SubaccountInfo } from "../exchange/okx";
import type { SubaccountDetail, ZCreateSubaccountInput } from "@/lib/subaccounts/schemas";
import { getSubaccount } from "./detail";
import { exchangeFailure, INTERACTIVE, type SubaccountExchangeOptions } from "./exchange-calls";
import { detailSelect, loadCustomer, snapshot, toDetail } from "./internal";
import { storeFeePage } from "./sync";

type In<T extends z.ZodType> = z.infer<T>;

/** The exchange's own view of one sub-account (1 request/s: used only when the create answer lacks it). */
async function lookUp(client: OkxClient, subAcct: string): Promise<SubaccountInfo | null> {
  const page = await client.subaccountInfo({ subAcct, limit: 1 });
  return page.details.find((d) => d.subAcct === subAcct) ?? null;
}

interface CreatedOnExchange {
  uid: string;
  label: string;
  acctLv: string;
  ts: Date;
  info: SubaccountInfo | null;
}

/**
 * POST broker/nd/create-subaccount. A time-out may have created it (the client does not retry a create):
 * then the exchange is asked, and a sub-account found there is taken as ours.
 */
async function createOnExchange(client: OkxClient, subAcct: string, label: string | undefined): Promise<CreatedOnExchange> {
  let created: Awaited<ReturnType<OkxClient["createSubaccount"]>>;
  try {
    created = await client.createSubaccount({ subAcct, ...(label ? { label } : {}) });
  } catch (error) {
    if (isOkxError(error) && error.outcomeUnknown) {
      const info = await lookUp(client, subAcct).catch(() => null);
      if (info) return { uid: info.uid, label: info.label, acctLv: info.acctLv, ts: info.ts, info };
    }
    throw exchangeFailure(error, (e) =>
      /label/i.test(e.msg) && !/subAcct/i.test(e.msg)
        ? { field: "label", reason: "subaccounts.errors.labelRefused", reasonNoMessage: "subaccounts.errors.labelRefusedNoMessage" }
        : { field: "subAcct", reason: "subaccounts.errors.nameRefused", reasonNoMessage: "subaccounts.errors.nameRefusedNoMessage", params: { subAcct } },
    );
  }
  // It exists now: a failed follow-up only leaves the uid for the next sync to fill in.
  const info = created.uid ? null : await lookUp(client, subAcct).catch(() => null);
  return { uid: created.uid || info?.uid || "", label: created.label || label || "", acctLv: created.acctLv || info?.acctLv || "1", ts: info?.ts ?? created.ts, info };
}

/**
 * Creates a sub-account on the exchange for a customer and stores it linked to them. The name follows
 * seed 001 (6–20 letters and digits). Refused for a closed customer and for a name the brand already has.
 * If the sync stored the new sub-account first, that row is linked instead. Audited as subaccount.create.
 */
export async function createSubaccountForCustomer(
  ctx: TenantContext,
  input: In<typeof ZCreateSubaccountInput>,
  options: SubaccountExchangeOptions = {},
): Promise<SubaccountDetail> {
  const customer = await loadCustomer(ctx.db, ctx, input.customerId);
  if (!customer) throw notFound("customer");
  if (customer.status === "closed") throw new AppError("CONFLICT", "subaccounts.errors.customerClosed.create", { params: { uid: customer.uid.toString() } });
  const key = { brandId_subAcct: { brandId: ctx.tenantId, subAcct: input.subAcct } };
  const existing = await ctx.db.subaccount.findUnique({ where: key, select: { customerId: true, id: true } });
  if (existing) {
    // A repeated submit whose first answer was lost: the sub-account is already this customer's.
    if (existing.customerId === customer.id) return getSubaccount(ctx, { id: existing.id });
    throw invalid("subAcct", "subaccounts.errors.nameTaken", { subAcct: input.subAcct });
  }

  await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  const { client } = await brandExchange(ctx.db, ctx.tenantId, { ...INTERACTIVE, ...options });
  const created = await createOnExchange(client, input.subAcct, input.label);
  const now = new Date();

  const stored = await ctx.db.$transaction(async (tx) => {
    // Stamped now: a sync run that started before the create cannot mark it removed.
    const { count: inserted } = await tx.subaccount.createMany({
      data: [
        {
          brandId: ctx.tenantId,
          subAcct: input.subAcct,
          uid: created.uid,
          label: created.label,
          accountLevel: Number(created.acctLv) || 1,
          enabled: created.info?.enable ?? true,
          frozenFunctions: created.info?.frozenFunc ?? [],
          canTransferOut: created.info?.canTransOut ?? true,
          mainAcct: created.info?.mainAcct || null,
          exchangeCreatedAt: created.ts,
          lastSyncedAt: now,
          customerId: customer.id,
        },
      ],
      skipDuplicates: true,
    });
    let row = await tx.subaccount.findUniqueOrThrow({ where: key, select: detailSelect });
    const linkedExisting = inserted === 0;
    if (linkedExisting) {
      // The sync (or a concurrent submit) stored it between the exchange's answer and this insert.
      if (row.customerId && row.customerId !== customer.id) {
        throw new AppError("CONFLICT", "subaccounts.errors.createdButLinkedElsewhere", { params: { subAcct: input.subAcct } });
      }
      if (row.customerId !== customer.id) {
        await tx.subaccount.update({ where: { id: row.id }, data: { customerId: customer.id, version: { increment: 1 } } });
        row = await tx.subaccount.findUniqueOrThrow({ where: key, select: detailSelect });
      }
    }
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "subaccount.create",
      entityType: "subaccount",
      entityId: row.id,
      after: { ...snapshot(row), linkedExisting },
    });
    return toDetail(row);
  });
  return withFeeRates(ctx, client, stored);
}

/**
 * A new sub-account's fee rates, read at once (one request) so its page shows them now rather than after
 * the next sync. Best effort: the sub-account exists either way, and a failure leaves them to the sync.
 */
async function withFeeRates(ctx: TenantContext, client: OkxClient, detail: SubaccountDetail): Promise<SubaccountDetail> {
  if (detail.feeRates.length) return detail;
  try {
    const { details } = await client.subaccountTradeFee({ subAcct: detail.subAcct });
    if (!(await ctx.db.$transaction((tx) => storeFeePage(tx, ctx.tenantId, details, new Date())))) return detail;
    return getSubaccount(ctx, { id: detail.id });
  } catch (error) {
    console.warn(`[subaccounts] fee rates of ${detail.subAcct} not read at creation (${error instanceof Error ? error.message : String(error)}); the next sync brings them`);
    return detail;
  }
}
