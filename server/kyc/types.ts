/** What the KYC procedures return. Client-safe (types only). */
import type { KycAllowedActions } from "@/lib/kyc/transitions";
import type { CustomerStatus } from "@/lib/customers/schemas";
import type { KycApplicant, KycDocumentKind, KycScenario, KycStatus } from "@/lib/kyc/schemas";

export interface StaffRef {
  id: string;
  name: string;
}

export interface KycQueueRow {
  id: string;
  customerId: string;
  customerUid: string;
  customerName: string;
  level: number;
  scenario: KycScenario;
  status: KycStatus;
  country: string;
  submittedAt: Date;
  /** Whole hours since `submittedAt`, and whether that is past the brand's SLA target. */
  ageHours: number;
  overSla: boolean;
  assignee: StaffRef | null;
  firstApprover: StaffRef | null;
  documentCount: number;
  version: number;
}

export interface KycDocumentRow {
  id: string;
  kind: KycDocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
}

export interface KycEventRow {
  id: string;
  action: string;
  fromStatus: KycStatus | null;
  toStatus: KycStatus | null;
  actorLabel: string;
  reasonCode: string | null;
  note: string | null;
  createdAt: Date;
}


export interface KycApplicationDetail extends KycQueueRow {
  customer: { id: string; uid: string; name: string; status: CustomerStatus; kycLevel: number; country: string };
  applicant: KycApplicant;
  decidedBy: StaffRef | null;
  decidedAt: Date | null;
  firstApprovedAt: Date | null;
  rejectionReasonCode: string | null;
  canResubmit: boolean | null;
  decisionNote: string | null;
  documents: KycDocumentRow[];
  requiredDocuments: KycDocumentKind[];
  missingDocuments: KycDocumentKind[];
  events: KycEventRow[];
  allowed: KycAllowedActions;
}

export interface KycCustomerApplicationRow {
  id: string;
  level: number;
  scenario: KycScenario;
  status: KycStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  rejectionReasonCode: string | null;
  canResubmit: boolean | null;
}

export interface KycReasonRow {
  id: string;
  code: string;
  label: string;
  labelZh: string | null;
  allowResubmit: boolean;
  active: boolean;
  sortOrder: number;
}

export interface KycSettings {
  corporateCountries: string[];
  slaHours: number;
}

export type { KycAllowedActions };
