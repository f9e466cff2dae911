import type { Dict } from "../index";
import type { fundLocks as en } from "../en/fundLocks";

export const fundLocks: Dict<typeof en> = {
  title: "Fund locks",
};
