/**
 * The KYC state machine's rules, as pure functions: which step the caller may take on an application in
 * its current state, and if not, why. The service enforces them and `getKycApplication` reports them
 * (`allowed`), so the page and the server never disagree. Client-safe.
 */
import { can, type Role } from "@/lib/auth/permissions";
import { needsSecondApproval, type KycDocumentKind, type KycStatus } from "@/lib/kyc/schemas";

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
  approveBlockedReason: string | null;
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

export interface Refusal {
  code: "FORBIDDEN" | "CONFLICT";
  message: string;
}

export const STALE_VERSION_MESSAGE = "This application changed since you opened it; reload to see the latest";
export const FIRST_APPROVER_MESSAGE = "You gave the first approval; a different reviewer must give the second";

/** Statuses in which the application waits for a reviewer (the SLA clock runs). */
export const AWAITING_REVIEW: readonly KycStatus[] = ["submitted", "in_review", "pending_second_approval"];
export const DECIDED: readonly KycStatus[] = ["approved", "rejected"];

const forbidden = (message: string): Refusal => ({ code: "FORBIDDEN", message });
const conflict = (message: string): Refusal => ({ code: "CONFLICT", message });

function notReviewable(status: KycStatus): Refusal | null {
  if (DECIDED.includes(status)) return conflict(`This application is already ${status}`);
  if (status === "more_info_requested") return conflict("This application is waiting for the customer's information");
  return null;
}

/** The assignee decides: anyone else is told who holds it, or to claim it first. */
function notAssignee(state: KycReviewState, me: KycCaller): Refusal | null {
  if (state.assigneeId === me.id) return null;
  if (!state.assigneeId) return forbidden("Claim the application first");
  return forbidden(`Assigned to ${state.assigneeName ?? "another reviewer"}; only the assignee can decide`);
}

const isOwnFirstApproval = (state: KycReviewState, me: KycCaller) =>
  state.status === "pending_second_approval" && state.firstApproverId === me.id;

/** Why `me` may not take `step` now, or null if they may. */
export function refusal(step: KycStep, state: KycReviewState, me: KycCaller): Refusal | null {
  const reviewer = can(me.role, "kyc.review");
  switch (step) {
    case "claim":
      if (!reviewer) return forbidden("Only compliance reviewers can claim applications");
      if (state.status !== "submitted" && state.status !== "pending_second_approval") {
        return notReviewable(state.status) ?? conflict("This application is already being reviewed");
      }
      if (isOwnFirstApproval(state, me)) return forbidden(FIRST_APPROVER_MESSAGE);
      if (state.assigneeId === me.id) return conflict("You have already claimed this application");
      if (state.assigneeId) return conflict(`Already claimed by ${state.assigneeName ?? "another reviewer"}`);
      return null;
    case "release":
      if (!reviewer) return forbidden("Only compliance reviewers can release applications");
      if (!state.assigneeId) return conflict("Nobody holds this application");
      if (state.assigneeId !== me.id) return forbidden("Only the assignee can release it; assign it to someone else instead");
      return null;
    case "assign":
      if (!reviewer) return forbidden("Only compliance reviewers can assign applications");
      return AWAITING_REVIEW.includes(state.status) ? null : notReviewable(state.status);
    case "approve":
      if (!reviewer) return forbidden("Only compliance reviewers can approve");
      return (
        notReviewable(state.status) ??
        (isOwnFirstApproval(state, me) ? forbidden(FIRST_APPROVER_MESSAGE) : null) ??
        notAssignee(state, me) ??
        (state.missingDocuments.length ? conflict(`Documents missing: ${state.missingDocuments.join(", ")}`) : null)
      );
    case "reject":
    case "requestInfo":
      if (!reviewer) return forbidden("Only compliance reviewers can decide");
      return notReviewable(state.status) ?? notAssignee(state, me);
    case "resubmit":
      if (!can(me.role, "kyc.submit")) return forbidden("You cannot resubmit applications");
      return state.status === "more_info_requested" ? null : conflict("Only an application waiting for information can be resubmitted");
    case "upload":
      if (!can(me.role, "kyc.submit")) return forbidden("You cannot add documents");
      return DECIDED.includes(state.status) ? conflict(`This application is already ${state.status}; documents can no longer be added`) : null;
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
    approveBlockedReason: refusal("approve", state, me)?.message ?? null,
  };
}
