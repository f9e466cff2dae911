export const fundLocks = {
  title: "Fund locks",
} as const;
