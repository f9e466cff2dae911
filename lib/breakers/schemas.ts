/** Inputs of the exchange-breaker procedures (server/breakers). Import-safe for client components. */
import { z } from "zod";
import { zText } from "@/lib/validation/text";

export const ZBreakerResetInput = z.object({
  family: z.string({ error: "Choose a breaker" }).regex(/^[a-z]{2,32}$/, { error: "Choose a breaker" }),
  reason: zText(500, { min: 3, multiline: true, required: "Give a reason", tooShort: "Give a reason of at least 3 characters", tooLong: "A reason is at most 500 characters" }),
});
export type BreakerResetInput = z.input<typeof ZBreakerResetInput>;

export const BREAKER_STATES = ["closed", "open", "half_open"] as const;
export type BreakerStateName = (typeof BREAKER_STATES)[number];

export interface BreakerRow {
  family: string;
  state: BreakerStateName;
  consecutiveFailures: number;
  windowCalls: number;
  windowFailures: number;
  openedAt: Date | null;
}

export interface BreakerOverview {
  /** Whether exchange calls consult the breakers (OKX_BREAKERS). */
  enabled: boolean;
  /** False when Redis cannot be read: the lists are then empty. */
  available: boolean;
  breakers: BreakerRow[];
  history: { family: string; from: BreakerStateName; to: BreakerStateName; at: Date; why: string }[];
}
