/**
 * KYC demo data: each demo brand's default rejection reasons and corporate countries, and applications in
 * every state — several submitted (some over the SLA), in review, more information requested, a
 * resubmission, a level 3 first-approved by compliance@ waiting for compliance2@, and approved and
 * rejected history — each with sample document files (./sample-documents.ts).
 *
 * A customer's KYC level changes only through an approved application, and the customers seed creates
 * everyone at level 0. So every customer planned at a level (CustomerSpec.kycLevel) first gets approved
 * applications reaching it — level 1 to open a trading account, level 2 for withdrawals, level 3 high
 * value (or corporate, for institutional customers where the brand accepts them) — placed between their
 * registration and their first planned application (or their freeze), before the plans below run.
 *
 * Everything goes through the services, as the desks' staff would do it (operations submits and uploads,
 * the two compliance reviewers claim and decide), so statuses, versions, history events, audit rows,
 * stored files (real key, size, type, SHA-256) and customers' KYC levels are exactly what the app makes.
 * A customer uploads the same identity files to each of their applications (drawn once per customer).
 * Afterwards the application's own times (submitted, claimed, decided, its events and documents) are
 * moved back to the planned ones, so the queue shows realistic ages; each step runs under replayAt
 * (server/clock.ts) so its audit rows are written, and hashed, with that planned time too.
 *
 * Re-running: an application is matched by its customer and its place in that customer's plan; planned
 * steps not yet in its history are done, anything a person did meanwhile is left alone. A database seeded
 * before levels came from approvals has its customers' levels brought down to what their approved
 * applications give (audited), so the invariant holds there too.
 */
import { systemActor, type StaffActor, type TenantContext } from "../../server/actor";
import { recordAudit } from "../../server/audit/audit";
import { replayAt } from "../../server/clock";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "../../server/db/client";
import { AppError } from "../../server/errors";
import { addKycDocument } from "../../server/kyc/documents";
import { requiredDocuments, ZSubmitKycInput, type KycApplicant, type KycDocumentKind, type KycScenario } from "@/lib/kyc/schemas";
import { claimKycApplication } from "../../server/kyc/assignment";
import { approveKycApplication, rejectKycApplication, requestKycInformation } from "../../server/kyc/decisions";
import { ensureDefaultReasons, getKycSettings, updateKycSettings } from "../../server/kyc/settings";
import { resubmitKycApplication, submitKycApplication } from "../../server/kyc/submit";
import { DEMO_BRANDS, type DemoBrandSlug } from "../demo-accounts";
import { customerSpecs, seededRandom, specKey, type CustomerSpec } from "./customers";
import { DEMO_CUSTOMERS } from "./demo-customers";
import { sampleDocument, type SampleDocument, type SampleSubject } from "./sample-documents";

type Reviewer = "compliance" | "compliance2";
type Step =
  | { upload: KycDocumentKind }
  | { by: Reviewer; do: "claim" }
  | { by: Reviewer; do: "approve"; note?: string }
  | { by: Reviewer; do: "reject"; reason: string; note?: string }
  | { by: Reviewer; do: "requestInfo"; note: string }
  /** The customer answered: operations resubmits on their behalf. */
  | { do: "resubmit"; note?: string };

/** One application and what happens to it. */
interface Planned {
  level: 1 | 2 | 3;
  scenario: KycScenario;
  /** Hours since it was (first) submitted. */
  ageHours: number;
  /** Hours from submission to its last step; by default a few hours to two days, varying by age. */
  spanHours?: number;
  steps: Step[];
}

/** A planned application of a well-known or picked customer. */
interface Assigned extends Planned {
  /** A DEMO_CUSTOMERS key, or a generated customer: the same pick number is the same customer. */
  customer: string | { pick: number };
}

const DAY = 24;
const uploads = (level: number, scenario: KycScenario): Step[] => requiredDocuments(level, scenario).map((kind) => ({ upload: kind }));
/** Documents, a claim and an approval; level 3 gets its second approval from the other reviewer. */
const approved = (level: 1 | 2 | 3, scenario: KycScenario, by: Reviewer, note?: string): Step[] => {
  const other: Reviewer = by === "compliance" ? "compliance2" : "compliance";
  return [
    ...uploads(level, scenario),
    { by, do: "claim" },
    { by, do: "approve", note },
    ...(level === 3 ? ([{ by: other, do: "claim" }, { by: other, do: "approve", note: "Second approval." }] as Step[]) : []),
  ];
};
const rejected = (level: 1 | 2 | 3, scenario: KycScenario, by: Reviewer, reason: string, note: string): Step[] => [
  ...uploads(level, scenario),
  { by, do: "claim" },
  { by, do: "reject", reason, note },
];
const open = (level: 1 | 2 | 3, scenario: KycScenario, customer: string, ageHours: number): Assigned => ({
  customer,
  level,
  scenario,
  ageHours,
  steps: uploads(level, scenario),
});

