import type { Dict } from "../index";
import type { deposits as en } from "../en/deposits";

export const deposits: Dict<typeof en> = {
  title: "Deposits",
};
