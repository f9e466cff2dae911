/**
 * GET /api/kyc/documents/<id> — a KYC document's bytes, for the viewer (an <img> or, for a PDF, an
 * <iframe>) and "open in a new tab". Only for those allowed to see identity documents; the service
 * checks brand and stored hash and audits the view. Never cached, never sniffed, never able to script.
 */
import { EXTENSION, type KycMimeType } from "@/server/kyc/file-type";
import { cleanFileName, readKycDocument } from "@/server/kyc/documents";
import { route } from "@/server/http/route";

/**
 * No scripts, no requests of its own, only our pages may frame it (the CSP's frame-ancestors is what lets
 * the viewer's iframe show a PDF despite the site-wide X-Frame-Options: DENY, which browsers ignore when
 * it is present). Images are also sandboxed; PDFs are not, because Chrome and Safari refuse to run their
 * PDF viewer in a sandboxed document, and a PDF's own scripts run inside that viewer, not in our origin.
 */
const BASE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
const csp = (mimeType: string) => (mimeType === "application/pdf" ? `${BASE_CSP}; object-src 'self'` : `${BASE_CSP}; sandbox`);

/** The shown name ends in the extension of what the bytes are, so a saved copy opens as that type. */
function servedName(fileName: string, mimeType: string, fallback: string): string {
  const extension = EXTENSION[mimeType as KycMimeType] ?? "bin";
  const extensions = extension === "jpg" ? [".jpg", ".jpeg"] : [`.${extension}`];
  const name = cleanFileName(fileName, fallback);
  return extensions.some((e) => name.toLowerCase().endsWith(e)) ? name : `${name}.${extension}`;
}

/** `inline` with an ASCII name for old clients and the real (UTF-8) name for the rest (RFC 6266). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const GET = route<{ id: string }>("kyc.documents", async (ctx, _req, { id }) => {
  const { meta, bytes } = await readKycDocument(ctx, id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": meta.mimeType,
      "Content-Disposition": contentDisposition(servedName(meta.fileName, meta.mimeType, meta.kind)),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": csp(meta.mimeType),
      "Cross-Origin-Resource-Policy": "same-origin",
      "Referrer-Policy": "no-referrer",
    },
  });
});