/**
 * The applications people and e2e tests look for. Each customer's come after the approved history that
 * brings them to their planned level, so a `{ pick }` is a generated customer one level below the plan.
 */
const PLANS: Record<DemoBrandSlug, Assigned[]> = {
  aurora: [
    open(1, "open_trading_account", "linMei", 2),
    open(1, "open_trading_account", "oliverBennett", 5),
    open(2, "withdrawal", "kimMinjun", 12),
    open(3, "corporate_account", "aishaRahman", 8),
    open(2, "withdrawal", "chenJie", 30),
    open(2, "open_trading_account", "fatimaZahra", 52),
    { customer: { pick: 1 }, level: 1, scenario: "open_trading_account", ageHours: 75, steps: uploads(1, "open_trading_account") },
    {
      customer: "sofiaRossi",
      level: 1,
      scenario: "open_trading_account",
      ageHours: 40,
      spanHours: 38,
      steps: [
        { upload: "id_front" },
        { upload: "id_back" },
        { by: "compliance2", do: "claim" },
        { by: "compliance2", do: "requestInfo", note: "The selfie is missing: please send a photo of yourself holding your ID." },
        { upload: "selfie" },
        { do: "resubmit", note: "Selfie received by email and uploaded for the customer." },
      ],
    },
    { customer: "priyaNair", level: 2, scenario: "withdrawal", ageHours: 20, spanHours: 17, steps: [...uploads(2, "withdrawal"), { by: "compliance", do: "claim" }] },
    {
      customer: "carlosMendes",
      level: 2,
      scenario: "open_trading_account",
      ageHours: 60,
      spanHours: 30,
      steps: [
        ...uploads(2, "open_trading_account"),
        { by: "compliance2", do: "claim" },
        {
          by: "compliance2",
          do: "requestInfo",
          note: "The proof of address is older than three months: please send a utility bill or bank statement from the last three months.",
        },
      ],
    },
    {
      customer: "noahFischer",
      level: 3,
      scenario: "high_value",
      ageHours: 10,
      spanHours: 4,
      steps: [
        ...uploads(3, "high_value"),
        { by: "compliance", do: "claim" },
        { by: "compliance", do: "approve", note: "Source of funds checked against two years of bank statements." },
      ],
    },
    // History.
    { customer: { pick: 2 }, level: 1, scenario: "open_trading_account", ageHours: 300 * DAY, steps: approved(1, "open_trading_account", "compliance") },
    { customer: { pick: 3 }, level: 1, scenario: "open_trading_account", ageHours: 210 * DAY, steps: approved(1, "open_trading_account", "compliance2") },
    { customer: { pick: 4 }, level: 2, scenario: "withdrawal", ageHours: 200 * DAY, steps: approved(2, "withdrawal", "compliance") },
    { customer: { pick: 5 }, level: 1, scenario: "open_trading_account", ageHours: 150 * DAY, steps: approved(1, "open_trading_account", "compliance") },
    {
      customer: { pick: 6 },
      level: 3,
      scenario: "high_value",
      ageHours: 120 * DAY,
      steps: approved(3, "high_value", "compliance2", "Source of wealth: sale of a business, contract on file."),
    },
    {
      customer: { pick: 7 },
      level: 1,
      scenario: "open_trading_account",
      ageHours: 100 * DAY,
      steps: rejected(1, "open_trading_account", "compliance", "document_unreadable", "The ID photo is blurred; the number cannot be read."),
    },
    { customer: { pick: 8 }, level: 1, scenario: "open_trading_account", ageHours: 90 * DAY, steps: approved(1, "open_trading_account", "compliance2") },
    { customer: { pick: 9 }, level: 2, scenario: "withdrawal", ageHours: 80 * DAY, steps: approved(2, "withdrawal", "compliance2") },
    {
      customer: { pick: 10 },
      level: 1,
      scenario: "open_trading_account",
      ageHours: 70 * DAY,
      steps: rejected(1, "open_trading_account", "compliance2", "sanctions_match", "Name and date of birth match a sanctions list entry; escalated to the MLRO."),
    },
    {
      customer: { pick: 11 },
      level: 3,
      scenario: "corporate_account",
      ageHours: 60 * DAY,
      steps: approved(3, "corporate_account", "compliance", "Ownership structure verified; one beneficial owner above 25 %."),
    },
    { customer: { pick: 12 }, level: 1, scenario: "open_trading_account", ageHours: 45 * DAY, steps: approved(1, "open_trading_account", "compliance") },
    {
      customer: { pick: 13 },
      level: 1,
      scenario: "withdrawal",
      ageHours: 40 * DAY,
      steps: rejected(1, "withdrawal", "compliance", "document_expired", "The passport expired last year."),
    },
    { customer: { pick: 13 }, level: 1, scenario: "withdrawal", ageHours: 35 * DAY, steps: approved(1, "withdrawal", "compliance2", "New passport provided.") },
    {
      customer: { pick: 14 },
      level: 2,
      scenario: "open_trading_account",
      ageHours: 33 * DAY,
      steps: rejected(2, "open_trading_account", "compliance2", "name_mismatch", "The utility bill is in another person's name."),
    },
    { customer: { pick: 15 }, level: 2, scenario: "open_trading_account", ageHours: 20 * DAY, steps: approved(2, "open_trading_account", "compliance") },
    { customer: { pick: 16 }, level: 1, scenario: "open_trading_account", ageHours: 12 * DAY, steps: approved(1, "open_trading_account", "compliance2") },
    {
      customer: { pick: 17 },
      level: 1,
      scenario: "open_trading_account",
      ageHours: 6 * DAY,
      steps: rejected(1, "open_trading_account", "compliance", "selfie_mismatch", "The selfie does not show the person in the ID photo."),
    },
  ],
  borealis: [
    open(1, "open_trading_account", "mateoGarcia", 3),
    open(2, "withdrawal", "yukiSato", 40),
    {
      customer: "ingridLarsen",
      level: 3,
      scenario: "high_value",
      ageHours: 14,
      spanHours: 6,
      steps: [...uploads(3, "high_value"), { by: "compliance", do: "claim" }, { by: "compliance", do: "approve", note: "Source of funds verified." }],
    },
    { customer: "tomBecker", level: 1, scenario: "open_trading_account", ageHours: 9, spanHours: 2, steps: [...uploads(1, "open_trading_account"), { by: "compliance2", do: "claim" }] },
    {
      customer: "nadiaPetrova",
      level: 2,
      scenario: "open_trading_account",
      ageHours: 70,
      spanHours: 40,
      steps: [
        ...uploads(2, "open_trading_account"),
        { by: "compliance", do: "claim" },
        { by: "compliance", do: "requestInfo", note: "The utility bill is in another name; please send one in your own name." },
      ],
    },
    { customer: { pick: 1 }, level: 1, scenario: "open_trading_account", ageHours: 150 * DAY, steps: approved(1, "open_trading_account", "compliance") },
    { customer: { pick: 2 }, level: 2, scenario: "withdrawal", ageHours: 100 * DAY, steps: approved(2, "withdrawal", "compliance2") },
    { customer: { pick: 3 }, level: 1, scenario: "open_trading_account", ageHours: 60 * DAY, steps: approved(1, "open_trading_account", "compliance2") },
    {
      customer: { pick: 4 },
      level: 1,
      scenario: "open_trading_account",
      ageHours: 30 * DAY,
      steps: rejected(1, "open_trading_account", "compliance", "document_expired", "The ID card expired two months ago."),
    },
    { customer: { pick: 5 }, level: 1, scenario: "open_trading_account", ageHours: 15 * DAY, steps: approved(1, "open_trading_account", "compliance") },
    {
      customer: { pick: 6 },
      level: 2,
      scenario: "withdrawal",
      ageHours: 8 * DAY,
      steps: rejected(2, "withdrawal", "compliance2", "address_unverified", "The address does not exist in the postal register."),
    },
  ],
};

