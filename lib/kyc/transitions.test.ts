import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { allowedActions, approvalOutcome, refusal, type KycReviewState } from "@/lib/kyc/transitions";

const alice = { id: "alice", role: "compliance" as const };
const bob = { id: "bob", role: "compliance" as const };
const ops = { id: "olga", role: "operations" as const };
const admin = { id: "ada", role: "admin" as const };

/** The refusal's English message, as the service's AppError words it. */
const english = createTranslator("en");
const messageOf = (r: ReturnType<typeof refusal>) => (r ? english(r.reason, r.params) : null);

const state = (over: Partial<KycReviewState> = {}): KycReviewState => ({
  status: "submitted",
  level: 1,
  assigneeId: null,
  firstApproverId: null,
  missingDocuments: [],
  ...over,
});

describe("KYC transitions", () => {
  it("lets a reviewer claim a submitted application, and nobody claim a held or decided one", () => {
    expect(refusal("claim", state(), alice)).toBeNull();
    expect(refusal("claim", state({ status: "in_review", assigneeId: "bob", assigneeName: "Bob" }), alice)).toEqual({
      code: "CONFLICT",
      reason: "kyc.errors.alreadyInReview",
    });
    expect(messageOf(refusal("claim", state({ status: "in_review", assigneeId: "bob" }), alice))).toBe("This application is already being reviewed");
    expect(refusal("claim", state({ status: "approved" }), alice)?.reason).toBe("kyc.errors.alreadyApproved");
    expect(messageOf(refusal("claim", state({ status: "approved" }), alice))).toBe("This application is already approved");
    expect(messageOf(refusal("claim", state({ status: "rejected" }), alice))).toBe("This application is already rejected");
    expect(refusal("claim", state({ status: "pending_second_approval", assigneeId: "bob", assigneeName: "Bob" }), alice)).toEqual({
      code: "CONFLICT",
      reason: "kyc.errors.alreadyClaimedBy",
      params: { name: "Bob" },
    });
    expect(messageOf(refusal("claim", state({ status: "pending_second_approval", assigneeId: "bob" }), alice))).toBe("Already claimed by another reviewer");
    expect(refusal("claim", state(), ops)?.code).toBe("FORBIDDEN");
    // Admins read and configure KYC but do not review: separation of duties.
    expect(refusal("claim", state(), admin)?.code).toBe("FORBIDDEN");
  });

  it("lets only the assignee decide, naming who holds it", () => {
    const held = state({ status: "in_review", assigneeId: "bob", assigneeName: "Bob" });
    expect(refusal("approve", held, bob)).toBeNull();
    expect(refusal("reject", held, alice)).toEqual({ code: "FORBIDDEN", reason: "kyc.errors.assignedTo", params: { name: "Bob" } });
    expect(messageOf(refusal("reject", held, alice))).toBe("Assigned to Bob; only the assignee can decide");
    // A holder whose name is unknown (e.g. no longer on the staff list) is not named.
    expect(messageOf(refusal("reject", { ...held, assigneeName: null }, alice))).toBe("Assigned to another reviewer; only the assignee can decide");
    expect(refusal("requestInfo", state(), alice)).toEqual({ code: "FORBIDDEN", reason: "kyc.errors.claimFirst" });
    expect(messageOf(refusal("requestInfo", state(), alice))).toBe("Claim the application first");
  });

  it("refuses approval while documents are missing, listing them", () => {
    const held = state({ status: "in_review", assigneeId: "alice", missingDocuments: ["selfie", "id_back"] });
    expect(refusal("approve", held, alice)).toEqual({ code: "CONFLICT", reason: "kyc.errors.documentsMissing", params: { documents: "selfie, id_back" } });
    expect(messageOf(refusal("approve", held, alice))).toBe("Documents missing: selfie, id_back");
    expect(refusal("reject", held, alice)).toBeNull();
  });

  it("needs two different reviewers at level 3", () => {
    const first = state({ level: 3, status: "in_review", assigneeId: "alice" });
    expect(approvalOutcome(first)).toBe("approve_first");
    const waiting = state({ level: 3, status: "pending_second_approval", firstApproverId: "alice" });
    expect(refusal("claim", waiting, alice)).toEqual({ code: "FORBIDDEN", reason: "kyc.errors.firstApprover" });
    expect(messageOf(refusal("claim", waiting, alice))).toBe("You gave the first approval; a different reviewer must give the second");
    expect(refusal("claim", waiting, bob)).toBeNull();
    const second = { ...waiting, assigneeId: "bob" };
    expect(refusal("approve", second, bob)).toBeNull();
    expect(approvalOutcome(second)).toBe("approve");
    // Even if assigned back to the first approver, they cannot give the second approval.
    expect(refusal("approve", { ...waiting, assigneeId: "alice" }, alice)?.reason).toBe("kyc.errors.firstApprover");
    expect(approvalOutcome(state({ level: 2, status: "in_review" }))).toBe("approve");
  });

  it("resubmits only an application waiting for information, and stops uploads once decided", () => {
    expect(refusal("resubmit", state({ status: "more_info_requested" }), ops)).toBeNull();
    expect(refusal("resubmit", state({ status: "in_review" }), ops)?.code).toBe("CONFLICT");
    expect(refusal("upload", state({ status: "more_info_requested" }), ops)).toBeNull();
    expect(refusal("upload", state({ status: "rejected" }), ops)?.code).toBe("CONFLICT");
    expect(messageOf(refusal("upload", state({ status: "rejected" }), ops))).toBe("This application is already rejected; documents can no longer be added");
    expect(messageOf(refusal("upload", state({ status: "approved" }), ops))).toBe("This application is already approved; documents can no longer be added");
    expect(refusal("upload", state(), { id: "s", role: "support" })?.code).toBe("FORBIDDEN");
  });

  it("reports the allowed actions and why approval is blocked, for the page", () => {
    const held = state({ status: "in_review", assigneeId: "alice", missingDocuments: ["selfie"] });
    expect(allowedActions(held, alice)).toMatchObject({
      claim: false,
      release: true,
      approve: false,
      reject: true,
      requestInfo: true,
      viewDocuments: true,
      approveBlockedReason: "kyc.errors.documentsMissing",
    });
    expect(allowedActions(held, ops)).toMatchObject({ release: false, upload: true, viewDocuments: false });
  });
});
