/**
 * KYC documents against real PostgreSQL and a real directory: what is stored (type, size and hash from
 * the bytes), what is refused (with nothing left behind in the database or on disk), reading back with
 * its audit row, a stored file changed behind the service's back, and the two route handlers
 * (app/api/kyc/...) with a real session — only next-auth's cookie reading and the configured store are
 * replaced, so no file lands in the project's var/ directory.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as viewDocument } from "@/app/api/kyc/documents/[id]/route";
import { POST as uploadDocument } from "@/app/api/kyc/applications/[id]/documents/route";
import type { TenantContext } from "@/server/actor";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/server/db/client";
import { validateSession, type ValidSession } from "@/server/auth/sessions";
import { AppError } from "@/server/errors";
import { addKycDocument, readKycDocument, type AddKycDocumentInput } from "@/server/kyc/documents";
import { KYC_MAX_DOCUMENT_BYTES, type KycStatus } from "@/lib/kyc/schemas";
import { LocalDiskStore, type DocumentStore } from "@/server/kyc/storage";
import { applicationState, createTestApplication } from "../cases/kyc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const routeWorld = vi.hoisted(() => ({ session: null as ValidSession | null, store: null as DocumentStore | null }));
vi.mock("@/server/auth/next-auth", () => ({ getCurrentStaff: async () => routeWorld.session }));
vi.mock("@/server/kyc/storage", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/kyc/storage")>();
  return { ...actual, documentStore: () => routeWorld.store ?? expect.fail("no store set for the route") };
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "brokerdesk-kyc-documents-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A store in a directory of its own, so "nothing on disk" is about this test only. */
async function diskStore() {
  const store = new LocalDiskStore(await mkdtemp(path.join(root, "store-")));
  const files = async () =>
    (await readdir(store.root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return { store, files, fileOf: (key: string) => path.join(store.root, ...key.split("/")) };
}

async function member(brandId: string, role: Role = "compliance") {
  const { user } = await createTestStaff({ brandId, role });
  const ctx = { ...(await staffContext(user)), tenantId: brandId } as TenantContext;
  return { user, ctx };
}

async function desk(status: KycStatus = "submitted") {
  const brand = await createTestBrand();
  const [ops, reviewer] = await Promise.all([member(brand.id, "operations"), member(brand.id)]);
  const app = await createTestApplication(brand.id, { status });
  return { brand, ops, reviewer, app };
}

const bytes = (text: string) => new TextEncoder().encode(text);
/** A real 1×1 PNG. */
const PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);
const PDF = bytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HTML = bytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
/** A PNG signature followed by padding, `size` bytes in all. */
const pngOfSize = (size: number) => {
  const file = new Uint8Array(size);
  file.set(PNG.subarray(0, 8));
  return file;
};
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

const upload = (applicationId: string, overrides: Partial<AddKycDocumentInput> = {}): AddKycDocumentInput => ({
  applicationId,
  kind: "id_front",
  fileName: "passport.png",
  bytes: PNG,
  ...overrides,
});

/** Expects an AppError with this code (and field or message, when given). */
async function refused(promise: Promise<unknown>, code: AppError["code"], detail: { field?: string; message?: string | RegExp } = {}) {
  const error = await promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (detail.field) expect((error as AppError).field).toBe(detail.field);
  if (detail.message) expect((error as AppError).message).toMatch(detail.message);
}

const auditRows = (brandId: string, action: string) => db.auditLog.findMany({ where: { brandId, action }, orderBy: { id: "asc" } });

describe("adding a document", () => {
  it("stores a PNG with type, size and hash taken from its bytes, not from the name it came with", async () => {
    const { brand, ops, app } = await desk();
    const { store, files } = await diskStore();
    const row = await addKycDocument(ops.ctx, upload(app.id, { fileName: "C:\\fakepath\\scan.pdf" }), store);

    expect(row).toMatchObject({ kind: "id_front", fileName: "scan.pdf", mimeType: "image/png", sizeBytes: PNG.length, sha256: sha256(PNG), uploadedBy: ops.user.name });
    const stored = await db.kycDocument.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ brandId: brand.id, applicationId: app.id, mimeType: "image/png", sizeBytes: PNG.length, sha256: sha256(PNG), uploadedById: ops.user.id });
    expect(await store.get(stored.storageKey)).toEqual(PNG);
    expect(await files()).toHaveLength(1);
    // The storage key is random, never derived from the file name.
    expect(stored.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);

    // The application moved on (a reviewer must see the new file), with history and audit.
    expect((await db.kycApplication.findUniqueOrThrow({ where: { id: app.id } })).version).toBe(app.version + 1);
    const events = await db.kycEvent.findMany({ where: { applicationId: app.id } });
    expect(events).toEqual([expect.objectContaining({ action: "document_add", actorId: ops.user.id, note: "id_front: scan.pdf" })]);
    const [audit] = await auditRows(brand.id, "kyc.document_add");
    expect(audit).toMatchObject({ entityType: "kyc_application", entityId: app.id, actorId: ops.user.id });
    expect(audit!.after).toMatchObject({ documentId: row.id, mimeType: "image/png", sizeBytes: PNG.length, sha256: sha256(PNG) });
  });

  it("stores a PDF, cleaning a path out of its name, and names a nameless file after its kind and type", async () => {
    const { ops, app } = await desk();
    const { store, files } = await diskStore();
    const pdf = await addKycDocument(ops.ctx, upload(app.id, { kind: "proof_of_address", fileName: "../../etc/bank\u0007 statement.pdf", bytes: PDF }), store);
    expect(pdf).toMatchObject({ kind: "proof_of_address", fileName: "bank statement.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, sha256: sha256(PDF) });
    const nameless = await addKycDocument(ops.ctx, upload(app.id, { kind: "selfie", fileName: "" }), store);
    expect(nameless).toMatchObject({ fileName: "selfie.png", mimeType: "image/png" });
    expect(await files()).toHaveLength(2);
  });

  it("accepts a file of exactly the size limit", async () => {
    const { ops, app } = await desk();
    const { store } = await diskStore();
    const row = await addKycDocument(ops.ctx, upload(app.id, { bytes: pngOfSize(KYC_MAX_DOCUMENT_BYTES) }), store);
    expect(row.sizeBytes).toBe(KYC_MAX_DOCUMENT_BYTES);
  });

  it("refuses bad files and kinds naming the field, another brand's or an unknown application, leaving no row and no file", async () => {
    const { brand, ops, app } = await desk();
    const foreign = await createTestApplication((await createTestBrand()).id);
    const { store, files } = await diskStore();
    const before = await applicationState(app.id);
    const foreignBefore = await applicationState(foreign.id);
    const auditsBefore = await db.auditLog.count({ where: { brandId: brand.id } });

    await refused(addKycDocument(ops.ctx, upload(app.id, { bytes: new Uint8Array() }), store), "VALIDATION", { field: "file", message: "The file is empty" });
    await refused(addKycDocument(ops.ctx, upload(app.id, { bytes: pngOfSize(KYC_MAX_DOCUMENT_BYTES + 1) }), store), "VALIDATION", {
      field: "file",
      message: "The file is larger than 10 MB",
    });
    await refused(addKycDocument(ops.ctx, upload(app.id, { fileName: "passport.png", bytes: HTML }), store), "VALIDATION", {
      field: "file",
      message: "Only JPEG, PNG or WebP images and PDF files are accepted",
    });
    await refused(addKycDocument(ops.ctx, upload(app.id, { kind: "utility_bill" }), store), "VALIDATION", { field: "kind" });
    await refused(addKycDocument(ops.ctx, upload(foreign.id), store), "NOT_FOUND");
    await refused(addKycDocument(ops.ctx, upload(randomUUID()), store), "NOT_FOUND");
    await refused(addKycDocument(ops.ctx, upload("../../etc/passwd"), store), "NOT_FOUND");

    expect(await files()).toEqual([]);
    expect(await applicationState(app.id)).toEqual(before);
    expect(await applicationState(foreign.id)).toEqual(foreignBefore);
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(auditsBefore);
  });

  it("refuses uploads to a decided application, and from a role that may not submit", async () => {
    const { store, files } = await diskStore();
    for (const status of ["approved", "rejected"] as const) {
      const { ops, app } = await desk(status);
      const before = await applicationState(app.id);
      await refused(addKycDocument(ops.ctx, upload(app.id), store), "CONFLICT", { message: `This application is already ${status}; documents can no longer be added` });
      expect(await applicationState(app.id)).toEqual(before);
    }
    const { brand, app } = await desk();
    const support = await member(brand.id, "support");
    const before = await applicationState(app.id);
    await refused(addKycDocument(support.ctx, upload(app.id), store), "FORBIDDEN");
    expect(await applicationState(app.id)).toEqual(before);
    expect(await files()).toEqual([]);
  });

  it("removes the stored file again when the application is decided while the file is being stored", async () => {
    const { ops, app } = await desk();
    const disk = await diskStore();
    // The decision commits between the service's first check and its transaction.
    const racing: DocumentStore = {
      put: async (key, data) => {
        await disk.store.put(key, data);
        await db.kycApplication.update({ where: { id: app.id }, data: { status: "approved", version: { increment: 1 } } });
      },
      get: (key) => disk.store.get(key),
      delete: (key) => disk.store.delete(key),
    };
    await refused(addKycDocument(ops.ctx, upload(app.id), racing), "CONFLICT", { message: /already approved/ });
    expect(await disk.files()).toEqual([]);
    expect(await db.kycDocument.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await db.kycEvent.count({ where: { applicationId: app.id } })).toBe(0);
  });
});

describe("reading a document", () => {
  it("returns the identical bytes and records who viewed which document", async () => {
    const { brand, ops, reviewer, app } = await desk();
    const { store } = await diskStore();
    const pdf = await addKycDocument(ops.ctx, upload(app.id, { kind: "proof_of_address", fileName: "statement.pdf", bytes: PDF }), store);

    const file = await readKycDocument(reviewer.ctx, pdf.id, store);
    expect(file.bytes).toEqual(PDF);
    expect(file.meta).toEqual({
      id: pdf.id,
      applicationId: app.id,
      kind: "proof_of_address",
      fileName: "statement.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
    });
    const views = await auditRows(brand.id, "kyc.document_view");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ entityType: "kyc_application", entityId: app.id, actorId: reviewer.user.id });
    expect(views[0]!.after).toEqual({ documentId: pdf.id, kind: "proof_of_address" });

    await readKycDocument(reviewer.ctx, pdf.id, store);
    expect(await auditRows(brand.id, "kyc.document_view")).toHaveLength(2);
  });

  it("shows nothing to a role without document access, to another brand, or for an unknown id, and audits no view", async () => {
    const { brand, ops, app } = await desk();
    const { store } = await diskStore();
    const row = await addKycDocument(ops.ctx, upload(app.id), store);
    const otherBrand = await createTestBrand();
    const outsider = await member(otherBrand.id);

    await refused(readKycDocument(ops.ctx, row.id, store), "FORBIDDEN");
    await refused(readKycDocument(outsider.ctx, row.id, store), "NOT_FOUND");
    const reviewer = await member(brand.id);
    await refused(readKycDocument(reviewer.ctx, randomUUID(), store), "NOT_FOUND");
    await refused(readKycDocument(reviewer.ctx, "not-a-uuid", store), "NOT_FOUND");
    expect(await auditRows(brand.id, "kyc.document_view")).toEqual([]);
    expect(await auditRows(otherBrand.id, "kyc.document_view")).toEqual([]);
  });

  it("refuses a stored file that no longer matches its hash, and reports a missing one as not found", async () => {
    const { brand, ops, reviewer, app } = await desk();
    const { store, fileOf } = await diskStore();
    const tampered = await addKycDocument(ops.ctx, upload(app.id), store);
    const { storageKey } = await db.kycDocument.findUniqueOrThrow({ where: { id: tampered.id } });
    const swapped = new Uint8Array(PNG);
    swapped[swapped.length - 1] ^= 0xff;
    await writeFile(fileOf(storageKey), swapped);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await refused(readKycDocument(reviewer.ctx, tampered.id, store), "CONFLICT", { message: /no longer matches the one uploaded/ });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(tampered.id));
    errors.mockRestore();
    expect(await auditRows(brand.id, "kyc.document_integrity_failure")).toHaveLength(1);

    const missing = await addKycDocument(ops.ctx, upload(app.id, { kind: "selfie" }), store);
    const { storageKey: missingKey } = await db.kycDocument.findUniqueOrThrow({ where: { id: missing.id } });
    await rm(fileOf(missingKey));
    await refused(readKycDocument(reviewer.ctx, missing.id, store), "NOT_FOUND", { message: "Document file not found" });

    expect(await auditRows(brand.id, "kyc.document_view")).toEqual([]);
  });
});

