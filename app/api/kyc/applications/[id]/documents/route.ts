/**
 * POST /api/kyc/applications/<id>/documents — multipart `kind` + `file`: adds a document to an open
 * application of the caller's brand (server/kyc/documents.ts checks size, type from the bytes and the
 * application). Answers 200 with the stored row, which components/kyc/upload-document.ts expects.
 */
import { KYC_MAX_DOCUMENT_BYTES } from "@/lib/kyc/schemas";
import { readMultipart } from "@/server/http/multipart";
import { refuse, route } from "@/server/http/route";
import { addKycDocument } from "@/server/kyc/documents";

/** Room for the multipart boundaries, part headers and the `kind` field around a file at the limit. */
const MULTIPART_OVERHEAD = 64 * 1024;
const LIMIT = {
  maxBytes: KYC_MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD,
  tooLarge: { reason: "kyc.errors.fileTooLarge", params: { max: KYC_MAX_DOCUMENT_BYTES / (1024 * 1024) } },
} as const;

export const POST = route<{ id: string }>("kyc.submit", async (ctx, req, { id }) => {
  const form = await readMultipart(req, LIMIT);
  if (form instanceof Response) return form;
  const file = form.get("file");
  if (!(file instanceof File)) return refuse("VALIDATION", "errors.upload.noFile", { field: "file" });
  const kind = form.get("kind");
  const row = await addKycDocument(ctx, {
    applicationId: id,
    kind: typeof kind === "string" ? kind : "",
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(row, { headers: { "Cache-Control": "no-store" } });
});
