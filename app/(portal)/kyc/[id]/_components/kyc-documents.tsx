"use client";
/**
 * The application's documents: the viewer showing one of them (only for those allowed to see identity
 * documents; images load from the permission-checked view route), the gallery choosing which, the
 * checklist of what its level requires, and the upload form for those who may add documents.
 */
import { CircleCheck, CircleDashed, FileText, ShieldAlert } from "lucide-react";
import { useState } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { documentViewUrl, formatBytes, isImageMime } from "@/components/kyc/kyc-format";
import { useLocale, useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { KycApplicationDetail, KycDocumentRow } from "@/server/kyc/types";
import { KycDocumentViewer } from "./kyc-document-viewer";
import { KycUploadForm } from "./kyc-upload-form";
import { Section } from "./section";

export function KycDocuments({ app }: { app: KycApplicationDetail }) {
  const t = useT();
  // The first document is open from the start: the reviewer compares it with the declared data at once.
  const [viewing, setViewing] = useState(0);
  const { documents, allowed } = app;
  const missing = new Set(app.missingDocuments);

  return (
    <Section
      title={t("kyc.documents.title")}
      aside={
        <span className="text-xs text-muted-foreground tabular-nums">{t("kyc.documents.count", { count: documents.length })}</span>
      }
    >
      <div className="flex flex-col gap-4">
        {allowed.viewDocuments && documents.length > 0 && (
          <KycDocumentViewer documents={documents} index={Math.min(viewing, documents.length - 1)} onIndexChange={setViewing} />
        )}

        <div>
          <h3 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">{t("kyc.documents.required")}</h3>
          <ul className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-2 xl:grid-cols-3" aria-label={t("kyc.documents.required")}>
            {app.requiredDocuments.map((kind) => {
              const present = !missing.has(kind);
              return (
                <li key={kind} className="flex items-center gap-2" data-kind={kind} data-present={present}>
                  {present ? (
                    <CircleCheck aria-hidden className="size-4 shrink-0 text-success" />
                  ) : (
                    <CircleDashed aria-hidden className="size-4 shrink-0 text-warning" />
                  )}
                  <span className={cn(!present && "text-muted-foreground")}>{t(`kyc.documentKind.${kind}`)}</span>
                  <span className={cn("ml-auto text-xs", present ? "text-muted-foreground" : "font-medium text-foreground")}>
                    {present ? t("kyc.documents.present") : t("kyc.documents.missing")}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="mt-2 text-xs text-muted-foreground">
            {missing.size === 0 ? t("kyc.documents.allPresent") : t("kyc.documents.missingCount", { count: missing.size })}
          </p>
        </div>

        {allowed.viewDocuments ? (
          documents.length === 0 ? (
            <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">{t("kyc.documents.none")}</p>
          ) : (
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 xl:grid-cols-6" aria-label={t("kyc.documents.gallery")}>
              {documents.map((document, index) => (
                <li key={document.id}>
                  <DocumentTile document={document} shown={index === Math.min(viewing, documents.length - 1)} onOpen={() => setViewing(index)} />
                </li>
              ))}
            </ul>
          )
        ) : (
          <p className="flex items-center gap-2 rounded-md border bg-muted/40 px-3 py-2.5 text-sm text-muted-foreground">
            <ShieldAlert aria-hidden className="size-4 shrink-0" />
            {t("kyc.documents.restricted")}
          </p>
        )}

        {allowed.upload && <KycUploadForm app={app} />}
      </div>
    </Section>
  );
}

function DocumentTile({ document, shown, onOpen }: { document: KycDocumentRow; shown: boolean; onOpen: () => void }) {
  const t = useT();
  const locale = useLocale();
  const date = useDateTimeFormat("date");
  const kind = t(`kyc.documentKind.${document.kind}`);
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-pressed={shown}
      aria-label={t("kyc.documents.open", { kind, file: document.fileName })}
      className={cn(
        "group flex w-full flex-col overflow-hidden rounded-md border bg-background text-left outline-none hover:border-ring/60 focus-visible:ring-[3px] focus-visible:ring-ring/50",
        shown && "border-primary ring-1 ring-primary",
      )}
    >
      {/* Fixed aspect ratio: thumbnails arriving later never move the layout. */}
      <span className="flex aspect-[4/3] w-full items-center justify-center overflow-hidden bg-muted/50">
        {isImageMime(document.mimeType) ? (
          <img
            src={documentViewUrl(document.id)}
            alt=""
            loading="lazy"
            decoding="async"
            className="size-full object-cover transition-transform group-hover:scale-[1.02]"
          />
        ) : (
          <span className="flex flex-col items-center gap-1 text-muted-foreground">
            <FileText aria-hidden className="size-8" />
            <span className="text-xs font-medium">{t("kyc.documents.pdf")}</span>
          </span>
        )}
      </span>
      <span className="grid gap-0.5 border-t px-2.5 py-2">
        <span className="truncate text-sm font-medium">{kind}</span>
        <span className="truncate text-xs text-muted-foreground" title={document.fileName}>
          {document.fileName}
        </span>
        <span className="text-xs text-muted-foreground tabular-nums">
          {formatBytes(document.sizeBytes, locale)} · {date.format(document.createdAt)}
        </span>
      </span>
    </button>
  );
}
