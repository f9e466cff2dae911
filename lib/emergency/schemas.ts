/**
 * Inputs of the emergency-stop procedures (trigger and reset, brand or global), shared by the procedures
 * and the dialogs. Both need a reason and a fresh code from the caller's authenticator (step-up).
 * Client-safe: no server imports.
 */
import { z } from "zod";
import { zTotpCode } from "@/lib/validation/password";
import { zText } from "@/lib/validation/text";

export const EMERGENCY_SCOPES = ["global", "brand"] as const;
export type EmergencyScope = (typeof EMERGENCY_SCOPES)[number];

export const zEmergencyReason = zText(500, {
  min: 3,
  multiline: true,
  required: "Give a reason",
  tooShort: "Give a reason (at least 3 characters)",
  tooLong: "A reason is at most 500 characters",
});

export const ZEmergencyChangeInput = z.object({ reason: zEmergencyReason, totpCode: zTotpCode });
export type EmergencyChangeInput = z.input<typeof ZEmergencyChangeInput>;

/** Triggering may also cancel every open order of the customers' sub-accounts (through their own keys). */
export const ZEmergencyTriggerInput = ZEmergencyChangeInput.extend({ cancelOrders: z.boolean({ error: "Choose whether to cancel open orders" }).default(false) });
export type EmergencyTriggerInput = z.input<typeof ZEmergencyTriggerInput>;

export const CANCEL_OUTCOMES = ["queued", "running", "finished", "reset", "notQueued", "failed"] as const;

/** How cancelling the open orders goes: sub-accounts done of all, orders by outcome. */
export interface EmergencyCancelProgress {
  subaccounts: number;
  done: number;
  cancelled: number;
  failed: number;
  unknown: number;
  /** Sub-accounts without a key that may trade, or whose open orders could not be read. */
  skipped: number;
  startedAt: string | null;
  finishedAt: string | null;
  outcome: (typeof CANCEL_OUTCOMES)[number];
}

/** One activation as the page shows it. */
export interface EmergencyStopRow {
  id: string;
  scope: EmergencyScope;
  reason: string;
  triggeredAt: Date;
  triggeredBy: string;
  resetAt: Date | null;
  resetBy: string | null;
  resetReason: string | null;
  cancelOrders: boolean;
  /** Null until the cancelling job starts (or when the stop did not ask for it). */
  cancelProgress: EmergencyCancelProgress | null;
}

export interface EmergencyStatus {
  /** The active global stop, if any. */
  global: EmergencyStopRow | null;
  /** The active stop of the caller's brand, if any. */
  brand: EmergencyStopRow | null;
  /** The brand's and the global activations, newest first (the last 20). */
  history: EmergencyStopRow[];
}

/** What the banner on every page needs: which stop applies and since when. */
export interface EmergencyBanner {
  scope: EmergencyScope;
  triggeredAt: Date;
}
