import type { Dict } from "../index";
import type { placeholder as en } from "../en/placeholder";

export const placeholder: Dict<typeof en> = {
  notBuilt: "{area}功能尚未完成——将在第 #{issue} 号议题中提供。",
  notBuiltLater: "{area}功能尚未完成——将在后续议题中提供。",
  hint: "在此之前，本页面不显示任何数据。",
  back: "返回仪表盘",
};
