/**
 * Writing a message and its life until it is out: send now or at a time; above the brand's threshold of
 * recipients it waits for an admin's approval (never its writer's); cancel before sending; retract after
 * (hidden from customers, kept here). Every change is audited in its transaction. Sending itself is the
 * fan-out job's (fanout.ts): this file only decides when it may start.
 */
import "server-only";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { DbTx } from "../db/client";
import { AppError, invalid, notFound, type ErrorReason } from "../errors";
import { enqueue } from "../queues/registry";
import { countAudience } from "./audience";
import { deliver, takeSnapshot } from "./fanout";
import type { MessageStatus, SendInput, ZMessageChange, ZMessageDecision } from "@/lib/messages/schemas";
import { CUSTOMER_VARIABLES, unknownVariables } from "@/lib/messages/template";
import type { z } from "zod";

type In<T extends z.ZodType> = z.infer<T>;

const staffId = (ctx: BrandContext) => (ctx.actor.type === "staff" ? ctx.actor.id : null);

/** What the audit entry keeps of a message: no customer's data, the audience as chosen. */
const snapshot = (m: { id: string; type: string; status: string; audience: unknown; estimatedCount: number; scheduledAt: Date | null; templateId: string | null; version: number }) => ({
  id: m.id,
  type: m.type,
  status: m.status,
  audience: m.audience,
  estimatedCount: m.estimatedCount,
  scheduledAt: m.scheduledAt,
  templateId: m.templateId,
  version: m.version,
});

/** Refuses text that uses a variable the message cannot fill, naming the field it is in. */
export function assertKnownVariables(content: SendInput["content"], allowed: readonly string[] = CUSTOMER_VARIABLES) {
  const [first] = unknownVariables(content, allowed);
  if (first) throw invalid(first.field, "messages.errors.unknownVariable", { variable: first.variable, allowed: allowed.map((v) => `{{${v}}}`).join(", ") });
}

/**
 * Starts a message whose time has come: in the request for one customer, else on the fan-out queue. The
 * message is already saved as due, so if this fails (Redis down, a lost connection) the dispatcher starts it
 * on its next run: the caller is told it is scheduled, not given an error for a message that will go out.
 */
