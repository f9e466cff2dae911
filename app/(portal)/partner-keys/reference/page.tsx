/**
 * The partner API's reference (admins): the OpenAPI document the API serves at /api/v1/openapi.json,
 * rendered here on the server — overview, signing examples, then every endpoint by tag. The page's chrome is
 * in the reader's language; the API's own texts are the document's (English).
 */
import type { Metadata } from "next";
import { ArrowLeft, FileJson } from "lucide-react";
import { headers } from "next/headers";
import Link from "next/link";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { openApiDocument } from "@/server/partner/openapi";
import { Markdown } from "./_components/markdown";
import { MethodBadge, OperationCard } from "./_components/operation-card";
import { operationsByTag, type OpenApiDoc } from "./_components/openapi-view";
import { SigningSection } from "./_components/signing-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("partnerApi.reference.title") };
}

const tagId = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** The address the reader reached the portal at, for the examples' default base URL. */
async function portalOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function PartnerApiReferencePage() {
  const { allowed } = await requirePermission("partnerkey.manage");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const doc = openApiDocument() as unknown as OpenApiDoc;
  const groups = operationsByTag(doc);
  const origin = await portalOrigin();
  const basePath = doc.servers?.[0]?.url ?? "";

  return (
    <>
      <PageHeader
        className="mb-6"
        title={t("partnerApi.reference.title")}
        description={t("partnerApi.reference.description")}
        actions={
          <>
            <Button asChild variant="ghost" size="sm">
              <Link href="/partner-keys">
                <ArrowLeft />
                {t("partnerApi.reference.back")}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
                <FileJson />
                {t("partnerApi.reference.openApiJson")}
              </a>
            </Button>
          </>
        }
      />
      <div className="grid gap-8 xl:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label={t("partnerApi.reference.contents")} className="hidden xl:block">
          <div className="sticky top-20 grid max-h-[calc(100dvh-6rem)] gap-3 overflow-y-auto pr-2 text-sm">
            <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("partnerApi.reference.contents")}</p>
            <a href="#overview" className="hover:underline">
              {t("partnerApi.reference.overview")}
            </a>
            <a href="#signing" className="hover:underline">
              {t("partnerApi.reference.signing.title")}
            </a>
            {groups.map((group) => (
              <div key={group.name} className="grid gap-1.5">
                <a href={`#${tagId(group.name)}`} className="font-medium hover:underline">
                  {group.name}
                </a>
                {group.operations.map((op) => (
                  <a key={op.operationId} href={`#${op.operationId}`} className="flex items-start gap-2 leading-snug text-muted-foreground hover:text-foreground">
                    <MethodBadge method={op.method} className="mt-px w-10 text-[0.65rem]" />
                    <span>{op.summary}</span>
                  </a>
                ))}
              </div>
            ))}
          </div>
        </nav>

        <div className="grid min-w-0 gap-10">
          <section id="overview" aria-labelledby="overview-title" className="scroll-mt-20 grid gap-4 rounded-lg border bg-card p-5">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="overview-title" className="text-lg font-semibold tracking-tight">
                {doc.info.title}
              </h2>
              <span className="text-sm text-muted-foreground">{t("partnerApi.reference.version", { version: doc.info.version })}</span>
            </div>
            <p className="text-sm">
              <span className="text-muted-foreground">{t("partnerApi.reference.baseUrl")}: </span>
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                {origin}
                {basePath}
              </code>
            </p>
            {doc.info.description && <Markdown source={doc.info.description} headingLevel={3} className="max-w-3xl" />}
          </section>

          <SigningSection origin={origin} />

          {groups.map((group) => (
            <section key={group.name} id={tagId(group.name)} aria-labelledby={`${tagId(group.name)}-title`} className="scroll-mt-20 grid gap-4">
              <h2 id={`${tagId(group.name)}-title`} className="text-lg font-semibold tracking-tight">
                {group.name}
              </h2>
              {group.operations.map((operation) => (
                <OperationCard key={operation.operationId} doc={doc} operation={operation} basePath={basePath} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