/** Countries each brand accepts corporate accounts from (set only while the brand's list is empty). */
const CORPORATE_COUNTRIES: Record<DemoBrandSlug, string[]> = { aurora: ["AE", "CH", "GB", "HK", "SG"], borealis: ["DE", "GB", "NL", "SG"] };

// ── Applicants ──────────────────────────────────────────────────────────────────────────────────

const CITY: Record<string, string> = {
  CN: "Shanghai", SG: "Singapore", HK: "Hong Kong", GB: "London", DE: "Berlin", AE: "Dubai", JP: "Tokyo", KR: "Seoul",
  AU: "Sydney", VN: "Ho Chi Minh City", MY: "Kuala Lumpur", IN: "Mumbai", TH: "Bangkok", ID: "Jakarta", FR: "Paris",
  CA: "Toronto", BR: "Sao Paulo", NL: "Amsterdam", CH: "Zurich", IT: "Milan", ES: "Madrid", TR: "Istanbul", PH: "Manila",
  NG: "Lagos", ZA: "Cape Town", BG: "Sofia",
};
const STREETS = ["Harbour Road", "Station Street", "Park Avenue", "Market Lane", "Garden Road", "River Walk", "Hill Street", "Bay View"];
const COMPANY_SUFFIX: Record<string, string> = { SG: "Pte. Ltd.", HK: "Limited", GB: "Ltd", AE: "FZ-LLC", CH: "AG", DE: "GmbH", NL: "B.V." };

