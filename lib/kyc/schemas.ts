/**
 * Inputs of the KYC procedures and the rules every desk reads (levels, scenarios, required documents,
 * accepted files). Client-safe: no server imports.
 */
import { z } from "zod";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zCountryCode } from "@/lib/customers/schemas";
import { zPastDay } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { zOptionalText, zText } from "@/lib/validation/text";

export const KYC_SCENARIOS = ["open_trading_account", "withdrawal", "corporate_account", "high_value"] as const;
export type KycScenario = (typeof KYC_SCENARIOS)[number];
export const KYC_STATUSES = [
  "submitted",
  "in_review",
  "more_info_requested",
  "pending_second_approval",
  "approved",
  "rejected",
] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];
/** Statuses in which an application is still being worked on (at most one per customer). */
export const OPEN_KYC_STATUSES = ["submitted", "in_review", "more_info_requested", "pending_second_approval"] as const satisfies readonly KycStatus[];
export const KYC_APPLICATION_LEVELS = [1, 2, 3] as const;
export const KYC_DOCUMENT_KINDS = [
  "id_front",
  "id_back",
  "selfie",
  "proof_of_address",
  "company_registration",
  "company_ownership",
  "other",
] as const;
export type KycDocumentKind = (typeof KYC_DOCUMENT_KINDS)[number];

/** Documents an application must hold before it can be approved, by level (corporate adds company papers). */
export function requiredDocuments(level: number, scenario: KycScenario): KycDocumentKind[] {
  const identity: KycDocumentKind[] = ["id_front", "id_back", "selfie"];
  if (scenario === "corporate_account") return [...identity, "company_registration", "company_ownership"];
  if (level >= 2) return [...identity, "proof_of_address"];
  return identity;
}

/** Level 3 (corporate or high-value) needs two approvals by different reviewers. */
export const needsSecondApproval = (level: number) => level >= 3;

/** Accepted uploads: type detected from the file's bytes, not its name. */
export const KYC_ACCEPTED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export const KYC_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

// ── Queue
export const KYC_QUEUE_SORTS = ["submittedAt", "level"] as const;
export const KYC_ASSIGNEE_FILTERS = ["any", "me", "unassigned"] as const;
const zLevels = zMulti(["1", "2", "3"] as const);
export const ZKycQueueInput = ZTableQuery.extend({
  sort: z.enum(KYC_QUEUE_SORTS).optional(),
  /** Oldest first by default: the queue is worked in arrival order. */
  dir: z.enum(["asc", "desc"]).default("asc"),
  /** Default (none chosen): the open statuses. */
  status: zMulti(KYC_STATUSES),
  level: zLevels,
  scenario: zMulti(KYC_SCENARIOS),
  country: z.preprocess((v) => (v === "" ? undefined : v), zCountryCode.optional()),
  assignee: z.enum(KYC_ASSIGNEE_FILTERS).default("any"),
  /** Only applications waiting at least this many hours. */
  minAgeHours: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).max(24 * 365).optional()),
});
export type KycQueueInput = z.infer<typeof ZKycQueueInput>;

export const ZKycApplicationId = z.object({ id: zId("Unknown application") });
/** Every step on an application carries the version the reviewer saw; a changed application is refused. */
export const ZKycVersion = ZKycApplicationId.extend({ version: z.number().int().min(1) });

/** The next application a reviewer may work, skipping the one just decided (`after`). */
export const ZKycNextInput = z.object({ after: zId("Unknown application").optional() });

export const ZKycCustomerInput = z.object({ customerId: zId("Unknown customer") });

const zRequired = (field: string, max: number) => zText(max, { min: 1, required: `Enter the ${field}`, tooLong: `The ${field} is at most ${max} characters` });

/** What the applicant declares. Company fields are required for the corporate scenario. */
export const ZKycApplicant = z.object({
  fullName: zRequired("full name", 120),
  dateOfBirth: zPastDay("1900-01-01", "Enter the date of birth as YYYY-MM-DD").optional(),
  idType: z.enum(["passport", "national_id", "driving_licence"], { error: "Choose the ID type" }),
  idNumber: zRequired("ID number", 40),
  address: zOptionalText(300, { multiline: true }),
  companyName: zOptionalText(200),
  companyRegistrationNumber: zOptionalText(60),
});
export type KycApplicant = z.infer<typeof ZKycApplicant>;

export const ZSubmitKycInput = z
  .object({
    customerId: zId("Unknown customer"),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "Choose a level" }),
    scenario: z.enum(KYC_SCENARIOS, { error: "Choose a business scenario" }),
    country: zCountryCode,
    applicant: ZKycApplicant,
  })
  .refine((v) => v.scenario !== "corporate_account" || v.level === 3, { error: "A corporate account is level 3", path: ["level"] })
  .refine((v) => v.scenario !== "corporate_account" || Boolean(v.applicant.companyName), {
    error: "Enter the company name",
    path: ["applicant", "companyName"],
  })
  .refine((v) => v.scenario !== "corporate_account" || Boolean(v.applicant.companyRegistrationNumber), {
    error: "Enter the company registration number",
    path: ["applicant", "companyRegistrationNumber"],
  })
  .refine((v) => v.level < 2 || Boolean(v.applicant.address), { error: "Enter the address (level 2 and above)", path: ["applicant", "address"] });
export type SubmitKycInput = z.input<typeof ZSubmitKycInput>;

const zNote = zOptionalText(1000, { multiline: true, tooLong: "A note is at most 1,000 characters" });
export const ZKycApproveInput = ZKycVersion.extend({ note: zNote });
export const ZKycRejectInput = ZKycVersion.extend({
  reasonCode: zText(64, { min: 1, required: "Choose a reason" }),
  note: zNote,
});
export const ZKycRequestInfoInput = ZKycVersion.extend({
  note: zText(1000, { min: 3, multiline: true, required: "Say what is needed", tooLong: "A note is at most 1,000 characters" }),
});
/** The customer answered a request for information: the application goes back into the queue. */
export const ZKycResubmitInput = ZKycVersion.extend({ note: zNote });
export const ZKycAssignInput = ZKycVersion.extend({ assigneeId: zId("Choose a reviewer").nullable() });

// ── Settings
const zReasonCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,47}$/, { error: "Code is 2–48 lower-case letters, digits or _" });
export const ZKycReasonInput = z.object({
  /** Absent: a new reason. */
  id: zId().optional(),
  code: zReasonCode,
  label: zRequired("label", 120),
  labelZh: zOptionalText(120),
  allowResubmit: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});
export const ZKycReasonActiveInput = z.object({ id: zId("Unknown reason"), active: z.boolean() });

export const ZKycSettingsInput = z.object({
  corporateCountries: z.array(zCountryCode).max(250).transform((c) => [...new Set(c)].sort()),
  slaHours: z.number({ error: "Enter the SLA in hours" }).int().min(1, { error: "At least 1 hour" }).max(720, { error: "At most 720 hours" }),
});
