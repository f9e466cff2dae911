/** Pure helpers of the audit page, kept out of the components so they can be unit tested. */
import type { SelectFilterOption } from "@/components/data-table/data-table-select-filter";
import type { Translate } from "@/lib/i18n/translate";

/** Exact actions, plus "staff."-style prefixes where several actions share one (the server matches by prefix). */
export function actionOptions(actions: readonly string[], t: Translate): SelectFilterOption[] {
  const counts = new Map<string, number>();
  for (const action of actions) {
    const dot = action.indexOf(".");
    if (dot > 0) {
      const prefix = action.slice(0, dot + 1);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  const prefixes = [...counts].filter(([, n]) => n > 1).map(([prefix]) => prefix);
  return [
    ...prefixes.map((prefix) => ({ value: prefix, label: t("audit.filters.allOf", { prefix }) })),
    ...actions.map((action) => ({ value: action, label: action })),
  ];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Top-level keys whose values differ between two audit snapshots (both must be objects). */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}
