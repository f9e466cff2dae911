/**
 * Every approval kind the inbox shows. Domains own their kinds (server/<domain>/approvals.ts); this file
 * only lists them and answers which of them a role may see or decide.
 */
import "server-only";
import { can, type Role } from "@/lib/auth/permissions";
import { BONUS_APPROVAL_KINDS } from "@/server/bonuses/approvals";
import { MESSAGE_APPROVAL_KINDS } from "@/server/messages/approvals";
import { WITHDRAWAL_APPROVAL_KINDS } from "@/server/withdrawals/approvals";
import type { ApprovalKind } from "./types";

// Domains add their arrays here as they are written.
const KIND_GROUPS: readonly (readonly ApprovalKind[])[] = [BONUS_APPROVAL_KINDS, MESSAGE_APPROVAL_KINDS, WITHDRAWAL_APPROVAL_KINDS];

export const APPROVAL_KINDS: readonly ApprovalKind[] = KIND_GROUPS.flat();

const duplicate = APPROVAL_KINDS.find((kind, i) => APPROVAL_KINDS.findIndex((other) => other.key === kind.key) !== i);
if (duplicate) throw new Error(`Approval kind ${duplicate.key} is registered twice`);

export const approvalKind = (key: string): ApprovalKind | undefined => APPROVAL_KINDS.find((kind) => kind.key === key);

/** The kinds whose items this role may see. */
export const visibleKinds = (role: Role) => APPROVAL_KINDS.filter((kind) => can(role, kind.viewPermission));

/** The kinds whose items this role may decide (and see). */
export const decidableKinds = (role: Role) => visibleKinds(role).filter((kind) => can(role, kind.decidePermission));
