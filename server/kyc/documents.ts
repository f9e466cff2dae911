/**
 * KYC documents: adding a file to an application and reading it back. The rules live here, so the route
 * handlers (app/api/kyc/...) only parse the request. A file is checked completely (size, type from its
 * bytes, application open and in the brand) before any byte is stored; if the database write then fails,
 * the stored object is removed again. Every upload and every view is audited.
 */
import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { can } from "@/lib/auth/permissions";
import { AppError, invalid, notFound } from "../errors";
import { EXTENSION, detectDocumentType } from "./file-type";
import { KYC_DOCUMENT_KINDS, KYC_MAX_DOCUMENT_BYTES, type KycDocumentKind, type KycStatus } from "@/lib/kyc/schemas";
import { documentStore, newStorageKey, type DocumentStore } from "./storage";
import { refusal } from "@/lib/kyc/transitions";
import type { KycDocumentRow } from "./types";

export interface AddKycDocumentInput {
  applicationId: string;
  kind: string;
  /** As the browser sent it; kept for display only (cleaned), never used to store or type the file. */
  fileName: string;
  bytes: Uint8Array;
}

const MAX_MB = KYC_MAX_DOCUMENT_BYTES / (1024 * 1024);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file name safe to show and to put in a header: no path, no control characters, bounded. */
export function cleanFileName(name: string, fallback: string): string {
  const printable = [...name.replaceAll("\\", "/")].filter((c) => c.charCodeAt(0) >= 0x20 && c !== "\u007f" && c !== '"').join("");
  const base = path.basename(printable).trim();
  return (base || fallback).slice(0, 200);
}

const isKind = (kind: string): kind is KycDocumentKind => (KYC_DOCUMENT_KINDS as readonly string[]).includes(kind);

function assertMayUpload(ctx: TenantContext, app: { status: KycStatus; level: number }) {
  const refused = refusal("upload", { ...app, assigneeId: null, firstApproverId: null, missingDocuments: [] }, ctx.actor);
  if (refused) throw new AppError(refused.code, refused.reason, { params: refused.params });
}

/** Adds a document to an open application of the brand. The application's version moves on: a reviewer must see it before deciding. */
export async function addKycDocument(
  ctx: TenantContext,
  input: AddKycDocumentInput,
  store: DocumentStore = documentStore(),
): Promise<KycDocumentRow> {
  if (!isKind(input.kind)) throw invalid("kind", "kyc.errors.documentKindUnknown");
  if (input.bytes.length === 0) throw invalid("file", "kyc.errors.fileEmpty");
  if (input.bytes.length > KYC_MAX_DOCUMENT_BYTES) throw invalid("file", "kyc.errors.fileTooLarge", { max: MAX_MB });
  const mimeType = detectDocumentType(input.bytes);
  if (!mimeType) throw invalid("file", "kyc.errors.fileTypeNotAccepted");
  if (!UUID.test(input.applicationId)) throw notFound("application");
  const where = { id: input.applicationId, brandId: ctx.tenantId };
  const current = await ctx.db.kycApplication.findFirst({ where, select: { status: true, level: true } });
  if (!current) throw notFound("application");
  assertMayUpload(ctx, current);

  const kind = input.kind;
  const fileName = cleanFileName(input.fileName, `${kind}.${EXTENSION[mimeType]}`);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const storageKey = newStorageKey();
  await store.put(storageKey, input.bytes, mimeType);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const app = await tx.kycApplication.findFirst({ where, select: { id: true, status: true, level: true } });
      if (!app) throw notFound("application");
      assertMayUpload(ctx, app);
      // Guarded on the status just checked, so a decision committed meanwhile wins and this is refused.
      const { count } = await tx.kycApplication.updateMany({ where: { ...where, status: app.status }, data: { version: { increment: 1 } } });
      if (count === 0) throw new AppError("CONFLICT", "kyc.errors.changedDuringUpload");
      const document = await tx.kycDocument.create({
        data: {
          brandId: ctx.tenantId,
          applicationId: app.id,
          kind,
          fileName,
          mimeType,
          sizeBytes: input.bytes.length,
          sha256,
          storageKey,
          uploadedById: ctx.actor.id,
        },
      });
      await tx.kycEvent.create({
        data: {
          brandId: ctx.tenantId,
          applicationId: app.id,
          action: "document_add",
          fromStatus: app.status,
          toStatus: app.status,
          actorId: ctx.actor.id,
          actorLabel: ctx.actor.name,
          note: `${kind}: ${fileName}`,
        },
      });
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "kyc.document_add",
        entityType: "kyc_application",
        entityId: app.id,
        after: { documentId: document.id, kind, fileName, mimeType, sizeBytes: document.sizeBytes, sha256 },
      });
      return {
        id: document.id,
        kind: document.kind,
        fileName: document.fileName,
        mimeType: document.mimeType,
        sizeBytes: document.sizeBytes,
        sha256: document.sha256,
        uploadedBy: ctx.actor.name,
        createdAt: document.createdAt,
      };
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

export interface KycDocumentFile {
  meta: { id: string; applicationId: string; kind: KycDocumentKind; fileName: string; mimeType: string; sizeBytes: number; sha256: string };
  bytes: Uint8Array;
}

/** A document's bytes for viewing, to those allowed to see identity documents; each view is audited. */
export async function readKycDocument(ctx: TenantContext, id: string, store: DocumentStore = documentStore()): Promise<KycDocumentFile> {
  if (!can(ctx.actor.role, "kyc.documents")) throw new AppError("FORBIDDEN", "kyc.errors.documentsForbidden");
  if (!UUID.test(id)) throw notFound("document");
  const document = await ctx.db.kycDocument.findFirst({ where: { id, brandId: ctx.tenantId } });
  if (!document) throw notFound("document");
  const bytes = await store.get(document.storageKey);
  if (!bytes) throw notFound("documentFile");
  // A file changed or swapped in storage is not shown as the one that was checked.
  if (createHash("sha256").update(bytes).digest("hex") !== document.sha256) {
    // Logged and audited for whoever investigates; the reviewer gets a message, not a broken page.
    console.error(`[kyc] stored document ${document.id} does not match its SHA-256 (key ${document.storageKey}); not served`);
    await ctx.db.$transaction((tx) =>
      recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "kyc.document_integrity_failure",
        entityType: "kyc_application",
        entityId: document.applicationId,
        after: { documentId: document.id, kind: document.kind, expectedSha256: document.sha256 },
      }),
    );
    throw new AppError("CONFLICT", "kyc.errors.documentIntegrity");
  }
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "kyc.document_view",
      entityType: "kyc_application",
      entityId: document.applicationId,
      after: { documentId: document.id, kind: document.kind },
    }),
  );
  const { applicationId, kind, fileName, mimeType, sizeBytes, sha256 } = document;
  return { meta: { id: document.id, applicationId, kind, fileName, mimeType, sizeBytes, sha256 }, bytes };
}
