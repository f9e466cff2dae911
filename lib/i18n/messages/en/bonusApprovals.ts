/** The bonus domain's approval kinds as the approvals inbox names them (server/bonuses/approvals.ts). */
export const bonusApprovals = {
  kinds: {
    grant: "Bonus grant",
    batch: "CSV upload",
    campaign: "Campaign",
  },
  titles: {
    grant: "Grant of {amount} {currency} to {customer}",
    batch: "Upload {file}: {count} grants, {amount} {currency}",
    campaign: "Campaign {name}, budget {amount} {currency}",
  },
  inInbox: "Waiting for approval — see Approvals",
  batchWaiting: "Upload submitted: it waits for an admin's approval",
} as const;
