/**
 * Sends one KYC document to the upload route as multipart form data. XMLHttpRequest rather than fetch
 * because it reports upload progress, which matters for a 10 MB scan on a slow line.
 */
import type { KycDocumentKind } from "@/lib/kyc/schemas";
import type { KycDocumentRow } from "@/server/kyc/types";
import { documentUploadUrl } from "./kyc-format";

/** The stored row as the route returns it (JSON: dates are strings). */
export type UploadedDocument = Omit<KycDocumentRow, "createdAt"> & { createdAt: string };

/** A refusal from the route ({error, field}) or, with `message` null, a failure without an answer. */
export class DocumentUploadError extends Error {
  constructor(
    readonly serverMessage: string | null,
    readonly field: "kind" | "file" | null,
    readonly status: number,
  ) {
    super(serverMessage ?? `Upload failed (${status || "network"})`);
    this.name = "DocumentUploadError";
  }
}

interface UploadOptions {
  applicationId: string;
  kind: KycDocumentKind;
  file: File;
  /** 0–100 as bytes go out. */
  onProgress?: (percent: number) => void;
}

function readError(xhr: XMLHttpRequest): DocumentUploadError {
  let message: string | null = null;
  let field: "kind" | "file" | null = null;
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown; field?: unknown };
    if (typeof body.error === "string") message = body.error;
    if (body.field === "kind" || body.field === "file") field = body.field;
  } catch {
    // not JSON (a proxy's error page): no server message to show
  }
  return new DocumentUploadError(message, field, xhr.status);
}

export function uploadKycDocument({ applicationId, kind, file, onProgress }: UploadOptions): Promise<UploadedDocument> {
  const body = new FormData();
  body.append("kind", kind);
  body.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", documentUploadUrl(applicationId));
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(readError(xhr));
      try {
        resolve(JSON.parse(xhr.responseText) as UploadedDocument);
      } catch {
        reject(new DocumentUploadError(null, null, xhr.status));
      }
    };
    xhr.onerror = () => reject(new DocumentUploadError(null, null, 0));
    xhr.send(body);
  });
}