/** Who a customer is on paper: the same person (and company) on every application they make. */
interface Identity {
  applicant: KycApplicant & { address: string; companyName: string; companyRegistrationNumber: string };
  subject: SampleSubject;
}

function identityOf(spec: CustomerSpec, seed: string): Identity {
  const rng = seededRandom(seed);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join("");
  const letter = () => String.fromCharCode(65 + Math.floor(rng() * 26));
  const birth = new Date(Date.UTC(1962 + Math.floor(rng() * 42), Math.floor(rng() * 12), 1 + Math.floor(rng() * 28)));
  const dateOfBirth = birth.toISOString().slice(0, 10);
  const idType = spec.country === "CN" ? "national_id" : ["GB", "AU", "CA"].includes(spec.country) && rng() < 0.3 ? "driving_licence" : "passport";
  const idNumber =
    idType === "national_id" ? `310${digits(3)}${dateOfBirth.replaceAll("-", "")}${digits(4)}` : idType === "passport" ? `${letter()}${digits(8)}` : `${letter()}${letter()}${digits(7)}`;
  const address = `${1 + Math.floor(rng() * 180)} ${STREETS[Math.floor(rng() * STREETS.length)]}, ${CITY[spec.country] ?? spec.country}`;
  const surname = spec.latinName.split(" ").at(-1)!;
  const companyName = `${surname} ${["Capital", "Digital Assets", "Trading", "Ventures"][Math.floor(rng() * 4)]} ${COMPANY_SUFFIX[spec.country] ?? "Ltd"}`;
  const companyRegistrationNumber = `${new Date().getUTCFullYear() - 1 - Math.floor(rng() * 8)}${digits(5)}${letter()}`;
  return {
    applicant: { fullName: spec.name, dateOfBirth, idType, idNumber, address, companyName, companyRegistrationNumber },
    subject: { name: spec.latinName, country: spec.country, idType, idNumber, dateOfBirth, address, companyName, companyRegistrationNumber, seed: Math.floor(rng() * 2 ** 31) },
  };
}

/** What the customer declares on one application: an address from level 2, company details for a corporate account. */
function applicantFor({ applicant }: Identity, level: number, scenario: KycScenario): KycApplicant {
  const { address, companyName, companyRegistrationNumber, ...person } = applicant;
  const corporate = scenario === "corporate_account";
  return {
    ...person,
    address: level >= 2 || corporate ? address : undefined,
    companyName: corporate ? companyName : undefined,
    companyRegistrationNumber: corporate ? companyRegistrationNumber : undefined,
  };
}

// ── Approved history ────────────────────────────────────────────────────────────────────────────

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const HISTORY_NOTES: Record<KycScenario, (string | undefined)[]> = {
  open_trading_account: [undefined, undefined, "ID checked against the issuing country's format; selfie matches."],
  withdrawal: [undefined, "Utility bill from last month, name and address match.", "Proof of address is recent and in the customer's name."],
  high_value: ["Source of funds: salary and investment income, statements on file.", "Source of wealth checked against two years of tax returns."],
  corporate_account: ["Registry extract and ownership register checked; the customer controls 75 % of the company."],
};

/**
 * Approved applications taking a customer from 0 to their planned level, one per level, spread between
 * shortly after registration and `until` (their first planned application) — and before a freeze, which
 * would have stopped the review. Deterministic per customer.
 */
