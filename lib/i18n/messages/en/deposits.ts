export const deposits = {
  title: "Deposits",
} as const;
