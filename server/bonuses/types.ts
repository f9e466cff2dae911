/** What the bonus procedures return. Amounts are decimal strings. Client-safe (types only). */
import type { BonusAmountRule, BonusCampaignStatus, BonusCampaignType, BonusGrantStatus } from "@/lib/bonuses/schemas";
import type { RowProblem } from "./rules";

export interface StaffRef {
  id: string;
  name: string;
}

export interface CampaignRow {
  id: string;
  name: string;
  description: string;
  type: BonusCampaignType;
  amountRule: BonusAmountRule;
  fixedAmount: string | null;
  percent: string | null;
  capAmount: string | null;
  currency: string;
  withdrawable: boolean;
  eligibleGroupIds: string[];
  eligibleCountries: string[];
  minKycLevel: number;
  budget: string;
  granted: string;
  released: string;
  expired: string;
  revoked: string;
  /** budget − granted. */
  remainingBudget: string;
  startsAt: Date;
  endsAt: Date | null;
  validityDays: number | null;
  status: BonusCampaignStatus;
  requestedBy: StaffRef | null;
  approvedBy: StaffRef | null;
  approvedAt: Date | null;
  version: number;
  createdAt: Date;
}

export interface GrantRow {
  id: string;
  campaignId: string | null;
  campaignName: string | null;
  batchId: string | null;
  customer: { id: string; uid: string; name: string };
  tradingAccount: { id: string; type: string; currency: string; demo: boolean };
  amount: string;
  currency: string;
  withdrawable: boolean;
  remaining: string;
  released: string;
  expired: string;
  revoked: string;
  shortfall: string;
  status: BonusGrantStatus;
  idempotencyKey: string;
  reason: string;
  expiresAt: Date | null;
  requestedBy: StaffRef | null;
  approvedBy: StaffRef | null;
  decidedAt: Date | null;
  rejectReason: string | null;
  appliedAt: Date | null;
  createdAt: Date;
  /** True when the idempotency key had been used: this call granted nothing new. */
  replayed?: boolean;
}

export interface GrantPage {
  rows: GrantRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BatchPreview {
  fileSha256: string;
  rowCount: number;
  totalAmount: string;
  currency: string | null;
  /** Empty when every row is valid. Each names its reason (with params) and says it in English (`message`). */
  problems: RowProblem[];
  /** Whether submitting it would wait for a second person's approval. */
  needsApproval: boolean;
}

export interface BatchRow {
  id: string;
  campaignId: string | null;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  totalAmount: string;
  status: "pending_approval" | "applied" | "rejected";
  requestedBy: StaffRef | null;
  approvedBy: StaffRef | null;
  decidedAt: Date | null;
  rejectReason: string | null;
  createdAt: Date;
}

export interface CampaignStats {
  budget: string;
  granted: string;
  released: string;
  expired: string;
  revoked: string;
  remainingBudget: string;
  /** Applied or closed grants / pending ones. */
  grants: number;
  pendingGrants: number;
  /** One point per day with activity (UTC): granted that day, clawed back (expired + revoked) that day, cumulative granted. */
  series: { day: string; granted: string; clawedBack: string; cumulativeGranted: string }[];
}

export interface ReleaseResult {
  journalId: string | null;
  released: string;
  grants: { id: string; released: string }[];
}
