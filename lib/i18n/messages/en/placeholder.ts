export const placeholder = {
  notAvailable: "{area} is not available yet",
  hint: "This area opens here when it is ready. Until then it shows no data.",
  back: "Back to dashboard",
} as const;
