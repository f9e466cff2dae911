/**
 * The KYC state machine's rules, as pure functions: which step the caller may take on an application in
 * its current state, and if not, why. The service enforces them and `getKycApplication` reports them
 * (`allowed`), so the page and the server never disagree. Client-safe.
 */
import { can, type Role } from "@/lib/auth/permissions";
import type { kyc } from "@/lib/i18n/messages/en/kyc";
import { needsSecondApproval, type KycDocumentKind, type KycStatus } from "@/lib/kyc/schemas";

type KycErrors = typeof kyc.errors;
/** A refusal's key in the KYC dictionary (`kyc.errors.*`): the server's English message, the page's translation. */
export type KycRefusalReason = `kyc.errors.${{ [K in keyof KycErrors]: KycErrors[K] extends string ? K : never }[keyof KycErrors]}`;

/** What the caller may do now, computed by the service so the page never guesses a rule. */
export interface KycAllowedActions {
  claim: boolean;
  release: boolean;
  assign: boolean;
  approve: boolean;
  reject: boolean;
  requestInfo: boolean;
  resubmit: boolean;
  upload: boolean;
  viewDocuments: boolean;
  /** Why approval is not possible (missing documents, own first approval, not assigned...), if it is not. */
  approveBlockedReason: KycRefusalReason | null;
}

export type KycStep = "claim" | "release" | "assign" | "approve" | "reject" | "requestInfo" | "resubmit" | "upload";

export interface KycReviewState {
  status: KycStatus;
  level: number;
  assigneeId: string | null;
  /** Shown in "assigned to …" refusals. */
  assigneeName?: string | null;
  firstApproverId: string | null;
  missingDocuments: KycDocumentKind[];
}

export interface KycCaller {
  id: string;
  role: Role;
}

/** A refusal as the service throws it: `new AppError(code, reason, { params })`. */
export interface Refusal {
  code: "FORBIDDEN" | "CONFLICT";
  reason: KycRefusalReason;
  /** Values for the reason's `{placeholders}` (names, document kind codes). */
  params?: Record<string, string | number>;
}

/** A changed application: the caller must reload (the page shows its own notice for it). */
export const STALE_VERSION_REASON = "kyc.errors.staleVersion" satisfies KycRefusalReason;

/** Statuses in which the application waits for a reviewer (the SLA clock runs). */
export const AWAITING_REVIEW: readonly KycStatus[] = ["submitted", "in_review", "pending_second_approval"];
export const DECIDED: readonly KycStatus[] = ["approved", "rejected"];

const forbidden = (reason: KycRefusalReason, params?: Refusal["params"]): Refusal => ({ code: "FORBIDDEN", reason, ...(params ? { params } : {}) });
const conflict = (reason: KycRefusalReason, params?: Refusal["params"]): Refusal => ({ code: "CONFLICT", reason, ...(params ? { params } : {}) });

function notReviewable(status: KycStatus): Refusal | null {
  if (status === "approved") return conflict("kyc.errors.alreadyApproved");
  if (status === "rejected") return conflict("kyc.errors.alreadyRejected");
  if (status === "more_info_requested") return conflict("kyc.errors.waitingForCustomer");
  return null;
}

/** The assignee decides: anyone else is told who holds it, or to claim it first. */
function notAssignee(state: KycReviewState, me: KycCaller): Refusal | null {
  if (state.assigneeId === me.id) return null;
  if (!state.assigneeId) return forbidden("kyc.errors.claimFirst");
  return state.assigneeName ? forbidden("kyc.errors.assignedTo", { name: state.assigneeName }) : forbidden("kyc.errors.assignedToAnother");
}

const isOwnFirstApproval = (state: KycReviewState, me: KycCaller) =>
  state.status === "pending_second_approval" && state.firstApproverId === me.id;

/** Why `me` may not take `step` now, or null if they may. */
export function refusal(step: KycStep, state: KycReviewState, me: KycCaller): Refusal | null {
  const reviewer = can(me.role, "kyc.review");
  switch (step) {
    case "claim":
      if (!reviewer) return forbidden("kyc.errors.onlyReviewersClaim");
      if (state.status !== "submitted" && state.status !== "pending_second_approval") {
        return notReviewable(state.status) ?? conflict("kyc.errors.alreadyInReview");
      }
      if (isOwnFirstApproval(state, me)) return forbidden("kyc.errors.firstApprover");
      if (state.assigneeId === me.id) return conflict("kyc.errors.alreadyClaimedByYou");
      if (state.assigneeId) {
        return state.assigneeName ? conflict("kyc.errors.alreadyClaimedBy", { name: state.assigneeName }) : conflict("kyc.errors.alreadyClaimedByAnother");
      }
      return null;
    case "release":
      if (!reviewer) return forbidden("kyc.errors.onlyReviewersRelease");
      // A decision is final: giving it back would reopen nothing and only erase who decided.
      if (state.status === "approved") return conflict("kyc.errors.releaseApproved");
      if (state.status === "rejected") return conflict("kyc.errors.releaseRejected");
      if (!state.assigneeId) return conflict("kyc.errors.nobodyHolds");
      if (state.assigneeId !== me.id) return forbidden("kyc.errors.onlyAssigneeReleases");
      return null;
    case "assign":
      if (!reviewer) return forbidden("kyc.errors.onlyReviewersAssign");
      return AWAITING_REVIEW.includes(state.status) ? null : notReviewable(state.status);
    case "approve":
      if (!reviewer) return forbidden("kyc.errors.onlyReviewersApprove");
      return (
        notReviewable(state.status) ??
        (isOwnFirstApproval(state, me) ? forbidden("kyc.errors.firstApprover") : null) ??
        notAssignee(state, me) ??
        // The kinds' codes (id_front, selfie); the page names them in the reader's language from the facts.
        (state.missingDocuments.length ? conflict("kyc.errors.documentsMissing", { documents: state.missingDocuments.join(", ") }) : null)
      );
    case "reject":
    case "requestInfo":
      if (!reviewer) return forbidden("kyc.errors.onlyReviewersDecide");
      return notReviewable(state.status) ?? notAssignee(state, me);
    case "resubmit":
      if (!can(me.role, "kyc.submit")) return forbidden("kyc.errors.resubmitForbidden");
      return state.status === "more_info_requested" ? null : conflict("kyc.errors.resubmitNotWaiting");
    case "upload":
      if (!can(me.role, "kyc.submit")) return forbidden("kyc.errors.uploadForbidden");
      if (state.status === "approved") return conflict("kyc.errors.uploadAfterApproved");
      if (state.status === "rejected") return conflict("kyc.errors.uploadAfterRejected");
      return null;
  }
}

/** Where an approval leads: level 3's first approval waits for a second reviewer. */
export function approvalOutcome(state: Pick<KycReviewState, "status" | "level">): "approve_first" | "approve" {
  return needsSecondApproval(state.level) && state.status !== "pending_second_approval" ? "approve_first" : "approve";
}

export function allowedActions(state: KycReviewState, me: KycCaller): KycAllowedActions {
  const may = (step: KycStep) => refusal(step, state, me) === null;
  return {
    claim: may("claim"),
    release: may("release"),
    assign: may("assign"),
    approve: may("approve"),
    reject: may("reject"),
    requestInfo: may("requestInfo"),
    resubmit: may("resubmit"),
    upload: may("upload"),
    viewDocuments: can(me.role, "kyc.documents"),
    approveBlockedReason: refusal("approve", state, me)?.reason ?? null,
  };
}
