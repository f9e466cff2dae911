export const tradingAccounts = {
  title: "Trading accounts",
} as const;
