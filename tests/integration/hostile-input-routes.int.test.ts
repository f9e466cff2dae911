/**
 * Hostile input never answers 5xx from a route handler either: the CSV export (every resource, every
 * filter of its schema in the query string), the KYC upload and viewer, the brand logo and the sign-in
 * enrolment step get the same hostile values as the procedures (tests/helpers/hostile.ts). The answer is
 * below 500; a refusal writes nothing (tests/helpers/write-probe.ts); a 200 delivers its whole body — an
 * export that fails while streaming has already sent its 200 and can only drop the connection.
 * Only next-auth's cookie reading and the KYC document store are replaced.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as enrol } from "@/app/api/auth/enrol/route";
import { GET as exportCsv } from "@/app/api/export/[resource]/route";
import { POST as uploadDocument } from "@/app/api/kyc/applications/[id]/documents/route";
import { GET as viewDocument } from "@/app/api/kyc/documents/[id]/route";
import { GET as brandLogo } from "@/app/brand-logo/[brandId]/route";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { validateSession, type ValidSession } from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import { EXPORTERS } from "@/server/export/registry";
import { LocalDiskStore, type DocumentStore } from "@/server/kyc/storage";
import { createTestApplication } from "../cases/kyc";
import { CANONICAL, describeValue, fieldsOf, HUGE_TEXT, hostileFor, type Field } from "../helpers/hostile";
import { installWriteProbe, type WriteProbe } from "../helpers/write-probe";
import { buildFixture } from "./fixture";

const world = vi.hoisted(() => ({ session: null as ValidSession | null, store: null as DocumentStore | null }));
vi.mock("@/server/auth/next-auth", () => ({ getCurrentStaff: async () => world.session }));
vi.mock("@/server/kyc/storage", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/kyc/storage")>();
  return { ...actual, documentStore: () => world.store! };
});

const RANDOM_RUNS = 20;
const TEXT: Field = { path: ["value"], kind: "text" };
const PNG = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

/** How a hostile value reads in a query string or a path segment. */
const asText = (value: unknown): string =>
  typeof value === "string" ? value : value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : value == null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

let fixture: Awaited<ReturnType<typeof buildFixture>>;
let probe: WriteProbe;
let storeRoot: string;

async function signInAs(role: Role) {
  const row = await db.staffSession.create({ data: { userId: fixture.users[role].id, ip: "127.0.0.1", userAgent: "vitest" } });
  world.session = await validateSession(db, row.id);
}
const roleFor = (permission: Permission) => ROLES.find((r) => r !== "platform_admin" && can(r, permission)) ?? "platform_admin";

/**
 * Runs `send` on hostile values and returns what went wrong: a 5xx (or a throw, which Next answers 500),
 * a refusal that wrote, a 200 whose body could not be read to the end.
 */
async function drive<T>(arbitrary: fc.Arbitrary<T>, examples: T[], send: (value: T) => Promise<Response>, show: (value: T) => string) {
  const problems = new Map<string, string>();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      const mark = await probe.mark();
      const answer = await send(value).then(
        async (res) => ({ status: res.status, body: await res.text().then(() => null, (e: unknown) => `the body failed: ${String(e)}`) }),
        (e: unknown) => ({ status: 500, body: `threw ${String(e).split("\n")[0]}` }),
      );
      const writes = answer.status >= 400 ? await probe.writesSince(mark) : [];
      const problem = answer.status >= 500 ? `${answer.status} ${answer.body ?? ""}` : answer.body ?? (writes.length ? `${answer.status} but wrote ${writes.join(", ")}` : null);
      if (problem && !problems.has(problem.replace(/\d+/g, "#"))) problems.set(problem.replace(/\d+/g, "#"), `${show(value)} → ${problem.slice(0, 200)}`);
    }),
    { numRuns: RANDOM_RUNS + examples.length, examples: examples.map((e): [T] => [e]), seed: 20261121 },
  );
  return [...problems.values()];
}

/** Path segments and form fields arrive as text. */
const textValues = fc.oneof(hostileFor(TEXT, "00000000-0000-0000-0000-000000000000"), fc.constantFrom("------------------------------------", "0".repeat(36))).map(asText);
const textExamples = [...CANONICAL.text, "------------------------------------", "%00"].map(asText);

beforeAll(async () => {
  fixture = await buildFixture();
  probe = await installWriteProbe();
  storeRoot = await mkdtemp(path.join(os.tmpdir(), "brokerdesk-hostile-"));
  world.store = new LocalDiskStore(storeRoot);
});
afterAll(async () => {
  await probe?.remove();
  await rm(storeRoot, { recursive: true, force: true });
});