function historyOf(desk: Desk, spec: CustomerSpec, until: number): Planned[] {
  if (spec.kycLevel > 0 && spec.status === "closed") throw new Error(`${spec.name} (${desk.slug}) is closed: no application can raise their level`);
  const rng = seededRandom(`brokerdesk-demo-kyc-history:${desk.slug}:${specKey(spec)}`);
  const from = spec.registeredAt.getTime();
  const end = Math.min(until, spec.statusChangedAt?.getTime() ?? Infinity, desk.now) - HOUR_MS;
  // Most customers apply within hours of registering.
  let start = from + Math.min((0.25 + 8 * rng() ** 2) * HOUR_MS, 0.2 * (end - from));
  const plans: Planned[] = [];
  for (let level = 1; level <= spec.kycLevel; level++) {
    const left = spec.kycLevel - level + 1;
    if (level > 1) start += ((end - start) * (0.1 + 0.6 * rng())) / left;
    start = Math.ceil(start / MINUTE_MS) * MINUTE_MS;
    const spanHours = Math.min(1 + 30 * rng(), (0.5 * (end - start)) / left / HOUR_MS);
    if (!(spanHours >= 0.25)) throw new Error(`No room for ${spec.name}'s level ${level} KYC history (${desk.slug})`);
    const scenario: KycScenario =
      level === 1
        ? "open_trading_account"
        : level === 2
          ? "withdrawal"
          : spec.group === "Institutional" && CORPORATE_COUNTRIES[desk.slug].includes(spec.country)
            ? "corporate_account"
            : "high_value";
    const by: Reviewer = rng() < 0.5 ? "compliance" : "compliance2";
    const notes = HISTORY_NOTES[scenario];
    const note = notes[Math.floor(rng() * notes.length)];
    plans.push({ level: level as 1 | 2 | 3, scenario, ageHours: (desk.now - start) / HOUR_MS, spanHours, steps: approved(level as 1 | 2 | 3, scenario, by, note) });
    start += spanHours * HOUR_MS;
  }
  return plans;
}

// ── Running the plans ───────────────────────────────────────────────────────────────────────────

/** Customers worked on at once (the app's pool has 10 connections). */
const PARALLEL = 4;

/** The history event each step writes (service action minus "kyc."). */
function eventOf(step: Step): string[] {
  if ("upload" in step) return ["document_add"];
  switch (step.do) {
    case "claim":
      return ["claim"];
    case "approve":
      return ["approve_first", "approve"];
    case "reject":
      return ["reject"];
    case "requestInfo":
      return ["request_info"];
    case "resubmit":
      return ["resubmit"];
  }
}

interface Desk {
  db: Db;
  brandId: string;
  slug: DemoBrandSlug;
  staff: Record<"ops" | Reviewer, TenantContext>;
  now: number;
}

interface Tally {
  created: number;
  /** Of `created`: approved history that brings customers to their planned level. */
  history: number;
  resumed: number;
  leftAlone: number;
  documents: number;
}

/** An application already in the database: its version and the actions of its history, oldest first. */
interface Existing {
  id: string;
  version: number;
  actions: string[];
}

/** A customer's part of the run: their row, who they are on paper and their files (drawn once). */
interface Applicant {
  customerId: string;
  spec: CustomerSpec;
  identity: Identity;
  files: Map<KycDocumentKind, SampleDocument>;
}

async function staffContext(db: Db, brandId: string, email: string): Promise<TenantContext> {
  const user = await db.staffUser.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, brandId: true } });
  if (!user) throw new Error(`Demo staff ${email} is missing: the foundation seed runs first`);
  // No session behind the seed's staff (like a login attempt's context): nothing here reads one.
  const actor: StaffActor = { type: "staff", id: user.id, email: user.email, name: user.name, role: user.role as Role, brandId: user.brandId, sessionId: "" };
  return { db, actor, tenantId: brandId, request: { ip: null, userAgent: "brokerdesk demo seed" } };
}