describe("the document routes", () => {
  type Staff = { id: string };
  /** Signs `user` in for the next route calls: a real session row, validated as on every request. */
  async function signIn(user: Staff | null) {
    if (!user) return void (routeWorld.session = null);
    const row = await db.staffSession.create({ data: { userId: user.id, ip: "127.0.0.1", userAgent: "vitest" } });
    routeWorld.session = await validateSession(db, row.id);
    expect(routeWorld.session).not.toBeNull();
  }

  let disk: Awaited<ReturnType<typeof diskStore>>;
  beforeEach(async () => {
    disk = await diskStore();
    routeWorld.store = disk.store;
  });

  const form = (kind: string | null, file: Uint8Array | null, name = "passport.png") => {
    const body = new FormData();
    if (kind !== null) body.append("kind", kind);
    if (file) body.append("file", new Blob([new Uint8Array(file)]), name);
    return body;
  };
  const post = (applicationId: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
    uploadDocument(
      new Request(`http://localhost/api/kyc/applications/${applicationId}/documents`, { method: "POST", body, headers, duplex: "half" } as RequestInit),
      { params: Promise.resolve({ id: applicationId }) },
    );
  const view = (documentId: string) =>
    viewDocument(new Request(`http://localhost/api/kyc/documents/${documentId}`), { params: Promise.resolve({ id: documentId }) });
  /** Status and JSON body, for the refusals the upload dialog reads. */
  const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as unknown });
  /** A route refusal's JSON (server/http/route.ts): the English message, and the reason the dialog translates. */
  const refusalBody = (code: string, reason: string, error: string, more: { field?: string; params?: Record<string, unknown> } = {}) => ({
    error,
    code,
    reason,
    params: more.params ?? {},
    field: more.field ?? null,
  });

  it("uploads as multipart and answers 200 with the row as JSON, dates as strings", async () => {
    const { ops, app } = await desk();
    await signIn(ops.user);
    const response = await post(app.id, form("id_front", PNG, "passport.png"));
    expect(response.status).toBe(200);
    const row = (await response.json()) as Record<string, unknown>;
    expect(row).toMatchObject({ kind: "id_front", fileName: "passport.png", mimeType: "image/png", sizeBytes: PNG.length, sha256: sha256(PNG), uploadedBy: ops.user.name });
    expect(typeof row.createdAt).toBe("string");
    expect(await db.kycDocument.count({ where: { id: row.id as string } })).toBe(1);
    expect(await disk.files()).toHaveLength(1);
  });

  it("refuses who may not upload before reading the body", async () => {
    const { brand, app } = await desk();
    await signIn(null);
    expect(await answer(await post(app.id, form("id_front", PNG)))).toEqual({ status: 401, body: refusalBody("UNAUTHORIZED", "errors.signIn", "Please sign in") });
    await signIn((await member(brand.id, "support")).user);
    expect(await answer(await post(app.id, form("id_front", PNG)))).toEqual({
      status: 403,
      body: refusalBody("FORBIDDEN", "errors.forbidden", "You do not have permission to do this"),
    });
    const { user: stale } = await createTestStaff({ brandId: brand.id, role: "operations", data: { mustChangePassword: true } });
    await signIn(stale);
    expect((await post(app.id, form("id_front", PNG))).status).toBe(403);
    expect(await disk.files()).toEqual([]);
  });

  it("refuses an oversized body from its Content-Length, or while reading one sent without", async () => {
    const { ops, app } = await desk();
    await signIn(ops.user);
    const tooLarge = {
      status: 413,
      body: refusalBody("VALIDATION", "kyc.errors.fileTooLarge", "The file is larger than 10 MB", { field: "file", params: { max: 10 } }),
    };
    const declared = await post(app.id, form("id_front", PNG), {
      "content-type": "multipart/form-data; boundary=----x",
      "content-length": String(KYC_MAX_DOCUMENT_BYTES + 1024 * 1024),
    });
    expect(await answer(declared)).toEqual(tooLarge);

    // A chunked body with no length: cut off once it passes the limit, never buffered whole.
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect(await answer(await post(app.id, endless, { "content-type": "multipart/form-data; boundary=----x" }))).toEqual(tooLarge);
    expect(sent).toBeLessThan(KYC_MAX_DOCUMENT_BYTES + 4 * 1024 * 1024);
    expect(await disk.files()).toEqual([]);
    expect(await db.kycDocument.count({ where: { applicationId: app.id } })).toBe(0);
  });

  it("maps the service's refusals to statuses with the field the dialog puts them on", async () => {
    const { brand, ops, app } = await desk();
    const approved = await createTestApplication(brand.id, { status: "approved" });
    const foreign = await createTestApplication((await createTestBrand()).id);
    await signIn(ops.user);

    expect(await answer(await post(app.id, JSON.stringify({ kind: "id_front" }), { "content-type": "application/json" }))).toMatchObject({ status: 415 });
    expect(await answer(await post(app.id, form("id_front", null)))).toEqual({
      status: 400,
      body: refusalBody("VALIDATION", "errors.upload.noFile", "Choose a file", { field: "file" }),
    });
    expect(await answer(await post(app.id, form("id_front", HTML, "photo.png")))).toMatchObject({
      status: 400,
      body: { field: "file", reason: "kyc.errors.fileTypeNotAccepted" },
    });
    expect(await answer(await post(app.id, form("id_front", pngOfSize(KYC_MAX_DOCUMENT_BYTES + 1))))).toEqual({
      status: 400,
      body: refusalBody("VALIDATION", "kyc.errors.fileTooLarge", "The file is larger than 10 MB", { field: "file", params: { max: 10 } }),
    });
    expect(await answer(await post(app.id, form(null, PNG)))).toMatchObject({ status: 400, body: { field: "kind", reason: "kyc.errors.documentKindUnknown" } });
    expect(await answer(await post(approved.id, form("id_front", PNG)))).toEqual({
      status: 409,
      body: refusalBody("CONFLICT", "kyc.errors.uploadAfterApproved", "This application is already approved; documents can no longer be added"),
    });
    expect(await answer(await post(foreign.id, form("id_front", PNG)))).toEqual({
      status: 404,
      body: refusalBody("NOT_FOUND", "errors.notFound.application", "Application not found"),
    });
    expect(await disk.files()).toEqual([]);
  });

  it("serves the bytes with their stored type, a clean inline name and headers that keep them inert", async () => {
    const { brand, ops, reviewer, app } = await desk();
    const png = await addKycDocument(ops.ctx, upload(app.id, { fileName: "护照 \"front\".html" }), disk.store);
    const pdf = await addKycDocument(ops.ctx, upload(app.id, { kind: "proof_of_address", fileName: "statement.pdf", bytes: PDF }), disk.store);
    await signIn(reviewer.user);

    const image = await view(png.id);
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    expect(Object.fromEntries(image.headers)).toMatchObject({
      "content-type": "image/png",
      // The saved name ends in what the bytes are: a PNG called .html is not saved as a web page.
      "content-disposition": `inline; filename="__ front.html.png"; filename*=UTF-8''${encodeURIComponent("护照 front.html.png")}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(image.headers.get("content-security-policy")).toMatch(/^default-src 'none';.*\bsandbox$/);
    expect(image.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");

    const served = await view(pdf.id);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PDF);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toBe(`inline; filename="statement.pdf"; filename*=UTF-8''statement.pdf`);
    expect(served.headers.get("content-security-policy")).toMatch(/^default-src 'none'; .*frame-ancestors 'self'/);
    expect(await auditRows(brand.id, "kyc.document_view")).toHaveLength(2);
  });

  it("shows documents only to those allowed, in their own brand", async () => {
    const { ops, app } = await desk();
    const row = await addKycDocument(ops.ctx, upload(app.id), disk.store);
    await signIn(null);
    expect((await view(row.id)).status).toBe(401);
    await signIn(ops.user);
    expect(await answer(await view(row.id))).toEqual({
      status: 403,
      body: refusalBody("FORBIDDEN", "errors.forbidden", "You do not have permission to do this"),
    });
    await signIn((await member((await createTestBrand()).id)).user);
    expect(await answer(await view(row.id))).toEqual({ status: 404, body: refusalBody("NOT_FOUND", "errors.notFound.document", "Document not found") });
    expect((await view(randomUUID())).status).toBe(404);
  });
});
