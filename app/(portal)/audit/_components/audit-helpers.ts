/** Pure helpers of the audit page, kept out of the components so they can be unit tested. */
import type { SelectFilterOption } from "@/components/data-table/data-table-select-filter";
import { actionKey } from "@/lib/audit/present";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";

/** An action's name in the reader's language; an action without one shows its code. */
export const actionName = (t: Translate, action: string) => translateDynamic(t, `audit.actions.${actionKey(action)}.name`, action);

/** A kind of record's name in the reader's language; an unknown kind shows its code. */
export const entityTypeName = (t: Translate, entityType: string) => translateDynamic(t, `audit.entities.${entityType}`, entityType);

/**
 * Exact actions by name, plus "staff."-style prefixes where several actions share one (the server
 * matches by prefix), prefixes first.
 */
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
    ...actions.map((action) => ({ value: action, label: actionName(t, action) })),
  ];
}

/** Splits a sentence template at `{actor}` and `{entity}`, so each can be rendered as its own element. */
export function sentenceParts(template: string): ({ text: string } | { slot: "actor" | "entity" })[] {
  return template
    .split(/(\{actor\}|\{entity\})/)
    .filter((part) => part !== "")
    .map((part) => (part === "{actor}" ? { slot: "actor" } : part === "{entity}" ? { slot: "entity" } : { text: part }));
}
