import type { Dict } from "../index";
import type { auth as en } from "../en/auth";

export const auth: Dict<typeof en> = {
  title: "登录",
  subtitle: "券商后台管理系统",
  email: "邮箱",
  password: "密码",
  emailRequired: "请输入邮箱地址",
  emailInvalid: "请输入有效的邮箱地址",
  passwordRequired: "请输入密码",
  submit: "登录",
  failed: "登录失败。请检查邮箱、密码和验证码，或稍后再试。",
  rateLimited: "您所在网络的登录失败次数过多，请等待几分钟后再试。",
  expired: "您的会话已结束，请重新登录。",
  back: "返回",
  signingInAs: "正在以 {email} 登录",
  totp: {
    title: "两步验证",
    description: "请输入身份验证器应用中的 6 位验证码。",
    code: "验证码",
    codeInvalid: "请输入身份验证器应用中的 6 位验证码",
    submit: "验证并登录",
  },
  enrol: {
    title: "设置两步验证",
    description: "您的账号需要使用身份验证器应用。请用 Google Authenticator、1Password 等应用扫描二维码，然后输入应用显示的验证码。",
    loading: "正在生成二维码…",
    qrAlt: "将 Brokerdesk 添加到身份验证器应用的二维码",
    manual: "无法扫描？请在应用中手动输入以下密钥：",
    submit: "确认并登录",
  },
};
