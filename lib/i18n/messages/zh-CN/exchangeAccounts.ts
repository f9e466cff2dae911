import type { Dict } from "..";
import type { exchangeAccounts as en } from "../en/exchangeAccounts";

export const exchangeAccounts: Dict<typeof en> = {
  errors: {
    queueUnavailable: "无法连接任务队列（Redis），暂时无法刷新；恢复后账户会再次同步",
    noKey: {
      no_key: "该子账户没有 API 密钥",
      no_stored_secret: "该子账户的 API 密钥都不是在本系统创建的，未保存其密钥，无法使用",
      missing_permission: "该子账户的 API 密钥都没有 {permission} 权限",
      unreadable_secret: "该子账户的 API 密钥已无法解密，请新建密钥",
    },
  },
};