describe("hostile input to the route handlers", () => {
  it.each(Object.keys(EXPORTERS))("GET /api/export/%s with hostile filters", async (resource) => {
    const exporter = EXPORTERS[resource as keyof typeof EXPORTERS];
    await signInAs(roleFor(exporter.permission));
    const keys = fieldsOf(exporter.schema).filter((f) => f.path.length === 1);
    const query = fc.array(fc.constantFrom(...keys).chain((f) => hostileFor(f, undefined).map((v) => [String(f.path[0]), asText(v)] as const)), { minLength: 1, maxLength: 2 });
    const examples = keys.flatMap((f) => CANONICAL[f.kind].map((v) => [[String(f.path[0]), asText(v)] as const]));
    const problems = await drive(
      query,
      examples,
      (pairs) => exportCsv(new Request(`http://localhost/api/export/${resource}?${new URLSearchParams(pairs.map(([k, v]) => [k, v]))}`), { params: Promise.resolve({ resource }) }),
      (pairs) => pairs.map(([k, v]) => `${k}=${describeValue(v)}`).join("&"),
    );
    expect(problems.length, problems.join("\n")).toBe(0);
  });

  it("GET /api/export/<hostile resource>", async () => {
    await signInAs("admin");
    const problems = await drive(textValues, textExamples, (resource) => exportCsv(new Request("http://localhost/api/export/x"), { params: Promise.resolve({ resource }) }), describeValue);
    expect(problems.length, problems.join("\n")).toBe(0);
  });

  it.each(["platform_admin", "admin"] as const)("GET /brand-logo/<hostile id> as %s", async (role) => {
    await signInAs(role);
    const problems = await drive(textValues, textExamples, (brandId) => brandLogo(new Request("http://localhost/brand-logo/x"), { params: Promise.resolve({ brandId }) }), describeValue);
    expect(problems.length, problems.join("\n")).toBe(0);
  });

  it("GET /api/kyc/documents/<hostile id>", async () => {
    await signInAs(roleFor("kyc.documents"));
    const problems = await drive(textValues, textExamples, (id) => viewDocument(new Request("http://localhost/api/kyc/documents/x"), { params: Promise.resolve({ id }) }), describeValue);
    expect(problems.length, problems.join("\n")).toBe(0);
  });

  it("POST /api/kyc/applications/<id>/documents with hostile ids, kinds and file names; what it stores can be viewed", async () => {
    const application = await createTestApplication(fixture.brandA.id, { status: "submitted" });
    const upload = fc.record({ field: fc.constantFrom("id", "kind", "fileName"), value: textValues });
    const examples = (["id", "kind", "fileName"] as const).flatMap((field) => textExamples.map((value) => ({ field, value })));
    await signInAs(ROLES.find((r) => r !== "platform_admin" && can(r, "kyc.submit") && can(r, "kyc.documents"))!);
    const problems = await drive(
      upload,
      examples,
      async ({ field, value }) => {
        const id = field === "id" ? value : application.id;
        const body = new FormData();
        body.append("kind", field === "kind" ? value : "other");
        body.append("file", new Blob([PNG]), field === "fileName" ? value : "scan.png");
        const res = await uploadDocument(new Request("http://localhost/api/kyc/applications/x/documents", { method: "POST", body }), { params: Promise.resolve({ id }) });
        if (res.status !== 200) return res;
        // Stored: the viewer must be able to serve it, whatever its name was.
        const { id: documentId } = (await res.json()) as { id: string };
        return viewDocument(new Request("http://localhost/api/kyc/documents/x"), { params: Promise.resolve({ id: documentId }) });
      },
      ({ field, value }) => `${field}=${describeValue(value)}`,
    );
    expect(problems.length, problems.join("\n")).toBe(0);
  });

  it("POST /api/auth/enrol refuses malformed credentials before looking anyone up", async () => {
    world.session = null;
    // Values the edge must refuse whatever else is sent; well-formed ones record a failed sign-in by design.
    const malformed = fc.oneof(fc.constantFrom("a\0b", "\uD800", "x\uDFFF", "\u0007", HUGE_TEXT), fc.constantFrom(null, 1, {}, []));
    const body = fc.record({ field: fc.constantFrom("email", "password"), value: malformed });
    const examples = (["email", "password"] as const).flatMap((field) => ["a\0b", "\uD800", HUGE_TEXT].map((value) => ({ field, value })));
    const problems = await drive(
      body,
      examples,
      ({ field, value }) =>
        enrol(
          new Request("http://localhost/api/auth/enrol", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email: "nobody@example.test", password: "Not-the-password-1", [field]: value }),
          }),
          { params: Promise.resolve({}) },
        ),
      ({ field, value }) => `${field}=${describeValue(value)}`,
    );
    expect(problems.length, problems.join("\n")).toBe(0);
  });
});
