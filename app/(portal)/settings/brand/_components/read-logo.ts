/**
 * Checks a chosen logo file in the browser before anything is sent (type and size, the same limits as
 * `brand.setLogo`), then reads it as base64 for the procedure. The server still checks the bytes.
 */
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES } from "./schema";

export type LogoMime = (typeof LOGO_MIME_TYPES)[number];
export type LogoProblem = "badType" | "tooLarge" | "empty";

const isLogoMime = (type: string): type is LogoMime => (LOGO_MIME_TYPES as readonly string[]).includes(type);

export function checkLogoFile(file: File): { ok: true; mime: LogoMime } | { ok: false; problem: LogoProblem } {
  if (!isLogoMime(file.type)) return { ok: false, problem: "badType" };
  if (file.size === 0) return { ok: false, problem: "empty" };
  if (file.size > LOGO_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  return { ok: true, mime: file.type };
}

/** The file's bytes as plain base64, as `brand.setLogo` takes them. */
export async function readAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In chunks: spreading a 256 KB array into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "312 KB" / "1.4 MB", for the too-large message. */
export function formatBytes(bytes: number, locale?: string): string {
  const format = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${format(bytes / (1024 * 1024))} MB` : `${format(Math.ceil(bytes / 1024))} KB`;
}
