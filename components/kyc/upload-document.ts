/**
 * Sends one KYC document to the upload route as multipart form data. XMLHttpRequest rather than fetch
 * because it reports upload progress, which matters for a 10 MB scan on a slow line.
 */
import type { KycDocumentKind } from "@/lib/kyc/schemas";
import type { KycDocumentRow } from "@/server/kyc/types";
import { readRefusal, type RefusalData } from "@/lib/trpc/errors";
import { documentUploadUrl } from "./kyc-format";

/** The stored row as the route returns it (JSON: dates are strings). */
export type UploadedDocument = Omit<KycDocumentRow, "createdAt"> & { createdAt: string };

/** A refusal from the route (server/http/route.ts's JSON) or, with `refusal` null, a failure without an answer. */
export class DocumentUploadError extends Error {
  constructor(
    readonly refusal: RefusalData | null,
    readonly field: "kind" | "file" | null,
    readonly status: number,
  ) {
    super(refusal ? `Upload refused: ${refusal.reason}` : `Upload failed (${status || "network"})`);
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
  let refusal: RefusalData | null = null;
  try {
    refusal = readRefusal(JSON.parse(xhr.responseText));
  } catch {
    // not JSON (a proxy's error page): no refusal to show
  }
  const field = refusal?.field === "kind" || refusal?.field === "file" ? refusal.field : null;
  return new DocumentUploadError(refusal, field, xhr.status);
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
