import type { Dict } from "../index";
import type { shell as en } from "../en/shell";

export const shell: Dict<typeof en> = {
  skipToContent: "跳到主要内容",
  roles: {
    platform_admin: "平台管理员",
    admin: "管理员",
    operations: "运营",
    compliance: "合规",
    marketing: "市场",
    support: "客服（只读）",
  },
  brand: {
    label: "品牌",
    choose: "选择品牌",
    none: "无品牌",
    switched: "已切换到 {name}",
    switchFailed: "无法切换品牌，请刷新页面后重试。",
    logoAlt: "{name} 标志",
  },
  locale: {
    label: "语言",
    en: "English",
    "zh-CN": "简体中文",
  },
  theme: {
    label: "主题",
    light: "浅色",
    dark: "深色",
    system: "跟随系统",
  },
  user: {
    menu: "账户菜单",
    account: "账户与安全",
    signOut: "退出登录",
  },
  sidebar: {
    collapse: "收起侧边栏",
    expand: "展开侧边栏",
    open: "打开导航",
    title: "导航",
  },
  forbidden: {
    code: "403",
    title: "您无权访问此页面",
    description: "您的角色不包含此功能。如需使用，请联系本品牌的管理员。",
    back: "返回仪表盘",
  },
  notFound: {
    code: "404",
    title: "页面不存在",
    description: "您访问的页面不存在或已移动。",
    back: "前往仪表盘",
  },
  loadFailed: {
    title: "页面无法加载",
    description: "服务可能暂时不可用（例如数据库正在重启）。请稍后重试；如果问题持续出现，请联系管理员。",
    reference: "参考编号：{digest}",
    retry: "重试",
    back: "前往仪表盘",
  },
  copyFailed: "无法复制到剪贴板。",
};