/** Generated customers for the `{ pick }` plans: active, with an email, below the level, registered well before. */
function pickCustomers(desk: Desk, plans: Assigned[], specs: CustomerSpec[]): Map<number, CustomerSpec> {
  const rng = seededRandom(`brokerdesk-demo-kyc:${desk.slug}`);
  const pool = specs.filter((s) => s.demoKey === null && s.status === "active" && s.email !== null);
  // A seeded shuffle, so picks are spread over the customer list rather than the oldest few.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const picked = new Map<number, CustomerSpec>();
  for (const plan of plans) {
    if (typeof plan.customer !== "object" || picked.has(plan.customer.pick)) continue;
    const appliedAt = desk.now - plan.ageHours * HOUR_MS;
    const spec = pool.find(
      (s) =>
        ![...picked.values()].includes(s) &&
        s.kycLevel === plan.level - 1 &&
        s.registeredAt.getTime() < appliedAt - 2 * DAY * HOUR_MS &&
        (plan.scenario !== "corporate_account" || CORPORATE_COUNTRIES[desk.slug].includes(s.country)),
    );
    if (!spec) throw new Error(`No generated ${desk.slug} customer fits KYC pick ${plan.customer.pick}`);
    picked.set(plan.customer.pick, spec);
  }
  return picked;
}

/** Each customer's applications in order: approved history up to their planned level, then their plans. */
function customerPlans(desk: Desk, specs: CustomerSpec[]): Map<CustomerSpec, { plans: Planned[]; history: number }> {
  const plans = PLANS[desk.slug];
  const picked = pickCustomers(desk, plans, specs);
  const demo = DEMO_CUSTOMERS[desk.slug] as Record<string, { email: string }>;
  const assigned = new Map<CustomerSpec, Planned[]>();
  for (const plan of plans) {
    const spec = typeof plan.customer === "object" ? picked.get(plan.customer.pick)! : specs.find((s) => s.email === demo[plan.customer as string].email)!;
    assigned.set(spec, [...(assigned.get(spec) ?? []), plan]);
  }
  const result = new Map<CustomerSpec, { plans: Planned[]; history: number }>();
  for (const spec of specs) {
    const own = (assigned.get(spec) ?? []).toSorted((a, b) => b.ageHours - a.ageHours);
    // The history ends a few hours before the first planned application.
    const until = own.length ? desk.now - (own[0].ageHours + 6) * HOUR_MS : desk.now;
    const history = spec.kycLevel > 0 ? historyOf(desk, spec, until) : [];
    if (history.length + own.length) result.set(spec, { plans: [...history, ...own], history: history.length });
  }
  return result;
}

/** Returns the application's version after the step, or null when the service does not say (an upload). */
async function perform(desk: Desk, applicationId: string, version: number | null, step: Step, who: Applicant): Promise<number | null> {
  if ("upload" in step) {
    let file = who.files.get(step.upload);
    if (!file) who.files.set(step.upload, (file = sampleDocument(step.upload, who.identity.subject)));
    await addKycDocument(desk.staff.ops, { applicationId, kind: step.upload, fileName: file.fileName, bytes: file.bytes });
    return null;
  }
  const ref = {
    id: applicationId,
    version: version ?? (await desk.db.kycApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } })).version,
  };
  switch (step.do) {
    case "claim":
      return (await claimKycApplication(desk.staff[step.by], ref)).version;
    case "approve":
      return (await approveKycApplication(desk.staff[step.by], { ...ref, note: step.note })).version;
    case "reject":
      return (await rejectKycApplication(desk.staff[step.by], { ...ref, reasonCode: step.reason, note: step.note })).version;
    case "requestInfo":
      return (await requestKycInformation(desk.staff[step.by], { ...ref, note: step.note })).version;
    case "resubmit":
      return (await resubmitKycApplication(desk.staff.ops, { ...ref, note: step.note })).version;
  }
}

/**
 * Moves the application's own times to the plan's: submitted `ageHours` ago, the first uploads minutes
 * later, later steps spread over `spanHours` (plannedTimes; the audit rows were written at those times). Events and
 * documents are moved in one statement each, the seed's hottest path.
 */
/**
 * When each of the application's events happened by the plan, for event actions in order (submission
 * first): submitted `ageHours` ago, the first uploads two minutes apart, later steps spread over `spanHours`.
 */
function plannedTimes(plan: Planned, actions: readonly string[], now: number): Date[] {
  const t0 = Math.round(now - plan.ageHours * HOUR_MS);
  const span = (plan.spanHours ?? Math.min(plan.ageHours * 0.8, 3 + ((plan.ageHours * 7) % 45))) * HOUR_MS;
  const leading = actions.slice(1).findIndex((a) => a !== "document_add");
  const firstUploads = leading === -1 ? actions.length - 1 : leading;
  const later = actions.length - 1 - firstUploads;
  return actions.map((_, i) =>
    i <= firstUploads ? new Date(t0 + i * 2 * MINUTE_MS) : new Date(Math.round(t0 + (span * (i - firstUploads)) / later)),
  );
}

