import { describe, expect, it } from "vitest";
import { allowedActions, approvalOutcome, FIRST_APPROVER_MESSAGE, refusal, type KycReviewState } from "@/lib/kyc/transitions";

const alice = { id: "alice", role: "compliance" as const };
const bob = { id: "bob", role: "compliance" as const };
const ops = { id: "olga", role: "operations" as const };
const admin = { id: "ada", role: "admin" as const };

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
      message: "This application is already being reviewed",
    });
    expect(refusal("claim", state({ status: "approved" }), alice)?.message).toBe("This application is already approved");
    expect(refusal("claim", state(), ops)?.code).toBe("FORBIDDEN");
    // Admins read and configure KYC but do not review: separation of duties.
    expect(refusal("claim", state(), admin)?.code).toBe("FORBIDDEN");
  });

  it("lets only the assignee decide, naming who holds it", () => {
    const held = state({ status: "in_review", assigneeId: "bob", assigneeName: "Bob" });
    expect(refusal("approve", held, bob)).toBeNull();
    expect(refusal("reject", held, alice)?.message).toBe("Assigned to Bob; only the assignee can decide");
    expect(refusal("requestInfo", state(), alice)?.message).toBe("Claim the application first");
  });

  it("refuses approval while documents are missing, listing them", () => {
    const held = state({ status: "in_review", assigneeId: "alice", missingDocuments: ["selfie", "id_back"] });
    expect(refusal("approve", held, alice)).toEqual({ code: "CONFLICT", message: "Documents missing: selfie, id_back" });
    expect(refusal("reject", held, alice)).toBeNull();
  });

  it("needs two different reviewers at level 3", () => {
    const first = state({ level: 3, status: "in_review", assigneeId: "alice" });
    expect(approvalOutcome(first)).toBe("approve_first");
    const waiting = state({ level: 3, status: "pending_second_approval", firstApproverId: "alice" });
    expect(refusal("claim", waiting, alice)?.message).toBe(FIRST_APPROVER_MESSAGE);
    expect(refusal("claim", waiting, bob)).toBeNull();
    const second = { ...waiting, assigneeId: "bob" };
    expect(refusal("approve", second, bob)).toBeNull();
    expect(approvalOutcome(second)).toBe("approve");
    // Even if assigned back to the first approver, they cannot give the second approval.
    expect(refusal("approve", { ...waiting, assigneeId: "alice" }, alice)?.message).toBe(FIRST_APPROVER_MESSAGE);
    expect(approvalOutcome(state({ level: 2, status: "in_review" }))).toBe("approve");
  });

  it("resubmits only an application waiting for information, and stops uploads once decided", () => {
    expect(refusal("resubmit", state({ status: "more_info_requested" }), ops)).toBeNull();
    expect(refusal("resubmit", state({ status: "in_review" }), ops)?.code).toBe("CONFLICT");
    expect(refusal("upload", state({ status: "more_info_requested" }), ops)).toBeNull();
    expect(refusal("upload", state({ status: "rejected" }), ops)?.code).toBe("CONFLICT");
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
      approveBlockedReason: "Documents missing: selfie",
    });
    expect(allowedActions(held, ops)).toMatchObject({ release: false, upload: true, viewDocuments: false });
  });
});
