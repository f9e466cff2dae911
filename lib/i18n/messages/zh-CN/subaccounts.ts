import type { Dict } from "../index";
import type { subaccounts as en } from "../en/subaccounts";

export const subaccounts: Dict<typeof en> = {
  title: "Sub-accounts",
};
