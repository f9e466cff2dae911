/** The KYC view of server/files/file-type.ts: which accepted document type the bytes are. */
import "server-only";
import { detectFileType, EXTENSION } from "../files/file-type";
import { KYC_ACCEPTED_MIME_TYPES } from "@/lib/kyc/schemas";

export type KycMimeType = (typeof KYC_ACCEPTED_MIME_TYPES)[number];

const isAccepted = (type: string | null): type is KycMimeType => (KYC_ACCEPTED_MIME_TYPES as readonly string[]).includes(type ?? "");

/** The accepted type the bytes are, or null for anything else. */
export function detectDocumentType(bytes: Uint8Array): KycMimeType | null {
  const type = detectFileType(bytes);
  return isAccepted(type) ? type : null;
}

export { EXTENSION };
