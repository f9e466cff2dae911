/**
 * Risk-control switches: automatic enforcement on or off, for the whole platform (platform admins) and per
 * brand (its admins), each change with a reason, audited. Off (either switch): evaluation still opens every
 * event, marked monitor only, and applies the alert alone; no withdrawal is held at request time. Turning
 * enforcement back on applies nothing to the events opened meanwhile. No row: on.
 */
import "server-only";
import type { StaffContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { RiskEnforcementInput } from "@/lib/risk/schemas";
import type { RiskControlStatus, RiskSwitch } from "./types";

export type { RiskControlStatus, RiskSwitch };

const GLOBAL = "global";

/** The evaluator's check: one indexed read (two primary-key rows at most). True when both switches are on. */
export async function enforcementOn(db: Db | DbTx, brandId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ off: bigint }[]>`SELECT count(*) AS off FROM risk_control WHERE scope IN (${GLOBAL}, ${brandId}) AND NOT enforce`;
  return Number(rows[0]?.off ?? 0) === 0;
}

async function switchesOf(db: Db | DbTx, brandId: string) {
  const rows = await db.riskControl.findMany({ where: { scope: { in: [GLOBAL, brandId] } } });
  const staff = rows.length ? await db.staffUser.findMany({ where: { id: { in: rows.map((r) => r.changedById) } }, select: { id: true, name: true } }) : [];
  const name = new Map(staff.map((s) => [s.id, s.name]));
  const of = (scope: string): RiskSwitch => {
    const r = rows.find((x) => x.scope === scope);
    return r ? { enforce: r.enforce, reason: r.reason, changedAt: r.changedAt, changedBy: name.get(r.changedById) ?? "—" } : { enforce: true, reason: null, changedAt: null, changedBy: null };
  };
  const global = of(GLOBAL);
  const brand = of(brandId);
  return { global, brand, enforcing: global.enforce && brand.enforce };
}

/** Both switches as the caller's brand sees them (the Risk overview and the warnings on the limits and events pages). */
export const riskControlStatus = (ctx: TenantContext): Promise<RiskControlStatus> => switchesOf(ctx.db, ctx.tenantId);

async function setSwitch(ctx: StaffContext, brandId: string | null, input: RiskEnforcementInput): Promise<void> {
  const scope = brandId ?? GLOBAL;
  await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`risk_control:${scope}`}))`;
    const before = await tx.riskControl.findUnique({ where: { scope } });
    if ((before?.enforce ?? true) === input.enforce) throw new AppError("CONFLICT", input.enforce ? "risk.errors.alreadyEnforcing" : "risk.errors.alreadyMonitoring");
    const data = { brandId, enforce: input.enforce, reason: input.reason, changedById: ctx.actor.id, changedAt: new Date() };
    const after = await tx.riskControl.upsert({ where: { scope }, create: { scope, ...data }, update: data });
    await recordAudit(tx, ctx, {
      brandId,
      action: input.enforce ? "risk.enforcement_on" : "risk.enforcement_off",
      entityType: "risk_control",
      entityId: brandId ?? GLOBAL,
      before: { scope: brandId ? "brand" : "global", enforce: before?.enforce ?? true },
      after: { scope: brandId ? "brand" : "global", enforce: after.enforce, reason: after.reason },
    });
  });
}

/** The brand's switch (risk.manage). */
export async function setBrandEnforcement(ctx: TenantContext, input: RiskEnforcementInput): Promise<RiskControlStatus> {
  await setSwitch(ctx, ctx.tenantId, input);
  return riskControlStatus(ctx);
}

/** The global switch (emergency.global: platform admins); answers the caller's brand view when it has one. */
export async function setGlobalEnforcement(ctx: StaffContext, input: RiskEnforcementInput): Promise<RiskSwitch> {
  await setSwitch(ctx, null, input);
  return (await switchesOf(ctx.db, ctx.tenantId ?? "00000000-0000-0000-0000-000000000000")).global;
}
