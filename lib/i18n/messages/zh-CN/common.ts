import type { Dict } from "../index";
import type { common as en } from "../en/common";

export const common: Dict<typeof en> = {
  appName: "Brokerdesk",
  save: "保存",
  cancel: "取消",
  confirm: "确认",
  close: "关闭",
  create: "新建",
  edit: "编辑",
  delete: "删除",
  actions: "操作",
  loading: "加载中…",
  empty: "暂无数据。",
  error: "出错了。",
  retry: "重试",
  yes: "是",
  no: "否",
  copy: "复制",
  copied: "已复制",
  search: "搜索",
  export: "导出 CSV",
  datePicker: {
    openCalendar: "打开日历",
    datePlaceholder: "如 {example}",
    time: "时间（24 小时制）",
    timePlaceholder: "时:分",
    timezone: "时区：{zone}",
  },
  fileInput: {
    choose: "选择文件",
    chooseMany: "选择文件",
    none: "未选择文件",
    many: "已选择 {count} 个文件",
  },
  toasts: { region: "通知", close: "关闭通知" },
  invalidValue: "请检查此项",
};
