/**
 * What an uploaded file really is, read from its first bytes: a name or a browser-sent Content-Type is
 * whatever the sender says, so neither is trusted. Raster images and PDF only — never SVG or HTML, which
 * could carry script when served from our origin. Used by brand logos and KYC documents.
 */
import "server-only";

export const DETECTABLE_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type DetectedType = (typeof DETECTABLE_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly { type: DetectedType; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: "image/jpeg", matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: "image/png", matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/webp", matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) },
  { type: "application/pdf", matches: (b) => startsWith(b, ascii("%PDF-")) },
];

/** The type the bytes are, or null when they are none of DETECTABLE_TYPES. */
export function detectFileType(bytes: Uint8Array): DetectedType | null {
  return SIGNATURES.find((s) => s.matches(bytes))?.type ?? null;
}

export const EXTENSION: Record<DetectedType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};
