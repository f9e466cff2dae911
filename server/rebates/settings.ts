/**
 * Which exchange files a brand fetches each day (brand settings, admins): DMA trading details, FD rebates,
 * both or none. The daily request (./runner.ts) and the on-demand request (./files.ts) read the same list.
 * FD rows must carry the brand's broker code, so FD files cannot be turned on without one.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { db as defaultDb, type DbTx } from "../db/client";
import type { RebateFileKind } from "../db/generated/enums";
import { invalid, notFound } from "../errors";
import { REBATE_FILE_KINDS, type ZRebateFileKindsInput } from "@/lib/rebates/schemas";
import { IMPORTABLE_KINDS } from "./kinds";

export interface RebateFileSettings {
  /** The kinds the brand fetches, in the product's order. */
  kinds: RebateFileKind[];
  /** The kinds a brand can choose. */
  available: RebateFileKind[];
  /** The broker code FD rows must carry (the brand's); null: FD files cannot be fetched. */
  brokerCode: string | null;
}

const inOrder = (kinds: readonly RebateFileKind[]) => REBATE_FILE_KINDS.filter((k) => kinds.includes(k));

export async function getRebateFileSettings(ctx: TenantContext): Promise<RebateFileSettings> {
  const brand = await ctx.db.brand.findUnique({ where: { id: ctx.tenantId }, select: { rebateFileKinds: true, brokerCode: true } });
  if (!brand) throw notFound("brand");
  return { kinds: inOrder(brand.rebateFileKinds), available: inOrder(IMPORTABLE_KINDS), brokerCode: brand.brokerCode };
}

/** Sets the kinds the brand fetches; audited with the list before and after. */
export async function setRebateFileKinds(ctx: TenantContext, input: z.infer<typeof ZRebateFileKindsInput>): Promise<RebateFileSettings> {
  const kinds = inOrder(input.kinds);
  if (kinds.some((k) => !IMPORTABLE_KINDS.includes(k))) throw invalid("kinds", "rebates.errors.kindNotAvailable");
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.brand.findUnique({ where: { id: ctx.tenantId }, select: { rebateFileKinds: true, brokerCode: true } });
    if (!before) throw notFound("brand");
    if (kinds.includes("fd_rebates") && !before.brokerCode) throw invalid("kinds", "rebates.errors.brokerCodeRequired");
    await tx.brand.update({ where: { id: ctx.tenantId }, data: { rebateFileKinds: kinds } });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "rebate.file_kinds_set",
      entityType: "brand",
      entityId: ctx.tenantId,
      before: { rebateFileKinds: inOrder(before.rebateFileKinds) },
      after: { rebateFileKinds: kinds },
    });
    return { kinds, available: inOrder(IMPORTABLE_KINDS), brokerCode: before.brokerCode };
  });
}

/** Whether the brand fetches FD rebate files (the Rebates pages show the FD report's tab then). */
export async function brandFetchesFd(brandId: string, db: DbTx = defaultDb): Promise<boolean> {
  const brand = await db.brand.findUnique({ where: { id: brandId }, select: { rebateFileKinds: true } });
  return brand?.rebateFileKinds.includes("fd_rebates") ?? false;
}
