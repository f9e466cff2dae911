/**
 * The audit log as CSV (listed in server/export/registry.ts): the filters of the page, the action's code
 * beside its name in the reader's language, the actor's name beside their email, the record's name.
 */
import "server-only";
import { defineExporter, exportColumns, type ExportColumn } from "../export/exporter";
import { ZAuditListInput } from "@/lib/audit/schemas";
import { actionKey } from "@/lib/audit/present";
import type { MessageKey } from "@/lib/i18n/translate";
import { translateDynamic } from "@/lib/i18n/translate";
import { iterateAudit, type AuditRow } from "./query";

const c = exportColumns<AuditRow>();
const h = "audit.exportHeaders";
const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

// The action keeps its machine columns as they were (code in `action`, name in `action_name`): scripts read them.
const action: ExportColumn<AuditRow>[] = [
  { key: "action", label: (t) => t("table.exportCodeOf", { label: t("audit.columns.action") }), value: (r) => r.action },
  c.col("action_name", "audit.columns.action", (r, t) => translateDynamic(t, `audit.actions.${actionKey(r.action)}.name`, r.action)),
];

export const auditExporter = defineExporter({
  permission: "audit.read",
  schema: ZAuditListInput,
  rows: iterateAudit,
  columns: [
    // The entry's number in its chain, not an internal uuid: people quote it ("entry #1234").
    c.col("id", `${h}.id`, (r) => r.id),
    c.col("created_at", "audit.columns.createdAt", (r) => r.createdAt),
    ...c.coded("actor_type", `${h}.actorType`, (r) => r.actorType, (type) => `audit.actorTypes.${type}` as MessageKey),
    c.col("actor", `${h}.actorEmail`, (r) => r.actorLabel),
    c.col("actor_name", "audit.columns.actor", (r) => r.actorName),
    ...action,
    ...c.coded("entity_type", `${h}.entityType`, (r) => r.entityType, (type) => `audit.entities.${type}` as MessageKey),
    c.id("entity_id", (r) => r.entityId),
    c.col("entity", "audit.columns.entity", (r) => r.entity?.label ?? null),
    c.col("customer", `${h}.customer`, (r) => r.customer?.label ?? null),
    c.col("ip", "audit.columns.ip", (r) => r.ip),
    c.col("user_agent", `${h}.userAgent`, (r) => r.userAgent),
    c.col("before", `${h}.before`, (r) => json(r.before)),
    c.col("after", `${h}.after`, (r) => json(r.after)),
    c.col("hash", `${h}.hash`, (r) => r.hash),
  ],
});
