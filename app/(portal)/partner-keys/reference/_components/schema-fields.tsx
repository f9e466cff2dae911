/** A JSON schema as a table of its fields: path (nested ones indented), type, required, description. */
import { getT } from "@/lib/i18n/server";
import { Inline } from "./markdown";
import type { Translate } from "@/lib/i18n/translate";
import { fieldRows, typeLabel, type JsonSchema, type Limits, type OpenApiDoc } from "./openapi-view";

/** "1–100 characters", "at most 10 items", "1 to 100": the bounds a value must keep. */
export function limitsText(t: Translate, limits: Limits): string {
  const parts: string[] = [];
  const { minLength = 0, maxLength, minimum, maximum, maxItems } = limits;
  if (maxLength !== undefined) parts.push(minLength > 0 ? t("partnerApi.reference.limits.length", { min: minLength, max: maxLength }) : t("partnerApi.reference.limits.maxLength", { max: maxLength }));
  else if (minLength > 0) parts.push(t("partnerApi.reference.limits.minLength", { min: minLength }));
  if (minimum !== undefined && maximum !== undefined) parts.push(t("partnerApi.reference.limits.range", { min: minimum, max: maximum }));
  else if (minimum !== undefined) parts.push(t("partnerApi.reference.limits.minimum", { min: minimum }));
  else if (maximum !== undefined) parts.push(t("partnerApi.reference.limits.maximum", { max: maximum }));
  if (maxItems !== undefined) parts.push(t("partnerApi.reference.limits.maxItems", { max: maxItems }));
  return parts.join(" · ");
}

/** `response`: every field an answer lists is always present, so no field is marked required there. */
export async function SchemaFields({ doc, schema, response = false }: { doc: OpenApiDoc; schema: JsonSchema | undefined; response?: boolean }) {
  const t = await getT();
  const rows = fieldRows(doc, schema);
  if (rows.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        <code className="font-mono">{typeLabel(doc, schema)}</code> · {t("partnerApi.reference.noFields")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-[0.8125rem]">
        <thead className="bg-muted/40 text-left text-xs text-muted-foreground">
          <tr>
            <th className="px-3 py-2 font-medium">{t("partnerApi.reference.fieldColumns.field")}</th>
            <th className="px-3 py-2 font-medium">{t("partnerApi.reference.fieldColumns.type")}</th>
            <th className="px-3 py-2 font-medium">{t("partnerApi.reference.fieldColumns.description")}</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {rows.map((row) => (
            <tr key={row.path} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap" style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}>
                <code className="font-mono text-xs font-medium">{row.path.split(".").pop()}</code>
                {row.required && !response && <span className="ml-1.5 text-xs text-destructive">{t("partnerApi.reference.required")}</span>}
              </td>
              <td className="px-3 py-2">
                <code className="font-mono text-xs break-all text-muted-foreground">{row.type}</code>
              </td>
              <td className="px-3 py-2">
                <div className="grid gap-1">
                  {row.description && (
                    <span className="leading-5">
                      <Inline text={row.description} />
                    </span>
                  )}
                  {row.enumValues && (
                    <span className="text-xs text-muted-foreground">
                      {t("partnerApi.reference.oneOf", { values: row.enumValues.join(", ") })}
                    </span>
                  )}
                  {row.limits && <span className="text-xs text-muted-foreground">{limitsText(t, row.limits)}</span>}
                  {row.defaultValue && <span className="text-xs text-muted-foreground">{t("partnerApi.reference.defaultValue", { value: row.defaultValue })}</span>}
                  {row.example && !response && (
                    <span className="text-xs text-muted-foreground">
                      {t("partnerApi.reference.example")} <code className="font-mono">{row.example}</code>
                    </span>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
