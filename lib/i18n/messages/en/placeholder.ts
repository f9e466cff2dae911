export const placeholder = {
  notBuilt: "{area} is not built yet — it arrives with issue #{issue}.",
  notBuiltLater: "{area} is not built yet — it arrives in a later issue.",
  hint: "Nothing is shown here until then: this page has no data of its own yet.",
  back: "Back to dashboard",
} as const;