async function backdate(db: Db, applicationId: string, plan: Planned, now: number) {
  const order = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const app = await db.kycApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      assigneeId: true,
      firstApproverId: true,
      decidedById: true,
      events: { orderBy: order, select: { id: true, action: true } },
      documents: { orderBy: order, select: { id: true } },
    },
  });
  const { events, documents } = app;
  const times = plannedTimes(plan, events.map((e) => e.action), now);
  const uploadTimes = times.filter((_, i) => events[i].action === "document_add");
  const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
  await db.$executeRaw`
    UPDATE kyc_event SET created_at = v.at
    FROM unnest(${events.map((e) => e.id)}::uuid[], ${iso(times)}::timestamptz[]) AS v(id, at)
    WHERE kyc_event.id = v.id`;
  if (documents.length) {
    await db.$executeRaw`
      UPDATE kyc_document SET created_at = v.at
      FROM unnest(${documents.map((d) => d.id)}::uuid[], ${iso(documents.map((_, i) => uploadTimes[i] ?? times[0]))}::timestamptz[]) AS v(id, at)
      WHERE kyc_document.id = v.id`;
  }
  const lastOf = (...actions: string[]) => {
    const i = events.findLastIndex((e) => actions.includes(e.action));
    return i === -1 ? null : times[i];
  };
  await db.kycApplication.update({
    where: { id: applicationId },
    data: {
      createdAt: times[0],
      submittedAt: lastOf("resubmit") ?? times[0],
      assignedAt: app.assigneeId ? lastOf("claim", "assign") : null,
      firstApprovedAt: app.firstApproverId ? lastOf("approve_first") : null,
      decidedAt: app.decidedById ? lastOf("approve", "reject") : null,
      updatedAt: times[times.length - 1],
    },
  });
}

async function runPlan(desk: Desk, who: Applicant, plan: Planned, existing: Existing | undefined, tally: Tally, history: boolean) {
  // Each step's audit rows carry its planned time, like the events and documents moved by backdate().
  const at = plannedTimes(plan, ["submit", ...plan.steps.map((step) => eventOf(step)[0])], desk.now);
  let id = existing?.id;
  let version = existing?.version ?? null;
  if (!id) {
    try {
      // Parsed like the procedure's input, so the demo applicants obey the same rules.
      const input = ZSubmitKycInput.parse({
        customerId: who.customerId,
        level: plan.level,
        scenario: plan.scenario,
        country: who.spec.country,
        applicant: applicantFor(who.identity, plan.level, plan.scenario),
      });
      const app = await replayAt(at[0], () => submitKycApplication(desk.staff.ops, input));
      [id, version] = [app.id, app.version];
      tally.created++;
      if (history) tally.history++;
    } catch (error) {
      // Someone opened an application for this customer meanwhile (or raised their level): theirs stands.
      if (error instanceof AppError) return void tally.leftAlone++;
      throw error;
    }
  }
  const done = existing?.actions.slice(1) ?? [];
  const matches = done.every((action, i) => i < plan.steps.length && eventOf(plan.steps[i]).includes(action));
  if (!matches) return void tally.leftAlone++;
  const remaining = plan.steps.slice(done.length);
  if (remaining.length && existing) tally.resumed++;
  for (const [i, step] of remaining.entries()) {
    const applicationId = id;
    version = await replayAt(at[done.length + i + 1], () => perform(desk, applicationId, version, step, who));
    if ("upload" in step) tally.documents++;
  }
  if (remaining.length || !existing) await backdate(desk.db, id, plan, desk.now);
}

/**
 * Databases seeded before levels came from approvals hold customers above what their approved
 * applications give. Brings each down to that (audited like the service's level change, with the
 * reason), so the plans can take them up again; a fresh database has none.
 */
