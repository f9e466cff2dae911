export const subaccounts = {
  title: "Sub-accounts",
} as const;
