/**
 * Which campaign actions each status allows: the service refuses every other (with a reason per status)
 * and the campaign page offers only these, so a button is never shown for what the server would refuse.
 * Client-safe.
 */
import type { BonusCampaignStatus } from "./schemas";

export const CAMPAIGN_ACTIONS = {
  edit: ["draft"],
  submit: ["draft"],
  approve: ["pending_approval"],
  reject: ["pending_approval"],
  pause: ["active"],
  resume: ["paused"],
  // A campaign awaiting approval is the approver's to decide (approve or send back), not to end.
  end: ["draft", "active", "paused"],
} as const satisfies Record<string, readonly BonusCampaignStatus[]>;
export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;

export const campaignAllows = (status: BonusCampaignStatus, action: CampaignAction): boolean =>
  (CAMPAIGN_ACTIONS[action] as readonly BonusCampaignStatus[]).includes(status);
