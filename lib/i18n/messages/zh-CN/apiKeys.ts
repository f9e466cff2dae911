import type { Dict } from "../index";
import type { apiKeys as en } from "../en/apiKeys";

export const apiKeys: Dict<typeof en> = {
  title: "API keys",
};
