export const apiKeys = {
  title: "API keys",
} as const;
