/**
 * The audit log as CSV (listed in server/export/registry.ts): the filters of the page, the action's name
 * in the reader's language beside its code, the actor's name beside their email, the record's name.
 */
import "server-only";
import { defineExporter } from "../export/exporter";
import { ZAuditListInput } from "@/lib/audit/schemas";
import { actionKey } from "@/lib/audit/present";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { getLocale } from "@/lib/i18n/server";
import { createTranslator, translateDynamic } from "@/lib/i18n/translate";
import type { TenantContext } from "../actor";
import { iterateAudit, type AuditListQuery, type AuditRow } from "./query";

/** The reader's language from the request; outside one (a script, a test) the default. */
async function readerLocale(): Promise<Locale> {
  try {
    return await getLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

type ExportRow = AuditRow & { actionName: string };

async function* rows(ctx: TenantContext, q: AuditListQuery): AsyncIterable<ExportRow> {
  const t = createTranslator(await readerLocale());
  for await (const row of iterateAudit(ctx, q)) {
    yield { ...row, actionName: translateDynamic(t, `audit.actions.${actionKey(row.action)}.name`, row.action) };
  }
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

export const auditExporter = defineExporter({
  permission: "audit.read",
  schema: ZAuditListInput,
  rows,
  columns: [
    { header: "id", value: (r: ExportRow) => r.id },
    { header: "created_at", value: (r: ExportRow) => r.createdAt },
    { header: "actor_type", value: (r: ExportRow) => r.actorType },
    { header: "actor", value: (r: ExportRow) => r.actorLabel },
    { header: "actor_name", value: (r: ExportRow) => r.actorName },
    { header: "action", value: (r: ExportRow) => r.action },
    { header: "action_name", value: (r: ExportRow) => r.actionName },
    { header: "entity_type", value: (r: ExportRow) => r.entityType },
    { header: "entity_id", value: (r: ExportRow) => r.entityId },
    { header: "entity", value: (r: ExportRow) => r.entity?.label ?? null },
    { header: "customer", value: (r: ExportRow) => r.customer?.label ?? null },
    { header: "ip", value: (r: ExportRow) => r.ip },
    { header: "user_agent", value: (r: ExportRow) => r.userAgent },
    { header: "before", value: (r: ExportRow) => json(r.before) },
    { header: "after", value: (r: ExportRow) => json(r.after) },
    { header: "hash", value: (r: ExportRow) => r.hash },
  ],
});
