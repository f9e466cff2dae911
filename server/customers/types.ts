/** What the customer procedures return. Client-safe (types only). */
import type { CustomerStatus, RegistrationSource } from "@/lib/customers/schemas";
import type { KycScenario, KycStatus } from "@/lib/kyc/schemas";

export interface CustomerRow {
  id: string;
  /** The customer number, as text (it is a bigint in the database). */
  uid: string;
  email: string | null;
  phoneCountryCode: string | null;
  phone: string | null;
  name: string;
  country: string;
  language: string;
  status: CustomerStatus;
  kycLevel: number;
  groupId: string | null;
  groupName: string | null;
  tags: string[];
  registeredAt: Date;
  registrationSource: RegistrationSource;
}

/** A page of customers. Totals above `TOTAL_CAP` are not counted exactly (`totalIsExact` false: "10,000+"). */
export interface CustomerPage {
  rows: CustomerRow[];
  page: number;
  pageSize: number;
  total: number;
  totalIsExact: boolean;
  /** Keyset cursors for the neighbouring pages; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface KycScenarioState {
  scenario: KycScenario;
  /** True once an application for this scenario was approved. */
  passed: boolean;
  approvedLevel: number | null;
  approvedAt: Date | null;
}

export interface CustomerKycSummary {
  level: number;
  /** The application still being worked on, if any (one at a time per customer). */
  openApplication: { id: string; level: number; scenario: KycScenario; status: KycStatus; submittedAt: Date } | null;
  scenarios: KycScenarioState[];
}

export interface CustomerDetail extends CustomerRow {
  statusReason: string | null;
  statusChangedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  kyc: CustomerKycSummary;
}

/** One line of a customer's timeline: an audit entry about the customer or one of their KYC applications. */
export interface CustomerTimelineEntry {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorType: string;
  actorLabel: string | null;
  /** Staff by name (as the KYC history names them); the customer's own name for their sign-up. */
  actorName: string | null;
  before: unknown;
  after: unknown;
}

export interface CustomerNoteRow {
  id: string;
  body: string;
  authorName: string;
  createdAt: Date;
}

export interface CustomerGroupRow {
  id: string;
  name: string;
  description: string | null;
  customerCount: number;
  createdAt: Date;
}
