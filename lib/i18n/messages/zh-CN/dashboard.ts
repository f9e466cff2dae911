import type { Dict } from "../index";
import type { dashboard as en } from "../en/dashboard";

export const dashboard: Dict<typeof en> = {
  title: "仪表盘",
  greeting: "欢迎，{name}",
  signedInAs: "当前身份：{role} · {brand}",
  signedInAsNoBrand: "当前身份：{role}",
  areas: "您的功能",
  areasDescription: "您的角色在 Brokerdesk 中可以使用的全部功能。",
  noAreas: "您的角色暂无可用功能。如有疑问，请联系管理员。",
  available: "可用",
  comingSoon: "即将开放",
  totpTitle: "保护您的账户",
  totpDescription: "两步验证尚未开启。开启后，即使密码泄露，他人也无法登录您的账户。",
  totpAction: "设置两步验证",
};
