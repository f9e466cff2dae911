import type { Dict } from "../index";
import type { bonuses as en } from "../en/bonuses";

export const bonuses: Dict<typeof en> = {
  title: "赠金",
};
