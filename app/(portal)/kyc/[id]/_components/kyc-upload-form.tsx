"use client";
/**
 * Adds one document to the application. The file's type and size are checked here first (same limits
 * as the upload route) so a wrong file is refused at once with a clear message; the route still checks
 * the bytes, and whatever it refuses is shown on the field it names. Progress shows while bytes go out.
 */
import { useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { toast } from "sonner";
import { checkDocumentFile, DOCUMENT_ACCEPT, formatBytes, type DocumentFileProblem } from "@/components/kyc/kyc-format";
import { DocumentUploadError, uploadKycDocument } from "@/components/kyc/upload-document";
import { translateReason } from "@/lib/trpc/errors";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useLocale, useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import { KYC_DOCUMENT_KINDS, KYC_MAX_DOCUMENT_BYTES, type KycDocumentKind } from "@/lib/kyc/schemas";
import type { KycApplicationDetail } from "@/server/kyc/types";

function fileProblemText(problem: DocumentFileProblem, file: File, t: Translate, locale: string) {
  const vars = { file: file.name, size: formatBytes(file.size, locale), max: formatBytes(KYC_MAX_DOCUMENT_BYTES, locale) };
  return t(`kyc.upload.${problem}`, vars);
}

export function KycUploadForm({ app }: { app: KycApplicationDetail }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { kind: useId(), file: useId(), hint: useId(), kindError: useId(), fileError: useId() };
  const fileInput = useRef<HTMLInputElement>(null);

  // The kind defaults to the first document still missing, and follows as documents arrive.
  const [chosenKind, setChosenKind] = useState<KycDocumentKind | null>(null);
  const kind = chosenKind ?? app.missingDocuments[0] ?? "other";
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [kindError, setKindError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const uploading = progress !== null;

  const onFileChange = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFileError(null);
    setFile(null);
    if (!chosen) return;
    const problem = checkDocumentFile(chosen);
    if (problem) setFileError(fileProblemText(problem, chosen, t, locale));
    else setFile(chosen);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    setKindError(null);
    if (!file) {
      if (!fileError) setFileError(t("kyc.upload.chooseFile"));
      fileInput.current?.focus();
      return;
    }
    setProgress(0);
    try {
      await uploadKycDocument({ applicationId: app.id, kind, file, onProgress: setProgress });
      toast.success(t("kyc.upload.uploaded", { kind: t(`kyc.documentKind.${kind}`), file: file.name }));
      setFile(null);
      setChosenKind(null);
      if (fileInput.current) fileInput.current.value = "";
    } catch (error) {
      const refusal = error instanceof DocumentUploadError ? error : null;
      if (refusal?.field === "kind") setKindError(t("kyc.upload.chooseKind"));
      // Type and size passed the check above, so a refused file is one whose bytes are not what its name says.
      else if (refusal?.field === "file") setFileError(t("kyc.upload.badContent", { file: file.name }));
      else setFileError(refusal?.refusal ? translateReason(t, refusal.refusal) : t("kyc.upload.failed"));
      (refusal?.field === "kind" ? document.getElementById(ids.kind) : fileInput.current)?.focus();
    } finally {
      setProgress(null);
      // Success adds a document; a refusal may mean the application moved on (decided meanwhile).
      void queryClient.invalidateQueries(trpc.kyc.get.queryFilter({ id: app.id }));
      void queryClient.invalidateQueries(trpc.kyc.queue.queryFilter());
    }
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={t("kyc.upload.title")}
      className="grid gap-3 rounded-md border border-dashed p-3 sm:grid-cols-[12rem_minmax(0,1fr)_auto] sm:items-start"
    >
      <div className="grid gap-1.5">
        <Label htmlFor={ids.kind}>{t("kyc.upload.kind")}</Label>
        <Select
          value={kind}
          onValueChange={(value) => {
            setChosenKind(KYC_DOCUMENT_KINDS.find((k) => k === value) ?? null);
            setKindError(null);
          }}
          disabled={uploading}
        >
          <SelectTrigger
            id={ids.kind}
            className="w-full"
            aria-invalid={Boolean(kindError)}
            aria-describedby={kindError ? ids.kindError : undefined}
          >
            {/* The kind alone: the items' "missing" marks would overflow the trigger. */}
            <SelectValue>{kind ? t(`kyc.documentKind.${kind}`) : null}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            {KYC_DOCUMENT_KINDS.map((value) => (
              <SelectItem key={value} value={value}>
                {t(`kyc.documentKind.${value}`)}
                {app.missingDocuments.includes(value) && <span className="text-xs text-muted-foreground">· {t("kyc.documents.missing")}</span>}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {kindError && (
          <p id={ids.kindError} role="alert" className="text-sm text-destructive">
            {kindError}
          </p>
        )}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={ids.file}>{t("kyc.upload.file")}</Label>
        <FileInput
          ref={fileInput}
          id={ids.file}
          accept={DOCUMENT_ACCEPT}
          disabled={uploading}
          onChange={onFileChange}
          fileName={file?.name ?? null}
          aria-invalid={Boolean(fileError)}
          aria-describedby={fileError ? `${ids.fileError} ${ids.hint}` : ids.hint}
        />
        {/* One fixed-height line: the hint, replaced by the progress bar while uploading. */}
        <div id={ids.hint} className="flex h-5 items-center text-xs text-muted-foreground">
          {uploading ? (
            <span className="flex w-full items-center gap-2">
              <span
                role="progressbar"
                aria-label={t("kyc.upload.progress")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={progress}
                className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted"
              >
                <span className="block h-full bg-primary transition-[width]" style={{ width: `${progress}%` }} />
              </span>
              <span className="w-10 text-right tabular-nums">{progress}%</span>
            </span>
          ) : (
            t("kyc.upload.hint", { max: formatBytes(KYC_MAX_DOCUMENT_BYTES, locale) })
          )}
        </div>
        {fileError && (
          <p id={ids.fileError} role="alert" className="text-sm text-destructive" data-testid="upload-file-error">
            {fileError}
          </p>
        )}
      </div>
      <Button type="submit" className="sm:mt-[1.375rem]" pending={uploading}>
        {!uploading && <Upload />}
        {uploading ? t("kyc.upload.uploading") : t("kyc.upload.submit")}
      </Button>
    </form>
  );
}
