import type { Dict } from "../index";
import type { tradingAccounts as en } from "../en/tradingAccounts";

export const tradingAccounts: Dict<typeof en> = {
  title: "Trading accounts",
};
