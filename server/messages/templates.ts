/**
 * Templates: reusable messages staff pick in the composer, and the texts of the automatic messages (one per
 * event, the built-in text until the brand edits it, switchable off). Variables are checked on save: a
 * template never holds one nobody fills. Every change is audited.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, invalid, notFound } from "../errors";
import { AUTOMATIC_EVENTS, AUTOMATIC_EVENT_KEYS, isAutomaticEvent } from "./events";
import { assertKnownVariables } from "./send";
import type { ZAutomaticTemplateInput, ZTemplateInput, ZTemplateUpdate } from "@/lib/messages/schemas";
import { CUSTOMER_VARIABLES, localesOf, type MessageContent } from "@/lib/messages/template";

type In<T extends z.ZodType> = z.infer<T>;

const staffId = (ctx: BrandContext) => (ctx.actor.type === "staff" ? ctx.actor.id : null);
const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

/** The brand's own templates (not the automatic ones), newest first. */
export async function listTemplates(ctx: BrandContext) {
  const rows = await ctx.db.messageTemplate.findMany({ where: { brandId: ctx.tenantId, event: null }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] });
  return rows.map((t) => ({ ...t, content: t.content as MessageContent, locales: localesOf(t.content as MessageContent) }));
}

/** Every automatic event with its text (the brand's, else the built-in one) and whether it is on. */
export async function listAutomaticTemplates(ctx: BrandContext) {
  const rows = await ctx.db.messageTemplate.findMany({ where: { brandId: ctx.tenantId, event: { not: null } } });
  const own = new Map(rows.map((r) => [r.event!, r]));
  return AUTOMATIC_EVENT_KEYS.map((event) => {
    const row = own.get(event);
    const def = AUTOMATIC_EVENTS[event];
    return {
      event,
      type: def.type,
      variables: [...CUSTOMER_VARIABLES, ...def.variables],
      enabled: row?.enabled ?? true,
      customised: !!row,
      content: (row?.content as MessageContent | undefined) ?? def.defaults,
      version: row?.version ?? 0,
    };
  });
}

export async function createTemplate(ctx: TenantContext, input: In<typeof ZTemplateInput>) {
  assertKnownVariables(input.content);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const t = await tx.messageTemplate.create({ data: { brandId: ctx.tenantId, name: input.name, type: input.type, content: input.content, createdById: staffId(ctx) } });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message_template.create", entityType: "message_template", entityId: t.id, after: t });
      return t;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid("name", "messages.errors.templateNameTaken");
    throw e;
  }
}

export async function updateTemplate(ctx: TenantContext, input: In<typeof ZTemplateUpdate>) {
  assertKnownVariables(input.content);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.messageTemplate.findFirst({ where: { id: input.id, brandId: ctx.tenantId, event: null } });
      if (!before) throw notFound("template");
      if (before.version !== input.version) throw new AppError("CONFLICT", "messages.errors.stale");
      const after = await tx.messageTemplate.update({
        where: { id: before.id },
        data: { name: input.name, type: input.type, content: input.content, enabled: input.enabled, version: { increment: 1 } },
      });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message_template.update", entityType: "message_template", entityId: after.id, before, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid("name", "messages.errors.templateNameTaken");
    throw e;
  }
}

export async function deleteTemplate(ctx: TenantContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.messageTemplate.findFirst({ where: { id, brandId: ctx.tenantId, event: null } });
    if (!before) throw notFound("template");
    await tx.messageTemplate.delete({ where: { id: before.id } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message_template.delete", entityType: "message_template", entityId: before.id, before });
    return { id: before.id };
  });
}

/** Saves an automatic event's text and switch; the first save creates the brand's row. */
export async function saveAutomaticTemplate(ctx: TenantContext, input: In<typeof ZAutomaticTemplateInput>) {
  if (!isAutomaticEvent(input.event)) throw invalid("event", "messages.errors.unknownEvent");
  const def = AUTOMATIC_EVENTS[input.event];
  assertKnownVariables(input.content, [...CUSTOMER_VARIABLES, ...def.variables]);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.messageTemplate.findFirst({ where: { brandId: ctx.tenantId, event: input.event } });
    if ((before?.version ?? 0) !== input.version) throw new AppError("CONFLICT", "messages.errors.stale");
    const data = { content: input.content, enabled: input.enabled, type: def.type };
    const after = before
      ? await tx.messageTemplate.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.messageTemplate.create({ data: { ...data, brandId: ctx.tenantId, name: `automatic:${input.event}`, event: input.event, createdById: staffId(ctx) } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "message_template.automatic", entityType: "message_template", entityId: after.id, before, after });
    return after;
  });
}
