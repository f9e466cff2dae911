/** One endpoint: method and path, summary, description, scope, parameters, request body, answer, refusals. */
import { Badge } from "@/components/ui/badge";
import { getT } from "@/lib/i18n/server";
import { cn } from "@/lib/utils";
import { Inline, Markdown } from "./markdown";
import { isSuccess, jsonSchemaOf, limitsOf, typeLabel, type OpenApiDoc, type Operation } from "./openapi-view";
import { limitsText, SchemaFields } from "./schema-fields";

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-sky-600/10 text-sky-700 dark:text-sky-300",
  POST: "bg-emerald-600/10 text-emerald-700 dark:text-emerald-300",
};

export function MethodBadge({ method, className }: { method: string; className?: string }) {
  return (
    <span className={cn("inline-flex w-12 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold", METHOD_STYLE[method] ?? "bg-muted", className)}>
      {method}
    </span>
  );
}

/** The description without its trailing "Scope: `x`." line, which the card shows as a badge. */
const withoutScope = (description: string | undefined) => (description ?? "").replace(/\n*Scope: `[^`]+`\.\s*$/, "").trim();

function Section({ title, type, children }: { title: string; type?: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-2">
      <h4 className="flex items-baseline gap-2 text-xs font-semibold tracking-wide text-muted-foreground">
        <span className="uppercase">{title}</span>
        {type && <code className="font-mono font-medium normal-case tracking-normal text-foreground">{type}</code>}
      </h4>
      {children}
    </section>
  );
}

export async function OperationCard({ doc, operation, basePath }: { doc: OpenApiDoc; operation: Operation; basePath: string }) {
  const t = await getT();
  const description = withoutScope(operation.description);
  const responses = Object.entries(operation.responses ?? {});
  const success = responses.filter(([status]) => isSuccess(status));
  const refusals = responses.filter(([status]) => !isSuccess(status));
  const body = jsonSchemaOf(operation.requestBody);

  return (
    <article id={operation.operationId} className="scroll-mt-20 grid gap-4 rounded-lg border bg-card p-5">
      <header className="grid gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <MethodBadge method={operation.method} />
          <code className="font-mono text-sm font-medium break-all">
            <span className="text-muted-foreground">{basePath}</span>
            {operation.path}
          </code>
          {operation["x-scope"] && (
            <Badge variant="outline" className="ml-auto font-mono font-normal" title={t("partnerApi.reference.scope")}>
              {t("partnerApi.reference.scope")}: {operation["x-scope"]}
            </Badge>
          )}
        </div>
        <h3 className="text-base font-semibold tracking-tight">{operation.summary}</h3>
        {description && <Markdown source={description} headingLevel={4} className="text-muted-foreground" />}
      </header>

      {operation.parameters && operation.parameters.length > 0 && (
        <Section title={t("partnerApi.reference.parameters")}>
          <div className="overflow-x-auto rounded-md border">
            <table className="w-full text-[0.8125rem]">
              <thead className="bg-muted/40 text-left text-xs text-muted-foreground">
                <tr>
                  <th className="px-3 py-2 font-medium">{t("partnerApi.reference.paramColumns.name")}</th>
                  <th className="px-3 py-2 font-medium">{t("partnerApi.reference.paramColumns.in")}</th>
                  <th className="px-3 py-2 font-medium">{t("partnerApi.reference.paramColumns.type")}</th>
                  <th className="px-3 py-2 font-medium">{t("partnerApi.reference.paramColumns.required")}</th>
                  <th className="px-3 py-2 font-medium">{t("partnerApi.reference.paramColumns.description")}</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {operation.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`} className="align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <code className="font-mono text-xs font-medium">{p.name}</code>
                    </td>
                    <td className="px-3 py-2 text-muted-foreground">{p.in === "cookie" ? p.in : t(`partnerApi.reference.paramIn.${p.in}`)}</td>
                    <td className="px-3 py-2">
                      <code className="font-mono text-xs text-muted-foreground">{typeLabel(doc, p.schema)}</code>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{p.required || p.in === "path" ? t("partnerApi.reference.required") : t("partnerApi.reference.optional")}</td>
                    <td className="px-3 py-2">
                      <div className="grid gap-1">
                        {p.description && (
                          <span className="leading-5">
                            <Inline text={p.description} />
                          </span>
                        )}
                        {p.schema?.enum && <span className="text-xs text-muted-foreground">{t("partnerApi.reference.oneOf", { values: p.schema.enum.map(String).join(", ") })}</span>}
                        {p.schema && limitsOf(p.schema) && <span className="text-xs text-muted-foreground">{limitsText(t, limitsOf(p.schema)!)}</span>}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      {body && (
        <Section title={t("partnerApi.reference.requestBody")} type={typeLabel(doc, body)}>
          <SchemaFields doc={doc} schema={body} />
        </Section>
      )}

      {success.map(([status, response]) => (
        <Section key={status} title={`${t("partnerApi.reference.response")} ${status}`} type={typeLabel(doc, jsonSchemaOf(response))}>
          <SchemaFields doc={doc} schema={jsonSchemaOf(response)} response />
        </Section>
      ))}

      {refusals.length > 0 && (
        <Section title={t("partnerApi.reference.refusals")}>
          <dl className="grid gap-1.5 text-sm sm:grid-cols-[3.5rem_1fr]">
            {refusals.map(([status, response]) => (
              <div key={status} className="contents">
                <dt>
                  <code className="font-mono text-xs font-semibold text-destructive">{status}</code>
                </dt>
                <dd className="text-muted-foreground">
                  <Inline text={response.description ?? ""} />
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
    </article>
  );
}
