export const bonuses = {
  title: "Bonuses",
} as const;
