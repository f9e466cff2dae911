/**
 * Pure helpers the KYC pages share: document URLs, the browser-side file check (the same limits the
 * upload route enforces), ID masking, ages and sizes. Client-safe, no React.
 */
import type { Locale } from "@/lib/i18n/config";
import { KYC_ACCEPTED_MIME_TYPES, KYC_MAX_DOCUMENT_BYTES } from "@/lib/kyc/schemas";
import type { KycReasonRow } from "@/server/kyc/types";

/** Documents are served only through this permission-checked route, never from a public URL. */
export const documentViewUrl = (documentId: string) => `/api/kyc/documents/${encodeURIComponent(documentId)}`;
export const documentUploadUrl = (applicationId: string) => `/api/kyc/applications/${encodeURIComponent(applicationId)}/documents`;

export const isImageMime = (mime: string) => mime.startsWith("image/");

export type DocumentFileProblem = "badType" | "tooLarge" | "empty";

/**
 * What is wrong with a chosen file before it is sent, or null. The browser's type comes from the file
 * name, so the server still checks the bytes; this only spares a pointless upload.
 */
export function checkDocumentFile(file: Pick<File, "type" | "size">): DocumentFileProblem | null {
  if (!(KYC_ACCEPTED_MIME_TYPES as readonly string[]).includes(file.type)) return "badType";
  if (file.size === 0) return "empty";
  if (file.size > KYC_MAX_DOCUMENT_BYTES) return "tooLarge";
  return null;
}

/** The file input's `accept`: MIME types plus extensions, as some pickers only honour the latter. */
export const DOCUMENT_ACCEPT = [...KYC_ACCEPTED_MIME_TYPES, ".jpg", ".jpeg", ".png", ".webp", ".pdf"].join(",");

/** "•••••1234": only the last four characters of an ID number stay readable. */
export function maskIdNumber(value: string): string {
  const visible = value.length > 4 ? 4 : 0;
  return "•".repeat(Math.max(value.length - visible, 4)) + value.slice(value.length - visible);
}

/** Whole hours as days and hours, for "2d 5h". */
export function splitHours(totalHours: number): { days: number; hours: number } {
  const whole = Math.max(0, Math.floor(totalHours));
  return { days: Math.floor(whole / 24), hours: whole % 24 };
}

/** "840 B" / "312 KB" / "1.4 MB". */
export function formatBytes(bytes: number, locale?: string): string {
  const format = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

/** A reason's label in the reader's language: the Chinese label when reading Chinese and one is set. */
export function reasonLabel(reason: Pick<KycReasonRow, "label" | "labelZh">, locale: Locale): string {
  return locale === "zh-CN" && reason.labelZh ? reason.labelZh : reason.label;
}

/**
 * A text control's value for a field whose schema preprocesses its input ("" → undefined): zod types
 * such inputs as `unknown`, the control needs a string.
 */
export const textValue = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value));
