"use client";
/**
 * The document viewer, inline on the review page so the reviewer reads a document beside what the
 * applicant declared: images fitted to the pane or at 100% (scrollable), PDFs in the browser's own viewer,
 * and the file's facts (name, type, size, SHA-256 to copy, who uploaded it and when). Arrow keys (or the
 * buttons) move between the application's documents.
 */
import { ChevronLeft, ChevronRight, ExternalLink, ImageOff, Maximize, Scan } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { documentViewUrl, formatBytes, isImageMime } from "@/components/kyc/kyc-format";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Spinner } from "@/components/ui/spinner";
import { useLocale, useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { KycDocumentRow } from "@/server/kyc/types";

type Zoom = "fit" | "actual";

interface KycDocumentViewerProps {
  documents: KycDocumentRow[];
  index: number;
  onIndexChange: (index: number) => void;
}

export function KycDocumentViewer({ documents, index, onIndexChange }: KycDocumentViewerProps) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat();
  const titleId = useId();
  const [zoom, setZoom] = useState<Zoom>("fit");
  const document = documents[index];
  if (!document) return null;

  const count = documents.length;
  const go = (delta: number) => onIndexChange((index + delta + count) % count);
  const url = documentViewUrl(document.id);
  const kind = t(`kyc.documentKind.${document.kind}`);
  const image = isImageMime(document.mimeType);
  const label = t("kyc.viewer.alt", { kind, file: document.fileName });

  const onKeyDown = (event: KeyboardEvent) => {
    if (count < 2 || (event.target as HTMLElement).closest("input,textarea,select,iframe")) return;
    if (event.key === "ArrowLeft") go(-1);
    else if (event.key === "ArrowRight") go(1);
  };

  return (
    // Arrow keys page through the documents while focus is inside the viewer.
    <section
      aria-labelledby={titleId}
      data-testid="kyc-document-viewer"
      className="flex flex-col overflow-hidden rounded-md border bg-background"
      onKeyDown={onKeyDown}
    >
      <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <div className="grid min-w-0 flex-1 gap-0.5">
          <h3 id={titleId} className="truncate text-sm font-semibold">
            {kind}
          </h3>
          <p className="truncate text-xs text-muted-foreground" title={document.fileName}>
            {document.fileName}
            {count > 1 && <span className="ml-2 tabular-nums">· {t("kyc.viewer.position", { index: index + 1, count })}</span>}
          </p>
        </div>
        {image && (
          <div role="group" aria-label={t("kyc.viewer.zoom")} className="inline-flex rounded-md border p-0.5">
            <ZoomButton active={zoom === "fit"} onClick={() => setZoom("fit")}>
              <Scan />
              {t("kyc.viewer.fit")}
            </ZoomButton>
            <ZoomButton active={zoom === "actual"} onClick={() => setZoom("actual")}>
              <Maximize />
              {t("kyc.viewer.actual")}
            </ZoomButton>
          </div>
        )}
        {count > 1 && (
          <div className="flex items-center gap-1">
            <Button variant="outline" size="icon-sm" aria-label={t("kyc.viewer.previous")} title={t("kyc.viewer.previous")} onClick={() => go(-1)}>
              <ChevronLeft />
            </Button>
            <Button variant="outline" size="icon-sm" aria-label={t("kyc.viewer.next")} title={t("kyc.viewer.next")} onClick={() => go(1)}>
              <ChevronRight />
            </Button>
          </div>
        )}
        <Button asChild variant="ghost" size="sm">
          <a href={url} target="_blank" rel="noopener noreferrer">
            <ExternalLink />
            {t("kyc.viewer.openNewTab")}
          </a>
        </Button>
      </div>

      {/* A fixed height: the declared data beside it and the page below never move as files load. */}
      <div className="relative h-[min(55vh,30rem)] overflow-auto bg-muted/40">
        {image ? (
          <ViewerImage key={document.id} src={url} alt={label} zoom={zoom} />
        ) : (
          <iframe key={document.id} src={url} title={label} className="size-full border-0 bg-background" />
        )}
      </div>

      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 border-t px-3 py-2 text-xs sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
        <dt className="text-muted-foreground">{t("kyc.viewer.type")}</dt>
        <dd className="font-mono">{document.mimeType}</dd>
        <dt className="text-muted-foreground">{t("kyc.viewer.size")}</dt>
        <dd className="tabular-nums">{formatBytes(document.sizeBytes, locale)}</dd>
        <dt className="text-muted-foreground">{t("kyc.viewer.uploadedBy")}</dt>
        <dd>{document.uploadedBy ?? t("kyc.viewer.unknownUploader")}</dd>
        <dt className="text-muted-foreground">{t("kyc.viewer.uploadedAt")}</dt>
        <dd>
          <time dateTime={document.createdAt.toISOString()}>{dateTime.format(document.createdAt)}</time>
        </dd>
        <dt className="self-center text-muted-foreground">{t("kyc.viewer.sha256")}</dt>
        <dd className="flex items-center gap-1 sm:col-span-3">
          <span className="min-w-0 font-mono break-all" data-testid="document-sha256">
            {document.sha256}
          </span>
          <CopyButton value={document.sha256} variant="ghost" className="size-7 shrink-0" />
        </dd>
      </dl>
    </section>
  );
}

function ZoomButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      aria-pressed={active}
      onClick={onClick}
      className={cn("h-7 px-2 text-xs", active && "bg-accent text-accent-foreground")}
    >
      {children}
    </Button>
  );
}

/** One image; keyed by document, so its loading and failure state start fresh for each. */
function ViewerImage({ src, alt, zoom }: { src: string; alt: string; zoom: Zoom }) {
  const t = useT();
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  const [reason, setReason] = useState<string | null>(null);
  const failed = () => {
    setState("failed");
    // An <img> cannot read the refusal; ask once more for the server's message (e.g. a file that no longer
    // matches its hash), and fall back to the generic one.
    fetch(src, { cache: "no-store" })
      .then(async (res) => (res.ok ? null : ((await res.json()) as { error?: string }).error))
      .then((error) => setReason(error ?? null))
      .catch(() => undefined);
  };
  if (state === "failed") {
    return (
      <div className="flex size-full flex-col items-center justify-center gap-2 p-4 text-center text-sm text-muted-foreground" role="alert">
        <ImageOff aria-hidden className="size-8" />
        {reason ?? t("kyc.viewer.loadFailed")}
      </div>
    );
  }
  return (
    <div className={cn("p-4", zoom === "fit" ? "flex size-full items-center justify-center" : "w-max min-w-full")}>
      {state === "loading" && (
        <span className="absolute inset-0 flex items-center justify-center">
          <Spinner className="size-6 text-muted-foreground" label={t("common.loading")} />
        </span>
      )}
      <img
        src={src}
        alt={alt}
        onLoad={() => setState("loaded")}
        onError={failed}
        className={cn(
          "rounded-sm bg-background shadow-sm transition-opacity",
          zoom === "fit" ? "max-h-full max-w-full object-contain" : "max-w-none",
          state === "loading" && "opacity-0",
        )}
      />
    </div>
  );
}