async function repairLevels(desk: Desk): Promise<number> {
  const wrong = await desk.db.$queryRaw<{ id: string; kyc_level: number; approved: number }[]>`
    SELECT c.id, c.kyc_level, COALESCE(MAX(a.level) FILTER (WHERE a.status = 'approved'), 0)::int AS approved
    FROM customer c LEFT JOIN kyc_application a ON a.customer_id = c.id AND a.brand_id = c.brand_id
    WHERE c.brand_id = ${desk.brandId}::uuid
    GROUP BY c.id
    HAVING c.kyc_level > COALESCE(MAX(a.level) FILTER (WHERE a.status = 'approved'), 0)
    ORDER BY c.uid`;
  const who = { actor: systemActor("seed"), request: { ip: null, userAgent: null } };
  for (const c of wrong) {
    await desk.db.$transaction(async (tx) => {
      const { count } = await tx.customer.updateMany({ where: { id: c.id, brandId: desk.brandId, kycLevel: c.kyc_level }, data: { kycLevel: c.approved } });
      if (count === 0) return;
      await recordAudit(tx, who, {
        brandId: desk.brandId,
        action: "customer.kyc_level",
        entityType: "customer",
        entityId: c.id,
        before: { kycLevel: c.kyc_level },
        after: { kycLevel: c.approved, reason: "Demo data: a level is only reached through an approved application" },
      });
    });
  }
  return wrong.length;
}

async function seedBrand(db: Db, slug: DemoBrandSlug, now: number): Promise<string> {
  const brand = await db.brand.findUnique({ where: { slug }, select: { id: true } });
  if (!brand) throw new Error(`Brand "${slug}" is missing: the foundation seed runs first`);
  const staff = {
    ops: await staffContext(db, brand.id, `ops@${slug}.demo`),
    compliance: await staffContext(db, brand.id, `compliance@${slug}.demo`),
    compliance2: await staffContext(db, brand.id, `compliance2@${slug}.demo`),
  };
  const desk: Desk = { db, brandId: brand.id, slug, staff, now };

  const reasonsBefore = await db.kycRejectionReason.count({ where: { brandId: brand.id } });
  await ensureDefaultReasons({ db, tenantId: brand.id, actor: systemActor("seed"), request: { ip: null, userAgent: null } });
  const settings = await getKycSettings(staff.compliance);
  if (settings.corporateCountries.length === 0) {
    await updateKycSettings(staff.compliance, { corporateCountries: CORPORATE_COUNTRIES[slug], slaHours: settings.slaHours });
  }
  const repaired = await repairLevels(desk);

  const byCustomer = customerPlans(desk, customerSpecs(slug, new Date(now)));
  // What is already there, read once: a second run then costs two queries, not a few per application.
  const customers = await db.customer.findMany({ where: { brandId: brand.id }, select: { id: true, email: true, phoneCountryCode: true, phone: true } });
  const customerId = new Map(customers.flatMap((c) => [[c.email, c.id], [`${c.phoneCountryCode} ${c.phone}`, c.id]] as const));
  const applications = await db.kycApplication.findMany({
    where: { brandId: brand.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, customerId: true, version: true, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } } },
  });
  const existing = new Map<string, Existing[]>();
  for (const a of applications) existing.set(a.customerId, [...(existing.get(a.customerId) ?? []), { id: a.id, version: a.version, actions: a.events.map((e) => e.action) }]);

  const tally: Tally = { created: 0, history: 0, resumed: 0, leftAlone: 0, documents: 0 };
  // A customer's applications in order; different customers side by side (the seed waits on the
  // database far more than it computes).
  const queue = [...byCustomer];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [spec, { plans, history }] = next;
      const id = customerId.get(specKey(spec)) ?? customerId.get(`${spec.phoneCountryCode} ${spec.phone}`);
      if (!id) throw new Error(`Customer ${specKey(spec)} of ${slug} is missing: the customers seed runs first`);
      const who: Applicant = { customerId: id, spec, identity: identityOf(spec, `${slug}:${specKey(spec)}`), files: new Map() };
      const own = existing.get(id) ?? [];
      for (const [ordinal, plan] of plans.entries()) await runPlan(desk, who, plan, own[ordinal], tally, ordinal < history);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const total = [...byCustomer.values()].reduce((n, { plans }) => n + plans.length, 0);
  const kept = total - tally.created - tally.leftAlone;
  const reasons = reasonsBefore ? "reasons already there" : "default reasons created";
  return (
    `${slug} ${tally.created} applications created (${tally.history} approved history), ${tally.resumed} resumed, ` +
    `${kept - tally.resumed} already there, ${tally.leftAlone} left alone (${tally.documents} documents stored, ${reasons}` +
    `${repaired ? `, ${repaired} customer levels brought down to their approved applications` : ""})`
  );
}

export async function seedKyc(db: Db): Promise<string> {
  // Whole minutes: planned times read cleanly in the queue and the history.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const lines: string[] = [];
  for (const { slug } of DEMO_BRANDS) lines.push(await seedBrand(db, slug, now));
  return `kyc: ${lines.join("; ")}`;
}