async function startNow(ctx: BrandContext, message: { id: string; audience: SendInput["audience"] }) {
  try {
    if (message.audience.kind === "customer") {
      if (await takeSnapshot(ctx.db, message.id)) await deliver(ctx.db, message.id);
      return;
    }
    await enqueue("message-fanout", { brandId: ctx.tenantId, messageId: message.id }, { jobId: `message-fanout.${message.id}.now` });
  } catch (error) {
    console.warn(`message ${message.id}: not started at once, the dispatcher will start it (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Writes a message: checked, counted, and either scheduled, waiting for approval, or started at once.
 * Returns the message's id and status.
 */
export async function sendMessage(ctx: BrandContext, input: SendInput): Promise<{ id: string; status: MessageStatus; estimatedCount: number }> {
  const now = new Date();
  if (input.scheduledAt && input.scheduledAt.getTime() <= now.getTime()) throw invalid("scheduledAt", "messages.errors.scheduleInPast");
  assertKnownVariables(input.content);
  if (input.templateId) {
    const template = await ctx.db.messageTemplate.findFirst({ where: { id: input.templateId, brandId: ctx.tenantId, event: null }, select: { id: true } });
    if (!template) throw invalid("templateId", "messages.errors.templateNotFound");
  }
  const estimatedCount = await countAudience(ctx.db, ctx, input.audience);
  if (estimatedCount === 0) throw invalid("audience", "messages.errors.audienceEmpty");
  const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { messageApprovalThreshold: true } });
  const needsApproval = ctx.actor.type === "staff" && estimatedCount > brand.messageApprovalThreshold;

  const created = await ctx.db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        brandId: ctx.tenantId,
        type: input.type,
        source: ctx.actor.type === "partner" ? "partner_api" : "portal",
        templateId: input.templateId ?? null,
        content: input.content,
        audience: input.audience,
        estimatedCount,
        status: needsApproval ? "awaiting_approval" : "scheduled",
        scheduledAt: input.scheduledAt ?? now,
        createdById: staffId(ctx),
      },
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message.create", entityType: "message", entityId: message.id, after: snapshot(message) });
    return message;
  });
  if (!needsApproval && !input.scheduledAt) await startNow(ctx, { id: created.id, audience: input.audience });
  const status = await ctx.db.message.findUniqueOrThrow({ where: { id: created.id }, select: { status: true } });
  return { id: created.id, status: status.status, estimatedCount };
}

/** Locks a message of the caller's brand for a change at the version the caller saw. */
async function lockMessage(tx: DbTx, ctx: BrandContext, id: string, version: number) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM message WHERE id = ${id}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`;
  if (!row) throw notFound("message");
  const message = await tx.message.findUniqueOrThrow({ where: { id } });
  if (message.source === "automatic") throw new AppError("CONFLICT", "messages.errors.automaticReadOnly");
  if (message.version !== version) throw new AppError("CONFLICT", "messages.errors.stale");
  return message;
}

type Change = { id: string; version: number };

async function change(ctx: TenantContext, input: Change, allowed: readonly MessageStatus[], action: string, wrongState: ErrorReason, data: (m: { createdById: string | null; recipientCount: number | null }) => Record<string, unknown>) {
  return ctx.db.$transaction(async (tx) => {
    const before = await lockMessage(tx, ctx, input.id, input.version);
    if (!allowed.includes(before.status)) throw new AppError("CONFLICT", wrongState, { params: { status: before.status } });
    const after = await tx.message.update({ where: { id: before.id }, data: { ...data(before), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action, entityType: "message", entityId: after.id, before: snapshot(before), after: { ...snapshot(after), ...data(before) } });
    return after;
  });
}

/** Cancels a message that has not started: scheduled, or waiting for approval. */
export async function cancelMessage(ctx: TenantContext, input: In<typeof ZMessageChange>) {
  const m = await change(ctx, input, ["scheduled", "awaiting_approval"], "message.cancel", "messages.errors.notCancellable", () => ({
    status: "cancelled",
    endedById: ctx.actor.id,
    endedAt: new Date(),
    endReason: input.reason,
  }));
  return { id: m.id, status: m.status };
}

/**
 * Retracts a message that is sending or sent: customers no longer see it (their inbox and unread counts
 * leave it out at once); a fan-out in progress stops at its next chunk. The deliveries stay, for the record.
 */
export async function retractMessage(ctx: TenantContext, input: In<typeof ZMessageChange>) {
  const m = await change(ctx, input, ["sending", "sent", "failed"], "message.retract", "messages.errors.notRetractable", () => ({
    status: "retracted",
    endedById: ctx.actor.id,
    endedAt: new Date(),
    endReason: input.reason,
  }));
  return { id: m.id, status: m.status };
}

/** The writer never approves their own message. */
function assertChecker(ctx: TenantContext, m: { createdById: string | null }) {
  if (m.createdById === ctx.actor.id) throw new AppError("FORBIDDEN", "messages.errors.ownMessage");
}

/** Approves a message waiting for approval: it goes out at its time (at once when that has passed). */
export async function approveMessage(ctx: TenantContext, input: In<typeof ZMessageDecision>) {
  const m = await change(ctx, input, ["awaiting_approval"], "message.approve", "messages.errors.notAwaitingApproval", (before) => {
    assertChecker(ctx, before);
    return { status: "scheduled", decidedById: ctx.actor.id, decidedAt: new Date(), decisionNote: input.note ?? null };
  });
  if (m.scheduledAt && m.scheduledAt.getTime() <= Date.now()) {
    await startNow(ctx, { id: m.id, audience: m.audience as SendInput["audience"] });
  }
  return { id: m.id, status: m.status };
}

export async function rejectMessage(ctx: TenantContext, input: In<typeof ZMessageDecision> & { note: string }) {
  const m = await change(ctx, input, ["awaiting_approval"], "message.reject", "messages.errors.notAwaitingApproval", (before) => {
    assertChecker(ctx, before);
    return { status: "rejected", decidedById: ctx.actor.id, decidedAt: new Date(), decisionNote: input.note };
  });
  return { id: m.id, status: m.status };
}

/**
 * Starts a failed send again from where it stopped: its delivered chunks stay delivered; one that failed
 * before its audience was fixed starts from the snapshot.
 */
export async function resumeMessage(ctx: TenantContext, input: { id: string; version: number }) {
  const m = await change(ctx, input, ["failed"], "message.resume", "messages.errors.notResumable", (before) => ({
    status: before.recipientCount === null ? "scheduled" : "sending",
    failure: null,
  }));
  await enqueue("message-fanout", { brandId: ctx.tenantId, messageId: m.id }, { jobId: `message-fanout.${m.id}.resume-${m.version}` });
  return { id: m.id, status: m.status };
}
