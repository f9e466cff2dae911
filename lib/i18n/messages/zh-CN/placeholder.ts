import type { Dict } from "../index";
import type { placeholder as en } from "../en/placeholder";

export const placeholder: Dict<typeof en> = {
  notAvailable: "{area}暂未开放",
  hint: "该功能就绪后将在此开放，在此之前不显示任何数据。",
  back: "返回仪表盘",
};
